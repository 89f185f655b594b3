// The checks of the config that its shape alone cannot say: references between rules, parameters
// and facts (checkRules), and a rule's condition (./condition-schema.ts). zod runs them as the
// config schema's refinements (./config-schema.ts), to word each problem at its path; the fast
// validator generated from that schema (./config-validator.generated.ts) asks them only whether
// there is a problem, through the predicates at the end. No zod here: a valid config loads
// without it.

import type { RefinementCtx } from 'zod';
import { FACT_NAMES, FACTS, isFactName } from '../engine/facts.js';
import type { FactDefinition } from '../engine/facts.js';
import { EFFECTS, STAGES } from '../schema/enums.js';
import type { Condition, FactValue, RuleDefinition } from '../schema/rule.js';
import { OPTIONAL_PART, placeholders } from '../engine/values.js';
import { didYouMean } from '../schema/suggest.js';
import { BUILT_IN_RULES, BUILT_IN_RULE_IDS } from './built-in.js';
import { FOLDER_RULE_IDS, isFolderRule } from './folder-rules.js';
import { isOneOnOneRule, ONE_ON_ONE_RULE_IDS } from './one-on-one-rules.js';
import { DEFAULT_POLICY } from './params.js';
import { checkCondition, comparisons, factReferences, paramReferences, wrongExpected } from './condition-schema.js';
import { isOperatorName } from '../engine/operators.js';
import { DEAL_FIELD_PATHS } from '../schema/deal-validator.generated.js';

/** A `rules:` entry as the config schema makes it (RuleEntry of ./config-schema.ts). */
type RuleEntry = Omit<Partial<RuleDefinition>, 'id' | 'when' | 'severity'> & {
  id: string;
  when?: Condition | undefined;
  severity?: 'error' | 'warning' | 'off' | undefined;
  enabled?: boolean | undefined;
};

// The predicates of the shared schema pieces (currency codes, dates), for the generated validator.
export * from '../schema/checks.js';

const builtIn = new Map<string, (typeof BUILT_IN_RULES)[number]>(BUILT_IN_RULES.map((rule) => [rule.id, rule]));

/** References between rules, parameters and facts, which the shape alone cannot check. */
export function checkRules(rules: readonly RuleEntry[], policy: Readonly<Record<string, unknown>>, ctx: RefinementCtx): void {
  const policyParams = Object.keys(policy);
  const seen = new Set<string>();
  rules.forEach((entry, i) => {
    const at = (...rest: (string | number)[]) => ['rules', i, ...rest];
    const fail = (path: (string | number)[], message: string, rule: string) =>
      ctx.addIssue({ code: 'custom', path, message, input: entry, params: { rule } });

    if (seen.has(entry.id)) fail(at('id'), `the rule "${entry.id}" is configured twice; merge the two entries`, 'duplicate-rule');
    seen.add(entry.id);

    if (isFolderRule(entry.id) || isOneOnOneRule(entry.id)) {
      // A folder rule's logic is code; only how serious it is can be set.
      const what = isOneOnOneRule(entry.id) ? 'reads the one-on-one log' : 'compares deal files with one another';
      for (const key of Object.keys(entry) as (keyof RuleEntry)[]) {
        if (key !== 'id' && key !== 'severity' && key !== 'enabled' && key !== 'description') {
          fail(at(key), `"${entry.id}" ${what}; it can only be given a severity (error, warning, off) or enabled: false`, 'invalid-value');
        }
      }
      return;
    }
    const base = builtIn.get(entry.id);
    if (!base && entry.effect === undefined) {
      const near = didYouMean(entry.id, [...BUILT_IN_RULE_IDS, ...FOLDER_RULE_IDS, ...ONE_ON_ONE_RULE_IDS]);
      // A misspelled built-in id is reported at the id itself; a missing effect at the whole entry.
      if (near) fail(at('id'), `no built-in rule is called "${entry.id}"${near}`, 'unknown-rule');
      else fail(at(), `the new rule "${entry.id}" needs an "effect": ${EFFECTS.join(', ')}`, 'missing-field');
      return;
    }
    const effect = entry.effect ?? base!.effect;
    const params = new Set([...policyParams, ...Object.keys((base && 'params' in base ? base.params : undefined) ?? {}), ...Object.keys(entry.params ?? {})]);
    const known = [...params];

    // A condition that is itself wrong has its problems from its own check; what it refers to is
    // checked only once it is a condition (walking a wrong one, `when: 1`, would fail).
    const when = entry.when !== undefined && conditionIsValid(entry.when) ? entry.when : undefined;
    if (when && effect !== 'finding') {
      for (const ref of factReferences(when)) {
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
    if (when) {
      for (const ref of paramReferences(when)) {
        if (!params.has(ref.name)) fail(at('when', ...ref.path), `unknown parameter "${ref.name}"${didYouMean(ref.name, known)}`, 'unknown-param');
      }
      // A parameter compared with a fact must be of a kind the comparison can use (the literal
      // values were checked with the condition).
      const paramValue = (name: string): unknown =>
        entry.params?.[name] ?? (base && 'params' in base ? (base.params as Record<string, unknown>)[name] : undefined) ?? policy[name];
      for (const { fact, op, value, path } of comparisons(when)) {
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
    checkParams(entry, when, base, at, ctx);
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
  checkedWhen: Condition | undefined,
  base: (typeof BUILT_IN_RULES)[number] | undefined,
  at: (...rest: (string | number)[]) => (string | number)[],
  ctx: RefinementCtx,
): void {
  if (!entry.params) return;
  const when = entry.when !== undefined ? checkedWhen : base && 'when' in base ? base.when : undefined;
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

/** Whether a refinement finds nothing to say. */
function passes(run: (ctx: RefinementCtx) => void): boolean {
  let ok = true;
  run({
    addIssue: () => {
      ok = false;
    },
  } as unknown as RefinementCtx);
  return ok;
}

/** A rule's condition as zod's refinement of it would accept it. */
export function conditionIsValid(value: unknown): boolean {
  return passes((ctx) => checkCondition(value, ctx));
}

/** A config whose rules, parameters and facts refer to one another correctly. */
export function rulesAreValid(config: { rules: readonly RuleEntry[]; policy: Readonly<Record<string, unknown>> }): boolean {
  return passes((ctx) => checkRules(config.rules, config.policy, ctx));
}

/** A path that stays in the config's folder: not absolute, no `..` (the one-on-one log's). */
export function isPathInsideFolder(file: string): boolean {
  return !/^([/\\]|[A-Za-z]:)/.test(file) && !file.split(/[/\\]/).includes('..');
}

export function isYamlFileName(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** Both, as the one-on-one log's path must be. */
export function isLogPath(file: string): boolean {
  return isPathInsideFolder(file) && isYamlFileName(file);
}
