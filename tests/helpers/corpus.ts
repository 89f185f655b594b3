// The YAML test suite (../shared/corpus/yaml-test-suite), which sits beside the repository in CI
// and on the team's machines; a clone alone has none. In CI (CI set, as .ci/run and CI services
// do) a test over it fails when it is missing; elsewhere it is skipped, and says so by name and
// on stderr, so a green run without it cannot be mistaken for a run with it.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './paths.js';

export const CORPUS = path.join(ROOT, '../shared/corpus/yaml-test-suite');

const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const present = existsSync(CORPUS);
if (!present && !inCi) console.warn(`note: ${CORPUS} is missing: the tests over the YAML test suite are skipped (in CI they fail)`);

/** The suite's .yaml files, sorted; none when it is missing. */
export function corpusFiles(): string[] {
  if (!present) return [];
  return readdirSync(CORPUS)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(CORPUS, name));
}

/** A test over the suite's files: it fails in CI without them, and is skipped (by name) elsewhere. */
export function itOverCorpus(name: string, test: (files: string[]) => void): void {
  if (!present && !inCi) {
    it.skip(`${name} (skipped: no ${CORPUS})`, () => undefined);
    return;
  }
  it(name, () => {
    const files = corpusFiles();
    expect(files.length, `the YAML test suite is missing or empty at ${CORPUS}; CI needs it beside the repository`).toBeGreaterThan(100);
    test(files);
  });
}
