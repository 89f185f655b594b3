// One cell of the export as the value of the field its column gives, pure: by the field's kind
// (fields.ts), with the mapping's stage and type tables and number and date formats.

import { isCurrencyCode } from '../schema/checks.js';
import { ID_PATTERN } from '../schema/common.js';
import type { DealType } from '../schema/deal.js';
import { ENUM_VALUES, IMPORT_FIELDS } from './fields.js';
import type { ImportField } from './fields.js';
import { keyOf } from './presets.js';
import type { StatusMeaning } from './presets.js';
import { doubleQuoted, quotedCell } from './quote.js';
import { parseBoolean, parseCount, parseDate, parseMoney } from './values.js';
import type { DateFormat, Decimal, Parsed } from './values.js';

export interface CellFormats {
  stages: ReadonlyMap<string, StatusMeaning>;
  types: ReadonlyMap<string, DealType>;
  decimal: Decimal;
  dateFormat: DateFormat;
}

const no = (reason: string): Parsed<never> => ({ ok: false, reason });

/** A cell's value for `field`; a money field gives a Money (its amount, and a currency written with it). */
export function parseCell(field: ImportField, cell: string, formats: CellFormats): Parsed<unknown> {
  const text = cell.trim();
  const kind = IMPORT_FIELDS[field];
  switch (kind) {
    case 'text':
      return { ok: true, value: text };
    case 'id':
      return ID_PATTERN.test(text.toLowerCase()) ? { ok: true, value: text.toLowerCase() } : no(`${quotedCell(cell)} is not an id (lowercase letters, digits and dashes)`);
    case 'money':
      return parseMoney(text, formats.decimal);
    case 'count':
      return parseCount(text, formats.decimal, 0);
    case 'months':
      return parseCount(text, formats.decimal, 1);
    case 'date':
      return parseDate(text, formats.dateFormat);
    case 'boolean':
      return parseBoolean(text);
    case 'currency': {
      const code = text.toUpperCase();
      return isCurrencyCode(code) ? { ok: true, value: code } : no(`${quotedCell(cell)} is not a currency code such as USD or EUR`);
    }
    case 'stage':
    case 'status': {
      const ours = formats.stages.get(keyOf(text));
      if (ours !== undefined && (kind === 'status' || ours !== 'open')) return { ok: true, value: ours };
      // A stage written as ours (`proposal`) needs no table.
      if (kind === 'stage' && ENUM_VALUES.stage!.includes(text.toLowerCase())) return { ok: true, value: text.toLowerCase() };
      const what = kind === 'status' ? 'status' : 'stage';
      return no(`the ${what} ${quotedCell(cell)} is not in the mapping's stages; add it under stages: in a mapping file (${text.length <= 200 ? doubleQuoted(text) : '"Your stage"'}: proposal)`);
    }
    case 'type': {
      const ours = formats.types.get(keyOf(text)) ?? (ENUM_VALUES.type!.includes(text.toLowerCase()) ? (text.toLowerCase() as DealType) : undefined);
      return ours !== undefined ? { ok: true, value: ours } : no(`the deal type ${quotedCell(cell)} is not in the mapping's types; add it under types: in a mapping file (${text.length <= 200 ? doubleQuoted(text) : '"Your type"'}: new, expansion or renewal)`);
    }
    case 'potential':
    case 'threat': {
      const values = ENUM_VALUES[kind]!;
      return values.includes(text.toLowerCase()) ? { ok: true, value: text.toLowerCase() } : no(`${quotedCell(cell)} is not one of ${values.join(', ')}`);
    }
  }
}
