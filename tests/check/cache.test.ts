// What `check --cache` keeps (src/check/cache.ts), pure: the key that makes a cache stale, and a
// report that goes into the cache and comes back the same, under the name it is kept by.

import { describe, expect, it } from 'vitest';
import { cacheKey, canonicalJson, contentHash, decodeEntry, parseCache, serializeCache } from '../../src/check/cache.js';
import type { Stamp } from '../../src/check/cache.js';
import { COMPANY_YAML, dealYaml, fileReport, loadConfig } from './helpers.js';
import { TODAY } from '../helpers/paths.js';

describe('canonicalJson', () => {
  it.each([
    ['keys sorted, at every depth', { b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } }, '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}'],
    ['undefined and functions left out, as JSON.stringify does', { a: undefined, b: () => 1, c: 'x' }, '{"c":"x"}'],
    ['in a list, null in their place', [undefined, () => 1], '[null,null]'],
    ['Infinity and NaN not read as null', [Infinity, -Infinity, NaN, null], '["#Infinity","#-Infinity","#NaN",null]'],
    ['text escaped as JSON escapes it', { 'k"\n': 'v\u0000' }, '{"k\\"\\n":"v\\u0000"}'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});

describe('cacheKey', () => {
  const base = loadConfig();
  const key = (config = base) => cacheKey(config, '1.2.3', 'v20.0.0', TODAY);

  it('is the same for the same config, whatever order its keys were built in', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(key(reordered)).toEqual(key());
    expect(key(loadConfig())).toEqual(key());
  });

  it.each([
    ['a threshold', `${COMPANY_YAML}policy:\n  small_deal_below: 1\n`],
    ['the currency', COMPANY_YAML.replace('currency: USD', 'currency: EUR')],
    ['a rule switched off', `${COMPANY_YAML}rules:\n  - id: small-deal\n    enabled: false\n`],
  ])('changes with %s', (_name, text) => {
    const other = loadConfig(text);
    expect(canonicalJson(other)).not.toBe(canonicalJson(base));
    expect(key(other).config).not.toBe(key().config);
  });
});

describe('an entry', () => {
  const config = loadConfig();
  const valid = fileReport('deals/a.yaml', dealYaml({ id: 'a' }), config);
  const invalid = fileReport('deals/b.yaml', 'id: [\n', config);
  const key = cacheKey(config, '1.2.3', 'v20.0.0', TODAY);

  it('comes back as it went in: the same report, every `file` the name it is kept by', () => {
    expect(valid.deal).toBeDefined();
    expect(invalid.problems.length).toBeGreaterThan(0);
    const text = serializeCache(key, [
      { file: valid.file, hash: 'h1', report: valid, reasons: true },
      { file: invalid.file, hash: 'h2', report: invalid, reasons: true },
    ]);
    const kept = parseCache(text, key)!;
    expect(decodeEntry(kept.get('deals/a.yaml'), 'deals/a.yaml')).toEqual({ hash: 'h1', report: valid });
    expect(decodeEntry(kept.get('deals/b.yaml'), 'deals/b.yaml')).toEqual({ hash: 'h2', report: invalid });
    // No `file` is stored: a report read back under another name is all that name's.
    expect(text).not.toContain('"file"');
    expect(decodeEntry(kept.get('deals/b.yaml'), 'other.yaml')?.report.problems.every((p) => p.file === 'other.yaml')).toBe(true);
  });

  it("keeps a deal's reasons only when the run made them; one kept without them serves only a run that does not print them", () => {
    expect(valid.deal!.reasons.length).toBeGreaterThan(0);
    const withReasons = parseCache(serializeCache(key, [{ file: valid.file, hash: 'h1', report: valid, reasons: true }]), key)!.get(valid.file);
    const without = parseCache(serializeCache(key, [{ file: valid.file, hash: 'h1', report: valid, reasons: false }]), key)!.get(valid.file);
    const reasonless = { ...valid, deal: { ...valid.deal!, reasons: [] } };
    expect(JSON.stringify(without).length).toBeLessThan(JSON.stringify(withReasons).length);
    expect(decodeEntry(without, valid.file, true)).toBeUndefined();
    expect(decodeEntry(without, valid.file, false)).toEqual({ hash: 'h1', report: reasonless });
    expect(decodeEntry(withReasons, valid.file, false)).toEqual({ hash: 'h1', report: reasonless });
    // Written back as it was read, an entry keeps the reasons a run that does not print them never read.
    const rewritten = parseCache(serializeCache(key, [{ file: valid.file, hash: 'h1', report: reasonless, reasons: false, raw: withReasons }]), key)!;
    expect(decodeEntry(rewritten.get(valid.file), valid.file, true)).toEqual({ hash: 'h1', report: valid });
  });

  it('keeps a stamp of five numbers, and gives it back; an entry written back from one read takes the new stamp', () => {
    const stamp: Stamp = [2049, 1234567, 812, 1796131464484.8271, 1796131464484.8271];
    const kept = parseCache(serializeCache(key, [{ file: valid.file, hash: 'h1', report: valid, reasons: true, stamp }]), key)!.get(valid.file);
    expect(decodeEntry(kept, valid.file)).toEqual({ hash: 'h1', report: valid, stamp });
    expect(decodeEntry([...(kept as unknown[]).slice(0, 3), [1, 2, 3]], valid.file)).toBeUndefined();
    expect(decodeEntry([...(kept as unknown[]).slice(0, 3), [1, 2, 3, 4, null]], valid.file)).toBeUndefined();
    const moved: Stamp = [2049, 7654321, 812, 1, 2];
    const rewritten = parseCache(serializeCache(key, [{ file: valid.file, hash: 'h1', report: valid, reasons: false, stamp: moved, raw: kept }]), key)!;
    expect(decodeEntry(rewritten.get(valid.file), valid.file)).toEqual({ hash: 'h1', report: valid, stamp: moved });
    const unstamped = parseCache(serializeCache(key, [{ file: valid.file, hash: 'h1', report: valid, reasons: false, raw: kept }]), key)!;
    expect(decodeEntry(unstamped.get(valid.file), valid.file)).toEqual({ hash: 'h1', report: valid });
  });

  it('of a file named like an object property is no property', () => {
    const text = serializeCache(key, [{ file: '__proto__', hash: 'h', report: { ...invalid, file: '__proto__' }, reasons: true }]);
    const kept = parseCache(text, key)!;
    expect(decodeEntry(kept.get('__proto__'), '__proto__')?.hash).toBe('h');
    expect(kept.get('constructor')).toBeUndefined();
    expect(parseCache(text.replace('"__proto__"', '"constructor"'), key)!.get('toString')).toBeUndefined();
  });

  it('a cache of another key is none', () => {
    const text = serializeCache(key, []);
    expect(parseCache(text, key)).toEqual(new Map());
    expect(parseCache(text, { ...key, version: '1.2.4' })).toBeUndefined();
    expect(parseCache(text, { ...key, config: 'other' })).toBeUndefined();
  });
});

describe('contentHash', () => {
  it('is of the bytes: one byte more is another hash', () => {
    const bytes = new TextEncoder().encode(dealYaml());
    expect(contentHash(bytes)).toBe(contentHash(Uint8Array.from(bytes)));
    expect(contentHash(new TextEncoder().encode(`${dealYaml()} `))).not.toBe(contentHash(bytes));
  });
});
