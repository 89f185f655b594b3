// The questionnaire from first question to saved file, pure apart from the Prompter: every section
// in order, then the verdict for the answers, with the chance to change any section before saving,
// then saving without ever replacing a file the user has not agreed to replace, nor leaving two
// files with one id unasked. Writing the file is the caller's (an injected `save`), so the whole
// conversation is testable with scripted answers.

import { formatters } from '../format/index.js';
import type { Style } from '../format/style.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { ID_PATTERN } from '../schema/common.js';
import { DealSchema } from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';
import { triageDeal } from '../triage/triage.js';
import type { Prompter } from './prompter.js';
import { slugify, takenIdWarning } from './ids.js';
import type { DealIds, DealIdsSoon } from './ids.js';
import { applyPatch } from './section.js';
import type { Draft } from './section.js';
import { SECTIONS } from './sections/index.js';
import { check } from './validate.js';

export interface QuestionnaireOptions {
  config: ResolvedConfig;
  /** The day the preview's triage decides on, YYYY-MM-DD (--today). */
  today: string;
  /** The deal being edited (`--from`): its answers are the defaults, so Enter keeps them. */
  defaults?: Deal;
  /** The file the defaults come from, for the opening line. */
  source?: string;
  /** Colours for the preview. */
  style: Style;
  /** The ids other deal files around already use (id → files), for a warning at the id question. */
  ids?: DealIdsSoon;
}

export type QuestionnaireResult = { kind: 'done'; deal: Deal } | { kind: 'discarded' };

type NextStep = 'save' | 'change' | 'discard';

export async function runQuestionnaire(p: Prompter, options: QuestionnaireOptions): Promise<QuestionnaireResult> {
  const context = { currency: options.config.company.currency, ...(options.ids ? { ids: options.ids } : {}) };
  p.note(
    options.source === undefined
      ? [
          'A few questions about the deal; Ctrl-C stops without writing anything.',
          'Enter accepts the answer in parentheses; optional questions can be left empty.',
        ].join('\n')
      : [
          `Editing ${options.source}; Ctrl-C stops without writing anything.`,
          'Each question shows the current answer in parentheses: Enter keeps it, Backspace erases it.',
        ].join('\n'),
  );
  let draft: Draft = options.defaults ? { ...options.defaults } : {};
  for (const section of SECTIONS) draft = applyPatch(draft, await section.ask(p, draft, context));

  for (;;) {
    const deal = completeDeal(draft);
    // The preview is a triage format over the same pipeline `triage` runs after saving, so they agree.
    p.note(formatters.preview([triageDeal(deal, '(not saved yet)', options.config, { today: options.today })], { explain: false, style: options.style }));
    const step = await p.select<NextStep>({
      message: 'What now?',
      choices: [
        { value: 'save', name: 'Save the deal' },
        { value: 'change', name: 'Change an answer', description: 'Pick a part of the deal and answer its questions again.' },
        { value: 'discard', name: 'Discard the answers', description: 'Stop without writing anything.' },
      ],
      default: 'save',
    });
    if (step === 'save') return { kind: 'done', deal };
    if (step === 'change') {
      const id = await p.select({
        message: 'Which part?',
        choices: SECTIONS.map((section) => ({ value: section.id, name: section.title })),
      });
      const section = SECTIONS.find((candidate) => candidate.id === id)!;
      draft = applyPatch(draft, await section.ask(p, draft, context));
    } else if (await p.confirm(DISCARD_QUESTION)) {
      return { kind: 'discarded' };
    }
  }
}

/** The finished answers as the loader would return them: defaults applied, currency set. */
export function completeDeal(draft: Draft): Deal {
  const parsed = DealSchema.safeParse(draft);
  // Every answer was checked as it was given; a complete draft that fails is a bug in the flow.
  if (!parsed.success) throw new Error(`the answers do not make a valid deal: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  const currency = parsed.data.value.currency;
  if (currency === undefined) throw new Error('the answers do not make a valid deal: no currency');
  return { ...parsed.data, value: { ...parsed.data.value, currency } };
}

// ---------------------------------------------------------------------------------------------
// Saving

/** `target` on a failure: the file name itself is the trouble (a link, a pipe), not its folder. */
export type SaveOutcome = { kind: 'saved' } | { kind: 'exists' } | { kind: 'failed'; reason: string; target?: true };

/** The deal as the text to write, proven to read back as the same deal; or why there is none. */
export type Rendered =
  | { ok: true; text: string; /** Set when replacing the edited file would lose its comments: why. */ losesComments?: string }
  | { ok: false; reason: string };

export type SaveResult = { kind: 'saved'; file: string; deal: Deal } | { kind: 'discarded' } | { kind: 'refused'; reason: string };

export interface SaveOptions {
  deal: Deal;
  /** Where to save first, as shown to the user. */
  file: string;
  /** `--force`: replace an existing file without asking. */
  force: boolean;
  /** The folder new deals go to (`deals`), suggested after a save that failed elsewhere. */
  dealsFolder: string;
  /** The deal being edited (`--from`): its file, as shown, and its id. */
  edited?: { file: string; id: string; /** Whether `file` is that file on disk. */ isFile(file: string): Promise<boolean> };
  /** The ids of the other deal files around (id → files), to warn about a taken id. */
  ids?: DealIdsSoon;
  render(deal: Deal): Rendered;
  /** Writes `text` to `file`; without `overwrite` it must not replace an existing file. */
  save(file: string, text: string, overwrite: boolean): Promise<SaveOutcome>;
}

export const DEAL_FILE_PATTERN = /\.ya?ml$/;

const DISCARD_QUESTION = { message: 'Discard all the answers? Nothing will be written.', default: false } as const;

/**
 * Saves where the user agrees to. The file being edited is replaced after a Yes that is the
 * default (the user asked to edit it), or a No when that would lose its comments; any other
 * existing file only with `--force` or a Yes that is not the default. A No, or a file that cannot
 * be written, offers another file rather than losing the answers; an edited deal saved to another
 * file gets a new id there, so no two files hold one id unasked.
 */
export async function saveWithConsent(p: Prompter, options: SaveOptions): Promise<SaveResult> {
  let { file, deal } = options;
  let overwrite = options.force;
  const failedFolders = new Set<string>();
  for (;;) {
    const editing = options.edited !== undefined && (await options.edited.isFile(file));
    if (options.edited && !editing && deal.id === options.edited.id) {
      deal = { ...deal, id: await askNewId(p, file, options.edited, options.ids) };
    }
    const rendered = options.render(deal);
    if (!rendered.ok) return { kind: 'refused', reason: rendered.reason };

    let attempt = true;
    if (editing && !overwrite) {
      const loses = rendered.losesComments;
      attempt = await p.confirm(
        loses === undefined
          ? { message: `Replace ${file} with the changes?`, default: true }
          : { message: `Replace ${file} with the changes? Its comments will be lost (${loses}).`, default: false },
      );
      overwrite = attempt;
    } else if (editing && rendered.losesComments !== undefined) {
      p.note(`The comments of ${file} are not kept: ${rendered.losesComments}.`);
    }
    if (attempt) {
      const outcome = await options.save(file, rendered.text, overwrite);
      if (outcome.kind === 'saved') return { kind: 'saved', file, deal };
      if (outcome.kind === 'exists') {
        if (await p.confirm({ message: `${file} already exists. Replace it?`, default: false })) {
          overwrite = true;
          continue;
        }
      } else {
        p.note(`Could not save ${file}: ${outcome.reason}`);
        // A folder that refused a file is likely unwritable; one with a pipe or a link in the way is not.
        if (!outcome.target) failedFolders.add(folderOf(file));
      }
    }
    for (;;) {
      const next = await p.select<'other' | 'discard'>({
        message: 'What should happen to the answers?',
        choices: [
          { value: 'other', name: 'Save them to another file' },
          { value: 'discard', name: 'Discard them', description: 'Stop without writing anything.' },
        ],
        default: 'other',
      });
      if (next === 'other') break;
      if (await p.confirm(DISCARD_QUESTION)) return { kind: 'discarded' };
    }
    const suggestion = suggestFile(file, failedFolders, options.dealsFolder);
    file = (
      await p.input({
        message: 'Which file should the answers be saved to?',
        ...(suggestion === undefined ? {} : { default: suggestion }),
        validate: (answer) =>
          DEAL_FILE_PATTERN.test(answer.trim()) ? true : 'the file name must end in .yaml or .yml (deal-triage check reads only those)',
      })
    ).trim();
    overwrite = options.force;
  }
}

/**
 * Beside the file that was taken; after a failed save, never in a folder where one failed (it is
 * likely unwritable): the deals folder, else the working folder, else no suggestion.
 */
function suggestFile(file: string, failedFolders: ReadonlySet<string>, dealsFolder: string): string | undefined {
  if (failedFolders.size === 0) return alternativeName(file);
  const name = file.slice(file.lastIndexOf('/') + 1);
  const candidates = [`${dealsFolder}/${name}`, name];
  return candidates.find((candidate) => !failedFolders.has(folderOf(candidate)));
}

/** `deals/acme.yaml` → `deals`; `acme.yaml` → `.`. */
function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : slash === 0 ? '/' : file.slice(0, slash);
}

/** The id for an edited deal saved to another file: the edited file keeps its own. */
async function askNewId(p: Prompter, file: string, edited: { file: string; id: string }, idsSoon: DealIdsSoon | undefined): Promise<string> {
  const ids = await idsSoon;
  const id = await p.input({
    message: `Which id should the deal have in ${file}? ${edited.id} stays with ${edited.file}.`,
    default: suggestId(file, edited.id, ids),
    validate: (answer) => {
      const checked = check(DealSchema.shape.id, 'id', answer.trim());
      if (!checked.ok) return checked.message;
      return answer.trim() === edited.id ? `id must differ from the id of ${edited.file}: two files with one id read as two versions of one deal` : true;
    },
  });
  const chosen = id.trim();
  const warning = takenIdWarning(chosen, ids);
  if (warning) p.note(warning);
  return chosen;
}

/** The id the file name suggests (`deals/acme-west.yaml` → `acme-west`), else the old id numbered. */
function suggestId(file: string, id: string, ids: DealIds | undefined): string {
  const free = (candidate: string) => candidate !== id && ID_PATTERN.test(candidate) && !ids?.has(candidate);
  const fromName = slugify(file.slice(file.lastIndexOf('/') + 1).replace(DEAL_FILE_PATTERN, ''));
  if (free(fromName)) return fromName;
  for (let n = 2; ; n++) if (free(`${id}-${n}`)) return `${id}-${n}`;
}

/** `deals/acme.yaml` → `deals/acme-2.yaml` → `deals/acme-3.yaml`: a name beside the one taken. */
export function alternativeName(file: string): string {
  const match = /^(.*?)(?:-(\d+))?(\.ya?ml)$/.exec(file);
  if (!match) return `${file}.yaml`;
  const [, stem, number, extension] = match;
  return `${stem}-${number === undefined ? 2 : Number(number) + 1}${extension}`;
}
