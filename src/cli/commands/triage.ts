// `deal-triage triage <file...>`: read each deal, evaluate it, print the briefings; problems go to
// stderr, located. Exit 0 whatever the verdicts, 1 if a deal file is invalid, 2 for usage errors.

import path from 'node:path';
import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatters, plain } from '../../format/index.js';
import { safeChars } from '../../format/sanitize.js';
import type { TriageFormat, TriageResult } from '../../format/index.js';
import { displayPath, readInputFile } from '../../io/files.js';
import { tooLarge } from '../../load/input.js';
import { triageBytes } from '../../triage/triage.js';
import { colorLevel, styleFor } from '../color.js';
import { commandConfig, NO_CONFIG_NOTE } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { CommonOptions } from '../options.js';

export interface TriageOptions extends CommonOptions {
  format: TriageFormat;
  explain?: boolean;
}

export async function runTriage(files: readonly string[], options: TriageOptions, io: Io): Promise<number> {
  const stderrStyle = await styleFor(colorLevel(options.color, io.stderr, io.env));
  const loaded = await commandConfig(options.config, io, stderrStyle);
  if (!loaded) return EXIT.usage;

  // Read everything first: a missing path is a usage error, reported before any output.
  const reads = await Promise.all(
    files.map(async (file) => ({ file: displayPath(file, io.cwd), read: await readInputFile(path.resolve(io.cwd, file)) })),
  );
  const usage: string[] = [];
  for (const { file: name, read } of reads) {
    // A file name is shown one character for one: a newline in it must not start a line of its own.
    const file = safeChars(name);
    if (read.kind === 'missing') usage.push(`no such file: ${file}`);
    else if (read.kind === 'directory') usage.push(`${file} is a folder; triage takes deal files (for example ${file}/*.yaml)`);
    else if (read.kind === 'unreadable') usage.push(`cannot read ${file}: ${read.reason}`);
  }
  if (usage.length > 0) throw new UsageError(usage.join('\ndeal-triage: '));
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }

  const sources = new Map<string, string>();
  const results: TriageResult[] = reads.map(({ file, read }) => {
    if (read.kind === 'too-large') return { file, ok: false, problems: [tooLarge(file, read.size)] };
    if (read.kind !== 'ok') throw new Error(`unexpected read outcome ${read.kind}`);
    const result = triageBytes(read.bytes, file, loaded.config);
    if (!result.ok) sources.set(file, new TextDecoder().decode(read.bytes));
    return result;
  });

  const formatter = formatters[options.format];
  const style = formatter.coloured ? await styleFor(colorLevel(options.color, io.stdout, io.env)) : plain;
  io.stdout.write(formatter(results, { explain: options.explain === true, style }));

  const problems = results.flatMap((result) => (result.ok ? [] : result.problems));
  if (problems.length > 0) {
    // A format that carries the problems (json) has them in the output; stderr only says so, for whoever watches the terminal.
    if (!formatter.carriesProblems) io.stderr.write(formatDiagnostics(problems, sources, stderrStyle));
    const invalid = results.filter((result) => !result.ok).length;
    const where = formatter.carriesProblems ? ` (their problems are in the ${options.format.toUpperCase()} output)` : '';
    io.stderr.write(`deal-triage: ${invalid} of ${results.length} deal file${results.length === 1 ? '' : 's'} ${invalid === 1 ? 'is' : 'are'} invalid${where}\n`);
  }
  return problems.length > 0 ? EXIT.problems : EXIT.ok;
}
