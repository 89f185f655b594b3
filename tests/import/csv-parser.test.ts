// The CSV parser against csv-parse (the csv project's parser) on any table, in pieces of any size,
// and the places it gives: each cell's line and column as an editor shows them.

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/import/csv-parser.js';
import type { CsvParseError, CsvRecord } from '../../src/import/csv-parser.js';

function parseAll(text: string, delimiter = ',', pieces: number[] = []): { records: CsvRecord[]; error?: CsvParseError } {
  const parser = new CsvParser(delimiter);
  const records: CsvRecord[] = [];
  let at = 0;
  for (const size of [...pieces, text.length]) {
    const error = parser.push(text.slice(at, at + size), (r) => records.push(r));
    if (error) return { records, error };
    at += size;
    if (at >= text.length) break;
  }
  const error = parser.end((r) => records.push(r));
  return error ? { records, error } : { records };
}

const quoteCell = (cell: string) => (/[",\r\n]/.test(cell) || cell === '' ? `"${cell.replaceAll('"', '""')}"` : cell);

describe('CsvParser', () => {
  it('reads any table as csv-parse does, whatever the pieces it comes in', () => {
    const cell = fc.stringMatching(/^[a-c ,"\r\n\u00e9]{0,6}$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 8 }),
        (rows, eol, pieces) => {
          const text = rows.map((row) => row.map(quoteCell).join(',')).join(eol) + eol;
          const ours = parseAll(text, ',', pieces);
          expect(ours.error).toBeUndefined();
          expect(ours.records.map((r) => r.cells)).toEqual(parse(text, { relax_column_count: true }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives where each cell starts, counting CRLF, LF and CR inside quotes as one line break each', () => {
    const text = 'a,b\r\n"x\r\ny",z\r\n"p\nq\rr",s\n\nlast,"one"';
    const { records } = parseAll(text);
    expect(records.map((r) => r.cells)).toEqual([['a', 'b'], ['x\r\ny', 'z'], ['p\nq\rr', 's'], [''], ['last', 'one']]);
    expect(records.map((r) => r.starts)).toEqual([[1, 1, 1, 3], [2, 1, 3, 4], [4, 1, 6, 4], [7, 1], [8, 1, 8, 6]]);
  });

  it.each([
    ['a,b"c\n', { at: { line: 1, column: 4 }, kind: 'quote-in-cell' }],
    ['a,"b"c\n', { at: { line: 1, column: 6 }, kind: 'quote-after-cell' }],
    ['a\n"b,c\nd\n', { at: { line: 2, column: 1 }, kind: 'quote-not-closed' }],
  ])('%j is an error, located', (text, error) => {
    expect(parseAll(text).error).toEqual(error);
  });

  it('takes another delimiter, and a last line without its line break, and an empty last cell', () => {
    expect(parseAll('a;b;\n1;"2;3";', ';').records.map((r) => r.cells)).toEqual([['a', 'b', ''], ['1', '2;3', '']]);
    expect(parseAll('a\tb\n1\t2', '\t').records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads 100,000 rows in linear time', () => {
    const row = 'Company,"Acme, ""Inc.""",240000,2026-12-01\n';
    const start = performance.now();
    const { records } = parseAll(row.repeat(100_000), ',', Array(200).fill(row.length * 500) as number[]);
    expect(records).toHaveLength(100_000);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
