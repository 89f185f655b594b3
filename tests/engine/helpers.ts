// Builders for the engine and policy tests: deals and configs go through the real loaders
// (parseDeal, parseConfig), so schema defaults apply exactly as they do for a user's files.

import { stringify } from 'yaml';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Evaluation } from '../../src/engine/types.js';
import { parseConfig } from '../../src/load/config.js';
import { parseDeal } from '../../src/load/deal.js';
import type { ResolvedConfig } from '../../src/policy/resolve.js';
import type { Deal } from '../../src/schema/deal.js';
import { AS_OF } from '../helpers/paths.js';

/** A company of 180 people with $30M revenue, as in PRODUCT.md §4; the policy is the default. */
export const COMPANY_YAML = `company:
  name: Northwind Analytics
  employees: 180
  annual_revenue: 30000000
  currency: USD
`;

/** A config through parseConfig; throws with the problems when it is invalid. */
export function loadConfig(text = COMPANY_YAML, file = 'deal-triage.config.yaml'): ResolvedConfig {
  const result = parseConfig(text, file);
  if (!result.ok) throw new Error(`invalid config:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`).join('\n')}`);
  return result.value;
}

/**
 * A deal the default policy joins, with exactly two strategic signals (strategic-logo and
 * competitive-threat) and every threshold comfortably away:
 * potential $150,000 (not small, not large), prospect 5× our size (900 / 180), no custom work,
 * stage proposal (no `close` role), no issues, no asks, a complete brief, a next meeting ahead.
 */
export function baseDeal(): Record<string, unknown> {
  return {
    id: 'base-deal',
    name: 'Base deal',
    owner: 'Dana Reyes',
    stage: 'proposal',
    account: { name: 'Acme Corp', employees: 900 },
    value: { amount: 150_000 },
    follow_on: { potential: 'possible' },
    strategic_logo: true,
    competition: { threat: 'high', competitors: ['Globex'] },
    stakeholders: [{ name: 'Lee Park', role: 'champion' }],
    history: [{ date: '2026-09-14', event: 'Pilot kicked off' }],
    questions: [{ question: 'What if you are acquired?', answer: 'Source escrow' }],
    objective: 'Verbal commitment to the rollout',
    // A week after TODAY: a join with a meeting ahead (no next-meeting-past).
    next_meeting: { date: '2026-12-08', purpose: 'Proposal review' },
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge of plain objects; lists are replaced; `undefined` removes the key. */
export function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = merge(out[key], value);
    else out[key] = value;
  }
  return out;
}

/** The base deal with `patch` applied, written as YAML and loaded with parseDeal. */
export function makeDeal(patch: Record<string, unknown> = {}, defaultCurrency = 'USD'): Deal {
  const text = stringify(merge(baseDeal(), patch));
  const result = parseDeal(text, 'deal.yaml', { defaultCurrency });
  if (!result.ok) throw new Error(`invalid deal:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}\n${text}`);
  return result.value;
}

const defaultTestConfig = loadConfig();

/** Evaluates the base deal with `patch` under the company config (or the one given). */
export function evaluateDeal(patch: Record<string, unknown> = {}, config: ResolvedConfig = defaultTestConfig): Evaluation {
  return evaluate(makeDeal(patch, config.company.currency), config, AS_OF);
}

/** The ids of the rules that fired, in policy order. */
export function firedRules(evaluation: Evaluation): string[] {
  return evaluation.trace.filter((entry) => entry.fired).map((entry) => entry.rule);
}

export function traceOf(evaluation: Evaluation, rule: string) {
  const entry = evaluation.trace.find((t) => t.rule === rule);
  if (!entry) throw new Error(`no trace entry for ${rule}`);
  return entry;
}
