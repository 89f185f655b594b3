// The one shape of a rule (PRODUCT.md §6), as a zod schema with its types derived from it, the way
// typescript-eslint derives its rule types: the built-in policy is written in it, a user's
// `rules:` entry is a partial of it, and the engine evaluates it. Here is only the shape; what
// the names in it refer to (facts, operators, parameters, placeholders) is checked by the policy,
// which knows them, for built-in rules and a user's rules alike.

import * as z from 'zod';
import { text } from './common.js';
import { EFFECTS, FINDING_SEVERITIES, ID_PATTERN } from './enums.js';
import type { Effect } from './enums.js';

export type Scalar = number | string | boolean | null;
export type FactValue = Scalar | readonly string[];

/** A comparison's right-hand side: a literal, a policy parameter, or another fact. */
export type Operand = FactValue | { param: string } | { fact: string };

export type Condition =
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition }
  | { fact: string; op: string; value?: Operand };

export { EFFECTS, FINDING_SEVERITIES } from './enums.js';
export type { Effect } from './enums.js';

/** What each effect does (the editor schema says it). */
export const EFFECT_DESCRIPTIONS = {
  decline: 'When it fires, the CEO does not join; the first decline rule that fires decides.',
  wait: 'When it fires (and no decline rule does), the CEO is not considered yet.',
  signal: 'A strategic signal: counted, and given as a reason when the CEO joins.',
  role: 'What the CEO does on a deal they join (close, say no, grant an exception…).',
  finding: 'A problem `check` reports at a field of the deal file, as an error or a warning.',
} satisfies Record<Effect, string>;

export const FINDING_SEVERITY_DESCRIPTIONS = {
  error: 'check fails (exit 1).',
  warning: 'check reports it, and fails only past --max-warnings.',
} satisfies Record<(typeof FINDING_SEVERITIES)[number], string>;

export type ParamValue = number | string | boolean | readonly string[];
export type Params = Readonly<Record<string, ParamValue>>;

export const ParamValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())], {
  error: 'a parameter must be a number, text, true/false or a list of text',
});

/** A condition's shape is recursive and checked by a walk that knows the facts (policy/condition-schema.ts). */
const ConditionShape = z.custom<Condition>(() => true);

/** The fields of a rule. `when` is any condition here; the policy checks what it names. */
export const RuleSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, { error: 'must be lowercase letters, digits and dashes (for example public-sector)' }),
  effect: z.enum(EFFECTS),
  description: text().optional(),
  /** Absent: the rule always applies. */
  when: ConditionShape.optional(),
  /** What the rule says when it fires; `{name}` inserts a fact or parameter. */
  message: text(),
  /** For decline and wait: what would have to change for the rule to stop firing. */
  change: text().optional(),
  /** For roles: a list fact whose items the role concerns (the asks to say no to, say). */
  items: z.string().optional(),
  /** For findings: the field of the deal file `check` points at (`ceo.requested`, say). */
  at: z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/, { error: 'must name a field of the deal file, such as ceo.requested' }).optional(),
  /** For findings: how serious (used by `check`). */
  severity: z.enum(FINDING_SEVERITIES).optional(),
  /** Parameters of this rule, over the policy's. */
  params: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/, { error: 'a parameter name is lowercase with underscores' }), ParamValueSchema).optional(),
});

/** A rule as written: in the built-in policy, or complete in a config. */
export type RuleDefinition = z.output<typeof RuleSchema>;

/** A rule as the engine runs it: its definition, resolved against the config. */
export interface Rule extends Omit<RuleDefinition, 'params'> {
  params: Params;
  enabled: boolean;
  /** Where the rule comes from, for the explanation: built in, or the config. */
  origin: 'built-in' | 'config';
}
