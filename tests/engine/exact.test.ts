// Exact arithmetic on money and days (PRODUCT.md §3): a verdict never flips on a binary rounding
// error, a number too large to hold exactly is a located error, and amounts read as the policy
// compares them.

import { describe, expect, it } from 'vitest';
import { exactDifference, exactRatio, exactSum, toHundredth } from '../../src/engine/exact.js';
import { formatMoney } from '../../src/engine/values.js';
import { parseDeal } from '../../src/load/deal.js';
import { buildBriefing } from '../../src/briefing/briefing.js';
import { glanceRows } from '../../src/format/words.js';
import { COMPANY_YAML, baseDeal, evaluateDeal, firedRules, loadConfig, merge } from './helpers.js';
import { stringify } from 'yaml';

describe('arithmetic on hundredths', () => {
  it.each([
    [20.1, 10.1, 10],
    [0.3, 0.1, 0.2],
    [1.15, 1.05, 0.1],
  ])('%d − %d = %d exactly', (a, b, expected) => {
    expect(a - b).not.toBe(expected); // what plain floating point gives
    expect(exactDifference(a, b)).toBe(expected);
  });

  it.each([
    [0.1, 0.2, 0.3],
    [99_999.7, 0.3, 100_000],
  ])('%d + %d = %d exactly', (a, b, expected) => {
    expect(exactSum(a, b)).toBe(expected);
  });

  it.each([
    [3_000_000.3, 300_000.03, 10],
    [12_345_678.9, 1_234_567.89, 10],
    [20.1, 2.01, 10],
  ])('%d ÷ %d = %d exactly', (a, b, expected) => {
    expect(a / b).not.toBe(expected);
    expect(exactRatio(a, b)).toBe(expected);
  });

  it('rounds to the hundredth, and leaves numbers beyond exact hundredths alone', () => {
    expect(toHundredth(99_999.99999999999)).toBe(100_000);
    expect(toHundredth(20.1)).toBe(20.1);
    expect(toHundredth(9_007_199_254_740_991)).toBe(9_007_199_254_740_991);
  });
});

describe('the policy at its thresholds', () => {
  it('does not decline 20.1 − 10.1 unpaid days against a limit of 10', () => {
    const evaluation = evaluateDeal({ custom_work: { days: 20.1, compensated_days: 10.1 } });
    expect(firedRules(evaluation)).not.toContain('custom-work-burden');
    expect(evaluation.verdict).toBe('join');
  });

  it('declines 20.11 − 10.1 unpaid days, just over the limit', () => {
    const evaluation = evaluateDeal({ custom_work: { days: 20.11, compensated_days: 10.1 } });
    expect(evaluation.reasons[0]?.rule).toBe('custom-work-burden');
  });

  it('counts a revenue ratio of exactly 10 as much larger', () => {
    const config = loadConfig(COMPANY_YAML.replace('annual_revenue: 30000000', 'annual_revenue: 300000.03').replace('employees: 180', 'employees: 100000'));
    const evaluation = evaluateDeal({ account: { name: 'Acme', employees: 10, annual_revenue: 3_000_000.3 } }, config);
    expect(evaluation.signals.map((signal) => signal.rule)).toContain('prospect-much-larger');
  });

  it('takes 99999.99999999999 as $100,000: not a small sale, and never shown as "$100,000.00"', () => {
    const config = loadConfig();
    const evaluation = evaluateDeal({ value: { amount: 99_999.99999999999 } }, config);
    expect(firedRules(evaluation)).not.toContain('small-deal');
    expect(formatMoney(99_999.99999999999, 'USD')).toBe('$100,000');
    const small = evaluateDeal({ value: { amount: 99_999.99 } }, config);
    expect(small.reasons[0]?.message).toContain('$99,999.99');
  });

  it('shows the briefing figures to the cent', () => {
    const config = loadConfig();
    const text = stringify(merge(baseDeal(), { value: { amount: 99_999.99999999999 } }));
    const loaded = parseDeal(text, 'deal.yaml');
    if (!loaded.ok) throw new Error('invalid');
    const briefing = buildBriefing(loaded.value, evaluateDeal({ value: { amount: 99_999.99999999999 } }, config), config.company);
    // The briefing carries the amount as given; the formatters show it to the cent.
    expect(briefing.glance.value.amount).toBe(99_999.99999999999);
    expect(glanceRows(briefing.glance).find((row) => row.label === 'Value')?.value).toBe('$100,000');
  });
});

describe('numbers too large to hold exactly', () => {
  it.each([
    ['value:\n  amount: 9007199254740993', 'value.amount', 2, 11],
    ['account:\n  name: Acme\n  employees: 100000000000000000000', 'account.employees', 3, 14],
    ['custom_work:\n  days: 1e300', 'custom_work.days', 2, 9],
  ])('%j is a located out-of-range error on %s', (yaml, field, line, column) => {
    const base = stringify(baseDeal());
    // The patch's keys replace the base's: write the base without them, then the patch.
    const top = yaml.split(':')[0]!;
    const text = `${base.split('\n').filter((_, i, all) => !inSection(all, i, top)).join('\n')}\n${yaml}\n`;
    const loaded = parseDeal(text, 'deal.yaml');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const found = loaded.problems.find((p) => p.message.startsWith(field));
    expect(found).toMatchObject({ rule: 'out-of-range' });
    expect(found?.message).toContain('at most 9,007,199,254,740,991');
    const lines = text.split('\n');
    const sectionLine = lines.indexOf(`${top}:`) + 1;
    expect(found?.line).toBe(sectionLine + line - 1);
    expect(found?.column).toBe(column);
  });
});

/** Whether line i belongs to the top-level section `key` (its key line or an indented line under it). */
function inSection(lines: string[], i: number, key: string): boolean {
  for (let j = i; j >= 0; j--) {
    const line = lines[j]!;
    if (!line.startsWith(' ')) return line.startsWith(`${key}:`);
  }
  return false;
}

describe('dates in the first centuries', () => {
  it.each(['0001-01-01', '0099-12-31', '0000-02-29'])('%s is a real calendar date', (date) => {
    const text = stringify({ ...baseDeal(), close_date: date });
    expect(parseDeal(text, 'deal.yaml').ok).toBe(true);
  });

  it.each(['0001-02-29', '0100-02-29'])('%s is not (no leap day that year)', (date) => {
    const loaded = parseDeal(stringify({ ...baseDeal(), close_date: date }), 'deal.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]?.message).toContain('is not a real calendar date');
  });
});
