// The rules engine: evaluates every enabled rule against one deal and keeps each outcome for the
// explanation. Signal rules run first (the decision rules count signals), then decline and wait
// rules in order (a decline beats a wait; among equals the first listed wins), then the CEO's roles
// on a join, then findings, which may test the verdict.

import { isIsoDate } from '../schema/checks.js';
import type { Deal, Override } from '../schema/deal.js';
import { pathToJoin } from './changes.js';
import type { ChangeScope } from './changes.js';
import { TODAY } from './dates.js';
import { FACTS, factReader } from './facts.js';
import type { Company, FactContext, FactDefinition, FactKind } from './facts.js';
import { OPERATORS } from './operators.js';
import { activeOverride, OVERRIDE_RULE } from './override.js';
import type { OperatorName } from './operators.js';
import type {
  AsOf,
  Condition,
  ConditionTrace,
  Evaluation,
  FactValue,
  FindingOutcome,
  Operand,
  Outcome,
  ParamValue,
  RoleOutcome,
  Rule,
  RuleTrace,
  Verdict,
} from './types.js';
import { fillTemplate, formatValue, kindOf } from './values.js';

/**
 * What a deal is evaluated under: the company, the policy's parameters and the rules. The policy
 * layer's resolved config is one; the engine needs nothing else of it.
 */
export interface EngineConfig {
  company: Company;
  /** The policy's parameters by name (a rule's own params take precedence). */
  policy: object;
  rules: readonly Rule[];
  /** How each parameter reads in a message (a money threshold as money): its kind. */
  paramKinds: Readonly<Record<string, FactKind>>;
}

interface RuleScope {
  read: (fact: string) => FactValue;
  today: string;
  param: (name: string) => ParamValue | undefined;
  paramKinds: EngineConfig['paramKinds'];
}

/** `today` is the day to evaluate on, YYYY-MM-DD: the caller's, never the clock's (PRODUCT.md §10). */
export function evaluate(deal: Deal, config: EngineConfig, { today }: AsOf): Evaluation {
  checkToday(today);
  const context: FactContext = { deal, company: config.company, today, signals: [] };
  const read = factReader(context);
  // Amounts of the deal read in its currency; the policy's thresholds in the company's (never converted).
  const currency = { deal: deal.value.currency, company: config.company.currency };
  const policy = config.policy as unknown as Record<string, ParamValue>;
  const traces = new Map<Rule, RuleTrace>();
  const scopeOf = (rule: Rule) => ruleScope(rule, read, today, policy, config.paramKinds);

  const run = (rule: Rule): boolean => {
    const scope = scopeOf(rule);
    const condition = rule.when ? evaluateCondition(rule.when, scope) : null;
    const fired = condition === null || condition.result === true;
    const trace: RuleTrace = { rule: rule.id, effect: rule.effect, enabled: true, fired, origin: rule.origin, condition };
    if (fired) trace.message = render(rule.message, scope, currency);
    traces.set(rule, trace);
    return fired;
  };
  const enabled = (effect: Rule['effect']) => config.rules.filter((rule) => rule.enabled && rule.effect === effect);
  const outcome = (rule: Rule): Outcome => ({ rule: rule.id, effect: rule.effect, message: traces.get(rule)!.message! });

  const signals = enabled('signal').filter(run);
  context.signals = signals.map((rule) => rule.id);

  const declines = enabled('decline').filter(run);
  const waits = enabled('wait').filter(run);
  const policyVerdict: Verdict = declines.length > 0 ? 'decline' : waits.length > 0 ? 'wait' : 'join';
  // The CEO's override, while in force, is the verdict; the policy's is kept beside it (./override.ts).
  const override = activeOverride(deal, today);
  const verdict = override?.verdict ?? policyVerdict;
  context.verdict = verdict;
  context.policyVerdict = policyVerdict;
  const decider = declines[0] ?? waits[0];
  context.decidedBy = decidedBy(verdict, policyVerdict, override, decider && { rule: decider.id, message: traces.get(decider)!.message! });

  const roles: RoleOutcome[] = [];
  for (const rule of enabled('role')) {
    // Roles describe what the CEO does on a join; they are still traced otherwise, for --explain.
    if (!run(rule) || verdict !== 'join') continue;
    const items = rule.items ? read(rule.items) : [];
    roles.push({ ...outcome(rule), role: rule.id, items: isList(items) ? [...items] : [] });
  }

  const findings: FindingOutcome[] = enabled('finding')
    .filter(run)
    .map((rule) => ({ ...outcome(rule), severity: rule.severity ?? 'error', ...(rule.at === undefined ? {} : { at: rule.at }) }));

  // The whole path to a join: every decline that fired, then every wait, each with what must change
  // for it to stop firing. A rule that fired without a `change` text makes the verdict final (a
  // closed deal), so nothing is listed.
  const blockers = [...declines, ...waits];
  const changes =
    verdict === 'join' || policyVerdict === 'join' || blockers.some((rule) => rule.change === undefined)
      ? []
      : pathToJoin({
          blockers,
          quiet: config.rules.filter((rule) => rule.enabled && (rule.effect === 'decline' || rule.effect === 'wait') && !blockers.includes(rule)),
          missingSignals: enabled('signal').filter((rule) => !signals.includes(rule)),
          scope: (rule) => changeScope(rule, read, today, policy, config.paramKinds),
          message: (rule) => render(rule.change!, scopeOf(rule), currency),
          currency,
          today,
        });

  return {
    verdict,
    policyVerdict,
    ...(override === undefined ? {} : { override }),
    reasons: (policyVerdict === 'join' ? signals : policyVerdict === 'decline' ? declines : waits).map(outcome),
    signals: signals.map(outcome),
    roles,
    changes,
    findings,
    trace: config.rules.map(
      (rule) =>
        traces.get(rule) ?? { rule: rule.id, effect: rule.effect, enabled: false, fired: false, origin: rule.origin, condition: null },
    ),
  };
}

/**
 * What the finding rules read as the deciding rule: the policy's, unless an override in force gives
 * another verdict, which then decided it (and a join has none).
 */
export function decidedBy(
  verdict: Verdict,
  policyVerdict: Verdict,
  override: Override | undefined,
  policyDecider: { rule: string; message: string } | undefined,
): { rule: string; message: string } | undefined {
  if (override === undefined || verdict === policyVerdict) return policyDecider;
  if (verdict === 'join') return undefined;
  return { rule: OVERRIDE_RULE, message: `${override.by} overrode the policy until ${override.until}: ${override.reason}` };
}

/** A programming error, not a user's: the command line and the API check the day they are given. */
export function checkToday(today: unknown): asserts today is string {
  if (typeof today !== 'string' || !isIsoDate(today)) {
    throw new TypeError(`today must be a date written YYYY-MM-DD, not ${JSON.stringify(today)}`);
  }
}

function ruleScope(rule: Rule, read: RuleScope['read'], today: string, policy: Record<string, ParamValue>, paramKinds: EngineConfig['paramKinds']): RuleScope {
  return {
    read,
    today,
    paramKinds,
    param: (name) => (Object.hasOwn(rule.params, name) ? rule.params[name] : Object.hasOwn(policy, name) ? policy[name] : undefined),
  };
}

function changeScope(rule: Rule, read: RuleScope['read'], today: string, policy: Record<string, ParamValue>, paramKinds: EngineConfig['paramKinds']): ChangeScope {
  const scope = ruleScope(rule, read, today, policy, paramKinds);
  return {
    read,
    expected: (comparison) => resolveOperand(comparison.value ?? null, comparison.fact, scope).value,
    holds: (condition, override) => {
      const under = override ? ruleScope(rule, (name) => (name === override.fact ? override.value : read(name)), today, policy, paramKinds) : scope;
      return evaluateCondition(condition, under).result === true;
    },
  };
}

function render(template: string, scope: RuleScope, currency: { deal: string; company: string }): string {
  return fillTemplate(
    template,
    (name) => {
      const param = scope.param(name);
      if (param !== undefined) return formatValue(param, (Object.hasOwn(scope.paramKinds, name) ? scope.paramKinds[name] : undefined) ?? kindOf(param), currency.company);
      const fact = (FACTS as Record<string, FactDefinition>)[name];
      // Today itself reads as its date, not as "2026-12-01 (today)".
      return fact ? formatValue(scope.read(name), fact.kind, currency.deal, name === 'today' ? undefined : scope.today) : undefined;
    },
    (name) => scope.param(name) ?? ((FACTS as Record<string, FactDefinition>)[name] ? scope.read(name) : undefined),
  );
}

export function evaluateCondition(condition: Condition, scope: RuleScope): ConditionTrace {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const items = isAll ? condition.all : condition.any;
    const children: ConditionTrace[] = [];
    let result = isAll;
    for (const child of items) {
      if (result !== isAll) {
        // Short-circuit: the outcome is settled, the rest is not evaluated.
        children.push(notEvaluated(child, scope));
        continue;
      }
      const trace = evaluateCondition(child, scope);
      children.push(trace);
      if (trace.result !== isAll) result = !isAll;
    }
    return { kind: isAll ? 'all' : 'any', result, children };
  }
  if ('not' in condition) {
    const child = evaluateCondition(condition.not, scope);
    return { kind: 'not', result: child.result === false, child };
  }
  const operator = OPERATORS[condition.op as OperatorName];
  const actual = scope.read(condition.fact);
  const trace: ConditionTrace = { kind: 'compare', result: false, fact: condition.fact, op: condition.op, actual };
  if (operator.takesValue) {
    const { value, from } = resolveOperand(condition.value ?? null, condition.fact, scope);
    trace.expected = value;
    if (from) trace.from = from;
    trace.result = operator.test(actual, value, scope.today);
  } else {
    trace.result = operator.test(actual, undefined, scope.today);
  }
  return trace;
}

function resolveOperand(operand: Operand, fact: string, scope: RuleScope): { value: FactValue; from?: { param: string } | { fact: string } } {
  if (operand !== null && typeof operand === 'object' && 'param' in operand) {
    const value = scope.param(operand.param) ?? null;
    return { value: isTodayFor(fact, value) ? scope.today : value, from: { param: operand.param } };
  }
  if (operand !== null && typeof operand === 'object' && 'fact' in operand) {
    return { value: scope.read(operand.fact), from: { fact: operand.fact } };
  }
  // `value: today` compared with a date is the day of the evaluation, which the explanation shows.
  if (isTodayFor(fact, operand)) return { value: scope.today, from: { fact: 'today' } };
  return { value: operand };
}

/** Whether a value compared with `fact` is the word today, standing for the day of the evaluation. */
export function isTodayFor(fact: string, value: FactValue | ParamValue | undefined): boolean {
  return value === TODAY && (FACTS as Record<string, FactDefinition>)[fact]?.kind === 'date';
}

// Array.isArray narrows a readonly list to any[]; this keeps its item type.
const isList = (value: FactValue): value is readonly string[] => Array.isArray(value);

function notEvaluated(condition: Condition, scope: RuleScope): ConditionTrace {
  if ('all' in condition) return { kind: 'all', result: 'not-evaluated', children: condition.all.map((c) => notEvaluated(c, scope)) };
  if ('any' in condition) return { kind: 'any', result: 'not-evaluated', children: condition.any.map((c) => notEvaluated(c, scope)) };
  if ('not' in condition) return { kind: 'not', result: 'not-evaluated', child: notEvaluated(condition.not, scope) };
  const trace: ConditionTrace = { kind: 'compare', result: 'not-evaluated', fact: condition.fact, op: condition.op, actual: undefined };
  if (condition.value !== undefined) {
    const { value, from } = resolveOperand(condition.value, condition.fact, scope);
    trace.expected = value;
    if (from) trace.from = from;
  }
  return trace;
}
