// The pipeline pre-read (PRODUCT.md §12), pure: the deals of a folder as check loaded and decided
// them, today, and optionally the folder at an earlier revision, in; the review's sections out, as
// data every format renders (the json format prints it as it is, so its shape is versioned). The
// policy is never decided here: each deal's verdict and reasons are check's, its roles and signals
// the engine's evaluation; this module only sorts, counts and compares them.

import { dayNumber } from '../engine/dates.js';
import { decide } from '../engine/decide.js';
import { detached } from '../check/file.js';
import { briefMissing, potentialValue } from '../engine/facts.js';
import type { Verdict } from '../engine/types.js';
import { formatMoney, formatNumber } from '../engine/values.js';
import type { Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { STAGES } from '../schema/deal.js';
import type { Deal, Stage } from '../schema/deal.js';

/** The version of the review's JSON shape: raised when a key changes meaning or goes away. */
export const REVIEW_VERSION = 1;

/** Below this many closed deals on either side, the outcomes are too few to conclude from. */
export const MIN_OUTCOME_SAMPLE = 10;

export const OPEN_STAGES = STAGES.filter((stage) => stage !== 'closed-won' && stage !== 'closed-lost');
export const CHANGE_KINDS = ['new', 'removed', 'won', 'lost', 'stage', 'pushed-out', 'pulled-in', 'amount', 'verdict'] as const;
export const RISK_KINDS = ['close-date-passed', 'next-meeting-past', 'stale', 'ceo-requested-not-join', 'over-capacity'] as const;
/** What the head of sales prepares before the CEO is needed, in the order it is listed. */
export const PREPARE_ITEMS = ['follow-on', 'history', 'stakeholders', 'questions', 'objective', 'plan'] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type RiskKind = (typeof RISK_KINDS)[number];
export type PrepareItem = (typeof PREPARE_ITEMS)[number];

/**
 * What the review reads of a deal: a few fields, copied out of the file's text, so a folder of
 * 10,000 deals is not kept in memory whole while the review is built (the garbage collector's work
 * on it was the largest cost of a review).
 */
export interface ReviewFacts {
  id: string;
  name: string;
  account: string;
  stage: Stage;
  close_date?: string;
  amount: number;
  potential_value: number;
  currency: string;
  follow_on: Deal['follow_on']['potential'];
  requested: boolean;
  joined?: string;
  next_meeting?: { date: string; purpose?: string };
  /** The earliest and the latest date in the history. */
  first_event?: string;
  last_event?: string;
  brief_missing: string[];
  has_plan: boolean;
}

export function reviewFacts(deal: Deal): ReviewFacts {
  let first: string | undefined;
  let last: string | undefined;
  for (const { date } of deal.history) {
    if (first === undefined || date < first) first = date;
    if (last === undefined || date > last) last = date;
  }
  const meeting = deal.next_meeting;
  return {
    id: detached(deal.id),
    name: detached(deal.name),
    account: detached(deal.account.name),
    stage: deal.stage,
    ...(deal.close_date === undefined ? {} : { close_date: detached(deal.close_date) }),
    amount: deal.value.amount,
    potential_value: potentialValue(deal),
    currency: detached(deal.value.currency),
    follow_on: deal.follow_on.potential,
    requested: deal.ceo.requested,
    ...(deal.ceo.joined === undefined ? {} : { joined: detached(deal.ceo.joined) }),
    ...(meeting ? { next_meeting: { date: detached(meeting.date), ...(meeting.purpose === undefined ? {} : { purpose: detached(meeting.purpose) }) } } : {}),
    ...(first === undefined ? {} : { first_event: detached(first) }),
    ...(last === undefined ? {} : { last_event: detached(last) }),
    brief_missing: briefMissing(deal),
    has_plan: deal.plan !== undefined,
  };
}

/**
 * A valid deal of the working tree: check's verdict and reasons; for a join or a wait, the CEO's
 * roles and the strategic signals, from the engine's evaluation.
 */
export interface ReviewDealInput {
  file: string;
  deal: ReviewFacts;
  verdict: Verdict;
  reasons: readonly { rule: string; message: string }[];
  roles?: readonly string[];
  signals?: readonly string[];
}

/** The folder at the `--since` revision, as the I/O layer read it from git. */
export interface SinceInput {
  /** As given on the command line: a revision or a date. */
  given: string;
  /** The commit read; null when no commit is that old (then the folder did not exist yet). */
  commit: string | null;
  /** The commit's date, YYYY-MM-DD (UTC). */
  date: string | null;
  /** The valid deals at the revision whose file is not, byte for byte, a file of the working tree. */
  deals: readonly { file: string; deal: Deal }[];
  /** The working tree's files whose bytes are the revision's (same path, same content): unchanged. */
  unchanged: ReadonlySet<string>;
}

export interface ReviewInput {
  today: string;
  config: ResolvedConfig;
  deals: readonly ReviewDealInput[];
  /** Every problem check reports, folder rules included, sorted. */
  problems: readonly Problem[];
  files: number;
  since?: SinceInput;
  /** The one-on-one's cadence line, when that command gives one: printed as is under the title. */
  cadence?: string;
}

export interface DealRef {
  id: string;
  file: string;
  name: string;
}

export interface CeoDeal extends DealRef {
  rank: number;
  stage: Stage;
  close_date: string | null;
  next_meeting: { date: string; purpose: string | null } | null;
  roles: string[];
  brief_complete: boolean;
  brief_missing: string[];
  potential_value: number;
  currency: string;
  requested: boolean;
  joined: string | null;
  over_capacity: boolean;
}

export interface HorizonDeal extends DealRef {
  stage: Stage;
  close_date: string | null;
  potential_value: number;
  currency: string;
  signals: string[];
  /** The wait rules that hold the deal back, the deciding one first. */
  waiting_for: { rule: string; message: string }[];
  prepare: PrepareItem[];
  /** When the CEO will be needed: the stage the deal must reach (null: it is there), and its close date. */
  needed_at: { stage: Stage | null; close_date: string | null; days_to_close: number | null };
}

export interface ChangeItem extends DealRef {
  kind: ChangeKind;
  from: string | number | null;
  to: string | number | null;
  /** For an amount: the currency of the values. */
  currency?: string;
}

export interface RiskItem extends DealRef {
  kind: RiskKind;
  message: string;
}

export interface OutcomeRow {
  closed: number;
  won: number;
  lost: number;
  /** won ÷ (won + lost), 0 to 1; null without a closed deal. */
  win_rate: number | null;
  /** Over the deals in the company's currency. */
  median_potential_value: number | null;
  /** Days from the first history event to the close date, over the deals that have both. */
  median_cycle_days: number | null;
  cycle_sample: number;
}

export interface Outcomes {
  currency: string;
  with_ceo: OutcomeRow;
  without_ceo: OutcomeRow;
  min_sample: number;
  /** False when either side has fewer than min_sample closed deals: too few to conclude. */
  conclusive: boolean;
  /** Closed deals in another currency: counted, but not in the medians of value. */
  other_currency: number;
}

export interface FunnelCell {
  count: number;
  potential_value: number;
}

export interface FunnelStage extends FunnelCell {
  stage: Stage;
  by_verdict: Record<Verdict, FunnelCell>;
}

export interface Funnel {
  currency: string;
  stages: FunnelStage[];
  total: FunnelCell;
  /** Open deals in another currency: counted, their value not added. */
  other_currency: number;
}

export interface Review {
  version: typeof REVIEW_VERSION;
  today: string;
  cadence?: string;
  since: { given: string; commit: string | null; date: string | null } | null;
  summary: { files: number; deals: number; open: number; errors: number; warnings: number };
  ceo: { capacity: number; used: number; over: number; deals: CeoDeal[] };
  horizon: HorizonDeal[];
  /** null without --since. */
  changes: ChangeItem[] | null;
  risks: RiskItem[];
  outcomes: Outcomes;
  funnel: Funnel;
  problems: Problem[];
}

const isClosed = (stage: Stage) => stage === 'closed-won' || stage === 'closed-lost';
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ref = ({ file, deal }: { file: string; deal: { id: string; name: string } }): DealRef => ({ id: deal.id, file, name: deal.name });
/** By potential value, largest first; ties by id, then file: never by the order files were read. */
const byValue = (a: ReviewDealInput, b: ReviewDealInput) =>
  b.deal.potential_value - a.deal.potential_value || compareText(a.deal.id, b.deal.id) || compareText(a.file, b.file);

export function buildReview(input: ReviewInput): Review {
  const { config, today } = input;
  const open = input.deals.filter((entry) => !isClosed(entry.deal.stage));
  const joins = input.deals.filter((entry) => entry.verdict === 'join').sort(byValue);
  const capacity = config.policy.ceo_capacity;
  const errors = input.problems.filter((p) => p.severity === 'error').length;
  return {
    version: REVIEW_VERSION,
    today,
    ...(input.cadence === undefined ? {} : { cadence: input.cadence }),
    since: input.since ? { given: input.since.given, commit: input.since.commit, date: input.since.date } : null,
    summary: { files: input.files, deals: input.deals.length, open: open.length, errors, warnings: input.problems.length - errors },
    ceo: { capacity, used: joins.length, over: Math.max(0, joins.length - capacity), deals: joins.map((entry, i) => ceoDeal(entry, i + 1, capacity)) },
    horizon: horizon(input.deals, config, today),
    changes: input.since ? changes(input.deals, input.since, config, today) : null,
    risks: risks(open, joins, config, today),
    outcomes: outcomes(input.deals, config.company.currency),
    funnel: funnel(open, config.company.currency),
    problems: [...input.problems],
  };
}

function ceoDeal(entry: ReviewDealInput, rank: number, capacity: number): CeoDeal {
  const { deal } = entry;
  const missing = deal.brief_missing;
  return {
    ...ref(entry),
    rank,
    stage: deal.stage,
    close_date: deal.close_date ?? null,
    next_meeting: deal.next_meeting ? { date: deal.next_meeting.date, purpose: deal.next_meeting.purpose ?? null } : null,
    roles: [...(entry.roles ?? [])],
    brief_complete: missing.length === 0,
    brief_missing: [...missing],
    potential_value: deal.potential_value,
    currency: deal.currency,
    requested: deal.requested,
    joined: deal.joined ?? null,
    over_capacity: rank > capacity,
  };
}

/**
 * Strategic deals that wait: no decline rule fired (so they have the signals the policy asks for),
 * and a wait rule did. Soonest to close first: that is the order the CEO will be needed in.
 */
function horizon(deals: readonly ReviewDealInput[], config: ResolvedConfig, today: string): HorizonDeal[] {
  const joinStages = config.policy.join_stages;
  const waits = deals.filter((entry) => entry.verdict === 'wait');
  const items = waits.map((entry): HorizonDeal => {
    const { deal } = entry;
    const at = STAGES.indexOf(deal.stage);
    // The first stage the CEO comes in at, from where the deal is: null when it is at one already.
    const stage = joinStages.includes(deal.stage) ? null : (STAGES.find((s, i) => i > at && joinStages.includes(s)) ?? joinStages[0] ?? null);
    const missing = new Set<string>(deal.brief_missing);
    if (!deal.has_plan) missing.add('plan');
    if (deal.follow_on === 'unknown') missing.add('follow-on');
    return {
      ...ref(entry),
      stage: deal.stage,
      close_date: deal.close_date ?? null,
      potential_value: deal.potential_value,
      currency: deal.currency,
      signals: [...(entry.signals ?? [])],
      waiting_for: entry.reasons.map(({ rule, message }) => ({ rule, message })),
      prepare: PREPARE_ITEMS.filter((item) => missing.has(item)),
      needed_at: {
        stage,
        close_date: deal.close_date ?? null,
        days_to_close: deal.close_date === undefined ? null : dayNumber(deal.close_date) - dayNumber(today),
      },
    };
  });
  return items.sort(
    (a, b) =>
      (a.close_date === null ? 1 : 0) - (b.close_date === null ? 1 : 0) ||
      compareText(a.close_date ?? '', b.close_date ?? '') ||
      b.potential_value - a.potential_value ||
      compareText(a.id, b.id) ||
      compareText(a.file, b.file),
  );
}

/**
 * What changed since the revision, matched by id (a renamed file is the same deal). A file whose
 * bytes are the revision's is unchanged without being compared. Each deal's changes in the order of
 * CHANGE_KINDS; deals by id, then file.
 */
function changes(deals: readonly ReviewDealInput[], since: SinceInput, config: ResolvedConfig, today: string): ChangeItem[] {
  const before = new Map<string, { file: string; deal: Deal }>();
  for (const entry of [...since.deals].sort((a, b) => compareText(a.file, b.file))) if (!before.has(entry.deal.id)) before.set(entry.deal.id, entry);
  const items: ChangeItem[] = [];
  const ids = new Set<string>();
  for (const entry of deals) {
    ids.add(entry.deal.id);
    if (since.unchanged.has(entry.file)) continue;
    const old = before.get(entry.deal.id);
    if (!old) {
      items.push({ ...ref(entry), kind: 'new', from: null, to: entry.deal.stage });
      continue;
    }
    items.push(...dealChanges(old.deal, entry, config, today));
  }
  for (const old of before.values()) {
    if (!ids.has(old.deal.id)) items.push({ ...ref(old), kind: 'removed', from: old.deal.stage, to: null });
  }
  const order = (kind: ChangeKind) => CHANGE_KINDS.indexOf(kind);
  return items.sort((a, b) => compareText(a.id, b.id) || compareText(a.file, b.file) || order(a.kind) - order(b.kind));
}

function dealChanges(oldDeal: Deal, now: ReviewDealInput, config: ResolvedConfig, today: string): ChangeItem[] {
  const { deal } = now;
  const old = reviewFacts(oldDeal);
  const base = ref(now);
  const items: ChangeItem[] = [];
  if (old.stage !== deal.stage) {
    const kind: ChangeKind = deal.stage === 'closed-won' ? 'won' : deal.stage === 'closed-lost' ? 'lost' : 'stage';
    items.push({ ...base, kind, from: old.stage, to: deal.stage });
  }
  if (old.close_date !== deal.close_date && old.close_date !== undefined && deal.close_date !== undefined) {
    items.push({ ...base, kind: deal.close_date > old.close_date ? 'pushed-out' : 'pulled-in', from: old.close_date, to: deal.close_date });
  }
  const [was, is] = [old.potential_value, deal.potential_value];
  if (was !== is || old.amount !== deal.amount || old.currency !== deal.currency) {
    // The potential value when it moved; else the contract value (a follow-on traded for a larger sale).
    const [from, to] = was !== is ? [was, is] : [old.amount, deal.amount];
    items.push({ ...base, kind: 'amount', from, to, currency: deal.currency });
  }
  // A closed deal's verdict is decline by nature: won or lost says it.
  if (!isClosed(deal.stage)) {
    const before = decide(oldDeal, config, { today, reasons: false }).verdict;
    if (before !== now.verdict) items.push({ ...base, kind: 'verdict', from: before, to: now.verdict });
  }
  return items;
}

function risks(open: readonly ReviewDealInput[], joins: readonly ReviewDealInput[], config: ResolvedConfig, today: string): RiskItem[] {
  const items: RiskItem[] = [];
  const days = (from: string) => dayNumber(today) - dayNumber(from);
  const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
  for (const entry of [...open].sort(byValue)) {
    const { deal } = entry;
    const base = ref(entry);
    if (deal.close_date !== undefined && deal.close_date < today) {
      items.push({
        ...base,
        kind: 'close-date-passed',
        message: `The close date, ${deal.close_date}, passed ${plural(days(deal.close_date), 'day')} ago and the deal is still open at ${deal.stage}: set a new close date, or close it as won or lost.`,
      });
    }
    if (entry.verdict === 'join') {
      const meeting = deal.next_meeting?.date;
      if (meeting === undefined) {
        items.push({ ...base, kind: 'next-meeting-past', message: `The CEO joins this deal, but no next meeting is set: agree one with ${deal.account}.` });
      } else if (meeting < today) {
        items.push({
          ...base,
          kind: 'next-meeting-past',
          message: `The CEO joins this deal, but its next meeting, ${meeting}, was ${plural(days(meeting), 'day')} ago: agree the next one with ${deal.account}.`,
        });
      }
    }
    const last = deal.last_event;
    // A deal without any history is stale only where the brief matters (the CEO's deals and the
    // horizon): a pipeline of imported deals has many, and listing them all would hide the rest.
    if (last === undefined) {
      if (entry.verdict !== 'decline') items.push({ ...base, kind: 'stale', message: 'Its history records no event: write down what happened last, or close the deal.' });
    } else if (days(last) > config.policy.stale_days) {
      items.push({
        ...base,
        kind: 'stale',
        message: `No event for ${plural(days(last), 'day')} (the last on ${last}; stale after ${config.policy.stale_days}, policy.stale_days): is the deal still moving?`,
      });
    }
    if (deal.requested && entry.verdict !== 'join') {
      const reason = entry.reasons[0];
      items.push({
        ...base,
        kind: 'ceo-requested-not-join',
        message: `The CEO is requested, but the policy says ${entry.verdict === 'wait' ? 'to wait' : 'no'}.${reason ? ` ${reason.message} (rule ${reason.rule})` : ''}`,
      });
    }
  }
  const capacity = config.policy.ceo_capacity;
  joins.slice(capacity).forEach((entry, i) => {
    items.push({
      ...ref(entry),
      kind: 'over-capacity',
      message: `It ranks ${capacity + i + 1} of ${joins.length} deals the CEO should join, by potential value (${formatMoney(entry.deal.potential_value, entry.deal.currency)}), and the CEO can carry ${capacity} (policy.ceo_capacity): choose which deals wait.`,
    });
  });
  // Kind by kind; within a kind, as ranked above (largest potential value first).
  const order = (kind: RiskKind) => RISK_KINDS.indexOf(kind);
  return items.map((item, i) => ({ item, i })).sort((a, b) => order(a.item.kind) - order(b.item.kind) || a.i - b.i).map(({ item }) => item);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 100) / 100;
}

function outcomeRow(deals: readonly ReviewFacts[], currency: string): OutcomeRow {
  const won = deals.filter((deal) => deal.stage === 'closed-won').length;
  const lost = deals.length - won;
  const cycles: number[] = [];
  for (const deal of deals) {
    if (deal.first_event !== undefined && deal.close_date !== undefined) cycles.push(dayNumber(deal.close_date) - dayNumber(deal.first_event));
  }
  return {
    closed: deals.length,
    won,
    lost,
    win_rate: deals.length === 0 ? null : Math.round((won / deals.length) * 10_000) / 10_000,
    median_potential_value: median(deals.filter((deal) => deal.currency === currency).map((deal) => deal.potential_value)),
    median_cycle_days: median(cycles),
    cycle_sample: cycles.length,
  };
}

function outcomes(deals: readonly ReviewDealInput[], currency: string): Outcomes {
  const closed = deals.filter((entry) => isClosed(entry.deal.stage)).map((entry) => entry.deal);
  const withCeo = outcomeRow(closed.filter((deal) => deal.joined !== undefined), currency);
  const withoutCeo = outcomeRow(closed.filter((deal) => deal.joined === undefined), currency);
  return {
    currency,
    with_ceo: withCeo,
    without_ceo: withoutCeo,
    min_sample: MIN_OUTCOME_SAMPLE,
    conclusive: withCeo.closed >= MIN_OUTCOME_SAMPLE && withoutCeo.closed >= MIN_OUTCOME_SAMPLE,
    other_currency: closed.filter((deal) => deal.currency !== currency).length,
  };
}

function funnel(open: readonly ReviewDealInput[], currency: string): Funnel {
  const cell = (): FunnelCell => ({ count: 0, potential_value: 0 });
  const stages = new Map<Stage, FunnelStage>(
    OPEN_STAGES.map((stage) => [stage, { stage, ...cell(), by_verdict: { join: cell(), wait: cell(), decline: cell() } }]),
  );
  const total = cell();
  let other = 0;
  const add = (target: FunnelCell, value: number) => {
    target.count += 1;
    target.potential_value = Math.round((target.potential_value + value) * 100) / 100;
  };
  for (const entry of open) {
    const row = stages.get(entry.deal.stage)!;
    const value = entry.deal.currency === currency ? entry.deal.potential_value : 0;
    if (entry.deal.currency !== currency) other += 1;
    add(row, value);
    add(row.by_verdict[entry.verdict], value);
    add(total, value);
  }
  return { currency, stages: [...stages.values()], total, other_currency: other };
}
