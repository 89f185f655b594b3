// A new deal's text is written from its data by our own writer, and the import checks the data, not
// the text (src/cli/commands/import.ts). That holds only if every text reads back as the data it was
// written from: here, on thousands of rows of hostile text (YAML indicators, look-alikes of numbers,
// booleans, nulls and dates, quotes, controls, bidirectional marks, line breaks, long and empty-ish
// cells), the text loads as a deal exactly when the data is valid, and as the same deal.

import { describe, expect, it } from 'vitest';
import { random } from '../../bench/generate.js';
import { newDealData, newDealText } from '../../src/import/deal-text.js';
import { resolveMapping } from '../../src/import/mapping.js';
import { PRESETS } from '../../src/import/presets.js';
import { rowToDeal } from '../../src/import/row.js';
import { parseDeal } from '../../src/load/deal.js';
import { parseDealFast } from '../../src/schema/deal-validator.generated.js';

const HEADER = ['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Deal owner', 'Amount', 'Pipeline', 'Deal Type', 'Associated Company'];
const resolved = resolveMapping({ preset: PRESETS.hubspot, file: undefined, header: HEADER, csvFile: 'export.csv' });
if (!resolved.ok) throw new Error('the HubSpot preset does not fit its own header');
const mapping = resolved.mapping;

const PIECES = [
  'Acme', 'GmbH', ' ', '  ', '-', '- ', '? ', ': ', ':', '#', ' #', '&a', '*a', '!tag', '|', '>', '%', '@', '`', '"', "'", "''", '\\',
  '{', '}', '[', ']', ',', '0', '1', '-1', '1e3', '0x1F', '0o7', '.5', '.inf', '-.inf', '.nan', 'true', 'False', 'yes', 'NO', 'on', 'y',
  'null', '~', 'Null', '2026-12-01', '2026-1-1', '2026-12-01T10:00:00Z', '12:30', '1_000', '+1', '---', '...', '<<', '=HYPERLINK("x")',
  'é', 'ß', '—', '–', '中文', '🙂', '\u202e', '\u200f', '\u2028', '\u2029', '\ufeff', '\u0085', '\u00a0', '\t', '\r\n', '\n', '\u001b[31m', '\u0007',
];

type Data = Record<string, unknown>;
const CORRUPT: ((data: Data) => void)[] = [
  (data) => ((data.value as Record<string, unknown>).amount = -5),
  (data) => ((data.value as Record<string, unknown>).currency = 'usd'),
  (data) => (data.stage = 'open'),
  (data) => (data.close_date = '2026-02-30'),
  (data) => (data.name = ''),
  (data) => ((data.account as Record<string, unknown>).employees = 2.5),
];

describe('a new deal file reads back as the data it was written from', () => {
  it('on 3,000 rows of hostile text: valid data gives a text that loads as the same deal, and only then', () => {
    const next = random(13);
    const text = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
    let valid = 0;
    let refused = 0;
    for (let i = 0; i < 3_000; i++) {
      const cells = [String(1000 + i), text(), 'contractsent', '2026-12-20', text(), String(1 + Math.floor(next() * 9_000_000)), 'default', 'newbusiness', text()];
      const row = rowToDeal(cells, mapping);
      if (!row.ok) continue;
      const data = newDealData(row.deal, `deal-${i}`, mapping);
      // One row in ten made invalid as a mapping's default or a bad cell could: the text must be refused too.
      if (i % 10 === 0) CORRUPT[(i / 10) % CORRUPT.length]!(data);
      const written = newDealText(data, mapping, '9.9.9');
      const fromData = parseDealFast(structuredClone(data));
      const fromText = parseDeal(written, `deal-${i}.yaml`, { defaultCurrency: 'USD' });
      expect(fromText.ok, `row ${i}: ${JSON.stringify(cells)}\n${written}`).toBe(fromData !== undefined);
      if (fromData === undefined || !fromText.ok) {
        refused += 1;
        continue;
      }
      fromData.value.currency ??= 'USD';
      expect(fromText.value, `row ${i}: ${JSON.stringify(cells)}\n${written}`).toEqual(fromData);
      valid += 1;
    }
    // Both kinds were met, many times: the test cannot pass on an empty sample.
    expect(valid).toBeGreaterThan(1_000);
    expect(refused).toBeGreaterThan(50);
  });
});
