// Operators: how a condition compares a fact's actual value with the expected one. A missing value
// (null) never satisfies an ordering or a membership test, so an unknown size ratio is never "much
// larger"; eq and ne compare it as a value (unknown is not "high"). Dates are compared as days of
// the calendar, against each other or against today, which every test is given.

import { daysBetween, isBefore } from './dates.js';
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
  /**
   * What its expected value must be: like the fact (eq), a number, a list of text, one item of the
   * list, a date (a YYYY-MM-DD day, or today), or a number of days (a whole number, 0 or more).
   */
  expects?: 'same' | 'number' | 'list' | 'item' | 'date' | 'days';
  /** How the explanation writes it. */
  symbol: string;
  /** `today`: the day of the evaluation, YYYY-MM-DD; a date operand written `today` is this day already. */
  test(actual: FactValue, expected: FactValue | undefined, today: string): boolean;
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

const isDate = (value: FactValue | undefined): value is string => typeof value === 'string';

/** A date before or after another: a day that is not known (no close date) is neither. */
const dated = (symbol: string, compare: (a: string, b: string) => boolean): OperatorDefinition => ({
  takesValue: true,
  accepts: ['date'],
  expects: 'date',
  symbol,
  test: (actual, expected) => isDate(actual) && isDate(expected) && compare(actual, expected),
});

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
  // Strictly: a close date of today is neither before nor after today.
  before: dated('before', (a, b) => isBefore(a, b)),
  after: dated('after', (a, b) => isBefore(b, a)),
  // From today to N days ahead, both days included: a date that has passed is not within any
  // number of days (use close_date_passed, or before today, for those).
  within_days: {
    takesValue: true,
    accepts: ['date'],
    expects: 'days',
    symbol: 'within days',
    test: (actual, expected, today) => {
      if (!isDate(actual) || !isNumber(expected)) return false;
      const ahead = daysBetween(today, actual);
      return ahead >= 0 && ahead <= expected;
    },
  },
} satisfies Record<string, OperatorDefinition>;

export type OperatorName = keyof typeof OPERATORS;
export const OPERATOR_NAMES = Object.keys(OPERATORS) as OperatorName[];

export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(OPERATORS, name);
}
