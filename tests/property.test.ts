// Property-based: whatever bytes or objects come in, the loader and the engine answer with a
// verdict or with located problems, never a crash.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { evaluate } from '../src/engine/evaluate.js';
import { VERDICTS } from '../src/engine/types.js';
import { defaultConfig } from '../src/load/config.js';
import { parseDeal, parseDealBytes } from '../src/load/deal.js';
import type { LoadResult } from '../src/load/input.js';
import type { Deal } from '../src/schema/deal.js';
import { DEAL_TYPES, FOLLOW_ON_POTENTIALS, POSITIONS, STAGES, THREATS } from '../src/schema/deal.js';
import { AS_OF } from './helpers/paths.js';

const config = defaultConfig();

function expectVerdictOrLocatedProblems(result: LoadResult<Deal>, file: string, lineCount: number): void {
  if (result.ok) {
    const evaluation = evaluate(result.value, config, AS_OF);
    expect(VERDICTS).toContain(evaluation.verdict);
    expect(evaluation.trace.length).toBe(config.rules.length);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.file).toBe(file);
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.rule).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

const lines = (text: string) => text.split('\n').length;

// Any value a YAML file could hold, for putting in the place of a deal field.
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

const validDeal = fc.record({
  id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
  name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
  owner: fc.constantFrom('Dana Reyes', 'Sam Okafor'),
  type: fc.constantFrom(...DEAL_TYPES),
  stage: fc.constantFrom(...STAGES),
  account: fc.record(
    {
      name: fc.constantFrom('Acme', 'Globex'),
      employees: fc.nat({ max: 1_000_000 }),
      annual_revenue: fc.nat({ max: 2_000_000_000 }),
    },
    { requiredKeys: ['name'] },
  ),
  value: fc.record({ amount: fc.nat({ max: 5_000_000 }) }),
  follow_on: fc.record({ potential: fc.constantFrom(...FOLLOW_ON_POTENTIALS), value: fc.nat({ max: 5_000_000 }) }, { requiredKeys: ['potential'] }),
  strategic_logo: fc.boolean(),
  competition: fc.record({ threat: fc.constantFrom(...THREATS) }),
  custom_work: fc.nat({ max: 60 }).chain((days) => fc.record({ days: fc.constant(days), compensated_days: fc.nat({ max: days }) })),
  asks: fc.array(fc.record({ request: fc.constantFrom('Net-90', 'Free training'), position: fc.constantFrom(...POSITIONS), exception: fc.boolean() }), { maxLength: 3 }),
  history: fc.array(fc.record({ date: fc.constantFrom('2026-01-31', '2026-09-14'), event: fc.constant('Call') }), { maxLength: 2 }),
  questions: fc.array(fc.record({ question: fc.constant('Why you?') }), { maxLength: 2 }),
  ceo: fc.record({ requested: fc.boolean() }),
});

describe('the loader and the engine never crash', () => {
  it('random bytes give a verdict or located problems', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        expectVerdictOrLocatedProblems(parseDealBytes(bytes, 'random.yaml'), 'random.yaml', lines(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('random YAML-looking text gives a verdict or located problems', () => {
    const token = fc.constantFrom('id: a', 'stage:', ' proposal', '\n', '  ', '- ', '[', ']', '{', '}', ':', ',', '&x ', '*x', '!!str ', '"', "'", '#', '---\n', '? ', '|\n', '>-\n', 'value:\n  amount: 5\n', '\t', '__proto__: 1\n');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const text = tokens.join('');
        expectVerdictOrLocatedProblems(parseDeal(text, 'tokens.yaml'), 'tokens.yaml', lines(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('deal-shaped objects with fields of any type give a verdict or located problems', () => {
    fc.assert(
      fc.property(validDeal, fc.constantFrom('id', 'stage', 'account', 'value', 'follow_on', 'custom_work', 'asks', 'ceo', 'extra'), anyValue, (deal, key, value) => {
        const text = stringify({ ...deal, [key]: value });
        expectVerdictOrLocatedProblems(parseDeal(text, 'mutated.yaml'), 'mutated.yaml', lines(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('valid deals always load and get a verdict consistent with the policy', () => {
    fc.assert(
      fc.property(validDeal, (deal) => {
        const result = parseDeal(stringify(deal), 'valid.yaml');
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const evaluation = evaluate(result.value, config, AS_OF);
        const potential = deal.value.amount + (deal.follow_on.value ?? 0);
        if (deal.stage === 'closed-won' || deal.stage === 'closed-lost') expect(evaluation.reasons[0]?.rule).toBe('deal-closed');
        if (deal.follow_on.potential === 'none' || potential < config.policy.small_deal_below) expect(evaluation.verdict).toBe('decline');
        if (evaluation.verdict === 'join') {
          expect(evaluation.signals.length).toBeGreaterThanOrEqual(2);
          expect(config.policy.join_stages).toContain(deal.stage);
          expect(evaluation.roles.map((role) => role.role)).toContain('commit');
        } else {
          expect(evaluation.roles).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
