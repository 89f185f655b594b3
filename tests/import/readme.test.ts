// The README's import section says exactly what the presets do: each preset's column table, stage
// table and type table against src/import/presets.ts (a row missing, added or wrong fails), and
// the fields a mapping's column may give.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELD_NAMES } from '../../src/import/fields.js';
import { PRESET_NAMES, PRESETS } from '../../src/import/presets.js';
import { ROOT } from '../helpers/paths.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');

/** The text from `heading` to the next heading of its level or above. */
function section(heading: string): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`the README has no "${heading}"`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Each table under the text: rows of cells, the header and the separator left out. */
function tables(text: string): string[][][] {
  const found: string[][][] = [];
  let current: string[][] = [];
  for (const line of [...text.split('\n'), '']) {
    if (line.startsWith('|')) current.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
    else if (current.length > 0) {
      found.push(current.slice(2));
      current = [];
    }
  }
  return found;
}

const spans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe("the README's import section", () => {
  it.each(PRESET_NAMES)('documents the %s preset as it is', (name) => {
    const preset = PRESETS[name];
    const [columns, stages, types] = tables(section(`#### ${preset.title} (\`--preset ${name}\`)`));
    expect(columns!.map(([field, names]) => [spans(field!)[0], spans(names!)])).toEqual(preset.columns.map(([field, names]) => [field, [...names]]));
    expect(Object.fromEntries(stages!.map(([crm, ours]) => [spans(crm!)[0], spans(ours!)[0]]))).toEqual({ ...preset.stages, ...preset.statuses });
    expect(Object.fromEntries((types ?? []).map(([crm, ours]) => [spans(crm!)[0], spans(ours!)[0]]))).toEqual(preset.types);
    expect(section(`#### ${preset.title}`)).toContain(`Dates: \`${preset.dateFormat}\``);
  });

  it('lists every field a column may give', () => {
    const text = section('#### The mapping file');
    const paragraph = text.slice(text.indexOf('The fields a column may give:'), text.indexOf('`fixtures/import/`'));
    expect(spans(paragraph).filter((name) => name !== 'closed-won' && name !== 'closed-lost')).toEqual(IMPORT_FIELD_NAMES);
  });

  it('is listed among the commands', () => {
    expect(section('## Commands')).toContain('| `deal-triage import <file.csv>` |');
  });
});
