// The catalogue of rule ids check can report (src/check/rule-catalogue.ts), held to the source: every
// id a file, YAML or schema problem is reported under is read from the code that reports it, so a
// new one cannot reach a SARIF log without its description, and none is described that nothing reports.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_PROBLEMS, reportableRules } from '../../src/check/rule-catalogue.js';
import { defaultConfig } from '../../src/load/config.js';
import { ROOT } from '../helpers/paths.js';

/** The files that report file, YAML and schema problems of a deal file. */
const REPORTERS = [
  ...readdirSync(path.join(ROOT, 'src/load')).map((name) => `src/load/${name}`),
  'src/io/discover.ts',
  'src/io/check-files.ts',
  'src/schema/deal.ts',
  'src/engine/override.ts',
  'src/one-on-one/log.ts',
];

const ID = `'([a-z]+(?:-[a-z]+)+)'`;
/** Where an id stands: problem(file, at, 'id', message), { rule: 'id' }, params: { rule: 'id' }, and the ternaries that pick one. */
const PLACES = [
  new RegExp(`problem\\(\\s*[\\w.]+,\\s*(?:[^,(){}]|\\{[^{}]*\\}|\\((?:[^()]|\\([^()]*\\))*\\))*?,\\s*${ID}`, 'g'),
  new RegExp(`\\brule: ${ID}`, 'g'),
  new RegExp(`\\? ${ID} : ${ID}`, 'g'),
  new RegExp(`export const [A-Z_]+ = ${ID};`, 'g'),
];

function reportedIds(): Set<string> {
  const ids = new Set<string>();
  for (const file of REPORTERS) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const place of PLACES) for (const match of text.matchAll(place)) for (const id of match.slice(1)) if (id) ids.add(id);
  }
  return ids;
}

describe('the rule catalogue', () => {
  it('describes every id the loader and the file readers report, and no other', () => {
    const found = reportedIds();
    // The reader finds some: a pattern that matched nothing would pass the comparison below.
    expect(found.size).toBeGreaterThan(20);
    expect([...found].sort()).toEqual(Object.keys(FILE_PROBLEMS).sort());
  });

  it('has the built-in finding and folder rules too, each once', () => {
    const ids = reportableRules(defaultConfig()).map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['ceo-requested-on-declined', 'close-date-passed', 'duplicate-id', 'over-capacity', 'override-expired', 'override-too-long', 'one-on-one-overdue', 'commitment-overdue']));
    // Not a finding: a decline rule never reports in check.
    expect(ids).not.toContain('small-deal');
  });
});
