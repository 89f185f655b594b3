// How fact and parameter values read in messages and explanations. Pure and locale-fixed (en-US),
// so output is the same on every machine.

import { daysBetween } from './dates.js';
import { toHundredth } from './exact.js';
import type { FactKind } from './facts.js';
import type { FactValue } from './types.js';

// Written out rather than with Intl's currency style: that loads ICU currency data, which costs
// more than the rest of a `triage` run's own work, and its symbols can change between ICU versions.
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  INR: '₹',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  CNY: 'CN¥',
  HKD: 'HK$',
  MXN: 'MX$',
  BRL: 'R$',
  KRW: '₩',
  ILS: '₪',
};

/** `$240,000`, `€1,500.50`, `CHF 12,000`: to the cent, whole amounts without cents. */
export function formatMoney(value: number, currency: string): string {
  // Rounded to the cent first, as the policy compares it: 99999.99999999999 is $100,000, never
  // "$100,000.00", which would read as a different amount from a threshold of $100,000.
  const amount = toHundredth(value);
  const sign = amount < 0 ? '-' : '';
  const whole = Number.isInteger(amount);
  const digits = formatNumber(Math.abs(amount), whole ? 0 : 2, whole ? 0 : 2);
  const symbol = CURRENCY_SYMBOLS[currency];
  return symbol ? `${sign}${symbol}${digits}` : `${sign}${currency} ${digits}`;
}

/** en-US grouping (`1,234,567.5`), at most `maxFractions` decimals, without Intl. */
export function formatNumber(value: number, maxFractions = 2, minFractions = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(maxFractions);
  // No "-0": a negative value that rounds to zero has no sign.
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  let [whole, fraction = ''] = fixed.split('.') as [string, string?];
  while (fraction.length > minFractions && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

export function formatRatio(value: number): string {
  return `${formatNumber(value, 1)}×`;
}

/**
 * A value as a message shows it. With `today`, a date also says how far it is from today, so a
 * message reads "the close date, 2026-11-20 (11 days ago)"; a date that is not there is "not set".
 */
export function formatValue(value: FactValue | undefined, kind: FactKind, currency: string, today?: string): string {
  if (kind === 'date' && typeof value === 'string' && today !== undefined) return relativeDate(value, today);
  if (value === null || value === undefined) return kind === 'date' ? 'not set' : 'unknown';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (kind === 'money') return formatMoney(value, currency);
    if (kind === 'ratio') return formatRatio(value);
    return formatNumber(value);
  }
  return String(value);
}

/** "2026-11-20 (11 days ago)", "2026-12-03 (in 2 days)", "2026-12-01 (today)". */
export function relativeDate(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return `${date} (today)`;
  if (days === 1) return `${date} (tomorrow)`;
  if (days === -1) return `${date} (yesterday)`;
  return days > 0 ? `${date} (in ${formatNumber(days)} days)` : `${date} (${formatNumber(-days)} days ago)`;
}

/** The kind of a value whose kind is not declared (a user's own parameter). */
export function kindOf(value: FactValue | undefined): FactKind {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/** Placeholders in a rule's message: `{potential_value}`, `{account.name}`. */
export const PLACEHOLDER = /\{([a-z_][a-z0-9_.]*)\}/g;

/**
 * An optional part of a message, `{?objective: toward {objective}}`: its text (placeholders
 * filled) when every name before the colon is set, nothing otherwise, so one message fits each
 * case its rule fires in ("the prospect is 140× our size", "the open issues are …", or both).
 */
export const OPTIONAL_PART = /\{\?([a-z_][a-z0-9_.]*(?:,[a-z_][a-z0-9_.]*)*):((?:[^{}]|\{[a-z_][a-z0-9_.]*\})*)\}/g;
const HAS_OPTIONAL_PART = /\{\?[a-z_]/;

export function hasOptionalParts(template: string): boolean {
  return HAS_OPTIONAL_PART.test(template);
}

/** Every name a message reads: its placeholders, and the names its optional parts depend on. */
export function placeholders(template: string): string[] {
  const conditions = [...template.matchAll(OPTIONAL_PART)].flatMap((match) => match[1]!.split(','));
  return [...conditions, ...[...template.matchAll(PLACEHOLDER)].map((match) => match[1]!)];
}

/** Set, for an optional part: known, not false, not empty text or an empty list (0 is set). */
export function isSet(value: FactValue | undefined): boolean {
  return value !== null && value !== undefined && value !== false && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** The message: optional parts kept or left out by `value`, then each placeholder as `lookup` words it. */
export function fillTemplate(template: string, lookup: (name: string) => string | undefined, value: (name: string) => FactValue | undefined): string {
  const kept = template.replace(OPTIONAL_PART, (_, names: string, text: string) => (names.split(',').every((name) => isSet(value(name))) ? text : ''));
  return kept.replace(PLACEHOLDER, (whole, name: string) => lookup(name) ?? whole);
}
