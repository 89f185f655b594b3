// `deal-triage check [path...]`: the CI gate. Finds the deal files under the paths, checks each
// (YAML, schema, the policy's findings), then the folder as a whole, and reports every problem in
// the chosen format. Exit 0 when clean (warnings up to --max-warnings), 1 on an error or too many
// warnings, 2 for usage and config errors. It reads deal files and never writes one: the report
// file and the step summary are compared with every file read by device and inode (not by name,
// which a symbolic or hard link, or a linked folder, gets round), and the report is written whole to
// a new file that then takes its name, so it never truncates a file in place.

import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../../check/report.js';
import { checkFormatters, formatStepSummary } from '../../format/check/index.js';
import type { CheckFormat } from '../../format/check/index.js';
import { plain } from '../../format/style.js';
import { checkFiles } from '../../io/check-files.js';
import type { Concurrency } from '../../io/check-files.js';
import { discoverDealFiles } from '../../io/discover.js';
import type { DiscoveredFile } from '../../io/discover.js';
import { describeFsError, kindOf } from '../../io/fs-errors.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { summaryLine } from '../../format/check/summary.js';
import { safeChars } from '../../format/sanitize.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';

export const DEFAULT_CHECK_PATH = 'deals';

export interface CheckOptions extends CommonOptions {
  format: CheckFormat;
  output?: string;
  /** -1: no limit. */
  maxWarnings: number;
  concurrency: Concurrency;
}

export async function runCheck(paths: readonly string[], options: CheckOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const loaded = await context.config();
  if (!loaded) return EXIT.usage;

  const given = paths.length > 0 ? paths : [DEFAULT_CHECK_PATH];
  const discovery = await discoverDealFiles(given, io.cwd);
  if (!discovery.ok) {
    const lines = discovery.missing.map((missing) =>
      paths.length === 0
        ? `there is no ${DEFAULT_CHECK_PATH}/ folder here; name the folder to check: deal-triage check <folder>`
        : `no such file or folder: ${safeChars(missing)}`,
    );
    lines.push(...discovery.unreadable.map(({ path: where, reason }) => `cannot read ${safeChars(where)}: ${reason}`));
    throw new UsageError(lines.join('\ndeal-triage: '));
  }
  // A config kept among the deals (--config deals/policy.yaml) is not a deal. Discovery gives real paths.
  const configPath = loaded.file === undefined ? undefined : await realpath(path.resolve(io.cwd, loaded.file)).catch(() => undefined);
  const files = discovery.files.filter((file) => file.path !== configPath);
  if (files.length === 0) {
    throw new UsageError(`no deal files (.yaml or .yml) in ${given.map(safeChars).join(', ')}`);
  }

  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  // Relative to the working folder, like every other path (GitHub always gives an absolute one).
  const summaryFile = checkFormatters[options.format].stepSummary && io.env.GITHUB_STEP_SUMMARY ? path.resolve(io.cwd, io.env.GITHUB_STEP_SUMMARY) : undefined;
  const read = output !== undefined || summaryFile !== undefined ? await identities(files, configPath) : new Set<string>();
  if (output !== undefined && read.has((await identity(output)) ?? '')) {
    throw new UsageError(`--output ${safeChars(options.output ?? '')} is one of the files being checked; write the report somewhere else`);
  }
  if (summaryFile !== undefined && read.has((await identity(summaryFile)) ?? '')) {
    throw new UsageError(`GITHUB_STEP_SUMMARY (${safeChars(io.env.GITHUB_STEP_SUMMARY ?? '')}) is one of the files being checked; it must name another file`);
  }
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }

  const formatter = checkFormatters[options.format];
  const reports = await checkFiles(files, loaded.config, options.concurrency, { reasons: formatter.reasons });
  const report = buildReport(reports, loaded.config);
  const toTerminal = output === undefined && formatter.coloured;
  const style = toTerminal ? context.styles.stdout : plain;
  const warningsFail = options.maxWarnings >= 0 && report.summary.warnings > options.maxWarnings;
  const rendered = formatter(report, { style, warningsFail });

  if (output === undefined) {
    io.stdout.write(rendered);
  } else {
    const written = await writeFileAtomic(output, rendered, { overwrite: true, noFollow: true });
    if (written.kind !== 'written') {
      throw new UsageError(`cannot write the report to ${safeChars(options.output ?? '')}: ${written.kind === 'failed' ? written.reason : 'it exists'}`);
    }
    // Whoever watches the terminal sees that the run did something, and what it found.
    io.stderr.write(`deal-triage: wrote the report to ${safeChars(options.output ?? '')}: ${summaryLine(report.summary)}\n`);
  }

  if (summaryFile !== undefined) {
    const failure = await appendSummary(summaryFile, formatStepSummary(report), read);
    // The annotations are out already; a summary that cannot be written is worth a note, not a failure.
    if (failure) io.stderr.write(`deal-triage: cannot append to GITHUB_STEP_SUMMARY (${safeChars(io.env.GITHUB_STEP_SUMMARY ?? '')}): ${failure}\n`);
  }

  const { errors, warnings } = report.summary;
  if (errors > 0) return EXIT.problems;
  if (warningsFail) {
    io.stderr.write(`deal-triage: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** Device and inode: what a file is, whatever the path (link, hard link, linked folder) it is reached by. */
async function identity(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined; // Not there yet: it cannot be a file being read.
  }
}

/** The identities of every file the run reads: the deal files and the config. */
async function identities(files: readonly DiscoveredFile[], configPath: string | undefined): Promise<Set<string>> {
  const paths = files.filter((file) => !file.refused).map((file) => file.path);
  if (configPath !== undefined) paths.push(configPath);
  const found = await Promise.all(paths.map(identity));
  return new Set(found.filter((id): id is string => id !== undefined));
}

/**
 * Appends to the step summary through a descriptor checked after opening: a regular file, and not
 * one of the files read (in case it changed since the check before the run). Non-blocking, so a pipe
 * never holds the run. Gives what went wrong, in words, or undefined.
 */
async function appendSummary(file: string, text: string, read: ReadonlySet<string>): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NONBLOCK ?? 0), 0o666);
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) return `it is ${kindOf(info)}, not a regular file`;
    if (read.has(`${info.dev}:${info.ino}`)) return 'it is one of the files being checked';
    await handle.writeFile(text, 'utf8');
    return undefined;
  } catch (error) {
    return describeFsError(error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
