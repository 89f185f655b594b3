// "Today" for a run (PRODUCT.md §10): `--today YYYY-MM-DD`, else DEAL_TRIAGE_TODAY, else the
// system's local calendar date. The one place the clock is read; everything below the command line
// gets the day as data, so the same deals on the same --today give byte-identical output.

import { localDate } from '../io/clock.js';
import { DATE_WRITTEN, isCalendarDate } from '../schema/checks.js';
import { UsageError } from './errors.js';

export const TODAY_ENV = 'DEAL_TRIAGE_TODAY';

/** What is wrong with a value given as today, in words, or undefined when it is a real YYYY-MM-DD date. */
export function todayProblem(value: string): string | undefined {
  if (!DATE_WRITTEN.test(value)) return 'it is not a date written YYYY-MM-DD (such as 2026-12-01)';
  if (!isCalendarDate(value)) return 'it is not a real calendar date';
  return undefined;
}

/**
 * The day the run is for: the option, else the environment variable (an empty one counts as unset,
 * as NO_COLOR's does), else the local date of `now`. A bad value is a usage error (exit 2) that says
 * where it came from. Checked here rather than by commander as it reads argv: main.ts, which every
 * run loads, then needs none of this.
 */
export function runToday(option: string | undefined, env: Readonly<Record<string, string | undefined>>, now: () => Date = () => new Date()): string {
  if (option !== undefined) {
    const problem = todayProblem(option);
    if (problem !== undefined) throw new UsageError(`--today ${JSON.stringify(option)}: ${problem}`);
    return option;
  }
  const fromEnv = env[TODAY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    const problem = todayProblem(fromEnv);
    if (problem !== undefined) {
      throw new UsageError(`${TODAY_ENV} is ${JSON.stringify(fromEnv)}: ${problem}; set it to a real date written YYYY-MM-DD, or unset it to use the system date`);
    }
    return fromEnv;
  }
  return localDate(now());
}
