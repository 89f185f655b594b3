// The choices of the questionnaire's selects, each explained in a sentence. The values and their
// order come from the schema's lists (schema/deal.ts); the descriptions are checked with
// `satisfies Record<…>`, so a value added to the schema does not compile until it is explained here.

import { DEAL_TYPES, FOLLOW_ON_POTENTIALS, OVERRIDE_VERDICTS, POSITIONS, STAGES, STAKEHOLDER_ROLES, THREATS } from '../schema/deal.js';
import type { Stage } from '../schema/deal.js';
import type { Choice } from './prompter.js';

type DealType = (typeof DEAL_TYPES)[number];
type FollowOnPotential = (typeof FOLLOW_ON_POTENTIALS)[number];
type Threat = (typeof THREATS)[number];
type OverrideVerdict = (typeof OVERRIDE_VERDICTS)[number];
type Position = (typeof POSITIONS)[number];
type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** A select with "not given" as well: '' stands for leaving the optional key out. */
export const NOT_GIVEN = '' as const;

/** Each value of `values`, in the schema's order, with its description. */
function choicesOf<T extends string>(values: readonly T[], descriptions: Record<T, string>): Choice<T>[] {
  return values.map((value) => ({ value, name: value, description: descriptions[value] }));
}

export const TYPE_CHOICES = choicesOf(DEAL_TYPES, {
  new: 'A first sale to a customer we do not have yet.',
  expansion: 'An existing customer buying more, or buying something new from us.',
  renewal: 'An existing customer renewing what they already have.',
} satisfies Record<DealType, string>);

export const STAGE_CHOICES = choicesOf(STAGES, {
  discovery: 'First conversations: we are learning what they need.',
  qualification: 'We are checking the fit, the budget, who decides and when.',
  proposal: 'We are making, or have made, a proposal.',
  negotiation: 'We are agreeing the terms and the price.',
  'closed-won': 'Signed: the deal is won.',
  'closed-lost': 'Lost, or abandoned by either side.',
} satisfies Record<Stage, string>);

export const FOLLOW_ON_CHOICES = choicesOf(FOLLOW_ON_POTENTIALS, {
  none: 'This sale is all there is: no further business is expected from this account.',
  possible: 'More business could follow, but nothing the customer has said or done points to it yet.',
  likely: 'The customer has said or shown that they plan to buy more if this sale goes well.',
  committed: 'The further business is agreed, in writing or in a plan both sides signed, subject to this sale.',
  unknown: 'Nobody has assessed it yet: the CEO is not considered until the head of sales does.',
} satisfies Record<FollowOnPotential, string>);

export const THREAT_CHOICES: Choice<Threat | typeof NOT_GIVEN>[] = [
  ...choicesOf(THREATS, {
    low: 'We are clearly preferred.',
    medium: 'A competitor is a real alternative.',
    high: 'A competitor could take the deal.',
  } satisfies Record<Threat, string>),
  { value: NOT_GIVEN, name: 'not rated', description: 'Leave the threat unrated.' },
];

export const POSITION_CHOICES = choicesOf(POSITIONS, {
  yes: 'We can agree to it.',
  trade: 'We agree only in exchange for something from them.',
  no: 'We refuse: a "no" is for the CEO to say.',
} satisfies Record<Position, string>);

export const ROLE_CHOICES: Choice<StakeholderRole | typeof NOT_GIVEN>[] = [
  ...choicesOf(STAKEHOLDER_ROLES, {
    'economic-buyer': 'Controls the budget and signs.',
    champion: 'Sells for us inside the account.',
    'decision-maker': 'Has a say in the final decision.',
    influencer: 'Shapes the decision without making it.',
    user: 'Will use what we sell.',
    blocker: 'Works against the deal.',
  } satisfies Record<StakeholderRole, string>),
  { value: NOT_GIVEN, name: 'not given', description: 'Leave the role out.' },
];

export const OVERRIDE_VERDICT_CHOICES = choicesOf(OVERRIDE_VERDICTS, {
  join: 'The CEO joins this deal, whatever the policy says.',
  wait: 'The CEO does not join yet, whatever the policy says.',
  decline: 'The CEO stays out of this deal, whatever the policy says.',
} satisfies Record<OverrideVerdict, string>);
