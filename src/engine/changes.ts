// The whole path to a join: for each decline and wait rule that fired, what the deal must meet for
// it to stop firing, derived from the rule's own condition, so a user's rule gets it as a built-in
// one does. Turned around, a comparison is its opposite (`lt` becomes `gte`); an `any` needs every
// branch that holds turned around, an `all` one of them, a `not` its inner condition made to hold.
// A rule that counts the strategic signals also gets the signals within reach, each with what it
// needs against what the deal has. Pure: the evaluator passes in how to read facts and test a
// condition (./evaluate.ts), so this module knows nothing of traces.

import { factValues } from './fact-values.js';
import { FACTS } from './facts.js';
import type { FactDefinition } from './facts.js';
import { OPERATORS } from './operators.js';
import type { OperatorDefinition } from './operators.js';
import type { Change, Condition, FactValue, Need, Rule, SignalOption } from './types.js';
import { formatValue, kindOf } from './values.js';

type Comparison = Extract<Condition, { fact: string }>;

/** How the path reads a deal under one rule (its own parameters first). */
export interface ChangeScope {
  read(fact: string): FactValue;
  /** A comparison's expected value: the literal, the parameter's value or the other fact's. */
  expected(comparison: Comparison): FactValue;
  /** Whether a condition holds; with `override`, as if that fact had that value. */
  holds(condition: Condition, override?: { fact: string; value: FactValue }): boolean;
}

export interface PathInput {
  /** The decline rules that fired, then the wait rules that fired, in policy order. */
  blockers: readonly Rule[];
  /** The decline and wait rules that did not fire: a need must not make one of them fire. */
  quiet: readonly Rule[];
  /** The signal rules that did not fire. */
  missingSignals: readonly Rule[];
  scope(rule: Rule): ChangeScope;
  /** The rule's `change` text, filled in. */
  message(rule: Rule): string;
  /** The deal's amounts read in its currency; the policy's thresholds in the company's (never converted). */
  currency: { deal: string; company: string };
  /** The day of the evaluation, YYYY-MM-DD (the date operators test against it). */
  today: string;
}

/** Each operator's opposite, where the language has one (`contains` has none: message only). */
const OPPOSITE: Readonly<Record<string, string>> = {
  eq: 'ne',
  ne: 'eq',
  lt: 'gte',
  gte: 'lt',
  lte: 'gt',
  gt: 'lte',
  in: 'not_in',
  not_in: 'in',
  empty: 'not_empty',
  not_empty: 'empty',
  exists: 'missing',
  missing: 'exists',
};

/** null: what would meet it cannot be told from the condition. */
type Needs = Need[] | null;

export function pathToJoin(input: PathInput): Change[] {
  return input.blockers.map((rule) => {
    const scope = input.scope(rule);
    const needs = (rule.when ? falsify(rule.when, scope) : null) ?? [];
    const change: Change = {
      rule: rule.id,
      effect: rule.effect as Change['effect'],
      message: input.message(rule),
      needs: needs.map((need) => settle(need, input)),
    };
    const count = needs.find((need) => need.fact === 'signal_count');
    if (count && typeof count.value === 'number' && typeof count.actual === 'number' && (count.op === 'gte' || count.op === 'gt')) {
      const need = count.value - count.actual + (count.op === 'gt' ? 1 : 0);
      change.signals = { need, options: input.missingSignals.map((signal) => option(signal, input)) };
    }
    return change;
  });
}

/** What makes a condition that holds stop holding. */
function falsify(condition: Condition, scope: ChangeScope): Needs {
  if (!scope.holds(condition)) return [];
  if ('all' in condition) {
    // Any one branch turned around will do: the first that can be.
    for (const child of condition.all) {
      const needs = falsify(child, scope);
      if (needs !== null) return needs;
    }
    return null;
  }
  if ('any' in condition) return every(condition.any.map((child) => falsify(child, scope)));
  if ('not' in condition) return satisfy(condition.not, scope);
  const op = OPPOSITE[condition.op];
  return op === undefined ? null : [need(condition, op, scope)];
}

/** What makes a condition that does not hold hold. */
function satisfy(condition: Condition, scope: ChangeScope): Needs {
  if (scope.holds(condition)) return [];
  if ('all' in condition) return every(condition.all.map((child) => satisfy(child, scope)));
  if ('any' in condition) {
    for (const child of condition.any) {
      const needs = satisfy(child, scope);
      if (needs !== null) return needs;
    }
    return null;
  }
  if ('not' in condition) return falsify(condition.not, scope);
  return [need(condition, condition.op, scope)];
}

const every = (parts: Needs[]): Needs => (parts.includes(null) ? null : (parts as Need[][]).flat());

function need(comparison: Comparison, op: string, scope: ChangeScope): Need {
  const takesValue = (OPERATORS as Record<string, OperatorDefinition>)[comparison.op]?.takesValue === true;
  return {
    fact: comparison.fact,
    op,
    ...(takesValue ? { value: scope.expected(comparison) } : {}),
    actual: scope.read(comparison.fact),
  };
}

/**
 * A need on a field with a fixed list of values, as the values that meet it (`ne none` is `in
 * [possible, likely, committed]`), leaving out those that would make another decline or wait fire
 * (`unknown` would wait for an assessment). An `eq` stays as it is.
 */
function settle(need: Need, input: PathInput): Need {
  // A text fact whose values are a fixed list (stage): a need on one names the values that meet it.
  const values = Object.hasOwn(FACTS, need.fact) && (FACTS as Record<string, FactDefinition>)[need.fact]!.kind === 'text' ? factValues(need.fact) : undefined;
  if (!values || !['ne', 'in', 'not_in'].includes(need.op)) return need;
  const operator = (OPERATORS as Record<string, OperatorDefinition>)[need.op]!;
  const meeting = values.filter((value) => operator.test(value, need.value ?? null, input.today));
  const harmless = meeting.filter((value) => !input.quiet.some((rule) => rule.when && input.scope(rule).holds(rule.when, { fact: need.fact, value })));
  return { ...need, op: 'in', value: harmless.length > 0 ? harmless : meeting };
}

function option(signal: Rule, input: PathInput): SignalOption {
  const needs = (signal.when ? satisfy(signal.when, input.scope(signal)) : null)?.map((need) => settle(need, input)) ?? [];
  const message = needs.length > 0 ? needs.map((need) => signalPhrase(need, input.currency)).join(' ') : (signal.description ?? signal.id);
  return { rule: signal.id, message, needs };
}

/** What a signal needs, in a sentence: what the deal has, and what would count. */
export function signalPhrase(need: Need, currency: { deal: string; company: string }): string {
  const { fact, op, value, actual } = need;
  const kind = Object.hasOwn(FACTS, fact) ? (FACTS as Record<string, FactDefinition>)[fact]!.kind : kindOf(actual);
  const show = (v: FactValue | undefined) => formatValue(v, kind, currency.deal);
  const wanted = Array.isArray(value) ? value.join(' or ') : formatValue(value, kind, currency.company);
  const at = `${fact} ${op}`;
  if (at === 'potential_value gte') return `The potential value is ${show(actual)}; ${wanted} or more would count.`;
  if (at === 'size_ratio gte') {
    return actual === null
      ? `The prospect's size is not recorded; ${wanted} ours or more would count.`
      : `The prospect is ${show(actual)} our size; ${wanted} or more would count.`;
  }
  if (at === 'follow_on.potential in' || at === 'follow_on.potential eq') {
    // unknown is a follow-on nobody has assessed (a deal from a CRM), not a potential of its own.
    return `The follow-on is ${actual === 'unknown' ? 'not assessed yet' : show(actual)}; ${wanted} would count.`;
  }
  if (at === 'competition.threat in' || at === 'competition.threat eq') {
    return `The competitive threat is ${actual === null ? 'not recorded' : show(actual)}; ${wanted} would count.`;
  }
  if (at === 'strategic_logo eq' && value === true) return 'The account is not marked as a strategic logo; a name that opens a market or serves as a reference would count.';
  const symbol = (OPERATORS as Record<string, OperatorDefinition>)[op]?.symbol ?? op;
  return `${fact} ${symbol}${value === undefined ? '' : ` ${wanted}`} would count (it is ${show(actual)}).`;
}
