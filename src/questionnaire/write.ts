// A deal as the text of its file, pure: keys in the order of PRODUCT.md §3, a short header, and
// nothing a reader has to skip — a list or a mapping that holds only defaults is left out (no
// `asks: []`, no `custom_work` without custom work, no `ceo` the deal does not ask for), while a
// single answer such as `type: new` or `strategic_logo: false` is written. Loading the text gives
// back the same deal (`roundTripProblem` proves it for a given text before `new` writes it). No
// timestamp: the same deal always gives the same bytes.

import { Document, isSeq, visit } from 'yaml';
import type { Node } from 'yaml';
import { parseDealBytes } from '../load/deal.js';
import {
  AccountSchema,
  AskSchema,
  CompetitionSchema,
  CustomWorkSchema,
  DEAL_KEYS,
  FollowOnSchema,
  HistoryEntrySchema,
  NextMeetingSchema,
  QuestionSchema,
  StakeholderSchema,
  ValueSchema,
} from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';

export const HEADER = [
  ' A deal for deal-triage, written by `deal-triage new`.',
  ' Edit it here, or answer the questions again: deal-triage new --from <this file>',
  ' See the verdict: deal-triage triage <this file>',
].join('\n');

type Data = Record<string, unknown>;

/** The keys of `value` in the order its schema lists them, without the absent ones. */
function ordered(value: object, keys: readonly string[]): Data {
  const source = value as Data;
  const out: Data = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);

/** The deal as plain data in file order, defaults-only sections left out. */
export function dealData(deal: Deal): Data {
  const sections: Data = {
    ...deal,
    account: ordered(deal.account, keysOf(AccountSchema)),
    value: ordered(deal.value, keysOf(ValueSchema)),
    follow_on: ordered(deal.follow_on, keysOf(FollowOnSchema)),
    competition: competition(deal.competition),
    custom_work: isDefaultCustomWork(deal.custom_work) ? undefined : ordered(deal.custom_work, keysOf(CustomWorkSchema)),
    asks: list(deal.asks.map((ask) => ordered(ask, keysOf(AskSchema)))),
    stakeholders: list(deal.stakeholders.map((person) => ordered(person, keysOf(StakeholderSchema)))),
    history: list(deal.history.map((entry) => ordered(entry, keysOf(HistoryEntrySchema)))),
    issues: list(deal.issues),
    questions: list(deal.questions.map((question) => ordered(question, keysOf(QuestionSchema)))),
    next_meeting: deal.next_meeting && ordered(deal.next_meeting, keysOf(NextMeetingSchema)),
    ceo: deal.ceo.requested ? { requested: true } : undefined,
  };
  return ordered(sections, DEAL_KEYS);
}

function list<T>(items: readonly T[]): T[] | undefined {
  return items.length > 0 ? [...items] : undefined;
}

/**
 * Written as the deal has it, even empty (`competition: {}`, `competitors: []`): unlike the lists
 * with defaults, an absent competition loads as absent, so leaving an empty one out would change
 * the deal. The questionnaire itself never gives an empty one.
 */
function competition(value: Deal['competition']): Data | undefined {
  return value === undefined ? undefined : ordered(value, keysOf(CompetitionSchema));
}

function isDefaultCustomWork(work: Deal['custom_work']): boolean {
  return work.days === 0 && work.compensated_days === 0 && work.description === undefined;
}

export function dealToYaml(deal: Deal): string {
  // No anchors and aliases even if two entries are the same object: a file for people to read.
  const doc = new Document(dealData(deal), { aliasDuplicateObjects: false });
  doc.commentBefore = HEADER;
  // A short list of names reads best on one line, as in the README: `competitors: [Globex]`.
  const competitors = doc.getIn(['competition', 'competitors'], true);
  if (isSeq(competitors)) competitors.flow = true;
  blockWhereMultiline(doc);
  return doc.toString(STRINGIFY_OPTIONS);
}

/**
 * How every deal text is written. lineWidth 0: never fold a long answer, each stays on its line,
 * greppable. A double-quoted answer stays on one line too, with `\n` escapes: the `yaml` package
 * (2.9) folds a long one over several lines and then writes a line holding one space as `\\ `,
 * which reads back as a backslash.
 */
export const STRINGIFY_OPTIONS = { lineWidth: 0, flowCollectionPadding: false, doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY } as const;

/**
 * Turns every flow collection (`[a, b]`, `{a: b}`) that holds text spanning lines into a block one.
 * The `yaml` package writes such text inside `[…]` as a plain scalar over several lines, and a
 * competitor `"?\nx"` then reads back as a mapping; in a block list it is quoted or a block scalar.
 */
export function blockWhereMultiline(doc: Document): void {
  visit(doc, {
    Collection(_key, node) {
      if (node.flow && holdsMultiline(node)) {
        visit(node, { Collection: (_k, inner) => void (inner.flow = false) });
        return visit.SKIP;
      }
      return undefined;
    },
  });
}

function holdsMultiline(node: Node): boolean {
  let found = false;
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && /[\n\r\u0085\u2028\u2029]/.test(scalar.value)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Why `text`, saved as UTF-8 and loaded the way every command loads a deal file (with the config's
 * currency as the default), would not be `deal`; undefined when it is exactly `deal`. `new` writes
 * nothing this does not accept.
 */
export function roundTripProblem(deal: Deal, text: string, defaultCurrency: string): string | undefined {
  const loaded = parseDealBytes(new TextEncoder().encode(text), 'deal.yaml', { defaultCurrency });
  if (!loaded.ok) {
    const first = loaded.problems[0];
    return `the text for it does not load as a deal${first ? ` (line ${first.line}: ${first.message})` : ''}`;
  }
  const at = firstDifference(loaded.value, deal, '');
  return at === undefined ? undefined : `${at === '' ? 'the deal' : at} would read back differently`;
}

/** The path of the first place two pieces of plain data differ (absent and undefined are the same). */
export function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path;
    for (let i = 0; i < a.length; i++) {
      const at = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const at = firstDifference(a[key], b[key], path === '' ? key : `${path}.${key}`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  return path;
}

export function isPlainObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
