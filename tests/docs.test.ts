// The README is the user's manual: its tables of facts, operators and rules, and its policy
// defaults, must say exactly what the code has (a row missing, added or wrong fails), and its
// set-up command must be the one CI runs.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FACT_NAMES, FACTS } from '../src/engine/facts.js';
import { OPERATOR_NAMES, OPERATORS } from '../src/engine/operators.js';
import type { OperatorDefinition, OperatorName } from '../src/engine/operators.js';
import { BUILT_IN_RULES } from '../src/policy/built-in.js';
import { FOLDER_RULES } from '../src/policy/folder-rules.js';
import { ONE_ON_ONE_RULES } from '../src/policy/one-on-one-rules.js';
import { DEFAULT_POLICY } from '../src/policy/params.js';

const readme = readFileSync('README.md', 'utf8');

/** The text under `heading` (a whole line, such as "### Facts"), up to the next heading of its level or above. */
function section(heading: string): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`the README has no "${heading}"`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

interface Table {
  header: string[];
  rows: string[][];
}

/** The Markdown tables in `text`, cells trimmed (an escaped \| stays in its cell). */
function tables(text: string): Table[] {
  const found: Table[] = [];
  let current: string[][] = [];
  for (const line of [...text.split('\n'), '']) {
    if (line.startsWith('|')) {
      current.push(line.slice(1, line.endsWith('|') ? -1 : undefined).split(/(?<!\\)\|/).map((cell) => cell.trim()));
      continue;
    }
    if (current.length > 0) {
      const [header = [], , ...rows] = current;
      found.push({ header, rows });
      current = [];
    }
  }
  return found;
}

/** The names in code spans in a cell: "`a`, `b`" is ["a", "b"]. */
const codeSpans = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** Each name in the first column of `rows`, with the cell of column `column` in its row. */
function byName(table: Table, column: string): [string, string][] {
  const index = table.header.indexOf(column);
  if (index < 0) throw new Error(`a table with no "${column}" column: ${table.header.join(' | ')}`);
  return table.rows.flatMap((row) => codeSpans(row[0]!).map((name): [string, string] => [name, row[index]!]));
}

describe('README', () => {
  it('lists every fact with its kind, and nothing else, in the facts table', () => {
    const [table, ...more] = tables(section('### Facts'));
    expect(more).toEqual([]);
    const documented = byName(table!, 'kind');
    expect(documented.map(([name]) => name).sort()).toEqual([...FACT_NAMES].sort());
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(FACT_NAMES.map((name) => [name, FACTS[name].kind])));
  });

  it('lists every operator, whether it takes a value and the facts it tests, and nothing else, in the operators table', () => {
    const [table, ...more] = tables(section('### Operators'));
    expect(more).toEqual([]);
    const documented = byName(table!, 'takes a value');
    expect(documented.map(([name]) => name).sort()).toEqual([...OPERATOR_NAMES].sort());
    // "yes, a number": the word before the comma says whether.
    expect(Object.fromEntries(documented.map(([name, takes]) => [name, takes.split(',')[0]]))).toEqual(
      Object.fromEntries(OPERATOR_NAMES.map((name) => [name, OPERATORS[name].takesValue ? 'yes' : 'no'])),
    );
    const accepts = (name: OperatorName) => (OPERATORS[name] as OperatorDefinition).accepts;
    expect(Object.fromEntries(byName(table!, 'tests facts that are'))).toEqual(
      Object.fromEntries(OPERATOR_NAMES.map((name) => [name, accepts(name) === 'any' ? 'any' : (accepts(name) as readonly string[]).join(', ')])),
    );
  });

  describe('the default policy', () => {
    const policyTables = tables(section('## The default policy'));
    const ruleTables = policyTables.filter((table) => table.header[0] === 'rule id');

    it('lists every built-in and folder rule, once, in the order they are evaluated', () => {
      expect(ruleTables.flatMap((table) => table.rows.flatMap((row) => codeSpans(row[0]!)))).toEqual([
        ...BUILT_IN_RULES.map((rule) => rule.id),
        ...FOLDER_RULES.map((rule) => rule.id),
        ...ONE_ON_ONE_RULES.map((rule) => rule.id),
      ]);
    });

    it("gives each rule's effect and severity as the code has them", () => {
      const rules = new Map<string, { effect?: string; severity?: string }>([...BUILT_IN_RULES, ...FOLDER_RULES, ...ONE_ON_ONE_RULES].map((rule) => [rule.id, rule]));
      const effects = ruleTables.filter((table) => table.header.includes('effect')).flatMap((table) => byName(table, 'effect'));
      const severities = ruleTables.filter((table) => table.header.includes('severity')).flatMap((table) => byName(table, 'severity'));
      expect(effects.length + severities.length).toBeGreaterThan(0);
      expect(effects).toEqual(effects.map(([id]) => [id, rules.get(id)?.effect]));
      expect(severities).toEqual(severities.map(([id]) => [id, rules.get(id)?.severity]));
      // Every decline and wait rule is in a table with an effect column, every finding and folder rule in one with a severity.
      expect(effects.map(([id]) => id)).toEqual(BUILT_IN_RULES.filter((rule) => rule.effect === 'decline' || rule.effect === 'wait').map((rule) => rule.id));
      expect(severities.map(([id]) => id)).toEqual([...BUILT_IN_RULES.filter((rule) => rule.effect === 'finding'), ...FOLDER_RULES, ...ONE_ON_ONE_RULES].map((rule) => rule.id));
    });
  });

  it('shows the policy defaults in the config example, exactly', () => {
    const block = /^```yaml\n([\s\S]*?)^```$/m.exec(section('## The config'))?.[1];
    expect((parse(block ?? '') as { policy?: unknown } | null)?.policy).toEqual({ ...DEFAULT_POLICY });
  });

  it('shows a GitHub Actions workflow whose check CI runs the same way', () => {
    const step = /- run: npx --yes deal-triage (check [^\n]*)/.exec(readme)?.[1];
    expect(step).toContain('--format github');
    expect(readFileSync('.ci/run', 'utf8')).toContain(`node ../bin/deal-triage.js ${step}`);
  });

  it('starts with the two set-up commands, and CI runs the same triage', () => {
    const block = /```sh\n([^`]*)```/.exec(readme)?.[1]?.trim().split('\n') ?? [];
    expect(block).toHaveLength(2);
    expect(block[0]).toMatch(/^npm ci && node bin\/deal-triage\.js triage /);
    expect(block[1]).toBe('npm test');
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toContain(block[0]!.replace('npm ci && ', ''));
    expect(ci).toContain('npm test');
  });
});

// The README's examples, run as written: each `console` block that starts with `$ deal-triage …`
// (but `new`, which needs a terminal) is run in fixtures/, where the README says they run, and every
// line it shows (but an elided "…") must be a line of what the command prints. The first block's
// command is run from the clone's root, as written there.
describe("the README's examples run as written", () => {
  const blocks = [...readme.matchAll(/^```console\n\$ (deal-triage [^\n]*)\n([\s\S]*?)^```$/gm)]
    .map((match) => ({ command: match[1]!, shown: match[2]!.split('\n').filter((line) => line !== '' && !/^\s*(…|\.\.\.)\s*$/.test(line)) }))
    .filter((block) => !block.command.startsWith('deal-triage new'));

  it('finds the examples (the triage and check ones at least)', () => {
    expect(blocks.map((block) => block.command.split(' ')[1])).toEqual(expect.arrayContaining(['triage', 'check']));
  });

  it.each(blocks.map((block) => [block.command, block] as const))('$ %s, in fixtures/', async (_command, block) => {
    const { run, ROOT } = await import('./helpers/cli.js');
    const { stdout, stderr } = await run(block.command.split(' ').slice(1), { cwd: path.join(ROOT, 'fixtures') });
    const printed = new Set(`${stdout}\n${stderr}`.split('\n').map((line) => line.trimEnd()));
    expect(block.shown.filter((line) => !printed.has(line.trimEnd()))).toEqual([]);
  });

  it('the set-up line triages the example deal from the root of the clone', async () => {
    const { run, ROOT } = await import('./helpers/cli.js');
    const command = /^```sh\nnpm ci && node bin\/deal-triage\.js (triage [^\n]*)$/m.exec(readme)?.[1];
    expect(command).toBeDefined();
    const { code, stdout } = await run(command!.split(' '), { cwd: ROOT });
    expect(code).toBe(0);
    expect(stdout).toContain('JOIN  The CEO should join this deal.');
  });
});
