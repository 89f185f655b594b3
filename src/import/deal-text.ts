// The text of an imported deal's file, pure: a new file from a row, or the owned fields of an
// existing file changed in place with the `yaml` package's Document API, so every comment, every
// key order and every field the head of sales wrote stays as it was.

import { dealSchemaModeline } from '../schema/modeline.js';
import type { Scalar } from 'yaml';
import { yamlLib } from '../load/yaml-lib.js';
import { FOLLOW_ON_POTENTIALS } from '../schema/enums.js';
import type { Deal } from '../schema/deal.js';
import { IMPORT_FIELD_NAMES, pathOf, SCHEMA_DEFAULTS } from './fields.js';
import type { ImportField } from './fields.js';
import type { Mapping } from './mapping.js';
import type { RowDeal } from './row.js';
import type { Money } from './values.js';
import { doubleQuoted } from './quote.js';

/** How every import writes text: as `new` does (no folding of long lines). */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false, doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY } as const;

/** Each importable field's place in IMPORT_FIELD_NAMES (file order), and its path in a deal. */
const PLACE = new Map(IMPORT_FIELD_NAMES.map((field, i) => [field, i]));
const PATHS = Object.fromEntries(IMPORT_FIELD_NAMES.map((field) => [field, pathOf(field)])) as unknown as Record<ImportField, readonly string[]>;

/** Imported deals start with follow-on potential not yet assessed: the CRM does not know it. */
export const UNASSESSED: (typeof FOLLOW_ON_POTENTIALS)[number] = 'unknown';

/** A new file's first lines: the same for every deal of an import, so made once per mapping and version. */
const heads = new WeakMap<Mapping, { version: string; lines: string }>();

function head(mapping: Mapping, version: string): string {
  const made = heads.get(mapping);
  if (made?.version === version) return made.lines;
  const lines = [
    // The editor's schema line first, as `new` writes it (src/schema/modeline.ts).
    dealSchemaModeline(version),
    `# A deal imported from ${mapping.source} by \`deal-triage import\`.`,
    `# On each import, the fields that come from ${mapping.source} are updated (${ownedFields(mapping).join(', ')});`,
    "# everything else is yours: assess follow_on.potential, and add the CEO's brief (history, stakeholders, questions, objective).",
    '',
  ].join('\n');
  heads.set(mapping, { version, lines });
  return lines;
}

/** The fields the mapping's columns give, in file order. */
export function ownedFields(mapping: Mapping): ImportField[] {
  const given = new Set<ImportField>(mapping.columns.map((c) => (c.field === 'status' ? 'stage' : c.field)));
  return IMPORT_FIELD_NAMES.filter((field) => given.has(field));
}

/** The fields of a new deal, in the order of a deal file. */
export function newDealData(row: RowDeal, id: string, mapping: Mapping): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const put = (field: ImportField, value: unknown) => {
    const path = PATHS[field];
    let at = data;
    for (let i = 0; i < path.length - 1; i++) at = (at[path[i]!] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]!] = value;
  };
  put('id', id);
  for (const field of IMPORT_FIELD_NAMES) {
    if (field === 'id' || field === 'status' || field === 'crm.id') continue;
    const fallback = mapping.defaults.get(field);
    // A money default (`account.annual_revenue: 5000000000`) is a Money: its amount is the field's value.
    const value = row.owned.has(field) ? row.owned.get(field) : fallback instanceof Object && 'amount' in fallback ? (fallback as Money).amount : fallback;
    if (value !== undefined) put(field, value);
    if (field === 'follow_on.potential' && value === undefined) put(field, UNASSESSED);
  }
  data.crm = { source: mapping.source, id: row.crmId };
  return data;
}

/**
 * A new deal's text (from newDealData), written directly: the shape is fixed (mappings of scalars,
 * two levels deep), so the `yaml` package's document model, ten times the cost, is not needed. Every
 * scalar reads back as the value it was written from (tests/import/deal-text.test.ts holds that on
 * hostile text), so the import checks the data, not the text.
 */
export function newDealText(data: Record<string, unknown>, mapping: Mapping, version: string): string {
  const lines = [head(mapping, version)];
  const write = (data: Record<string, unknown>, indent: string) => {
    for (const [key, value] of Object.entries(data)) {
      if (value !== null && typeof value === 'object') {
        lines.push(`${indent}${key}:`);
        write(value as Record<string, unknown>, `${indent}  `);
      } else {
        lines.push(`${indent}${key}: ${scalar(value)}`);
      }
    }
  };
  write(data, '');
  return `${lines.join('\n')}\n`;
}

/** Text that YAML reads back as the same string when written plainly: no indicator, number, boolean, null or date look-alike. */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} .,'()&/+@_–—-]*$/u;
const LOOKS_TYPED = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|true|false|yes|no|on|off|y|n|null|~|\.nan|\.inf|\d{4}-\d\d?-\d\d?.*)$/i;
 

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  // An ISO date stays plain: the deal schema reads it as the text it is.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (PLAIN.test(text) && !LOOKS_TYPED.test(text) && !text.endsWith(' ')) return text;
  // JSON's double-quoted text is YAML's too, once the characters YAML does not take raw are escaped.
  return doubleQuoted(text);
}

export interface FieldChange {
  field: ImportField;
  /** undefined: the file had none / the CRM has none now. */
  old: unknown;
  new: unknown;
}

function valueIn(deal: Deal, field: ImportField): unknown {
  let at: unknown = deal;
  for (const key of PATHS[field]) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A deal's values of every field an import may own, by the field's place in IMPORT_FIELD_NAMES: all a re-import compares. */
export type OwnedValues = readonly unknown[];

export function ownedValues(deal: Deal): OwnedValues {
  return IMPORT_FIELD_NAMES.map((field) => valueIn(deal, field));
}

/** The owned fields whose value in the CRM differs from the deal's (its ownedValues), in file order. */
export function ownedChanges(existing: OwnedValues, row: RowDeal): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of row.owned) {
    if (field === 'id') continue;
    const old = existing[PLACE.get(field)!];
    // An empty cell of a field with a default (type new) is that default, as the file's absence is.
    const now = value === undefined ? SCHEMA_DEFAULTS[field] : value;
    if (old === now || (now === undefined && old === undefined)) continue;
    changes.push({ field, old, new: value });
  }
  const order = (f: ImportField) => PLACE.get(f)!;
  return changes.sort((a, b) => order(a.field) - order(b.field));
}

/**
 * The file's text with the changes made in place. When every change replaces a value the file has,
 * only those values' text changes: every other byte stays, comment alignment included. Adding or
 * removing a field goes through the Document API, which keeps comments and key order but may
 * respace a comment. A field the CRM no longer has is removed, and its section too when nothing is
 * left in it (a `next_meeting` without its date).
 */
export function editDealText(text: string, changes: readonly FieldChange[]): string {
  return editScalars(text, changes) ?? editDocument(text, changes);
}

/** The changes as edits of the source tokens, or undefined when one of them is not a value to replace. */
function editScalars(text: string, changes: readonly FieldChange[]): string | undefined {
  if (changes.some((change) => change.new === undefined)) return undefined;
  const { Composer, CST, Document, isScalar, Parser, parseDocument } = yamlLib();
  const tokens = [...new Parser().parse(text)];
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const doc = docs[0];
  if (docs.length !== 1 || !doc || doc.errors.length > 0) return undefined;
  const edits: { token: NonNullable<Scalar['srcToken']>; value: string; type: Scalar.Type }[] = [];
  for (const change of changes) {
    const node: unknown = doc.getIn(pathOf(change.field), true);
    if (!isScalar(node) || !node.srcToken) return undefined;
    const written = new Document(change.new).toString(STRINGIFY).trimEnd();
    const type: Scalar.Type = written.startsWith("'") ? 'QUOTE_SINGLE' : written.startsWith('"') || /^[|>]/.test(written) ? 'QUOTE_DOUBLE' : 'PLAIN';
    edits.push({ token: node.srcToken, value: String(change.new), type });
  }
  for (const edit of edits) CST.setScalarValue(edit.token, edit.value, { type: edit.type });
  const edited = tokens.map((token) => CST.stringify(token)).join('');
  // Proof, not trust: the text must read back with the new values.
  const check = parseDocument(edited);
  if (check.errors.length > 0) return undefined;
  return changes.every((change) => check.getIn(pathOf(change.field)) === change.new) ? edited : undefined;
}

function editDocument(text: string, changes: readonly FieldChange[]): string {
  const { isMap, parseDocument } = yamlLib();
  const doc = parseDocument(text, { uniqueKeys: false });
  for (const change of changes) {
    const path = pathOf(change.field);
    if (change.new === undefined) {
      doc.deleteIn(path);
      for (let depth = path.length - 1; depth > 0; depth--) {
        const parent: unknown = doc.getIn(path.slice(0, depth), true);
        if (isMap(parent) && parent.items.length === 0) doc.deleteIn(path.slice(0, depth));
        else break;
      }
    } else {
      doc.setIn(path, change.new);
    }
  }
  return doc.toString(STRINGIFY);
}
