// The findings `check` reports about the one-on-one log (PRODUCT.md §13): the weekly CEO / head of
// sales meeting lapsed, ran short, or a commitment made in it is overdue. Like the folder rules their
// logic is code (src/one-on-one/findings.ts); this is their metadata, which the config's `rules:` can
// change: a severity, or switched off. And the one-on-one settings' defaults.

import type { FolderRuleSpec } from './folder-rules.js';

export const ONE_ON_ONE_RULES = [
  {
    id: 'one-on-one-overdue',
    severity: 'warning',
    description: 'No one-on-one is recorded within one_on_one.cadence_days and 3 days of grace.',
  },
  {
    id: 'one-on-one-short',
    severity: 'warning',
    description: 'The last one-on-one ran shorter than one_on_one.min_minutes.',
  },
  {
    id: 'commitment-overdue',
    severity: 'warning',
    description: 'A commitment made in a one-on-one is open past its due date.',
  },
] as const satisfies readonly FolderRuleSpec[];

export type OneOnOneRuleId = (typeof ONE_ON_ONE_RULES)[number]['id'];
export const ONE_ON_ONE_RULE_IDS: readonly string[] = ONE_ON_ONE_RULES.map((rule) => rule.id);

export function isOneOnOneRule(id: string): id is OneOnOneRuleId {
  return ONE_ON_ONE_RULE_IDS.includes(id);
}

/** Days past the cadence before the meeting counts as lapsed: a week that slips to Monday is not a lapse. */
export const ONE_ON_ONE_GRACE_DAYS = 3;

export const DEFAULT_ONE_ON_ONE = Object.freeze({
  cadence_days: 7,
  min_minutes: 60,
  log: 'one-on-ones.yaml',
});
