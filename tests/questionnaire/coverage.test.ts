// Every field of the deal file reaches the user three ways: `new` asks for it, the README's example
// deal file shows it, and the briefing (text and Markdown) shows it, unless NOT_SHOWN below says
// why not. A field added to DealSchema and forgotten in one of those places fails here, by name.
// The fields are read from the schema (list entries' fields too), never listed by hand.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from '../../src/questionnaire/prompter.js';
import { applyPatch } from '../../src/questionnaire/section.js';
import type { Draft } from '../../src/questionnaire/section.js';
import { SECTIONS } from '../../src/questionnaire/sections/index.js';
import { DEAL_FIELD_PATHS, DealSchema } from '../../src/schema/deal.js';

/**
 * Fields the briefing does not show, each with the reason. A field listed here that the briefing
 * does show fails the test too, so the list stays true.
 */
const NOT_SHOWN: Record<string, string> = {
  // Shown, as the verdict itself and in the override's line, but changing it changes the verdict,
  // which this test does not compare (tests/cli/override.test.ts does).
  'ceo.override.verdict': 'it is the verdict: another value gives another briefing',
};

// ---------------------------------------------------------------------------------------------
// The fields, from the schema

type Leaf = { kind: 'string' } | { kind: 'number' } | { kind: 'boolean' } | { kind: 'enum'; values: string[] };

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  entries?: Record<string, string>;
  options?: z.core.$ZodType[];
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def;

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = defOf(schema);
  return (def.type === 'optional' || def.type === 'default') && def.innerType ? unwrap(def.innerType) : schema;
}

/**
 * Every field as a path (`account.employees`, `asks[].request`), with what a leaf holds. A list of
 * texts (`issues`) is a leaf; a list of mappings is a field and so is each field of its entries.
 */
function schemaFields(schema: z.core.$ZodType, prefix: string): Map<string, Leaf | undefined> {
  const fields = new Map<string, Leaf | undefined>();
  const def = defOf(unwrap(schema));
  for (const [key, child] of Object.entries(def.shape ?? {})) {
    const at = prefix ? `${prefix}.${key}` : key;
    const inner = unwrap(child);
    const innerDef = defOf(inner);
    if (innerDef.type === 'object') {
      fields.set(at, undefined);
      for (const [sub, leaf] of schemaFields(inner, at)) fields.set(sub, leaf);
    } else if (innerDef.type === 'array' && defOf(unwrap(innerDef.element!)).type === 'object') {
      fields.set(at, undefined);
      for (const [sub, leaf] of schemaFields(innerDef.element!, `${at}[]`)) fields.set(sub, leaf);
    } else if (innerDef.type === 'array' && defOf(unwrap(innerDef.element!)).type === 'union') {
      // Entries of several kinds (an issue: text, or a mapping with its response): the list is a
      // leaf of the text kind, and each field of the mapping kind is a field too.
      const options = defOf(unwrap(innerDef.element!)).options!;
      fields.set(at, leafOf(options.find((option) => defOf(option).type !== 'object')!, at));
      for (const option of options.filter((o) => defOf(o).type === 'object')) {
        for (const [sub, leaf] of schemaFields(option, `${at}[]`)) fields.set(sub, leaf);
      }
    } else {
      fields.set(at, leafOf(innerDef.type === 'array' ? unwrap(innerDef.element!) : inner, at));
    }
  }
  return fields;
}

function leafOf(schema: z.core.$ZodType, at: string): Leaf {
  const def = defOf(schema);
  if (def.type === 'string' || def.type === 'number' || def.type === 'boolean') return { kind: def.type };
  if (def.type === 'enum') return { kind: 'enum', values: Object.values(def.entries!) };
  throw new Error(`coverage.test.ts does not know the kind of field ${at} (${def.type}): teach leafOf`);
}

const FIELDS = schemaFields(DealSchema, '');
const PATHS = [...FIELDS.keys()];
const LEAVES = [...FIELDS].filter((entry): entry is [string, Leaf] => entry[1] !== undefined);

/** The fields a deal (or a draft, or a YAML document) holds, as the paths above. */
function pathsIn(data: unknown, prefix = ''): Set<string> {
  const found = new Set<string>();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return found;
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    const at = prefix ? `${prefix}.${key}` : key;
    found.add(at);
    const entries = Array.isArray(value) ? value : [value];
    for (const entry of entries) for (const sub of pathsIn(entry, Array.isArray(value) ? `${at}[]` : at)) found.add(sub);
  }
  return found;
}

describe('the fields of the deal file', () => {
  it('include every field a rule may name, and the fields of list entries', () => {
    expect(PATHS).toEqual(expect.arrayContaining([...DEAL_FIELD_PATHS]));
    expect(PATHS).toEqual(
      expect.arrayContaining(['asks[].request', 'asks[].in_exchange', 'stakeholders[].role', 'stakeholders[].counterpart', 'history[].date', 'issues', 'issues[].response']),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Asked by `new`

/**
 * Answers every question so that every optional part is filled in: yes to every yes/no question
 * but "Add another …" (one entry per list), the last choice that is not "not given" (or "not
 * assessed yet"), and the
 * first of a few answers that the question accepts.
 */
/* eslint-disable @typescript-eslint/require-await -- a fake of the async Prompter: async turns a thrown error into a rejection, as from a real prompt. */
class FillEverything implements Prompter {
  private count = 0;

  private asked(message: string): void {
    this.count += 1;
    if (this.count > 300) throw new Error(`more than 300 questions (last: "${message}"): the questionnaire does not end`);
  }

  async input(q: InputQuestion): Promise<string> {
    this.asked(q.message);
    // A number question echoes its answer grouped (240,000): a number other than 0 fills in more.
    const candidates = q.echo ? ['7', '1', q.default] : [q.default, 'zq-answer', '2026-01-02'];
    const answer = candidates.find((text) => text !== undefined && text !== '' && (q.validate?.(text) ?? true) === true);
    if (answer === undefined) throw new Error(`no answer found that "${q.message}" accepts`);
    return answer;
  }

  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.asked(q.message);
    // A trade is the one position with a question of its own (what we want in exchange).
    const trade = q.choices.find((choice) => choice.value === 'trade');
    if (trade) return trade.value;
    // "Not assessed yet" (a follow-on potential of unknown) gives nothing more to fill in, as "not given".
    const given = q.choices.filter((choice) => choice.value !== '' && choice.value !== 'unknown');
    return given[given.length - 1]!.value;
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    this.asked(q.message);
    return !q.message.startsWith('Add another');
  }

  note(): void {
    // The notes (the preview, warnings) do not set fields.
  }
}
/* eslint-enable @typescript-eslint/require-await */

describe('`new` asks for every field', () => {
  let draft: Draft = {};
  let asked = new Set<string>();
  beforeAll(async () => {
    // Section by section from an empty draft, as the flow does, but before the schema fills in its
    // defaults: a field is asked for only if a section's answer sets it.
    const prompter = new FillEverything();
    for (const section of SECTIONS) draft = applyPatch(draft, await section.ask(prompter, draft, { currency: 'USD' }));
    asked = pathsIn(draft);
  });

  it('the filled-in answers make a valid deal', () => {
    expect(DealSchema.safeParse(draft).error?.issues).toBeUndefined();
  });

  it.each(PATHS)('%s', (field) => {
    expect(asked.has(field), `no question of \`deal-triage new\` sets ${field}: add it to a section in src/questionnaire/sections/`).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Documented in the README

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const EXAMPLE_TEXT = /^## The deal file\n[\s\S]*?```yaml\n([\s\S]*?)```/m.exec(README)?.[1];
const EXAMPLE: unknown = EXAMPLE_TEXT === undefined ? undefined : parse(EXAMPLE_TEXT);

describe("the README's example deal file shows every field", () => {
  const documented = pathsIn(EXAMPLE);

  it('is found under "## The deal file", and is a valid deal', () => {
    expect(EXAMPLE_TEXT).toBeDefined();
    expect(DealSchema.safeParse(EXAMPLE).error?.issues).toBeUndefined();
  });

  it.each(PATHS)('%s', (field) => {
    expect(documented.has(field), `README.md, "## The deal file": the example does not show ${field}`).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Shown in the briefing

const CONFIG = path.join(ROOT, 'fixtures/deal-triage.config.yaml');
const FOLDER = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-coverage-'));
afterAll(() => rmSync(FOLDER, { recursive: true, force: true }));

interface Rendered {
  verdict: string;
  /** By format: the output without the lines that carry rule messages (reasons, roles, changes). */
  text: string;
  markdown: string;
}

async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd: ROOT,
    // A fixed day: an override in the example is in force on it, whatever day the tests run.
    env: { DEAL_TRIAGE_TODAY: '2026-12-01' },
    stdinIsTTY: false,
  };
  const code = await execute(argv, io);
  if (code !== 0) throw new Error(`deal-triage ${argv.join(' ')} exited ${code}: ${stderr}`);
  return stdout;
}

const alnum = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/**
 * The deal triaged, as the briefing shows it. A rule's message may quote a field (the say-no role
 * names the ask); that is the policy speaking, not the briefing showing the field, so the lines
 * that carry one are left out, and what is left is the briefing's own display of the deal.
 */
async function render(deal: unknown): Promise<Rendered> {
  // One file name for every deal: the briefing shows it.
  const file = path.join(FOLDER, 'deal.yaml');
  writeFileSync(file, stringify(deal));
  const run = (format: string) => cli(['triage', file, '--config', CONFIG, '--format', format]);
  type Messages = { message: string }[];
  const [json] = JSON.parse(await run('json')) as { verdict: string; reasons: Messages; roles: Messages; changes: Messages }[];
  const messages = [...json!.reasons, ...json!.roles, ...json!.changes].map((entry) => alnum(entry.message));
  const own = (output: string) => output.split('\n').filter((line) => !messages.some((message) => alnum(line).includes(message))).join('\n');
  return { verdict: json!.verdict, text: own(await run('text')), markdown: own(await run('markdown')) };
}

const count = (text: string, token: RegExp) => text.match(new RegExp(token.source, 'g'))?.length ?? 0;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A deal like `base` with the field at `field` set to `value` (in entry `entry` of a list). */
function withField(base: unknown, field: string, value: unknown, entry = 0): unknown {
  const deal = structuredClone(base) as Record<string, unknown>;
  const keys = field.split('.');
  let at: Record<string, unknown> = deal;
  for (const segment of keys.slice(0, -1)) {
    const key = segment.replace(/\[\]$/, '');
    if (segment.endsWith('[]')) {
      const list = (at[key] ??= [{}]) as Record<string, unknown>[];
      // An entry written as text (an issue) takes a field in its mapping form.
      if (typeof list[entry] === 'string') list[entry] = { issue: list[entry] };
      at = list[entry] ??= {};
    } else {
      at = (at[key] ??= {}) as Record<string, unknown>;
    }
  }
  const last = keys.at(-1)!;
  const current = at[last];
  // A list of texts: its first entry.
  if (Array.isArray(current)) at[last] = [value, ...(current as unknown[]).slice(1)];
  else at[last] = value;
  return deal;
}

/**
 * The values to try in the field, each with what shows it: a text or a number appears in the
 * briefing; an enum value's name appears; a yes/no changes the briefing. Values the schema
 * refuses for the field (a date, a currency code) are passed over.
 */
function trials(leaf: Leaf, current: unknown): { value: unknown; token?: RegExp }[] {
  switch (leaf.kind) {
    case 'string':
      // A date within a year of the day the briefing is made on, for an override's until.
      return ['zqxsentinel', '2026-12-19', '2031-07-19', 'CHF'].map((value) => ({ value, token: new RegExp(escape(value)) }));
    case 'number':
      // 987,654 or 987654, not a part of another number.
      return [987654, 13].map((value) => ({
        value,
        token: new RegExp(`(?<![\\d.,])(?:${escape(value.toLocaleString('en-US'))}|${value})(?![\\d])`),
      }));
    case 'enum':
      return leaf.values.filter((value) => value !== current).map((value) => ({ value, token: new RegExp(`\\b${escape(value)}\\b`) }));
    case 'boolean':
      return [{ value: current !== true }];
  }
}

function currentValue(deal: unknown, field: string, entry = 0): unknown {
  let at: unknown = deal;
  for (const segment of field.split('.')) {
    const value = (at as Record<string, unknown> | undefined)?.[segment.replace(/\[\]$/, '')];
    at = segment.endsWith('[]') ? (value as unknown[] | undefined)?.[entry] : value;
  }
  return Array.isArray(at) ? at[0] : at;
}

/** Whether each format shows the field: some value set in it shows in the briefing, the verdict unchanged. */
async function shows(base: unknown, baseline: Rendered, field: string, leaf: Leaf): Promise<{ text: boolean; markdown: boolean }> {
  const shown = { text: false, markdown: false };
  // A field of list entries is tried in the first two entries: a value may fit only one of them
  // (in_exchange fits an ask that is a trade).
  const entries = field.includes('[]') ? [0, 1] : [0];
  for (const [entry, trial] of entries.flatMap((e) => trials(leaf, currentValue(base, field, e)).map((t) => [e, t] as const))) {
    const deal = withField(base, field, trial.value, entry);
    if (!DealSchema.safeParse(deal).success) continue;
    const rendered = await render(deal);
    // With another verdict the briefing has other sections: no comparison is fair.
    if (rendered.verdict !== baseline.verdict) continue;
    for (const format of ['text', 'markdown'] as const) {
      const token = trial.token;
      shown[format] ||= token ? count(rendered[format], token) > count(baseline[format], token) : rendered[format] !== baseline[format];
    }
    if (shown.text && shown.markdown) break;
  }
  return shown;
}

describe('the briefing shows every field, in text and in Markdown', () => {
  let baseline: Rendered;
  // The README's example, which shows every field (above), is the deal whose fields are changed.
  beforeAll(async () => {
    baseline = await render(EXAMPLE);
  });

  it('starts from a deal the CEO should join, whose briefing has every section', () => {
    expect(baseline.verdict).toBe('join');
  });

  it.each(LEAVES)('%s', async (field, leaf) => {
    const shown = await shows(EXAMPLE, baseline, field, leaf);
    if (field in NOT_SHOWN) {
      expect(shown, `${field} is listed as not shown (${NOT_SHOWN[field]}), but the briefing shows it`).toEqual({ text: false, markdown: false });
    } else {
      expect(shown, `the briefing does not show ${field}: show it (src/briefing, src/format) or list it in NOT_SHOWN with the reason`).toEqual({
        text: true,
        markdown: true,
      });
    }
  });

  it('lists as not shown only fields of the deal', () => {
    expect(PATHS).toEqual(expect.arrayContaining(Object.keys(NOT_SHOWN)));
  });
});
