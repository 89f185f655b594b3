// Schema pieces shared by the deal file, the config and the questionnaire.

import * as z from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const text = () => z.string().trim().min(1, { error: 'must not be empty' });

export const isoDate = () =>
  z.string({ error: 'must be a date written YYYY-MM-DD' }).superRefine((value, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      ctx.addIssue({ code: 'custom', input: value, message: `must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}` });
    } else if (!isCalendarDate(value)) {
      ctx.addIssue({ code: 'custom', input: value, message: `is not a real calendar date (${value})` });
    }
  });

function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const currency = () =>
  z.string().refine((code) => CURRENCIES.has(code), {
    error: (issue) =>
      `must be a three-letter ISO 4217 currency code in capitals, such as USD or EUR, not ${JSON.stringify(issue.input)}`,
  });

/**
 * Numbers are held exactly or not at all: above 2^53 a double cannot tell 9007199254740993 from
 * 9007199254740992, so such a number is an error at its place in the file, never silently rounded.
 */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;
export const exactNumber = () => z.number().max(MAX_EXACT, { error: 'must be at most 9,007,199,254,740,991, the largest number held exactly', abort: true });

export const money = () => exactNumber().min(0, { error: 'must be 0 or more' });
export const count = () => exactNumber().int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' });
/** Person-days, to the hundredth. */
export const days = () => exactNumber().min(0, { error: 'must be 0 or more' });
