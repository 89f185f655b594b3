// The one check of a deal file that needs today: a CEO's override (`ceo.override`) may run at most
// a year ahead (PRODUCT.md §14). The schema cannot say it (it knows no today), so `triage` and
// `check` ask here, with the day they run on, and report it located at `until` like a schema error.

import { latestUntil, OVERRIDE_TOO_LONG, untilTooFar } from '../engine/override.js';
import type { Deal } from '../schema/deal.js';
import type { Locator } from './yaml-source.js';
import { problem } from './problem.js';
import type { Problem } from './problem.js';

export function overrideProblems(deal: Deal, locator: Locator, file: string, today: string): Problem[] {
  const override = deal.ceo.override;
  if (override === undefined || !untilTooFar(override.until, today)) return [];
  return [
    problem(
      file,
      locator.at(['ceo', 'override', 'until']),
      OVERRIDE_TOO_LONG,
      `ceo.override.until is ${override.until}, more than a year after today (${today}): an override runs at most a year, to ${latestUntil(today)}; decide again by then`,
    ),
  ];
}
