// A located problem with an input file: the one shape every stage reports user errors in.
// Line and column are 1-based, like an editor's; the rule id is stable and safe to match on.
// A file's problems are listed sorted, once each, and at most MAX_PROBLEMS_PER_FILE of them: a
// 1 MiB file can hold 350,000 mistakes, and listing them all made hundreds of megabytes of output.

import { MAX_PROBLEMS_PER_FILE } from './limits.js';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface Position {
  line: number;
  column: number;
}

/** Stable order: by file, then position, then rule id, then message; an error before a warning. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0) ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1)
  );
}

const sameProblem = (a: Problem, b: Problem): boolean =>
  a.file === b.file && a.line === b.line && a.column === b.column && a.rule === b.rule && a.message === b.message;

/**
 * One file's problems as they are listed: sorted; identical ones (same place, rule and message,
 * such as one unclosed "[" reported for every line after it) once, as an error if any copy is one;
 * and past `max`, one `too-many-problems` problem at the first one left out, counting them.
 */
export function listProblems(problems: readonly Problem[], max: number = MAX_PROBLEMS_PER_FILE): Problem[] {
  const sorted = sortProblems(problems);
  const unique: Problem[] = [];
  for (const p of sorted) {
    // Sorting puts copies side by side, the error copy first.
    if (unique.length === 0 || !sameProblem(unique[unique.length - 1]!, p)) unique.push(p);
  }
  if (unique.length <= max) return unique;
  const dropped = unique.slice(max);
  const first = dropped[0]!;
  const byRule = new Map<string, number>();
  for (const p of dropped) byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
  const kinds = [...byRule]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([rule, n]) => `${rule}: ${n.toLocaleString('en-US')}`);
  const shown = kinds.length > 3 ? [...kinds.slice(0, 3), `${(kinds.length - 3).toLocaleString('en-US')} more rules`] : kinds;
  const severity = dropped.some((p) => p.severity === 'error') ? 'error' : 'warning';
  const count = dropped.length.toLocaleString('en-US');
  return [
    ...unique.slice(0, max),
    problem(
      first.file,
      first,
      'too-many-problems',
      `… and ${count} more problem${dropped.length === 1 ? '' : 's'} (${shown.join(', ')}), the first of them here: "${first.message}"; ` +
        `only a file's first ${max} problems are listed`,
      severity,
    ),
  ];
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

export function problem(file: string, at: Position, rule: string, message: string, severity: Severity = 'error'): Problem {
  return { file, line: at.line, column: at.column, rule, severity, message };
}
