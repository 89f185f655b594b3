// The deal schema's refinements as plain predicates, without zod: the zod schema (common.ts,
// deal.ts) words its problems with them, and the generated fast validator
// (deal-validator.generated.ts) calls the same functions, so the two cannot disagree on what a date,
// a currency or a custom-work split is. This module must not import zod: valid files never load it.

/** How a date is written: YYYY-MM-DD, digits only. */
export const DATE_WRITTEN = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date as the deal file takes it: written YYYY-MM-DD, and a real day of the calendar. */
export function isIsoDate(value: string): boolean {
  return DATE_WRITTEN.test(value) && isCalendarDate(value);
}

// This Node's ICU list, read at run time (not frozen at build time), as zod's refinement reads it.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

/** The customer cannot pay for more custom work than there is. */
export function compensatedWithinDays(work: { days: number; compensated_days: number }): boolean {
  return work.compensated_days <= work.days;
}
