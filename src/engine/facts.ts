// Facts: the named values a rule's conditions can test. Each is a small function of the deal and
// the company profile. Derived facts (PRODUCT.md §3) are computed here and never stored in a file.

import { STAKEHOLDER_ROLES } from '../schema/enums.js';
import type { Deal } from '../schema/deal.js';
import { dayNumber, isBefore } from './dates.js';
import { exactDifference, exactRatio, exactSum, toHundredth } from './exact.js';
import { VERDICTS } from './types.js';
import type { FactValue, Verdict } from './types.js';

export interface Company {
  name?: string | undefined;
  employees?: number | undefined;
  annual_revenue?: number | undefined;
  currency: string;
}

export interface FactContext {
  deal: Deal;
  company: Company;
  /** The day the deal is evaluated on, YYYY-MM-DD: an input (PRODUCT.md §10), never the clock. */
  today: string;
  /** The strategic signals found so far (signal rules run first). */
  signals: readonly string[];
  /** Known only once the verdict is decided, for finding rules: the override's, when one is in force. */
  verdict?: Verdict;
  /** The policy's own verdict, whatever an override says; for finding rules. */
  policyVerdict?: Verdict;
  /** The rule that decided a decline or a wait, and what it said; for finding rules. */
  decidedBy?: { rule: string; message: string };
}

/** How a value is shown in messages and the explanation. */
export type FactKind = 'money' | 'number' | 'ratio' | 'text' | 'list' | 'boolean' | 'date';

export interface FactDefinition {
  kind: FactKind;
  description: string;
  /** The value changes while a deal is evaluated (signals, the verdict), so it is never cached. */
  volatile?: true;
  /** Known only once the verdict is decided: only finding rules, which run last, may read it. */
  findingOnly?: true;
  /**
   * The values a text fact can take, or a list fact's items, where they are fixed: a rule comparing
   * with another value is a config error. A fact that is a field of the deal file (stage) need not
   * say: its values are the schema's (src/policy/fact-values.ts).
   */
  values?: readonly string[];
  get(context: FactContext): FactValue;
}

// Money and days exact to the hundredth (./exact.ts): a verdict never flips on a rounding error.

export function potentialValue(deal: Deal): number {
  return exactSum(deal.value.amount, deal.follow_on.value ?? 0);
}

export function uncompensatedDays(deal: Deal): number {
  return exactDifference(deal.custom_work.days, deal.custom_work.compensated_days);
}

/**
 * How many times larger the prospect is than the company: the larger of the employee ratio and the
 * revenue ratio, each only where both sides are known. Revenues are compared only when the deal is
 * in the company's currency: there is no exchange rate to convert with. null when unknown.
 */
export function sizeRatio(deal: Deal, company: Company): number | null {
  const ratios: number[] = [];
  if (deal.account.employees !== undefined && company.employees) {
    ratios.push(exactRatio(deal.account.employees, company.employees));
  }
  if (deal.account.annual_revenue !== undefined && company.annual_revenue && deal.value.currency === company.currency) {
    ratios.push(exactRatio(deal.account.annual_revenue, company.annual_revenue));
  }
  return ratios.length === 0 ? null : Math.max(...ratios);
}

/** The parts of the CEO's brief, in the order brief-incomplete lists what is missing. */
export const BRIEF_PARTS = ['history', 'stakeholders', 'questions', 'objective'] as const;

/** The parts of the CEO's brief that are missing (§5 brief-incomplete). */
export function briefMissing(deal: Deal): string[] {
  const missing: string[] = [];
  if (deal.history.length === 0) missing.push('history');
  if (deal.stakeholders.length === 0) missing.push('stakeholders');
  if (deal.questions.length === 0) missing.push('questions');
  if (deal.objective === undefined) missing.push('objective');
  return missing;
}

const field = (kind: FactKind, description: string, get: (deal: Deal) => FactValue | undefined): FactDefinition => ({
  kind,
  description,
  get: ({ deal }) => get(deal) ?? null,
});

/** A money or days field as the policy sees it: to the hundredth, like the derived facts. */
const hundredthField = (kind: FactKind, description: string, get: (deal: Deal) => number | undefined): FactDefinition =>
  field(kind, description, (deal) => {
    const value = get(deal);
    return value === undefined ? undefined : toHundredth(value);
  });

export const FACTS = {
  // Derived facts.
  potential_value: field('money', 'value.amount plus follow_on.value', potentialValue),
  uncompensated_days: field('number', 'custom_work.days minus custom_work.compensated_days', uncompensatedDays),
  size_ratio: {
    kind: 'ratio',
    description: 'how many times larger the prospect is than the company (employees or revenue); null when unknown',
    get: ({ deal, company }) => sizeRatio(deal, company),
  },
  signals: { kind: 'list', volatile: true, description: 'the strategic signals found', get: ({ signals }) => [...signals] },
  signal_count: { kind: 'number', volatile: true, description: 'how many strategic signals were found', get: ({ signals }) => signals.length },
  brief_missing: { ...field('list', 'what the brief lacks: history, stakeholders, questions, objective', briefMissing), values: BRIEF_PARTS },
  asks_no: field('list', 'the requests our position on is no', (d) => d.asks.filter((a) => a.position === 'no').map((a) => a.request)),
  asks_exception: field('list', "the requests that need the CEO's exception", (d) =>
    d.asks.filter((a) => a.exception === true).map((a) => a.request),
  ),
  issue_count: field('number', 'how many open issues the deal has', (d) => d.issues.length),
  open_issues: field('list', 'the open issues, as written (without our responses)', (d) => d.issues.map((i) => (typeof i === 'string' ? i : i.issue))),
  prospect_much_larger: {
    kind: 'boolean',
    volatile: true,
    description: 'whether the prospect-much-larger signal fired (the prospect is at least much_larger_ratio times our size)',
    get: ({ signals }) => signals.includes('prospect-much-larger'),
  },
  history_count: field('number', 'how many history entries the deal has', (d) => d.history.length),
  stakeholder_count: field('number', 'how many stakeholders the deal names', (d) => d.stakeholders.length),
  question_count: field('number', 'how many expected questions the deal lists', (d) => d.questions.length),
  ask_count: field('number', 'how many asks the prospect made', (d) => d.asks.length),
  verdict: {
    kind: 'text',
    volatile: true,
    findingOnly: true,
    description: "the verdict (join, wait or decline): the CEO's override's while one is in force; only for finding rules",
    values: VERDICTS,
    get: ({ verdict }) => verdict ?? null,
  },
  policy_verdict: {
    kind: 'text',
    volatile: true,
    findingOnly: true,
    description: "the policy's own verdict, whatever an override says; only for finding rules",
    values: VERDICTS,
    get: ({ policyVerdict }) => policyVerdict ?? null,
  },
  decided_by: {
    kind: 'text',
    volatile: true,
    findingOnly: true,
    description: 'the id of the rule that decided a decline or a wait (null on a join); only for finding rules',
    get: ({ decidedBy }) => decidedBy?.rule ?? null,
  },
  decision_reason: {
    kind: 'text',
    volatile: true,
    findingOnly: true,
    description: 'what the deciding rule said (null on a join); only for finding rules',
    get: ({ decidedBy }) => decidedBy?.message ?? null,
  },
  // Fields of the deal file.
  id: field('text', 'the deal id', (d) => d.id),
  name: field('text', 'the deal name', (d) => d.name),
  owner: field('text', 'the account owner', (d) => d.owner),
  type: field('text', 'new, expansion or renewal', (d) => d.type),
  stage: field('text', 'the sales stage', (d) => d.stage),
  close_date: field('date', 'the expected close date', (d) => d.close_date),
  'account.name': field('text', 'the account name', (d) => d.account.name),
  'account.employees': field('number', "the account's employees", (d) => d.account.employees),
  'account.annual_revenue': hundredthField('money', "the account's annual revenue", (d) => d.account.annual_revenue),
  'account.industry': field('text', "the account's industry", (d) => d.account.industry),
  'value.amount': hundredthField('money', "this sale's contract value", (d) => d.value.amount),
  'value.currency': field('text', "the deal's currency", (d) => d.value.currency),
  'value.term_months': field('number', 'the contract term in months', (d) => d.value.term_months),
  'follow_on.potential': field('text', 'none, possible, likely, committed or unknown (not assessed yet)', (d) => d.follow_on.potential),
  'follow_on.value': hundredthField('money', 'the expected follow-on value', (d) => d.follow_on.value),
  strategic_logo: field('boolean', 'whether the name opens a market or serves as a reference', (d) => d.strategic_logo),
  'competition.threat': field('text', 'low, medium or high', (d) => d.competition?.threat),
  'competition.competitors': field('list', 'the competitors named', (d) => d.competition?.competitors ?? []),
  'custom_work.days': hundredthField('number', 'person-days of custom work', (d) => d.custom_work.days),
  'custom_work.compensated_days': hundredthField('number', 'custom work days the customer pays for', (d) => d.custom_work.compensated_days),
  objective: field('text', "the CEO's objective in the deal", (d) => d.objective),
  plan: field('text', 'the plan for the CEO', (d) => d.plan),
  'ceo.requested': field('boolean', 'whether the head of sales asks for the CEO', (d) => d.ceo.requested),
  'ceo.override.verdict': field('text', "the verdict of the CEO's override (join, wait or decline), in force or not", (d) => d.ceo.override?.verdict),
  'ceo.override.until': field('date', "the last day the CEO's override is in force", (d) => d.ceo.override?.until),
  'ceo.override.by': field('text', "who decided the CEO's override", (d) => d.ceo.override?.by),
  'next_meeting.date': field('date', 'the date of the next meeting with the customer', (d) => d.next_meeting?.date),
  // Dates against today (PRODUCT.md §10).
  today: { kind: 'date', description: 'the day of the evaluation (--today, or the system date)', get: ({ today }) => today },
  days_to_close: {
    kind: 'number',
    description: 'calendar days from today to close_date: 0 on the day, negative once it has passed; null without a close date',
    get: ({ deal, today }) => (deal.close_date === undefined ? null : dayNumber(deal.close_date) - dayNumber(today)),
  },
  close_date_passed: {
    kind: 'boolean',
    description: 'whether close_date is before today (false on the day itself, and without a close date)',
    get: ({ deal, today }) => deal.close_date !== undefined && isBefore(deal.close_date, today),
  },
  days_since_last_event: {
    kind: 'number',
    description: 'calendar days from the latest history date to today (negative if it is ahead); null without history',
    get: ({ deal, today }) => {
      const last = latestEventDate(deal);
      return last === undefined ? null : dayNumber(today) - dayNumber(last);
    },
  },
  next_meeting_passed: {
    kind: 'boolean',
    description: 'whether next_meeting.date is before today (false on the day itself, and without a next meeting)',
    get: ({ deal, today }) => deal.next_meeting !== undefined && isBefore(deal.next_meeting.date, today),
  },
  // The stakeholders' roles.
  stakeholder_roles: {
    ...field('list', 'the stakeholder roles the deal names, each once, in the deal file reference\'s order', stakeholderRoles),
    values: STAKEHOLDER_ROLES,
  },
  has_economic_buyer: field('boolean', 'whether a stakeholder is the economic buyer', (d) => hasRole(d, 'economic-buyer')),
  has_champion: field('boolean', 'whether a stakeholder is a champion', (d) => hasRole(d, 'champion')),
  has_blocker: field('boolean', 'whether a stakeholder is a blocker', (d) => hasRole(d, 'blocker')),
  ceo_ask_count: field('number', "how many asks need the CEO: our position is no, or granting it is an exception (each ask counted once)", ceoAskCount),
} satisfies Record<string, FactDefinition>;

/** The latest date in the deal's history (entries need not be in order), or undefined. */
function latestEventDate(deal: Deal): string | undefined {
  let latest: string | undefined;
  for (const entry of deal.history) if (latest === undefined || isBefore(latest, entry.date)) latest = entry.date;
  return latest;
}

type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

function hasRole(deal: Deal, role: StakeholderRole): boolean {
  return deal.stakeholders.some((stakeholder) => stakeholder.role === role);
}

/** The roles present, in the schema's order (economic buyer first), whatever order the file lists them in. */
function stakeholderRoles(deal: Deal): string[] {
  return STAKEHOLDER_ROLES.filter((role) => hasRole(deal, role));
}

/** The asks the CEO must handle: a "no" for the CEO to say, or an exception only the CEO can grant. */
export function ceoAskCount(deal: Deal): number {
  return deal.asks.filter((ask) => ask.position === 'no' || ask.exception === true).length;
}

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export function isFactName(name: string): name is FactName {
  return Object.hasOwn(FACTS, name);
}

/** Computes facts on demand, once each per deal. */
export function factReader(context: FactContext): (name: string) => FactValue {
  const cache = new Map<string, FactValue>();
  return (name) => {
    const definition = (FACTS as Record<string, FactDefinition>)[name];
    if (!definition) return null;
    if (definition.volatile) return definition.get(context);
    let value = cache.get(name);
    if (value === undefined) {
      value = definition.get(context);
      cache.set(name, value);
    }
    return value;
  };
}
