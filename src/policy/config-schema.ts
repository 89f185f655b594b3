// The config file (PRODUCT.md §4): the company profile, the policy's parameters and the user's
// rules. Cross-field checks (a rule naming a parameter that does not exist, say) run after the
// shape is valid, the way changesets validates its config.

import * as z from 'zod';
import type { RefinementCtx } from 'zod';
import { FACT_NAMES, FACTS, isFactName } from '../engine/facts.js';
import type { FactDefinition } from '../engine/facts.js';
import { EFFECTS, FINDING_SEVERITIES, RuleSchema } from '../schema/rule.js';
import type { Condition, FactValue } from '../schema/rule.js';
import { OPTIONAL_PART, placeholders } from '../engine/values.js';
import { didYouMean } from '../schema/suggest.js';
import { BUILT_IN_RULES, BUILT_IN_RULE_IDS } from './built-in.js';
import { FOLDER_RULE_IDS, isFolderRule } from './folder-rules.js';
import { DEFAULT_POLICY } from './params.js';
import { count, currency, money, text } from '../schema/common.js';
import { checkCondition, comparisons, factReferences, paramReferences, wrongExpected } from './condition-schema.js';
import { isOperatorName } from '../engine/operators.js';
import { DEAL_FIELD_PATHS, STAGES } from '../schema/deal.js';

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
  stale_days: count().default(DEFAULT_POLICY.stale_days),
});

const ConditionSchema = z
  .unknown()
  .superRefine((value, ctx) => checkCondition(value, ctx))
  .transform((value) => value as Condition);

/**
 * A `rules:` entry: the one rule shape (src/schema/rule.ts), every field but the id optional (an
 * entry with a built-in id changes only what it names), its condition checked against the facts and
 * operators, and two ways to switch a rule off.
 */
export const RuleEntrySchema = RuleSchema.partial().extend({
  id: RuleSchema.shape.id,
  when: ConditionSchema.optional(),
  severity: z.enum([...FINDING_SEVERITIES, 'off']).optional(),
  enabled: z.boolean().optional(),
});

export type RuleEntry = z.output<typeof RuleEntrySchema>;

export const ConfigSchema = z
  .strictObject({
    company: CompanySchema.default({ currency: 'USD' }),
    policy: PolicySchema.default({ ...DEFAULT_POLICY, join_stages: [...DEFAULT_POLICY.join_stages] }),
    rules: z.array(RuleEntrySchema).default([]),
  })
  .superRefine((config, ctx) => checkRules(config.rules, config.policy, ctx));

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.output<typeof ConfigSchema>;

const builtIn = new Map<string, (typeof BUILT_IN_RULES)[number]>(BUILT_IN_RULES.map((rule) => [rule.id, rule]));

/** References between rules, parameters and facts, which the shape alone cannot check. */
function checkRules(rules: readonly RuleEntry[], policy: Readonly<Record<string, unknown>>, ctx: RefinementCtx): void {
  const policyParams = Object.keys(policy);
  const seen = new Set<string>();
  rules.forEach((entry, i) => {
    const at = (...rest: (string | number)[]) => ['rules', i, ...rest];
    const fail = (path: (string | number)[], message: string, rule: string) =>
      ctx.addIssue({ code: 'custom', path, message, input: entry, params: { rule } });

    if (seen.has(entry.id)) fail(at('id'), `the rule "${entry.id}" is configured twice; merge the two entries`, 'duplicate-rule');
    seen.add(entry.id);

    if (isFolderRule(entry.id)) {
      // A folder rule's logic is code; only how serious it is can be set.
      for (const key of Object.keys(entry) as (keyof RuleEntry)[]) {
        if (key !== 'id' && key !== 'severity' && key !== 'enabled' && key !== 'description') {
          fail(at(key), `"${entry.id}" compares deal files with one another; it can only be given a severity (error, warning, off) or enabled: false`, 'invalid-value');
        }
      }
      return;
    }
    const base = builtIn.get(entry.id);
    if (!base && entry.effect === undefined) {
      const near = didYouMean(entry.id, [...BUILT_IN_RULE_IDS, ...FOLDER_RULE_IDS]);
      // A misspelled built-in id is reported at the id itself; a missing effect at the whole entry.
      if (near) fail(at('id'), `no built-in rule is called "${entry.id}"${near}`, 'unknown-rule');
      else fail(at(), `the new rule "${entry.id}" needs an "effect": ${EFFECTS.join(', ')}`, 'missing-field');
      return;
    }
    const effect = entry.effect ?? base!.effect;
    const params = new Set([...policyParams, ...Object.keys((base && 'params' in base ? base.params : undefined) ?? {}), ...Object.keys(entry.params ?? {})]);
    const known = [...params];

    if (entry.when && effect !== 'finding') {
      for (const ref of factReferences(entry.when)) {
        if ((FACTS as Record<string, FactDefinition>)[ref.name]?.findingOnly) {
          fail(at('when', ...ref.path), `"${ref.name}" is known only once the verdict is decided: only a finding rule can use it`, 'invalid-value');
        }
      }
    }
    if (entry.at !== undefined) {
      if (effect !== 'finding') fail(at('at'), `only a finding rule has "at" (where check reports it); a ${effect} rule is not reported by check`, 'invalid-value');
      else if (!DEAL_FIELD_PATHS.includes(entry.at)) {
        fail(at('at'), `"${entry.at}" is not a field of the deal file${didYouMean(entry.at, DEAL_FIELD_PATHS)}`, 'unknown-field');
      }
    }
    if (entry.when) {
      for (const ref of paramReferences(entry.when)) {
        if (!params.has(ref.name)) fail(at('when', ...ref.path), `unknown parameter "${ref.name}"${didYouMean(ref.name, known)}`, 'unknown-param');
      }
      // A parameter compared with a fact must be of a kind the comparison can use (the literal
      // values were checked with the condition).
      const paramValue = (name: string): unknown =>
        entry.params?.[name] ?? (base && 'params' in base ? (base.params as Record<string, unknown>)[name] : undefined) ?? policy[name];
      for (const { fact, op, value, path } of comparisons(entry.when)) {
        if (!isFactName(fact) || !isOperatorName(op) || value === null || typeof value !== 'object' || !('param' in value)) continue;
        const given = paramValue(value.param);
        if (given === undefined) continue;
        const wrong = wrongExpected(op, fact, { literal: given as FactValue });
        if (wrong) fail(at('when', ...path, 'value', 'param'), `${wrong.message} (the parameter ${value.param} is ${JSON.stringify(given)})`, 'operator-kind');
      }
    }
    for (const key of ['message', 'change'] as const) {
      const template = entry[key];
      if (template === undefined) continue;
      const stray = strayOptionalPart(template);
      if (stray !== undefined) {
        fail(at(key), `${JSON.stringify(stray)} is not an optional part: write {?name: text}, closed with "}", with names in lower case and only {placeholders} inside`, 'invalid-template');
      }
      // placeholders() lists the names optional parts depend on first, then the {placeholders}.
      const conditions = [...template.matchAll(OPTIONAL_PART)].reduce((sum, match) => sum + match[1]!.split(',').length, 0);
      placeholders(template).forEach((name, i) => {
        if (!params.has(name) && !isFactName(name)) {
          const written = i < conditions ? `"${name}" in "{?${name}: …}"` : `"{${name}}"`;
          fail(at(key), `${written} is neither a fact nor a parameter${didYouMean(name, [...FACT_NAMES, ...known])}`, 'unknown-placeholder');
        }
      });
    }
    checkParams(entry, base, at, ctx);
    if (entry.items !== undefined) {
      const fact = (FACTS as Record<string, FactDefinition>)[entry.items];
      if (fact?.kind !== 'list') {
        const lists = FACT_NAMES.filter((name) => FACTS[name].kind === 'list');
        fail(at('items'), `"items" names a list fact: one of ${lists.join(', ')}`, 'unknown-fact');
      }
    }
    if ((entry.severity === 'error' || entry.severity === 'warning') && effect !== 'finding') {
      fail(at('severity'), `only a finding rule has a severity; a ${effect} rule can only be switched off (severity: off)`, 'invalid-value');
    }
  });
}

/**
 * A rule's own `params:` must be ones the rule uses (a typo would otherwise be ignored without a
 * word), and a policy parameter given here must keep its type (text where a number is expected
 * would quietly stop the rule from ever firing).
 */
function checkParams(
  entry: RuleEntry,
  base: (typeof BUILT_IN_RULES)[number] | undefined,
  at: (...rest: (string | number)[]) => (string | number)[],
  ctx: RefinementCtx,
): void {
  if (!entry.params) return;
  const when = entry.when ?? (base && 'when' in base ? base.when : undefined);
  const templates = [entry.message ?? base?.message, entry.change ?? (base && 'change' in base ? base.change : undefined)];
  const used = new Set([
    ...(when ? paramReferences(when).map((ref) => ref.name) : []),
    ...templates.flatMap((template) => (template ? placeholders(template) : [])),
  ]);
  for (const [name, value] of Object.entries(entry.params)) {
    const fail = (message: string, rule: string, target: 'key' | 'value') =>
      ctx.addIssue({ code: 'custom', path: at('params', name), message, input: value, params: { rule, target } });
    if (!used.has(name)) {
      const uses = [...used].filter((n) => !isFactName(n));
      const hint = uses.length > 0 ? `; it uses ${uses.join(', ')}${didYouMean(name, uses)}` : '; it uses none';
      fail(`the rule "${entry.id}" does not use a parameter "${name}"${hint}`, 'unknown-param', 'key');
      continue;
    }
    const expected = (DEFAULT_POLICY as Record<string, unknown>)[name] ?? (base && 'params' in base ? (base.params as Record<string, unknown>)[name] : undefined);
    if (expected === undefined) continue;
    const wantList = Array.isArray(expected);
    if (wantList ? !Array.isArray(value) : typeof value !== typeof expected) {
      fail(`must be ${wantList ? 'a list' : typeof expected === 'number' ? 'a number' : `of type ${typeof expected}`}, like the policy's ${name}`, 'invalid-type', 'value');
    } else if (name === 'join_stages' && Array.isArray(value)) {
      const bad = value.find((stage) => !(STAGES as readonly string[]).includes(stage));
      if (bad !== undefined) fail(`must list stages (${STAGES.join(', ')}), not "${bad}"${didYouMean(bad, STAGES)}`, 'invalid-value', 'value');
    }
  }
}

/**
 * The text from the first `{?` that does not open an optional part the template language reads (not
 * closed, nested, a name in capitals), or undefined: such a part would be printed as written.
 */
function strayOptionalPart(template: string): string | undefined {
  // The parts found, in order and apart: one pass over them and the `{?`s keeps it linear.
  const parts = [...template.matchAll(OPTIONAL_PART)].map((match) => [match.index, match.index + match[0].length] as const);
  let part = 0;
  for (let at = template.indexOf('{?'); at !== -1; at = template.indexOf('{?', at + 2)) {
    while (part < parts.length && parts[part]![1] <= at) part += 1;
    if (part < parts.length && at >= parts[part]![0]) continue;
    const rest = template.slice(at);
    return rest.length > 60 ? `${rest.slice(0, 59)}…` : rest;
  }
  return undefined;
}
