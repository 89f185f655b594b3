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
  /**
   * Deals whose verdict is a CEO's override in force, not the policy's: counted like ESLint's and
   * Trivy's suppressions, so a folder that overrides its policy everywhere shows it.
   */
  overrides: number;
}

export interface CheckReport {
  files: CheckedFile[];
  summary: CheckSummary;
}

export function buildReport(reports: readonly FileReport[], config: ResolvedConfig): CheckReport {
  // Only the files the folder's rules found something in get a new list; a folder of 100,000 files
  // is reported without copying each one's.
  const folder = new Map<string, Problem[]>();
  for (const found of folderProblems(reports, config)) {
    const list = folder.get(found.file);
    if (list) list.push(found);
    else folder.set(found.file, [found]);
  }

  const verdicts: Record<Verdict, number> = { join: 0, wait: 0, decline: 0 };
  let invalid = 0;
  let overrides = 0;
  let filesWithProblems = 0;
  let errors = 0;
  let warnings = 0;
  const files: CheckedFile[] = reports.map((report) => {
    const added = folder.get(report.file);
    // A list of one or none is in order as it is (and most files have none).
    const problems = added ? sortProblems([...report.problems, ...added]) : report.problems.length < 2 ? report.problems : sortProblems(report.problems);
    if (report.deal?.overridden) overrides += 1;
    if (report.deal) verdicts[report.deal.verdict] += 1;
    else invalid += 1;
    if (problems.length > 0) filesWithProblems += 1;
    for (const p of problems) {
      if (p.severity === 'error') errors += 1;
      else warnings += 1;
    }
    return {
      file: report.file,
      id: report.deal?.id ?? null,
      name: report.deal?.name ?? null,
      verdict: report.deal?.verdict ?? null,
      reasons: report.deal?.reasons ?? [],
      problems,
    };
  });
  return { files, summary: { files: files.length, invalid, filesWithProblems, errors, warnings, verdicts, overrides } };
}
