// The choices of the questionnaire's selects, each explained in a sentence. The values, their order
// and their descriptions come from the schema (schema/deal.ts, where each list is explained beside
// it, for the questionnaire and the editor schema alike).

import {
  DEAL_TYPE_DESCRIPTIONS,
  DEAL_TYPES,
  FOLLOW_ON_DESCRIPTIONS,
  FOLLOW_ON_POTENTIALS,
  OVERRIDE_VERDICT_DESCRIPTIONS,
  OVERRIDE_VERDICTS,
  POSITION_DESCRIPTIONS,
  POSITIONS,
  STAGE_DESCRIPTIONS,
  STAGES,
  STAKEHOLDER_ROLE_DESCRIPTIONS,
  STAKEHOLDER_ROLES,
  THREAT_DESCRIPTIONS,
  THREATS,
} from '../schema/deal.js';
import type { Choice } from './prompter.js';

type Threat = (typeof THREATS)[number];
type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** A select with "not given" as well: '' stands for leaving the optional key out. */
export const NOT_GIVEN = '' as const;

/** Each value of `values`, in the schema's order, with its description. */
function choicesOf<T extends string>(values: readonly T[], descriptions: Record<T, string>): Choice<T>[] {
  return values.map((value) => ({ value, name: value, description: descriptions[value] }));
}

export const TYPE_CHOICES = choicesOf(DEAL_TYPES, DEAL_TYPE_DESCRIPTIONS);

export const STAGE_CHOICES = choicesOf(STAGES, STAGE_DESCRIPTIONS);

export const FOLLOW_ON_CHOICES = choicesOf(FOLLOW_ON_POTENTIALS, FOLLOW_ON_DESCRIPTIONS);

export const THREAT_CHOICES: Choice<Threat | typeof NOT_GIVEN>[] = [
  ...choicesOf(THREATS, THREAT_DESCRIPTIONS),
  { value: NOT_GIVEN, name: 'not rated', description: 'Leave the threat unrated.' },
];

export const POSITION_CHOICES = choicesOf(POSITIONS, POSITION_DESCRIPTIONS);

export const ROLE_CHOICES: Choice<StakeholderRole | typeof NOT_GIVEN>[] = [
  ...choicesOf(STAKEHOLDER_ROLES, STAKEHOLDER_ROLE_DESCRIPTIONS),
  { value: NOT_GIVEN, name: 'not given', description: 'Leave the role out.' },
];

export const OVERRIDE_VERDICT_CHOICES = choicesOf(OVERRIDE_VERDICTS, OVERRIDE_VERDICT_DESCRIPTIONS);
