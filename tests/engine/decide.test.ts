// `check` decides with compiled rules (src/engine/decide.ts); the briefing and --explain with the
// full evaluation (evaluate.ts). They must agree on everything `check` reports: the verdict, the
// reasons with their messages, and the findings with their messages, severities and fields. Checked
// on the built-in policy and the fixtures' config over realistic generated deals, and on generated
// configs of rules of every effect, condition shape and operator, with messages that read facts
// which change during the evaluation (the signals so far, the verdict, the deciding rule).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { dealText } from '../../bench/generate.js';
import { decide } from '../../src/engine/decide.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { FACTS } from '../../src/engine/facts.js';
import type { FactDefinition } from '../../src/engine/facts.js';
import { OPERATORS } from '../../src/engine/operators.js';
import { parseConfig } from '../../src/load/config.js';
import { parseDeal } from '../../src/load/deal.js';
import type { ResolvedConfig } from '../../src/policy/resolve.js';
import type { Deal } from '../../src/schema/deal.js';
import { ROOT } from '../helpers/paths.js';
import { COMPANY_YAML, loadConfig } from './helpers.js';

/** What evaluate says of what check reports. */
function reported(deal: Deal, config: ResolvedConfig) {
  const evaluation = evaluate(deal, config);
  return { verdict: evaluation.verdict, reasons: evaluation.reasons.map(({ rule, message }) => ({ rule, message })), findings: evaluation.findings };
}

function deals(count: number, seed: number): Deal[] {
  let state = seed;
  const rnd = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => {
    const result = parseDeal(dealText(i, rnd), `deal-${i}.yaml`);
    if (!result.ok) throw new Error(`generated deal ${i} is invalid`);
    return result.value;
  });
}

const FACT_NAMES = Object.keys(FACTS);
const kindOfFact = (name: string) => (FACTS as Record<string, FactDefinition>)[name]!.kind;
const isFindingOnly = (name: string) => (FACTS as Record<string, FactDefinition>)[name]!.findingOnly === true;

const TEXTS = ['proposal', 'negotiation', 'likely', 'high', 'new', 'Acme Corp', 'USD', 'join', 'decline', 'deal-closed', ''];
const valueFor = (kind: string, expects: string | undefined) =>
  fc.oneof(
    expects === 'number' || (expects === 'same' && ['money', 'number', 'ratio'].includes(kind))
      ? fc.oneof(fc.integer({ min: -5, max: 2_000_000 }), fc.constantFrom({ param: 'small_deal_below' }, { param: 'my_threshold' }, { fact: 'value.amount' }))
      : expects === 'list'
        ? fc.array(fc.constantFrom(...TEXTS), { maxLength: 3 })
        : expects === 'item' || kind === 'text'
          ? fc.constantFrom(...TEXTS)
          : kind === 'boolean'
            ? fc.boolean()
            : fc.array(fc.constantFrom(...TEXTS), { maxLength: 2 }),
  );

/** A comparison that may or may not pass the config's checks (invalid configs are skipped). */
const comparison = (findingOnlyAllowed: boolean) =>
  fc
    .constantFrom(...FACT_NAMES.filter((name) => findingOnlyAllowed || !isFindingOnly(name)))
    .chain((fact) =>
      fc.constantFrom(...Object.keys(OPERATORS)).chain((op) => {
        const operator = (OPERATORS as Record<string, { takesValue: boolean; expects?: string }>)[op]!;
        return operator.takesValue
          ? valueFor(kindOfFact(fact), operator.expects).map((value) => ({ fact, op, value }))
          : fc.constant({ fact, op });
      }),
    );

type Cond = Record<string, unknown>;
const condition = (findingOnlyAllowed: boolean): fc.Arbitrary<Cond> =>
  fc.letrec<{ cond: Cond }>((tie) => ({
    cond: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      comparison(findingOnlyAllowed),
      fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('cond').map((not) => ({ not })),
    ),
  })).cond;

const MESSAGES = [
  '{signals} so far',
  '{signal_count} signals',
  'worth {potential_value}',
  'under {small_deal_below}',
  '{account.name} is {size_ratio} our size',
  'plain text',
  '{stage} {{stage}} {nope',
  // Optional parts: shown when every name before the colon is set (a volatile one included).
  'Go{?objective: for {objective}}{?prospect_much_larger,open_issues:, and} {?open_issues:on {open_issues}}{?signals:, with {signals}}',
  '{?close_date,small_deal_below: by {close_date}, under {small_deal_below}}{?competition.threat:!}',
];
const FINDING_MESSAGES = [...MESSAGES, 'verdict {verdict} by {decided_by}: {decision_reason}'];

const rule = (i: number) =>
  fc.constantFrom('signal', 'decline', 'wait', 'role', 'finding').chain((effect) =>
    fc.record(
      {
        id: fc.constant(`generated-${i}`),
        effect: fc.constant(effect),
        when: condition(effect === 'finding'),
        // Each rule's own parameter is used (an unused one is a config error), in its message.
        message: fc.constantFrom(...(effect === 'finding' ? FINDING_MESSAGES : MESSAGES)).map((message) => `${message} (mine: {my_threshold})`),
        change: fc.constantFrom('lower {small_deal_below}', 'it changes'),
        severity: fc.constantFrom('error', 'warning'),
        at: fc.constantFrom('value.amount', 'ceo.requested', 'stage'),
        params: fc.record({ my_threshold: fc.integer({ min: 0, max: 500_000 }) }),
      },
      { requiredKeys: ['id', 'effect', 'message', 'params'] },
    ).map((r) => (effect === 'finding' ? r : { ...r, severity: undefined, at: undefined })),
  );

const generatedConfig = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.boolean())
  .chain(([count, keepBuiltIn, disableSome]) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => rule(i))).map((rules) => ({ rules, keepBuiltIn, disableSome })),
  );

function configText({ rules, keepBuiltIn, disableSome }: { rules: Record<string, unknown>[]; keepBuiltIn: boolean; disableSome: boolean }): string {
  const clean = rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  const overrides = keepBuiltIn ? (disableSome ? [{ id: 'small-deal', enabled: false }, { id: 'brief-incomplete', enabled: false }] : []) : [];
  return `${COMPANY_YAML}policy:\n  small_deal_below: 120000\n${stringify({ rules: [...overrides, ...clean] })}`;
}

describe('decide (check) and evaluate (the briefing) agree', () => {
  const sample = deals(400, 11);

  it.each([
    ['the built-in policy', () => loadConfig()],
    ['the fixtures config', () => loadConfig(readFileSync(path.join(ROOT, 'fixtures/deal-triage.config.yaml'), 'utf8'))],
  ])('on generated deals under %s', (_name, config) => {
    const resolved = config();
    const verdicts = new Set<string>();
    for (const deal of sample) {
      const decision = decide(deal, resolved);
      expect(decision).toEqual(reported(deal, resolved));
      verdicts.add(decision.verdict);
    }
    // Every verdict and some findings occur, so the comparison covers each path.
    expect([...verdicts].sort()).toEqual(['decline', 'join', 'wait']);
  });

  it('on generated configs of rules of every kind', () => {
    let compared = 0;
    fc.assert(
      fc.property(generatedConfig, fc.integer({ min: 0, max: sample.length - 1 }), (generated, first) => {
        const config = parseConfig(configText(generated), 'deal-triage.config.yaml');
        if (!config.ok) return;
        compared += 1;
        for (const deal of sample.slice(first, first + 8)) {
          const decision = decide(deal, config.value);
          // Key order too: check's JSON output is compared byte for byte.
          expect(JSON.stringify(decision)).toBe(JSON.stringify(reported(deal, config.value)));
        }
      }),
      { numRuns: 400, seed: 5 },
    );
    // About a third of the generated configs pass the config's checks (an operator applied to a fact
    // of the wrong kind is refused): enough that the property is not vacuous.
    expect(compared).toBeGreaterThan(100);
  });
});
