// Reads the deals `review` works on: the working tree's files as `check` reads and checks them (the
// same safe reader, loader and per-file check, so every problem check reports is there), keeping
// each valid deal and, for a join or a wait, the engine's whole evaluation (roles, signals); and,
// with --since, the folder at that revision from git, through the same loader.

import { checkLoaded } from '../check/file.js';
import type { FileReport } from '../check/file.js';
import { evaluate } from '../engine/evaluate.js';
import { problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { reviewFacts } from '../review/model.js';
import type { ReviewDealInput, SinceInput } from '../review/model.js';
import type { Deal } from '../schema/deal.js';
import { CHECK_WORDING } from './check-files.js';
import type { DiscoveredFile } from './discover.js';
import { displayPath, readInputFileSync } from './files.js';
import { blobId, readBlobs, revisionFiles } from './git.js';
import type { GitFailure } from './git.js';
import { fromRead } from './load-file.js';
import { ZOD_FALLBACK } from './load-file-zod.js';

export interface ReviewFiles {
  reports: FileReport[];
  deals: ReviewDealInput[];
  /** With `hash`: each file's blob id, by its real path. */
  blobs: Map<string, string>;
  /** The real paths of the files that are not valid deals now (their problems are in the reports). */
  invalid: Set<string>;
}

export function readReviewFiles(files: readonly DiscoveredFile[], config: ResolvedConfig, today: string, hash: boolean): ReviewFiles {
  const reports: FileReport[] = [];
  const deals: ReviewDealInput[] = [];
  const blobs = new Map<string, string>();
  const invalid = new Set<string>();
  const at = { line: 1, column: 1 };
  for (const entry of files) {
    if (entry.refused) {
      invalid.add(entry.path);
      reports.push({ file: entry.file, problems: [problem(entry.file, at, entry.refused.rule, entry.refused.message)] });
      continue;
    }
    const read = readInputFileSync(entry.path, { noFollow: true, reuseBuffer: true });
    if (hash && read.kind === 'ok') blobs.set(entry.path, blobId(read.bytes));
    const loaded = fromRead(read, entry.file, 'deal', { wording: CHECK_WORDING, defaultCurrency: config.company.currency }, ZOD_FALLBACK);
    if (!loaded.read) {
      invalid.add(entry.path);
      reports.push({ file: entry.file, problems: [problem(entry.file, at, loaded.notAFile ? 'not-a-file' : 'file-unreadable', loaded.message)] });
      continue;
    }
    const report = checkLoaded(loaded, entry.file, config, { today });
    reports.push(report);
    if (!loaded.ok || !report.deal) {
      invalid.add(entry.path);
      continue;
    }
    const deal = loaded.value;
    const { verdict, reasons } = report.deal;
    // Only the CEO's deals and the horizon show roles and signals: the others need no more than
    // check's decision. Of the evaluation, only their names are kept (not its traces).
    const evaluation = verdict === 'decline' ? undefined : evaluate(deal, config, { today });
    const named = evaluation ? { roles: evaluation.roles.map((role) => role.role), signals: evaluation.signals.map((signal) => signal.rule) } : {};
    deals.push({ file: entry.file, deal: reviewFacts(deal), verdict, reasons, ...named });
  }
  return { reports, deals, blobs, invalid };
}

/**
 * The folder at `since` (a revision or a date), against the working tree's files: a file of the
 * same path and bytes is unchanged and not read from git; the others are read in one batch and
 * loaded like any file (a file that does not load there is left out: its id is unknown).
 */
export async function readSince(
  since: string,
  folders: readonly string[],
  current: readonly DiscoveredFile[],
  read: Pick<ReviewFiles, 'blobs' | 'invalid'>,
  config: ResolvedConfig,
  cwd: string,
): Promise<SinceInput | GitFailure> {
  const revision = await revisionFiles(since, folders, cwd);
  if ('kind' in revision) return revision;
  const byPath = new Map(current.map((entry) => [entry.path, entry.file]));
  const unchanged = new Set<string>();
  const toRead: { path: string; blob: string }[] = [];
  for (const file of revision.files) {
    // A file that is broken now is listed under problems: its deal is not "removed".
    if (read.invalid.has(file.path)) continue;
    const shown = byPath.get(file.path);
    if (shown !== undefined && read.blobs.get(file.path) === file.blob) unchanged.add(shown);
    else toRead.push(file);
  }
  const blobs = await readBlobs(
    toRead.map((file) => file.blob),
    revision.top,
  );
  if (!Array.isArray(blobs)) return blobs;
  const deals: { file: string; deal: Deal }[] = [];
  blobs.forEach((outcome, i) => {
    const file = displayPath(toRead[i]!.path, cwd);
    const loaded = fromRead(outcome, file, 'deal', { wording: CHECK_WORDING, defaultCurrency: config.company.currency }, ZOD_FALLBACK);
    if (loaded.read && loaded.ok) deals.push({ file, deal: loaded.value });
  });
  return { given: since, commit: revision.commit, date: revision.date, deals, unchanged };
}
