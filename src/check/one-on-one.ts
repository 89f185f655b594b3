// The one-on-one log in check's report (PRODUCT.md §13): its problems — the log's own (a broken
// log is reported like a broken deal file) or the findings on it (lapsed, short, commitments
// overdue) — as one more file, after the deal files. Only when it has something to report: a clean
// log leaves the report, and every existing output, as it was.

import { sortProblems } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import type { CheckReport } from './report.js';

export function withOneOnOneLog(report: CheckReport, file: string, problems: readonly Problem[]): CheckReport {
  if (problems.length === 0) return report;
  const sorted = sortProblems(problems);
  let errors = 0;
  for (const p of sorted) if (p.severity === 'error') errors += 1;
  const { summary } = report;
  return {
    files: [...report.files, { file, id: null, name: null, verdict: null, reasons: [], problems: sorted }],
    summary: {
      ...summary,
      files: summary.files + 1,
      filesWithProblems: summary.filesWithProblems + 1,
      errors: summary.errors + errors,
      warnings: summary.warnings + sorted.length - errors,
    },
  };
}
