// `deal-triage test [folder]`, through the real CLI entry: the example policy tests pass, a failing
// case says what was expected and what came (exit 1), a broken case is located (exit 2), paths are
// relative to the case file and never lead out of the working folder, and --coverage names the
// rules not tested both ways.

import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs, writeFiles } from '../helpers/temp.js';
import { dealYaml } from '../check/helpers.js';

const EXAMPLES = 'fixtures/policy-tests';
const FAILING = 'fixtures/policy-test-problems/failing';
const BROKEN = 'fixtures/policy-test-problems/broken';

const tempDir = tempDirs('deal-triage-test-');

/** A working folder with `files` (relative path → text). */
function workspace(files: Record<string, string>): string {
  return writeFiles(tempDir(), files);
}

interface JsonReport {
  version: number;
  summary: { cases: number; passed: number; failed: number; broken: number };
  cases: { file: string; status: string; mismatches?: unknown[]; got?: { verdict: string; reasons: string[]; roles: string[] }; problems?: { file: string; line: number; column: number; rule: string }[] }[];
  coverage?: { rules: { rule: string; fired: number; silent: number }[]; neverFired: string[]; neverSilent: string[] };
}
const json = (stdout: string) => JSON.parse(stdout) as JsonReport;

describe('deal-triage test', () => {
  it('passes every example case in fixtures/policy-tests: one line per case, then the count; exit 0', async () => {
    const result = await run(['test', EXAMPLES]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('✔ fixtures/policy-tests/'))).toHaveLength(7);
    expect(lines.at(-1)).toBe('✔ 7 cases, all passed');
    expect(result.stdout).toContain('✔ fixtures/policy-tests/acme-plants-joins.yaml  A large strategic deal gets the CEO, to close it and to say no\n');
    // The same bytes twice.
    expect((await run(['test', EXAMPLES])).stdout).toBe(result.stdout);
  });

  it('reads policy-tests/ in the working folder by default, and says so when there is none', async () => {
    const dir = workspace({
      'deals/a.yaml': dealYaml({ id: 'a', value: { amount: 5000 } }),
      'policy-tests/a.yaml': 'deal: ../deals/a.yaml\nexpect:\n  verdict: decline\n  reasons: [small-deal]\n',
    });
    const passed = await run(['test'], { cwd: dir });
    expect(passed).toMatchObject({ code: 0, stdout: '✔ policy-tests/a.yaml\n\n✔ 1 case, all passed\n' });
    const empty = tempDir();
    expect(await run(['test'], { cwd: empty })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'deal-triage: there is no policy-tests/ folder here; name the folder of test cases: deal-triage test <folder>\n',
    });
    expect((await run(['test', 'nowhere'], { cwd: empty })).stderr).toBe('deal-triage: no such file or folder: nowhere\n');
  });

  it('a failing case: the file, what was expected and what came; exit 1', async () => {
    const result = await run(['test', FAILING]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `✔ ${FAILING}/acme-plants-passes.yaml`,
        `✖ ${FAILING}/stark-pilot-expected-join.yaml  Someone thinks a pilot for Stark deserves the CEO`,
        '    verdict: expected join, got decline',
        '    reasons: expected strategic-logo among the reasons, got small-deal, not-strategic',
        '    roles: expected close among the roles, got none',
        '',
        '✖ 2 cases: 1 passed, 1 failed',
        '',
      ].join('\n'),
    );
    const report = json((await run(['test', '--format', 'json', FAILING])).stdout);
    expect(report.summary).toEqual({ cases: 2, passed: 1, failed: 1, broken: 0 });
    expect(report.cases[1]).toMatchObject({
      status: 'fail',
      got: { verdict: 'decline', reasons: ['small-deal', 'not-strategic'], roles: [] },
      mismatches: [
        { field: 'verdict', expected: 'join', got: 'decline' },
        { field: 'reasons', missing: ['strategic-logo'], got: ['small-deal', 'not-strategic'] },
        { field: 'roles', missing: ['close'], got: [] },
      ],
    });
  });

  it.each([
    ['misspelled.yaml', [['misspelled.yaml', 3, 1, 'missing-field'], ['misspelled.yaml', 4, 3, 'unknown-key']]],
    ['unknown-rule.yaml', [['unknown-rule.yaml', 5, 13, 'unknown-rule']]],
    ['missing-deal.yaml', [['missing-deal.yaml', 1, 7, 'file-unreadable']]],
    ['inline-invalid.yaml', [['inline-invalid.yaml', 2, 7, 'invalid-format'], ['inline-invalid.yaml', 7, 20, 'invalid-type']]],
  ] as const)('a broken case, %s: its problems located in the case file; exit 2', async (name, expected) => {
    const text = await run(['test', `${BROKEN}/${name}`]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`! ${BROKEN}/${name}\n`);
    for (const [file, line, column, rule] of expected) expect(text.stderr).toMatch(new RegExp(`${BROKEN}/${file}:${line}:${column}: error: .* \\(${rule}\\)`));
    expect(text.stderr).not.toMatch(STACK_FRAME);
    const report = json((await run(['test', '-f', 'json', `${BROKEN}/${name}`])).stdout);
    expect(report.cases[0]!.problems!.map((p) => [p.file.slice(BROKEN.length + 1), p.line, p.column, p.rule])).toEqual(expected);
  });

  it('reports the unknown rule with a suggestion, and a broken case wins over a failing one (exit 2)', async () => {
    const result = await run(['test', BROKEN]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the policy has no decline, wait or signal rule called "small-deals"; did you mean "small-deal"? (unknown-rule)');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 4 cases: 0 passed, 0 failed, 4 broken');
    const dir = workspace({
      'deals/a.yaml': dealYaml({ id: 'a' }),
      'cases/fails.yaml': 'deal: ../deals/a.yaml\nexpect: { verdict: decline }\n',
      'cases/broken.yaml': 'deal: ../deals/a.yaml\nexpect: { verdict: maybe }\n',
    });
    const both = await run(['test', 'cases'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('cases/broken.yaml:2:20: error: expect.verdict must be one of join, wait, decline, not the text "maybe" (invalid-value)');
  });

  it('a case with a config and today of its own; the deal and config paths are relative to the case file', async () => {
    const dir = workspace({
      'team/deals/late.yaml': dealYaml({ id: 'late', close_date: '2026-06-30' }),
      'team/strict.yaml': 'policy:\n  small_deal_below: 10000000\n',
      'team/tests/nested/strict.yaml': 'config: ../../strict.yaml\ndeal: ../../deals/late.yaml\nexpect: { verdict: decline, reasons: [small-deal] }\n',
      'team/tests/nested/default.yaml': 'deal: ../../deals/late.yaml\ntoday: 2026-01-01\nexpect: { verdict: join }\n',
    });
    const result = await run(['test', 'team/tests'], { cwd: dir });
    // The case without a config of its own takes the one triage would: here, none, so the defaults.
    expect(result.stderr).toBe('deal-triage: no deal-triage.config.yaml found here or in a parent folder; using the built-in defaults\n');
    expect(result.stdout).toBe('✔ team/tests/nested/default.yaml\n✔ team/tests/nested/strict.yaml\n\n✔ 2 cases, all passed\n');
    expect(result.code).toBe(0);
  });

  it.each([
    ['a path that climbs out of the working folder', (outside: string) => `../${path.basename(outside)}/secret.yaml`],
    ['an absolute path elsewhere', (outside: string) => path.join(outside, 'secret.yaml')],
  ])('never reads a deal outside the working folder: %s', async (_name, target) => {
    const outside = workspace({ 'secret.yaml': 'token: hunter2\n' });
    const dir = workspace({});
    // Outside or missing, the answer is the same: a case cannot learn what exists outside.
    const missing = `../${path.basename(outside)}/none.yaml`;
    writeFileSync(path.join(dir, 'missing.yaml'), `deal: ${missing}\nexpect: { verdict: join }\n`);
    expect((await run(['test', 'missing.yaml'], { cwd: dir })).stderr).toContain(`the deal file ${missing} is outside the folder the tests run in`);
    const named = target(outside);
    writeFileSync(path.join(dir, 'case.yaml'), `deal: ${named}\nexpect: { verdict: join }\n`);
    const result = await run(['test', 'case.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`case.yaml:1:7: error: the deal file ${named} is outside the folder the tests run in; a case reads only files inside it (file-outside-folder)`);
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('never follows a link out of the working folder, for the deal or the config', async () => {
    const outside = workspace({ 'secret.yaml': 'token: hunter2\n' });
    const dir = workspace({
      'deals/a.yaml': dealYaml({ id: 'a' }),
      'policy-tests/deal.yaml': 'deal: ../linked.yaml\nexpect: { verdict: join }\n',
      'policy-tests/config.yaml': 'deal: ../deals/a.yaml\nconfig: ../linked.yaml\nexpect: { verdict: join }\n',
    });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'linked.yaml'));
    const result = await run(['test'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('policy-tests/deal.yaml:1:7: error: the deal file ../linked.yaml is a symbolic link to a file outside the folder the tests run in; a case reads only files inside it (file-outside-folder)');
    expect(result.stderr).toContain('policy-tests/config.yaml:2:9: error: the config file ../linked.yaml is a symbolic link to a file outside the folder the tests run in');
  });

  it('locates a config that cannot be read in each case that names it, at its own line', async () => {
    const dir = workspace({
      'deals/a.yaml': dealYaml({ id: 'a' }),
      'policy-tests/one.yaml': 'config: ../none.yaml\ndeal: ../deals/a.yaml\nexpect: { verdict: join }\n',
      'policy-tests/two.yaml': 'deal: ../deals/a.yaml\nexpect: { verdict: join }\nconfig: ../none.yaml\n',
    });
    const result = await run(['test'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('policy-tests/one.yaml:1:9: error: the config file ../none.yaml does not exist');
    expect(result.stderr).toContain('policy-tests/two.yaml:3:9: error: the config file ../none.yaml does not exist');
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('--coverage: per rule, the cases it fired and stayed silent in, and the rules not tested both ways', async () => {
    const result = await run(['test', '--coverage', EXAMPLES]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}small-deal +1 +6$/m);
    expect(result.stdout).toContain('Not tested both ways:\n  never fired: follow-on-unknown, ceo-requested-on-declined, ceo-brief-incomplete, ceo-requested-too-early, close-date-passed, override-expired\n  never stayed silent: commit\n');
    const report = json((await run(['test', '--coverage', '-f', 'json', EXAMPLES])).stdout);
    expect(report.coverage!.neverFired).toEqual(['follow-on-unknown', 'ceo-requested-on-declined', 'ceo-brief-incomplete', 'ceo-requested-too-early', 'close-date-passed', 'override-expired']);
    expect(report.coverage!.neverSilent).toEqual(['commit']);
    expect(report.coverage!.rules.find((c) => c.rule === 'small-deal')).toEqual({ rule: 'small-deal', fired: 1, silent: 6 });
    // Without --coverage, none.
    expect(json((await run(['test', '-f', 'json', EXAMPLES])).stdout).coverage).toBeUndefined();
  });

  it('shows hostile text from case files and names sanitised, in text; escaped in json', async () => {
    const name = 'evil\u001b]0;pwned\u0007\u202e.yaml';
    const dir = workspace({
      'deals/a.yaml': dealYaml({ id: 'a' }),
      [`policy-tests/${name}`]: 'description: "Looks fine\\e[2J\\u202e\\nforged line"\ndeal: ../deals/a.yaml\nexpect: { verdict: decline }\n',
    });
    const text = await run(['test'], { cwd: dir });
    expect(text.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(text.stdout).toContain('policy-tests/evil\uFFFD]0;pwned\uFFFD\uFFFD.yaml  Looks fine\uFFFD[2J\uFFFD forged line\n');
    const json = await run(['test', '-f', 'json'], { cwd: dir });
    expect(json.stdout).toContain('"description": "Looks fine\\u001b[2J\\u202e\\nforged line"');
  });

  it('is coloured on a terminal only', async () => {
    expect((await run(['test', EXAMPLES])).stdout).not.toMatch(ANSI);
    expect((await run(['test', EXAMPLES], { stdoutTTY: true, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('runs from the repository root as the README says', async () => {
    expect((await run(['test', 'fixtures/policy-tests'], { cwd: ROOT })).code).toBe(0);
  });
});
