// Everything `check` found, as one report the formatters render: per file (in the order given,
// which the caller sorts) its problems, id and verdict; and a summary with the counts.

import type { Verdict } from '../engine/types.js';
import { sortProblems } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { FileReport } from './file.js';
import { folderProblems } from './folder.js';

export interface CheckedFile {
  file: string;
  /** null for a file that is not a valid deal. */
  id: string | null;
  name: string | null;
  verdict: Verdict | null;
  reasons: { rule: string; message: string }[];
  problems: Problem[];
}

export interface CheckSummary {
  files: number;
  /** Files that are not valid deals (YAML or schema problems). */
  invalid: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  verdicts: Record<Verdict, number>;
}

export interface CheckReport {
  files: CheckedFile[];
  summary: CheckSummary;
}

export function buildReport(reports: readonly FileReport[], config: ResolvedConfig): CheckReport {
  const byFile = new Map<string, Problem[]>(reports.map((report) => [report.file, [...report.problems]]));
  for (const found of folderProblems(reports, config)) byFile.get(found.file)?.push(found);

  const files: CheckedFile[] = reports.map((report) => ({
    file: report.file,
    id: report.deal?.id ?? null,
    name: report.deal?.name ?? null,
    verdict: report.deal?.verdict ?? null,
    reasons: report.deal?.reasons ?? [],
    problems: sortProblems(byFile.get(report.file) ?? []),
  }));
  const all = files.flatMap((file) => file.problems);
  const verdicts: Record<Verdict, number> = { join: 0, wait: 0, decline: 0 };
  for (const file of files) if (file.verdict) verdicts[file.verdict] += 1;
  return {
    files,
    summary: {
      files: files.length,
      invalid: reports.filter((report) => !report.deal).length,
      filesWithProblems: files.filter((file) => file.problems.length > 0).length,
      errors: all.filter((p) => p.severity === 'error').length,
      warnings: all.filter((p) => p.severity === 'warning').length,
      verdicts,
    },
  };
}
