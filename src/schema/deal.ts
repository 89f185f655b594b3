// The deal file (PRODUCT.md §3) as a zod schema. Strict objects: an unknown key is an error, so a
// misspelled key never silently drops information the policy needs.

import * as z from 'zod';
import { atMostOneCounterpart, compensatedWithinDays, inExchangeOnlyOnTrade } from './checks.js';
import { count, currency, days, exactNumber, ID_PATTERN, isoDate, money, refinements, text } from './common.js';

export const DEAL_TYPES = ['new', 'expansion', 'renewal'] as const;
export const STAGES = ['discovery', 'qualification', 'proposal', 'negotiation', 'closed-won', 'closed-lost'] as const;
// `unknown`: not assessed yet (a deal imported from a CRM); the policy waits for the assessment.
export const FOLLOW_ON_POTENTIALS = ['none', 'possible', 'likely', 'committed', 'unknown'] as const;
export const THREATS = ['low', 'medium', 'high'] as const;
export const POSITIONS = ['yes', 'trade', 'no'] as const;
export const STAKEHOLDER_ROLES = ['economic-buyer', 'champion', 'decision-maker', 'influencer', 'user', 'blocker'] as const;

export type Stage = (typeof STAGES)[number];
export type DealType = (typeof DEAL_TYPES)[number];

export const AccountSchema = z.strictObject({
  name: text(),
  employees: count().optional(),
  annual_revenue: money().optional(),
  industry: text().optional(),
});

export const ValueSchema = z.strictObject({
  amount: money(),
  currency: currency().optional(),
  term_months: exactNumber().int({ error: 'must be a whole number of months' }).min(1, { error: 'must be at least 1' }).optional(),
});

export const FollowOnSchema = z.strictObject({
  potential: z.enum(FOLLOW_ON_POTENTIALS),
  value: money().optional(),
  notes: text().optional(),
});

export const CompetitionSchema = z.strictObject({
  threat: z.enum(THREATS).optional(),
  competitors: z.array(text()).optional(),
});

export const CustomWorkSchema = z
  .strictObject({
    days: days().default(0),
    compensated_days: days().default(0),
    description: text().optional(),
  })
  .superRefine((work, ctx) => {
    if (!compensatedWithinDays(work)) {
      ctx.addIssue({
        code: 'custom',
        path: ['compensated_days'],
        input: work.compensated_days,
        message: `must not exceed days (${work.days}): the customer cannot pay for more custom work than there is`,
        params: { rule: 'compensated-exceeds-days' },
      });
    }
  });
refinements.add(CustomWorkSchema, { check: 'compensatedWithinDays' });

export const AskSchema = z
  .strictObject({
    request: text(),
    position: z.enum(POSITIONS),
    /** For a trade: what we want in exchange. */
    in_exchange: text().optional(),
    rationale: text().optional(),
    exception: z.boolean().optional(),
  })
  .superRefine((ask, ctx) => {
    if (!inExchangeOnlyOnTrade(ask)) {
      ctx.addIssue({
        code: 'custom',
        path: ['in_exchange'],
        input: ask.in_exchange,
        message: `is only for a trade (what we want in return), and this ask's position is ${ask.position}: make it a trade, or remove in_exchange`,
        params: { rule: 'in-exchange-without-trade' },
      });
    }
  });
refinements.add(AskSchema, { check: 'inExchangeOnlyOnTrade' });

export const StakeholderSchema = z.strictObject({
  name: text(),
  title: text().optional(),
  role: z.enum(STAKEHOLDER_ROLES).optional(),
  /** The executive the CEO speaks to: at most one per deal. */
  counterpart: z.boolean().optional(),
});

export const StakeholdersSchema = z.array(StakeholderSchema).superRefine((stakeholders, ctx) => {
  if (atMostOneCounterpart(stakeholders)) return;
  const first = stakeholders.findIndex((s) => s.counterpart === true);
  stakeholders.forEach((s, index) => {
    if (index <= first || s.counterpart !== true) return;
    ctx.addIssue({
      code: 'custom',
      path: [index, 'counterpart'],
      input: true,
      message: `is true, but ${stakeholders[first]!.name} (stakeholders[${first}]) is already the CEO's counterpart: the CEO speaks to one executive, so mark only one`,
      params: { rule: 'second-counterpart' },
    });
  });
});
refinements.add(StakeholdersSchema, { check: 'atMostOneCounterpart' });

/** An open issue: its text alone, or with our suggested response. */
export const IssueSchema = z.union([text(), z.strictObject({ issue: text(), response: text().optional() })], {
  error: 'must be text, or a mapping of issue and response',
});

export const HistoryEntrySchema = z.strictObject({
  date: isoDate(),
  event: text(),
});

export const QuestionSchema = z.strictObject({
  question: text(),
  answer: text().optional(),
});

export const NextMeetingSchema = z.strictObject({
  date: isoDate(),
  purpose: text().optional(),
});

/** The CRM and its record id: `source` is the preset's name (salesforce, hubspot, pipedrive) or the mapping's. */
export const CrmSchema = z.strictObject({
  source: text(),
  id: text(),
});

export const DealSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, {
    error: 'must be lowercase letters, digits and dashes, starting with a letter or digit (for example acme-plants)',
  }),
  name: text(),
  owner: text(),
  type: z.enum(DEAL_TYPES).default('new'),
  stage: z.enum(STAGES),
  close_date: isoDate().optional(),
  account: AccountSchema,
  value: ValueSchema,
  follow_on: FollowOnSchema,
  strategic_logo: z.boolean().default(false),
  competition: CompetitionSchema.optional(),
  custom_work: CustomWorkSchema.default({ days: 0, compensated_days: 0 }),
  asks: z.array(AskSchema).default([]),
  stakeholders: StakeholdersSchema.default([]),
  history: z.array(HistoryEntrySchema).default([]),
  issues: z.array(IssueSchema).default([]),
  questions: z.array(QuestionSchema).default([]),
  objective: text().optional(),
  plan: text().optional(),
  next_meeting: NextMeetingSchema.optional(),
  ceo: z.strictObject({ requested: z.boolean().default(false) }).default({ requested: false }),
  /** The CRM record this deal was imported from (`deal-triage import`): how a re-import finds it. */
  crm: CrmSchema.optional(),
});

/** A validated deal, defaults applied. `value.currency` is resolved by the loader. */
export type DealInput = z.input<typeof DealSchema>;
export type ParsedDeal = z.output<typeof DealSchema>;
export type Deal = ParsedDeal & { value: ParsedDeal['value'] & { currency: string } };
export type Ask = Deal['asks'][number];
export type Issue = Deal['issues'][number];

/** The keys of §3, in the order a deal file lists them (the questionnaire writes them so). */
export const DEAL_KEYS = Object.keys(DealSchema.shape);

/**
 * Every field of the deal file as a dotted path (`account.employees`), into mappings but not into
 * lists: what a finding rule's `at` may name.
 */
export const DEAL_FIELD_PATHS: readonly string[] = fieldPaths(DealSchema, '');

function fieldPaths(schema: z.core.$ZodType, prefix: string): string[] {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
  if ((def.type === 'optional' || def.type === 'default' || def.type === 'pipe') && def.innerType) return fieldPaths(def.innerType, prefix);
  if (def.type !== 'object' || !def.shape) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(child, path)];
  });
}
