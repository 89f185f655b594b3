// The README is the user's manual: it must name every rule, fact and operator the code has, and
// its set-up command must be the one CI runs.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_NAMES } from '../src/engine/facts.js';
import { OPERATOR_NAMES } from '../src/engine/operators.js';
import { BUILT_IN_RULE_IDS } from '../src/policy/built-in.js';
import { FOLDER_RULE_IDS } from '../src/policy/folder-rules.js';
import { DEFAULT_POLICY } from '../src/policy/params.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it.each(BUILT_IN_RULE_IDS)('documents the built-in rule %s', (id) => {
    expect(readme).toContain(`\`${id}\``);
  });

  it.each(FOLDER_RULE_IDS)('documents the folder rule %s', (id) => {
    expect(readme).toContain(`\`${id}\``);
  });

  it('shows a GitHub Actions workflow whose check CI runs the same way', () => {
    const step = /- run: npx --yes deal-triage (check [^\n]*)/.exec(readme)?.[1];
    expect(step).toContain('--format github');
    expect(readFileSync('.ci/run', 'utf8')).toContain(`node ../bin/deal-triage.js ${step}`);
  });

  it.each(FACT_NAMES)('documents the fact %s', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });

  it.each(OPERATOR_NAMES)('documents the operator %s', (name) => {
    expect(readme).toContain(`\`${name}\``);
  });

  it.each(Object.entries(DEFAULT_POLICY))('documents the policy default %s', (name, value) => {
    const shown = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    expect(readme).toMatch(new RegExp(`${name}: ${shown.replace(/[[\]]/g, '\\$&')}\\s`));
  });

  it('starts with the two set-up commands, and CI runs the same triage', () => {
    const block = /```sh\n([^`]*)```/.exec(readme)?.[1]?.trim().split('\n') ?? [];
    expect(block).toHaveLength(2);
    expect(block[0]).toMatch(/^npm ci && node bin\/deal-triage\.js triage /);
    expect(block[1]).toBe('npm test');
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toContain(block[0]!.replace('npm ci && ', ''));
    expect(ci).toContain('npm test');
  });
});
