// What import's cache keeps of a file, written and read back: every value a deal's owned field can
// hold comes back as it was, and a value the cache cannot hold exactly keeps the file out of it.

import { describe, expect, it } from 'vitest';
import { decodeKept, encodeKept } from '../../src/import/cache.js';
import type { KeptFile } from '../../src/import/cache.js';
import { IMPORT_FIELD_NAMES } from '../../src/import/fields.js';

const owned = (values: Record<string, unknown>) => IMPORT_FIELD_NAMES.map((field) => values[field]);
const back = (file: string, kept: KeptFile) => {
  const entry = JSON.parse(encodeKept(file, kept)!) as unknown[];
  return { name: entry[0], kept: decodeKept(entry) };
};

describe('an entry of the import cache', () => {
  it.each<[string, unknown]>([
    ['a name with quotes, a backslash, control characters and a line separator', 'Acme "Ø" \\ \u0000\u001b[2J\u2028 — deal'],
    ['an amount with cents', 1250000.5],
    ['a tiny fraction', 0.1 + 0.2],
    ['a huge amount', 9_007_199_254_740_991],
    ['an amount written 1e21', 1e21],
    ['a boolean', false],
  ])('reads back %s as it was', (_what, value) => {
    const field = typeof value === 'boolean' ? 'strategic_logo' : typeof value === 'number' ? 'value.amount' : 'name';
    const kept: KeptFile = {
      hash: 'abc=',
      deal: { id: 'acme', crm: { source: 'hubspot', id: '"42"' }, owned: owned({ id: 'acme', 'crm.id': '"42"', [field]: value }), verdict: 'wait' },
      stamp: [2049, 1234567, 700, 1764630000123.457, 1764630000123.457],
    };
    const { name, kept: decoded } = back('deals/a "b".yaml', kept);
    expect(name).toBe('deals/a "b".yaml');
    expect(decoded).toEqual(kept);
  });

  it('reads back a file that is not a deal, a deal with no CRM record and no verdict, and no stamp', () => {
    expect(back('x.yaml', { hash: 'h', deal: null }).kept).toEqual({ hash: 'h', deal: null });
    const kept: KeptFile = { hash: 'h', deal: { id: 'b', crm: undefined, owned: owned({ id: 'b' }), verdict: undefined } };
    expect(back('b.yaml', kept).kept).toEqual(kept);
  });

  it('keeps no entry for a value it cannot hold exactly', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, { a: 1 }, ['x'], 10n]) {
      expect(encodeKept('x.yaml', { hash: 'h', deal: { id: 'x', crm: undefined, owned: owned({ id: 'x', name: value }), verdict: 'join' } })).toBeUndefined();
    }
  });
});
