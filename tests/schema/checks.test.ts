// The zod-free predicates behind the deal schema's refinements (src/schema/checks.ts), which zod
// and the generated fast validator both call.

import { describe, expect, it } from 'vitest';
import { compensatedWithinDays, isCalendarDate, isCurrencyCode, isIsoDate } from '../../src/schema/checks.js';

/** The definition the arithmetic must keep: the day a Date lands on is the day written. */
function byDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isCalendarDate', () => {
  it('agrees with a Date on every month 00-13 and day 00-32 (and 99) of leap, non-leap and century years', () => {
    const years = [0, 1, 4, 99, 100, 200, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2026, 2100, 2400, 9996, 9999];
    for (let year = 0; year <= 9999; year += 97) years.push(year);
    const upTo = (last: number) => [...Array.from({ length: last + 1 }, (_, i) => i), 99];
    const disagree: string[] = [];
    for (const year of years) {
      for (const month of upTo(13)) {
        for (const day of upTo(32)) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isCalendarDate(value) !== byDate(value)) disagree.push(value);
        }
      }
    }
    expect(disagree).toEqual([]);
  });

  it.each([
    ['2024-02-29', true],
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['0000-02-29', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-01 ', false],
    ['2026-01-01\n', false],
    ['２０２６-01-01', false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('isCurrencyCode and compensatedWithinDays', () => {
  it.each([
    ['USD', true],
    ['EUR', true],
    ['usd', false],
    ['XYZ', false],
    ['', false],
  ])('isCurrencyCode(%j) is %s', (code, expected) => {
    expect(isCurrencyCode(code)).toBe(expected);
  });

  it.each([
    [0, 0, true],
    [2.5, 2.5, true],
    [3, 3.5, false],
    [0, 0.01, false],
  ])('%s days, %s compensated: %s', (days, compensated, expected) => {
    expect(compensatedWithinDays({ days, compensated_days: compensated })).toBe(expected);
  });
});
