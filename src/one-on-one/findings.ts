// What `check` reports about the one-on-one log (PRODUCT.md §13), pure: the meeting lapsed
// (`one-on-one-overdue`), the last one ran short (`one-on-one-short`), a commitment is past due
// (`commitment-overdue`). Located in the log; their severities are the config's
// (src/policy/one-on-one-rules.ts). The words of the messages are here, beside the rules, as the
// built-in rules keep theirs.

import { problem } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import type { Locator } from '../load/yaml-source.js';
import type { OneOnOneSettings } from '../policy/resolve.js';
import { cadenceOf } from './cadence.js';
import type { OneOnOneLog, Person } from './log.js';
import { openCommitments } from './pack.js';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "the CEO (Dana Reyes)", or "the head of sales" when the config names no one. */
export function personName(person: Person, names: OneOnOneSettings['names']): string {
  const role = person === 'ceo' ? 'the CEO' : 'the head of sales';
  const name = person === 'ceo' ? names.ceo : names.head_of_sales;
  return name === undefined ? role : `${role} (${name})`;
}

export function oneOnOneFindings(log: OneOnOneLog, locator: Locator, file: string, settings: OneOnOneSettings, today: string): Problem[] {
  const found: Problem[] = [];
  const { rules } = settings;
  const cadence = cadenceOf(log, today, settings.cadence_days);
  const last = cadence.last;
  if (rules['one-on-one-overdue'].enabled && cadence.state === 'lapsed' && last) {
    found.push(
      problem(
        file,
        locator.at(['meetings', last.index, 'date']),
        'one-on-one-overdue',
        `the last one-on-one was ${days(last.daysAgo)} ago (${last.date}); the CEO and the head of sales meet every ${days(settings.cadence_days)}: set the next one this week`,
        rules['one-on-one-overdue'].severity,
      ),
    );
  } else if (rules['one-on-one-overdue'].enabled && cadence.state === 'never') {
    found.push(
      problem(
        file,
        { line: 1, column: 1 },
        'one-on-one-overdue',
        `no one-on-one is recorded yet; the CEO and the head of sales meet every ${days(settings.cadence_days)}: hold the first one, then record it with deal-triage one-on-one log`,
        rules['one-on-one-overdue'].severity,
      ),
    );
  }
  if (rules['one-on-one-short'].enabled && last && last.minutes < settings.min_minutes) {
    found.push(
      problem(
        file,
        locator.at(['meetings', last.index, 'minutes']),
        'one-on-one-short',
        `the last one-on-one (${last.date}) ran ${last.minutes} minutes, under the ${settings.min_minutes} it needs; keep the next one free of a hard stop`,
        rules['one-on-one-short'].severity,
      ),
    );
  }
  if (rules['commitment-overdue'].enabled) {
    for (const open of openCommitments(log, today)) {
      if (open.overdueDays === undefined) continue;
      found.push(
        problem(
          file,
          locator.at(['meetings', open.meeting, 'commitments', open.commitment, 'due']),
          'commitment-overdue',
          `${personName(open.by, settings.names)} committed on ${open.madeOn} to "${open.what}" by ${open.due}, ${days(open.overdueDays)} ago: do it and set done: true, or agree a new date and change due`,
          rules['commitment-overdue'].severity,
        ),
      );
    }
  }
  return found;
}
