// A located problem with an input file: the one shape every stage reports user errors in.
// Line and column are 1-based, like an editor's; the rule id is stable and safe to match on.

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

/** Stable order: by file, then position, then rule id, then message. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

export function problem(file: string, at: Position, rule: string, message: string, severity: Severity = 'error'): Problem {
  return { file, line: at.line, column: at.column, rule, severity, message };
}
