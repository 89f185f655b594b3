// The deal file (PRODUCT.md §3) as a zod schema. Strict objects: an unknown key is an error, so a
// misspelled key never silently drops information the policy needs.

import * as z from 'zod';
import { atMostOneCounterpart, compensatedWithinDays, inExchangeOnlyOnTrade } from './checks.js';
import { count, currency, days, exactNumber, isoDate, money, refinements, text } from './common.js';
import { DEAL_TYPES, FOLLOW_ON_POTENTIALS, ID_PATTERN, POSITIONS, STAGES, STAKEHOLDER_ROLES, THREATS } from './enums.js';

/** What each value of a list means: the questionnaire's choices and the editor schema (schema/deal.schema.json) say it. */
export const DEAL_TYPE_DESCRIPTIONS = {
  new: 'A first sale to a customer we do not have yet.',
  expansion: 'An existing customer buying more, or buying something new from us.',
  renewal: 'An existing customer renewing what they already have.',
} satisfies Record<(typeof DEAL_TYPES)[number], string>;
export const STAGE_DESCRIPTIONS = {
  discovery: 'First conversations: we are learning what they need.',
  qualification: 'We are checking the fit, the budget, who decides and when.',
  proposal: 'We are making, or have made, a proposal.',
  negotiation: 'We are agreeing the terms and the price.',
  'closed-won': 'Signed: the deal is won.',
  'closed-lost': 'Lost, or abandoned by either side.',
} satisfies Record<(typeof STAGES)[number], string>;
export const FOLLOW_ON_DESCRIPTIONS = {
  none: 'This sale is all there is: no further business is expected from this account.',
  possible: 'More business could follow, but nothing the customer has said or done points to it yet.',
  likely: 'The customer has said or shown that they plan to buy more if this sale goes well.',
  committed: 'The further business is agreed, in writing or in a plan both sides signed, subject to this sale.',
  unknown: 'Nobody has assessed it yet: the CEO is not considered until the head of sales does.',
} satisfies Record<(typeof FOLLOW_ON_POTENTIALS)[number], string>;
export const THREAT_DESCRIPTIONS = {
  low: 'We are clearly preferred.',
  medium: 'A competitor is a real alternative.',
  high: 'A competitor could take the deal.',
} satisfies Record<(typeof THREATS)[number], string>;
export const POSITION_DESCRIPTIONS = {
  yes: 'We can agree to it.',
  trade: 'We agree only in exchange for something from them.',
  no: 'We refuse: a "no" is for the CEO to say.',
} satisfies Record<(typeof POSITIONS)[number], string>;
export const STAKEHOLDER_ROLE_DESCRIPTIONS = {
  'economic-buyer': 'Controls the budget and signs.',
  champion: 'Sells for us inside the account.',
  'decision-maker': 'Has a say in the final decision.',
  influencer: 'Shapes the decision without making it.',
  user: 'Will use what we sell.',
  blocker: 'Works against the deal.',
} satisfies Record<(typeof STAKEHOLDER_ROLES)[number], string>;

export { DEAL_TYPES, FOLLOW_ON_POTENTIALS, POSITIONS, STAGES, STAKEHOLDER_ROLES, THREATS } from './enums.js';
export type { Stage } from './enums.js';
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

/** The verdicts an override may give: the policy's own three (the engine's VERDICTS). */
export const OVERRIDE_VERDICTS = ['join', 'wait', 'decline'] as const;
export const OVERRIDE_VERDICT_DESCRIPTIONS = {
  join: 'The CEO joins this deal, whatever the policy says.',
  wait: 'The CEO does not join yet, whatever the policy says.',
  decline: 'The CEO stays out of this deal, whatever the policy says.',
} satisfies Record<(typeof OVERRIDE_VERDICTS)[number], string>;

/**
 * A human decision against the policy, made openly (PRODUCT.md §14): what, why, who and until when.
 * All four are required: an override nobody signed or that never ends is the policy quietly
 * switched off. How far ahead `until` may be depends on today, so that is checked where today is
 * known (src/engine/override.ts), not here.
 */
export const OverrideSchema = z.strictObject({
  verdict: z.enum(OVERRIDE_VERDICTS),
  reason: text(),
  by: text(),
  until: isoDate(),
});

export const CeoSchema = z.strictObject({
  requested: z.boolean().default(false),
  /** When the CEO actually joined the deal: what `review` counts the CEO's deals by (its outcomes). */
  joined: isoDate().optional(),
  override: OverrideSchema.optional(),
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
  ceo: CeoSchema.default({ requested: false }),
  /** The CRM record this deal was imported from (`deal-triage import`): how a re-import finds it. */
  crm: CrmSchema.optional(),
});

/** A validated deal, defaults applied. `value.currency` is resolved by the loader. */
export type DealInput = z.input<typeof DealSchema>;
export type ParsedDeal = z.output<typeof DealSchema>;
export type Deal = ParsedDeal & { value: ParsedDeal['value'] & { currency: string } };
export type Ask = Deal['asks'][number];
export type Issue = Deal['issues'][number];
export type Override = z.output<typeof OverrideSchema>;

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
