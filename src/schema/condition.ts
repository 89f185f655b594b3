// A rule's condition (`when:`) is a small recursive language: `all` / `any` / `not` over
// comparisons `{ fact, op, value }`. zod checks the rest of the config; this walk checks a condition
// so each mistake is reported at its own path, with a suggestion for a misspelled fact or operator.

import type { RefinementCtx } from 'zod';
import { FACT_NAMES, isFactName } from '../engine/facts.js';
import { isOperatorName, OPERATOR_NAMES, OPERATORS } from '../engine/operators.js';
import type { Condition } from '../engine/types.js';
import { didYouMean } from '../load/suggest.js';

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
  } else if (!takesValue && 'value' in value) {
    fail([...path, 'value'], `the operator "${op}" takes no value`);
  } else if (takesValue) {
    checkOperand(value.value, [...path, 'value'], fail);
  }
}

function checkOperand(operand: unknown, path: Path, fail: (at: Path, message: string, rule?: string) => void): void {
  if (isScalar(operand)) return;
  if (Array.isArray(operand)) {
    if (!operand.every((item) => typeof item === 'string')) fail(path, 'a list value must hold only strings');
    return;
  }
  if (isPlainObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length === 1 && typeof operand.param === 'string') return;
    if (keys.length === 1 && typeof operand.fact === 'string') {
      if (!isFactName(operand.fact)) {
        fail([...path, 'fact'], `unknown fact "${operand.fact}"${didYouMean(operand.fact, FACT_NAMES)}`, 'unknown-fact');
      }
      return;
    }
  }
  fail(path, 'a value must be a number, text, true/false, a list of text, { param: name } or { fact: name }');
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
