// `deal-triage new [file]`: the questionnaire's I/O. Checks the arguments and the terminal before
// the first question (so no answer is asked for in vain), loads the config and the deal to edit
// (`--from`), runs the questions, saves without replacing a file unasked, then prints the triage
// of the file as saved. Ctrl-C at any question ends with exit 130 and nothing written.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatters } from '../../format/index.js';
import type { Style } from '../../format/index.js';
import { displayPath, readInputFile } from '../../io/files.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { parseDealBytes, tooLarge } from '../../load/deal.js';
import type { ResolvedConfig } from '../../policy/resolve.js';
import { DEAL_FILE_PATTERN, runQuestionnaire, saveWithConsent } from '../../questionnaire/flow.js';
import type { SaveOutcome } from '../../questionnaire/flow.js';
import { isInterrupt } from '../../questionnaire/prompter.js';
import type { Prompter } from '../../questionnaire/prompter.js';
import { dealToYaml } from '../../questionnaire/write.js';
import type { Deal } from '../../schema/deal.js';
import { triageBytes } from '../../triage.js';
import { colorLevel, styleFor } from '../color.js';
import { commandConfig, NO_CONFIG_NOTE } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { CommonOptions } from '../main.js';

export interface NewOptions extends CommonOptions {
  /** A deal file whose answers are the defaults. */
  from?: string;
  /** Replace an existing file without asking. */
  force?: boolean;
}

/** The folder a new deal goes to when no file is named. */
const DEALS_FOLDER = 'deals';

const CANCELLED = 'deal-triage: cancelled; nothing was written\n';
const DISCARDED = 'deal-triage: nothing was written\n';

function noTerminalMessage(what: 'input' | 'output' | 'input and output'): string {
  const verb = what === 'input and output' ? 'are' : 'is';
  return [
    `deal-triage: new asks questions, so it needs an interactive terminal, and its ${what} ${verb} not one.`,
    'To write a deal file by hand instead: copy the example in the README (section "The deal file")',
    'or fixtures/deals/acme-plants.yaml to deals/<id>.yaml, edit it, and check it with',
    '  deal-triage triage deals/<id>.yaml',
    '',
  ].join('\n');
}

export async function runNew(file: string | undefined, options: NewOptions, io: Io): Promise<number> {
  if (file !== undefined) await checkTarget(file, io.cwd);

  const terminal = { input: io.stdinIsTTY, output: io.stdout.isTTY === true };
  if (!terminal.input || !terminal.output) {
    io.stderr.write(noTerminalMessage(!terminal.input && !terminal.output ? 'input and output' : terminal.input ? 'output' : 'input'));
    return EXIT.usage;
  }

  const stderrStyle = await styleFor(colorLevel(options.color, io.stderr, io.env));
  const loaded = await commandConfig(options.config, io, stderrStyle);
  if (!loaded) return EXIT.usage;
  const config = loaded.config;

  // The deal being edited, and its file as shown to the user.
  let defaults: Deal | undefined;
  const source = options.from === undefined ? undefined : displayPath(options.from, io.cwd);
  if (options.from !== undefined) {
    const from = await loadFrom(options.from, config, io);
    if (!from.ok) {
      io.stderr.write(formatDiagnostics(from.problems.problems, from.problems.sources, stderrStyle));
      io.stderr.write(`deal-triage: ${source} is invalid; fix what is listed above, then run new --from again\n`);
      return EXIT.problems;
    }
    defaults = from.deal;
  }
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }

  const style = await styleFor(colorLevel(options.color, io.stdout, io.env));
  const prompter: Prompter = io.prompter ?? (await import('../../questionnaire/inquirer.js')).inquirerPrompter();
  let saved: string | undefined;
  try {
    const answers = await runQuestionnaire(prompter, {
      config,
      style,
      ...(defaults && source !== undefined ? { defaults, source } : {}),
    });
    if (answers.kind === 'discarded') {
      io.stderr.write(DISCARDED);
      return EXIT.ok;
    }
    const text = dealToYaml(answers.deal);
    // Editing a deal saves it back where it came from, unless another file is named.
    const first = displayPath(file ?? options.from ?? path.join(DEALS_FOLDER, `${answers.deal.id}.yaml`), io.cwd);
    if (defaults && first === source && text === dealToYaml(defaults)) {
      // Nothing changed: rewriting would only lose the file's comments and layout.
      io.stdout.write(`No changes: ${style.bold(first)} is left as it was.\n\n`);
      return await printTriage(first, config, { stdout: style, stderr: stderrStyle }, io);
    }
    saved = await saveWithConsent(prompter, {
      file: first,
      force: options.force === true,
      save: (target, overwrite) => save(path.resolve(io.cwd, target), text, overwrite),
    });
  } catch (error) {
    if (error instanceof InterruptedAfterSaving) {
      io.stderr.write(`deal-triage: interrupted; ${displayPath(error.file, io.cwd)} was saved\n`);
      return EXIT.interrupted;
    }
    if (isInterrupt(error)) {
      io.stderr.write(CANCELLED);
      return EXIT.interrupted;
    }
    throw error;
  }
  if (saved === undefined) {
    io.stderr.write(DISCARDED);
    return EXIT.ok;
  }

  io.stdout.write(`${style.green('✔')} Saved ${style.bold(saved)}\n\n`);
  return printTriage(saved, config, { stdout: style, stderr: stderrStyle }, io);
}

/** A named target must be a deal file name, and not a folder: said before any question is asked. */
async function checkTarget(file: string, cwd: string): Promise<void> {
  const shown = displayPath(file, cwd);
  const info = await stat(path.resolve(cwd, file)).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new UsageError(
      `${shown} is a folder; name a file in it (for example ${shown}/<id>.yaml), or leave the file out to save in ${DEALS_FOLDER}/`,
    );
  }
  if (!DEAL_FILE_PATTERN.test(file)) {
    throw new UsageError(`${shown}: a deal file's name ends in .yaml or .yml`);
  }
}

type FromResult =
  | { ok: true; deal: Deal }
  | { ok: false; problems: { problems: Parameters<typeof formatDiagnostics>[0]; sources: Map<string, string> } };

/** The deal to edit, read and validated like `triage` does: located problems if it is invalid. */
async function loadFrom(from: string, config: ResolvedConfig, io: Io): Promise<FromResult> {
  const shown = displayPath(from, io.cwd);
  const read = await readInputFile(path.resolve(io.cwd, from));
  switch (read.kind) {
    case 'missing':
      throw new UsageError(`no such file: ${shown} (--from names the deal file to edit)`);
    case 'directory':
      throw new UsageError(`--from names a folder, not a deal file: ${shown}`);
    case 'unreadable':
      throw new UsageError(`cannot read ${shown}: ${read.reason}`);
    case 'too-large':
      return { ok: false, problems: { problems: [tooLarge(shown, read.size)], sources: new Map() } };
    case 'ok': {
      const parsed = parseDealBytes(read.bytes, shown, { defaultCurrency: config.company.currency });
      if (parsed.ok) return { ok: true, deal: parsed.value };
      return { ok: false, problems: { problems: parsed.problems, sources: new Map([[shown, new TextDecoder().decode(read.bytes)]]) } };
    }
  }
}

class InterruptedAfterSaving extends Error {
  override name = 'InterruptedAfterSaving';
  constructor(readonly file: string) {
    super(`interrupted after saving ${file}`);
  }
}

/**
 * Writes the deal file. A Ctrl-C while it is being written (between questions the terminal sends
 * a signal, not a key) is held until the write is done, so it never leaves a temporary file or half
 * a file; then it ends the command, saying whether the file was written.
 */
async function save(file: string, text: string, overwrite: boolean): Promise<SaveOutcome> {
  let interrupted = false;
  const hold = () => {
    interrupted = true;
  };
  process.on('SIGINT', hold);
  try {
    const outcome = await writeFileAtomic(file, text, { overwrite });
    if (interrupted && outcome.kind === 'written') throw new InterruptedAfterSaving(file);
    if (interrupted) throw Object.assign(new Error('interrupted while saving'), { name: 'ExitPromptError' });
    return outcome.kind === 'written' ? { kind: 'saved' } : outcome;
  } finally {
    process.off('SIGINT', hold);
  }
}

/** The triage of the file as written, read back from disk: what `triage` will say about it. */
async function printTriage(file: string, config: ResolvedConfig, styles: { stdout: Style; stderr: Style }, io: Io): Promise<number> {
  const read = await readInputFile(path.resolve(io.cwd, file));
  if (read.kind !== 'ok') throw new Error(`cannot read back ${file} after saving it (${read.kind})`);
  const result = triageBytes(read.bytes, file, config);
  if (!result.ok) {
    // The questionnaire checks every answer; a saved file that does not load is a bug.
    io.stderr.write(formatDiagnostics(result.problems, new Map([[file, new TextDecoder().decode(read.bytes)]]), styles.stderr));
    throw new Error(`the saved file ${file} does not load as a deal`);
  }
  io.stdout.write(formatters.text([result], { explain: false, style: styles.stdout }));
  return EXIT.ok;
}
