// The built-in policy is checked like a user's rules: a built-in rule a user could not write in
// the config fails here (and the build), not in front of a user.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../../src/policy/built-in.js';
import { checkBuiltInPolicy } from '../../src/policy/self-check.js';

describe('the built-in policy', () => {
  it('passes every check a rule in the config gets', () => {
    expect(checkBuiltInPolicy()).toEqual([]);
  });

  it.each<[string, (rules: Record<string, unknown>[]) => void, string]>([
    ['an unknown fact', (rules) => (rules[0]!.when = { fact: 'stag', op: 'eq', value: 'x' }), 'deal-closed: when.fact: unknown fact "stag"; did you mean "stage"?'],
    ['an unknown operator', (rules) => (rules[0]!.when = { fact: 'stage', op: 'equals', value: 'x' }), 'deal-closed: when.op: unknown operator "equals"'],
    ['an unknown parameter', (rules) => (rules[2]!.when = { fact: 'potential_value', op: 'lt', value: { param: 'small_deal' } }), 'small-deal: when.value.param: unknown parameter "small_deal"'],
    ['an unknown placeholder', (rules) => (rules[0]!.message = 'The deal is {stag}.'), 'deal-closed: message: "{stag}" is neither a fact nor a parameter'],
    ['a missing message', (rules) => delete rules[0]!.message, 'deal-closed: message:'],
    ['a severity on a decline', (rules) => (rules[0]!.severity = 'error'), 'deal-closed: severity: only a finding rule has a severity'],
    ['an unknown field for at', (rules) => (rules.find((r) => r.effect === 'finding')!.at = 'ceo.request'), 'is not a field of the deal file'],
  ])('fails on %s', (_name, spoil, expected) => {
    const rules = structuredClone(BUILT_IN_RULES) as unknown as Record<string, unknown>[];
    spoil(rules);
    const problems = checkBuiltInPolicy(rules);
    expect(problems.some((line) => line.includes(expected))).toBe(true);
  });
});
