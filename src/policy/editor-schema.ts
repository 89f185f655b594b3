// The JSON Schemas of the deal file and the config for editors and other tools (PRODUCT.md §14):
// yaml-language-server (VS Code's YAML extension) completes keys, shows each field's description
// and each enum value's meaning, and marks mistakes as you type. Generated from the zod schemas by
// the project's one conversion (src/schema/json-schema.ts), then documented: every field gets a
// description (from the tables below, which a test holds to the schemas: a field added without one
// fails the tests, and the build names it), every enum value its own (`oneOf` of `const` + `description`, from the tables kept
// beside the enums), trimmed text a non-blank pattern, dates and currencies their shape, and a
// rule's `when` the condition language, with the facts and operators of the engine.
//
// What JSON Schema cannot say stays with the loader: a date that is not a calendar day (2026-02-30),
// a currency code not in ISO 4217, compensated days above days, in_exchange on an ask that is not a
// trade, a second counterpart, and in the config every cross-reference (a parameter, placeholder, fact
// kind or `at` field a rule names; a rule configured twice; a value of the wrong kind for its fact).
// `npm run build` writes both to schema/ (scripts/generate-schemas.js), which the package ships and
// `deal-triage schema` prints.

import type * as z from 'zod';
import { FACT_NAMES, FACTS } from '../engine/facts.js';
import { OPERATOR_NAMES, OPERATORS } from '../engine/operators.js';
import { refinements } from '../schema/common.js';
import {
  DEAL_TYPE_DESCRIPTIONS,
  DealSchema,
  FOLLOW_ON_DESCRIPTIONS,
  OVERRIDE_VERDICT_DESCRIPTIONS,
  POSITION_DESCRIPTIONS,
  STAGE_DESCRIPTIONS,
  STAKEHOLDER_ROLE_DESCRIPTIONS,
  THREAT_DESCRIPTIONS,
} from '../schema/deal.js';
import { inputJsonSchema } from '../schema/json-schema.js';
import { EFFECT_DESCRIPTIONS, FINDING_SEVERITY_DESCRIPTIONS } from '../schema/rule.js';
import { ConfigSchema, RuleEntrySchema } from './config-schema.js';

export const SCHEMA_KINDS = ['deal', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

export { SCHEMA_FILES } from '../schema/modeline.js';

/** Every enum of both files, by its values: what each value means. */
const ENUM_DESCRIPTIONS: readonly Readonly<Record<string, string>>[] = [
  DEAL_TYPE_DESCRIPTIONS,
  STAGE_DESCRIPTIONS,
  FOLLOW_ON_DESCRIPTIONS,
  THREAT_DESCRIPTIONS,
  POSITION_DESCRIPTIONS,
  STAKEHOLDER_ROLE_DESCRIPTIONS,
  OVERRIDE_VERDICT_DESCRIPTIONS,
  EFFECT_DESCRIPTIONS,
  { ...FINDING_SEVERITY_DESCRIPTIONS, off: 'Switched off: the rule never runs.' },
];

/** A field's description, by its path (`asks[].request`: a key of each item of a list). */
const DEAL_FIELDS: Record<string, string> = {
  id: 'The deal\'s id: lowercase letters, digits and dashes (acme-plants). Unique within a folder; it names the file.',
  name: 'What the deal is called (Acme — five-plant rollout).',
  owner: 'The account owner: the rep responsible for the deal.',
  type: 'What kind of sale it is (default new).',
  stage: 'Where the deal is in the sales process.',
  close_date: 'When the deal is expected to close, YYYY-MM-DD.',
  account: 'The customer.',
  'account.name': 'The customer\'s name.',
  'account.employees': 'How many people the customer employs: compared with the company\'s to see how much larger the prospect is.',
  'account.annual_revenue': 'The customer\'s annual revenue, in the deal\'s currency.',
  'account.industry': 'The customer\'s industry.',
  value: 'What this sale is worth.',
  'value.amount': 'This sale\'s contract value.',
  'value.currency': 'An ISO 4217 code in capitals (USD, EUR); default: the config\'s company.currency, else USD.',
  'value.term_months': 'The contract\'s term, in months.',
  follow_on: 'The business that could follow this sale.',
  'follow_on.potential': 'How likely more business is to follow.',
  'follow_on.value': 'The expected follow-on value over the next 18–36 months.',
  'follow_on.notes': 'What the follow-on would be.',
  strategic_logo: 'A name that opens a market or serves as a reference (default false).',
  competition: 'Who else is in the deal.',
  'competition.threat': 'How much a competitor threatens the deal.',
  'competition.competitors': 'The competitors, by name.',
  custom_work: 'Custom work the sales or solutions team would do for this deal.',
  'custom_work.days': 'Person-days of custom work (default 0).',
  'custom_work.compensated_days': 'Of those, the days the customer pays for (default 0; never more than days).',
  'custom_work.description': 'What the custom work is.',
  asks: 'What the prospect is asking for.',
  'asks[].request': 'What they ask for.',
  'asks[].position': 'Our answer.',
  'asks[].in_exchange': 'Only on a trade: what we want in return.',
  'asks[].rationale': 'Why we answer so.',
  'asks[].exception': 'Granting it needs the CEO\'s authority.',
  stakeholders: 'The people on the customer\'s side.',
  'stakeholders[].name': 'Their name.',
  'stakeholders[].title': 'Their job title.',
  'stakeholders[].role': 'Their part in the decision.',
  'stakeholders[].counterpart': 'The executive the CEO speaks to: one at most.',
  history: 'What has happened in the deal so far.',
  'history[].date': 'When, YYYY-MM-DD.',
  'history[].event': 'What happened.',
  issues: 'Open issues: each as text, or with our suggested response.',
  'issues[]': 'An open issue, as text, or a mapping of issue and response.',
  'issues[].issue': 'The issue.',
  'issues[].response': 'Our suggested response.',
  questions: 'Questions the CEO should expect, with a suggested answer.',
  'questions[].question': 'The question.',
  'questions[].answer': 'A suggested answer.',
  objective: 'What the CEO\'s involvement should achieve.',
  plan: 'How the CEO\'s involvement will go.',
  next_meeting: 'The next meeting with the customer, shown in the briefing.',
  'next_meeting.date': 'When, YYYY-MM-DD.',
  'next_meeting.purpose': 'What it is for.',
  ceo: 'The CEO\'s involvement.',
  'ceo.requested': 'The head of sales asks for the CEO on this deal (default false).',
  crm: 'The CRM record this deal was imported from: how deal-triage import finds it again on a re-import.',
  'crm.source': 'The CRM: the preset\'s name (salesforce, hubspot, pipedrive) or the mapping\'s source.',
  'crm.id': 'The record\'s id in that CRM.',
  'ceo.joined': 'The day the CEO actually joined the deal, YYYY-MM-DD: review compares the outcomes of deals with and without the CEO by it.',
  'ceo.override': 'A decision against the policy, made openly by the CEO or the head of sales: the verdict, why, who, and until when.',
  'ceo.override.verdict': 'The verdict that stands instead of the policy\'s while the override lasts.',
  'ceo.override.reason': 'Why the policy is overridden, in a sentence.',
  'ceo.override.by': 'Who decided it.',
  'ceo.override.until': 'The last day it applies, YYYY-MM-DD, at most a year ahead; check reports it once past.',
};

const CONFIG_FIELDS: Record<string, string> = {
  company: 'Your company: the prospect\'s size is compared with it.',
  'company.name': 'Your company\'s name.',
  'company.employees': 'How many people your company employs.',
  'company.annual_revenue': 'Your company\'s annual revenue, in company.currency.',
  'company.currency': 'Your currency, an ISO 4217 code in capitals: the policy\'s amounts are in it, and deals without a currency are (default USD).',
  'company.ceo': 'The CEO\'s name, for the one-on-one pack.',
  'company.head_of_sales': 'The head of sales\'s name, for the one-on-one pack.',
  policy: 'The default policy\'s parameters.',
  'policy.small_deal_below': 'A potential value below this is a small sale: declined.',
  'policy.strategic_value': 'A potential value at least this is a strategic signal.',
  'policy.much_larger_ratio': 'A prospect this many times your size (employees or revenue) is a strategic signal.',
  'policy.max_uncompensated_custom_days': 'More unpaid custom days than this decline the deal.',
  'policy.join_stages': 'The stages at which the CEO can join; earlier ones wait.',
  'policy.ceo_capacity': 'How many deals the CEO can join at once (check warns beyond it).',
  'policy.stale_days': 'Days without a history event after which review lists an open deal as stale (default 21).',
  rules: 'Changes to the built-in rules (by id), and rules of your own.',
  'rules[].id': 'A built-in rule\'s id, to change it; or a new id, for a rule of your own.',
  'rules[].effect': 'What the rule does when it fires (required for a rule of your own).',
  'rules[].description': 'What the rule is for, in a sentence.',
  'rules[].when': 'When the rule fires: a comparison { fact, op, value }, or all / any / not of conditions. Absent: always.',
  'rules[].message': 'What the rule says when it fires; {name} inserts a fact or parameter.',
  'rules[].change': 'For decline and wait: what would have to change for the rule to stop firing.',
  'rules[].items': 'For roles: a list fact whose items the role concerns.',
  'rules[].at': 'For findings: the field of the deal file check points at (ceo.requested, say).',
  'rules[].severity': 'For findings: how serious; off switches any rule off.',
  'rules[].params': 'Parameters of this rule, over the policy\'s.',
  'rules[].enabled': 'false switches the rule off.',
  one_on_one: 'The weekly CEO / head of sales one-on-one: its cadence and its log.',
  'one_on_one.cadence_days': 'Days between one-on-ones (default 7); check warns 3 days past it.',
  'one_on_one.min_minutes': 'The shortest one-on-one that counts as held in full (default 60).',
  'one_on_one.log': 'The log of one-on-ones, a .yaml path inside the config\'s folder (default one-on-ones.yaml).',
};

const SCHEMAS: Record<SchemaKind, { schema: z.ZodType; title: string; description: string; fields: Record<string, string> }> = {
  deal: {
    schema: DealSchema,
    title: 'deal-triage deal file',
    description: 'One B2B deal, for deal-triage: should the CEO join it? See the README\'s "The deal file".',
    fields: DEAL_FIELDS,
  },
  config: {
    schema: ConfigSchema,
    title: 'deal-triage config',
    description: 'deal-triage.config.yaml: the company profile, the policy\'s parameters and your rules. See the README\'s "The config".',
    fields: CONFIG_FIELDS,
  },
};

type Node = Record<string, unknown>;

/** The schema's JSON Schema, documented. */
export function editorSchema(kind: SchemaKind): Node {
  return documentedSchema(kind).schema;
}

/**
 * The schema and what it leaves undocumented: a field or an enum without a description, or a
 * description of a field the schema does not have. The schema is still made (a field added without
 * one must not stop the build); tests/cli/schema.test.ts requires the list to be empty, and the
 * build prints it.
 */
export function documentedSchema(kind: SchemaKind): { schema: Node; undocumented: string[] } {
  const { schema, title, description, fields } = SCHEMAS[kind];
  const seen = new Set<string>();
  const undocumented: string[] = [];
  const when = (RuleEntrySchema.shape.when as unknown as { unwrap(): z.ZodType }).unwrap();
  const json = inputJsonSchema(schema, ({ zodSchema: found, jsonSchema }) => {
    const zodSchema = found as unknown as z.ZodType;
    const node = jsonSchema as Node;
    const def = zodSchema._zod.def as { type: string; checks?: { _zod: { def: { check: string } } }[] };
    const check = refinements.get(zodSchema)?.check;
    if (zodSchema === when) {
      for (const key of Object.keys(node)) delete node[key];
      node.$ref = '#/definitions/condition';
    } else if (Array.isArray(node.enum)) {
      const values = node.enum as string[];
      const table = ENUM_DESCRIPTIONS.find((t) => Object.keys(t).length === values.length && values.every((v) => Object.hasOwn(t, v)));
      if (!table) {
        undocumented.push(`the values of the enum ${values.join(' | ')}: describe them beside it, and list the table in ENUM_DESCRIPTIONS`);
        return;
      }
      delete node.enum;
      delete node.type;
      node.oneOf = values.map((value) => ({ const: value, description: table[value] }));
    } else if (check === 'isIsoDate') {
      node.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
    } else if (check === 'isCurrencyCode') {
      node.pattern = '^[A-Z]{3}$';
    } else if (def.type === 'string' && def.checks?.some((c) => c._zod.def.check === 'overwrite') && node.pattern === undefined) {
      // Text is trimmed before its "not empty" check: blank text is empty.
      node.pattern = '\\S';
    }
  });
  describeFields(json, '', fields);
  for (const field of Object.keys(fields)) if (!seen.has(field)) undocumented.push(`${field}, described in src/policy/editor-schema.ts, is not a field of the ${kind} schema`);
  if (kind === 'config') {
    // `policy:` with nothing under it means the defaults, as if the key were absent (src/load/config.ts).
    const properties = json.properties as Record<string, Node>;
    for (const section of ['company', 'policy', 'rules']) properties[section]!.type = [properties[section]!.type as string, 'null'];
  }
  const { $schema, ...rest } = json;
  return {
    schema: {
      $schema,
      title,
      description,
      ...rest,
      ...(kind === 'config' && { definitions: { condition: conditionSchema() } }),
    },
    undocumented,
  };

  function describeFields(node: Node, at: string, table: Record<string, string>): void {
    const properties = node.properties as Record<string, Node> | undefined;
    for (const [key, child] of Object.entries(properties ?? {})) {
      const field = at === '' ? key : `${at}.${key}`;
      const text = table[field];
      seen.add(field);
      if (text === undefined) undocumented.push(`the ${kind} field ${field}: describe it in src/policy/editor-schema.ts`);
      else properties![key] = { description: text, ...child };
      describeFields(child, field, table);
    }
    const items = node.items as Node | undefined;
    if (items) {
      if (table[`${at}[]`] !== undefined) {
        seen.add(`${at}[]`);
        node.items = { description: table[`${at}[]`], ...items };
      }
      describeFields(items, `${at}[]`, table);
    }
    for (const key of ['anyOf', 'oneOf'] as const) for (const option of (node[key] as Node[] | undefined) ?? []) describeFields(option, at, table);
  }
}

/**
 * A rule's condition: all / any / not of conditions, or a comparison of a fact with a value. The
 * value's kind for each fact and operator is checked by the loader, which says what to write.
 */
function conditionSchema(): Node {
  const ref = { $ref: '#/definitions/condition' };
  const list = { type: 'array', minItems: 1, items: ref };
  const combinator = (key: string, value: Node, text: string) => ({
    type: 'object',
    description: text,
    required: [key],
    properties: { [key]: { description: text, ...value } },
    additionalProperties: false,
  });
  return {
    description: 'When a rule fires: a comparison { fact, op, value }, or all / any / not of conditions.',
    oneOf: [
      combinator('all', list, 'Every condition in the list holds.'),
      combinator('any', list, 'At least one condition in the list holds.'),
      combinator('not', ref, 'The condition does not hold.'),
      {
        type: 'object',
        description: 'A fact of the deal compared with a value, a policy parameter ({ param: name }) or another fact ({ fact: name }).',
        required: ['fact', 'op'],
        properties: {
          fact: { description: 'What is compared: a fact of the deal.', oneOf: FACT_NAMES.map((name) => ({ const: name, description: FACTS[name].description })) },
          op: { description: 'How it is compared.', oneOf: OPERATOR_NAMES.map((name) => ({ const: name, description: operatorText(name) })) },
          value: { description: 'What it is compared with (none for an operator such as missing or empty).' },
        },
        additionalProperties: false,
      },
    ],
  };
}

/** An operator as the explanation reads it: `fact ≥ value`, `fact is not set`. */
function operatorText(name: (typeof OPERATOR_NAMES)[number]): string {
  const op: { symbol: string; takesValue: boolean } = OPERATORS[name];
  return `fact ${op.symbol}${op.takesValue ? ' value' : ' (takes no value)'}`;
}

/** The file as `deal-triage schema` prints it and the package ships it: two-space JSON, one newline. */
export function editorSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(editorSchema(kind), null, 2)}\n`;
}
