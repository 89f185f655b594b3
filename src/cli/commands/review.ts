// `deal-triage review [path...]`: the pipeline pre-read (PRODUCT.md §12). Finds and checks the deal
// files as `check` does (every problem check reports is listed under problems, and fails the run as
// it fails check), reads the folder at --since from git, builds the review (src/review/model.ts)
// and renders it in the chosen format, to stdout or, whole and atomically, to --output.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../../check/report.js';
import { safeChars } from '../../format/sanitize.js';
import { plain } from '../../format/style.js';
import { isSinceDate } from '../../io/git.js';
import { logLocation, readLog } from '../../io/one-on-one-log.js';
import { cadenceSummary } from '../../format/one-on-one.js';
import type { GitFailure } from '../../io/git.js';
import { readReviewFiles, readSince } from '../../io/review-files.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { buildReview } from '../../review/model.js';
import { reviewFormatters } from '../../review/format/index.js';
import type { ReviewFormat } from '../../review/format/index.js';
import { isIsoDate } from '../../schema/checks.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';
import { DEFAULT_CHECK_PATH, findDealFiles } from './check.js';

export interface ReviewOptions extends CommonOptions {
  format: ReviewFormat;
  output?: string;
  since?: string;
  /** -1: no limit. */
  maxWarnings: number;
}

export async function runReview(paths: readonly string[], options: ReviewOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const since = options.since;
  if (since !== undefined) {
    if (since.trim() === '' || since.startsWith('-')) throw new UsageError(`--since takes a git revision (a commit, tag or branch) or a date, YYYY-MM-DD; "${safeChars(since)}" is neither`);
    if (isSinceDate(since) && !isIsoDate(since)) throw new UsageError(`--since ${safeChars(since)} is not a date of the calendar; write it YYYY-MM-DD`);
  }
  // The config of the reviewed folders, found as check finds it.
  const loaded = await context.config(paths.length > 0 ? paths : [DEFAULT_CHECK_PATH]);
  if (!loaded) return EXIT.usage;
  // The one-on-one log, when there is one: its cadence in one line (the pack is for the meeting
  // itself); it is not a deal file, wherever it is kept.
  const logAt = logLocation(loaded.file, io.cwd, loaded.config.oneOnOne);
  const log = await readLog(logAt);
  const logPath = log.kind === 'missing' ? undefined : await realpath(logAt.path).catch(() => logAt.path);
  const cadence = log.kind === 'ok' ? cadenceSummary(log.log, context.today, loaded.config.oneOnOne.cadence_days) : undefined;
  const { given, files, notChecked } = await findDealFiles(paths, loaded.file, io.cwd, 'review', logPath);
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output !== undefined) {
    const real = await realpath(path.dirname(output)).then((dir) => path.join(dir, path.basename(output)), () => output);
    if (files.some((file) => file.path === real)) throw new UsageError(`--output ${safeChars(options.output ?? '')} is one of the deal files; write the review somewhere else`);
  }
  if (loaded.file === undefined) io.stderr.write(NO_CONFIG_NOTE);

  const read = readReviewFiles(files, loaded.config, context.today, since !== undefined);
  const report = buildReport(read.reports, loaded.config);
  let sinceInput;
  if (since !== undefined) {
    const folders = await Promise.all(given.map((p) => realpath(path.resolve(io.cwd, p))));
    const found = await readSince(since, folders, files, read, loaded.config, io.cwd);
    if ('kind' in found) throw new UsageError(gitMessage(found, since, io.cwd));
    sinceInput = found;
  }
  const review = buildReview({
    today: context.today,
    config: loaded.config,
    deals: read.deals,
    problems: report.files.flatMap((file) => file.problems),
    files: files.length,
    ...(sinceInput ? { since: sinceInput } : {}),
    ...(cadence === undefined ? {} : { cadence }),
  });

  const formatter = reviewFormatters[options.format];
  const style = output === undefined && formatter.coloured ? context.styles.stdout : plain;
  const text = formatter(review, style);
  if (output === undefined) io.stdout.write(text);
  else {
    const written = await writeFileAtomic(output, text, { overwrite: true, noFollow: true });
    if (written.kind !== 'written') throw new UsageError(`cannot write the review to ${safeChars(options.output ?? '')}: ${written.kind === 'failed' ? written.reason : 'it exists'}`);
    io.stderr.write(`deal-triage: wrote the review to ${safeChars(options.output ?? '')}\n`);
  }

  // A path that could not be read is reported after the review of the others, and the run exits 2.
  if (notChecked.length > 0) {
    for (const message of notChecked) io.stderr.write(`deal-triage: ${message}\n`);
    return EXIT.usage;
  }
  const { errors, warnings } = report.summary;
  if (errors > 0) return EXIT.problems;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr.write(`deal-triage: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** What went wrong reading the revision, as a sentence naming it. */
function gitMessage(failure: GitFailure, since: string, cwd: string): string {
  const named = `--since ${safeChars(since)}`;
  switch (failure.kind) {
    case 'no-git':
      return `${named} reads the history with git, and git cannot be run here (${safeChars(failure.detail)}); install git, or leave out --since`;
    case 'not-a-repository':
      return `${named} needs a git repository, and ${safeChars(failure.folder)} is not in one; run review inside the repository that keeps the deals, or leave out --since`;
    case 'unknown-revision':
      return `${named}: git knows no commit, branch or tag by that name; give a revision of this repository (git log shows them) or a date, YYYY-MM-DD`;
    case 'shallow':
      return (
        `${named}: this is a shallow clone, and the history it has does not reach ${isSinceDate(since) ? 'that date' : 'that revision'}; ` +
        'fetch more history (git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)'
      );
    case 'outside-repository':
      return `${named}: ${safeChars(path.relative(cwd, failure.path) || failure.path)} is outside the git repository at ${safeChars(failure.top)}; review a folder inside it`;
    case 'failed':
      return `${named}: git could not read the revision: ${safeChars(failure.detail)}`;
  }
}

