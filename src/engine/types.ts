// The data the rules engine works on. Rules are data (written in the config's `rules:` or in the
// built-in policy, in the same form); facts and operators are code, named in `facts.ts` and
// `operators.ts`.

export type Scalar = number | string | boolean | null;
export type FactValue = Scalar | readonly string[];

/** A comparison's right-hand side: a literal, a policy parameter, or another fact. */
export type Operand = FactValue | { param: string } | { fact: string };

export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { fact: string; op: string; value?: Operand };

export const EFFECTS = ['decline', 'wait', 'signal', 'role', 'finding'] as const;
export type Effect = (typeof EFFECTS)[number];

export const VERDICTS = ['join', 'wait', 'decline'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type ParamValue = number | string | boolean | readonly string[];
export type Params = Readonly<Record<string, ParamValue>>;

export interface Rule {
  id: string;
  effect: Effect;
  /** Absent: the rule always applies. */
  when?: Condition;
  /** What the rule says when it fires; `{name}` inserts a fact or parameter. */
  message: string;
  /** For decline and wait: what would have to change for the rule to stop firing. */
  change?: string;
  /** For roles: a list fact whose items the role concerns (the asks to say no to, say). */
  items?: string;
  /** For findings: how serious (used by `check`). */
  severity?: 'error' | 'warning';
  /** For findings: the field of the deal file `check` points at (`ceo.requested`, say). */
  at?: string;
  description?: string;
  /** Parameters of this rule, over the policy's. */
  params: Params;
  enabled: boolean;
  /** Where the rule comes from, for the explanation: built in, or the config (with its line). */
  origin: 'built-in' | 'config';
}

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
