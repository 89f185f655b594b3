// `deal-triage check [path...]`: the CI gate. Finds the deal files under the paths, checks each
// (YAML, schema, the policy's findings), then the folder as a whole, and reports every problem in
// the chosen format. Exit 0 when clean (warnings up to --max-warnings), 1 on an error or too many
// warnings, 2 for usage and config errors. It reads deal files and never writes one.

import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../../check/report.js';
import { checkFormatters, formatStepSummary } from '../../format/check/index.js';
import type { CheckFormat } from '../../format/check/index.js';
import { plain } from '../../format/style.js';
import { checkFiles } from '../../io/check-files.js';
import type { Concurrency } from '../../io/check-files.js';
import { discoverDealFiles } from '../../io/discover.js';
import { describeFsError } from '../../io/files.js';
import { colorLevel, styleFor } from '../color.js';
import { commandConfig, NO_CONFIG_NOTE } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { CommonOptions } from '../main.js';

export const DEFAULT_CHECK_PATH = 'deals';

export interface CheckOptions extends CommonOptions {
  format: CheckFormat;
  output?: string;
  /** -1: no limit. */
  maxWarnings: number;
  concurrency: Concurrency;
}

export async function runCheck(paths: readonly string[], options: CheckOptions, io: Io): Promise<number> {
  const stderrStyle = await styleFor(colorLevel(options.color, io.stderr, io.env));
  const loaded = await commandConfig(options.config, io, stderrStyle);
  if (!loaded) return EXIT.usage;

  const given = paths.length > 0 ? paths : [DEFAULT_CHECK_PATH];
  const discovery = await discoverDealFiles(given, io.cwd);
  if (!discovery.ok) {
    const lines = discovery.missing.map((missing) =>
      paths.length === 0
        ? `there is no ${DEFAULT_CHECK_PATH}/ folder here; name the folder to check: deal-triage check <folder>`
        : `no such file or folder: ${missing}`,
    );
    lines.push(...discovery.unreadable.map(({ path: where, reason }) => `cannot read ${where}: ${reason}`));
    throw new UsageError(lines.join('\ndeal-triage: '));
  }
  // A config kept among the deals (--config deals/policy.yaml) is not a deal.
  const configPath = loadedConfigPath(loaded.file, io.cwd);
  const files = discovery.files.filter((file) => file.path !== configPath);
  if (files.length === 0) {
    throw new UsageError(`no deal files (.yaml or .yml) in ${given.join(', ')}`);
  }

  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output !== undefined && (files.some((file) => file.path === output) || output === configPath)) {
    throw new UsageError(`--output ${options.output} is one of the files being checked; write the report somewhere else`);
  }
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }

  const reports = await checkFiles(files, loaded.config, options.concurrency);
  const report = buildReport(reports, loaded.config);
  const toTerminal = output === undefined && options.format === 'stylish';
  const style = toTerminal ? await styleFor(colorLevel(options.color, io.stdout, io.env)) : plain;
  const warningsFail = options.maxWarnings >= 0 && report.summary.warnings > options.maxWarnings;
  const rendered = checkFormatters[options.format](report, { style, warningsFail });

  if (output === undefined) {
    io.stdout.write(rendered);
  } else {
    try {
      await mkdir(path.dirname(output), { recursive: true });
      await writeFile(output, rendered);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${options.output}: ${describeFsError(error)}`);
    }
  }

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summaryFile) {
    try {
      // Relative to the working folder, like every other path (GitHub always gives an absolute one).
      await appendFile(path.resolve(io.cwd, summaryFile), formatStepSummary(report));
    } catch (error) {
      // The annotations are out already; a summary that cannot be written is worth a note, not a failure.
      io.stderr.write(`deal-triage: cannot append to GITHUB_STEP_SUMMARY (${summaryFile}): ${describeFsError(error)}\n`);
    }
  }

  const { errors, warnings } = report.summary;
  if (errors > 0) return EXIT.problems;
  if (warningsFail) {
    io.stderr.write(`deal-triage: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

function loadedConfigPath(file: string | undefined, cwd: string): string | undefined {
  return file === undefined ? undefined : path.resolve(cwd, file);
}
