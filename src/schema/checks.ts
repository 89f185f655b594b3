// The deal schema's refinements as plain predicates, without zod: the zod schema (common.ts,
// deal.ts) words its problems with them, and the generated fast validator
// (deal-validator.generated.ts) calls the same functions, so the two cannot disagree on what a date,
// a currency or a custom-work split is. This module must not import zod: valid files never load it.

/** How a date is written: YYYY-MM-DD, digits only. */
export const DATE_WRITTEN = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD date that names a day of the (proleptic Gregorian) calendar: no 2026-02-30. */
export function isCalendarDate(value: string): boolean {
  // Arithmetic, not a Date object: every valid deal file passes here several times, and a Date
  // costs ~20x more. tests/schema/checks.test.ts holds it to the Date-based answer.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
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

/** `in_exchange` is what we want in return for a trade: an ask in any other position has none. */
export function inExchangeOnlyOnTrade(ask: { position: string; in_exchange?: string | undefined }): boolean {
  return ask.in_exchange === undefined || ask.position === 'trade';
}

/** The CEO speaks to one executive: at most one stakeholder is the counterpart. */
export function atMostOneCounterpart(stakeholders: readonly { counterpart?: boolean | undefined }[]): boolean {
  let seen = false;
  for (const stakeholder of stakeholders) {
    if (stakeholder.counterpart !== true) continue;
    if (seen) return false;
    seen = true;
  }
  return true;
}
