// `deal-triage triage <file...>`: read each deal, evaluate it, print the briefings; problems go to
// stderr, located. Exit 0 whatever the verdicts, 1 if a deal file is invalid, 2 for usage errors.

import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatters, plain } from '../../format/index.js';
import { safeChars } from '../../format/sanitize.js';
import type { TriageFormat, TriageResult } from '../../format/index.js';
import { inputPath, loadFromRead, loadInputFile, sourcesOf } from '../../io/load-file.js';
import { readStream, STDIN_ARGUMENT, STDIN_NAME } from '../../io/stdin.js';
import type { InputFile, InputPath, LoadFileOptions, NotReadWording } from '../../io/load-file.js';
import { linksOutOfItsFolder } from '../../io/files.js';
import type { Deal } from '../../schema/deal.js';
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

  // `-` is standard input: once, and not a terminal, which would wait for typing without a word.
  const stdinUses = files.filter((file) => file === STDIN_ARGUMENT).length;
  if (stdinUses > 1) throw new UsageError('- (standard input) can be given only once: it holds one deal');
  if (stdinUses === 1 && (io.stdinIsTTY || io.stdin === undefined)) {
    throw new UsageError(
      `- reads a deal from standard input, but standard input is ${io.stdin === undefined ? 'not available' : 'the terminal'}: pipe a deal into it (deal-triage triage - < deal.yaml), or name the file`,
    );
  }

  // Read everything first. A path that is not a file to read is reported, after the others' output,
  // and the run exits 2; when none can be read, that is all there is to say.
  const loadOptions = { wording: TRIAGE_WORDING, defaultCurrency: loaded.config.company.currency };
  const inputs = await Promise.all(
    files.map(async (file) =>
      file === STDIN_ARGUMENT ? loadFromRead(await readStream(io.stdin!), STDIN_NAME, 'deal', loadOptions) : loadNamed(inputPath(file, io.cwd), loadOptions),
    ),
  );
  const read = inputs.filter((input) => input.read);
  const notRead = inputs.flatMap((input) => (input.read ? [] : [input.message]));
  if (read.length === 0) throw new UsageError(notRead.join('\ndeal-triage: '));
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
  if (notRead.length > 0) {
    // Last, so whoever reads the terminal sees that a file was left out, and why.
    for (const message of notRead) io.stderr.write(`deal-triage: ${message}\n`);
    return EXIT.usage;
  }
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}

/** "1 of 3 deal files is invalid; its problems are listed above": where they are is above, or in the output (json). */
export function invalidSummary(invalid: number, files: number, output: string | undefined): string {
  const which = files === 1 ? 'the deal file is' : invalid === files ? (files === 2 ? 'both deal files are' : `all ${files} deal files are`) : `${invalid} of ${files} deal files ${invalid === 1 ? 'is' : 'are'}`;
  const where = output === undefined ? 'listed above' : `in the ${output} output`;
  return `${which} invalid; ${invalid === 1 ? 'its' : 'their'} problems are ${where}`;
}

/**
 * A deal file named on the command line; a symbolic link that leads out of its folder is not read
 * (as check reads none, and the config lookup none): what it points at is not the user's deal.
 */
async function loadNamed(at: InputPath, options: LoadFileOptions): Promise<InputFile<Deal>> {
  if (await linksOutOfItsFolder(at.path)) {
    return { read: false, file: at.file, message: `${safeChars(at.file)} is a symbolic link to a file outside its folder, and is not read; triage the file itself`, notAFile: false };
  }
  return loadInputFile(at, 'deal', options);
}
