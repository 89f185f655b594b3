// A deal as the text of its file, pure: keys in the order of PRODUCT.md §3, a short header, and
// nothing a reader has to skip — a list or a mapping that holds only defaults is left out (no
// `asks: []`, no `custom_work` without custom work, no `ceo` the deal does not ask for), while a
// single answer such as `type: new` or `strategic_logo: false` is written. Loading the text gives
// back the same deal. No timestamp: the same deal always gives the same bytes.

import { Document, isSeq } from 'yaml';
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

function competition(value: Deal['competition']): Data | undefined {
  if (value === undefined) return undefined;
  const competitors = value.competitors?.length ? value.competitors : undefined;
  const out = ordered({ threat: value.threat, competitors }, keysOf(CompetitionSchema));
  return Object.keys(out).length > 0 ? out : undefined;
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
  // lineWidth 0: never fold a long answer over several lines; each stays on its line, greppable.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
