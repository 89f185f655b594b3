// Running policy test cases, pure: a case, its deal and config in, whether the policy answered as
// expected out, with what it answered; and the coverage of a run: for each rule, whether some case
// made it fire and some case left it silent (a rule only ever seen one way is only half tested).

import { evaluate } from '../engine/evaluate.js';
import type { Verdict } from '../engine/types.js';
import type { Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { Deal } from '../schema/deal.js';
import type { PolicyCase } from './case.js';

/** What the policy answered for a case. */
export interface Answer {
  verdict: Verdict;
  reasons: string[];
  roles: string[];
}

/** One way a case's expectation was not met. */
export type Mismatch =
  | { field: 'verdict'; expected: Verdict; got: Verdict }
  | { field: 'reasons' | 'roles'; missing: string[]; got: string[] };

export type CaseResult =
  | { file: string; description?: string; status: 'pass' | 'fail'; expected: PolicyCase['expect']; got: Answer; mismatches: Mismatch[] }
  | { file: string; description?: string; status: 'broken'; problems: Problem[] };

/** Rules that fired, and rules that stayed silent, in one evaluation (enabled rules only). */
export interface Exercised {
  fired: string[];
  silent: string[];
}

export function runCase(testCase: PolicyCase, deal: Deal, config: ResolvedConfig, today: string): { result: CaseResult; exercised: Exercised } {
  const evaluation = evaluate(deal, config, { today });
  const got: Answer = {
    verdict: evaluation.verdict,
    reasons: evaluation.reasons.map((reason) => reason.rule),
    roles: evaluation.roles.map((role) => role.rule),
  };
  const { expect } = testCase;
  const mismatches: Mismatch[] = [];
  if (got.verdict !== expect.verdict) mismatches.push({ field: 'verdict', expected: expect.verdict, got: got.verdict });
  for (const field of ['reasons', 'roles'] as const) {
    const given = new Set(got[field]);
    const missing = expect[field].filter((id) => !given.has(id));
    if (missing.length > 0) mismatches.push({ field, missing, got: got[field] });
  }
  const enabled = evaluation.trace.filter((trace) => trace.enabled);
  return {
    result: {
      file: testCase.file,
      ...(testCase.description !== undefined && { description: testCase.description }),
      status: mismatches.length === 0 ? 'pass' : 'fail',
      expected: expect,
      got,
      mismatches,
    },
    exercised: { fired: enabled.filter((t) => t.fired).map((t) => t.rule), silent: enabled.filter((t) => !t.fired).map((t) => t.rule) },
  };
}

export interface RuleCoverage {
  rule: string;
  fired: number;
  silent: number;
}

/** Per rule (in the order first seen), in how many cases it fired and stayed silent. */
export function coverage(runs: readonly Exercised[]): RuleCoverage[] {
  const byRule = new Map<string, RuleCoverage>();
  const entry = (rule: string) => {
    let found = byRule.get(rule);
    if (!found) byRule.set(rule, (found = { rule, fired: 0, silent: 0 }));
    return found;
  };
  for (const run of runs) {
    for (const rule of run.fired) entry(rule).fired += 1;
    for (const rule of run.silent) entry(rule).silent += 1;
  }
  return [...byRule.values()];
}

export interface TestSummary {
  cases: number;
  passed: number;
  failed: number;
  broken: number;
}

export function summarise(results: readonly CaseResult[]): TestSummary {
  const count = (status: CaseResult['status']) => results.filter((r) => r.status === status).length;
  return { cases: results.length, passed: count('pass'), failed: count('fail'), broken: count('broken') };
}
