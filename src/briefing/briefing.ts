// The briefing's content (PRODUCT.md §7) as data: what the head of sales hands the CEO on a join,
// why not yet on a wait, the reason on a decline. Formatters decide only how it looks.

import type { Company } from '../engine/facts.js';
import { potentialValue, sizeRatio, uncompensatedDays } from '../engine/facts.js';
import type { Evaluation, Outcome, RoleOutcome, Verdict } from '../engine/types.js';
import { formatMoney, formatNumber, formatRatio } from '../engine/values.js';
import type { Deal } from '../schema/deal.js';

export interface BriefingAsk {
  request: string;
  position: 'yes' | 'trade' | 'no';
  rationale?: string;
  exception: boolean;
}

export interface Briefing {
  id: string;
  name: string;
  verdict: Verdict;
  headline: string;
  reasons: Outcome[];
  roles: RoleOutcome[];
  changes: { rule: string; message: string }[];
  glance: { label: string; value: string }[];
  objective?: string;
  history: { date: string; event: string }[];
  stakeholders: { name: string; title?: string; role?: string }[];
  issues: string[];
  questions: { question: string; answer?: string }[];
  asks: BriefingAsk[];
  plan?: string;
  nextMeeting?: string;
  /** Caveats on the figures, such as a currency that differs from the company's. */
  notes: string[];
}

export const HEADLINES: Record<Verdict, string> = {
  join: 'The CEO should join this deal.',
  wait: 'Not yet: the CEO should not join this deal yet.',
  decline: 'The CEO should not join this deal.',
};

export function buildBriefing(deal: Deal, evaluation: Evaluation, company: Company): Briefing {
  const currency = deal.value.currency;
  const money = (amount: number) => formatMoney(amount, currency);
  const briefing: Briefing = {
    id: deal.id,
    name: deal.name,
    verdict: evaluation.verdict,
    headline: HEADLINES[evaluation.verdict],
    reasons: evaluation.reasons,
    roles: evaluation.roles,
    changes: evaluation.changes,
    glance: glance(deal, company, money),
    history: [...deal.history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    stakeholders: deal.stakeholders.map((s) => ({ name: s.name, ...(s.title ? { title: s.title } : {}), ...(s.role ? { role: s.role } : {}) })),
    issues: [...deal.issues],
    questions: deal.questions.map((q) => ({ question: q.question, ...(q.answer ? { answer: q.answer } : {}) })),
    asks: deal.asks.map((a) => ({
      request: a.request,
      position: a.position,
      ...(a.rationale ? { rationale: a.rationale } : {}),
      exception: a.exception === true,
    })),
    notes: [],
  };
  if (deal.objective) briefing.objective = deal.objective;
  if (deal.plan) briefing.plan = deal.plan;
  if (deal.next_meeting) {
    briefing.nextMeeting = deal.next_meeting.purpose ? `${deal.next_meeting.date}: ${deal.next_meeting.purpose}` : deal.next_meeting.date;
  }
  if (currency !== company.currency) {
    briefing.notes.push(
      `The deal is in ${currency} and the company reports in ${company.currency}: the policy's thresholds are compared without conversion, and revenues are not compared for the size ratio.`,
    );
  }
  return briefing;
}

function glance(deal: Deal, company: Company, money: (amount: number) => string): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  const account = [deal.account.name];
  if (deal.account.industry) account.push(deal.account.industry);
  if (deal.account.employees !== undefined) account.push(`${formatNumber(deal.account.employees)} employees`);
  if (deal.account.annual_revenue !== undefined) account.push(`${money(deal.account.annual_revenue)} annual revenue`);
  const ratio = sizeRatio(deal, company);
  if (ratio !== null) account.push(`${formatRatio(ratio)} our size`);
  rows.push({ label: 'Account', value: account.join(' · ') });
  rows.push({ label: 'Owner', value: deal.owner });
  rows.push({ label: 'Type', value: deal.type });
  rows.push({ label: 'Stage', value: deal.close_date ? `${deal.stage}, closing ${deal.close_date}` : deal.stage });
  const term = deal.value.term_months !== undefined ? ` over ${deal.value.term_months} months` : '';
  rows.push({ label: 'Value', value: `${money(deal.value.amount)}${term}` });
  const followOn: string[] = [deal.follow_on.potential];
  if (deal.follow_on.value !== undefined) followOn.push(money(deal.follow_on.value));
  if (deal.follow_on.notes) followOn.push(deal.follow_on.notes);
  rows.push({ label: 'Follow-on', value: followOn.join(' · ') });
  rows.push({ label: 'Potential', value: money(potentialValue(deal)) });
  if (deal.competition) {
    const threat = deal.competition.threat ? `${deal.competition.threat} threat` : 'threat not rated';
    const names = deal.competition.competitors?.length ? ` · ${deal.competition.competitors.join(', ')}` : '';
    rows.push({ label: 'Competition', value: `${threat}${names}` });
  }
  if (deal.custom_work.days > 0) {
    const work = `${formatNumber(deal.custom_work.days)} days, ${formatNumber(deal.custom_work.compensated_days)} paid, ${formatNumber(uncompensatedDays(deal))} unpaid`;
    rows.push({ label: 'Custom work', value: deal.custom_work.description ? `${work} · ${deal.custom_work.description}` : work });
  }
  if (deal.strategic_logo) rows.push({ label: 'Strategic logo', value: 'yes' });
  if (deal.ceo.requested) rows.push({ label: 'CEO requested', value: 'yes' });
  return rows;
}
