// The three CRMs' default exports: which column gives which deal field (several names where the
// CRM's export varies: HubSpot's company column, Pipedrive's "Organisation"), how their stages and
// deal types map onto ours, and how they write dates. The README's tables are these, and
// tests/docs.test.ts holds them to it.

import type { DealType, Stage } from '../schema/deal.js';
import type { ImportField } from './fields.js';
import type { DateFormat } from './values.js';

import { PRESET_NAMES } from './preset-names.js';

export { PRESET_NAMES } from './preset-names.js';
export type PresetName = (typeof PRESET_NAMES)[number];

/** A status (Pipedrive's Open/Won/Lost): a closing stage, or `open` for "the stage column says". */
export type StatusMeaning = Stage | 'open';

export interface Preset {
  name: PresetName;
  title: string;
  /** Each field, with the column names that give it, first found first. */
  columns: readonly (readonly [ImportField, readonly string[]])[];
  /** Columns the export has that no deal field holds: --init-map says so instead of guessing. */
  known: readonly string[];
  /** CRM stage (as exported: an id or a label) → our stage. Matched without regard to case. */
  stages: Readonly<Record<string, Stage>>;
  types: Readonly<Record<string, DealType>>;
  statuses: Readonly<Record<string, StatusMeaning>>;
  dateFormat: DateFormat;
}

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  salesforce: {
    name: 'salesforce',
    title: 'Salesforce report export',
    columns: [
      ['crm.id', ['Opportunity ID', 'Opportunity Id']],
      ['name', ['Opportunity Name']],
      ['owner', ['Opportunity Owner']],
      ['account.name', ['Account Name']],
      ['stage', ['Stage']],
      ['value.amount', ['Amount']],
      ['value.currency', ['Amount Currency', 'Opportunity Currency']],
      ['close_date', ['Close Date']],
      ['type', ['Type']],
      ['account.industry', ['Industry']],
      ['account.employees', ['Employees']],
      ['account.annual_revenue', ['Annual Revenue']],
    ],
    known: ['Probability (%)', 'Next Step', 'Fiscal Period', 'Age', 'Lead Source', 'Created Date', 'Last Activity', 'Expected Revenue'],
    stages: {
      Prospecting: 'discovery',
      Qualification: 'qualification',
      'Needs Analysis': 'qualification',
      'Value Proposition': 'qualification',
      'Id. Decision Makers': 'qualification',
      'Perception Analysis': 'qualification',
      'Proposal/Price Quote': 'proposal',
      'Negotiation/Review': 'negotiation',
      'Closed Won': 'closed-won',
      'Closed Lost': 'closed-lost',
    },
    types: {
      'New Business': 'new',
      'New Customer': 'new',
      'Existing Business': 'expansion',
      'Existing Customer - Upgrade': 'expansion',
      'Existing Customer - Replacement': 'renewal',
      'Existing Customer - Downgrade': 'renewal',
      Renewal: 'renewal',
    },
    statuses: {},
    dateFormat: 'M/D/YYYY',
  },
  hubspot: {
    name: 'hubspot',
    title: 'HubSpot deals export',
    columns: [
      ['crm.id', ['Record ID', 'Deal ID']],
      ['name', ['Deal Name']],
      ['owner', ['Deal owner', 'Deal Owner']],
      ['account.name', ['Associated Company', 'Associated Company (Primary)', 'Associated Company Name', 'Company name', 'Company Name']],
      ['stage', ['Deal Stage']],
      ['value.amount', ['Amount']],
      ['value.currency', ['Currency', 'Deal currency code']],
      ['close_date', ['Close Date']],
      ['type', ['Deal Type']],
    ],
    known: ['Pipeline', 'Create Date', 'Last Activity Date', 'Associated Company IDs', 'Associated Contact', 'Forecast category', 'Priority'],
    stages: {
      appointmentscheduled: 'discovery',
      'Appointment Scheduled': 'discovery',
      qualifiedtobuy: 'qualification',
      'Qualified To Buy': 'qualification',
      presentationscheduled: 'qualification',
      'Presentation Scheduled': 'qualification',
      decisionmakerboughtin: 'proposal',
      'Decision Maker Bought-In': 'proposal',
      contractsent: 'negotiation',
      'Contract Sent': 'negotiation',
      closedwon: 'closed-won',
      'Closed Won': 'closed-won',
      closedlost: 'closed-lost',
      'Closed Lost': 'closed-lost',
    },
    types: {
      newbusiness: 'new',
      'New Business': 'new',
      existingbusiness: 'expansion',
      'Existing Business': 'expansion',
    },
    statuses: {},
    dateFormat: 'YYYY-MM-DD',
  },
  pipedrive: {
    name: 'pipedrive',
    title: 'Pipedrive deals export',
    columns: [
      ['crm.id', ['Deal - Pipedrive System ID', 'Deal - ID']],
      ['name', ['Deal - Title']],
      ['owner', ['Deal - Owner']],
      ['account.name', ['Organization', 'Organisation', 'Deal - Organization', 'Deal - Organisation', 'Organization - Name', 'Organisation - Name']],
      ['stage', ['Deal - Stage']],
      ['status', ['Deal - Status']],
      ['value.amount', ['Deal - Value']],
      ['value.currency', ['Deal - Currency of value', 'Deal - Currency']],
      ['close_date', ['Deal - Expected close date']],
    ],
    known: ['Deal - Pipeline', 'Deal - Probability', 'Deal - Contact person', 'Deal - Deal created', 'Deal - Won time', 'Deal - Lost reason', 'Deal - Label'],
    stages: {
      Qualified: 'discovery',
      'Contact Made': 'discovery',
      'Demo Scheduled': 'qualification',
      'Proposal Made': 'proposal',
      'Negotiations Started': 'negotiation',
    },
    types: {},
    statuses: { Open: 'open', Won: 'closed-won', Lost: 'closed-lost' },
    dateFormat: 'YYYY-MM-DD',
  },
};

/** Matching a header or a CRM value: case and surrounding spaces do not count. */
export const keyOf = (text: string): string => text.trim().toLowerCase();

/** How many of the preset's column names the header has: the preset closest to a CSV has most. */
export function presetScore(preset: Preset, header: readonly string[]): number {
  const names = new Set(header.map(keyOf));
  return preset.columns.filter(([, columns]) => columns.some((column) => names.has(keyOf(column)))).length;
}

/** The preset whose columns the header has most of (ties: the first in PRESET_NAMES); undefined when it has none. */
export function closestPreset(header: readonly string[]): Preset | undefined {
  let best: Preset | undefined;
  let bestScore = 0;
  for (const name of PRESET_NAMES) {
    const score = presetScore(PRESETS[name], header);
    if (score > bestScore) [best, bestScore] = [PRESETS[name], score];
  }
  return best;
}
