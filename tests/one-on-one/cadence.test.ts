// The cadence, the streak, the venue suggestion and the calendar arithmetic behind them.

import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/engine/dates.js';
import { cadenceOf, dateOfDay, suggestVenue } from '../../src/one-on-one/cadence.js';
import type { Meeting, OneOnOneLog } from '../../src/one-on-one/log.js';

const log = (...meetings: [string, Meeting['venue']?, number?][]): OneOnOneLog => ({
  meetings: meetings.map(([date, venue = 'walk', minutes = 60]) => ({ date, venue, minutes, commitments: [] })),
});

describe('dateOfDay', () => {
  it('is the inverse of dayNumber, every day from 1900 to 2100', () => {
    for (let day = dayNumber('1900-01-01'); day <= dayNumber('2100-12-31'); day++) {
      expect(dayNumber(dateOfDay(day))).toBe(day);
    }
    expect(dateOfDay(dayNumber('2028-02-28') + 1)).toBe('2028-02-29');
    expect(dateOfDay(dayNumber('2026-12-31') + 1)).toBe('2027-01-01');
  });
});

describe('cadenceOf', () => {
  it.each([
    ['2026-12-01', 'on-time', 3],
    ['2026-12-08', 'on-time', 3],
    ['2026-12-09', 'due', 3],
    ['2026-12-11', 'due', 3],
    ['2026-12-12', 'lapsed', 0],
  ])('on %s: %s, streak %i', (today, state, streak) => {
    // A gap of 10 days (7 + 3) keeps the streak; 11 breaks it.
    const result = cadenceOf(log(['2026-11-01'], ['2026-11-12'], ['2026-11-22'], ['2026-12-01']), today, 7);
    expect(result.state).toBe(state);
    expect(result.streak).toBe(streak);
  });

  it('counts only meetings held by today, in date order whatever the order written', () => {
    const result = cadenceOf(log(['2026-11-24', 'office', 30], ['2026-11-17', 'dinner', 90], ['2026-12-24', 'walk', 600]), '2026-12-01', 7);
    expect(result).toMatchObject({ held: 2, averageMinutes: 60, outOfOfficePercent: 50, last: { date: '2026-11-24', index: 0, daysAgo: 7 }, nextDue: '2026-12-01' });
  });
});

describe('suggestVenue', () => {
  it.each([
    [log(), 'walk', undefined],
    [log(['2026-11-01', 'walk']), 'coffee', undefined],
    [log(['2026-11-01', 'walk'], ['2026-11-08', 'coffee'], ['2026-11-15', 'bike-ride'], ['2026-11-22', 'dinner'], ['2026-11-29', 'drive-in']), 'walk', '2026-11-01'],
    [log(['2026-11-01', 'coffee'], ['2026-11-08', 'walk'], ['2026-11-15', 'bike-ride'], ['2026-11-22', 'dinner'], ['2026-11-29', 'drive-in'], ['2026-11-30', 'coffee']), 'walk', '2026-11-08'],
    [log(['2026-11-01', 'office'], ['2026-11-08', 'other']), 'walk', undefined],
  ])('suggests the least recently used out-of-office venue (%#)', (given, venue, lastUsed) => {
    expect(suggestVenue(given, '2026-12-01')).toEqual({ venue, ...(lastUsed && { lastUsed }) });
  });
});
