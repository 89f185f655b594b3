// The deal loader: every bad input is reported with its rule id, line, column and a message a user
// can act on; every valid fixture loads; the currency default comes from the company.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDealBytes } from '../../src/load/deal.js';
import { MAX_PROBLEMS_PER_FILE } from '../../src/load/limits.js';
import type { Problem } from '../../src/load/problem.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const INVALID = new URL('invalid/', FIXTURES);
const DEALS = new URL('deals/', FIXTURES);

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const invalidBytes = (name: string): Uint8Array => readFileSync(new URL(name, INVALID));
const invalidText = (name: string): string => readFileSync(new URL(name, INVALID), 'latin1');

interface Expected {
  rule: string;
  line: number;
  column: number;
  /** A part of the message that must be there. */
  message: string;
}

function problemsOf(bytes: Uint8Array, file = 'deal.yaml', options = {}): Problem[] {
  const result = parseDealBytes(bytes, file, options);
  if (result.ok) throw new Error(`expected ${file} to be invalid, but it loaded`);
  return result.problems;
}

function expectProblems(problems: Problem[], expected: Expected[], file = 'deal.yaml'): void {
  expect(problems.map(({ rule, line, column }) => ({ rule, line, column }))).toEqual(
    expected.map(({ rule, line, column }) => ({ rule, line, column })),
  );
  problems.forEach((p, i) => {
    expect(p.message).toContain(expected[i]!.message);
    expect(p.file).toBe(file);
    expect(p.severity).toBe('error');
  });
}

/** One entry per file in fixtures/invalid; positions worked out by reading each file. */
const INVALID_CASES: Record<string, Expected[]> = {
  'alias-bomb.yaml': [
    // `b: &b [*a, …` — the first alias, *a, is at column 8 of line 2.
    { rule: 'yaml-alias-limit', line: 2, column: 8, message: 'alias bomb' },
  ],
  'bad-values.yaml': [
    { rule: 'invalid-format', line: 1, column: 5, message: 'id must be lowercase letters, digits and dashes' },
    { rule: 'invalid-value', line: 4, column: 8, message: 'not the text "negociation"; did you mean "negotiation"?' },
    { rule: 'invalid-value', line: 5, column: 13, message: 'close_date is not a real calendar date (2026-02-30)' },
    { rule: 'out-of-range', line: 8, column: 14, message: 'account.employees must be 0 or more, not -5' },
    { rule: 'invalid-value', line: 11, column: 13, message: 'value.currency must be a three-letter ISO 4217 currency code' },
    { rule: 'compensated-exceeds-days', line: 16, column: 21, message: 'custom_work.compensated_days must not exceed days (5)' },
    { rule: 'invalid-value', line: 19, column: 15, message: 'asks[0].position must be one of yes, trade, no, not the text "maybe"' },
  ],
  'comment-only.yaml': [{ rule: 'empty-file', line: 1, column: 1, message: 'the file is empty' }],
  'duplicate-key.yaml': [{ rule: 'yaml-duplicate-key', line: 5, column: 1, message: 'duplicate key "stage"' }],
  'empty.yaml': [{ rule: 'empty-file', line: 1, column: 1, message: 'the file is empty' }],
  'malformed.yaml': [
    // The parser notices the unclosed `[` where the block mapping resumes (7:1); it is reported where it opened.
    { rule: 'yaml-syntax', line: 6, column: 9, message: 'YAML syntax: this "[" is not closed' },
  ],
  'missing-field.yaml': [
    // A missing field is located at its parent: the document, `account:`, `value:`.
    { rule: 'missing-field', line: 1, column: 1, message: 'missing required field "name"' },
    { rule: 'missing-field', line: 4, column: 1, message: 'missing required field "name" in account' },
    { rule: 'missing-field', line: 6, column: 1, message: 'missing required field "amount" in value' },
  ],
  'multiple-documents.yaml': [
    { rule: 'yaml-multiple-documents', line: 11, column: 1, message: 'the file holds 2 YAML documents; a deal file holds exactly one' },
  ],
  'not-a-mapping.yaml': [{ rule: 'invalid-type', line: 1, column: 1, message: 'the file must be a mapping, not a list' }],
  'not-utf8.yaml': [
    // `name: Caf\xe9 Corp`: the Latin-1 é is the 10th character of line 2.
    { rule: 'file-encoding', line: 2, column: 10, message: 'not valid UTF-8 (byte 0xe9)' },
  ],
  'proto-key.yaml': [{ rule: 'forbidden-key', line: 7, column: 3, message: 'the key "__proto__" is not allowed' }],
  'unknown-key.yaml': [
    { rule: 'unknown-key', line: 7, column: 3, message: 'unknown key "employes" in account; did you mean "employees"?' },
    { rule: 'unknown-key', line: 12, column: 1, message: 'unknown key "stakeholder"; did you mean "stakeholders"?' },
  ],
  'wrong-type.yaml': [
    { rule: 'invalid-type', line: 7, column: 14, message: 'account.employees must be a number, not the text "lots"' },
    { rule: 'invalid-type', line: 9, column: 11, message: 'value.amount must be a number, not the text "240,000"' },
    { rule: 'invalid-type', line: 12, column: 17, message: 'strategic_logo must be true or false, not the text "maybe"' },
  ],
};

const invalidFiles = readdirSync(INVALID).filter((name) => /\.ya?ml$/.test(name)).sort();

/** A small valid deal to vary in the generated cases. */
const MINIMAL = [
  'id: minimal',
  'name: Minimal deal',
  'owner: Dana Reyes',
  'stage: proposal',
  'account:',
  '  name: Minimal Corp',
  'value:',
  '  amount: 150000',
  'follow_on:',
  '  potential: possible',
  '',
].join('\n');

describe('fixtures/invalid', () => {
  it('has an expectation for every file, and a file for every expectation', () => {
    expect(invalidFiles).toEqual(Object.keys(INVALID_CASES).sort());
  });

  it.each(invalidFiles)('%s is reported with rule, line, column and message', (name) => {
    const problems = problemsOf(invalidBytes(name), `fixtures/invalid/${name}`);
    expectProblems(problems, INVALID_CASES[name] ?? [], `fixtures/invalid/${name}`);
  });

  it('reports a __proto__ key without polluting any prototype', () => {
    problemsOf(invalidBytes('proto-key.yaml'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('generated bad input', () => {
  it.each([
    ['missing enum field', MINIMAL.replace('stage: proposal\n', ''), [{ rule: 'missing-field', line: 1, column: 1, message: 'missing required field "stage"' }]],
    [
      'missing enum field in a mapping',
      MINIMAL.replace('  potential: possible', '  notes: maybe later'),
      [{ rule: 'missing-field', line: 9, column: 1, message: 'missing required field "potential" in follow_on' }],
    ],
    [
      'missing field in a list item, located at the item',
      `${MINIMAL}asks:\n  - request: Free training\n`,
      [{ rule: 'missing-field', line: 12, column: 5, message: 'missing required field "position" in asks[0]' }],
    ],
    [
      'a required mapping that is absent',
      MINIMAL.replace('account:\n  name: Minimal Corp\n', ''),
      [{ rule: 'missing-field', line: 1, column: 1, message: 'missing required field "account"' }],
    ],
    [
      'a required mapping left empty',
      MINIMAL.replace('account:\n  name: Minimal Corp\n', 'account:\n'),
      [{ rule: 'invalid-type', line: 5, column: 9, message: 'account must be a mapping, not empty' }],
    ],
    ['an empty text', MINIMAL.replace('name: Minimal deal', 'name: ""'), [{ rule: 'invalid-value', line: 2, column: 7, message: 'name must not be empty' }]],
    [
      'a fraction where a whole number is needed',
      MINIMAL.replace('  name: Minimal Corp', '  name: Minimal Corp\n  employees: 12.5'),
      [{ rule: 'invalid-type', line: 7, column: 14, message: 'account.employees must be a whole number, not 12.5' }],
    ],
    ['.nan as an amount', MINIMAL.replace('amount: 150000', 'amount: .nan'), [{ rule: 'invalid-type', line: 8, column: 11, message: 'value.amount must be a number, not .nan' }]],
    [
      'a date that is not YYYY-MM-DD',
      `${MINIMAL}history:\n  - date: 14/09/2026\n    event: Kick-off\n`,
      [{ rule: 'invalid-value', line: 12, column: 11, message: 'history[0].date must be a date written YYYY-MM-DD, not "14/09/2026"' }],
    ],
    [
      'a date written as a number',
      `${MINIMAL}close_date: 20261215\n`,
      [{ rule: 'invalid-type', line: 11, column: 13, message: 'close_date must be a date written YYYY-MM-DD, not 20261215' }],
    ],
    [
      'compensated days without days',
      `${MINIMAL}custom_work:\n  compensated_days: 3\n`,
      [{ rule: 'compensated-exceeds-days', line: 12, column: 21, message: 'must not exceed days (0)' }],
    ],
    [
      'an unknown key in a list item, with a suggestion',
      `${MINIMAL}stakeholders:\n  - name: Lee Park\n    rol: champion\n`,
      [{ rule: 'unknown-key', line: 13, column: 5, message: 'unknown key "rol" in stakeholders[0]; did you mean "role"?' }],
    ],
    // The richer brief: in_exchange only on a trade, one counterpart, issues as text or {issue, response}.
    [
      'in_exchange on an ask that is not a trade',
      `${MINIMAL}asks:\n  - request: Net-90\n    position: no\n    in_exchange: A longer term\n`,
      [
        {
          rule: 'in-exchange-without-trade',
          line: 14,
          column: 18,
          message: "asks[0].in_exchange is only for a trade (what we want in return), and this ask's position is no: make it a trade, or remove in_exchange",
        },
      ],
    ],
    ['an empty in_exchange', `${MINIMAL}asks:\n  - request: Net-90\n    position: trade\n    in_exchange: ' '\n`, [{ rule: 'invalid-value', line: 14, column: 18, message: 'asks[0].in_exchange must not be empty' }]],
    [
      'a second counterpart, reported at the second',
      `${MINIMAL}stakeholders:\n  - name: Lee Park\n    counterpart: true\n  - name: Morgan Chu\n    counterpart: true\n`,
      [
        {
          rule: 'second-counterpart',
          line: 15,
          column: 18,
          message: "stakeholders[1].counterpart is true, but Lee Park (stakeholders[0]) is already the CEO's counterpart: the CEO speaks to one executive, so mark only one",
        },
      ],
    ],
    ['counterpart: yes', `${MINIMAL}stakeholders:\n  - name: Lee Park\n    counterpart: yes\n`, [{ rule: 'invalid-type', line: 13, column: 18, message: 'stakeholders[0].counterpart must be true or false, not the text "yes"' }]],
    ['an issue that is a number', `${MINIMAL}issues:\n  - 5\n`, [{ rule: 'invalid-type', line: 12, column: 5, message: 'issues[0] must be text, or a mapping of issue and response, not 5' }]],
    ['an issue with a misspelled key', `${MINIMAL}issues:\n  - issue: SSO\n    respons: In March\n`, [{ rule: 'unknown-key', line: 13, column: 5, message: 'unknown key "respons" in issues[0]; did you mean "response"?' }]],
    ['a response without its issue', `${MINIMAL}issues:\n  - response: In March\n`, [{ rule: 'missing-field', line: 12, column: 5, message: 'missing required field "issue" in issues[0]' }]],
    ['an empty response', `${MINIMAL}issues:\n  - issue: SSO\n    response: ''\n`, [{ rule: 'invalid-value', line: 13, column: 15, message: 'issues[0].response must not be empty' }]],
    ['an unknown key with nothing close', `${MINIMAL}xyzzy: 1\n`, [{ rule: 'unknown-key', line: 11, column: 1, message: 'unknown key "xyzzy"' }]],
    [
      'an unknown key in a flow mapping',
      `${MINIMAL}ceo: {requestd: true}\n`,
      [{ rule: 'unknown-key', line: 11, column: 7, message: 'unknown key "requestd" in ceo; did you mean "requested"?' }],
    ],
    ['a constructor key', `${MINIMAL}constructor: 1\n`, [{ rule: 'forbidden-key', line: 11, column: 1, message: 'the key "constructor" is not allowed' }]],
    ['a list as a key', `${MINIMAL}? [a, b]\n: 1\n`, [{ rule: 'yaml-complex-key', line: 11, column: 3, message: 'a mapping key must be a plain value' }]],
    ['a duplicate key in a flow mapping', '{id: x, id: y}\n', [{ rule: 'yaml-duplicate-key', line: 1, column: 9, message: 'duplicate key "id"' }]],
    ['a tab used as indentation', 'account:\n\t name: x\n', [{ rule: 'yaml-syntax', line: 2, column: 1, message: 'Tabs are not allowed as indentation' }]],
    // Tags: one problem each, at the tag, and nothing made up from the tagged value.
    ['an unknown tag', `${MINIMAL}objective: !custom win\n`, [{ rule: 'yaml-tag', line: 11, column: 12, message: 'YAML tags such as !custom are not supported; write the value plainly' }]],
    ['a !!binary value', MINIMAL.replace('name: Minimal deal', 'name: !!binary aGVsbG8='), [{ rule: 'yaml-tag', line: 2, column: 7, message: 'YAML tags such as !!binary are not supported' }]],
    [
      'a !!binary mapping, whose Buffer would have 100 unknown keys',
      MINIMAL.replace('account:\n  name: Minimal Corp', 'account: !!binary |\n  ' + 'QUJD'.repeat(40)),
      [{ rule: 'yaml-tag', line: 5, column: 10, message: 'YAML tags such as !!binary are not supported' }],
    ],
    ['an !!omap mapping', MINIMAL.replace('account:', 'account: !!omap'), [{ rule: 'yaml-tag', line: 5, column: 10, message: 'YAML tags such as !!omap are not supported' }]],
    ['a !!set', `${MINIMAL}competition:\n  competitors: !!set {Globex, Hooli}\n`, [{ rule: 'yaml-tag', line: 12, column: 16, message: '!!set' }]],
    ['a !!timestamp', `${MINIMAL}close_date: !!timestamp 2026-12-15\n`, [{ rule: 'yaml-tag', line: 11, column: 13, message: '!!timestamp' }]],
    ['even a harmless !!str', MINIMAL.replace('owner: Dana Reyes', 'owner: !!str Dana Reyes'), [{ rule: 'yaml-tag', line: 3, column: 8, message: '!!str' }]],
    ['a verbatim tag on a key', `${MINIMAL}!<tag:yaml.org,2002:str> plan: x\n`, [{ rule: 'yaml-tag', line: 11, column: 1, message: '!<tag:yaml.org,2002:str>' }]],
    [
      'two tags, each located',
      MINIMAL.replace('owner: Dana Reyes', 'owner: !!str Dana').replace('amount: 150000', 'amount: !!int 150000'),
      [
        { rule: 'yaml-tag', line: 3, column: 8, message: '!!str' },
        { rule: 'yaml-tag', line: 8, column: 11, message: '!!int' },
      ],
    ],
    [
      'a %YAML 1.1 directive, which would read "no" as false and dates as timestamps',
      `%YAML 1.1\n---\n${MINIMAL}close_date: 2026-12-15\nasks:\n  - request: Net-90\n    position: no\n`,
      [{ rule: 'yaml-version', line: 1, column: 1, message: 'only YAML 1.2 is supported; remove the %YAML 1.1 line' }],
    ],
    [
      'tab-indented mappings: the tabs, not keys the mis-read makes look repeated',
      // The parser reads the first tabbed "name" as a second top-level "name".
      'id: x\nname: y\naccount:\n\tname: Acme\n\temployees: 5\n',
      [
        { rule: 'yaml-syntax', line: 4, column: 1, message: 'Tabs are not allowed as indentation' },
        { rule: 'yaml-syntax', line: 5, column: 1, message: 'Tabs are not allowed as indentation' },
      ],
    ],
    [
      'a run of unclosed "[", said once',
      `id: x\nissues: ${'['.repeat(20)}\n`,
      [{ rule: 'yaml-syntax', line: 2, column: 28, message: 'this "[" is not closed' }],
    ],
    [
      'a "-" alone in a flow list (a block list inside it, to YAML)',
      `${MINIMAL}competition:\n  competitors: [-]\n`,
      [{ rule: 'yaml-syntax', line: 12, column: 17, message: 'Block collections are not allowed within flow collections' }],
    ],
    [
      'a key over 1,024 characters',
      `${MINIMAL}${'k'.repeat(1025)}: 1\n`,
      [{ rule: 'yaml-syntax', line: 11, column: 1, message: 'The : indicator must be at most 1024 chars' }],
    ],
    [
      'an alias to an anchor that does not exist',
      MINIMAL.replace('owner: Dana Reyes', 'owner: *dana'),
      [{ rule: 'yaml-syntax', line: 3, column: 8, message: 'the alias "*dana" refers to no anchor "&dana" set before it' }],
    ],
    [
      'an alias used before its anchor',
      MINIMAL.replace('owner: Dana Reyes', 'owner: *dana').replace('  name: Minimal Corp', '  name: &dana Minimal Corp'),
      [{ rule: 'yaml-syntax', line: 3, column: 8, message: 'the alias "*dana"' }],
    ],
    [
      'an alias inside the value it refers to',
      `${MINIMAL}issues: &issues [*issues]\n`,
      [{ rule: 'yaml-alias-cycle', line: 11, column: 18, message: 'a value cannot contain itself' }],
    ],
    [
      'a YAML error after an emoji, in the same columns as an encoding error',
      'id: x\nname: "😀😀" bad\n',
      [{ rule: 'yaml-syntax', line: 2, column: 14, message: 'YAML syntax: ' }],
    ],
    ['a plain text file', 'hello\n', [{ rule: 'invalid-type', line: 1, column: 1, message: 'the file must be a mapping, not the text "hello"' }]],
    ['a lone null', '~\n', [{ rule: 'invalid-type', line: 1, column: 1, message: 'the file must be a mapping, not empty' }]],
    ['an unclosed flow mapping, at its "{"', 'id: x\nfollow_on: {potential: likely\n', [{ rule: 'yaml-syntax', line: 2, column: 12, message: 'this "{" is not closed' }]],
    ['an unclosed quote, at its opening quote', 'id: x\nname: "Acme\nowner: y\n', [{ rule: 'yaml-syntax', line: 2, column: 7, message: 'this quoted text has no closing \'"\'' }]],
    ['two empty documents', '---\n---\n', [{ rule: 'yaml-multiple-documents', line: 2, column: 1, message: 'the file holds 2 YAML documents' }]],
  ] satisfies [string, string, Expected[]][])('%s', (_name, text, expected) => {
    expectProblems(problemsOf(encode(text)), expected);
  });

  it('reports absurdly deep nesting as one located problem, where the 65th level opens', () => {
    // `id:` is level 1, the first "[" (column 5) level 2: the 64th "[" opens level 65.
    expectProblems(problemsOf(encode(`id: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)), [
      { rule: 'yaml-too-deep', line: 1, column: 68, message: 'the YAML is nested more than 64 levels deep' },
    ]);
  });

  it('accepts an alias to an anchor set before it', () => {
    const result = parseDealBytes(encode(MINIMAL.replace('owner: Dana Reyes', 'owner: &dana Dana Reyes') + 'plan: *dana\n'), 'deal.yaml');
    expect(result.ok && result.value.plan).toBe('Dana Reyes');
  });

  it('refuses a file over 1 MiB without parsing it (file-too-large)', () => {
    const bytes = new Uint8Array(1024 * 1024 + 1).fill(0x23); // "#": it would parse as a comment
    expectProblems(problemsOf(bytes), [{ rule: 'file-too-large', line: 1, column: 1, message: 'the file is 1,048,577 bytes; the limit is 1 MiB' }]);
  });

  it('loads a file of exactly 1 MiB', () => {
    const padding = 1024 * 1024 - encode(MINIMAL).length;
    const result = parseDealBytes(encode(MINIMAL + '#'.repeat(padding)), 'deal.yaml');
    expect(result.ok).toBe(true);
  });

  it.each([
    ['little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL, 'utf16le')])],
    ['big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MINIMAL, 'utf16le').swap16()])],
  ])('reports a UTF-16 %s file as an encoding problem at 1:1', (_endian, bytes) => {
    expectProblems(problemsOf(bytes), [{ rule: 'file-encoding', line: 1, column: 1, message: 'the file is UTF-16 encoded; save it as UTF-8' }]);
  });

  it.each([
    // "name: Café " is 11 characters: the bad byte is the 12th, counted in characters, not bytes.
    ['after a multi-byte character', Buffer.concat([Buffer.from('id: x\nname: Café '), Buffer.from([0xff])]), 2, 12, '0xff'],
    // Columns count UTF-16 code units, like the YAML positions: each emoji counts 2.
    ['after an emoji', Buffer.concat([Buffer.from('id: x\nname: 😀😀 '), Buffer.from([0xff])]), 2, 12, '0xff'],
    ['a truncated sequence at the end', Buffer.concat([Buffer.from('id: x\nname: ab'), Buffer.from([0xe2, 0x82])]), 2, 9, '0xe2'],
    ['an overlong encoding', Buffer.concat([Buffer.from('id: '), Buffer.from([0xc0, 0x80])]), 1, 5, '0xc0'],
    ['an encoded surrogate', Buffer.concat([Buffer.from('id: x\r\nname: '), Buffer.from([0xed, 0xa0, 0x80])]), 2, 7, '0xed'],
  ])('locates a non-UTF-8 byte %s', (_name, bytes, line, column, byte) => {
    expectProblems(problemsOf(bytes), [{ rule: 'file-encoding', line, column, message: `(byte ${byte})` }]);
  });

  it('loads a valid file that starts with a UTF-8 byte-order mark', () => {
    const acme = readFileSync(new URL('acme-plants.yaml', DEALS));
    const result = parseDealBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), acme]), 'acme.yaml');
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.id).toBe('acme-plants');
  });

  it('keeps positions right after a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), invalidBytes('wrong-type.yaml')]);
    expectProblems(problemsOf(bytes), INVALID_CASES['wrong-type.yaml']!);
  });

  it.each(['wrong-type.yaml', 'bad-values.yaml', 'unknown-key.yaml', 'missing-field.yaml', 'duplicate-key.yaml', 'multiple-documents.yaml', 'malformed.yaml', 'not-utf8.yaml'])(
    'keeps positions right with CRLF line endings: %s',
    (name) => {
      const crlf = Buffer.from(invalidText(name).replace(/\n/g, '\r\n'), 'latin1');
      const problems = problemsOf(crlf);
      expectProblems(problems, INVALID_CASES[name]!);
      for (const p of problems) expect(p.message).not.toContain('\r');
    },
  );

  it('loads a valid deal with CRLF line endings', () => {
    const acme = readFileSync(new URL('acme-plants.yaml', DEALS), 'utf8').replace(/\n/g, '\r\n');
    const result = parseDealBytes(encode(acme), 'acme.yaml');
    expect(result.ok && result.value.plan).toBe('CEO joins the negotiation call on Dec 3; Dana leads, the CEO closes');
  });

  it('reports every problem in a file, in line order', () => {
    const text = `${MINIMAL.replace('stage: proposal', 'stage: won').replace('amount: 150000', 'amount: -1')}strategic_logo: yes please\n`;
    const problems = problemsOf(encode(text));
    expect(problems.map((p) => [p.line, p.rule])).toEqual([
      [4, 'invalid-value'],
      [8, 'out-of-range'],
      [11, 'invalid-type'],
    ]);
  });
});

describe('fixtures/deals', () => {
  const dealFiles = readdirSync(DEALS).filter((name) => name.endsWith('.yaml')).sort();

  it('holds the deals the other tests rely on', () => {
    expect(dealFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(dealFiles)('%s loads without problems', (name) => {
    const result = parseDealBytes(readFileSync(new URL(name, DEALS)), `fixtures/deals/${name}`);
    if (!result.ok) expect.fail(result.problems.map((p) => `${p.line}:${p.column} ${p.message} (${p.rule})`).join('\n'));
    expect(result.value.id).toBe(name.replace(/\.yaml$/, ''));
  });

  it('applies the schema defaults', () => {
    const result = parseDealBytes(encode(MINIMAL), 'deal.yaml');
    if (!result.ok) throw new Error('minimal deal did not load');
    expect(result.value).toMatchObject({
      type: 'new',
      strategic_logo: false,
      custom_work: { days: 0, compensated_days: 0 },
      asks: [],
      stakeholders: [],
      history: [],
      issues: [],
      questions: [],
      ceo: { requested: false },
    });
  });
});

describe('value.currency', () => {
  const noCurrency = readFileSync(new URL('cyberdyne-discovery.yaml', DEALS));
  const withCurrency = readFileSync(new URL('acme-plants.yaml', DEALS)); // currency: USD

  const currencyOf = (bytes: Uint8Array, options: { defaultCurrency?: string }) => {
    const result = parseDealBytes(bytes, 'deal.yaml', options);
    if (!result.ok) throw new Error('fixture did not load');
    return result.value.value.currency;
  };

  it('defaults to USD when neither the deal nor the company names one', () => {
    expect(currencyOf(noCurrency, {})).toBe('USD');
  });

  it("defaults to the company's currency when the deal names none", () => {
    expect(currencyOf(noCurrency, { defaultCurrency: 'EUR' })).toBe('EUR');
  });

  it("keeps the deal's own currency over the company's", () => {
    expect(currencyOf(withCurrency, { defaultCurrency: 'EUR' })).toBe('USD');
    expect(currencyOf(encode(MINIMAL.replace('amount: 150000', 'amount: 150000\n  currency: GBP')), { defaultCurrency: 'EUR' })).toBe('GBP');
  });
});

describe('too many problems', () => {
  const lists = (n: number) => `${MINIMAL}issues: [${Array(n).fill('[]').join(', ')}]\n`;
  // `issues: [` is 9 characters; each `[]` and its separator take 4.
  const itemColumn = (i: number) => 10 + 4 * i;

  it('lists the first 100 problems of a file, then one too-many-problems problem at the first one left out', () => {
    const problems = problemsOf(encode(lists(350)));
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems.slice(0, 100).every((p) => p.rule === 'invalid-type')).toBe(true);
    expect(problems[99]).toMatchObject({ line: 11, column: itemColumn(99), message: 'issues[99] must be text, or a mapping of issue and response, not a list' });
    expect(problems[100]).toEqual({
      file: 'deal.yaml',
      line: 11,
      column: itemColumn(100),
      rule: 'too-many-problems',
      severity: 'error',
      message:
        '… and 250 more problems (invalid-type: 250), the first of them here: "issues[100] must be text, or a mapping of issue and response, not a list"; ' +
        "only a file's first 100 problems are listed",
    });
  });

  it('lists exactly 100 problems without a too-many-problems one', () => {
    const problems = problemsOf(encode(lists(100)));
    expect(problems).toHaveLength(100);
    expect(problems.map((p) => p.rule)).not.toContain('too-many-problems');
  });

  it('reports a list where text belongs once, not also as "empty"', () => {
    expectProblems(problemsOf(encode(lists(1))), [{ rule: 'invalid-type', line: 11, column: 10, message: 'issues[0] must be text, or a mapping of issue and response, not a list' }]);
  });

  it.each([
    ['nested unclosed "["', 'id: x\nissues: [[[[[[[[[[\n', 2, 18],
    ['unclosed "[" on lines of their own', 'id: x\nissues: [\n  [\n  [\n  [\n', 5, 3],
  ])('reports the same problem at the same place once: %s', (_name, text, line, column) => {
    expectProblems(problemsOf(encode(text)), [{ rule: 'yaml-syntax', line, column, message: 'this "[" is not closed' }]);
  });
});
