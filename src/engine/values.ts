// How fact and parameter values read in messages and explanations. Pure and locale-fixed (en-US),
// so output is the same on every machine.

import type { FactKind } from './facts.js';
import type { FactValue } from './types.js';

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string): string {
  const key = `${currency}:${Number.isInteger(amount) ? 0 : 2}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    });
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatRatio(value: number): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value)}×`;
}

export function formatValue(value: FactValue | undefined, kind: FactKind, currency: string): string {
  if (value === null || value === undefined) return 'unknown';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (kind === 'money') return formatMoney(value, currency);
    if (kind === 'ratio') return formatRatio(value);
    return formatNumber(value);
  }
  return String(value);
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

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

export function fillTemplate(template: string, lookup: (name: string) => string | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => lookup(name) ?? whole);
}
