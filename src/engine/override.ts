// The CEO's override (`ceo.override`, PRODUCT.md §14): a human decision against the policy, with a
// reason, an author and an expiry. Whether one is in force depends on today, so it is decided here,
// where today is an input, by `evaluate` and `decide` alike (they must agree).
//
// In force from the day it is written through its `until` day, inclusive. After that the policy's
// verdict stands again (and `check` reports override-expired, a finding rule of the policy). An
// override more than a year ahead is not in force either: `triage` and `check` report it as an
// error of the file (override-too-long), so an open-ended decision cannot hide behind a far date.

import type { Deal, Override } from '../schema/deal.js';
import { isBefore } from './dates.js';

/** What `decided_by` reads when an override gave the verdict: the deal file's key, not a rule of the policy. */
export const OVERRIDE_RULE = 'ceo.override';

/** The rule id of an override whose `until` is more than a year after today. */
export const OVERRIDE_TOO_LONG = 'override-too-long';

/** The last day an override written today may run to: the same day a year on (29 February: 28th or 29th, as written). */
export function latestUntil(today: string): string {
  return `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}${today.slice(4)}`;
}

/** Whether `until` is more than a year after today (a date string comparison: YYYY-MM-DD sorts as the calendar). */
export function untilTooFar(until: string, today: string): boolean {
  return isBefore(latestUntil(today), until);
}

/** The deal's override if it is in force today, else undefined. */
export function activeOverride(deal: Deal, today: string): Override | undefined {
  const override = deal.ceo.override;
  if (override === undefined) return undefined;
  if (isBefore(override.until, today) || untilTooFar(override.until, today)) return undefined;
  return override;
}
