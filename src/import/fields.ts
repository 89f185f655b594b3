// The deal fields a CRM column may give, and what kind of value each cell must hold. A mapping
// names them as dotted paths (`value.amount`); `status` is not a field but Pipedrive's Open/Won/Lost,
// which overrides the stage of a won or lost deal.

import { DEAL_TYPES, FOLLOW_ON_POTENTIALS, STAGES, THREATS } from '../schema/enums.js';

export type FieldKind = 'id' | 'text' | 'money' | 'count' | 'months' | 'date' | 'stage' | 'type' | 'currency' | 'potential' | 'threat' | 'boolean' | 'status';

export const IMPORT_FIELDS = {
  id: 'id',
  name: 'text',
  owner: 'text',
  type: 'type',
  stage: 'stage',
  status: 'status',
  close_date: 'date',
  'account.name': 'text',
  'account.employees': 'count',
  'account.annual_revenue': 'money',
  'account.industry': 'text',
  'value.amount': 'money',
  'value.currency': 'currency',
  'value.term_months': 'months',
  'follow_on.potential': 'potential',
  'follow_on.value': 'money',
  'follow_on.notes': 'text',
  strategic_logo: 'boolean',
  'competition.threat': 'threat',
  objective: 'text',
  plan: 'text',
  'next_meeting.date': 'date',
  'next_meeting.purpose': 'text',
  'crm.id': 'text',
} as const satisfies Record<string, FieldKind>;

export type ImportField = keyof typeof IMPORT_FIELDS;
export const IMPORT_FIELD_NAMES = Object.keys(IMPORT_FIELDS) as ImportField[];

export const isImportField = (name: string): name is ImportField => Object.hasOwn(IMPORT_FIELDS, name);

/**
 * Fields every deal needs that have no default in the schema, and how an import gives them: a
 * column, or a default in the mapping. `id` comes from the name, `follow_on.potential` is
 * `unknown` until the head of sales assesses it, `crm.source` is the preset's or the mapping's.
 */
export const REQUIRED_FIELDS = ['crm.id', 'name', 'owner', 'stage', 'account.name', 'value.amount'] as const satisfies readonly ImportField[];

/** The values an enum-kind cell may hold, as written in a deal file. */
export const ENUM_VALUES: Partial<Record<FieldKind, readonly string[]>> = {
  stage: STAGES,
  type: DEAL_TYPES,
  potential: FOLLOW_ON_POTENTIALS,
  threat: THREATS,
};

/** The value a field has when a deal file leaves it out (the schema's default): an empty cell equals it. */
export const SCHEMA_DEFAULTS: Partial<Record<ImportField, unknown>> = { type: 'new', strategic_logo: false };

export const pathOf = (field: ImportField): string[] => field.split('.');
