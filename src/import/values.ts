// Cells of a CRM export as deal values, pure: money as people and CRMs write it (`1,200,000.00`,
// `USD 1,200,000.00`, `1.250.000,50` with a decimal comma), dates in the export's format to ISO,
// and a deal's name as an id. Each parser returns the value, or why the cell is not one, in words
// that name what it expected.

import { isCalendarDate, isCurrencyCode } from '../schema/checks.js';
import { MAX_EXACT } from '../schema/common.js';
import { quotedCell } from './quote.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export type Decimal = '.' | ',';

/** The date formats a mapping may name; `D` and `DD` (`M` and `MM`) alike take one or two digits. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'M/D/YYYY', 'MM/DD/YYYY', 'D/M/YYYY', 'DD/MM/YYYY', 'D.M.YYYY', 'DD.MM.YYYY'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A currency as an amount may carry it: a code before or after, or a symbol. */
const CURRENCY_PREFIX = /^(?:([A-Z]{3})\s*|[$€£¥]\s*)/;
const CURRENCY_SUFFIX = /(?:\s*([A-Z]{3})|\s*[$€£¥])$/;

/** Grouped or plain digits, by the decimal separator: `1,200,000.00`, `1200000.5`; `1.250.000,50`, `1 250 000,50`. */
const NUMBER_SHAPES: Record<Decimal, RegExp> = {
  '.': /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/,
  ',': /^(?:\d{1,3}(?:[. \u00a0\u202f']\d{3})+|\d+)(?:,\d+)?$/,
};

export interface Money {
  amount: number;
  /** The ISO code written with the amount (`USD 1,200.00`), if any. */
  currency?: string;
}

export function parseMoney(cell: string, decimal: Decimal): Parsed<Money> {
  let text = cell.trim();
  let currency: string | undefined;
  const prefix = CURRENCY_PREFIX.exec(text);
  if (prefix) {
    currency = prefix[1];
    text = text.slice(prefix[0].length);
  } else {
    const suffix = CURRENCY_SUFFIX.exec(text);
    if (suffix) {
      currency = suffix[1];
      text = text.slice(0, text.length - suffix[0].length);
    }
  }
  if (currency !== undefined && !isCurrencyCode(currency)) return no(`${quotedCell(cell)} names ${currency}, which is not a currency code`);
  if (/^[-−(]/.test(text)) return no(`${quotedCell(cell)} is negative; an amount must be 0 or more`);
  if (!NUMBER_SHAPES[decimal].test(text)) {
    const hint =
      decimal === '.' && /^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+,\d{1,2}$/.test(text)
        ? ' (it reads as a decimal comma: set decimal: "," in a mapping file)'
        : decimal === ',' && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)
          ? ' (it reads as a decimal point, but the mapping says decimal: ",")'
          : '';
    return no(`${quotedCell(cell)} is not an amount${hint}`);
  }
  const normal = decimal === '.' ? text.replaceAll(',', '') : text.replace(/[. \u00a0\u202f']/g, '').replace(',', '.');
  const amount = Number(normal);
  if (!Number.isFinite(amount) || amount > MAX_EXACT) return no(`${quotedCell(cell)} is too large to hold exactly`);
  return ok(currency === undefined ? { amount } : { amount, currency });
}

/** A whole number (employees), grouped or not. */
export function parseCount(cell: string, decimal: Decimal, min: number): Parsed<number> {
  const money = parseMoney(cell, decimal);
  if (!money.ok) return no(money.reason.replace('an amount', 'a number').replace('is not an amount', 'is not a number'));
  if (money.value.currency !== undefined || !Number.isInteger(money.value.amount)) return no(`${quotedCell(cell)} is not a whole number`);
  if (money.value.amount < min) return no(`${quotedCell(cell)} must be at least ${min}`);
  return ok(money.value.amount);
}

/** ISO dates, with a time after them or not (HubSpot writes `2026-12-15 00:00`), are read in every format. */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i;

export function parseDate(cell: string, format: DateFormat): Parsed<string> {
  const text = cell.trim();
  let year: string;
  let month: string;
  let day: string;
  const iso = ISO.exec(text);
  if (iso) {
    [year, month, day] = [iso[1]!, iso[2]!, iso[3]!];
  } else {
    const slashed = SLASHED.exec(text);
    const separator = format.includes('.') ? '.' : '/';
    if (!slashed || format === 'YYYY-MM-DD' || slashed[2] !== separator) return no(`${quotedCell(cell)} is not a date written ${format}`);
    const monthFirst = format.startsWith('M');
    [month, day, year] = monthFirst ? [slashed[1]!, slashed[3]!, slashed[4]!] : [slashed[3]!, slashed[1]!, slashed[4]!];
  }
  const written = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!isCalendarDate(written)) return no(`${quotedCell(cell)} is not a real date in the format ${format} (month ${Number(month)}, day ${Number(day)})`);
  return ok(written);
}

/** yes/no, true/false, 1/0, as spreadsheets write them. */
export function parseBoolean(cell: string): Parsed<boolean> {
  const text = cell.trim().toLowerCase();
  if (['yes', 'true', '1', 'y', 'x'].includes(text)) return ok(true);
  if (['no', 'false', '0', 'n'].includes(text)) return ok(false);
  return no(`${quotedCell(cell)} is not yes or no`);
}

const MAX_SLUG = 60;

/**
 * Terminal escape sequences (CSI `ESC [ … m`, OSC `ESC ] … BEL`, two-character ones, C1 CSI) and
 * other control characters: a name's printable words make its id, never the parameters of an escape.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|[\u0000-\u001f\u007f-\u009f]/g;

/** A deal's id from its name: `Acme — five-plant rollout` → `acme-five-plant-rollout`. */
export function slug(name: string): string {
  const base = name
    .replace(ESCAPES, ' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = base.length > MAX_SLUG ? base.slice(0, MAX_SLUG).replace(/-+$/, '') : base;
  return cut === '' ? 'deal' : cut;
}

/**
 * `id`, or `id-2`, `id-3` … : the first not `taken`. `next` remembers, per id, where the search
 * stopped, so a thousand deals named "Renewal" take linear time, not quadratic.
 */
export function uniqueId(id: string, taken: (candidate: string) => boolean, next: Map<string, number>): string {
  if (!taken(id)) return id;
  for (let n = next.get(id) ?? 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!taken(candidate)) {
      next.set(id, n + 1);
      return candidate;
    }
  }
}
