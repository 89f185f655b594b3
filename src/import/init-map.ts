// A starter mapping file from an export's header, pure: the closest preset's guesses for the
// columns it knows, its stage and type tables, and a comment on every column it could not map, so
// the user edits a file that already says everything (as hledger's CSV rules files do).

import { IMPORT_FIELD_NAMES } from './fields.js';
import type { ImportField } from './fields.js';
import { keyOf } from './presets.js';
import { doubleQuoted } from './quote.js';
import type { Preset } from './presets.js';

/** A key or value as YAML reads it back exactly, controls and bidirectional marks escaped. */
const quoted = doubleQuoted;

/** A file name in a comment: as it is, unless a line break or a control in it would end the comment or reach a reader raw. */
const inComment = (text: string) => (/^[^\p{Cc}\p{Cf}\u2028\u2029]*$/u.test(text) ? text : doubleQuoted(text));

export function starterMapping(header: readonly string[], preset: Preset | undefined, csvName: string, mapName: string, delimiter = ','): string {
  const guesses = new Map<string, ImportField>();
  if (preset) {
    const byKey = new Map(header.map((name) => [keyOf(name), name]));
    for (const [field, names] of preset.columns) {
      const column = names.map((name) => byKey.get(keyOf(name))).find((found) => found !== undefined);
      if (column !== undefined && ![...guesses.values()].includes(field)) guesses.set(column, field);
    }
  }
  const known = new Set((preset?.known ?? []).map(keyOf));
  const lines: string[] = [
    `# How \`deal-triage import\` reads ${inComment(csvName)}: each CSV column → the deal field it gives, each CRM`,
    `# stage → ours. Made by --init-map from the export's header${preset ? `, with the ${preset.name} preset's guesses` : ''}.`,
    '# Check every line, then run:',
    `#   deal-triage import ${inComment(csvName)} --map ${inComment(mapName)} --dry-run`,
    '# Fields a column may give: ' + IMPORT_FIELD_NAMES.join(', '),
  ];
  if (preset) lines.push(`preset: ${preset.name}`);
  else lines.push('source: csv                  # the CRM\'s name, kept in each deal as crm.source');
  lines.push('columns:');
  for (const column of header) {
    const field = guesses.get(column);
    if (field !== undefined) lines.push(`  ${quoted(column)}: ${field}`);
    else if (known.has(keyOf(column))) lines.push(`  # ${quoted(column)}: not mapped: no deal field holds it`);
    else lines.push(`  # ${quoted(column)}: not mapped: give the field it holds, or leave it`);
  }
  const missing = ['crm.id', 'name', 'owner', 'stage', 'account.name', 'value.amount'].filter((f) => ![...guesses.values()].includes(f as ImportField));
  if (missing.length > 0) lines.push(`  # still needed, from a column or under defaults: ${missing.join(', ')}`);
  lines.push('stages:                        # CRM stage → discovery, qualification, proposal, negotiation, closed-won, closed-lost');
  const stages = Object.entries({ ...(preset?.stages ?? {}), ...(preset?.statuses ?? {}) });
  if (stages.length === 0) lines.push('  # "Your stage": proposal');
  for (const [crm, ours] of stages) lines.push(`  ${quoted(crm)}: ${ours}`);
  const types = Object.entries(preset?.types ?? {});
  if (types.length > 0) {
    lines.push('types:                         # CRM deal type → new, expansion, renewal');
    for (const [crm, ours] of types) lines.push(`  ${quoted(crm)}: ${ours}`);
  }
  lines.push(
    'defaults:                      # fields no column gives',
    '  # value.currency: USD',
    `date_format: ${preset?.dateFormat ?? 'YYYY-MM-DD'}        # or M/D/YYYY, D/M/YYYY, DD.MM.YYYY`,
    'decimal: "."                   # "," for 1.250.000,50',
  );
  // Found from the header this time; written down, so the mapping reads the export the same way every time.
  if (delimiter !== ',') lines.push(`delimiter: ${delimiter === '\t' ? 'tab' : quoted(delimiter)}`);
  return `${lines.join('\n')}\n`;
}
