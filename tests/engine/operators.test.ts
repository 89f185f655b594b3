import { describe, expect, it } from 'vitest';
import { OPERATOR_NAMES, OPERATORS, isOperatorName } from '../../src/engine/operators.js';
import type { OperatorName } from '../../src/engine/operators.js';
import type { FactValue } from '../../src/engine/types.js';
import { TODAY } from '../helpers/paths.js';

type Row = [actual: FactValue, expected: FactValue | undefined, result: boolean];

const test = (op: OperatorName, actual: FactValue, expected?: FactValue) => OPERATORS[op].test(actual, expected, TODAY);

describe('operators', () => {
  it('are exactly the sixteen of the rules language', () => {
    expect([...OPERATOR_NAMES].sort()).toEqual(
      ['after', 'before', 'contains', 'empty', 'eq', 'exists', 'gt', 'gte', 'in', 'lt', 'lte', 'missing', 'ne', 'not_empty', 'not_in', 'within_days'].sort(),
    );
    expect(isOperatorName('eq')).toBe(true);
    expect(isOperatorName('equals')).toBe(false);
    expect(isOperatorName('toString')).toBe(false);
  });

  it.each<[OperatorName, boolean]>([
    ['eq', true],
    ['ne', true],
    ['lt', true],
    ['lte', true],
    ['gt', true],
    ['gte', true],
    ['in', true],
    ['not_in', true],
    ['contains', true],
    ['empty', false],
    ['not_empty', false],
    ['exists', false],
    ['missing', false],
    ['before', true],
    ['after', true],
    ['within_days', true],
  ])('%s takes a value: %s', (op, takesValue) => {
    expect(OPERATORS[op].takesValue).toBe(takesValue);
  });

  describe('eq / ne', () => {
    it.each<Row>([
      [5, 5, true],
      [5, 6, false],
      ['high', 'high', true],
      ['high', 'High', false],
      ['5', 5, false],
      [true, true, true],
      [false, true, false],
      [['a', 'b'], ['a', 'b'], true],
      [['a', 'b'], ['b', 'a'], false],
      [['a'], ['a', 'b'], false],
      [[], [], true],
      [null, 'high', false],
      [null, 0, false],
    ])('eq(%j, %j) is %s', (actual, expected, result) => {
      expect(test('eq', actual, expected)).toBe(result);
      // ne is eq's exact opposite, unknown values included: an unknown threat is not "high".
      expect(test('ne', actual, expected)).toBe(!result);
    });
  });

  describe('numeric comparisons', () => {
    it.each<[OperatorName, number, number, boolean]>([
      ['lt', 99_999, 100_000, true],
      ['lt', 100_000, 100_000, false],
      ['lt', 100_001, 100_000, false],
      ['lte', 99_999, 100_000, true],
      ['lte', 100_000, 100_000, true],
      ['lte', 100_001, 100_000, false],
      ['gt', 11, 10, true],
      ['gt', 10, 10, false],
      ['gt', 9, 10, false],
      ['gte', 11, 10, true],
      ['gte', 10, 10, true],
      ['gte', 9.99, 10, false],
      ['lt', -1, 0, true],
      ['gte', 0, 0, true],
    ])('%s(%d, %d) is %s', (op, actual, expected, result) => {
      expect(test(op, actual, expected)).toBe(result);
    });

    const numericOps: OperatorName[] = ['lt', 'lte', 'gt', 'gte'];

    it.each(numericOps)('%s: a null (unknown) actual value never satisfies it', (op) => {
      // For every threshold, above, below and equal: an unknown size ratio is never "much larger",
      // and never "not much larger" either.
      for (const expected of [-1, 0, 10, 1e12]) expect(test(op, null, expected)).toBe(false);
    });

    it.each(numericOps)('%s: a null or missing expected value never satisfies it', (op) => {
      expect(test(op, 5, null)).toBe(false);
      expect(test(op, 5, undefined)).toBe(false);
    });

    it.each(numericOps)('%s: text, booleans, lists and NaN are not numbers', (op) => {
      expect(test(op, '5', 10)).toBe(false);
      expect(test(op, 5, '10')).toBe(false);
      expect(test(op, true, 0)).toBe(false);
      expect(test(op, ['5'], 10)).toBe(false);
      expect(test(op, Number.NaN, 10)).toBe(false);
      expect(test(op, Number.NaN, Number.NaN)).toBe(false);
    });
  });

  describe('in / not_in', () => {
    it.each<[FactValue, FactValue, boolean, boolean]>([
      ['proposal', ['proposal', 'negotiation'], true, false],
      ['negotiation', ['proposal', 'negotiation'], true, false],
      ['discovery', ['proposal', 'negotiation'], false, true],
      ['Proposal', ['proposal'], false, true],
      ['proposal', [], false, true],
      // A non-list expected value holds nothing.
      ['proposal', 'proposal', false, true],
      // Unknown: neither in nor not in.
      [null, ['proposal'], false, false],
      [null, [], false, false],
    ])('%j in %j is %s, not_in is %s', (actual, expected, isIn, isNotIn) => {
      expect(test('in', actual, expected)).toBe(isIn);
      expect(test('not_in', actual, expected)).toBe(isNotIn);
    });
  });

  describe('contains', () => {
    it.each<Row>([
      [['Globex', 'Initech'], 'Globex', true],
      [['Globex', 'Initech'], 'Initech', true],
      [['Globex'], 'globex', false],
      [[], 'Globex', false],
      // The actual value is unknown or not a list: it contains nothing.
      [null, 'Globex', false],
      ['Globex Corp', 'Globex', false],
      [['Globex'], null, false],
      [['Globex'], undefined, false],
    ])('contains(%j, %j) is %s', (actual, expected, result) => {
      expect(test('contains', actual, expected)).toBe(result);
    });
  });

  describe('empty / not_empty / exists / missing', () => {
    it.each<[FactValue, empty: boolean, exists: boolean]>([
      [null, true, false],
      ['', true, true],
      [[], true, true],
      ['Gambling', false, true],
      [['history'], false, true],
      [0, false, true],
      [false, false, true],
      [true, false, true],
    ])('%j: empty %s, exists %s', (actual, empty, exists) => {
      expect(test('empty', actual)).toBe(empty);
      expect(test('not_empty', actual)).toBe(!empty);
      expect(test('exists', actual)).toBe(exists);
      expect(test('missing', actual)).toBe(!exists);
    });
  });

  describe('dates: before and after (strict), against a day that is already resolved (today is the caller\'s)', () => {
    it.each<[OperatorName, FactValue, FactValue, boolean]>([
      ['before', '2026-11-30', '2026-12-01', true],
      ['before', '2026-12-01', '2026-12-01', false],
      ['before', '2026-12-02', '2026-12-01', false],
      ['after', '2026-12-02', '2026-12-01', true],
      ['after', '2026-12-01', '2026-12-01', false],
      ['after', '2026-11-30', '2026-12-01', false],
      // Across a year and a leap day.
      ['before', '2026-12-31', '2027-01-01', true],
      ['after', '2028-02-29', '2028-02-28', true],
      ['before', '2028-02-29', '2028-03-01', true],
      // No date (no close date) is neither before nor after any day.
      ['before', null, '2026-12-01', false],
      ['after', null, '2026-12-01', false],
      ['before', '2026-11-30', null, false],
    ])('%s(%j, %j) is %s', (op, actual, expected, result) => {
      expect(test(op, actual, expected)).toBe(result);
    });
  });

  describe('within_days: from today (TODAY, 2026-12-01) to N days ahead, both included; a past date never', () => {
    it.each<[FactValue, number, boolean]>([
      ['2026-11-30', 14, false],
      ['2026-12-01', 0, true],
      ['2026-12-01', 14, true],
      ['2026-12-02', 0, false],
      ['2026-12-02', 1, true],
      ['2026-12-15', 14, true],
      ['2026-12-16', 14, false],
      ['2027-01-01', 31, true],
      ['2027-01-01', 30, false],
      [null, 14, false],
    ])('within_days(%j, %d) is %s', (actual, days, result) => {
      expect(test('within_days', actual, days)).toBe(result);
    });

    it.each([
      ['2028-02-28', '2028-03-01', 2, true],
      ['2028-02-28', '2028-03-01', 1, false],
      ['2027-02-28', '2027-03-01', 1, true],
    ])('counts a leap day: from %s, %s is within %d days: %s', (today, actual, days, result) => {
      expect(OPERATORS.within_days.test(actual, days, today)).toBe(result);
    });
  });
});

