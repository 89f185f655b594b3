// `check` on one deal file, pure: bytes in, a report out — the file's problems (YAML and schema
// problems exactly as `triage` locates them, or the policy's findings, located at the field they
// are about) and what the folder-wide rules need to know about the deal. Reports are plain data,
// so a worker thread can send them back as they are.

import { decide } from '../engine/decide.js';
import { potentialValue } from '../engine/facts.js';
import type { AsOf, Verdict } from '../engine/types.js';
import { parseDealBytes } from '../load/deal.js';
import type { LoadResult } from '../load/input.js';
import { MAX_PROBLEMS_PER_FILE } from '../load/limits.js';
import { overrideProblems } from '../load/override.js';
import { listProblems, problem } from '../load/problem.js';
import type { Position, Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { Deal } from '../schema/deal.js';

export interface DealSummary {
  id: string;
  name: string;
  verdict: Verdict;
  /** The deciding rules for a decline or wait, the signals for a join. */
  reasons: { rule: string; message: string }[];
  potentialValue: number;
  currency: string;
  ceoRequested: boolean;
  /** Whether a CEO's override is in force: `verdict` is then the override's. */
  overridden: boolean;
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

/** `today`: the day to check on (the date findings depend on it), YYYY-MM-DD. */
export interface CheckFileOptions extends AsOf {
  /** Give each deal's reasons (default true); the formats that do not print them ask for none. */
  reasons?: boolean;
}

export function checkFileBytes(bytes: Uint8Array, file: string, config: ResolvedConfig, options: CheckFileOptions): FileReport {
  return checkLoaded(parseDealBytes(bytes, file, { defaultCurrency: config.company.currency }), file, config, options);
}

/** The same, for a deal loaded already (its file read and parsed with the company's currency). */
export function checkLoaded(loaded: LoadResult<Deal>, file: string, config: ResolvedConfig, options: CheckFileOptions): FileReport {
  if (!loaded.ok) return { file, problems: loaded.problems.map((found) => ({ ...found, message: detached(found.message) })) };
  const deal = loaded.value;
  const decision = decide(deal, config, options);
  const idAt = loaded.locator.at(['id']);
  const requestedAt = deal.ceo.requested ? loaded.locator.at(['ceo', 'requested']) : idAt;
  const problems = decision.findings.map((finding) => {
    const path = finding.at?.split('.');
    // A finding about a field the deal does not have (no next meeting) points at the deal's id.
    const at = path === undefined ? { line: 1, column: 1 } : has(deal, path) ? loaded.locator.at(path) : idAt;
    return problem(file, at, finding.rule, detached(finding.message), finding.severity);
  });
  problems.push(...overrideProblems(deal, loaded.locator, file, options.today));
  return {
    file,
    problems: listProblems(problems),
    deal: {
      id: detached(deal.id),
      name: detached(deal.name),
      verdict: decision.verdict,
      reasons: listReasons(decision.reasons.map(({ rule, message }) => ({ rule, message: detached(message) }))),
      potentialValue: potentialValue(deal),
      currency: detached(deal.value.currency),
      ceoRequested: deal.ceo.requested,
      overridden: decision.overridden,
      idAt,
      requestedAt,
    },
  };
}

/** Whether the deal has a value at `path` (defaults included: the locator finds their parent). */
function has(deal: Deal, path: readonly string[]): boolean {
  let value: unknown = deal;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return value !== undefined;
}

/**
 * A copy of a string that does not keep the file's text in memory. A string cut from a longer one
 * (a deal's name from its file) is, in V8, a view of it: a report that kept one would keep the
 * whole file, ~6 KB a deal, for as long as the folder's check runs. Short strings are copies
 * already; a longer one is joined to a space, which makes a new string, and cut from that.
 */
export function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * A config of 33,000 rules of one's own can give a deal as many reasons: listed in full for every
 * file, they made megabytes of report per deal. The first ones, then how many more.
 */
function listReasons(reasons: DealSummary['reasons']): DealSummary['reasons'] {
  if (reasons.length <= MAX_PROBLEMS_PER_FILE) return reasons;
  const more = reasons.length - MAX_PROBLEMS_PER_FILE;
  return [
    ...reasons.slice(0, MAX_PROBLEMS_PER_FILE),
    { rule: 'too-many-reasons', message: `… and ${more.toLocaleString('en-US')} more reason${more === 1 ? '' : 's'}; only the first ${MAX_PROBLEMS_PER_FILE} are listed` },
  ];
}
