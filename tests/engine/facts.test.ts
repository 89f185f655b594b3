import { describe, expect, it } from 'vitest';
import { briefMissing, factReader, potentialValue, sizeRatio, uncompensatedDays } from '../../src/engine/facts.js';
import type { Company } from '../../src/engine/facts.js';
import { makeDeal } from './helpers.js';
import { TODAY } from '../helpers/paths.js';

const NORTHWIND: Company = { name: 'Northwind Analytics', employees: 180, annual_revenue: 30_000_000, currency: 'USD' };

describe('potentialValue: value.amount + follow_on.value', () => {
  it.each([
    [{ value: { amount: 240_000 }, follow_on: { potential: 'likely', value: 1_800_000 } }, 2_040_000],
    [{ value: { amount: 240_000 }, follow_on: { potential: 'likely' } }, 240_000],
    [{ value: { amount: 0 }, follow_on: { potential: 'possible', value: 50_000 } }, 50_000],
    [{ value: { amount: 0 }, follow_on: { potential: 'none' } }, 0],
    [{ value: { amount: 99_999.5 }, follow_on: { potential: 'possible', value: 0.5 } }, 100_000],
  ])('%j → %d', (patch, expected) => {
    expect(potentialValue(makeDeal(patch))).toBe(expected);
  });
});

describe('uncompensatedDays: custom_work.days − custom_work.compensated_days', () => {
  it.each([
    [{}, 0],
    [{ custom_work: { days: 15 } }, 15],
    [{ custom_work: { days: 15, compensated_days: 10 } }, 5],
    [{ custom_work: { days: 12, compensated_days: 12 } }, 0],
    [{ custom_work: { days: 2.5, compensated_days: 0.5 } }, 2],
  ])('%j → %d', (patch, expected) => {
    expect(uncompensatedDays(makeDeal(patch))).toBe(expected);
  });
});

describe('sizeRatio: the larger known ratio of the prospect to the company', () => {
  it.each<[string, Record<string, unknown>, Company, number | null]>([
    ['employees only', { account: { name: 'A', employees: 1800 } }, NORTHWIND, 10],
    ['revenue only', { account: { name: 'A', employees: undefined, annual_revenue: 600_000_000 } }, NORTHWIND, 20],
    ['revenue larger than employees', { account: { name: 'A', employees: 900, annual_revenue: 600_000_000 } }, NORTHWIND, 20],
    ['employees larger than revenue', { account: { name: 'A', employees: 3600, annual_revenue: 60_000_000 } }, NORTHWIND, 20],
    ['a smaller prospect', { account: { name: 'A', employees: 90, annual_revenue: 3_000_000 } }, NORTHWIND, 0.5],
    ['a prospect with no employees is known, not unknown', { account: { name: 'A', employees: 0 } }, NORTHWIND, 0],
    ['nothing known about the prospect', { account: { name: 'A', employees: undefined } }, NORTHWIND, null],
    ['nothing known about the company', { account: { name: 'A', employees: 1800, annual_revenue: 1e9 } }, { currency: 'USD' }, null],
    [
      'company employees unknown: revenue only',
      { account: { name: 'A', employees: 1800, annual_revenue: 90_000_000 } },
      { currency: 'USD', annual_revenue: 30_000_000 },
      3,
    ],
    [
      'company revenue unknown: employees only',
      { account: { name: 'A', employees: 1800, annual_revenue: 1e12 } },
      { currency: 'USD', employees: 180 },
      10,
    ],
    // A company of 0 people is no yardstick (there is nothing to divide by).
    ['company of 0 employees ignored', { account: { name: 'A', employees: 1800 } }, { currency: 'USD', employees: 0 }, null],
  ])('%s', (_name, patch, company, expected) => {
    expect(sizeRatio(makeDeal(patch), company)).toBe(expected);
  });

  it('compares revenues only when the deal is in the company currency', () => {
    const account = { name: 'A', employees: 900, annual_revenue: 600_000_000 };
    // USD deal, USD company: revenue counts (20×), over employees (5×).
    expect(sizeRatio(makeDeal({ account, value: { amount: 150_000, currency: 'USD' } }), NORTHWIND)).toBe(20);
    // EUR deal: no exchange rate, so only the employees compare.
    expect(sizeRatio(makeDeal({ account, value: { amount: 150_000, currency: 'EUR' } }), NORTHWIND)).toBe(5);
    // EUR deal with no employee count: unknown.
    expect(
      sizeRatio(
        makeDeal({ account: { name: 'A', employees: undefined, annual_revenue: 600_000_000 }, value: { amount: 1, currency: 'EUR' } }),
        NORTHWIND,
      ),
    ).toBeNull();
    // A deal that names no currency is in the company's (the loader's default currency).
    const noCurrency = makeDeal({ account: { name: 'A', employees: undefined, annual_revenue: 600_000_000 } }, 'EUR');
    expect(noCurrency.value.currency).toBe('EUR');
    expect(sizeRatio(noCurrency, { ...NORTHWIND, currency: 'EUR' })).toBe(20);
    expect(sizeRatio(noCurrency, NORTHWIND)).toBeNull();
  });
});

describe('briefMissing: what the brief lacks, in a fixed order', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a complete brief', {}, []],
    ['no history', { history: [] }, ['history']],
    ['no stakeholders', { stakeholders: [] }, ['stakeholders']],
    ['no questions', { questions: [] }, ['questions']],
    ['no objective', { objective: undefined }, ['objective']],
    ['nothing at all', { history: undefined, stakeholders: undefined, questions: undefined, objective: undefined }, ['history', 'stakeholders', 'questions', 'objective']],
    ['no questions and no history', { questions: [], history: [] }, ['history', 'questions']],
  ])('%s → %j', (_name, patch, expected) => {
    expect(briefMissing(makeDeal(patch))).toEqual(expected);
  });

  it('does not count issues, asks or the plan as part of the brief', () => {
    expect(briefMissing(makeDeal({ issues: [], asks: [], plan: undefined }))).toEqual([]);
  });
});

describe('factReader', () => {
  const read = (patch: Record<string, unknown>, company: Company = NORTHWIND, signals: string[] = []) =>
    factReader({ deal: makeDeal(patch), company, today: TODAY, signals });

  it('reads derived facts and deal fields by name', () => {
    const r = read({ account: { name: 'Acme Corp', employees: 1800, industry: 'Manufacturing' }, follow_on: { potential: 'likely', value: 50_000 } });
    expect(r('potential_value')).toBe(200_000);
    expect(r('size_ratio')).toBe(10);
    expect(r('account.name')).toBe('Acme Corp');
    expect(r('account.industry')).toBe('Manufacturing');
    expect(r('follow_on.potential')).toBe('likely');
    expect(r('competition.competitors')).toEqual(['Globex']);
    expect(r('strategic_logo')).toBe(true);
  });

  it('gives null for an absent optional field, and [] for an absent list', () => {
    const r = read({ account: { name: 'A', employees: undefined }, competition: undefined, plan: undefined });
    expect(r('account.industry')).toBeNull();
    expect(r('account.employees')).toBeNull();
    expect(r('competition.threat')).toBeNull();
    expect(r('competition.competitors')).toEqual([]);
    expect(r('size_ratio')).toBeNull();
    expect(r('plan')).toBeNull();
  });

  it('lists the asks to say no to and the exceptions, in file order', () => {
    const r = read({
      asks: [
        { request: '90-day payment terms', position: 'no' },
        { request: 'Named support engineer', position: 'trade', exception: true },
        { request: 'Free training', position: 'yes', exception: false },
        { request: 'Uncapped liability', position: 'no', exception: true },
      ],
    });
    expect(r('asks_no')).toEqual(['90-day payment terms', 'Uncapped liability']);
    expect(r('asks_exception')).toEqual(['Named support engineer', 'Uncapped liability']);
    expect(r('ask_count')).toBe(4);
  });

  it('counts issues, history, stakeholders and questions', () => {
    const r = read({ issues: ['Too small?', 'Support hours'] });
    expect(r('issue_count')).toBe(2);
    expect(r('history_count')).toBe(1);
    expect(r('stakeholder_count')).toBe(1);
    expect(r('question_count')).toBe(1);
  });

  it('reads the signals found so far, and null for an unknown fact name', () => {
    const r = read({}, NORTHWIND, ['large-deal', 'strategic-logo']);
    expect(r('signals')).toEqual(['large-deal', 'strategic-logo']);
    expect(r('signal_count')).toBe(2);
    expect(r('verdict')).toBeNull();
    expect(r('no_such_fact')).toBeNull();
  });
});

describe('facts against today (TODAY is 2026-12-01)', () => {
  const on = (patch: Record<string, unknown>, today = TODAY) => factReader({ deal: makeDeal(patch), company: NORTHWIND, today, signals: [] });

  it('today is the day given, whatever the deal', () => {
    expect(on({})('today')).toBe(TODAY);
    expect(on({}, '2028-02-29')('today')).toBe('2028-02-29');
  });

  it.each<[string, string | undefined, string, number | null, boolean]>([
    // [name, close_date, today, days_to_close, close_date_passed]
    ['the day before the close', '2026-12-02', TODAY, 1, false],
    ['the day of the close', '2026-12-01', TODAY, 0, false],
    ['the day after the close', '2026-11-30', TODAY, -1, true],
    ['a close date a year ahead', '2027-12-01', TODAY, 365, false],
    ['across a leap day (2028-02-29)', '2028-03-01', '2028-02-28', 2, false],
    ['a close on the leap day, the day after', '2028-02-29', '2028-03-01', -1, true],
    ['no close date', undefined, TODAY, null, false],
  ])('%s: days_to_close and close_date_passed', (_name, closeDate, today, days, passed) => {
    const r = on({ close_date: closeDate }, today);
    expect(r('close_date')).toBe(closeDate ?? null);
    expect(r('days_to_close')).toBe(days);
    expect(r('close_date_passed')).toBe(passed);
  });

  it.each<[string, { date: string; event: string }[], number | null]>([
    ['an event today', [{ date: TODAY, event: 'Call' }], 0],
    ['an event yesterday', [{ date: '2026-11-30', event: 'Call' }], 1],
    ['the latest of several, in any order', [{ date: '2026-11-01', event: 'b' }, { date: '2026-11-21', event: 'c' }, { date: '2026-09-14', event: 'a' }], 10],
    ['an event recorded ahead of today', [{ date: '2026-12-03', event: 'Planned' }], -2],
    ['no history', [], null],
  ])('days_since_last_event: %s', (_name, history, days) => {
    expect(on({ history })('days_since_last_event')).toBe(days);
  });

  it.each<[string, { date: string } | undefined, boolean, string | null]>([
    ['a meeting tomorrow', { date: '2026-12-02' }, false, '2026-12-02'],
    ['a meeting today', { date: TODAY }, false, TODAY],
    ['a meeting yesterday', { date: '2026-11-30' }, true, '2026-11-30'],
    // Nothing has passed; `next_meeting.date` `missing` tells a deal without one.
    ['no next meeting', undefined, false, null],
  ])('next_meeting_passed: %s', (_name, meeting, passed, date) => {
    const r = on({ next_meeting: meeting });
    expect(r('next_meeting_passed')).toBe(passed);
    expect(r('next_meeting.date')).toBe(date);
  });
});

describe('stakeholder roles and the asks that need the CEO', () => {
  const read = (patch: Record<string, unknown>) => factReader({ deal: makeDeal(patch), company: NORTHWIND, today: TODAY, signals: [] });
  const people = (...roles: (string | undefined)[]) => roles.map((role, i) => ({ name: `Person ${i}`, ...(role ? { role } : {}) }));

  it.each<[string, Record<string, unknown>[], string[], [boolean, boolean, boolean]]>([
    ['no stakeholders', [], [], [false, false, false]],
    ['one without a role', people(undefined), [], [false, false, false]],
    ['a champion', people('champion'), ['champion'], [false, true, false]],
    // Each role once, in the deal file reference's order, whatever order the file lists them in.
    ['listed out of order, one twice', people('blocker', 'champion', 'economic-buyer', 'champion'), ['economic-buyer', 'champion', 'blocker'], [true, true, true]],
    ['every role', people('user', 'influencer', 'decision-maker', 'blocker', 'champion', 'economic-buyer'), ['economic-buyer', 'champion', 'decision-maker', 'influencer', 'user', 'blocker'], [true, true, true]],
  ])('%s', (_name, stakeholders, roles, [buyer, champion, blocker]) => {
    const r = read({ stakeholders });
    expect(r('stakeholder_roles')).toEqual(roles);
    expect([r('has_economic_buyer'), r('has_champion'), r('has_blocker')]).toEqual([buyer, champion, blocker]);
  });

  it.each<[string, Record<string, unknown>[], number]>([
    ['no asks', [], 0],
    ['a yes and a trade', [{ request: 'a', position: 'yes' }, { request: 'b', position: 'trade' }], 0],
    ['a no', [{ request: 'a', position: 'no' }], 1],
    ['an exception on a trade', [{ request: 'a', position: 'trade', exception: true }], 1],
    ['a no that is an exception too: counted once', [{ request: 'a', position: 'no', exception: true }], 1],
    ['an exception set to false', [{ request: 'a', position: 'yes', exception: false }], 0],
    ['all of them', [{ request: 'a', position: 'no' }, { request: 'b', position: 'trade', exception: true }, { request: 'c', position: 'no', exception: true }, { request: 'd', position: 'yes' }], 3],
  ])('ceo_ask_count: %s', (_name, asks, count) => {
    expect(read({ asks })('ceo_ask_count')).toBe(count);
  });
});

describe('the facts of the richer brief', () => {
  const read = (patch: Record<string, unknown>, signals: string[] = []) =>
    factReader({ deal: makeDeal(patch), company: NORTHWIND, today: TODAY, signals });

  it.each<[string, unknown[], string[]]>([
    ['none', [], []],
    ['as text', ['Data residency'], ['Data residency']],
    ['with our response: the issue alone', [{ issue: 'SSO', response: 'In March' }], ['SSO']],
    ['both kinds, in order', ['A', { issue: 'B' }], ['A', 'B']],
  ])('open_issues, %s', (_case, issues, expected) => {
    expect(read({ issues })('open_issues')).toEqual(expected);
  });

  it.each([
    [['prospect-much-larger'], true],
    [['large-deal', 'prospect-much-larger'], true],
    [['large-deal'], false],
    [[], false],
  ])('prospect_much_larger with the signals %j: %s', (signals, expected) => {
    expect(read({}, signals)('prospect_much_larger')).toBe(expected);
  });
});
