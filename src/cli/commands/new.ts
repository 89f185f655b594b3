// `deal-triage new [file]`: the questionnaire's I/O. Checks the arguments and the terminal before
// the first question (so no answer is asked for in vain), loads the config and the deal to edit
// (`--from`), runs the questions, saves without replacing a file unasked, then prints the triage
// of the file as saved. Ctrl-C at any question ends with exit 130 and nothing written; a terminal
// that goes away, with exit 2 and nothing written; a text that would not read back as the same
// deal is never written.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatters } from '../../format/index.js';
import type { Style } from '../../format/style.js';
import { safeChars } from '../../format/sanitize.js';
import { displayPath, linksOutOfItsFolder, readInputFile } from '../../io/files.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { toolVersion } from '../../io/version.js';
import { withDealSchemaModeline } from '../../schema/modeline.js';
import { inputPath, loadInputFile, sourcesOf } from '../../io/load-file.js';
import type { LoadedFile, NotReadWording } from '../../io/load-file.js';
import { decodeText } from '../../load/input.js';
import { parseYaml } from '../../load/yaml-source.js';
import type { ResolvedConfig } from '../../policy/resolve.js';
import { editDealYaml, hasComments } from '../../questionnaire/edit.js';
import { DEAL_FILE_PATTERN, runQuestionnaire, saveWithConsent } from '../../questionnaire/flow.js';
import type { Rendered, SaveOutcome } from '../../questionnaire/flow.js';
import { guardPrompter, isInterrupt, TerminalGoneError } from '../../questionnaire/prompter.js';
import type { Prompter } from '../../questionnaire/prompter.js';
import type { DealIds } from '../../questionnaire/ids.js';
import { dealToYaml, firstDifference, roundTripProblem } from '../../questionnaire/write.js';
import { ID_PATTERN } from '../../schema/common.js';
import type { Deal } from '../../schema/deal.js';
import { triageLoaded } from '../../triage/triage.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { CommonOptions } from '../options.js';

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

export async function runNew(file: string | undefined, options: NewOptions, context: CommandContext): Promise<number> {
  const { io, styles } = context;
  if (file !== undefined) await checkTarget(file, io.cwd);

  const terminal = { input: io.stdinIsTTY, output: io.stdout.isTTY === true };
  if (!terminal.input || !terminal.output) {
    io.stderr.write(noTerminalMessage(!terminal.input && !terminal.output ? 'input and output' : terminal.input ? 'output' : 'input'));
    return EXIT.usage;
  }

  const loaded = await context.config();
  if (!loaded) return EXIT.usage;
  const config = loaded.config;

  // The deal being edited, and its file as shown to the user.
  let edited: { deal: Deal; text: string } | undefined;
  const source = options.from === undefined ? undefined : displayPath(options.from, io.cwd);
  if (options.from !== undefined) {
    const from = await loadFrom(options.from, config, io);
    if (!from.ok) {
      io.stderr.write(formatDiagnostics(from.problems, sourcesOf([from]), styles.stderr));
      io.stderr.write(`deal-triage: ${safeChars(source ?? '')} is invalid; fix what is listed above, then run new --from again\n`);
      return EXIT.problems;
    }
    // Its text as decoded (a leading byte-order mark dropped), for editing in place.
    edited = { deal: from.value, text: from.text };
  }
  if (loaded.file === undefined) {
    io.stderr.write(NO_CONFIG_NOTE);
  }
  const fromPath = options.from === undefined ? undefined : path.resolve(io.cwd, options.from);
  // Read while the first questions are asked: a folder of thousands of deals took 2 s before the
  // first question. The id question waits for it; a failure only means no warning.
  const ids = dealIdsIn(path.dirname(path.resolve(io.cwd, file ?? options.from ?? path.join(DEALS_FOLDER, 'deal.yaml'))), fromPath, io.cwd).catch(
    (): DealIds => new Map(),
  );

  const style = styles.stdout;
  const prompter: Prompter = guardPrompter(io.prompter ?? (await terminalPrompter(io, style)));
  const currency = config.company.currency;
  let saved: { file: string; deal: Deal } | undefined;
  try {
    const answers = await runQuestionnaire(prompter, {
      config,
      today: context.today,
      style,
      ids,
      ...(edited && source !== undefined ? { defaults: edited.deal, source } : {}),
    });
    if (answers.kind === 'discarded') {
      io.stderr.write(DISCARDED);
      return EXIT.ok;
    }
    // Editing a deal saves it back where it came from, unless another file is named.
    const first = displayPath(file ?? options.from ?? path.join(DEALS_FOLDER, `${answers.deal.id}.yaml`), io.cwd);
    if (edited && first === source && firstDifference(answers.deal, edited.deal, '') === undefined) {
      // Nothing changed: rewriting would only risk the file's layout.
      io.stdout.write(`No changes: ${style.bold(safeChars(first))} is left as it was.\n\n`);
      return await printTriage(first, config, context);
    }
    const result = await saveWithConsent(prompter, {
      deal: answers.deal,
      file: first,
      force: options.force === true,
      dealsFolder: DEALS_FOLDER,
      ids,
      ...(edited && source !== undefined && fromPath !== undefined
        ? { edited: { file: source, id: edited.deal.id, isFile: (target: string) => sameFile(path.resolve(io.cwd, target), fromPath) } }
        : {}),
      render: (deal) => render(deal, edited, currency),
      save: (target, text, overwrite) => save(path.resolve(io.cwd, target), text, overwrite),
    });
    if (result.kind === 'refused') {
      io.stderr.write(`deal-triage: cannot save the deal: ${result.reason}; nothing was written\n`);
      return EXIT.usage;
    }
    if (result.kind === 'saved') saved = result;
  } catch (error) {
    if (error instanceof InterruptedAfterSaving) {
      io.stderr.write(`deal-triage: interrupted; ${safeChars(displayPath(error.file, io.cwd))} was saved\n`);
      return EXIT.interrupted;
    }
    if (isInterrupt(error)) {
      io.stderr.write(CANCELLED);
      return EXIT.interrupted;
    }
    if (error instanceof TerminalGoneError) {
      io.stderr.write(`deal-triage: ${error.message}; nothing was written\n`);
      return EXIT.usage;
    }
    throw error;
  }
  if (saved === undefined) {
    io.stderr.write(DISCARDED);
    return EXIT.ok;
  }

  io.stdout.write(`${style.green('✔')} Saved ${style.bold(safeChars(saved.file))}\n\n`);
  return printTriage(saved.file, config, context);
}

/**
 * The text to write for `deal`, proven to load back as exactly `deal`. An edited deal is written
 * onto its file's own text (comments and layout kept); where that cannot be done, a fresh text,
 * saying what replacing the file would lose. Nothing at all when no text reads back right.
 */
function render(deal: Deal, edited: { deal: Deal; text: string } | undefined, currency: string): Rendered {
  let losesComments: string | undefined;
  if (edited) {
    const kept = editDealYaml(edited.text, edited.deal, deal);
    if (kept.ok && roundTripProblem(deal, kept.text, currency) === undefined) return { ok: true, text: kept.text };
    if (hasComments(edited.text)) losesComments = kept.ok ? 'the edited text would not read back as the same deal' : kept.reason;
  }
  // A fresh text starts with the schema modeline, for editors; an edited file keeps its own first lines.
  const text = withDealSchemaModeline(dealToYaml(deal), toolVersion());
  const problem = roundTripProblem(deal, text, currency);
  if (problem !== undefined) return { ok: false, reason: `no YAML text was found that reads back as the same deal (${problem})` };
  return { ok: true, text, ...(losesComments === undefined ? {} : { losesComments }) };
}

/** Whether two paths are one file on disk (a link to it counts); two missing paths are not. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const [x, y] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return x !== undefined && x.dev === y?.dev && x.ino === y.ino;
}

/** More deal files than this in the folder: the rest are not read for their ids. */
const MAX_ID_FILES = 5_000;

/**
 * The ids the deal files in `folder` use (not in its subfolders, and not the edited file's), for a
 * warning when the new deal takes one. Cheap and safe: regular files of at most 1 MiB only (no
 * FIFO, device or folder is opened), just the YAML read, and a file that does not read is passed over.
 */
async function dealIdsIn(folder: string, exclude: string | undefined, cwd: string): Promise<DealIds> {
  const ids = new Map<string, string[]>();
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = names.filter((name) => DEAL_FILE_PATTERN.test(name) && !name.startsWith('.')).sort().slice(0, MAX_ID_FILES);
  const excluded = exclude === undefined ? undefined : await stat(exclude).catch(() => undefined);
  for (const name of files) {
    const file = path.join(folder, name);
    if (excluded !== undefined) {
      const info = await stat(file).catch(() => undefined);
      if (info?.dev === excluded.dev && info.ino === excluded.ino) continue;
    }
    // noFollow: a link in the folder is not read, wherever it leads.
    const read = await readInputFile(file, { noFollow: true });
    if (read.kind !== 'ok') continue;
    const text = decodeText(read.bytes, name);
    if (typeof text !== 'string') continue;
    const yaml = parseYaml(text, name);
    const id = yaml.ok && typeof yaml.value === 'object' && yaml.value !== null ? (yaml.value as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) continue;
    // Shown in a note: a hostile file name must not drive the terminal.
    const shown = safeChars(displayPath(file, cwd));
    const taken = ids.get(id);
    if (taken) taken.push(shown);
    else ids.set(id, [shown]);
  }
  return ids;
}

/** The questions asked on the command's own streams, through the prompt library (loaded only now). */
async function terminalPrompter(io: Io, style: Style): Promise<Prompter> {
  if (io.stdin === undefined) throw new Error('new has no input to read answers from');
  const { inquirerPrompter } = await import('../../questionnaire/inquirer.js');
  return inquirerPrompter({ input: io.stdin, output: io.stdout, style });
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

/** What new says of a --from path it cannot read. */
const FROM_WORDING: NotReadWording = {
  missing: (file) => `no such file: ${file} (--from names the deal file to edit)`,
  directory: (file) => `--from names a folder, not a deal file: ${file}`,
  unreadable: (file, reason) => `cannot read ${file}: ${reason}`,
};

/** The deal to edit, read and validated like `triage` does: located problems if it is invalid. */
async function loadFrom(from: string, config: ResolvedConfig, io: Io): Promise<LoadedFile<Deal>> {
  const at = inputPath(from, io.cwd);
  // As triage: a link that leads out of its folder is not read (its problems would quote the file it leads to).
  if (await linksOutOfItsFolder(at.path)) throw new UsageError(`${safeChars(at.file)} is a symbolic link to a file outside its folder, and is not read; edit the file itself`);
  const loaded = await loadInputFile(at, 'deal', { wording: FROM_WORDING, defaultCurrency: config.company.currency });
  if (!loaded.read) throw new UsageError(loaded.message);
  return loaded;
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
    // noFollow: a deal file that is a link is not written through, onto whatever it points at.
    const outcome = await writeFileAtomic(file, text, { overwrite, noFollow: true });
    if (interrupted && outcome.kind === 'written') throw new InterruptedAfterSaving(file);
    if (interrupted) throw Object.assign(new Error('interrupted while saving'), { name: 'ExitPromptError' });
    return outcome.kind === 'written' ? { kind: 'saved' } : outcome;
  } finally {
    process.off('SIGINT', hold);
  }
}

/** A saved file that cannot be read back: a bug, or the file changed under us. */
const READ_BACK: NotReadWording = {
  missing: (file) => `cannot read back ${file} after saving it (missing)`,
  directory: (file) => `cannot read back ${file} after saving it (directory)`,
  unreadable: (file) => `cannot read back ${file} after saving it (unreadable)`,
};

/** The triage of the file as written, read back from disk: what `triage` will say about it. */
async function printTriage(file: string, config: ResolvedConfig, { io, styles, today }: CommandContext): Promise<number> {
  const loaded = await loadInputFile({ path: path.resolve(io.cwd, file), file }, 'deal', { wording: READ_BACK, defaultCurrency: config.company.currency });
  if (!loaded.read) throw new Error(loaded.message);
  const result = triageLoaded(loaded, file, config, { today });
  if (!result.ok) {
    // The questionnaire checks every answer; a saved file that does not load is a bug.
    io.stderr.write(formatDiagnostics(result.problems, sourcesOf([loaded]), styles.stderr));
    throw new Error(`the saved file ${file} does not load as a deal`);
  }
  io.stdout.write(formatters.text([result], { explain: false, style: styles.stdout }));
  return EXIT.ok;
}
