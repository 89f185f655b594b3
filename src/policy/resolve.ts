// Merges the config's `rules:` into the built-in policy: an entry with a built-in id switches that
// rule off, changes its parameters, severity, wording or condition; an entry with a new id adds a
// rule after the built-in ones.

import type { EngineConfig } from '../engine/evaluate.js';
import { FACTS, isFactName } from '../engine/facts.js';
import type { FactKind } from '../engine/facts.js';
import { isOperatorName, OPERATORS } from '../engine/operators.js';
import type { OperatorDefinition } from '../engine/operators.js';
import { comparisons } from './condition-schema.js';
import type { Company } from '../engine/facts.js';
import type { Params, Rule } from '../engine/types.js';
import type { Config, RuleEntry } from './config-schema.js';
import { BUILT_IN_RULES } from './built-in.js';
import type { BuiltInRule } from './built-in.js';
import { FOLDER_RULES } from './folder-rules.js';
import type { FolderRuleId } from './folder-rules.js';
import type { PolicyParams } from './params.js';
import { ONE_ON_ONE_RULES } from './one-on-one-rules.js';
import type { OneOnOneRuleId } from './one-on-one-rules.js';

export interface FolderRuleSetting {
  enabled: boolean;
  severity: 'error' | 'warning';
}

export interface ResolvedConfig extends EngineConfig {
  company: Company;
  policy: PolicyParams;
  rules: Rule[];
  /** The folder-wide rules of `check`, with the config's severities applied. */
  folderRules: Record<FolderRuleId, FolderRuleSetting>;
  /** The weekly one-on-one (PRODUCT.md §13): its settings, the two people's names, check's findings on its log. */
  oneOnOne: OneOnOneSettings;
}

export interface OneOnOneSettings {
  cadence_days: number;
  min_minutes: number;
  /** The log's path, relative to the config file's folder. */
  log: string;
  names: { ceo?: string; head_of_sales?: string };
  rules: Record<OneOnOneRuleId, FolderRuleSetting>;
}

export function resolveConfig(config: Config): ResolvedConfig {
  const entries = new Map(config.rules.map((entry) => [entry.id, entry]));
  const rules: Rule[] = (BUILT_IN_RULES as readonly BuiltInRule[]).map((spec) => applyEntry(fromSpec(spec), entries.get(spec.id)));
  const setting = (spec: { id: string; severity: 'error' | 'warning' }): [string, FolderRuleSetting] => {
    const entry = entries.get(spec.id);
    const enabled = entry?.enabled !== false && entry?.severity !== 'off';
    const severity = entry?.severity === 'error' || entry?.severity === 'warning' ? entry.severity : spec.severity;
    return [spec.id, { enabled, severity }];
  };
  const folderRules = Object.fromEntries(FOLDER_RULES.map(setting)) as Record<FolderRuleId, FolderRuleSetting>;
  const { ceo, head_of_sales, ...company } = config.company;
  // A set, not a search of `rules` per entry: 33,000 rules of one's own made that quadratic (8 s).
  const ids = new Set(rules.map((rule) => rule.id));
  for (const entry of config.rules) {
    if (ids.has(entry.id) || entry.effect === undefined) continue;
    ids.add(entry.id);
    rules.push(
      applyEntry(
        {
          id: entry.id,
          effect: entry.effect,
          message: entry.description ?? `The rule "${entry.id}" applies.`,
          // Without a `change` a deciding rule would read as final; a rule of one's own is not.
          ...(entry.effect === 'decline' || entry.effect === 'wait' ? { change: `Deal with what the rule "${entry.id}" objects to: the CEO can join only once it no longer applies.` } : {}),
          params: {},
          enabled: true,
          origin: 'config',
          ...(entry.effect === 'finding' ? { severity: 'error' as const } : {}),
        },
        entry,
      ),
    );
  }
  return {
    company,
    policy: { ...config.policy },
    rules,
    paramKinds: paramKinds(rules),
    folderRules,
    oneOnOne: {
      ...config.one_on_one,
      names: { ...(ceo !== undefined && { ceo }), ...(head_of_sales !== undefined && { head_of_sales }) },
      rules: Object.fromEntries(ONE_ON_ONE_RULES.map(setting)) as Record<OneOnOneRuleId, FolderRuleSetting>,
    },
  };
}

/**
 * How each parameter reads in a message, from how the rules use it: compared with a money fact it is
 * money ("$100,000"), with a ratio a ratio, as a list of values a list. Derived, so a parameter of a
 * rule of one's own reads right without being entered in a table; one no rule compares reads by its
 * value.
 */
function paramKinds(rules: readonly Rule[]): Record<string, FactKind> {
  const kinds: Record<string, FactKind> = {};
  for (const rule of rules) {
    for (const { fact, op, value } of rule.when ? comparisons(rule.when) : []) {
      if (value === null || typeof value !== 'object' || !('param' in value) || Object.hasOwn(kinds, value.param)) continue;
      if (!isFactName(fact)) continue;
      const expects = isOperatorName(op) ? (OPERATORS[op] as OperatorDefinition).expects : undefined;
      kinds[value.param] = expects === 'list' ? 'list' : expects === 'item' ? 'text' : expects === 'days' ? 'number' : FACTS[fact].kind;
    }
  }
  return kinds;
}

function fromSpec(spec: BuiltInRule): Rule {
  const { params, ...rest } = spec;
  return { ...rest, params: params ?? {}, enabled: true, origin: 'built-in' };
}

function applyEntry(rule: Rule, entry: RuleEntry | undefined): Rule {
  if (!entry) return rule;
  const merged: Rule = { ...rule, params: { ...rule.params, ...(entry.params as Params | undefined) } };
  if (entry.effect !== undefined) merged.effect = entry.effect;
  if (entry.when !== undefined) merged.when = entry.when;
  if (entry.message !== undefined) merged.message = entry.message;
  if (entry.change !== undefined) merged.change = entry.change;
  if (entry.items !== undefined) merged.items = entry.items;
  if (entry.at !== undefined) merged.at = entry.at;
  if (entry.description !== undefined) merged.description = entry.description;
  if (entry.severity === 'off' || entry.enabled === false) merged.enabled = false;
  else if (entry.severity !== undefined) merged.severity = entry.severity;
  if (entry.when !== undefined || entry.message !== undefined || entry.effect !== undefined) merged.origin = 'config';
  return merged;
}
