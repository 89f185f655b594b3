// `deal-triage triage <file...>`: read each deal, evaluate it, print the briefings; problems go to
// stderr, located. Exit 0 whatever the verdicts, 1 if a deal file is invalid, 2 for usage errors.

import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatters, plain } from '../../format/index.js';
import { safeChars } from '../../format/sanitize.js';
import type { TriageFormat, TriageResult } from '../../format/index.js';
import { inputPath, loadInputFile, sourcesOf } from '../../io/load-file.js';
import type { NotReadWording } from '../../io/load-file.js';
import { triageLoaded } from '../../triage/triage.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';

export interface TriageOptions extends CommonOptions {
  format: TriageFormat;
  explain?: boolean;
}

// A file name is shown one character for one: a newline in it must not start a line of its own.
const TRIAGE_WORDING: NotReadWording = {
  missing: (file) => `no such file: ${safeChars(file)}`,
  directory: (file) => `${safeChars(file)} is a folder; triage takes deal files (for example ${safeChars(file)}/*.yaml)`,
  unreadable: (file, reason) => `cannot read ${safeChars(file)}: ${reason}`,
};

export async function runTriage(files: readonly string[], options: TriageOptions, context: CommandContext): Promise<number> {
  const { io, styles } = context;
  const loaded = await context.config();
  if (!loaded) return EXIT.usage;

  // Read everything first: a path that is not a file to read is a usage error, reported before any output.
  const inputs = await Promise.all(
    files.map((file) => loadInputFile(inputPath(file, io.cwd), 'deal', { wording: TRIAGE_WORDING, defaultCurrency: loaded.config.company.currency })),
  );
  const read = inputs.filter((input) => input.read);
  if (read.length < inputs.length) throw new UsageError(inputs.flatMap((input) => (input.read ? [] : [input.message])).join('\ndeal-triage: '));
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }

  const results: TriageResult[] = read.map((input) => triageLoaded(input, input.file, loaded.config, { today: context.today }));
  const sources = sourcesOf(read);

  const formatter = formatters[options.format];
  const style = formatter.coloured ? styles.stdout : plain;
  io.stdout.write(formatter(results, { explain: options.explain === true, style }));

  const problems = results.flatMap((result) => (result.ok ? [] : result.problems));
  if (problems.length > 0) {
    // A format that carries the problems (json) has them in the output; stderr only says so, for whoever watches the terminal.
    if (!formatter.carriesProblems) io.stderr.write(formatDiagnostics(problems, sources, styles.stderr));
    const invalid = results.filter((result) => !result.ok).length;
    io.stderr.write(`deal-triage: ${invalidSummary(invalid, results.length, formatter.carriesProblems ? options.format.toUpperCase() : undefined)}\n`);
  }
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}

/** "1 of 3 deal files is invalid; its problems are listed above": where they are is above, or in the output (json). */
export function invalidSummary(invalid: number, files: number, output: string | undefined): string {
  const which = files === 1 ? 'the deal file is' : invalid === files ? (files === 2 ? 'both deal files are' : `all ${files} deal files are`) : `${invalid} of ${files} deal files ${invalid === 1 ? 'is' : 'are'}`;
  const where = output === undefined ? 'listed above' : `in the ${output} output`;
  return `${which} invalid; ${invalid === 1 ? 'its' : 'their'} problems are ${where}`;
}
