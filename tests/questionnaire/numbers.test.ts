// Numbers typed into `new` as people write them, and refused with the deal file's own words.

import { describe, expect, it } from 'vitest';
import { parseDeal } from '../../src/load/deal.js';
import { fieldSchema } from '../../src/questionnaire/fields.js';
import type { NumberPath } from '../../src/questionnaire/fields.js';
import { parseTypedNumber, showNumber } from '../../src/questionnaire/numbers.js';
import { fileMessage } from '../../src/questionnaire/validate.js';

describe('parseTypedNumber', () => {
  it.each([
    ['240000', 240_000],
    ['240,000', 240_000],
    ['1,200,000', 1_200_000],
    ['240k', 240_000],
    ['240K', 240_000],
    ['1.2m', 1_200_000],
    ['1.2M', 1_200_000],
    // Exact: 1.1 × 1,000,000 in doubles is 1,100,000.0000000002.
    ['1.1m', 1_100_000],
    ['4.2bn', 4_200_000_000],
    ['2b', 2_000_000_000],
    ['0.5k', 500],
    ['1.2345k', 1234.5],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['0', 0],
    ['  240 k  ', 240_000],
    // A sign is read, so the schema can say "must be 0 or more, not -5" as the file would.
    ['-5', -5],
  ])('%j is %d', (typed, value) => {
    expect(parseTypedNumber(typed)).toBe(value);
  });

  it.each(['', '   '])('%j is no answer', (typed) => {
    expect(parseTypedNumber(typed)).toBeUndefined();
  });

  // Anything else is handed on as the text it is, for the schema to refuse in the file's words.
  it.each(['lots', '$240,000', '240 thousand', '24,00', '1,2345', '12,34,567', 'k', '1e6', '1.2.3', '240kk', '--5', '0x10', 'Infinity', '٣'])('%j is text', (typed) => {
    expect(parseTypedNumber(typed)).toBe(typed.trim());
  });
});

describe('showNumber', () => {
  it.each([
    [240_000, '240,000'],
    [4_200_000_000, '4,200,000,000'],
    [999, '999'],
    [0, '0'],
    [12.5, '12.5'],
    [1234.567, '1,234.567'],
    [-5000, '-5,000'],
  ])('%d as %j', (value, shown) => {
    expect(showNumber(value)).toBe(shown);
  });

  it('reads back as the same number: a default kept with Enter does not change', () => {
    for (const value of [0, 1, 999.99, 240_000, 1_234_567.89, Number.MAX_SAFE_INTEGER]) expect(parseTypedNumber(showNumber(value))).toBe(value);
  });
});

/** The deal file with `text` written as the value of `path`, and the first problem loading it reports. */
function fileProblem(path: NumberPath, text: string): string {
  const yamlValue = /^-?\d+(\.\d+)?$/.test(text) ? text : JSON.stringify(text);
  const deal = {
    'value.amount': `value:\n  amount: ${yamlValue}\n`,
    'account.employees': 'value:\n  amount: 1\n',
    'value.term_months': `value:\n  amount: 1\n  term_months: ${yamlValue}\n`,
  }[path as string]!;
  const account = path === 'account.employees' ? `account:\n  name: A\n  employees: ${yamlValue}\n` : 'account:\n  name: A\n';
  const loaded = parseDeal(`id: d\nname: D\nowner: O\nstage: proposal\n${account}${deal}follow_on:\n  potential: likely\n`, 'deal.yaml');
  if (loaded.ok) throw new Error(`${path}: ${text} loaded`);
  return loaded.problems[0]!.message;
}

describe("a number refused in a question reads as the deal file's message for it", () => {
  it.each<[NumberPath, string]>([
    ['value.amount', 'lots'],
    ['value.amount', '-5'],
    ['value.amount', '$240,000'],
    ['account.employees', '12.5'],
    ['account.employees', '-3'],
    ['account.employees', 'a few'],
    ['value.term_months', '0'],
    ['value.term_months', '1.5'],
    ['value.term_months', 'a year'],
  ])('%s: %j', (path, typed) => {
    const message = fileMessage(fieldSchema(path), path, parseTypedNumber(typed));
    expect(message).not.toBe(true);
    expect(message).toBe(fileProblem(path, typed));
  });
});
