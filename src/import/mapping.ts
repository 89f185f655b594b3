// The mapping of a CRM export onto deal fields, pure. Either a preset alone, or a mapping file
// (validated like the config: parse with positions, zod, then the checks zod cannot make, each a
// located problem in the mapping file) on top of a preset or of nothing. Then resolved against
// the export's header: every column a mapping names must be in it, and every field a deal needs
// must come from a column or a default. The result says, for each column, the field it owns.

import * as z from 'zod';
import { listProblems, problem } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import { parseYaml } from '../load/yaml-source.js';
import type { Locator } from '../load/yaml-source.js';
import { issuesToProblems } from '../load/zod-issues.js';
import { DEAL_TYPES, STAGES } from '../schema/enums.js';
import type { DealType } from '../schema/deal.js';
import { closest, didYouMean } from '../schema/suggest.js';
import { IMPORT_FIELD_NAMES, isImportField, REQUIRED_FIELDS } from './fields.js';
import type { ImportField } from './fields.js';
import { keyOf, PRESET_NAMES } from './presets.js';
import type { Preset, PresetName, StatusMeaning } from './presets.js';
import { parseCell } from './cells.js';
import { DATE_FORMATS } from './values.js';
import type { DateFormat, Decimal } from './values.js';

const cellText = z.string().trim().min(1, { error: 'must not be empty' });

const sortedLetters = (text: string) => [...text.toLowerCase()].sort().join('');

/** A deal field a column gives, with a "did you mean" that also catches swapped letters (nmae). */
const fieldName = z.string().superRefine((value, ctx) => {
  if (isImportField(value)) return;
  const near = closest(value, IMPORT_FIELD_NAMES) ?? IMPORT_FIELD_NAMES.find((field) => sortedLetters(field) === sortedLetters(value));
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: `is not a deal field a column can give${near ? `; did you mean ${near}?` : ''} (the fields: ${IMPORT_FIELD_NAMES.join(', ')})`,
  });
}) as unknown as z.ZodType<ImportField, string>;

export const MappingFileSchema = z.strictObject({
  preset: z.enum(PRESET_NAMES).optional(),
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a short name in lowercase letters, digits and dashes, such as zoho' })
    .optional(),
  columns: z.record(cellText, fieldName).optional(),
  stages: z.record(cellText, z.enum([...STAGES, 'open'])).optional(),
  types: z.record(cellText, z.enum(DEAL_TYPES)).optional(),
  defaults: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.union([z.string(), z.number(), z.boolean()])).optional(),
  delimiter: z.enum([',', ';', '\t', 'tab']).optional(),
  decimal: z.enum(['.', ',']).optional(),
  date_format: z.enum(DATE_FORMATS).optional(),
});
export type MappingFile = z.output<typeof MappingFileSchema>;

export interface LoadedMappingFile {
  spec: MappingFile;
  file: string;
  locator: Locator;
}

/** The mapping file's text as a spec, or its problems, located. */
export function parseMappingFile(text: string, file: string): { ok: true; value: LoadedMappingFile } | { ok: false; problems: Problem[] } {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) return { ok: false, problems: listProblems(yaml.problems) };
  const value = withoutEmptySections(yaml.value);
  const parsed = MappingFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, value, MappingFileSchema, yaml.locator, file)) };
  }
  return { ok: true, value: { spec: parsed.data, file, locator: yaml.locator } };
}

/** `defaults:` with nothing under it (or only comments, as --init-map writes it) means none, as if absent. */
function withoutEmptySections(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sections = new Set(['columns', 'stages', 'types', 'defaults']);
  return Object.fromEntries(Object.entries(value).filter(([key, section]) => !(section === null && sections.has(key))));
}

/** A column of the export and the field it gives. */
export interface OwnedColumn {
  field: ImportField;
  /** Its index in the header. */
  index: number;
  header: string;
}

/** How each row becomes a deal: the columns and the fields they own, the tables, the formats. */
export interface Mapping {
  /** crm.source of every deal: the preset's name, or the mapping's `source`. */
  source: string;
  preset: PresetName | undefined;
  /** In header order. */
  columns: OwnedColumn[];
  /** Keyed by keyOf(CRM value). */
  stages: ReadonlyMap<string, StatusMeaning>;
  types: ReadonlyMap<string, DealType>;
  /** Values for fields no column gives, or for an empty cell; typed. */
  defaults: ReadonlyMap<ImportField, unknown>;
  decimal: Decimal;
  dateFormat: DateFormat;
  delimiter: string | undefined;
}

export interface MappingInput {
  preset: Preset | undefined;
  file: LoadedMappingFile | undefined;
  header: readonly string[];
  /** The export, as shown: where a problem with the header is located (line 1). */
  csvFile: string;
}

export type MappingResult = { ok: true; mapping: Mapping } | { ok: false; problems: Problem[] };

export function resolveMapping(input: MappingInput): MappingResult {
  const { preset, file, header, csvFile } = input;
  const spec = file?.spec;
  const problems: Problem[] = [];
  const at = (path: (string | number)[], target: 'key' | 'value' = 'key') => (file ? file.locator.at(path, target) : { line: 1, column: 1 });
  const where = file?.file ?? csvFile;

  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    if (!byName.has(keyOf(name))) byName.set(keyOf(name), index);
  });

  // The preset's columns that are in the header, then the mapping's, which replace the preset's
  // column for the same field.
  const fieldColumn = new Map<ImportField, number>();
  if (preset) {
    for (const [field, names] of preset.columns) {
      const index = names.map((name) => byName.get(keyOf(name))).find((i) => i !== undefined);
      if (index !== undefined) fieldColumn.set(field, index);
    }
  }
  const claimedBy = new Map<ImportField, string>();
  for (const [column, field] of Object.entries(spec?.columns ?? {})) {
    const index = byName.get(keyOf(column));
    if (index === undefined) {
      problems.push(
        problem(where, at(['columns', column]), 'mapping-unknown-column', `the export has no column "${column}"${didYouMean(column, [...header])}; its columns are ${header.map((h) => `"${h}"`).join(', ')}`),
      );
      continue;
    }
    const earlier = claimedBy.get(field);
    if (earlier !== undefined) {
      problems.push(problem(where, at(['columns', column], 'value'), 'mapping-duplicate-field', `"${column}" and "${earlier}" both give ${field}; map one column to each field`));
      continue;
    }
    claimedBy.set(field, column);
    // A column given another field by the preset now gives this one only.
    for (const [other, i] of fieldColumn) if (i === index) fieldColumn.delete(other);
    fieldColumn.set(field, index);
  }

  const defaults = new Map<ImportField, unknown>();
  const decimal: Decimal = spec?.decimal ?? '.';
  const dateFormat: DateFormat = spec?.date_format ?? preset?.dateFormat ?? 'YYYY-MM-DD';
  const stages = new Map<string, StatusMeaning>();
  for (const [crm, ours] of Object.entries(preset?.stages ?? {})) stages.set(keyOf(crm), ours);
  for (const [crm, ours] of Object.entries(preset?.statuses ?? {})) stages.set(keyOf(crm), ours);
  for (const [crm, ours] of Object.entries(spec?.stages ?? {})) stages.set(keyOf(crm), ours);
  const types = new Map<string, DealType>();
  for (const [crm, ours] of Object.entries(preset?.types ?? {})) types.set(keyOf(crm), ours);
  for (const [crm, ours] of Object.entries(spec?.types ?? {})) types.set(keyOf(crm), ours);

  const partial = { stages, types, decimal, dateFormat };
  for (const [field, value] of Object.entries(spec?.defaults ?? {}) as [ImportField, string | number | boolean][]) {
    if (field === 'crm.id' || field === 'id') {
      problems.push(problem(where, at(['defaults', field]), 'mapping-bad-default', `${field} cannot have a default: each deal has its own`));
      continue;
    }
    const parsed = parseCell(field, String(value), partial);
    if (!parsed.ok) problems.push(problem(where, at(['defaults', field], 'value'), 'mapping-bad-default', `the default for ${field}: ${parsed.reason}`));
    else defaults.set(field, parsed.value);
  }

  for (const field of REQUIRED_FIELDS) {
    if (fieldColumn.has(field) || defaults.has(field)) continue;
    const how =
      field === 'crm.id'
        ? `map the column that holds the CRM's record id: columns: { "Record ID": crm.id }`
        : `map a column to it (columns: { "Your column": ${field} }) or give it under defaults: (${field}: …)`;
    problems.push(problem(where, file ? at(file.spec.columns ? ['columns'] : []) : { line: 1, column: 1 }, 'mapping-missing-field', `no column gives ${field}, which every deal needs; ${how}`));
  }
  if (fieldColumn.has('status') && !fieldColumn.has('stage')) {
    problems.push(problem(where, at(['columns']), 'mapping-missing-field', 'a status column needs a stage column too: the status says only whether a deal is open, won or lost'));
  }
  if (problems.length > 0) return { ok: false, problems: listProblems(problems) };

  const columns = [...fieldColumn].map(([field, index]) => ({ field, index, header: header[index]! })).sort((a, b) => a.index - b.index);
  const source = spec?.source ?? spec?.preset ?? preset?.name ?? 'csv';
  return {
    ok: true,
    mapping: {
      source,
      preset: preset?.name,
      columns,
      stages,
      types,
      defaults,
      decimal,
      dateFormat,
      delimiter: spec?.delimiter === 'tab' ? '\t' : spec?.delimiter,
    },
  };
}
