// Cells as values: money as CRMs and people write it, dates in each export's format, names as ids.

import { describe, expect, it } from 'vitest';
import { parseDate, parseMoney, slug, uniqueId } from '../../src/import/values.js';
import type { DateFormat, Decimal } from '../../src/import/values.js';

describe('parseMoney', () => {
  it.each<[string, Decimal, number, string?]>([
    ['240000', '.', 240000],
    ['1,200,000.00', '.', 1200000],
    ['320000.50', '.', 320000.5],
    ['USD 1,200,000.00', '.', 1200000, 'USD'],
    ['1,200 EUR', '.', 1200, 'EUR'],
    ['$45,000', '.', 45000],
    ['1.250.000,50', ',', 1250000.5],
    ['1 250 000,50', ',', 1250000.5],
    ['95.000', ',', 95000],
    ['0', '.', 0],
  ])('%s (decimal %s) is %d', (cell, decimal, amount, currency) => {
    expect(parseMoney(cell, decimal)).toEqual({ ok: true, value: currency ? { amount, currency } : { amount } });
  });

  it.each<[string, Decimal, string]>([
    ['abc', '.', '"abc" is not an amount'],
    ['-5', '.', '"-5" is negative; an amount must be 0 or more'],
    ['(5)', '.', 'is negative'],
    ['1.250.000,50', '.', 'set decimal: ","'],
    ['1,200,000.00', ',', 'the mapping says decimal: ","'],
    ['12,34,567', '.', 'is not an amount'],
    ['XYZ 5', '.', 'XYZ, which is not a currency code'],
    ['99999999999999999', '.', 'too large to hold exactly'],
    ['=SUM(A1:A3)', '.', 'is not an amount'],
  ])('%s (decimal %s) is refused: %s', (cell, decimal, reason) => {
    const parsed = parseMoney(cell, decimal);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('parseDate', () => {
  it.each<[string, DateFormat, string]>([
    ['12/15/2026', 'M/D/YYYY', '2026-12-15'],
    ['1/5/2027', 'M/D/YYYY', '2027-01-05'],
    ['2026-12-15', 'M/D/YYYY', '2026-12-15'],
    ['2026-12-20 00:00', 'YYYY-MM-DD', '2026-12-20'],
    ['2026-12-20T09:30:00Z', 'YYYY-MM-DD', '2026-12-20'],
    ['15.12.2026', 'DD.MM.YYYY', '2026-12-15'],
    ['5.1.2027', 'D.M.YYYY', '2027-01-05'],
    ['15/12/2026', 'DD/MM/YYYY', '2026-12-15'],
    ['2/29/2028', 'M/D/YYYY', '2028-02-29'],
    ['12/15/2026 9:41 AM', 'M/D/YYYY', '2026-12-15'],
  ])('%s as %s is %s', (cell, format, iso) => {
    expect(parseDate(cell, format)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, DateFormat, string]>([
    ['13/45/2026', 'M/D/YYYY', '"13/45/2026" is not a real date in the format M/D/YYYY (month 13, day 45)'],
    ['2/29/2027', 'M/D/YYYY', 'is not a real date'],
    ['15.12.2026', 'M/D/YYYY', 'is not a date written M/D/YYYY'],
    ['12/15/2026', 'YYYY-MM-DD', 'is not a date written YYYY-MM-DD'],
    ['next week', 'YYYY-MM-DD', 'is not a date written YYYY-MM-DD'],
  ])('%s as %s is refused', (cell, format, reason) => {
    const parsed = parseDate(cell, format);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('ids', () => {
  it.each([
    ['Acme — five-plant rollout', 'acme-five-plant-rollout'],
    ['Müller – Werk Augsburg', 'muller-werk-augsburg'],
    ['Braun; Pilot Ost', 'braun-pilot-ost'],
    ['=HYPERLINK("x")', 'hyperlink-x'],
    ['株式会社', 'deal'],
    ['terminal escapes and a right-to-left override: \u001b[31mRed\u001b]0;pwned\u0007 deal \u202eevil', 'terminal-escapes-and-a-right-to-left-override-red-deal-evil'],
    ['', 'deal'],
    ['a'.repeat(100), 'a'.repeat(60)],
  ])('%j → %s', (name, id) => {
    expect(slug(name)).toBe(id);
  });

  it('are made unique in linear time, remembering where each search stopped', () => {
    const taken = new Set<string>();
    const next = new Map<string, number>();
    let probes = 0;
    for (let i = 0; i < 2000; i++) {
      taken.add(uniqueId('renewal', (id) => (probes++, taken.has(id)), next));
    }
    expect(taken.has('renewal-2000')).toBe(true);
    expect(probes).toBeLessThan(2000 * 3);
  });
});
