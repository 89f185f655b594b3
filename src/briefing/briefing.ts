// The briefing's content (PRODUCT.md §7) as data: which sections a verdict's briefing has, in order,
// by id, and the deal's figures as typed values (numbers, ISO dates, enums, the currency code). It
// holds no English and formats no number: the formatters alone turn it into words
// (src/format/words.ts). The verdict, reasons, roles and changes are the evaluation's, not copied.
// Keys are snake_case, as in the deal file: `triage --format json` prints a briefing as it is.

import type { Company } from '../engine/facts.js';
import { potentialValue, sizeRatio, uncompensatedDays } from '../engine/facts.js';
import type { Evaluation, Verdict } from '../engine/types.js';
import type { Deal } from '../schema/deal.js';

/**
 * A briefing's sections. `signals`, `why_not_yet` and `why_declined` show the evaluation's
 * reasons, `strategic_signals` its signals (a wait's: why the deal will be worth the CEO's time),
 * `roles` its roles, `must_happen_first` and `would_change` its changes; every other section shows
 * the briefing's field of the same name. `override` shows the CEO's override in force and the
 * policy's own verdict and reasons beside it.
 */
export const SECTION_IDS = [
  'override',
  'signals',
  'roles',
  'glance',
  'objective',
  'history',
  'stakeholders',
  'issues',
  'questions',
  'asks',
  'plan',
  'next_meeting',
  'why_not_yet',
  'must_happen_first',
  'strategic_signals',
  'why_declined',
  'would_change',
  'notes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** What each verdict's briefing shows, in order: the full brief for a join, why not for the others. */
export const SECTIONS: Readonly<Record<Verdict, readonly SectionId[]>> = {
  join: ['signals', 'roles', 'glance', 'objective', 'history', 'stakeholders', 'issues', 'questions', 'asks', 'plan', 'next_meeting', 'notes'],
  wait: ['why_not_yet', 'must_happen_first', 'strategic_signals', 'notes'],
  decline: ['why_declined', 'would_change', 'notes'],
};

/** The deal at a glance: amounts in `value.currency`, dates `YYYY-MM-DD`. */
export interface Glance {
  account: { name: string; industry?: string; employees?: number; annual_revenue?: number };
  /** The prospect's size against the company's (the `size_ratio` fact); null when it cannot be told. */
  size_ratio: number | null;
  owner: string;
  type: Deal['type'];
  stage: Deal['stage'];
  close_date?: string;
  value: { amount: number; currency: string; term_months?: number };
  follow_on: { potential: Deal['follow_on']['potential']; value?: number; notes?: string };
  /** `value.amount` + `follow_on.value`, exact to the cent. */
  potential_value: number;
  competition?: { threat?: NonNullable<Deal['competition']>['threat']; competitors: string[] };
  custom_work: { days: number; compensated_days: number; uncompensated_days: number; description?: string };
  strategic_logo: boolean;
  ceo_requested: boolean;
  /** When the CEO joined the deal, if the deal file says so. */
  ceo_joined?: string;
  /** The CRM record the deal was imported from, for finding it there. */
  crm?: { source: string; id: string };
}

export interface BriefingAsk {
  request: string;
  position: 'yes' | 'trade' | 'no';
  /** For a trade: what we want in exchange. */
  in_exchange?: string;
  rationale?: string;
  exception: boolean;
}

/** A caveat on the figures, as data; the formatters word it. */
export interface BriefingNote { id: 'currency_differs'; deal_currency: string; company_currency: string }

export interface Briefing {
  sections: SectionId[];
  glance: Glance;
  objective?: string;
  history: { date: string; event: string }[];
  /** The CEO's counterpart first (`counterpart: true`), then the others as the file lists them. */
  stakeholders: { name: string; title?: string; role?: NonNullable<Deal['stakeholders'][number]['role']>; counterpart: boolean }[];
  /** Each open issue, with our suggested response where the deal gives one. */
  issues: { issue: string; response?: string }[];
  questions: { question: string; answer?: string }[];
  asks: BriefingAsk[];
  plan?: string;
  next_meeting?: { date: string; purpose?: string };
  notes: BriefingNote[];
}

export function buildBriefing(deal: Deal, evaluation: Evaluation, company: Company): Briefing {
  const { next_meeting: meeting } = deal;
  const notes: BriefingNote[] = [];
  if (deal.value.currency !== company.currency) {
    notes.push({ id: 'currency_differs', deal_currency: deal.value.currency, company_currency: company.currency });
  }
  // In the order of the sections, so the JSON reads as the briefing does.
  return {
    sections: sectionsOf(evaluation),
    glance: glance(deal, company),
    ...(deal.objective ? { objective: deal.objective } : {}),
    history: [...deal.history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    stakeholders: [...deal.stakeholders]
      .sort((a, b) => Number(b.counterpart === true) - Number(a.counterpart === true))
      .map((s) => ({ name: s.name, ...(s.title ? { title: s.title } : {}), ...(s.role ? { role: s.role } : {}), counterpart: s.counterpart === true })),
    issues: deal.issues.map(openIssue),
    questions: deal.questions.map((q) => ({ question: q.question, ...(q.answer ? { answer: q.answer } : {}) })),
    asks: deal.asks.map((a) => ({
      request: a.request,
      position: a.position,
      ...(a.in_exchange ? { in_exchange: a.in_exchange } : {}),
      ...(a.rationale ? { rationale: a.rationale } : {}),
      exception: a.exception === true,
    })),
    ...(deal.plan ? { plan: deal.plan } : {}),
    ...(meeting ? { next_meeting: { date: meeting.date, ...(meeting.purpose ? { purpose: meeting.purpose } : {}) } } : {}),
    notes,
  };
}

/** The sections of the evaluation's briefing: under an override in force, first the override. */
export function sectionsOf(evaluation: Pick<Evaluation, 'verdict' | 'policyVerdict' | 'override'>): SectionId[] {
  const sections = SECTIONS[evaluation.verdict];
  if (evaluation.override === undefined) return [...sections];
  // The override's section lists the policy's reasons; a verdict they do not explain does not list them again as its own.
  if (evaluation.verdict === evaluation.policyVerdict) return ['override', ...sections];
  return ['override', ...sections.filter((id) => !REASON_SECTIONS.has(id))];
}

/** The sections that show the evaluation's reasons, which are the policy's. */
const REASON_SECTIONS: ReadonlySet<SectionId> = new Set(['signals', 'why_not_yet', 'why_declined']);

/** An open issue as the briefing shows it, written in the file as text or as {issue, response}. */
export function openIssue(issue: Deal['issues'][number]): { issue: string; response?: string } {
  if (typeof issue === 'string') return { issue };
  return { issue: issue.issue, ...(issue.response ? { response: issue.response } : {}) };
}

function glance(deal: Deal, company: Company): Glance {
  const { account, value, follow_on: followOn, competition, custom_work: work } = deal;
  return {
    account: {
      name: account.name,
      ...(account.industry ? { industry: account.industry } : {}),
      ...(account.employees !== undefined ? { employees: account.employees } : {}),
      ...(account.annual_revenue !== undefined ? { annual_revenue: account.annual_revenue } : {}),
    },
    size_ratio: sizeRatio(deal, company),
    owner: deal.owner,
    type: deal.type,
    stage: deal.stage,
    ...(deal.close_date ? { close_date: deal.close_date } : {}),
    value: { amount: value.amount, currency: value.currency, ...(value.term_months !== undefined ? { term_months: value.term_months } : {}) },
    follow_on: {
      potential: followOn.potential,
      ...(followOn.value !== undefined ? { value: followOn.value } : {}),
      ...(followOn.notes ? { notes: followOn.notes } : {}),
    },
    potential_value: potentialValue(deal),
    ...(competition
      ? { competition: { ...(competition.threat ? { threat: competition.threat } : {}), competitors: [...(competition.competitors ?? [])] } }
      : {}),
    custom_work: {
      days: work.days,
      compensated_days: work.compensated_days,
      uncompensated_days: uncompensatedDays(deal),
      ...(work.description ? { description: work.description } : {}),
    },
    strategic_logo: deal.strategic_logo === true,
    ceo_requested: deal.ceo.requested === true,
    ...(deal.ceo.joined === undefined ? {} : { ceo_joined: deal.ceo.joined }),
    ...(deal.crm ? { crm: { source: deal.crm.source, id: deal.crm.id } } : {}),
  };
}
