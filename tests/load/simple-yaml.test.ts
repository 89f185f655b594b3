// The fast reader must agree with the `yaml` package wherever it answers: the same value, and
// every position it records the one the full parser's locator gives. Checked on every fixture,
// the YAML test suite, generated benchmark deals and generated YAML-like documents; plus that the
// deal files people write (the fixtures, the benchmark's) do take the fast path.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parseDocument } from 'yaml';
import { dealText } from '../../bench/generate.js';
import { DEAL_KEYS } from '../../src/load/deal-keys.js';
import { pathKey, readSimpleYaml, resolvePlain } from '../../src/load/simple-yaml.js';
import { parseYaml, parseYamlFully } from '../../src/load/yaml-source.js';
import { itOverCorpus } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

const FIXTURES = ['fixtures/deals', 'fixtures/invalid', 'fixtures/check/problems', 'fixtures/check/over-capacity', 'fixtures/check/dates'].flatMap((folder) =>
  yamlFiles(path.join(ROOT, folder)),
);

/** The fixtures the fast reader gives up on (the full parser reads them), and why. Every other one it reads. */
const DECLINED: Record<string, string> = {
  'fixtures/invalid/alias-bomb.yaml': 'anchors and aliases',
  'fixtures/invalid/comment-only.yaml': 'no mapping, only a comment',
  'fixtures/invalid/duplicate-key.yaml': 'a key given twice',
  'fixtures/invalid/empty.yaml': 'an empty file',
  'fixtures/invalid/malformed.yaml': 'broken syntax',
  'fixtures/invalid/multiple-documents.yaml': 'a second document',
  'fixtures/invalid/not-a-mapping.yaml': 'a list at the top',
  'fixtures/invalid/proto-key.yaml': 'a __proto__ key',
  'fixtures/check/problems/broken.yaml': 'an unclosed flow list',
};
const relative = FIXTURES.map((file) => path.relative(ROOT, file));

/**
 * Characters JS trim() and \\s take for spaces but YAML reads as text (NBSP, U+1680, U+2000 to
 * U+200A, U+202F, U+205F, U+3000), or that the `yaml` package treats its own way (BOM, NEL, the
 * Unicode line and paragraph separators).
 */
const UNICODE_SPACES = [
  '\u00A0', '\u1680', ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)), '\u202F', '\u205F', '\u3000',
  '\uFEFF', '\u0085', '\u2028', '\u2029',
];

/** Every recorded position, as [path, target] pairs, decoded from the keys. */
function recorded(positions: Map<string, unknown>): [(string | number)[], 'key' | 'value'][] {
  return [...positions.keys()].map((key) => {
    const [target, ...segments] = key.split('\u0000');
    // Numbers in a path are list indexes; deal keys never look like numbers (the reader gives up on those).
    return [segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)), target as 'key' | 'value'];
  });
}

/** Paths a caller records eagerly, and keys it knows (deal keys, and the generator's own). */
const ONLY = [['id'], ['ceo', 'requested'], ['a'], ['a', 'b'], ['close_date']];
const KEYS = [...DEAL_KEYS, 'a', 'b', 'x-y', '_k', 'null', 'True', '__proto__', 'a b', '"q"', 'constructor'];

/**
 * Reading with `only` and `keys` (as the deal loader does) gives the same answer and value, and
 * records the positions it was asked for (and the document's first key), as reading everything does.
 */
function expectSameWithOptions(text: string, simple: ReturnType<typeof readSimpleYaml>): void {
  const fast = readSimpleYaml(text, { only: ONLY, keys: KEYS });
  expect(fast === undefined, text).toBe(simple === undefined);
  if (!fast || !simple) return;
  expect(JSON.stringify(fast.value)).toBe(JSON.stringify(simple.value));
  const wanted = new Set([...ONLY.flatMap((p) => [pathKey(p, 'key'), pathKey(p, 'value')]), pathKey([Object.keys(simple.value)[0]!], 'key')]);
  const expected = [...simple.positions].filter(([key]) => wanted.has(key));
  expect([...fast.positions].sort(), text).toEqual(expected.sort());
}

/** When the fast reader answers, it must answer exactly as the full parser does. */
function expectAgreement(text: string): boolean {
  const simple = readSimpleYaml(text);
  expectSameWithOptions(text, simple);
  if (!simple) return false;
  const full = parseYamlFully(text, 'f.yaml');
  expect(full.ok, `the full parser rejects what the fast reader accepted:\n${text}`).toBe(true);
  if (!full.ok) return true;
  expect(simple.value).toEqual(full.value);
  expect(simple.value).toEqual(parseDocument(text).toJS());
  for (const [dataPath, target] of recorded(simple.positions)) {
    expect(simple.positions.get(pathKey(dataPath, target)), `${target} of ${dataPath.join('.')} in\n${text}`).toEqual(full.locator.at(dataPath, target));
  }
  return true;
}

/** Documents written the way people write YAML, from a random tree of mappings, lists and scalars. */
function generatedDoc(): fc.Arbitrary<string> {
  // Mostly scalars the reader takes (the tricky ones included), some it must give up on.
  const scalarText = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('1', '-0', '0o7', '0x1f', '1e3', '.inf', '.NaN', 'null', '~', 'true', 'TRUE', 'no', '2026-01-31', 'a # c', 'a#b', 'C#', "'q'", "'it''s'", '"dq"', '"a # b"', '[a, b]', '[]', '[1, "x"]', 'a  b', '-1', 'x:y', 'Acme — five plants', '240,000', '') },
    { weight: 1, arbitrary: fc.constantFrom('x: y', 'x:', '[a, [b]]', '- x', '? x', ': x', '&a x', '*a', '!t x', '|', '>', '{a: 1}', '@x', '`x', '%x', '[a, ]', '"x\\"') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('id', 'name', 'a', 'b', 'close_date', 'x-y', '_k') },
    { weight: 1, arbitrary: fc.constantFrom('null', 'True', '1', '__proto__', 'a b', '"q"') },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
  // A document as a tree, written out the way people write YAML: nested mappings two spaces in,
  // lists either at their key's indentation or two in, "- key: value" items, comments.
  type Tree = string | Tree[] | [string, Tree][];
  const { tree } = fc.letrec<{ tree: Tree; map: [string, Tree][]; list: Tree[] }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarText, tie('map'), tie('list')),
    map: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }),
    list: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
  }));
  const isMapping = (t: Tree): t is [string, Tree][] => Array.isArray(t) && t.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string');
  const write = (t: Tree, indent: number, style: () => boolean): string[] => {
    const pad = ' '.repeat(indent);
    if (typeof t === 'string') return [`${pad}${t}`];
    if (isMapping(t)) {
      return t.flatMap(([k, v]) => {
        if (typeof v === 'string') return [`${pad}${k}: ${v}${style() ? ' # note' : ''}`];
        const sameIndentList = !isMapping(v) && style();
        return [`${pad}${k}:`, ...write(v, sameIndentList ? indent : indent + 2, style)];
      });
    }
    return t.flatMap((item) => {
      if (typeof item === 'string') return [`${pad}- ${item}`];
      if (isMapping(item) && style()) {
        const [first, ...rest] = write(item, indent + 2, style);
        return [`${pad}- ${first!.slice(indent + 2)}`, ...rest];
      }
      return [`${pad}-`, ...write(item, indent + 2, style)];
    });
  };
  return fc
    .tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }), fc.infiniteStream(fc.boolean()))
    .map(([map, bits]) => {
      const it = bits[Symbol.iterator]();
      return `${write(map, 0, () => it.next().value === true).join('\n')}\n`;
    });
}

/** The full parser leaves no syntax problem unreported, and gives the value toJS gives. */
function expectFullParserAgreement(file: string): void {
  const text = readFileSync(file, 'utf8');
  const result = parseYamlFully(text, file);
  const docs = parseAllDocuments(text);
  const documents = Array.isArray(docs) ? docs : [];
  const broken = documents.length !== 1 || documents.some((doc) => doc.errors.length > 0 || doc.warnings.length > 0);
  if (broken) expect(result.ok, file).toBe(false);
  else if (result.ok) expect(result.value, file).toEqual(documents[0]!.toJS());
}

describe('the fast YAML reader', () => {
  it.each(relative.filter((file) => !(file in DECLINED)))('reads %s, and agrees with yaml on it', (file) => {
    expect(expectAgreement(readFileSync(path.join(ROOT, file), 'utf8'))).toBe(true);
  });

  it.each(Object.entries(DECLINED))('gives up on %s (%s)', (file) => {
    expect(relative).toContain(file);
    expect(readSimpleYaml(readFileSync(path.join(ROOT, file), 'utf8'))).toBeUndefined();
  });

  it('leaves no syntax problem unreported, and gives the value toJS gives, on the full parser too', () => {
    for (const file of FIXTURES) expectFullParserAgreement(file);
  });

  itOverCorpus('leaves no syntax problem unreported, and gives the value toJS gives, on the full parser, across the YAML test suite', (files) => {
    for (const file of files) expectFullParserAgreement(file);
  });

  it('reads every valid fixture deal (they are plain YAML)', () => {
    for (const file of yamlFiles(path.join(ROOT, 'fixtures/deals'))) expect(readSimpleYaml(readFileSync(file, 'utf8')), file).toBeDefined();
  });

  itOverCorpus('agrees with yaml across the YAML test suite, and gives up on what it does not know', (files) => {
    let answered = 0;
    for (const file of files) {
      if (expectAgreement(readFileSync(file, 'utf8'))) answered += 1;
    }
    // The suite is mostly syntax a deal file never uses: the reader must leave most of it alone.
    expect(answered).toBeLessThan(files.length / 2);
  });

  it('reads generated benchmark deals, and agrees with yaml on them', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 200; i++) expect(expectAgreement(dealText(i, rnd))).toBe(true);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: 1\nb: *a\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a tab', 'a:\t1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a prototype key', '__proto__: 1\n'],
    ['a key the core schema reads as true', 'True: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['an escape in double quotes', 'a: "x\\ty"\n'],
    ['a document marker', '---\na: 1\n'],
    ['a top-level list', '- a\n- b\n'],
    ['a top-level scalar', 'just text\n'],
    ['a trailing comma in a flow list', 'a: [x, y, ]\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a nested compact list', 'a:\n  - - x\n'],
    ['a reserved indicator', 'a: @x\n'],
    ['an unclosed quote', "a: 'x\n"],
    ['an empty file', ''],
    ['a BOM', '\uFEFFa: 1\n'],
  ])('gives up on %s', (_name, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
    // and parseYaml still answers, through the full parser.
    expect(parseYaml(text, 'f.yaml')).toEqual(expect.objectContaining({ ok: expect.any(Boolean) as boolean }));
  });

  it.each([
    ['NBSP as indentation', 'a:\n\u00A0 b: 1\n'],
    ['an em space as indentation', 'a:\n  b: 1\n\u2003 c: 2\n'],
    ['an ideographic space as indentation', 'a:\n\u3000b: 1\n'],
    ['NBSP after a colon', 'a:\u00A01\n'],
    ['a line of NBSP only', 'a: 1\n\u00A0\nb: 2\n'],
    ['NBSP after a "-"', 'a:\n  -\u00A0x\n'],
    ['NBSP before a key', 'a:\n  \u00A0b: 1\n'],
    ['a NEL', 'a: x\u0085\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a "-" alone in a flow list', 'competitors: [-]\n'],
    ['a "-" first in a flow list', 'competitors: [-, a]\n'],
    ['a "-" last in a flow list', 'competitors: [a, -]\n'],
    ['a key over 1,024 characters', `${'k'.repeat(1025)}: 1\n`],
    ['a key over 1,024 characters in a list item', `a:\n  - ${'k'.repeat(1025)}: 1\n`],
    ['mappings nested 33 deep', Array.from({ length: 33 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n'],
    // yaml reads `true\r` at the very end as the text "true\r", not as true and a line break.
    ['a CR at the very end of the file', 'a: 1\nceo:\n  requested: true\r'],
  ])('gives up on %s', (_name, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });

  it.each([
    ['NBSP at the end of a value', 'a: x\u00A0\n', { a: 'x\u00A0' }],
    ['NBSP between words', 'name: Acme\u00A0Corp\n', { name: 'Acme\u00A0Corp' }],
    ['an ideographic space before a value', 'a: \u3000x\n', { a: '\u3000x' }],
    ['an em space before "#", which is then no comment', 'a: x\u2003# c\n', { a: 'x\u2003# c' }],
    ['NBSP around flow items', 'a: [x,\u00A0y\u00A0]\n', { a: ['x', '\u00A0y\u00A0'] }],
    ['NBSP in a quoted value', 'a: "\u00A0x\u00A0"\n', { a: '\u00A0x\u00A0' }],
    ['NBSP in a comment', 'a: 1 #\u00A0c\n', { a: 1 }],
    ['a key of 1,024 characters', `${'k'.repeat(1024)}: 1\n`, { ['k'.repeat(1024)]: 1 }],
    ['a "-" in a flow item', 'a: [-x, a-]\n', { a: ['-x', 'a-'] }],
    ['mappings nested 32 deep', Array.from({ length: 32 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n', undefined],
  ])('reads %s as yaml does', (_name, text, expected) => {
    expect(readSimpleYaml(text)).toBeDefined();
    expect(expectAgreement(text)).toBe(true);
    if (expected !== undefined) expect(readSimpleYaml(text)!.value).toEqual(expected);
  });

  it.each([
    ['~', null],
    ['null', null],
    ['NULL', null],
    ['true', true],
    ['False', false],
    ['yes', 'yes'],
    ['0o17', 15],
    ['017', 17],
    ['-42', -42],
    ['+7', 7],
    ['0x1F', 31],
    ['1e3', 1000],
    ['.5', 0.5],
    ['1.', 1],
    ['-.inf', Number.NEGATIVE_INFINITY],
    ['.NaN', NaN],
    ['2026-09-14', '2026-09-14'],
    ['1_000', '1_000'],
    ['240,000', '240,000'],
  ])('resolves the plain scalar %s as the core schema does', (text, expected) => {
    expect(resolvePlain(text)).toEqual(expected);
    expect((parseDocument(`v: ${text}\n`).toJS() as { v: unknown }).v).toEqual(expected);
  });

  it('agrees with yaml on generated YAML-like documents', () => {
    const doc = generatedDoc();
    let answered = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (expectAgreement(text)) answered += 1;
      }),
      { numRuns: 3000 },
    );
    // The comparison is only worth something if the reader answered for a good share of them.
    expect(answered).toBeGreaterThan(300);
  });

  it('agrees with yaml on generated documents with Unicode spaces in indentation, around keys, values, flow items and comments', () => {
    // Each edit puts a Unicode space in place of an ASCII one (indentation, after ":", after ",",
    // before "#") or inserts one anywhere; plus documents written with them in values and comments.
    const edit = fc.record({ replace: fc.boolean(), where: fc.nat(), space: fc.constantFrom(...UNICODE_SPACES) });
    const sprinkle = (text: string, edits: { replace: boolean; where: number; space: string }[]): string => {
      let out = text;
      for (const { replace, where, space } of edits) {
        const spaces = [...out.matchAll(/ /g)].map((m) => m.index);
        if (replace && spaces.length > 0) {
          const at = spaces[where % spaces.length]!;
          out = `${out.slice(0, at)}${space}${out.slice(at + 1)}`;
        } else {
          const at = where % (out.length + 1);
          out = `${out.slice(0, at)}${space}${out.slice(at)}`;
        }
      }
      return out;
    };
    const doc = fc.oneof(
      fc.tuple(generatedDoc(), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) => sprinkle(text, edits)),
      fc
        .tuple(fc.constantFrom(...UNICODE_SPACES), fc.constantFrom(...UNICODE_SPACES))
        .map(([s1, s2]) => `id: x\nname: Acme${s1}Corp${s2}\nlist: [a${s1}, ${s2}b]\nnote: text${s1}# not a comment\nplain: x # a comment${s2}\n`),
    );
    let answered = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (expectAgreement(text)) answered += 1;
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
  });
});
