// The config file (PRODUCT.md §4): the company profile, the policy's parameters and the user's
// rules. Cross-field checks (a rule naming a parameter that does not exist, say) run after the
// shape is valid, the way changesets validates its config.

import * as z from 'zod';
import type { Condition } from '../schema/rule.js';
import { FINDING_SEVERITIES, RuleSchema } from '../schema/rule.js';
import { DEFAULT_POLICY } from './params.js';
import { count, currency, money, text } from '../schema/common.js';
import { checkCondition } from './condition-schema.js';
import { checkRules, isPathInsideFolder, isYamlFileName } from './config-checks.js';
import { STAGES } from '../schema/enums.js';
import { DEFAULT_ONE_ON_ONE } from './one-on-one-rules.js';

/**
 * The config's refinements the generated fast validator re-checks, each with the name of its
 * predicate in ./config-checks.ts (which also has those of the shared schema pieces): as for the
 * deal (`refinements` in src/schema/common.ts), the generator refuses one that is not registered,
 * or whose predicate that module does not export.
 */
export const configRefinements = z.registry<{ check: 'conditionIsValid' | 'rulesAreValid' | 'isLogPath' }>();

export const CompanySchema = z.strictObject({
  name: text().optional(),
  employees: count().optional(),
  annual_revenue: money().optional(),
  currency: currency().default('USD'),
  /** Names the one-on-one pack and check's findings use (PRODUCT.md §13). */
  ceo: text().optional(),
  head_of_sales: text().optional(),
});

/**
 * The weekly CEO / head of sales meeting (PRODUCT.md §13). The log is a path inside the config's
 * folder: a config in a pull request must not make CI read (and quote) a file elsewhere.
 */
const LogPath = text()
  .refine(isPathInsideFolder, { error: 'must be a path inside the config file\'s folder (no leading "/" and no "..")' })
  .refine(isYamlFileName, { error: 'must name a .yaml or .yml file' });
configRefinements.add(LogPath, { check: 'isLogPath' });

export const OneOnOneSchema = z.strictObject({
  cadence_days: count().min(1, { error: 'must be at least 1' }).max(365, { error: 'must be at most 365' }).default(DEFAULT_ONE_ON_ONE.cadence_days),
  min_minutes: count().min(1, { error: 'must be at least 1' }).max(600, { error: 'must be at most 600' }).default(DEFAULT_ONE_ON_ONE.min_minutes),
  log: LogPath.default(DEFAULT_ONE_ON_ONE.log),
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

const ConditionChecked = z.unknown().superRefine((value, ctx) => checkCondition(value, ctx));
configRefinements.add(ConditionChecked, { check: 'conditionIsValid' });
const ConditionSchema = ConditionChecked.transform((value) => value as Condition);

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
    one_on_one: OneOnOneSchema.default({ ...DEFAULT_ONE_ON_ONE }),
  })
  .superRefine((config, ctx) => checkRules(config.rules, config.policy, ctx));
configRefinements.add(ConfigSchema, { check: 'rulesAreValid' });

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.output<typeof ConfigSchema>;

