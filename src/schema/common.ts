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
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const currency = () =>
  z.string().refine((code) => CURRENCIES.has(code), {
    error: (issue) =>
      `must be a three-letter ISO 4217 currency code in capitals, such as USD or EUR, not ${JSON.stringify(issue.input)}`,
  });

export const money = () => z.number().min(0, { error: 'must be 0 or more' });
export const count = () => z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' });
