// The decision alone, for `check`: a deal's verdict, the reasons for it and the findings, from
// rules compiled once per config into closures. `evaluate` (./evaluate.ts) gives the same verdict,
// reasons and findings, and keeps everything else for the briefing and --explain: every rule's
// trace, the CEO's roles, what would change the verdict. `check` prints none of that, and across a
// folder of thousands of deals building it cost more than the decision itself.
//
// Same results, by construction and by test (tests/engine/decide.test.ts compares the two on
// generated deals and configs): the rules run in the same order with the same short-circuits, facts
// are computed once each per deal as there, and a message is rendered only if it is reported, at
// the point where `evaluate` renders it, so a message that reads a fact that changes during the
// evaluation (`{signal_count}` in a signal's message, `{verdict}` in a finding's) reads what it
// reads there.

import type { Deal } from '../schema/deal.js';
import { checkToday, decidedBy, isTodayFor } from './evaluate.js';
import type { EngineConfig } from './evaluate.js';
import { FACTS } from './facts.js';
import type { FactContext, FactDefinition, FactKind } from './facts.js';
import { OPERATORS } from './operators.js';
import { activeOverride } from './override.js';
import type { OperatorName } from './operators.js';
import type { AsOf, Condition, FactValue, FindingOutcome, Operand, ParamValue, Rule, Verdict } from './types.js';
import { fillTemplate, formatValue, hasOptionalParts, kindOf, PLACEHOLDER, placeholders } from './values.js';

export interface Decision {
  /** As Evaluation.verdict: the override's while one is in force. */
  verdict: Verdict;
  policyVerdict: Verdict;
  /** Whether a CEO's override is in force (it gave the verdict). */
  overridden: boolean;
  /** As Evaluation.reasons: the deciding rules for a decline or a wait, the signals for a join. */
  reasons: { rule: string; message: string }[];
  findings: FindingOutcome[];
}

/** One deal's evaluation: its facts as they are computed, and the context the volatile ones read. */
interface State {
  context: FactContext;
  currency: string;
  /** Non-volatile facts by index, computed at most once (UNSET until then). */
  facts: FactValue[];
}

type Test = (state: State) => boolean;
type Render = (state: State) => string;
type Read = (state: State) => FactValue;

interface CompiledRule {
  rule: Rule;
  /** undefined: the rule has no condition and always applies. */
  test: Test | undefined;
  render: Render;
  /** The message reads a fact that changes during the evaluation: render it when the rule fires. */
  volatile: boolean;
}

interface Compiled {
  factCount: number;
  signals: CompiledRule[];
  declines: CompiledRule[];
  waits: CompiledRule[];
  findings: CompiledRule[];
}

const UNSET = Symbol('unset');
const compiledConfigs = new WeakMap<EngineConfig, Compiled>();

export interface DecideOptions extends AsOf {
  /**
   * Give the reasons (default true). Without, `reasons` is empty, and only the deciding rule's
   * message is rendered (a finding may read it).
   */
  reasons?: boolean;
}

/** `options.today`: the day to decide on, YYYY-MM-DD, as for `evaluate`. */
export function decide(deal: Deal, config: EngineConfig, options: DecideOptions): Decision {
  checkToday(options.today);
  let compiled = compiledConfigs.get(config);
  if (!compiled) compiledConfigs.set(config, (compiled = compile(config)));
  const context: FactContext = { deal, company: config.company, today: options.today, signals: [] };
  const state: State = { context, currency: deal.value.currency, facts: new Array<FactValue>(compiled.factCount).fill(UNSET as never) };

  const signals: { rule: CompiledRule; message: string | undefined }[] = [];
  for (const rule of compiled.signals) {
    if (rule.test && !rule.test(state)) continue;
    // A {signals} in a signal's message reads none yet: the signals are known once all have run.
    signals.push({ rule, message: rule.volatile ? rule.render(state) : undefined });
  }
  context.signals = signals.map((signal) => signal.rule.rule.id);
  const declines = compiled.declines.filter((rule) => !rule.test || rule.test(state));
  const waits = compiled.waits.filter((rule) => !rule.test || rule.test(state));
  const policyVerdict: Verdict = declines.length > 0 ? 'decline' : waits.length > 0 ? 'wait' : 'join';
  const override = activeOverride(deal, options.today);
  const verdict = override?.verdict ?? policyVerdict;

  // The reasons' messages read the facts as they stand before the verdict is known.
  const deciding = policyVerdict === 'decline' ? declines : waits;
  const reasons =
    options.reasons === false
      ? []
      : policyVerdict === 'join'
        ? signals.map(({ rule, message }) => ({ rule: rule.rule.id, message: message ?? rule.render(state) }))
        : deciding.map((rule) => ({ rule: rule.rule.id, message: rule.render(state) }));
  const policyDecider = policyVerdict === 'join' ? undefined : (reasons[0] ?? { rule: deciding[0]!.rule.id, message: deciding[0]!.render(state) });
  const decider = decidedBy(verdict, policyVerdict, override, policyDecider);
  if (decider) context.decidedBy = decider;
  context.verdict = verdict;
  context.policyVerdict = policyVerdict;

  const findings: FindingOutcome[] = [];
  for (const rule of compiled.findings) {
    if (rule.test && !rule.test(state)) continue;
    const { id, effect, severity, at } = rule.rule;
    findings.push({ rule: id, effect, message: rule.render(state), severity: severity ?? 'error', ...(at === undefined ? {} : { at }) });
  }
  return { verdict, policyVerdict, overridden: override !== undefined, reasons, findings };
}

function compile(config: EngineConfig): Compiled {
  const index = new Map<string, number>();
  const policy = config.policy as unknown as Record<string, ParamValue>;

  /** How a fact is read: computed once per deal, or each time for a volatile one; null if unknown. */
  const reader = (name: string): Read => {
    const definition = Object.hasOwn(FACTS, name) ? (FACTS as Record<string, FactDefinition>)[name] : undefined;
    if (!definition) return () => null;
    if (definition.volatile) return (state) => definition.get(state.context);
    let slot = index.get(name);
    if (slot === undefined) index.set(name, (slot = index.size));
    const at = slot;
    return (state) => {
      const known = state.facts[at]!;
      if (known !== (UNSET as never)) return known;
      return (state.facts[at] = definition.get(state.context));
    };
  };

  const compileRule = (rule: Rule): CompiledRule => {
    const param = (name: string): ParamValue | undefined =>
      Object.hasOwn(rule.params, name) ? rule.params[name] : Object.hasOwn(policy, name) ? policy[name] : undefined;
    const condition = (when: Condition): Test => {
      if ('all' in when) {
        const children = when.all.map(condition);
        return (state) => children.every((child) => child(state));
      }
      if ('any' in when) {
        const children = when.any.map(condition);
        return (state) => children.some((child) => child(state));
      }
      if ('not' in when) {
        const child = condition(when.not);
        return (state) => !child(state);
      }
      const operator = OPERATORS[when.op as OperatorName];
      const actual = reader(when.fact);
      if (!operator.takesValue) return (state) => operator.test(actual(state), undefined, state.context.today);
      const operand: Operand = when.value ?? null;
      if (operand !== null && typeof operand === 'object' && 'fact' in operand) {
        const expected = reader(operand.fact);
        return (state) => operator.test(actual(state), expected(state), state.context.today);
      }
      const expected = operand !== null && typeof operand === 'object' && 'param' in operand ? (param(operand.param) ?? null) : operand;
      // `today` compared with a date: the day of the evaluation.
      if (isTodayFor(when.fact, expected)) return (state) => operator.test(actual(state), state.context.today, state.context.today);
      return (state) => operator.test(actual(state), expected, state.context.today);
    };

    // The message as parts: text as written, a parameter's value, or a fact's value as it reads now.
    const parts: (string | Render)[] = [];
    let volatile = false;
    let from = 0;
    for (const match of rule.message.matchAll(PLACEHOLDER)) {
      const name = match[1]!;
      parts.push(rule.message.slice(from, match.index));
      from = match.index + match[0].length;
      const value = param(name);
      if (value !== undefined) {
        const kind: FactKind = (Object.hasOwn(config.paramKinds, name) ? config.paramKinds[name] : undefined) ?? kindOf(value);
        // A threshold is the policy's: in the company's currency, whatever the deal's.
        parts.push(formatValue(value, kind, config.company.currency));
        continue;
      }
      const fact = Object.hasOwn(FACTS, name) ? (FACTS as Record<string, FactDefinition>)[name] : undefined;
      if (!fact) {
        parts.push(match[0]);
        continue;
      }
      if (fact.volatile) volatile = true;
      const read = reader(name);
      // Today itself reads as its date, not as "2026-12-01 (today)".
      const relativeTo = name === 'today' ? () => undefined : (state: State) => state.context.today;
      parts.push((state) => formatValue(read(state), fact.kind, state.currency, relativeTo(state)));
    }
    parts.push(rule.message.slice(from));
    const render: Render = (state) => {
      let message = '';
      for (const part of parts) message += typeof part === 'string' ? part : part(state);
      return message;
    };
    const test = rule.when ? condition(rule.when) : undefined;
    if (hasOptionalParts(rule.message)) return { rule, test, ...withOptionalParts(rule.message, param, reader, config), };
    return { rule, test, render, volatile };
  };

  const enabled = (effect: Rule['effect']) => config.rules.filter((rule) => rule.enabled && rule.effect === effect).map(compileRule);
  const compiled = { signals: enabled('signal'), declines: enabled('decline'), waits: enabled('wait'), findings: enabled('finding') };
  return { ...compiled, factCount: index.size };
}

/**
 * A message with optional parts (`{?objective: …}`), rendered as `evaluate` renders it, through
 * fillTemplate: rarer than plain messages, so not compiled into parts.
 */
function withOptionalParts(
  template: string,
  param: (name: string) => ParamValue | undefined,
  reader: (name: string) => Read,
  config: EngineConfig,
): { render: Render; volatile: boolean } {
  const names = placeholders(template);
  const facts = (name: string) => (Object.hasOwn(FACTS, name) ? (FACTS as Record<string, FactDefinition>)[name] : undefined);
  const reads = new Map(names.filter((name) => param(name) === undefined && facts(name)).map((name) => [name, reader(name)]));
  const render: Render = (state) =>
    fillTemplate(
      template,
      (name) => {
        const value = param(name);
        if (value !== undefined) {
          const kind: FactKind = (Object.hasOwn(config.paramKinds, name) ? config.paramKinds[name] : undefined) ?? kindOf(value);
          return formatValue(value, kind, config.company.currency);
        }
        const read = reads.get(name);
        // Today itself reads as its date, not as "2026-12-01 (today)".
        return read ? formatValue(read(state), facts(name)!.kind, state.currency, name === 'today' ? undefined : state.context.today) : undefined;
      },
      (name) => param(name) ?? reads.get(name)?.(state),
    );
  return { render, volatile: names.some((name) => param(name) === undefined && facts(name)?.volatile === true) };
}
