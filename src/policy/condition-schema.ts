// A rule's condition (`when:`) is a small recursive language: `all` / `any` / `not` over
// comparisons `{ fact, op, value }`. zod checks the rest of the config; this walk checks a condition
// so each mistake is reported at its own path, with a suggestion for a misspelled fact or operator.
// Rules are typed (PRODUCT.md §10): a comparison whose fact, operator and value do not fit (lt on a
// date, "1000" for a number, a date that is not a day, a stage that is not a stage) would never fire,
// so it is refused, with the operator or value to write instead.

import type { RefinementCtx } from 'zod';
import { FACT_NAMES, FACTS, isFactName } from '../engine/facts.js';
import type { FactKind, FactName } from '../engine/facts.js';
import { isOperatorName, OPERATOR_NAMES, OPERATORS } from '../engine/operators.js';
import type { OperatorDefinition, OperatorName } from '../engine/operators.js';
import type { Condition, FactValue, Operand } from '../schema/rule.js';
import { TODAY } from '../engine/dates.js';
import { DATE_WRITTEN, isCalendarDate } from '../schema/checks.js';
import { didYouMean } from '../schema/suggest.js';
import { factValues } from '../engine/fact-values.js';

type Path = (string | number)[];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

export function checkCondition(value: unknown, ctx: RefinementCtx, path: Path = []): void {
  const fail = (at: Path, message: string, rule = 'invalid-condition') =>
    ctx.addIssue({ code: 'custom', path: at, message, input: value, params: { rule } });

  if (!isPlainObject(value)) {
    fail(path, 'a condition must be a mapping: { all: [...] }, { any: [...] }, { not: ... } or { fact, op, value }');
    return;
  }
  const keys = Object.keys(value);
  const combinator = keys.find((key) => key === 'all' || key === 'any' || key === 'not');
  if (combinator) {
    const extra = keys.filter((key) => key !== combinator);
    for (const key of extra) fail([...path, key], `"${key}" cannot stand beside "${combinator}" in one condition`, 'unknown-key');
    const inner = value[combinator];
    if (combinator === 'not') {
      checkCondition(inner, ctx, [...path, 'not']);
    } else if (!Array.isArray(inner) || inner.length === 0) {
      fail([...path, combinator], `"${combinator}" takes a non-empty list of conditions`);
    } else {
      inner.forEach((child, i) => checkCondition(child, ctx, [...path, combinator, i]));
    }
    return;
  }
  for (const key of keys) {
    if (key !== 'fact' && key !== 'op' && key !== 'value') {
      fail([...path, key], `unknown key "${key}" in a condition${didYouMean(key, ['fact', 'op', 'value', 'all', 'any', 'not'])}`, 'unknown-key');
    }
  }
  const { fact, op } = value;
  if (fact === undefined) {
    fail(path, 'a comparison needs "fact" (or use all / any / not)', 'missing-field');
  } else if (typeof fact !== 'string' || !isFactName(fact)) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any YAML value may stand here; the message shows it as String() does
    fail([...path, 'fact'], `unknown fact "${String(fact)}"${didYouMean(String(fact), FACT_NAMES)}`, 'unknown-fact');
  }
  if (op === undefined) {
    fail(path, `a comparison needs "op", one of ${OPERATOR_NAMES.join(', ')}`, 'missing-field');
    return;
  }
  if (typeof op !== 'string' || !isOperatorName(op)) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- any YAML value may stand here; the message shows it as String() does
    fail([...path, 'op'], `unknown operator "${String(op)}"; use one of ${OPERATOR_NAMES.join(', ')}${didYouMean(String(op), OPERATOR_NAMES)}`, 'unknown-operator');
    return;
  }
  const takesValue = OPERATORS[op].takesValue;
  if (takesValue && !('value' in value)) {
    fail(path, `the operator "${op}" compares with a value: add "value"`, 'missing-field');
    return;
  }
  if (!takesValue && 'value' in value) {
    fail([...path, 'value'], `the operator "${op}" takes no value`);
    return;
  }
  if (takesValue && !checkOperand(value.value, [...path, 'value'], fail)) return;
  if (typeof fact !== 'string' || !isFactName(fact)) return;
  const kind = FACTS[fact].kind;
  const accepts = (OPERATORS[op] as OperatorDefinition).accepts;
  if (accepts !== 'any' && !accepts.includes(kind)) {
    fail([...path, 'op'], wrongOperator(op, fact, kind, accepts), 'operator-kind');
    return;
  }
  const operand = value.value as Operand | undefined;
  if (!takesValue || isPlainObject(operand) && 'param' in operand) return; // A parameter's value is the config's: checked there.
  const wrong = wrongExpected(op, fact, isPlainObject(operand) && 'fact' in operand ? { fact: FACTS[operand.fact as FactName].kind } : { literal: operand as FactValue });
  if (wrong) fail(wrong.item === undefined ? [...path, 'value'] : [...path, 'value', wrong.item], wrong.message, 'operator-kind');
}

const KIND_WORDS: Record<FactKind, string> = {
  money: 'an amount of money',
  number: 'a number',
  ratio: 'a ratio',
  text: 'text',
  list: 'a list',
  boolean: 'true or false',
  date: 'a date',
};

const NUMERIC: readonly FactKind[] = ['money', 'number', 'ratio'];
const isNumeric = (kind: FactKind | 'null'): boolean => kind !== 'null' && NUMERIC.includes(kind);

function kindsInWords(kinds: readonly FactKind[]): string {
  const words = [...new Set(kinds.map((kind) => (isNumeric(kind) ? 'numbers' : kind === 'date' ? 'dates' : KIND_WORDS[kind])))];
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

/**
 * The operator to use instead, for a fact of this kind: a date is compared with before and after,
 * a number with lt and gt, a list searched with contains.
 */
const INSTEAD: Partial<Record<'date' | 'numeric' | 'boolean' | 'list' | 'text', Partial<Record<OperatorName, string>>>> = {
  date: {
    lt: '"before"',
    lte: '"before" (which does not count the day itself), or "not" with "after"',
    gt: '"after"',
    gte: '"after" (which does not count the day itself), or "not" with "before"',
    empty: '"missing"',
    not_empty: '"exists"',
    in: '"eq", or "any" of several "eq"',
    not_in: '"ne"',
  },
  numeric: { before: '"lt"', after: '"gt"', within_days: '"lte"', empty: '"missing"', not_empty: '"exists"', in: '"eq"', not_in: '"ne"', contains: '"eq"' },
  boolean: { lt: '"eq"', lte: '"eq"', gt: '"eq"', gte: '"eq"', empty: '"missing"', not_empty: '"exists"', in: '"eq"', not_in: '"ne"' },
  list: { in: '"contains"', not_in: '"not" with "contains"' },
  text: { contains: '"eq" or "in"' },
};

/** `lt` on a date: what the operator compares, what the fact is, and what to use instead. */
function wrongOperator(op: OperatorName, fact: FactName, kind: FactKind, accepts: readonly FactKind[]): string {
  const family = isNumeric(kind) ? 'numeric' : kind;
  const instead = (INSTEAD as Record<string, Partial<Record<OperatorName, string>> | undefined>)[family]?.[op];
  return `the operator "${op}" tests ${kindsInWords(accepts)}, and "${fact}" is ${KIND_WORDS[kind]}: ${instead ? `use ${instead}` : 'the rule would never fire'}`;
}

/** The kind of a literal value, for comparing with what an operator expects. */
function literalKind(value: FactValue): FactKind | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/** Words people write for true or false, which YAML 1.2 reads as text. */
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, yes: true, y: true, on: true, false: false, no: false, n: false, off: false };

/** What is wrong with a date written in a rule, or undefined: a real YYYY-MM-DD day, or the word today. */
function wrongDate(value: string): string | undefined {
  if (value === TODAY) return undefined;
  if (!DATE_WRITTEN.test(value)) return `a date is written YYYY-MM-DD (or today), not ${JSON.stringify(value)}`;
  if (!isCalendarDate(value)) return `${value} is not a real calendar date`;
  return undefined;
}

/** A value outside an enum fact's values (or, for a list fact, its items'), with the one it most likely meant. */
function wrongValue(fact: FactName, value: string, values: readonly string[], of: 'value' | 'item' = 'value'): string | undefined {
  if (values.includes(value)) return undefined;
  const given = JSON.stringify(value);
  const allowed = `${values.join(', ')}${didYouMean(value, values)}`;
  return of === 'item' ? `${given} cannot be an item of ${fact}, whose items are ${allowed}` : `${given} is not a value of ${fact}, which is one of ${allowed}`;
}

/**
 * What is wrong with the expected value of `fact op value`, in words (and which item of a list), or
 * undefined: a comparison that could never be true is a mistake to report, not a rule to run.
 */
export function wrongExpected(op: OperatorName, fact: FactName, expected: { literal: FactValue } | { fact: FactKind }): { message: string; item?: number } | undefined {
  const kind = FACTS[fact].kind;
  const got = 'fact' in expected ? expected.fact : literalKind(expected.literal);
  const gotWords = got === 'null' ? 'empty (null)' : 'fact' in expected ? `a fact that is ${KIND_WORDS[got]}` : KIND_WORDS[got];
  const literal = 'literal' in expected ? expected.literal : undefined;
  const values = factValues(fact);
  const say = (message: string | undefined, item?: number) => (message === undefined ? undefined : item === undefined ? { message } : { message, item });
  switch ((OPERATORS[op] as OperatorDefinition).expects) {
    case 'number':
      if (isNumeric(got)) return undefined;
      // "1000" in quotes is text to YAML.
      if (typeof literal === 'string' && literal.trim() !== '' && Number.isFinite(Number(literal))) {
        return say(`the operator "${op}" compares with a number, not text: write ${literal.trim()} without quotes`);
      }
      return say(`the operator "${op}" compares with a number, not ${gotWords}`);
    case 'days':
      if (typeof literal === 'number' && Number.isInteger(literal) && literal >= 0) return undefined;
      if ('fact' in expected && got === 'number') return undefined;
      return say(`the operator "${op}" takes a number of days, a whole number 0 or more, not ${typeof literal === 'number' ? String(literal) : gotWords}`);
    case 'date':
      if ('fact' in expected) return got === 'date' ? undefined : say(`the operator "${op}" compares with a date, not ${gotWords}`);
      if (typeof literal === 'string') return say(wrongDate(literal));
      return say(`the operator "${op}" compares with a date (YYYY-MM-DD, or today), not ${gotWords}`);
    case 'list':
      if (got !== 'list') return say(`the operator "${op}" takes a list of values, not ${gotWords}`);
      if (values && Array.isArray(literal)) {
        for (const [i, item] of (literal as readonly string[]).entries()) {
          const wrong = wrongValue(fact, item, values);
          if (wrong) return say(wrong, i);
        }
      }
      return undefined;
    case 'item':
      if (got !== 'text') return say(`the operator "${op}" looks for one text item in the list, not ${gotWords}`);
      return values && typeof literal === 'string' ? say(wrongValue(fact, literal, values, 'item')) : undefined;
    case 'same':
      // eq null tests for an unknown value; numbers of any kind compare with each other.
      if (got === 'null' || (isNumeric(kind) && isNumeric(got))) return undefined;
      if (kind === 'date' && got === 'text' && typeof literal === 'string') return say(wrongDate(literal));
      if (got !== kind) {
        // "yes" in quotes, or no unquoted (YAML 1.2 reads it as text), for a true/false fact.
        const meant = kind === 'boolean' && typeof literal === 'string' ? BOOLEAN_WORDS[literal.trim().toLowerCase()] : undefined;
        return say(`"${op}" compares ${KIND_WORDS[kind]} with ${gotWords}: ${meant === undefined ? 'the rule would never fire' : `write ${String(meant)}, without quotes`}`);
      }
      if (values && typeof literal === 'string') return say(wrongValue(fact, literal, values));
      if (values && Array.isArray(literal)) {
        for (const [i, item] of (literal as readonly string[]).entries()) {
          const wrong = wrongValue(fact, item, values, 'item');
          if (wrong) return say(wrong, i);
        }
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Whether the operand is well formed (a problem is reported where it is not). */
function checkOperand(operand: unknown, path: Path, fail: (at: Path, message: string, rule?: string) => void): boolean {
  if (isScalar(operand)) return true;
  if (Array.isArray(operand)) {
    if (operand.every((item) => typeof item === 'string')) return true;
    fail(path, 'a list value must hold only strings');
    return false;
  }
  if (isPlainObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length === 1 && typeof operand.param === 'string') return true;
    if (keys.length === 1 && typeof operand.fact === 'string') {
      if (isFactName(operand.fact)) return true;
      fail([...path, 'fact'], `unknown fact "${operand.fact}"${didYouMean(operand.fact, FACT_NAMES)}`, 'unknown-fact');
      return false;
    }
  }
  fail(path, 'a value must be a number, text, true/false, a list of text, { param: name } or { fact: name }');
  return false;
}

/** Every comparison of a condition (`{ fact, op, value }`), with its path. */
export function comparisons(condition: Condition, path: Path = []): { fact: string; op: string; value?: Operand; path: Path }[] {
  if ('all' in condition) return condition.all.flatMap((child, i) => comparisons(child, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((child, i) => comparisons(child, [...path, 'any', i]));
  if ('not' in condition) return comparisons(condition.not, [...path, 'not']);
  return [{ ...condition, path }];
}

/** Every `{ param: name }` a condition refers to, with its path. */
export function paramReferences(condition: Condition, path: Path = []): { name: string; path: Path }[] {
  if ('all' in condition) return condition.all.flatMap((child, i) => paramReferences(child, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((child, i) => paramReferences(child, [...path, 'any', i]));
  if ('not' in condition) return paramReferences(condition.not, [...path, 'not']);
  const operand = condition.value;
  if (isPlainObject(operand) && 'param' in operand && typeof operand.param === 'string') {
    return [{ name: operand.param, path: [...path, 'value', 'param'] }];
  }
  return [];
}

/** Every fact a condition reads (`fact:` and `{ fact: name }` values), with its path. */
export function factReferences(condition: Condition, path: Path = []): { name: string; path: Path }[] {
  if ('all' in condition) return condition.all.flatMap((child, i) => factReferences(child, [...path, 'all', i]));
  if ('any' in condition) return condition.any.flatMap((child, i) => factReferences(child, [...path, 'any', i]));
  if ('not' in condition) return factReferences(condition.not, [...path, 'not']);
  const found = [{ name: condition.fact, path: [...path, 'fact'] }];
  const operand = condition.value;
  if (isPlainObject(operand) && 'fact' in operand && typeof operand.fact === 'string') {
    found.push({ name: operand.fact, path: [...path, 'value', 'fact'] });
  }
  return found;
}
