// The fast validator generated from the zod config schema (src/policy/config-validator.generated.ts),
// as tests/schema/deal-validator.test.ts holds the deal's: it is what the generator makes from the
// schema now, it needs neither zod nor ajv, a valid config loads without zod, and, differentially,
// it accepts exactly the configs zod accepts and then gives the same config, to the key order.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { CONFIG_GENERATED, configSources, configValidatorSource } from '../../scripts/generate-deal-validator.js';
import { parseConfig } from '../../src/load/config.js';
import { parseYaml } from '../../src/load/yaml-source.js';
import { BUILT_IN_RULES } from '../../src/policy/built-in.js';
import * as configChecks from '../../src/policy/config-checks.js';
import { ConfigSchema, configRefinements } from '../../src/policy/config-schema.js';
import { parseConfigFast } from '../../src/policy/config-validator.generated.js';
import { refinements } from '../../src/schema/common.js';
import { DEAL_FIELD_PATHS } from '../../src/schema/deal.js';
import { inputJsonSchema } from '../../src/schema/json-schema.js';
import { DEAL_FIELD_PATHS as GENERATED_FIELD_PATHS } from '../../src/schema/deal-validator.generated.js';
import { mutate, mutations, sameAnswers } from '../helpers/mutate.js';
import { ROOT } from '../helpers/paths.js';

const { forValue: expectSameAnswerFor, forText: expectSameAnswer } = sameAnswers(parseConfigFast, ConfigSchema, 'deal-triage.config.yaml');

describe('the generated config validator', () => {
  it('is what scripts/generate-deal-validator.js makes from the zod schema now (npm run build rewrites it)', () => {
    const source = configValidatorSource(configSources({ configSchema: ConfigSchema, configRefinements, refinements, configChecks, inputJsonSchema }));
    expect(readFileSync(path.join(ROOT, CONFIG_GENERATED), 'utf8')).toBe(source);
  });

  it('imports nothing at run time but the predicates of config-checks.ts: neither zod nor ajv', () => {
    const text = readFileSync(path.join(ROOT, CONFIG_GENERATED), 'utf8');
    const imports = [...text.matchAll(/^import (?!type ).*$/gm)].map((match) => match[0]);
    expect(imports).toEqual([expect.stringMatching(/^import \{[\w, ]+\} from '\.\/config-checks\.js';$/)]);
    expect(text).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
  });

  it('knows the fields of the deal file as the deal schema lists them', () => {
    expect(GENERATED_FIELD_PATHS).toEqual(DEAL_FIELD_PATHS);
  });

  it('loads a valid config without calling zod, and an invalid one with it', () => {
    const parse = vi.spyOn(ConfigSchema, 'safeParse');
    try {
      expect(parseConfig(readFileSync(path.join(ROOT, 'fixtures/deal-triage.config.yaml'), 'utf8'), 'c.yaml').ok).toBe(true);
      expect(parse).not.toHaveBeenCalled();
      expect(parseConfig('policy:\n  ceo_capacity: -1\n', 'c.yaml').ok).toBe(false);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});

/** Valid configs: the fixture's company and policy, and rules entries of every kind. */
const RULE_ENTRIES: unknown[] = [
  ...BUILT_IN_RULES.map((rule) => ({ id: rule.id, message: `${rule.message} ` })),
  ...BUILT_IN_RULES.map((rule) => ({ id: rule.id, enabled: false })),
  ...BUILT_IN_RULES.filter((rule) => rule.effect !== 'finding').map((rule) => ({ id: rule.id, severity: 'off' })),
  { id: 'public-sector', effect: 'wait', when: { fact: 'stage', op: 'eq', value: 'discovery' }, message: 'Too early: {stage}.' },
  { id: 'big-logo', effect: 'signal', when: { all: [{ fact: 'strategic_logo', op: 'eq', value: true }, { not: { fact: 'stage', op: 'eq', value: 'closed-lost' } }] }, message: 'A logo.', description: ' d ' },
  { id: 'late-close', effect: 'finding', severity: 'warning', at: 'close_date', when: { fact: 'days_to_close', op: 'lt', value: { param: 'days' } }, params: { days: 5 }, message: 'Closes in {days_to_close} days.' },
  { id: 'small-deal', params: { small_deal_below: 50000 } },
];

const HOSTILE: unknown[] = [
  null, true, false, 0, -1, 0.5, 1, 3, 2 ** 53, Infinity, NaN, '', ' ', 'x', 'USD', 'usd', 'EUR', 'XXX', 'proposal', 'negotation', 'off', 'error', 'warning',
  'decline', 'signal', 'stage', 'close_date', 'nope.field', [], ['proposal'], ['x'], [1], {}, { x: 1 }, { fact: 'stage', op: 'eq', value: 'proposal' },
  { fact: 'stage', op: 'lt', value: 1 }, { fact: 'nope', op: 'eq', value: 1 }, { param: 'small_deal_below' }, { param: 'nope' }, { all: [] }, { any: [{}] },
  { id: 'x' }, { id: 'deal-closed', effect: 'wait' }, { id: 'new-one', effect: 'signal', message: 'm' }, { __proto__: null, a: 1 },
];

const mutation = mutations(fc.constantFrom(...HOSTILE), fc.constantFrom('extra', 'params', 'when', 'severity', 'at', 'items', 'currency', 'ceo_capacity'));

const fixture = (): Record<string, unknown> => {
  const yaml = parseYaml(readFileSync(path.join(ROOT, 'fixtures/deal-triage.config.yaml'), 'utf8'), 'c.yaml');
  if (!yaml.ok) throw new Error('the fixture config does not parse');
  return yaml.value as Record<string, unknown>;
};

describe('the fast config validator answers as zod does', () => {
  it.each([
    ['no config at all: every default', {}, true],
    ['the fixture', fixture(), true],
    ['a company without a currency', { company: { name: 'N' } }, true],
    ['a currency in lower case', { company: { currency: 'usd' } }, false],
    ['a ratio of 0', { policy: { much_larger_ratio: 0 } }, false],
    ['no join stage', { policy: { join_stages: [] } }, false],
    ['a rule configured twice', { rules: [{ id: 'small-deal', enabled: false }, { id: 'small-deal', enabled: true }] }, false],
    ['a misspelled built-in rule', { rules: [{ id: 'smal-deal', enabled: false }] }, false],
    ['a condition on an unknown fact', { rules: [{ id: 'x', effect: 'wait', when: { fact: 'nope', op: 'eq', value: 1 }, message: 'm' }] }, false],
    ['a parameter of a __proto__ name', { rules: [{ id: 'small-deal', params: JSON.parse('{"__proto__": 5}') as unknown }] }, true],
    ['an unknown key', { extra: 1 }, false],
  ])('%s', (_name, value, accepted) => {
    expect(expectSameAnswerFor(value, () => stringify(value))).toBe(accepted);
  });

  it('on every rules entry of the kinds a user writes', () => {
    for (const entry of RULE_ENTRIES) expect(expectSameAnswerFor({ ...fixture(), rules: [entry] }, () => stringify(entry))).toBe(true);
  });

  it('on configs mutated: wrong types, missing and extra keys, bad conditions, parameters and stages', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.subarray(RULE_ENTRIES, { maxLength: 4 }), fc.array(mutation, { minLength: 1, maxLength: 2 }), (rules, mutations) => {
        const config = mutate({ ...fixture(), rules: structuredClone(rules) }, mutations);
        runs++;
        if (expectSameAnswerFor(config, () => stringify(config))) accepted++;
      }),
      { numRuns: 800 },
    );
    expect(accepted).toBeGreaterThan(runs / 10);
    expect(accepted).toBeLessThan(runs * 0.9);
  });

  it('on the config files in fixtures/', () => {
    for (const file of ['fixtures/deal-triage.config.yaml', 'fixtures/check/over-capacity/deal-triage.config.yaml']) {
      expect(expectSameAnswer(readFileSync(path.join(ROOT, file), 'utf8'))).toBe(true);
    }
  });
});
