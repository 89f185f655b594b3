// A rule's condition (`when:`) is a small recursive language: `all` / `any` / `not` over
// comparisons `{ fact, op, value }`. zod checks the rest of the config; this walk checks a condition
// so each mistake is reported at its own path, with a suggestion for a misspelled fact or operator.

import type { RefinementCtx } from 'zod';
import { FACT_NAMES, FACTS, isFactName } from '../engine/facts.js';
import type { FactKind, FactName } from '../engine/facts.js';
import { isOperatorName, OPERATOR_NAMES, OPERATORS } from '../engine/operators.js';
import type { OperatorDefinition, OperatorName } from '../engine/operators.js';
import type { Condition, FactValue, Operand } from '../schema/rule.js';
import { didYouMean } from '../schema/suggest.js';

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
    fail([...path, 'op'], `the operator "${op}" tests ${kindsInWords(accepts)}, and "${fact}" is ${KIND_WORDS[kind]}: the rule would never fire`, 'operator-kind');
    return;
  }
  const operand = value.value as Operand | undefined;
  if (!takesValue || isPlainObject(operand) && 'param' in operand) return; // A parameter's value is the config's: checked there.
  const wrong = wrongExpected(op, kind, isPlainObject(operand) && 'fact' in operand ? { fact: FACTS[operand.fact as FactName].kind } : { literal: operand as FactValue });
  if (wrong) fail([...path, 'value'], wrong, 'operator-kind');
}

const KIND_WORDS: Record<FactKind, string> = {
  money: 'an amount of money',
  number: 'a number',
  ratio: 'a ratio',
  text: 'text',
  list: 'a list',
  boolean: 'true or false',
};

const NUMERIC: readonly FactKind[] = ['money', 'number', 'ratio'];

function kindsInWords(kinds: readonly FactKind[]): string {
  const words = [...new Set(kinds.map((kind) => (NUMERIC.includes(kind) ? 'numbers' : KIND_WORDS[kind])))];
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

/** The kind of a literal value, for comparing with what an operator expects. */
function literalKind(value: FactValue): FactKind | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

/**
 * What is wrong with the expected value of `fact op value` for a fact of `kind`, in words, or
 * undefined: a comparison that could never be true is a mistake to report, not a rule to run.
 */
export function wrongExpected(op: OperatorName, kind: FactKind, expected: { literal: FactValue } | { fact: FactKind }): string | undefined {
  const got = 'fact' in expected ? expected.fact : literalKind(expected.literal);
  const gotWords = got === 'null' ? 'empty (null)' : 'fact' in expected ? `a fact that is ${KIND_WORDS[got]}` : KIND_WORDS[got];
  const numeric = (k: FactKind | 'null') => k !== 'null' && NUMERIC.includes(k);
  switch ((OPERATORS[op] as OperatorDefinition).expects) {
    case 'number':
      return numeric(got) ? undefined : `the operator "${op}" compares with a number, not ${gotWords}`;
    case 'list':
      return got === 'list' ? undefined : `the operator "${op}" takes a list of values, not ${gotWords}`;
    case 'item':
      return got === 'text' ? undefined : `the operator "${op}" looks for one text item in the list, not ${gotWords}`;
    case 'same':
      // eq null tests for an unknown value; numbers of any kind compare with each other.
      if (got === 'null' || got === kind || (numeric(kind) && numeric(got))) return undefined;
      return `"${op}" compares ${KIND_WORDS[kind]} with ${gotWords}: the rule would never fire`;
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
