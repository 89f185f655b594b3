// The review's words, shared by every format: section titles, what each change and risk kind is
// called, what the head of sales prepares. Typed values come in; only here do they become text.

import { relativeDate, formatMoney, formatNumber } from '../../engine/values.js';
import type { ChangeItem, ChangeKind, FunnelCell, OutcomeRow, Outcomes, PrepareItem, Review, RiskKind } from '../model.js';

/** How many items of a long list (changes, risks, the horizon) a page shows; the json format has them all. */
export const LIST_LIMIT = 25;

export const TITLES = {
  ceo: "The CEO's deals now",
  horizon: 'On the horizon',
  changes: 'What changed',
  risks: 'Risks',
  outcomes: "What the CEO's time returns",
  funnel: 'The funnel',
  problems: 'Problems',
} as const;

export const CHANGE_WORDS: Readonly<Record<ChangeKind, string>> = {
  new: 'new',
  removed: 'removed',
  won: 'won',
  lost: 'lost',
  stage: 'stage moved',
  'pushed-out': 'close date pushed out',
  'pulled-in': 'close date pulled in',
  amount: 'amount changed',
  verdict: 'verdict changed',
};

export const RISK_WORDS: Readonly<Record<RiskKind, string>> = {
  'close-date-passed': 'close date passed',
  'next-meeting-past': 'no meeting ahead',
  stale: 'stale',
  'ceo-requested-not-join': 'CEO requested, policy disagrees',
  'over-capacity': 'over capacity',
};

export const PREPARE_WORDS: Readonly<Record<PrepareItem, string>> = {
  'follow-on': 'assess the follow-on potential',
  history: 'the history with the customer',
  stakeholders: 'the stakeholders',
  questions: 'the questions to expect',
  objective: "the CEO's objective",
  plan: 'the plan',
};

export function titleLine(review: Review): string {
  const since = review.since ? ` · changes ${sinceText(review)}` : '';
  return `Pipeline review for ${review.today}${since}`;
}

export function sinceText(review: Review): string {
  const since = review.since;
  if (!since) return '';
  if (since.commit === null) return `since ${since.given} (no commit that old: every deal is new)`;
  const short = since.commit.slice(0, 12);
  // A date reads the last commit before it; a revision names its commit.
  return since.given === since.date || /^\d{4}-\d{2}-\d{2}$/.test(since.given)
    ? `since ${since.given} (the last commit before it: ${short}, ${since.date})`
    : `since ${since.given} (commit ${short}, ${since.date})`;
}

export function ceoHeadline(review: Review): string {
  const { capacity, used, over } = review.ceo;
  if (used === 0) return `none of ${capacity}: no deal needs the CEO now`;
  return over > 0 ? `${used} for a capacity of ${capacity}: ${over} over capacity` : `${used} of ${capacity}`;
}

export const money = (value: number | null, currency: string): string => (value === null ? '—' : formatMoney(value, currency));
export const dateText = (date: string | null, today: string): string => (date === null ? 'not set' : relativeDate(date, today));
export const percent = (rate: number | null): string => (rate === null ? '—' : `${formatNumber(rate * 100, 0)}%`);
export const daysText = (days: number | null): string => (days === null ? '—' : `${formatNumber(days, 1)} days`);
export const plural = (n: number, word: string): string => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/** When the CEO will be needed: "at proposal, by 2027-01-15 (in 45 days)". */
export function neededText(item: Review['horizon'][number], today: string): string {
  const stage = item.needed_at.stage === null ? `now, at ${item.stage}, once ready` : `at ${item.needed_at.stage}`;
  return item.needed_at.close_date === null ? `${stage} (no close date set)` : `${stage}, to close ${relativeDate(item.needed_at.close_date, today)}`;
}

export function prepareText(items: readonly PrepareItem[]): string {
  return items.length === 0 ? 'the brief and plan are ready' : items.map((item) => PREPARE_WORDS[item]).join(', ');
}

export function changeValue(item: ChangeItem, side: 'from' | 'to'): string {
  const value = item[side];
  if (value === null) return '—';
  if (typeof value === 'number') return formatMoney(value, item.currency ?? 'USD');
  return value;
}

export function outcomeCells(row: OutcomeRow, currency: string): string[] {
  return [formatNumber(row.closed), formatNumber(row.won), formatNumber(row.lost), percent(row.win_rate), money(row.median_potential_value, currency), daysText(row.median_cycle_days)];
}

export const OUTCOME_HEADERS = ['closed', 'won', 'lost', 'win rate', 'median potential', 'median cycle'];

/** The notes under the outcomes: the small-sample caution first, when it applies. */
export function outcomeCaution(outcomes: Outcomes): string[] {
  const notes: string[] = [];
  if (!outcomes.conclusive) {
    notes.push(
      `Too few closed deals to conclude: ${formatNumber(outcomes.with_ceo.closed)} with the CEO and ${formatNumber(outcomes.without_ceo.closed)} without; ` +
        `${outcomes.min_sample} on each side are needed before the difference means much.`,
    );
  }
  if (outcomes.other_currency > 0) notes.push(`${plural(outcomes.other_currency, 'closed deal')} in another currency than ${outcomes.currency} count in the win rates, not in the median values.`);
  notes.push('Cycle: days from the first history event to the close date. With the CEO: deals whose file sets ceo.joined.');
  return notes;
}

export function funnelCellText(cell: FunnelCell, currency: string): string {
  return `${plural(cell.count, 'deal')}, ${formatMoney(cell.potential_value, currency)}`;
}

export function moreText(more: number): string {
  return `… and ${formatNumber(more)} more (the json format lists every one)`;
}
