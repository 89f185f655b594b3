// Operators: how a condition compares a fact's actual value with the expected one. A missing value
// (null) never satisfies an ordering or a membership test, so an unknown size ratio is never "much
// larger"; eq and ne compare it as a value (unknown is not "high").

import type { FactKind } from './facts.js';
import type { FactValue } from './types.js';

/** The kinds of fact an operator can test, as Spectral's functions declare their input. */
export type Accepts = readonly FactKind[] | 'any';

export interface OperatorDefinition {
  /** Does the operator take an expected value (`value:`)? */
  takesValue: boolean;
  /**
   * The kinds of fact it tests: a rule that applies it to another kind would never fire (text
   * compared with lt), so the config reports it, located, instead of running it.
   */
  accepts: Accepts;
  /** What its expected value must be: like the fact (eq), a number, a list of text, or one item of the list. */
  expects?: 'same' | 'number' | 'list' | 'item';
  /** How the explanation writes it. */
  symbol: string;
  test(actual: FactValue, expected: FactValue | undefined): boolean;
}

const isNumber = (value: FactValue | undefined): value is number => typeof value === 'number' && !Number.isNaN(value);

const NUMERIC: readonly FactKind[] = ['money', 'number', 'ratio'];

const numeric = (symbol: string, compare: (a: number, b: number) => boolean): OperatorDefinition => ({
  takesValue: true,
  accepts: NUMERIC,
  expects: 'number',
  symbol,
  test: (actual, expected) => isNumber(actual) && isNumber(expected) && compare(actual, expected),
});

const sameValue = (a: FactValue | undefined, b: FactValue | undefined): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((item, i) => item === b[i]) : a === b;

const asList = (value: FactValue | undefined): readonly unknown[] => (Array.isArray(value) ? value : []);

const isEmpty = (value: FactValue): boolean =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

export const OPERATORS = {
  eq: { takesValue: true, accepts: 'any', expects: 'same', symbol: '=', test: (a, e) => sameValue(a, e) },
  ne: { takesValue: true, accepts: 'any', expects: 'same', symbol: '≠', test: (a, e) => !sameValue(a, e) },
  lt: numeric('<', (a, b) => a < b),
  lte: numeric('≤', (a, b) => a <= b),
  gt: numeric('>', (a, b) => a > b),
  gte: numeric('≥', (a, b) => a >= b),
  in: { takesValue: true, accepts: ['text'], expects: 'list', symbol: 'in', test: (a, e) => a !== null && asList(e).includes(a) },
  not_in: { takesValue: true, accepts: ['text'], expects: 'list', symbol: 'not in', test: (a, e) => a !== null && !asList(e).includes(a) },
  contains: { takesValue: true, accepts: ['list'], expects: 'item', symbol: 'contains', test: (a, e) => e !== null && e !== undefined && asList(a).includes(e) },
  empty: { takesValue: false, accepts: ['text', 'list'], symbol: 'is empty', test: (a) => isEmpty(a) },
  not_empty: { takesValue: false, accepts: ['text', 'list'], symbol: 'is not empty', test: (a) => !isEmpty(a) },
  exists: { takesValue: false, accepts: 'any', symbol: 'is set', test: (a) => a !== null },
  missing: { takesValue: false, accepts: 'any', symbol: 'is not set', test: (a) => a === null },
} satisfies Record<string, OperatorDefinition>;

export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as OperatorName[];

export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(OPERATORS, name);
}
