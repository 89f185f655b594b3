// Calendar arithmetic on YYYY-MM-DD dates (src/engine/dates.ts), held to what Date.UTC says of the
// same days, across leap years and centuries; and how a date reads next to today in a message.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, daysBetween, isBefore } from '../../src/engine/dates.js';
import { relativeDate } from '../../src/engine/values.js';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('dayNumber', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2026-12-01', 20_788],
  ])('%s is day %d', (date, expected) => {
    expect(dayNumber(date)).toBe(expected);
  });

  it('agrees with Date.UTC on every day from year 1 to 9999 (sampled)', () => {
    const first = new Date('0001-01-01T00:00:00Z').getTime() / DAY_MS;
    const last = new Date('9999-12-31T00:00:00Z').getTime() / DAY_MS;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        expect(dayNumber(iso(day * DAY_MS))).toBe(day);
      }),
      { numRuns: 2_000, seed: 12 },
    );
  });
});

describe('daysBetween: calendar days, leap years right', () => {
  it.each([
    ['the day itself', '2026-12-01', '2026-12-01', 0],
    ['the next day', '2026-12-01', '2026-12-02', 1],
    ['the day before', '2026-12-01', '2026-11-30', -1],
    ['over a year end', '2026-12-31', '2027-01-01', 1],
    ['February of a leap year (2028)', '2028-02-28', '2028-03-01', 2],
    ['February of a common year (2027)', '2027-02-28', '2027-03-01', 1],
    ['2000, a leap year (divisible by 400)', '2000-02-28', '2000-03-01', 2],
    ['2100, not a leap year (divisible by 100)', '2100-02-28', '2100-03-01', 1],
    ['a leap year', '2028-01-01', '2029-01-01', 366],
    ['a common year', '2027-01-01', '2028-01-01', 365],
  ])('%s: %s to %s is %d', (_name, from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('isBefore', () => {
  it.each([
    ['2026-11-30', '2026-12-01', true],
    ['2026-12-01', '2026-12-01', false],
    ['2026-12-02', '2026-12-01', false],
    ['2026-12-31', '2027-01-01', true],
    ['0999-12-31', '1000-01-01', true],
  ])('%s before %s: %s', (a, b, expected) => {
    expect(isBefore(a, b)).toBe(expected);
  });
});

describe('relativeDate: a date in a message, with how far it is from today (2026-12-01)', () => {
  it.each([
    ['2026-12-01', '2026-12-01 (today)'],
    ['2026-12-02', '2026-12-02 (tomorrow)'],
    ['2026-11-30', '2026-11-30 (yesterday)'],
    ['2026-12-03', '2026-12-03 (in 2 days)'],
    ['2026-11-20', '2026-11-20 (11 days ago)'],
    ['2023-12-01', '2023-12-01 (1,096 days ago)'],
  ])('%s reads "%s"', (date, expected) => {
    expect(relativeDate(date, '2026-12-01')).toBe(expected);
  });
});
