// The registry of the questionnaire's sections: every section, in the order asked, which is the
// order of the deal file's keys but for the value, asked before the account. Explicit rather than
// discovered, so the order is written down; checked at compile time, so a key added to the deal schema fails to compile until a section
// sets it (tests/questionnaire/coverage.test.ts checks the fields inside the keys, by asking).

import type { Deal } from '../../schema/deal.js';
import type { Section } from '../section.js';
import { account } from './account.js';
import { asks } from './asks.js';
import { brief } from './brief.js';
import { ceo } from './ceo.js';
import { competition } from './competition.js';
import { crm } from './crm.js';
import { customWork } from './custom-work.js';
import { deal } from './deal.js';
import { followOn } from './follow-on.js';
import { history } from './history.js';
import { issues } from './issues.js';
import { nextMeeting } from './next-meeting.js';
import { questions } from './questions.js';
import { stage } from './stage.js';
import { stakeholders } from './stakeholders.js';
import { value } from './value.js';

export const SECTIONS = [
  deal,
  // The currency before any amount in it: the account's revenue is in the deal's currency.
  value,
  account,
  stage,
  followOn,
  competition,
  customWork,
  asks,
  stakeholders,
  history,
  issues,
  questions,
  brief,
  nextMeeting,
  ceo,
  crm,
] as const satisfies readonly Section[];

type EveryKeyIsAsked<Unasked extends never> = Unasked;
/**
 * The keys of the deal file no section sets: this must be `never`. A new key in DealSchema makes
 * this line fail to compile ("Type '"the_key"' does not satisfy the constraint 'never'").
 */
export type UnaskedKeys = EveryKeyIsAsked<Exclude<keyof Deal, (typeof SECTIONS)[number]['keys'][number]>>;
