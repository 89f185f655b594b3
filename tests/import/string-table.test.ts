// StringTable, the compact map an import keeps of every CRM record and every id it gives: it must
// answer as a Map does, whatever the keys (any Unicode, empty, long, near-identical) and however many.

import { describe, expect, it } from 'vitest';
import { StringTable } from '../../src/import/string-table.js';

describe('StringTable', () => {
  it('answers as a Map does over 100,000 keys of every kind, with values overwritten', () => {
    const table = new StringTable();
    const map = new Map<string, number>();
    const kinds = (i: number) => [String(i), `deal-${i}`, `${'x'.repeat(i % 300)}${i}`, `Müller ${i} — 中文 🙂`, i % 1000 === 0 ? '' : `0065g${i.toString(36)}AAB`];
    for (let i = 0; i < 20_000; i++) {
      for (const key of kinds(i)) {
        table.set(key, i);
        map.set(key, i);
      }
    }
    expect(table.size).toBe(map.size);
    for (const [key, value] of map) expect(table.get(key)).toBe(value);
    for (let i = 0; i < 2_000; i++) {
      // Keys never set: off by one character, or in another case.
      expect(table.has(`deal-${i}x`)).toBe(false);
      expect(table.get(`DEAL-${i}`)).toBeUndefined();
    }
    expect(table.has('')).toBe(true);
    expect(table.has('Müller 7 — 中文 🙂')).toBe(true);
    expect(table.has('Muller 7 — 中文 🙂')).toBe(false);
  });
});
