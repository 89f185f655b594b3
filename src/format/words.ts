// Every word the triage formats show around a briefing: verdict labels and headlines, section
// titles, the at-a-glance rows, the notes. One table for text, markdown and the preview, so they
// cannot drift apart. Money, numbers and ratios read as they do in rule messages: the one
// implementation is the engine's (engine/values.ts), which renders those messages.

import type { BriefingAsk, BriefingNote, Glance, SectionId } from '../briefing/briefing.js';
import type { Change, Verdict } from '../engine/types.js';
import { formatMoney, formatNumber, formatRatio } from '../engine/values.js';

export const VERDICT_WORDS: Readonly<Record<Verdict, { label: string; word: string; headline: string }>> = {
  join: { label: 'JOIN', word: 'Join', headline: 'The CEO should join this deal.' },
  wait: { label: 'WAIT', word: 'Wait', headline: 'Not yet: the CEO should not join this deal yet.' },
  decline: { label: 'DECLINE', word: 'Decline', headline: 'The CEO should not join this deal.' },
};

export const SECTION_TITLES = {
  override: "The CEO's override",
  signals: 'Why: the strategic signals',
  roles: "The CEO's role",
  glance: 'At a glance',
  objective: 'Objective',
  history: 'History with the customer',
  stakeholders: 'Stakeholders',
  issues: 'Open issues',
  questions: 'Questions to expect',
  asks: 'Asks and our position',
  plan: 'Plan',
  next_meeting: 'Next meeting',
  why_not_yet: 'Why not yet',
  must_happen_first: 'What must happen before the CEO joins',
  strategic_signals: 'Why it is strategic',
  why_declined: 'Why',
  would_change: 'What it would take for the CEO to join',
  notes: 'Note',
} as const satisfies Record<SectionId, string>;

/**
 * The override's line, "Overridden: join (the policy says decline) — reason. By Alex Kim, until
 * 2026-12-31.", with the deal's text passed through `text` (each format's escaping).
 */
export function overrideLine(override: { verdict: Verdict; reason: string; by: string; until: string }, policyVerdict: Verdict, text: (value: string) => string): string {
  const policy = override.verdict === policyVerdict ? `the policy says ${policyVerdict} too` : `the policy says ${policyVerdict}`;
  return `Overridden: ${override.verdict} (${policy}) — ${text(override.reason)}. By ${text(override.by)}, until ${override.until}.`;
}

/** What the policy's reasons are titled under an override. */
export const POLICY_REASONS_TITLE: Readonly<Record<Verdict, string>> = {
  join: "The policy's strategic signals:",
  wait: 'Why the policy says wait:',
  decline: 'Why the policy says decline:',
};

/** Not a briefing section: `--explain` adds it after them. */
export const EXPLANATION_TITLE = 'Explanation: every rule, in order';

/** The at-a-glance rows, in order, as label and value (deal text unsanitised: the formatter's job). */
export function glanceRows(g: Glance): { label: string; value: string }[] {
  const money = (amount: number) => formatMoney(amount, g.value.currency);
  const rows: { label: string; value: string }[] = [];
  const account = [g.account.name];
  if (g.account.industry) account.push(g.account.industry);
  if (g.account.employees !== undefined) account.push(`${formatNumber(g.account.employees)} employees`);
  if (g.account.annual_revenue !== undefined) account.push(`${money(g.account.annual_revenue)} annual revenue`);
  if (g.size_ratio !== null) account.push(`${formatRatio(g.size_ratio)} our size`);
  rows.push({ label: 'Account', value: account.join(' · ') });
  rows.push({ label: 'Owner', value: g.owner });
  rows.push({ label: 'Type', value: g.type });
  rows.push({ label: 'Stage', value: g.close_date ? `${g.stage}, closing ${g.close_date}` : g.stage });
  const term = g.value.term_months !== undefined ? ` over ${g.value.term_months} months` : '';
  rows.push({ label: 'Value', value: `${money(g.value.amount)}${term}` });
  const followOn: string[] = [g.follow_on.potential];
  if (g.follow_on.value !== undefined) followOn.push(money(g.follow_on.value));
  if (g.follow_on.notes) followOn.push(g.follow_on.notes);
  rows.push({ label: 'Follow-on', value: followOn.join(' · ') });
  rows.push({ label: 'Potential', value: money(g.potential_value) });
  if (g.competition) {
    const threat = g.competition.threat ? `${g.competition.threat} threat` : 'threat not rated';
    const names = g.competition.competitors.length > 0 ? ` · ${g.competition.competitors.join(', ')}` : '';
    rows.push({ label: 'Competition', value: `${threat}${names}` });
  }
  const work = g.custom_work;
  if (work.days > 0) {
    const days = `${formatNumber(work.days)} days, ${formatNumber(work.compensated_days)} paid, ${formatNumber(work.uncompensated_days)} unpaid`;
    rows.push({ label: 'Custom work', value: work.description ? `${days} · ${work.description}` : days });
  }
  if (g.strategic_logo) rows.push({ label: 'Strategic logo', value: 'yes' });
  if (g.ceo_requested) rows.push({ label: 'CEO requested', value: 'yes' });
  if (g.ceo_joined !== undefined) rows.push({ label: 'CEO joined', value: g.ceo_joined });
  if (g.crm) rows.push({ label: 'CRM record', value: `${g.crm.source} ${g.crm.id}` });
  return rows;
}

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * The line before the strategic signals within reach, under a change that counts them; undefined
 * when there is no list to show.
 */
export function signalOptionsIntro(signals: NonNullable<Change['signals']>): string | undefined {
  const { need, options } = signals;
  if (need <= 0 || options.length === 0) return undefined;
  if (options.length < need) return 'Even all of these would not be enough:';
  return `Any ${SMALL_NUMBERS[need] ?? formatNumber(need)} of these would do:`;
}

export function nextMeetingText(meeting: { date: string; purpose?: string }): string {
  return meeting.purpose ? `${meeting.date}: ${meeting.purpose}` : meeting.date;
}

export function noteText(note: BriefingNote): string {
  switch (note.id) {
    case 'currency_differs':
      return `The deal is in ${note.deal_currency} and the company reports in ${note.company_currency}: the policy's thresholds are compared without conversion, and revenues are not compared for the size ratio.`;
  }
}

/**
 * An ask's position in words, the same in every format and in the questionnaire: what we answer
 * ("we agree", "we agree only in exchange for: …", "the CEO says no"), and, apart so a terminal can colour it,
 * whether only the CEO can grant it. Deal text unsanitised: the formatter's job.
 */
export function askPosition(ask: Pick<BriefingAsk, 'position' | 'exception' | 'in_exchange'>): { answer: string; exception?: string } {
  const answer =
    ask.position === 'yes'
      ? 'we agree'
      : ask.position === 'no'
        ? 'the CEO says no'
        : ask.in_exchange
          ? `we agree only in exchange for: ${ask.in_exchange}`
          : 'we trade it; what we want in exchange is not named yet';
  return ask.exception ? { answer, exception: ASK_EXCEPTION } : { answer };
}

export const ASK_EXCEPTION = 'only the CEO can grant this exception';

/** The label of our suggested response under an open issue. */
export const ISSUE_RESPONSE = 'Our response';

/** How a stakeholder marked `counterpart: true` is labelled (listed first). */
export const COUNTERPART = "the CEO's counterpart";
