// `deal-triage schema deal|config`, through the real CLI entry, and the schemas themselves: the
// command prints the files the package ships, byte for byte; a real JSON Schema validator (ajv 8,
// draft-07) accepts every fixture the loader accepts and refuses what the loader refuses for schema
// reasons; every field and enum value is described; and `new` starts each deal file it writes with
// the yaml-language-server modeline, which changes neither loading nor the lines problems are at.

import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../src/load/config.js';
import { parseDeal } from '../../src/load/deal.js';
import { parseYaml } from '../../src/load/yaml-source.js';
import { documentedSchema, editorSchema, SCHEMA_FILES } from '../../src/policy/editor-schema.js';
import { DEAL_FIELD_PATHS } from '../../src/schema/deal.js';
import { dealSchemaModeline, dealSchemaUrl, withDealSchemaModeline } from '../../src/schema/modeline.js';
import { dealYaml } from '../check/helpers.js';
import { baseDeal, merge } from '../engine/helpers.js';
import { ROOT, run } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { ScriptedPrompter } from '../questionnaire/scripted.js';
import { minimalScript, SAVE } from '../questionnaire/scripts.js';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] }).version;
const tempDir = tempDirs('deal-triage-schema-');

/** The loader's answer, the validator's, and why the loader refused. */
interface Verdicts {
  loader: boolean;
  schema: boolean;
  rules: string[];
  errors: string;
}

// strict: an unknown keyword or format in our schema is an error, not silently ignored.
const ajv = new Ajv({ strict: true, allErrors: true });
const validators: Record<'deal' | 'config', ValidateFunction> = {
  deal: ajv.compile(JSON.parse(readFileSync(path.join(ROOT, SCHEMA_FILES.deal), 'utf8')) as object),
  config: ajv.compile(JSON.parse(readFileSync(path.join(ROOT, SCHEMA_FILES.config), 'utf8')) as object),
};

/**
 * Refusals JSON Schema cannot make, which the loader makes after the shape (zod refinements and the
 * config's cross-field checks): a schema that accepts such a file is right to.
 */
const NOT_IN_SCHEMA = [
  /is not a real calendar date/,
  /ISO 4217 currency code/,
  /must not exceed days/, // compensated-exceeds-days
  /is only for a trade/, // in-exchange-without-trade
  /already the CEO's counterpart/, // second-counterpart
  // The config's cross-references.
  /configured twice|no built-in rule is called|needs an "effect"|unknown parameter|is neither a fact nor a parameter|is not a field of the deal file|only a finding rule|does not use a parameter|unknown fact|unknown operator|compares with a value|takes no value|must be a list|must list stages|names a list fact|is not an optional part|is known only once|cannot stand beside|a comparison needs|takes a non-empty list|only be given a severity|like the policy's/,
];

function verdicts(kind: 'deal' | 'config', text: string): Verdicts | undefined {
  const yaml = parseYaml(text, 'x.yaml');
  // A file that is not YAML, or holds no document, is the YAML parser's to refuse.
  if (!yaml.ok) return undefined;
  const loaded = kind === 'deal' ? parseDeal(text, 'x.yaml') : parseConfig(text, 'x.yaml');
  const validate = validators[kind];
  const schema = validate(yaml.value) === true;
  const problems = loaded.ok ? [] : loaded.problems;
  return {
    loader: loaded.ok,
    schema,
    rules: problems.filter((p) => !NOT_IN_SCHEMA.some((pattern) => pattern.test(p.message))).map((p) => `${p.rule}: ${p.message}`),
    errors: ajv.errorsText(validate.errors),
  };
}

/** Every .yaml/.yml file under fixtures/, by kind: configs by name, policy test cases apart. */
function fixtureFiles(): { deals: string[]; configs: string[] } {
  const all = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full) : /\.ya?ml$/.test(entry.name) ? [path.relative(ROOT, full)] : [];
    });
  })(path.join(ROOT, 'fixtures')).sort();
  const isConfig = (file: string) => /deal-triage\.config\.ya?ml$/.test(file);
  return { deals: all.filter((file) => !isConfig(file) && !file.startsWith('fixtures/policy-test')), configs: all.filter(isConfig) };
}

/** The answers agree: accepted by both, or refused by both for a reason JSON Schema can state. */
function expectAgreement(found: Verdicts, what: string) {
  if (found.loader) {
    expect(found.schema, `${what}: the loader accepts it, the schema refuses it: ${found.errors}`).toBe(true);
  } else if (found.rules.length > 0) {
    expect(found.schema, `${what}: the loader refuses it (${found.rules.join('; ')}), the schema accepts it`).toBe(false);
  }
}

describe('deal-triage schema', () => {
  it.each(['deal', 'config'] as const)('schema %s prints the file the package ships, byte for byte; -o writes the same bytes', async (kind) => {
    const shipped = readFileSync(path.join(ROOT, SCHEMA_FILES[kind]), 'utf8');
    const printed = await run(['schema', kind]);
    expect(printed).toEqual({ code: 0, stdout: shipped, stderr: '' });
    const dir = tempDir();
    const written = await run(['schema', kind, '-o', 'out/x.json'], { cwd: dir });
    expect(written).toEqual({ code: 0, stdout: '', stderr: `deal-triage: wrote the ${kind} schema to out/x.json\n` });
    expect(readFileSync(path.join(dir, 'out/x.json'), 'utf8')).toBe(shipped);
    // And the code makes it now: the committed file is not stale.
    expect(`${JSON.stringify(editorSchema(kind), null, 2)}\n`).toBe(shipped);
  });

  it('ships the folder, and refuses what is not a kind or a link as the output', async () => {
    expect((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] }).files).toContain('schema');
    const wrong = await run(['schema', 'deals']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("'deals' is invalid for argument 'kind'. Allowed choices are deal, config.");
    const dir = tempDir();
    writeFileSync(path.join(dir, 'victim.txt'), 'VICTIM\n');
    symlinkSync(path.join(dir, 'victim.txt'), path.join(dir, 'link.json'));
    const linked = await run(['schema', 'deal', '-o', 'link.json'], { cwd: dir });
    expect(linked).toMatchObject({ code: 2, stderr: 'deal-triage: cannot write the schema to link.json: it is a symbolic link, and links are not written through\n' });
    expect(readFileSync(path.join(dir, 'victim.txt'), 'utf8')).toBe('VICTIM\n');
  });

  it('is draft-07, refuses unknown keys everywhere, and describes every field and every enum value', () => {
    for (const kind of ['deal', 'config'] as const) {
      expect(documentedSchema(kind).undocumented).toEqual([]);
      const schema = editorSchema(kind);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const walk = (node: Record<string, unknown>, at: string) => {
        if (node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) {
          if (node.properties) expect(node.additionalProperties, `${kind} ${at}`).toBe(false);
        }
        for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
          expect(typeof child.description, `${kind} ${at}.${key} has no description`).toBe('string');
          walk(child, `${at}.${key}`);
        }
        expect(node.enum, `${kind} ${at}: an enum without descriptions`).toBeUndefined();
        for (const option of (node.oneOf ?? []) as Record<string, unknown>[]) {
          if ('const' in option) expect(typeof option.description, `${kind} ${at} = ${String(option.const)}`).toBe('string');
          walk(option, at);
        }
        for (const key of ['items', 'additionalProperties'] as const) if (node[key] && typeof node[key] === 'object') walk(node[key] as Record<string, unknown>, `${at}[]`);
        for (const option of (node.anyOf ?? []) as Record<string, unknown>[]) walk(option, at);
      };
      walk(schema, '');
      walk((schema.definitions as Record<string, Record<string, unknown>> | undefined)?.condition ?? {}, 'condition');
    }
    // Every field of the deal file is in the schema.
    const deal = editorSchema('deal');
    for (const field of DEAL_FIELD_PATHS) {
      const node = field.split('.').reduce<Record<string, unknown> | undefined>((at, key) => (at?.properties as Record<string, Record<string, unknown>> | undefined)?.[key], deal);
      expect(node, field).toBeDefined();
    }
  });
});

describe('the schemas agree with the loader', () => {
  const { deals, configs } = fixtureFiles();

  it('finds the fixtures', () => {
    expect(deals.length).toBeGreaterThan(25);
    expect(configs).toEqual(['fixtures/check/over-capacity/deal-triage.config.yaml', 'fixtures/deal-triage.config.yaml', 'fixtures/one-on-one/deal-triage.config.yaml']);
  });

  it.each(deals)('deal fixture %s', (file) => {
    const found = verdicts('deal', readFileSync(path.join(ROOT, file), 'utf8'));
    if (found) expectAgreement(found, file);
  });

  it.each(configs)('config fixture %s', (file) => {
    const found = verdicts('config', readFileSync(path.join(ROOT, file), 'utf8'));
    expect(found?.loader).toBe(true);
    expectAgreement(found!, file);
  });

  it.each([
    ['deal', '## The deal file'],
    ['config', '## The config'],
  ] as const)("accepts the README's example %s", (kind, heading) => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf(`\n${heading}\n`)))![1]!;
    const found = verdicts(kind, example)!;
    expect(found.loader).toBe(true);
    expect(found.schema, found.errors).toBe(true);
  });

  it('sees both answers over the fixtures: some accepted, some refused for schema reasons', () => {
    const all = deals.map((file) => verdicts('deal', readFileSync(path.join(ROOT, file), 'utf8'))).filter((v) => v !== undefined);
    expect(all.some((v) => v.loader && v.schema)).toBe(true);
    expect(all.some((v) => !v.loader && v.rules.length > 0 && !v.schema)).toBe(true);
  });

  // Each change to a valid deal, and whether JSON Schema can see what is wrong with it.
  const DEAL_CASES: [string, 'both accept' | 'both refuse' | 'loader only', Record<string, unknown>][] = [
    ['the base deal', 'both accept', {}],
    ['every optional field', 'both accept', { type: 'renewal', close_date: '2026-12-24', competition: { threat: 'high', competitors: ['Globex'] }, custom_work: { days: 2.5, compensated_days: 1, description: 'SSO' }, asks: [{ request: 'Net-60', position: 'trade', in_exchange: 'A longer term', exception: true }], issues: ['Price', { issue: 'Scale', response: 'References' }], next_meeting: { date: '2026-12-03' }, value: { amount: 1, currency: 'EUR', term_months: 12 } }],
    ['an unknown key', 'both refuse', { colour: 'red' }],
    ['an unknown key in a mapping', 'both refuse', { account: { name: 'A', size: 3 } }],
    ['a stage that does not exist', 'both refuse', { stage: 'won' }],
    ['text where a number goes', 'both refuse', { value: { amount: '240,000' } }],
    ['a negative amount', 'both refuse', { value: { amount: -1 } }],
    ['a fraction of an employee', 'both refuse', { account: { name: 'A', employees: 1.5 } }],
    ['a number no double holds exactly', 'both refuse', { value: { amount: 2 ** 53 + 2 } }],
    ['an id in capitals', 'both refuse', { id: 'Acme' }],
    ['blank text', 'both refuse', { owner: '   ' }],
    ['empty text', 'both refuse', { name: '' }],
    ['a date written otherwise', 'both refuse', { close_date: '15/12/2026' }],
    ['a currency in lower case', 'both refuse', { value: { amount: 1, currency: 'usd' } }],
    ['a missing required field', 'both refuse', { owner: undefined }],
    ['a list where text goes', 'both refuse', { plan: ['a'] }],
    ['an issue that is a number', 'both refuse', { issues: [3] }],
    ['a term of 0 months', 'both refuse', { value: { amount: 1, term_months: 0 } }],
    ['30 February', 'loader only', { close_date: '2026-02-30' }],
    ['a currency ISO 4217 does not have', 'loader only', { value: { amount: 1, currency: 'XYZ' } }],
    ['more compensated days than days', 'loader only', { custom_work: { days: 1, compensated_days: 2 } }],
    ['in_exchange on an ask that is not a trade', 'loader only', { asks: [{ request: 'x', position: 'yes', in_exchange: 'y' }] }],
    ['two counterparts', 'loader only', { stakeholders: [{ name: 'A', counterpart: true }, { name: 'B', counterpart: true }] }],
  ];

  it.each(DEAL_CASES)('a deal with %s: %s', (_name, expected, patch) => {
    const deal = merge(baseDeal(), patch);
    if ('owner' in patch && patch.owner === undefined) delete deal.owner;
    const found = verdicts('deal', stringify(deal))!;
    expect({ loader: found.loader, schema: found.schema }).toEqual(
      expected === 'both accept' ? { loader: true, schema: true } : expected === 'both refuse' ? { loader: false, schema: false } : { loader: false, schema: true },
    );
  });

  const CONFIG_CASES: [string, 'both accept' | 'both refuse' | 'loader only', string][] = [
    ['empty sections', 'both accept', 'company:\npolicy:\nrules:\n'],
    ['a rule of one\'s own', 'both accept', 'rules:\n  - id: public-sector\n    effect: wait\n    when: { all: [{ fact: account.industry, op: eq, value: Government }, { not: { fact: stage, op: in, value: [discovery] } }] }\n    message: Legal reviews public-sector deals first.\n'],
    ['a built-in rule switched off', 'both accept', 'rules:\n  - { id: over-capacity, severity: off }\n  - { id: small-deal, enabled: false }\n'],
    ['a parameter of its own', 'both accept', 'rules:\n  - id: not-strategic\n    params: { min_signals: 3 }\n'],
    ['an unknown section', 'both refuse', 'polcy: {}\n'],
    ['an unknown policy parameter', 'both refuse', 'policy:\n  small_deal_under: 5\n'],
    ['a stage that does not exist', 'both refuse', 'policy:\n  join_stages: [won]\n'],
    ['no join stage', 'both refuse', 'policy:\n  join_stages: []\n'],
    ['a ratio of 0', 'both refuse', 'policy:\n  much_larger_ratio: 0\n'],
    ['an effect that does not exist', 'both refuse', 'rules:\n  - { id: x, effect: block, message: m }\n'],
    ['an unknown fact', 'both refuse', 'rules:\n  - { id: x, effect: wait, message: m, when: { fact: colour, op: eq, value: red } }\n'],
    ['an unknown operator', 'both refuse', 'rules:\n  - { id: x, effect: wait, message: m, when: { fact: stage, op: equals, value: x } }\n'],
    ['an empty all', 'both refuse', 'rules:\n  - { id: x, effect: wait, message: m, when: { all: [] } }\n'],
    ['a key beside a combinator', 'both refuse', 'rules:\n  - { id: x, effect: wait, message: m, when: { not: { fact: stage, op: exists }, fact: stage } }\n'],
    ['a rule id in capitals', 'both refuse', 'rules:\n  - { id: X, effect: wait, message: m }\n'],
    ['a currency in lower case', 'both refuse', 'company:\n  currency: usd\n'],
    ['a rule configured twice', 'loader only', 'rules:\n  - { id: small-deal, enabled: false }\n  - { id: small-deal, enabled: true }\n'],
    ['an unknown parameter', 'loader only', 'rules:\n  - { id: x, effect: wait, message: m, when: { fact: potential_value, op: gt, value: { param: nope } } }\n'],
    ['a misspelled built-in rule', 'loader only', 'rules:\n  - { id: smal-deal, enabled: false }\n'],
    ['a value of the wrong kind for its fact', 'loader only', 'rules:\n  - { id: x, effect: wait, message: m, when: { fact: potential_value, op: gt, value: lots } }\n'],
  ];

  it.each(CONFIG_CASES)('a config with %s: %s', (_name, expected, text) => {
    const found = verdicts('config', text)!;
    expect({ loader: found.loader, schema: found.schema }, `${found.errors} / ${found.rules.join('; ')}`).toEqual(
      expected === 'both accept' ? { loader: true, schema: true } : expected === 'both refuse' ? { loader: false, schema: false } : { loader: false, schema: true },
    );
  });
});

describe('the modeline', () => {
  it('names the schema the package ships, on unpkg, at this version', () => {
    expect(dealSchemaModeline(VERSION)).toBe(`# yaml-language-server: $schema=https://unpkg.com/deal-triage@${VERSION}/schema/deal.schema.json`);
    expect(dealSchemaUrl('1.0.0-beta.1')).toBe('https://unpkg.com/deal-triage@1.0.0-beta.1/schema/deal.schema.json');
    // A file that names a schema already keeps it.
    const own = '# yaml-language-server: $schema=../schema/deal.schema.json\nid: a\n';
    expect(withDealSchemaModeline(own, VERSION)).toBe(own);
  });

  it('new writes it as the first line; the file loads, and problems are at their lines', async () => {
    const cwd = tempDir();
    const prompter = new ScriptedPrompter([...minimalScript(), SAVE]);
    const result = await run(['new', '--config', path.join(ROOT, 'fixtures/deal-triage.config.yaml')], { cwd, env: { NO_COLOR: '1' }, stdinTTY: true, stdoutTTY: true, stderrTTY: true, prompter });
    expect(result.code).toBe(0);
    const file = path.join(cwd, 'deals/stark-dashboard-pilot.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(dealSchemaModeline(VERSION));
    expect(parseDeal(text, 'x.yaml').ok).toBe(true);
    expect((parse(text) as { id: string }).id).toBe('stark-dashboard-pilot');
    // A mistake put in the file is reported at its own line, the modeline counted.
    const lines = text.split('\n');
    const ownerLine = lines.findIndex((line) => line.startsWith('owner: ')) + 1;
    writeFileSync(file, text.replace(/^owner: .*$/m, 'owner: [nobody]'));
    const triage = await run(['triage', '--config', path.join(ROOT, 'fixtures/deal-triage.config.yaml'), 'deals/stark-dashboard-pilot.yaml'], { cwd });
    expect(triage.code).toBe(1);
    expect(triage.stderr).toContain(`deals/stark-dashboard-pilot.yaml:${ownerLine}:8: error: owner must be text`);
    mkdirSync(path.join(cwd, 'more'));
    writeFileSync(path.join(cwd, 'more/ok.yaml'), withDealSchemaModeline(dealYaml({ id: 'ok' }), VERSION));
    const check = await run(['check', '--config', path.join(ROOT, 'fixtures/deal-triage.config.yaml'), 'more', 'deals'], { cwd });
    expect(check.stdout).toContain(`  ${ownerLine}:8  error`);
  });
});
