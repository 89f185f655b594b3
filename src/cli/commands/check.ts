// `deal-triage check [path...]`: the CI gate. Finds the deal files under the paths, checks each
// (YAML, schema, the policy's findings), then the folder as a whole, and reports every problem in
// the chosen format. Exit 0 when clean (warnings up to --max-warnings), 1 on an error or too many
// warnings, 2 for usage and config errors. It reads deal files and never writes one: the report
// file and the step summary are compared with every file read by device and inode (not by name,
// which a symbolic or hard link, or a linked folder, gets round), and the report is written whole to
// a new file that then takes its name, so it never truncates a file in place. With --cache, the
// cache file is compared the same way, and kept apart from every file the run reads or writes.

import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../../check/report.js';
import { withOneOnOneLog } from '../../check/one-on-one.js';
import { oneOnOneLogProblems } from '../../io/one-on-one-log.js';
import { reportableRules } from '../../check/rule-catalogue.js';
import { checkFormatters, formatStepSummary } from '../../format/check/index.js';
import type { CheckFormat, CheckFormatter } from '../../format/check/index.js';
import { plain } from '../../format/style.js';
import { cacheFileFor, DEFAULT_CACHE_LOCATION, openCheckCache } from '../../io/check-cache.js';
import { checkFiles } from '../../io/check-files.js';
import type { Concurrency } from '../../io/check-files.js';
import { discoverDealFiles } from '../../io/discover.js';
import { STDIN_ARGUMENT } from '../../io/stdin.js';
import type { DiscoveredFile } from '../../io/discover.js';
import { describeFsError, kindOf } from '../../io/fs-errors.js';
import { displayPath, fileIdentity } from '../../io/files.js';
import { toolVersion } from '../../io/version.js';
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
  cache?: boolean;
  cacheLocation?: string;
}

export async function runCheck(paths: readonly string[], options: CheckOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const given = paths.length > 0 ? paths : [DEFAULT_CHECK_PATH];
  if (given.includes(STDIN_ARGUMENT)) {
    throw new UsageError('check reads deal files from folders, not standard input (-); to decide on a deal piped in, use deal-triage triage -');
  }
  // The config of the checked folders, as ESLint looks it up: from each path's folder upward, then here.
  const loaded = await context.config(given);
  if (!loaded) return EXIT.usage;

  // The one-on-one log beside the config is not a deal: it is checked as what it is, below.
  const oneOnOne = await oneOnOneLogProblems(loaded.file, io.cwd, loaded.config.oneOnOne, context.today);
  const { files, configPath, notChecked } = await findDealFiles(paths, loaded.file, io.cwd, 'check', oneOnOne?.path);
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  // Relative to the working folder, like every other path (GitHub always gives an absolute one).
  const summaryFile = checkFormatters[options.format].stepSummary && io.env.GITHUB_STEP_SUMMARY ? path.resolve(io.cwd, io.env.GITHUB_STEP_SUMMARY) : undefined;
  if (options.cache && options.cacheLocation === '') throw new UsageError('--cache-location needs a path: a file, or a folder to keep the cache in');
  const cacheFile = options.cache ? await cacheFileFor(options.cacheLocation ?? DEFAULT_CACHE_LOCATION, io.cwd) : undefined;
  const read = output !== undefined || summaryFile !== undefined ? await identities(files, configPath, oneOnOne?.path) : new Set<string>();
  if (output !== undefined && read.has((await fileIdentity(output)) ?? '')) {
    throw new UsageError(`--output ${safeChars(options.output ?? '')} is one of the files being checked; write the report somewhere else`);
  }
  if (summaryFile !== undefined && read.has((await fileIdentity(summaryFile)) ?? '')) {
    throw new UsageError(`GITHUB_STEP_SUMMARY (${safeChars(io.env.GITHUB_STEP_SUMMARY ?? '')}) is one of the files being checked; it must name another file`);
  }
  if (cacheFile !== undefined) {
    const written = { report: output, 'step summary': summaryFile };
    await refuseCacheFile(cacheFile, options.cacheLocation ?? DEFAULT_CACHE_LOCATION, { files, configPath, written });
  }
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }

  const formatter: CheckFormatter = checkFormatters[options.format];
  // Each deal's reasons only for a format that prints them; the cache keeps them only then, and a
  // kept report without them is made anew for such a format.
  const cache = cacheFile === undefined ? undefined : { file: cacheFile, kept: await openCheckCache(cacheFile, loaded.config, files.length, formatter.reasons, context.today) };
  const reports = await checkFiles(files, loaded.config, options.concurrency, { reasons: formatter.reasons, today: context.today }, cache?.kept);
  if (cache) {
    // A shortcut for the next run: one that cannot be kept is worth a note, never a failure.
    const failure = await cache.kept.save();
    if (failure) io.stderr.write(`deal-triage: cannot write the cache to ${safeChars(displayPath(cache.file, io.cwd))}: ${failure}\n`);
  }
  const report = oneOnOne ? withOneOnOneLog(buildReport(reports, loaded.config), oneOnOne.file, oneOnOne.problems) : buildReport(reports, loaded.config);
  const toTerminal = output === undefined && formatter.coloured;
  const style = toTerminal ? context.styles.stdout : plain;
  const warningsFail = options.maxWarnings >= 0 && report.summary.warnings > options.maxWarnings;
  const formatOptions = { style, warningsFail, run: { version: toolVersion(), rules: reportableRules(loaded.config) } };

  if (output === undefined) {
    writeParts(io, formatter.parts ? formatter.parts(report, formatOptions) : [formatter(report, formatOptions)]);
  } else {
    const written = await writeFileAtomic(output, formatter(report, formatOptions), { overwrite: true, noFollow: true });
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
  if (notChecked.length > 0) {
    for (const message of notChecked) io.stderr.write(`deal-triage: ${message}\n`);
    return EXIT.usage;
  }
  if (errors > 0) return EXIT.problems;
  if (warningsFail) {
    io.stderr.write(`deal-triage: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/**
 * The deal files under the paths (default deals/), as check finds them; `review` finds them the
 * same way. A missing or unreadable path, or no deal file at all, is a usage error; a config kept
 * among the deals is not a deal. Discovery gives real paths, and so does `configPath`.
 */
export async function findDealFiles(
  paths: readonly string[],
  config: string | undefined,
  cwd: string,
  command: string,
  /** Another file the command reads as what it is (the one-on-one log), by its real path: not a deal. */
  exclude?: string,
): Promise<{ given: readonly string[]; files: DiscoveredFile[]; configPath: string | undefined; notChecked: string[] }> {
  const given = paths.length > 0 ? paths : [DEFAULT_CHECK_PATH];
  const discovery = await discoverDealFiles(given, cwd);
  // A path that cannot be read is reported, after the report of the others, and the run exits 2;
  // when nothing can be read, that is all there is to say.
  const notChecked = discovery.ok
    ? []
    : [
        ...discovery.missing.map((missing) =>
          paths.length === 0
            ? `there is no ${DEFAULT_CHECK_PATH}/ folder here; name the folder to ${command}: deal-triage ${command} <folder>`
            : `no such file or folder: ${safeChars(missing)}`,
        ),
        ...discovery.unreadable.map(({ path: where, reason }) => `cannot read ${safeChars(where)}: ${reason}`),
      ];
  if (notChecked.length > 0 && discovery.files.length === 0) throw new UsageError(notChecked.join('\ndeal-triage: '));
  // A config kept among the deals (--config deals/policy.yaml) is not a deal. Discovery gives real paths.
  const configPath = config === undefined ? undefined : await realpath(path.resolve(cwd, config)).catch(() => undefined);
  const files = discovery.files.filter((file) => file.path !== configPath && file.path !== exclude);
  if (files.length === 0) {
    throw new UsageError(`no deal files (.yaml or .yml) in ${given.map(safeChars).join(', ')}`);
  }
  return { given, files, configPath, notChecked };
}

/** Writes a report's parts to stdout in writes of about 64 KiB: few writes, and never the whole report as one string. */
function writeParts(io: CommandContext['io'], parts: Iterable<string>): void {
  let pending = '';
  for (const part of parts) {
    pending += part;
    if (pending.length >= 65_536) {
      io.stdout.write(pending);
      pending = '';
    }
  }
  if (pending !== '') io.stdout.write(pending);
}

/**
 * Refuses a cache file the run reads or writes otherwise: writing the cache would replace a deal,
 * the config, the report or the step summary. By real path (discovery gives real paths), and, for a
 * file with other names (hard links), by device and inode. A name ending in .yaml or .yml is refused
 * too: in a folder being checked, the next run would read the cache as a deal.
 */
async function refuseCacheFile(
  cacheFile: string,
  given: string,
  run: { files: readonly DiscoveredFile[]; configPath: string | undefined; written: Record<string, string | undefined> },
): Promise<void> {
  const named = `--cache-location ${safeChars(given)}`;
  if (/\.ya?ml$/i.test(cacheFile)) throw new UsageError(`${named}: the cache is not a deal file; give it a name that does not end in .yaml or .yml`);
  const writtenAs = async (id: string | undefined) => {
    for (const [what, file] of Object.entries(run.written)) {
      if (file === cacheFile || (id !== undefined && file !== undefined && (await fileIdentity(file)) === id)) {
        throw new UsageError(`${named} is where the ${what} goes; keep the cache somewhere else`);
      }
    }
  };
  let info;
  try {
    info = await lstat(cacheFile, { bigint: true });
  } catch {
    return writtenAs(undefined); // Not there yet: it cannot be a file being read.
  }
  // A link is neither read nor written through (saving says so): it cannot reach the file it names.
  if (info.isSymbolicLink()) return writtenAs(undefined);
  const real = path.join(await realpath(path.dirname(cacheFile)), path.basename(cacheFile));
  const id = `${info.dev}:${info.ino}`;
  // Only a file with other names can be a file read under another name: all are looked at then.
  const linked = info.nlink > 1n && (await identities(run.files, run.configPath)).has(id);
  if (linked || real === run.configPath || run.files.some((file) => file.path === real)) {
    throw new UsageError(`${named} is one of the files being checked; keep the cache somewhere else`);
  }
  return writtenAs(id);
}

/** The identities of every file the run reads: the deal files, the config, and the one-on-one log. */
async function identities(files: readonly DiscoveredFile[], configPath: string | undefined, logPath?: string): Promise<Set<string>> {
  const paths = files.filter((file) => !file.refused).map((file) => file.path);
  if (configPath !== undefined) paths.push(configPath);
  if (logPath !== undefined) paths.push(logPath);
  const found = await Promise.all(paths.map(fileIdentity));
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
