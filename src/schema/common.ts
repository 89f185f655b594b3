// Schema pieces shared by the deal file, the config and the questionnaire.

import * as z from 'zod';
import { DATE_WRITTEN, isCalendarDate, isCurrencyCode } from './checks.js';
import type * as checks from './checks.js';

export { ID_PATTERN } from './enums.js';

export const text = () => z.string().trim().min(1, { error: 'must not be empty' });

/**
 * The zod refinements the generated fast validator re-checks, each with the predicate of checks.ts
 * it calls: scripts/generate-deal-validator.js refuses a refinement that is not registered here, so
 * a new one cannot be skipped by valid-file loading without failing the build.
 */
export const refinements = z.registry<{ check: keyof typeof checks }>();

function refined<T extends z.ZodType>(schema: T, check: keyof typeof checks): T {
  refinements.add(schema, { check });
  return schema;
}

export const isoDate = () =>
  refined(
    z.string({ error: 'must be a date written YYYY-MM-DD' }).superRefine((value, ctx) => {
      if (!DATE_WRITTEN.test(value)) {
        ctx.addIssue({ code: 'custom', input: value, message: `must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}` });
      } else if (!isCalendarDate(value)) {
        ctx.addIssue({ code: 'custom', input: value, message: `is not a real calendar date (${value})` });
      }
    }),
    'isIsoDate',
  );

export const currency = () =>
  refined(
    z.string().refine(isCurrencyCode, {
      error: (issue) =>
        `must be a three-letter ISO 4217 currency code in capitals, such as USD or EUR, not ${JSON.stringify(issue.input)}`,
    }),
    'isCurrencyCode',
  );

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
