// `check` on one deal file, pure: bytes in, a report out — the file's problems (YAML and schema
// problems exactly as `triage` locates them, or the policy's findings, located at the field they
// are about) and what the folder-wide rules need to know about the deal. Reports are plain data,
// so a worker thread can send them back as they are.

import { evaluate } from '../engine/evaluate.js';
import { potentialValue } from '../engine/facts.js';
import type { Verdict } from '../engine/types.js';
import { parseDealBytes } from '../load/deal.js';
import { listProblems, problem } from '../load/problem.js';
import type { Position, Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';

export interface DealSummary {
  id: string;
  name: string;
  verdict: Verdict;
  /** The deciding rules for a decline or wait, the signals for a join. */
  reasons: { rule: string; message: string }[];
  potentialValue: number;
  currency: string;
  ceoRequested: boolean;
  /** Where the `id` value is, and the `ceo.requested` value (the id when the file has none). */
  idAt: Position;
  requestedAt: Position;
}

export interface FileReport {
  file: string;
  problems: Problem[];
  /** Absent when the file is not a valid deal. */
  deal?: DealSummary;
}

export function checkFileBytes(bytes: Uint8Array, file: string, config: ResolvedConfig): FileReport {
  const loaded = parseDealBytes(bytes, file, { defaultCurrency: config.company.currency });
  if (!loaded.ok) return { file, problems: loaded.problems };
  const deal = loaded.value;
  const evaluation = evaluate(deal, config);
  const idAt = loaded.locator.at(['id']);
  const requestedAt = deal.ceo.requested ? loaded.locator.at(['ceo', 'requested']) : idAt;
  const problems = evaluation.findings.map((finding) =>
    problem(file, finding.at === undefined ? { line: 1, column: 1 } : loaded.locator.at(finding.at.split('.')), finding.rule, finding.message, finding.severity),
  );
  return {
    file,
    problems: listProblems(problems),
    deal: {
      id: deal.id,
      name: deal.name,
      verdict: evaluation.verdict,
      reasons: evaluation.reasons.map(({ rule, message }) => ({ rule, message })),
      potentialValue: potentialValue(deal),
      currency: deal.value.currency,
      ceoRequested: deal.ceo.requested,
      idAt,
      requestedAt,
    },
  };
}
