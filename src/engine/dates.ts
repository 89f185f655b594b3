// Calendar dates as the deal file writes them, YYYY-MM-DD, and "today" (PRODUCT.md §10), which is
// an input, never the clock. Pure arithmetic on the written date: no Date object, so no time zone
// and no daylight-saving hour can move a day, and a day is a calendar day.

/**
 * The day number of a YYYY-MM-DD date: days since 1970-01-01 in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil), so subtracting two gives calendar days, leap years included.
 * The caller gives a valid date (the schema and the config check them).
 */
export function dayNumber(date: string): number {
  const day = Number(date.slice(8, 10));
  const month = Number(date.slice(5, 7));
  // The year starts in March, so a leap day is the last day of its year.
  const year = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Calendar days from `from` to `to`: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whether `a` is an earlier day than `b`. Two dates written YYYY-MM-DD (four-digit years) sort as
 * text in calendar order, so no arithmetic is needed.
 */
export function isBefore(a: string, b: string): boolean {
  return a < b;
}

/** The word a rule may write for the day of the evaluation: `value: today`. */
export const TODAY = 'today';
