// The explanation of an evaluation as indented lines, shared by the text and markdown formats:
// per rule, whether it fired; per condition, actual value, operator, expected value and result.

import { FACTS } from '../engine/facts.js';
import type { FactDefinition, FactKind } from '../engine/facts.js';
import { OPERATORS } from '../engine/operators.js';
import type { OperatorDefinition } from '../engine/operators.js';
import type { ConditionTrace, FactValue, RuleTrace } from '../engine/types.js';
import { formatValue } from '../engine/values.js';

export interface ExplainLine {
  depth: number;
  text: string;
  result: boolean | 'not-evaluated' | 'off';
}

export function ruleStatus(trace: RuleTrace): string {
  if (!trace.enabled) return 'off';
  return trace.fired ? 'fired' : 'did not fire';
}

/** The deal's amounts read in its currency; the policy's thresholds (parameters, literals) in the company's. */
export interface Currencies {
  deal: string;
  company: string;
}

export function explainRule(trace: RuleTrace, currency: Currencies): ExplainLine[] {
  const head: ExplainLine = {
    depth: 0,
    text: `${trace.rule} (${trace.effect}${trace.origin === 'config' ? ', from the config' : ''}): ${ruleStatus(trace)}`,
    result: trace.enabled ? trace.fired : 'off',
  };
  if (!trace.enabled) return [head];
  if (trace.condition === null) return [head, { depth: 1, text: 'always applies', result: true }];
  return [head, ...explainCondition(trace.condition, currency, 1)];
}

function explainCondition(trace: ConditionTrace, currency: Currencies, depth: number): ExplainLine[] {
  const outcome = resultWord(trace.result);
  if (trace.kind === 'compare') return [explainComparison(trace, currency, depth)];
  if (trace.kind === 'not') {
    return [{ depth, text: `not → ${outcome}`, result: trace.result }, ...explainCondition(trace.child, currency, depth + 1)];
  }
  const label = trace.kind === 'all' ? 'all of' : 'any of';
  return [
    { depth, text: `${label} → ${outcome}`, result: trace.result },
    ...trace.children.flatMap((child) => explainCondition(child, currency, depth + 1)),
  ];
}

function explainComparison(trace: Extract<ConditionTrace, { kind: 'compare' }>, currency: Currencies, depth: number): ExplainLine {
  const outcome = resultWord(trace.result);
  const kind: FactKind = (FACTS as Record<string, FactDefinition>)[trace.fact]?.kind ?? 'text';
  const operator = (OPERATORS as Record<string, OperatorDefinition>)[trace.op];
  const actual = trace.result === 'not-evaluated' ? '' : ` (${show(trace.actual, kind, currency.deal)})`;
  let expected = '';
  if (operator?.takesValue) {
    const source = trace.from ? ('param' in trace.from ? `${trace.from.param} ` : `${trace.from.fact} `) : '';
    // Another fact of the deal is in the deal's currency; a parameter or a written value is the policy's.
    const threshold = show(trace.expected, kind, trace.from && 'fact' in trace.from ? currency.deal : currency.company);
    expected = ` ${source}${source ? `(${threshold})` : threshold}`;
  }
  return { depth, text: `${trace.fact}${actual} ${operator?.symbol ?? trace.op}${expected} → ${outcome}`, result: trace.result };
}

function show(value: FactValue | undefined, kind: FactKind, currency: string): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  // A list fact compared with a number (a count, say) shows the number plainly.
  return formatValue(value, kind === 'list' ? 'number' : kind, currency);
}

function resultWord(result: boolean | 'not-evaluated'): string {
  return result === 'not-evaluated' ? 'not evaluated' : String(result);
}
