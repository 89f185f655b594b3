// The data the rules engine works on. Rules are data, in the one shape of src/schema/rule.ts
// (the config's `rules:` and the built-in policy alike); facts and operators are code, named in
// `facts.ts` and `operators.ts`.

import type { Override } from '../schema/deal.js';
import type { Effect } from '../schema/enums.js';
import type { FactValue } from '../schema/rule.js';

export type { Condition, FactValue, Operand, ParamValue, Params, Rule, Scalar } from '../schema/rule.js';
export type { Effect } from '../schema/enums.js';
export { EFFECTS } from '../schema/enums.js';

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

/**
 * One condition the deal must meet, in the rules' own terms: `fact op value`, with what the deal
 * has now (`actual`; null when it is not recorded). `value` is absent for an operator that takes
 * none (`empty`). A need on a field with a fixed set of values (stage, follow_on.potential,
 * competition.threat, type) is written `in` the values that meet it without firing another decline
 * or wait rule.
 */
export interface Need {
  fact: string;
  op: string;
  value?: FactValue;
  actual: FactValue;
}

/** A strategic signal the deal does not have yet, and what it needs to fire. */
export interface SignalOption {
  rule: string;
  /** What the deal has against what would count ("The prospect is 6.7× our size; 10× or more would count."). */
  message: string;
  needs: Need[];
}

/** What must change for one decline or wait rule to stop firing. */
export interface Change {
  rule: string;
  effect: 'decline' | 'wait';
  /** The rule's `change` text, filled in from the deal. */
  message: string;
  /** What the deal must meet, all of them; empty when it cannot be told from the rule's condition. */
  needs: Need[];
  /**
   * For a rule that counts the strategic signals (a need on `signal_count`): how many more are
   * needed, and each signal rule that did not fire, in policy order, with what it needs; any
   * `need` of them will do.
   */
  signals?: { need: number; options: SignalOption[] };
}

export interface Evaluation {
  /** The verdict: the CEO's override's while one is in force (src/engine/override.ts), else the policy's. */
  verdict: Verdict;
  /** The policy's own verdict, which `reasons` explain, whatever an override says. */
  policyVerdict: Verdict;
  /** The CEO's override, when one is in force today. */
  override?: Override;
  /** Why the policy says what it says: for decline and wait, the rules that fired with that effect (the deciding one first);
   * for join, the strategic signals. */
  reasons: Outcome[];
  signals: Outcome[];
  /** The CEO's roles; empty unless the verdict is join. */
  roles: RoleOutcome[];
  /**
   * For decline and wait: the whole path to a join. Every decline rule that fired, then every wait
   * rule that fired, each with what must change for it to stop firing: meeting them all gives a
   * join. Empty for a join, and for a final verdict (a rule that fired has no `change` text: a
   * closed deal).
   */
  changes: Change[];
  findings: FindingOutcome[];
  trace: RuleTrace[];
}
