// Machine-readable triage: an array with one object per file (PRODUCT.md §7), invalid files
// included with their problems, so a script sees everything on stdout. Each object carries the
// format's version: an array keeps every consumer of `.[]` working, where an envelope would not.
// Version 2: the briefing holds only the brief (typed values: numbers, ISO dates, enums, section
// ids); the verdict, reasons, roles and changes are at the top level only. Objects without a
// version are version 1. The version changes only when a field changes meaning or goes away.
// Version 3: `briefing.issues` items are objects, `{issue, response?}`, where they were text; and
// `changes` is the whole path to a join (a decline lists the waits after it too).
//
// `changes` is kept stable for programs that apply it: every decline rule that fired, then every
// wait rule, each `{ rule, effect, message, needs: [{ fact, op, value?, actual }] }` (the needs
// met, the rule stops firing; `value` absent for an operator that takes none), and for a rule that
// counts the strategic signals also `signals: { need, options: [{ rule, message, needs }] }` (any
// `need` of the options will do). Empty for a join and a closed deal.

import { safeJson } from './sanitize.js';
import type { TriageResult } from './types.js';

// Version 4: `verdict` is the CEO's override's while one is in force (`override`: {verdict, reason,
// by, until}, else null), and `policy_verdict` the policy's own, which `reasons` explain; the
// briefing's sections may begin with `override`.
export const TRIAGE_JSON_VERSION = 4;

export function formatJson(results: readonly TriageResult[]): string {
  const out = results.map((result) =>
    result.ok
      ? {
          version: TRIAGE_JSON_VERSION,
          file: result.file,
          id: result.deal.id,
          name: result.deal.name,
          verdict: result.evaluation.verdict,
          policy_verdict: result.evaluation.policyVerdict,
          override: result.evaluation.override ?? null,
          reasons: result.evaluation.reasons,
          signals: result.evaluation.signals,
          roles: result.evaluation.roles,
          changes: result.evaluation.changes,
          briefing: result.briefing,
          trace: result.evaluation.trace,
          problems: [],
        }
      : {
          version: TRIAGE_JSON_VERSION,
          file: result.file,
          id: null,
          name: null,
          verdict: null,
          policy_verdict: null,
          override: null,
          reasons: [],
          signals: [],
          roles: [],
          changes: [],
          briefing: null,
          trace: [],
          problems: result.problems,
        },
  );
  return `${safeJson(out, 2)}\n`;
}
