// The config file (PRODUCT.md §4): the company profile, the policy's parameters and the user's
// rules. Cross-field checks (a rule naming a parameter that does not exist, say) run after the
// shape is valid, the way changesets validates its config.

import * as z from 'zod';
import type { RefinementCtx } from 'zod';
import { FACT_NAMES, FACTS, isFactName } from '../engine/facts.js';
import type { FactDefinition } from '../engine/facts.js';
import { EFFECTS } from '../engine/types.js';
import type { Condition } from '../engine/types.js';
import { placeholders } from '../engine/values.js';
import { didYouMean } from '../load/suggest.js';
import { BUILT_IN_RULES, BUILT_IN_RULE_IDS } from '../policy/built-in.js';
import { DEFAULT_POLICY } from '../policy/params.js';
import { count, currency, ID_PATTERN, money, text } from './common.js';
import { checkCondition, paramReferences } from './condition.js';
import { STAGES } from './deal.js';

export const CompanySchema = z.strictObject({
  name: text().optional(),
  employees: count().optional(),
  annual_revenue: money().optional(),
  currency: currency().default('USD'),
});

const positive = () => z.number().gt(0, { error: 'must be more than 0' });

export const PolicySchema = z.strictObject({
  small_deal_below: money().default(DEFAULT_POLICY.small_deal_below),
  strategic_value: money().default(DEFAULT_POLICY.strategic_value),
  much_larger_ratio: positive().default(DEFAULT_POLICY.much_larger_ratio),
  max_uncompensated_custom_days: z.number().min(0, { error: 'must be 0 or more' }).default(DEFAULT_POLICY.max_uncompensated_custom_days),
  join_stages: z.array(z.enum(STAGES)).min(1, { error: 'must name at least one stage' }).default([...DEFAULT_POLICY.join_stages]),
  ceo_capacity: count().default(DEFAULT_POLICY.ceo_capacity),
});

const ParamValueSchema = z.union([z.number(), z.string(), z.boolean(), z.array(z.string())], {
  error: 'a parameter must be a number, text, true/false or a list of text',
});

const ConditionSchema = z
  .unknown()
  .superRefine((value, ctx) => checkCondition(value, ctx))
  .transform((value) => value as Condition);

export const RuleEntrySchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, { error: 'must be lowercase letters, digits and dashes (for example public-sector)' }),
  effect: z.enum(EFFECTS).optional(),
  description: text().optional(),
  when: ConditionSchema.optional(),
  message: text().optional(),
  change: text().optional(),
  items: z.string().optional(),
  severity: z.enum(['error', 'warning', 'off']).optional(),
  params: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/, { error: 'a parameter name is lowercase with underscores' }), ParamValueSchema).optional(),
  enabled: z.boolean().optional(),
});

export type RuleEntry = z.output<typeof RuleEntrySchema>;

export const ConfigSchema = z
  .strictObject({
    company: CompanySchema.default({ currency: 'USD' }),
    policy: PolicySchema.default({ ...DEFAULT_POLICY, join_stages: [...DEFAULT_POLICY.join_stages] }),
    rules: z.array(RuleEntrySchema).default([]),
  })
  .superRefine((config, ctx) => checkRules(config.rules, Object.keys(config.policy), ctx));

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.output<typeof ConfigSchema>;

const builtIn = new Map<string, (typeof BUILT_IN_RULES)[number]>(BUILT_IN_RULES.map((rule) => [rule.id, rule]));

/** References between rules, parameters and facts, which the shape alone cannot check. */
function checkRules(rules: readonly RuleEntry[], policyParams: readonly string[], ctx: RefinementCtx): void {
  const seen = new Set<string>();
  rules.forEach((entry, i) => {
    const at = (...rest: (string | number)[]) => ['rules', i, ...rest];
    const fail = (path: (string | number)[], message: string, rule: string) =>
      ctx.addIssue({ code: 'custom', path, message, input: entry, params: { rule } });

    if (seen.has(entry.id)) fail(at('id'), `the rule "${entry.id}" is configured twice; merge the two entries`, 'duplicate-rule');
    seen.add(entry.id);

    const base = builtIn.get(entry.id);
    if (!base && entry.effect === undefined) {
      const near = didYouMean(entry.id, BUILT_IN_RULE_IDS);
      // A misspelled built-in id is reported at the id itself; a missing effect at the whole entry.
      if (near) fail(at('id'), `no built-in rule is called "${entry.id}"${near}`, 'unknown-rule');
      else fail(at(), `the new rule "${entry.id}" needs an "effect": ${EFFECTS.join(', ')}`, 'missing-field');
      return;
    }
    const effect = entry.effect ?? base!.effect;
    const params = new Set([...policyParams, ...Object.keys((base && 'params' in base ? base.params : undefined) ?? {}), ...Object.keys(entry.params ?? {})]);
    const known = [...params];

    if (entry.when) {
      for (const ref of paramReferences(entry.when)) {
        if (!params.has(ref.name)) fail(at('when', ...ref.path), `unknown parameter "${ref.name}"${didYouMean(ref.name, known)}`, 'unknown-param');
      }
    }
    for (const key of ['message', 'change'] as const) {
      const template = entry[key];
      if (template === undefined) continue;
      for (const name of placeholders(template)) {
        if (!params.has(name) && !isFactName(name)) {
          fail(at(key), `"{${name}}" is neither a fact nor a parameter${didYouMean(name, [...FACT_NAMES, ...known])}`, 'unknown-placeholder');
        }
      }
    }
    if (entry.items !== undefined) {
      const fact = (FACTS as Record<string, FactDefinition>)[entry.items];
      if (!fact || fact.kind !== 'list') {
        const lists = FACT_NAMES.filter((name) => FACTS[name].kind === 'list');
        fail(at('items'), `"items" names a list fact: one of ${lists.join(', ')}`, 'unknown-fact');
      }
    }
    if ((entry.severity === 'error' || entry.severity === 'warning') && effect !== 'finding') {
      fail(at('severity'), `only a finding rule has a severity; a ${effect} rule can only be switched off (severity: off)`, 'invalid-value');
    }
  });
}
