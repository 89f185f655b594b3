// The questionnaire from first question to saved file, pure apart from the Prompter: every section
// in order, then the verdict for the answers, with the chance to change any section before saving,
// then saving without ever replacing a file the user has not agreed to replace. Writing the file
// is the caller's (an injected `save`), so the whole conversation is testable with scripted answers.

import type { Style } from '../format/style.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { DealSchema } from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';
import { previewText } from './preview.js';
import type { Prompter } from './prompter.js';
import { applyPatch, SECTIONS } from './questions.js';
import type { Draft } from './questions.js';

export interface QuestionnaireOptions {
  config: ResolvedConfig;
  /** The deal being edited (`--from`): its answers are the defaults, so Enter keeps them. */
  defaults?: Deal;
  /** The file the defaults come from, for the opening line. */
  source?: string;
  /** Colours for the preview. */
  style: Style;
}

export type QuestionnaireResult = { kind: 'done'; deal: Deal } | { kind: 'discarded' };

type NextStep = 'save' | 'change' | 'discard';

export async function runQuestionnaire(p: Prompter, options: QuestionnaireOptions): Promise<QuestionnaireResult> {
  const context = { currency: options.config.company.currency };
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
    p.note(previewText(deal, options.config, options.style));
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
    } else if (await p.confirm({ message: 'Discard all the answers? Nothing will be written.', default: false })) {
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

export type SaveOutcome = { kind: 'saved' } | { kind: 'exists' } | { kind: 'failed'; reason: string };

export interface SaveOptions {
  /** Where to save first, as shown to the user. */
  file: string;
  /** `--force`: replace an existing file without asking. */
  force: boolean;
  /** Writes the deal to `file`; without `overwrite` it must not replace an existing file. */
  save(file: string, overwrite: boolean): Promise<SaveOutcome>;
}

export const DEAL_FILE_PATTERN = /\.ya?ml$/;

/**
 * Saves where the user agrees to: an existing file is replaced only with `--force` or a Yes; a No,
 * or a file that cannot be written, offers another file name rather than losing the answers.
 * Returns the file saved, or undefined when the user chose to discard the answers.
 */
export async function saveWithConsent(p: Prompter, options: SaveOptions): Promise<string | undefined> {
  let file = options.file;
  let overwrite = options.force;
  for (;;) {
    const outcome = await options.save(file, overwrite);
    if (outcome.kind === 'saved') return file;
    if (outcome.kind === 'exists') {
      if (await p.confirm({ message: `${file} already exists. Replace it?`, default: false })) {
        overwrite = true;
        continue;
      }
    } else {
      p.note(`Could not save ${file}: ${outcome.reason}`);
    }
    const next = await p.select<'other' | 'discard'>({
      message: 'What should happen to the answers?',
      choices: [
        { value: 'other', name: 'Save them to another file' },
        { value: 'discard', name: 'Discard them', description: 'Stop without writing anything.' },
      ],
      default: 'other',
    });
    if (next === 'discard') return undefined;
    file = await p.input({
      message: 'File to save to',
      default: alternativeName(file),
      validate: (answer) =>
        DEAL_FILE_PATTERN.test(answer.trim()) ? true : 'the file name must end in .yaml or .yml (deal-triage check reads only those)',
    });
    file = file.trim();
    overwrite = options.force;
  }
}

/** `deals/acme.yaml` → `deals/acme-2.yaml` → `deals/acme-3.yaml`: a name beside the one taken. */
export function alternativeName(file: string): string {
  const match = /^(.*?)(?:-(\d+))?(\.ya?ml)$/.exec(file);
  if (!match) return `${file}.yaml`;
  const [, stem, number, extension] = match;
  return `${stem}-${number === undefined ? 2 : Number(number) + 1}${extension}`;
}
