// The locator: a data path back to a line and column, so every problem points at the right place.

import { LineCounter, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml-source.js';
import type { DataPath, Locator } from '../../src/load/yaml-source.js';

function locate(text: string): Locator {
  const result = parseYaml(text, 'test.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.locator;
}

const SOURCE = [
  '# a comment first', //                    1
  'account:', //                             2
  '  name: Acme Corp', //                    3
  '  employees: 12000', //                   4
  'asks:', //                                5
  '  - request: Net-90', //                  6
  '    position: no', //                     7
  '  - {request: Escrow, position: trade}', // 8
  'competition: {threat: high, competitors: [Globex, Hooli]}', // 9
  'plan:', //                                10
  'issues:', //                              11
  '- First', //                              12
  '-   Second', //                           13
  '',
].join('\n');

describe('parseYaml', () => {
  it('returns the plain data', () => {
    const result = parseYaml(SOURCE, 'test.yaml');
    expect(result.ok && result.value).toEqual({
      account: { name: 'Acme Corp', employees: 12000 },
      asks: [
        { request: 'Net-90', position: 'no' },
        { request: 'Escrow', position: 'trade' },
      ],
      competition: { threat: 'high', competitors: ['Globex', 'Hooli'] },
      plan: null,
      issues: ['First', 'Second'],
    });
  });
});

describe('Locator.at', () => {
  const locator = locate(SOURCE);

  it.each<[string, DataPath, 'key' | 'value', number, number]>([
    ['a top-level key', ['account'], 'key', 2, 1],
    ['a top-level mapping value starts on the next line', ['account'], 'value', 3, 3],
    ['a nested key', ['account', 'employees'], 'key', 4, 3],
    ['a nested value', ['account', 'employees'], 'value', 4, 14],
    ['a sequence item', ['asks', 0], 'value', 6, 5],
    ['a sequence item has no key: its value', ['asks', 0], 'key', 6, 5],
    ['a key in a block sequence item', ['asks', 0, 'position'], 'key', 7, 5],
    ['a value in a block sequence item', ['asks', 0, 'position'], 'value', 7, 15],
    ['a flow mapping in a sequence', ['asks', 1], 'value', 8, 5],
    ['a key in a flow mapping', ['asks', 1, 'position'], 'key', 8, 23],
    ['a value in a flow mapping', ['asks', 1, 'position'], 'value', 8, 33],
    ['a flow mapping value', ['competition'], 'value', 9, 14],
    ['a flow key', ['competition', 'threat'], 'key', 9, 15],
    ['a flow value', ['competition', 'threat'], 'value', 9, 23],
    ['an item of a flow sequence', ['competition', 'competitors', 1], 'value', 9, 51],
    ['an unindented sequence item', ['issues', 0], 'value', 12, 3],
    ['an item after extra spaces', ['issues', 1], 'value', 13, 5],
    ['the key of an empty value', ['plan'], 'key', 10, 1],
    ['the root', [], 'value', 2, 1],
  ])('%s', (_name, path, target, line, column) => {
    expect(locator.at(path, target)).toEqual({ line, column });
  });

  it('points at the value by default', () => {
    expect(locator.at(['account', 'name'])).toEqual({ line: 3, column: 9 });
  });

  describe('a path that is only partly present resolves to the deepest part that is', () => {
    it.each<[string, DataPath, 'key' | 'value', number, number]>([
      ['a missing key in a mapping: the mapping', ['account', 'industry'], 'value', 3, 3],
      ['a missing key, asked for its key: the parent key', ['account', 'industry'], 'key', 2, 1],
      ['a deeper missing path: the deepest mapping present', ['account', 'industry', 'sector'], 'value', 3, 3],
      ['an index past the end: the sequence', ['asks', 5, 'request'], 'value', 6, 3],
      ['a key under a scalar: the scalar', ['account', 'name', 'first'], 'value', 3, 9],
      ['a key into a sequence: the sequence', ['issues', 'first'], 'value', 12, 1],
      ['a missing top-level key: the root', ['owner'], 'value', 2, 1],
      ['a key in a flow mapping that is missing: the flow mapping', ['competition', 'notes'], 'value', 9, 14],
      ['a path through an empty value: its key', ['plan', 'steps'], 'key', 10, 1],
    ])('%s', (_name, path, target, line, column) => {
      expect(locator.at(path, target)).toEqual({ line, column });
    });
  });

  it('matches a numeric mapping key given as a string or a number', () => {
    const years = locate('targets:\n  2026: 10\n  2027: 20\n');
    expect(years.at(['targets', '2027'], 'key')).toEqual({ line: 3, column: 3 });
    expect(years.at(['targets', 2027], 'value')).toEqual({ line: 3, column: 9 });
  });

  it('counts columns the same with CRLF line endings', () => {
    const crlf = locate(SOURCE.replace(/\n/g, '\r\n'));
    expect(crlf.at(['asks', 1, 'position'], 'value')).toEqual({ line: 8, column: 33 });
    expect(crlf.at(['issues', 1])).toEqual({ line: 13, column: 5 });
  });

  it('locates in the first document of a file that holds several', () => {
    const result = parseYaml('a: 1\n---\nb: 2\n', 'test.yaml');
    expect(result.ok).toBe(false);
    expect(result.locator.at(['a'], 'key')).toEqual({ line: 1, column: 1 });
  });

  it('answers 1:1 when there is no document', () => {
    const result = parseYaml('# nothing\n', 'test.yaml');
    expect(result.ok).toBe(false);
    expect(result.locator.at(['anything'], 'key')).toEqual({ line: 1, column: 1 });
  });
});

describe('Locator.line', () => {
  const locator = locate(SOURCE.replace(/\n/g, '\r\n'));

  it('gives a source line without its line ending', () => {
    expect(locator.line(3)).toBe('  name: Acme Corp');
    expect(locator.line(1)).toBe('# a comment first');
  });

  it('gives an empty string past the end', () => {
    expect(locator.line(99)).toBe('');
  });
});

describe('YAML problems', () => {
  it('reports every duplicate key, each at the repeated key', () => {
    const result = parseYaml('a: 1\nb: 2\na: 3\nb: 4\n', 'test.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.rule, p.line, p.column, p.message])).toEqual([
      ['yaml-duplicate-key', 3, 1, 'duplicate key "a": each key may appear once in a mapping'],
      ['yaml-duplicate-key', 4, 1, 'duplicate key "b": each key may appear once in a mapping'],
    ]);
  });

  // The yaml package's own check compares each key with every earlier one (quadratic); ours must
  // find exactly what it finds, where it finds it.
  it.each([
    ['a repeated block key', 'a: 1\nb: 2\na: 3\n'],
    ['a key three times', 'x: 1\nx: 2\nx: 3\n'],
    ['a repeated flow key', '{a: 1, b: 2, a: 3}\n'],
    ['nested mappings', 'a:\n  b: 1\n  b: 2\n  c: {d: 1, d: 2}\n'],
    ['keys with anchors and tags', '&x a: 1\n&y a: 2\n!!str b: 1\nb: 2\n'],
    ['equal numbers written differently', '1: a\n1.0: b\n"1": c\n'],
    ['empty keys', ': a\n: b\n'],
    ['null keys', '~: a\nnull: b\n'],
    ['.nan keys, which are never equal', '.nan: 1\n.nan: 2\n'],
    ['single-pair mappings in a flow list', '[a: 1, a: 2]\n'],
    ['list keys', '? [a]\n: 1\n? [a]\n: 2\n'],
    ['the same key in two list items', '- a: 1\n- a: 2\n'],
    ['a second document', 'a: 1\n---\na: 1\na: 2\n'],
  ])('finds the duplicate keys the yaml package finds: %s', (_name, text) => {
    const lineCounter = new LineCounter();
    const expected = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false })
      .flatMap((doc) => doc.errors)
      .filter((error) => error.code === 'DUPLICATE_KEY')
      .map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return [line, col];
      });
    const result = parseYaml(text, 'test.yaml');
    const found = result.ok ? [] : result.problems.filter((p) => p.rule === 'yaml-duplicate-key').map((p) => [p.line, p.column]);
    expect(found).toEqual(expected);
  });

  it('reports every forbidden key, at any depth', () => {
    const result = parseYaml('a:\n  prototype: 1\nb: [{__proto__: 2}]\n', 'test.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.rule, p.line, p.column])).toEqual([
      ['forbidden-key', 2, 3],
      ['forbidden-key', 3, 6],
    ]);
  });

  it('allows a few aliases', () => {
    const result = parseYaml('base: &b {x: 1}\ncopies: [*b, *b, *b]\n', 'test.yaml');
    expect(result.ok && result.value).toEqual({ base: { x: 1 }, copies: [{ x: 1 }, { x: 1 }, { x: 1 }] });
  });
});
