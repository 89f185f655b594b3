// The data the rules engine works on. Rules are data, in the one shape of src/schema/rule.ts
// (the config's `rules:` and the built-in policy alike); facts and operators are code, named in
// `facts.ts` and `operators.ts`.

import type { Effect, FactValue } from '../schema/rule.js';

export type { Condition, Effect, FactValue, Operand, ParamValue, Params, Rule, Scalar } from '../schema/rule.js';
export { EFFECTS } from '../schema/rule.js';

/**
 * When a deal is evaluated: `today`, YYYY-MM-DD (PRODUCT.md §10). An input like the deal, so the
 * same deal on the same day gives the same result; only the command line reads the clock.
 */
export interface AsOf {
  today: string;
}

export const VERDICTS = ['join', 'wait', 'decline'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type ConditionTrace =
  | { kind: 'all' | 'any'; result: boolean | 'not-evaluated'; children: ConditionTrace[] }
  | { kind: 'not'; result: boolean | 'not-evaluated'; child: ConditionTrace }
  | {
      kind: 'compare';
      result: boolean | 'not-evaluated';
      fact: string;
      op: string;
      actual: FactValue | undefined;
      expected?: FactValue;
      /** Where the expected value comes from, when not a literal. */
      from?: { param: string } | { fact: string };
    };

export interface RuleTrace {
  rule: string;
  effect: Effect;
  enabled: boolean;
  fired: boolean;
  origin: 'built-in' | 'config';
  /** null: the rule has no condition and always applies. */
  condition: ConditionTrace | null;
  message?: string;
}

export interface Outcome {
  rule: string;
  effect: Effect;
  message: string;
}

export interface RoleOutcome extends Outcome {
  role: string;
  items: string[];
}

export interface FindingOutcome extends Outcome {
  severity: 'error' | 'warning';
  /** The field of the deal file the finding is about, as a dotted path. */
  at?: string;
}

export interface Evaluation {
  verdict: Verdict;
  /** Why: for decline and wait, the rules that fired with that effect (the deciding one first);
   * for join, the strategic signals. */
  reasons: Outcome[];
  signals: Outcome[];
  /** The CEO's roles; empty unless the verdict is join. */
  roles: RoleOutcome[];
  /** For decline and wait: what would have to change for the verdict to change. */
  changes: { rule: string; message: string }[];
  findings: FindingOutcome[];
  trace: RuleTrace[];
}
