// The fast validator generated from the zod deal schema (src/schema/deal-validator.generated.ts):
// it is what the generator makes from the schema as it is now, it needs neither zod nor ajv at run
// time, valid files skip zod, and, differentially, it accepts exactly the documents zod accepts and
// then gives the same Deal, to the key order (outputs are compared byte for byte).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import * as z from 'zod';
import { dealText, random } from '../../bench/generate.js';
import { dealValidatorSource, GENERATED } from '../../scripts/generate-deal-validator.js';
import { parseDeal } from '../../src/load/deal.js';
import { parseYaml } from '../../src/load/yaml-source.js';
import * as checks from '../../src/schema/checks.js';
import { refinements } from '../../src/schema/common.js';
import { inputJsonSchema } from '../../src/schema/json-schema.js';
import { DEAL_FIELD_PATHS, DealSchema } from '../../src/schema/deal.js';
import { parseDealFast } from '../../src/schema/deal-validator.generated.js';
import { itOverCorpus } from '../helpers/corpus.js';
import { mutate, mutations, sameAnswers } from '../helpers/mutate.js';
import type { Path } from '../helpers/mutate.js';
import { ROOT } from '../helpers/paths.js';

const { forValue: expectSameAnswerFor, forText: expectSameAnswer } = sameAnswers(parseDealFast, DealSchema, 'deal.yaml');

const generatedText = (seed: number): string => dealText(seed % 100_000, random(seed));
const generatedDeal = (seed: number): Record<string, unknown> => {
  const yaml = parseYaml(generatedText(seed), 'deal.yaml');
  if (!yaml.ok) throw new Error('bench/generate.js wrote a deal the reader refuses');
  return yaml.value as Record<string, unknown>;
};

// What a mutation puts somewhere: the values at the edges of what zod takes, of every type the
// YAML reader makes.
const HOSTILE: unknown[] = [
  null, true, false, 0, -0, -1, 0.5, 1, 1.5, 12, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e308, 1e21, Infinity, -Infinity, NaN,
  '', ' ', '\t \u00a0', ' padded ', 'x', '0', 'true', 'USD', 'usd', 'EUR', 'XXX', 'ABCD', 'US',
  '2026-02-28', '2026-02-30', '2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '0000-02-29', '2026-13-01', '2026-1-01', '2026-01-01 ', '２０２６-01-01',
  'new', 'renewal', 'proposal', 'closed-won', 'committed', 'none', 'high', 'yes', 'trade', 'champion', 'blocker', 'deal-1', 'Deal 1', '-x',
  [], [null], ['x'], [''], [' '], [1], [{}], {}, { x: 1 }, { name: 'Acme' }, { amount: 5 }, { potential: 'likely' }, { request: 'r', position: 'no' },
  { date: '2026-02-30', event: 'e' }, { date: '2024-02-29', event: ' e ' }, { requested: true }, { requested: null }, { days: 3, compensated_days: 5 },
  { days: 5, compensated_days: 5 }, { compensated_days: 1 }, { days: 2 }, { question: 'q', answer: '' },
];
const hostile = fc.constantFrom(...HOSTILE);
const extraKey = fc.constantFrom('extra', 'Name', 'ID', 'id ', '\u200bid', 'description', 'date', 'value');

const SCHEMA_PATHS: Path[] = DEAL_FIELD_PATHS.map((dotted) => dotted.split('.'));
const mutation = mutations(hostile, extraKey);

describe('the generated fast validator', () => {
  it('is what scripts/generate-deal-validator.js makes from the zod schema now (npm run build rewrites it)', () => {
    const source = dealValidatorSource({ schema: DealSchema, inputJsonSchema, refinements, checks });
    expect(readFileSync(path.join(ROOT, GENERATED), 'utf8')).toBe(source);
  });

  it('imports nothing at run time but the predicates of checks.ts: neither zod nor ajv', () => {
    const text = readFileSync(path.join(ROOT, GENERATED), 'utf8');
    const imports = [...text.matchAll(/^import (?!type ).*$/gm)].map((match) => match[0]);
    expect(imports).toEqual([expect.stringMatching(/^import \{[\w, ]+\} from '\.\/checks\.js';$/)]);
    expect(text).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
  });

  it.each([
    ['a refinement not registered with its predicate', z.strictObject({ a: z.string().refine((s) => s.length > 2) }), /refinement that is not registered/],
    ['a transform other than trim', z.strictObject({ a: z.string().toLowerCase() }), /string transform other than trim/],
    ['an object that keeps unknown keys', z.looseObject({ a: z.string() }), /keeps unknown keys/],
    ['a check after trim that it does not redo', z.strictObject({ a: z.string().trim().regex(/^a/) }), /after a trim/],
    ['a type it does not know', z.strictObject({ a: z.string().nullable() }), /a zod nullable/],
    ['a default that is not plain data', z.strictObject({ a: z.number().default(NaN) }), /not plain data/],
  ])('refuses to generate for %s, rather than accept what zod refuses', (_name, schema, message) => {
    expect(() => dealValidatorSource({ schema, inputJsonSchema, refinements, checks })).toThrow(message);
  });
});

describe('valid files skip zod; the rest go through it for their problems', () => {
  it('loads a valid deal without calling zod, and an invalid one with it', () => {
    const parse = vi.spyOn(DealSchema, 'safeParse');
    try {
      const valid = parseDeal(dealText(1, random(1)), 'valid.yaml');
      expect(valid.ok).toBe(true);
      expect(parse).not.toHaveBeenCalled();
      const invalid = parseDeal(dealText(1, random(1)).replace('stage:', 'stag:'), 'invalid.yaml');
      expect(invalid.ok).toBe(false);
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });
});

const MINIMAL = 'id: d\nname: D\nowner: O\nstage: proposal\naccount:\n  name: A\nvalue:\n  amount: 5\nfollow_on:\n  potential: none\n';

describe('the fast validator answers as zod does', () => {
  it.each([
    ['a minimal deal, every default filled in', '', true],
    ['text trimmed', 'plan: "  go  "\n', true],
    ['text of spaces only', 'plan: "   "\n', false],
    ['text of a no-break space only', 'objective: "\\u00a0"\n', false],
    ['a leap day', 'close_date: 2024-02-29\n', true],
    ['the 30th of February', 'close_date: 2026-02-30\n', false],
    ['the 29th of February of a year not leap', 'history:\n  - date: 1900-02-29\n    event: e\n', false],
    ['a date not written YYYY-MM-DD', 'next_meeting:\n  date: 2026-1-01\n', false],
    ['an empty mapping where every key is optional', 'competition: {}\n', true],
    ['more compensated days than days', 'custom_work:\n  days: 3\n  compensated_days: 3.5\n', false],
    ['compensated days without days (which default to 0)', 'custom_work:\n  compensated_days: 1\n', false],
    ['custom work of equal days', 'custom_work:\n  days: 2.5\n  compensated_days: 2.5\n', true],
    ['an empty ceo mapping', 'ceo: {}\n', true],
    ['a null where a mapping belongs', 'ceo:\n', false],
    ['every list and flag given', 'strategic_logo: true\nasks: []\nissues: [" a "]\nquestions: []\nstakeholders: []\nhistory: []\ntype: renewal\n', true],
    ['an issue as text, and one with our response (trimmed)', 'issues:\n  - a\n  - issue: " b "\n    response: " c "\n', true],
    ['an issue as a mapping without a response', 'issues:\n  - issue: b\n', true],
    ['an issue of spaces only', 'issues:\n  - "  "\n', false],
    ['an issue mapping of spaces only', 'issues:\n  - issue: "  "\n', false],
    ['an issue as a list', 'issues:\n  - [a]\n', false],
    ['an issue as a number', 'issues:\n  - 5\n', false],
    ['an issue mapping with an unknown key', 'issues:\n  - issue: a\n    note: b\n', false],
    ['in_exchange on a trade', 'asks:\n  - request: r\n    position: trade\n    in_exchange: " x "\n', true],
    ['in_exchange on a no', 'asks:\n  - request: r\n    position: no\n    in_exchange: x\n', false],
    ['in_exchange on a yes', 'asks:\n  - request: r\n    position: yes\n    in_exchange: x\n', false],
    ['one counterpart, and a false one', 'stakeholders:\n  - name: a\n    counterpart: true\n  - name: b\n    counterpart: false\n', true],
    ['two counterparts', 'stakeholders:\n  - name: a\n    counterpart: true\n  - name: b\n    counterpart: true\n', false],
    ['NaN', 'custom_work:\n  days: .nan\n', false],
    ['Infinity', 'custom_work:\n  days: .inf\n', false],
    ['an unknown key', 'extra: 1\n', false],
  ])('%s', (_name, extra, accepted) => {
    expect(expectSameAnswer(MINIMAL + extra)).toBe(accepted);
  });

  it.each([
    ['a currency zod knows', 'USD', true],
    ['lower case', 'usd', false],
    ['no such currency', 'ABC', false],
    ['the largest exact amount', 9007199254740991, true],
    ['an amount past 2^53', 9007199254740992, false],
  ])('value: %s', (_name, value, accepted) => {
    const field = typeof value === 'string' ? `  currency: ${value}\n` : `  amount: ${value}\n`;
    const text = MINIMAL.replace('  amount: 5\n', typeof value === 'string' ? `  amount: 5\n${field}` : field);
    expect(expectSameAnswer(text)).toBe(accepted);
  });

  it('on generated valid deals (bench/generate.js)', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        expect(expectSameAnswer(generatedText(seed))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('on generated deals mutated: wrong types, missing and extra keys, edge numbers, bad dates and currencies, nulls', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seed, mutations) => {
        const deal = mutate(generatedDeal(seed), mutations, SCHEMA_PATHS);
        runs++;
        if (expectSameAnswerFor(deal, () => stringify(deal))) accepted++;
      }),
      { numRuns: 1500 },
    );
    // Both kinds: a test that only ever saw refusals would prove little about what is accepted.
    expect(accepted).toBeGreaterThan(runs / 10);
    expect(accepted).toBeLessThan(runs * 0.9);
  });

  it('on every YAML file in fixtures/', () => {
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
      );
    })(path.join(ROOT, 'fixtures'));
    const answers = files.map((file) => expectSameAnswer(readFileSync(file, 'latin1')));
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  itOverCorpus('on every document of the YAML test suite, whole and in the place of a deal field', (files) => {
    const deal = generatedDeal(7);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expectSameAnswer(text);
      const yaml = parseYaml(text, file);
      if (!yaml.ok) continue;
      for (const key of ['name', 'account', 'custom_work', 'asks', 'history', 'issues', 'ceo']) {
        const placed = { ...deal, [key]: yaml.value };
        expectSameAnswerFor(placed, () => stringify(placed));
      }
    }
  });
});
