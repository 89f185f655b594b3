// `deal-triage check`, driven through the real CLI entry in-process: argv in, stdout, stderr, the
// exit code and the file system out, with a fake terminal and environment. Expected lines and
// columns come from the fixture files' text, not from the code under test.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { execute } from '../../src/cli/main.js';
import { CHECK_FORMATS, checkFormatters } from '../../src/format/check/index.js';
import type { Located } from '../check/helpers.js';
import { byPlace, dealYaml, located, problemsFrom, problemsFromGithub, problemsFromJson, readJunit, snapshotFolder, valueAt } from '../check/helpers.js';
import { ANSI, ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs, writeFiles } from '../helpers/temp.js';

const CONFIG = 'fixtures/deal-triage.config.yaml';
const PROBLEMS = 'fixtures/check/problems';
const DEALS = 'fixtures/deals';
const OVER = 'fixtures/check/over-capacity';

const NO_CONFIG_NOTE = 'deal-triage: no deal-triage.config.yaml found here or in a parent folder; using the built-in defaults\n';

/** check with the fixture config, run from the repository root. */
const check = (...args: string[]) => run(['check', '--config', CONFIG, ...args]);

const tempDir = tempDirs('deal-triage-check-');

/** A temporary working folder with `files` (relative path → text). */
function workspace(files: Record<string, string>): string {
  return writeFiles(tempDir(), files);
}

/** A temporary working folder with a copy of a fixture folder as deals/ and the fixture config. */
function copyOf(fixture: string, config = CONFIG): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, fixture), path.join(dir, 'deals'), { recursive: true });
  cpSync(path.join(ROOT, config), path.join(dir, 'deal-triage.config.yaml'));
  return dir;
}

const text = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const at = (file: string, prefix: string, rule: string, severity = 'error'): Located => located(file, valueAt(text(file), prefix), rule, severity);

/** Every problem in fixtures/check/problems (see the comments in its files), in report order. */
const PROBLEMS_EXPECTED: Located[] = [
  at(`${PROBLEMS}/acme-plants-renewal.yaml`, 'id: ', 'duplicate-id'),
  at(`${PROBLEMS}/acme-plants.yaml`, 'id: ', 'duplicate-id'),
  at(`${PROBLEMS}/broken.yaml`, '  name: ', 'yaml-syntax'),
  at(`${PROBLEMS}/stark-pilot.yaml`, '  requested: ', 'ceo-requested-on-declined'),
  at(`${PROBLEMS}/wrong-type.yaml`, '  employees: ', 'invalid-type'),
  at(`${PROBLEMS}/wrong-type.yaml`, '  amount: ', 'invalid-type'),
  at(`${PROBLEMS}/wrong-type.yaml`, 'strategic_logo: ', 'invalid-type'),
];
/** The valid deals: one warning, soylent-brief's request for the CEO without a brief. */
const DEALS_EXPECTED: Located[] = [at(`${DEALS}/soylent-brief.yaml`, '  requested: ', 'ceo-brief-incomplete', 'warning')];

describe('done means', () => {
  it('the expected problems are in report order', () => {
    expect([...PROBLEMS_EXPECTED].sort(byPlace)).toEqual(PROBLEMS_EXPECTED);
  });

  it.each(CHECK_FORMATS)(
    '%s: every problem at its line and column, exit 1; a clean folder exits 0; nothing written; the same output twice',
    async (format) => {
      const clean = copyOf(DEALS);
      rmSync(path.join(clean, 'deals/soylent-brief.yaml'));
      const fixturesBefore = snapshotFolder(path.join(ROOT, 'fixtures'));
      const cleanBefore = snapshotFolder(clean);

      const first = await check('--format', format, PROBLEMS);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(1);
      expect(problemsFrom[format](first.stdout)).toEqual(PROBLEMS_EXPECTED);

      const warned = await check('--format', format, DEALS);
      expect(warned.stderr).toBe('');
      expect(warned.code).toBe(0);
      expect(problemsFrom[format](warned.stdout)).toEqual(DEALS_EXPECTED);

      const spotless = await run(['check', '--format', format], { cwd: clean });
      expect(spotless.stderr).toBe('');
      expect(spotless.code).toBe(0);
      expect(problemsFrom[format](spotless.stdout)).toEqual([]);

      // The same folder twice: the same bytes.
      expect((await check('--format', format, PROBLEMS)).stdout).toBe(first.stdout);
      expect((await check('--format', format, DEALS)).stdout).toBe(warned.stdout);
      expect((await run(['check', '--format', format], { cwd: clean })).stdout).toBe(spotless.stdout);

      // check never writes to, or touches, a deal file.
      expect(snapshotFolder(path.join(ROOT, 'fixtures'))).toEqual(fixturesBefore);
      expect(snapshotFolder(clean)).toEqual(cleanBefore);
    },
  );

  it('stylish ends with the counts of files, problems, errors, warnings and verdicts', async () => {
    expect((await check(PROBLEMS)).stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 7 problems (7 errors, 0 warnings) in 5 of 5 files; verdicts: 1 join, 0 wait, 2 decline, 2 invalid',
    );
    expect((await check(DEALS)).stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 1 problem (0 errors, 1 warning) in 1 of 9 files; verdicts: 2 join, 2 wait, 5 decline',
    );
  });

  it('json carries every file with its id and verdict', async () => {
    const report = JSON.parse((await check('--format', 'json', PROBLEMS)).stdout) as {
      version: number;
      summary: { files: number; errors: number; warnings: number };
      files: { file: string; id: string | null; verdict: string | null }[];
    };
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ files: 5, errors: 7, warnings: 0 });
    expect(report.files.map((f) => [f.file.slice(PROBLEMS.length + 1), f.id, f.verdict])).toEqual([
      ['acme-plants-renewal.yaml', 'acme-plants', 'decline'],
      ['acme-plants.yaml', 'acme-plants', 'join'],
      ['broken.yaml', null, null],
      ['stark-pilot.yaml', 'stark-pilot', 'decline'],
      ['wrong-type.yaml', null, null],
    ]);
  });

  it('the duplicate-id and ceo-requested-on-declined messages say what is wrong', async () => {
    const problems = problemsFromGithub((await check('--format', 'github', PROBLEMS)).stdout);
    const message = (file: string) => problems.find((p) => p.file === `${PROBLEMS}/${file}`)?.message;
    expect(message('acme-plants.yaml')).toContain(`"acme-plants" is also used by ${PROBLEMS}/acme-plants-renewal.yaml:2`);
    expect(message('acme-plants-renewal.yaml')).toContain(`"acme-plants" is also used by ${PROBLEMS}/acme-plants.yaml:1`);
    expect(message('stark-pilot.yaml')).toMatch(/policy declines this deal.*below \$100,000.*\(rule small-deal\)/);
  });
});

describe('per-file problems', () => {
  const INVALID = 'fixtures/invalid';
  const names = readdirSync(path.join(ROOT, INVALID))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();

  it("are exactly triage's, file by file, for every kind of invalid file", async () => {
    const triaged = await run(['triage', '--config', CONFIG, '--format', 'json', ...names.map((name) => `${INVALID}/${name}`)]);
    expect(triaged.code).toBe(1);
    const expected = (JSON.parse(triaged.stdout) as { file: string; problems: unknown[] }[]).map((r) => [r.file, r.problems]);

    const checked = await check('--format', 'json', INVALID);
    expect(checked.code).toBe(1);
    const actual = (JSON.parse(checked.stdout) as { files: { file: string; problems: unknown[] }[] }).files.map((f) => [f.file, f.problems]);
    expect(actual).toEqual(expected);
    expect(actual).toHaveLength(names.length);
    for (const [, problems] of actual) expect((problems as unknown[]).length).toBeGreaterThan(0);
  });

  it('a broken file never stops the run: every file after it is checked', async () => {
    const { code, stdout } = await check('--format', 'json', 'fixtures/invalid', DEALS);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { summary: { files: number; invalid: number; verdicts: Record<string, number> } };
    expect(report.summary).toMatchObject({ files: 22, invalid: 13, verdicts: { join: 2, wait: 2, decline: 5 } });
    expect(problemsFromJson(stdout).filter((p) => p.file.startsWith(DEALS))).toEqual(DEALS_EXPECTED);
  });
});

describe('discovery', () => {
  const GOOD = dealYaml({ id: 'good' });

  it('checks deals/ under the working folder by default, and nothing else there', async () => {
    const cwd = workspace({ 'deals/good.yaml': GOOD, 'deals/eu/other.yml': dealYaml({ id: 'other' }), 'stray.yaml': 'not: [a deal', 'deal-triage.config.yaml': '' });
    const { code, stdout, stderr } = await run(['check', '--format', 'json'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['deals/eu/other.yml', 'deals/good.yaml']);
  });

  it('skips the config file, dot-files, dot-folders and node_modules inside the folder', async () => {
    const cwd = workspace({
      'deals/good.yaml': GOOD,
      'deals/deal-triage.config.yaml': 'rules: []\n',
      'deals/.draft.yaml': 'broken: [',
      'deals/.git/x.yaml': 'broken: [',
      'deals/node_modules/y.yml': 'broken: [',
    });
    const { code, stdout } = await run(['check', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['deals/good.yaml']);
  });

  it('does not check a --config kept among the deals as a deal', async () => {
    const cwd = workspace({ 'deals/good.yaml': GOOD, 'deals/policy.yaml': 'policy:\n  ceo_capacity: 1\n' });
    const { code, stdout, stderr } = await run(['check', '--config', 'deals/policy.yaml', '--format', 'json'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['deals/good.yaml']);
  });

  it('checks a file named explicitly, and each file once however often it is named', async () => {
    const cwd = workspace({ 'deals/good.yaml': GOOD, 'deals/.draft.yaml': dealYaml({ id: 'draft' }) });
    const { code, stdout } = await run(['check', '--format', 'json', 'deals', 'deals/good.yaml', './deals/', 'deals/.draft.yaml'], { cwd });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['deals/.draft.yaml', 'deals/good.yaml']);
  });

  it.each([
    ['no deals/ folder and no path', {}, [], 'deal-triage: there is no deals/ folder here; name the folder to check: deal-triage check <folder>\n'],
    ['two missing paths', {}, ['nope', 'deals/x.yaml'], 'deal-triage: no such file or folder: nope\ndeal-triage: no such file or folder: deals/x.yaml\n'],
    ['a folder without deal files', { 'deals/notes.md': 'hi', 'deals/.x.yaml': GOOD }, [], 'deal-triage: no deal files (.yaml or .yml) in deals\n'],
  ])('exits 2 for %s, with a message and nothing checked', async (_name, files, paths, message) => {
    const cwd = workspace({ 'deal-triage.config.yaml': '', ...files });
    const { code, stdout, stderr } = await run(['check', ...paths], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });

  it('checks the other paths when one is missing, reports it last and exits 2', async () => {
    const cwd = workspace({ 'deal-triage.config.yaml': '', 'deals/good.yaml': GOOD, 'more/other.yaml': dealYaml({ id: 'other', stage: 'discovery' }) });
    const { code, stdout, stderr } = await run(['check', 'deals', 'nope', 'more'], { cwd });
    expect(code).toBe(2);
    expect(stdout).toContain('2 files checked');
    expect(stderr).toBe('deal-triage: no such file or folder: nope\n');
    // Exit 2 wins over the problems found in the others (1).
    const broken = workspace({ 'deal-triage.config.yaml': '', 'deals/bad.yaml': 'id: [\n' });
    const withProblems = await run(['check', 'deals', 'nope'], { cwd: broken });
    expect(withProblems.code).toBe(2);
    expect(withProblems.stdout).toContain('yaml-syntax');
  });

  // What a pull request can add to the deals folder: links and files that are not regular files.
  // Read, it would be reported as an unknown key, by name.
  const SECRET = 'do_not_print_me: 1';
  it.each([
    ['a link to a file outside the folder', (cwd: string) => symlinkSync('../secret.yaml', path.join(cwd, 'deals/x.yaml')), 'file-outside-folder'],
    ['a link to /proc/self/environ', (cwd: string) => symlinkSync('/proc/self/environ', path.join(cwd, 'deals/x.yaml')), 'file-outside-folder'],
    ['a dangling link', (cwd: string) => symlinkSync('nowhere.yaml', path.join(cwd, 'deals/x.yaml')), 'file-unreadable'],
    ['a named pipe', (cwd: string) => execFileSync('mkfifo', [path.join(cwd, 'deals/x.yaml')]), 'not-a-file'],
    ['a link to /dev/null', (cwd: string) => symlinkSync('/dev/null', path.join(cwd, 'deals/x.yaml')), 'not-a-file'],
  ])('reports %s in the folder as a located problem, never read: exit 1', { timeout: 10_000 }, async (_name, make, rule) => {
    const cwd = workspace({ 'deals/good.yaml': GOOD, 'secret.yaml': `${SECRET}\n`, 'deal-triage.config.yaml': '' });
    make(cwd);
    for (const format of CHECK_FORMATS) {
      const { code, stdout, stderr } = await run(['check', '--format', format], { cwd });
      expect(code).toBe(1);
      expect(stderr).toBe('');
      expect(stdout).not.toContain('do_not_print_me');
      if (format === 'json') {
        expect(problemsFromJson(stdout)).toEqual([{ file: 'deals/x.yaml', line: 1, column: 1, rule, severity: 'error' }]);
      }
      if (format === 'stylish') expect(stdout).toContain('in 1 of 2 files');
    }
  });

  it('reads a link to a deal file inside the folder once, under the file\'s own name', async () => {
    const cwd = workspace({ 'deals/good.yaml': GOOD, 'deal-triage.config.yaml': '' });
    symlinkSync('good.yaml', path.join(cwd, 'deals/also-good.yaml'));
    const { code, stdout } = await run(['check', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => f.file)).toEqual(['deals/good.yaml']);
  });

  it('reads a link named on the command line, wherever it leads', async () => {
    const cwd = workspace({ 'elsewhere/good.yaml': GOOD, 'deal-triage.config.yaml': '' });
    mkdirSync(path.join(cwd, 'deals'));
    symlinkSync('../elsewhere/good.yaml', path.join(cwd, 'deals/good.yaml'));
    const { code, stdout } = await run(['check', '--format', 'json', 'deals/good.yaml'], { cwd });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { file: string; id: string }[] }).files).toMatchObject([{ file: 'deals/good.yaml', id: 'good' }]);
  });

  it.each([
    ['a dangling link', (file: string) => symlinkSync('nowhere.yaml', file), 'the config file deal-triage.config.yaml is a symbolic link to nothing (its target does not exist)'],
    ['a folder', (file: string) => mkdirSync(file), 'the config file deal-triage.config.yaml is a folder, not a file'],
    ['a named pipe', (file: string) => execFileSync('mkfifo', [file]), 'cannot read the config file deal-triage.config.yaml: it is a named pipe (FIFO), not a regular file'],
  ])('a deal-triage.config.yaml that is %s is a config error (exit 2), not skipped for the parent folder’s', { timeout: 10_000 }, async (_name, make, message) => {
    const parent = workspace({ 'deal-triage.config.yaml': 'rules: []\n', 'team/deals/good.yaml': GOOD });
    const cwd = path.join(parent, 'team');
    make(path.join(cwd, 'deal-triage.config.yaml'));
    const { code, stdout, stderr } = await run(['check'], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`deal-triage: ${message}\n`);
  });

  it('a deal-triage.config.yaml that links out of its folder is a config error (exit 2), and nothing of its target is shown', async () => {
    const parent = workspace({ 'secret.env': 'TOKEN: ghp_secretvalue123\n', 'team/deals/good.yaml': GOOD });
    const cwd = path.join(parent, 'team');
    symlinkSync('../secret.env', path.join(cwd, 'deal-triage.config.yaml'));
    for (const format of ['stylish', 'github']) {
      const { code, stdout, stderr } = await run(['check', '-f', format], { cwd });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'deal-triage: the config file deal-triage.config.yaml is a symbolic link to a file outside its folder, and is not read; copy the config here, or name it with --config\n',
      );
    }
    // Named with --config, the user chose it: it is read (and its problems shown).
    const named = await run(['check', '--config', 'deal-triage.config.yaml'], { cwd });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('unknown key "TOKEN"');
  });

  it('a deal-triage.config.yaml that links to a file in its own folder is read', async () => {
    const cwd = workspace({ 'policy.yaml': 'rules: []\n', 'deals/good.yaml': GOOD });
    symlinkSync('policy.yaml', path.join(cwd, 'deal-triage.config.yaml'));
    const { code, stderr } = await run(['check'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('without a config file, says so on stderr and applies the defaults', async () => {
    const cwd = workspace({ 'deals/good.yaml': GOOD });
    const { code, stdout, stderr } = await run(['check'], { cwd });
    expect(stderr).toBe(NO_CONFIG_NOTE);
    expect(code).toBe(0);
    expect(stdout).toBe('✔ 1 file checked, no problems; verdicts: 1 join, 0 wait, 0 decline\n');
  });
});

describe('exit codes', () => {
  it.each([
    ['warnings, no --max-warnings', [DEALS], 0, ''],
    ['warnings within --max-warnings', ['--max-warnings', '1', DEALS], 0, ''],
    ['--max-warnings -1 (no limit)', ['--max-warnings', '-1', DEALS], 0, ''],
    ['more warnings than --max-warnings', ['--max-warnings', '0', DEALS], 1, 'deal-triage: 1 warning, more than --max-warnings 0 allows\n'],
    ['errors, whatever --max-warnings', ['--max-warnings', '100', PROBLEMS], 1, ''],
    ['a usage error: an unknown format', ['--format', 'xml', DEALS], 2, "argument 'xml' is invalid"],
    ['a usage error: an unknown option', ['--fix', DEALS], 2, "unknown option '--fix'"],
  ])('%s (check %j): exit %i', async (_name, args, code, stderr) => {
    const result = await check(...args);
    expect(result.code).toBe(code);
    if (stderr === '') expect(result.stderr).toBe('');
    else expect(result.stderr).toContain(stderr);
    if (code === 2) expect(result.stdout).toBe('');
  });

  it.each(['abc', '-2', '1.5', '', '1e3', '+1', '0x10', '99999999999999999999'])('--max-warnings %j is a usage error: exit 2', async (value) => {
    const { code, stdout, stderr } = await check('--max-warnings', value, DEALS);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--max-warnings');
    expect(stderr).toContain('a whole number, 0 or more (-1 for no limit)');
  });

  it.each(['0', '-1', 'many', '1.5', '', 'AUTO'])('--concurrency %j is a usage error: exit 2', async (value) => {
    const { code, stdout, stderr } = await check('--concurrency', value, DEALS);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('auto, off, or a number of threads');
  });

  it.each(['auto', 'off', '1', '4'])('--concurrency %s gives the same output as the default', async (value) => {
    const expected = await check(PROBLEMS);
    expect(await check('--concurrency', value, PROBLEMS)).toEqual(expected);
  });

  it('exits 2 for an invalid config, located, with nothing checked and no stack trace', async () => {
    const cwd = workspace({ 'deals/good.yaml': dealYaml(), 'deal-triage.config.yaml': 'policy:\n  ceo_capacity: lots\n' });
    const { code, stdout, stderr } = await run(['check'], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deal-triage\.config\.yaml:2:17: error: .*ceo_capacity/m);
    expect(stderr).toContain('deal-triage: the config file deal-triage.config.yaml is invalid');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it.each([
    ['without --debug: one line and a hint', [], false],
    ['with --debug: the stack trace', ['--debug'], true],
  ])('exits 2 for an internal error, %s', async (_name, args, stack) => {
    let stderr = '';
    const io: Io = {
      stdout: {
        write: () => {
          throw new Error('the output stream broke');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: ROOT,
      env: {},
      stdinIsTTY: false,
    };
    expect(await execute(['check', '--config', CONFIG, ...args, DEALS], io)).toBe(2);
    expect(stderr).toMatch(/^deal-triage: internal error: the output stream broke\n/);
    expect(STACK_FRAME.test(stderr)).toBe(stack);
    if (!stack) expect(stderr).toContain('Rerun with --debug');
  });

  it('exits 2 for a --config that does not exist', async () => {
    const { code, stderr } = await run(['check', '--config', 'nope.yaml', DEALS]);
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: config file not found: nope.yaml\n');
  });
});

describe('folder rules in the config', () => {
  const overConfig = (rules: string) => `${text(`${OVER}/deal-triage.config.yaml`)}rules:\n${rules}`;
  const crowded = (rules: string) => {
    const cwd = copyOf(OVER, `${OVER}/deal-triage.config.yaml`);
    // The fixture folder holds its own config, copied into deals/: the nearest to the checked folder is the one that applies.
    writeFileSync(path.join(cwd, 'deals', 'deal-triage.config.yaml'), overConfig(rules));
    return cwd;
  };
  const GLOBEX = 'deals/globex-reference.yaml';

  it.each([
    ['over-capacity by default: a warning, exit 0', '', 0, [located(GLOBEX, valueAt(text(`${OVER}/globex-reference.yaml`), '  requested: '), 'over-capacity', 'warning')]],
    ['over-capacity as an error: exit 1', '  - id: over-capacity\n    severity: error\n', 1, [located(GLOBEX, valueAt(text(`${OVER}/globex-reference.yaml`), '  requested: '), 'over-capacity', 'error')]],
    ['over-capacity off', '  - id: over-capacity\n    severity: off\n', 0, []],
    ['over-capacity enabled: false', '  - id: over-capacity\n    enabled: false\n', 0, []],
  ])('%s', async (_name, rules, code, expected) => {
    const result = await run(['check', '--format', 'json'], { cwd: crowded(rules) });
    expect(result.code).toBe(code);
    expect(problemsFromJson(result.stdout)).toEqual(expected);
  });

  it('over-capacity ranks by potential value and names the deals that fit', async () => {
    const { stdout } = await run(['check', '--format', 'github'], { cwd: crowded('') });
    const [only, ...rest] = problemsFromGithub(stdout);
    expect(rest).toEqual([]);
    expect(only?.message).toBe(
      '3 deals get "join" but the CEO can carry 2 (policy.ceo_capacity); by potential value ($330,000) this one ranks 3 of 3; ' +
        "the CEO's 2 deals are acme-plants and initech-platform",
    );
  });

  it.each([
    ['duplicate-id as a warning: exit 0', '  - id: duplicate-id\n    severity: warning\n', 0, ['warning', 'warning']],
    ['duplicate-id off: exit 0', '  - id: duplicate-id\n    severity: off\n', 0, []],
    ['duplicate-id by default: exit 1', '', 1, ['error', 'error']],
  ])('%s', async (_name, rules, code, severities) => {
    const cwd = workspace({ 'deals/a.yaml': dealYaml({ id: 'twin' }), 'deals/b.yaml': dealYaml({ id: 'twin' }), 'deal-triage.config.yaml': `rules:\n${rules || '  []\n'}` });
    const result = await run(['check', '--format', 'json'], { cwd });
    expect(result.code).toBe(code);
    expect(problemsFromJson(result.stdout).map((p) => p.severity)).toEqual(severities);
  });

  it('ceo-brief-incomplete as an error fails the folder', async () => {
    const cwd = copyOf(DEALS);
    writeFileSync(path.join(cwd, 'deal-triage.config.yaml'), text(CONFIG).replace('rules: []', 'rules:\n  - id: ceo-brief-incomplete\n    severity: error\n'));
    const result = await run(['check', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(problemsFromJson(result.stdout)).toEqual([{ ...DEALS_EXPECTED[0]!, file: 'deals/soylent-brief.yaml', severity: 'error' }]);
  });

  it.each([
    ['a folder rule with a condition', '  - id: duplicate-id\n    when: {fact: id, op: eq, value: x}\n', 3, 11, 'invalid-value', '"duplicate-id" compares deal files with one another'],
    ['a folder rule with an effect', '  - id: over-capacity\n    effect: finding\n', 3, 13, 'invalid-value', '"over-capacity" compares deal files with one another'],
    ['a misspelled folder rule', '  - id: over-capacty\n    severity: off\n', 2, 9, 'unknown-rule', 'did you mean "over-capacity"?'],
    ['a misspelled folder rule', '  - id: duplicate-ids\n    enabled: false\n', 2, 9, 'unknown-rule', 'did you mean "duplicate-id"?'],
  ])('%s is a located config error: exit 2', async (_name, rules, line, column, rule, message) => {
    const cwd = workspace({ 'deals/a.yaml': dealYaml(), 'deal-triage.config.yaml': `rules:\n${rules}` });
    const { code, stdout, stderr } = await run(['check'], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^deal-triage\\.config\\.yaml:${line}:${column}: error: .*\\(${rule}\\)$`, 'm'));
    expect(stderr).toContain(message);
  });
});

describe('--output', () => {
  it.each(CHECK_FORMATS)('%s: writes the report to the file, creating its folder, instead of stdout', async (format) => {
    const cwd = copyOf(PROBLEMS);
    const toStdout = await run(['check', '--format', format], { cwd });
    const before = snapshotFolder(path.join(cwd, 'deals'));
    const result = await run(['check', '--format', format, '--output', 'reports/ci/check.out'], { cwd });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'deal-triage: wrote the report to reports/ci/check.out: ✖ 7 problems (7 errors, 0 warnings) in 5 of 5 files; verdicts: 1 join, 0 wait, 2 decline, 2 invalid\n',
    });
    expect(readFileSync(path.join(cwd, 'reports/ci/check.out'), 'utf8')).toBe(toStdout.stdout);
    expect(snapshotFolder(path.join(cwd, 'deals'))).toEqual(before);
  });

  it('writes stylish without colour, whatever the terminal', async () => {
    const cwd = copyOf(PROBLEMS);
    await run(['check', '-o', 'out.txt'], { cwd, stdoutTTY: true, env: { FORCE_COLOR: '1' } });
    const written = readFileSync(path.join(cwd, 'out.txt'), 'utf8');
    expect(written).toContain('yaml-syntax');
    expect(written).not.toMatch(ANSI);
  });

  it('replaces an earlier report', async () => {
    const cwd = copyOf(DEALS);
    writeFileSync(path.join(cwd, 'report.json'), 'an old report that is much longer than the new one '.repeat(1000));
    await run(['check', '-f', 'json', '-o', 'report.json'], { cwd });
    expect(JSON.parse(readFileSync(path.join(cwd, 'report.json'), 'utf8'))).toMatchObject({ version: 1 });
  });

  it.each([
    ['a deal file', 'deals/stark-pilot.yaml'],
    ['a deal file, spelled another way', './deals/../deals/stark-pilot.yaml'],
    ['a broken deal file', 'deals/broken.yaml'],
    ['the config file', 'deal-triage.config.yaml'],
  ])('refuses to write over %s: exit 2, nothing written', async (_name, output) => {
    const cwd = copyOf(PROBLEMS);
    const before = snapshotFolder(cwd);
    const { code, stdout, stderr } = await run(['check', '--format', 'json', '--output', output], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`deal-triage: --output ${output} is one of the files being checked; write the report somewhere else\n`);
    expect(snapshotFolder(cwd)).toEqual(before);
  });

  it('refuses an absolute path to a checked file too', async () => {
    const cwd = copyOf(PROBLEMS);
    const before = snapshotFolder(cwd);
    const { code } = await run(['check', '-o', path.join(cwd, 'deals/acme-plants.yaml')], { cwd });
    expect(code).toBe(2);
    expect(snapshotFolder(cwd)).toEqual(before);
  });

  it('says on stderr where a clean report went, with the counts', async () => {
    const cwd = copyOf(DEALS);
    const { code, stdout, stderr } = await run(['check', '-o', 'report.txt', '--max-warnings', '0'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'deal-triage: wrote the report to report.txt: ✖ 1 problem (0 errors, 1 warning) in 1 of 9 files; verdicts: 2 join, 2 wait, 5 decline\n' +
        'deal-triage: 1 warning, more than --max-warnings 0 allows\n',
    );
  });

  // Links made in a copy of the problems folder: the report must land on none of the files read.
  const linked: [string, (cwd: string) => void, string][] = [
    ['a symbolic link to a deal file', (cwd) => symlinkSync('deals/stark-pilot.yaml', path.join(cwd, 'report.txt')), 'report.txt'],
    ['a hard link to a deal file', (cwd) => linkSync(path.join(cwd, 'deals/stark-pilot.yaml'), path.join(cwd, 'report.txt')), 'report.txt'],
    ['a symbolic link to the config', (cwd) => symlinkSync('deal-triage.config.yaml', path.join(cwd, 'report.txt')), 'report.txt'],
    ['a hard link to the config', (cwd) => linkSync(path.join(cwd, 'deal-triage.config.yaml'), path.join(cwd, 'report.txt')), 'report.txt'],
    ['a deal file reached through a linked folder', (cwd) => symlinkSync('deals', path.join(cwd, 'alias')), 'alias/stark-pilot.yaml'],
  ];
  it.each(linked)('refuses to write over %s: exit 2, nothing written', async (_name, make, output) => {
    const cwd = copyOf(PROBLEMS);
    make(cwd);
    const before = [snapshotFolder(path.join(cwd, 'deals')), readFileSync(path.join(cwd, 'deal-triage.config.yaml'), 'utf8')];
    const { code, stdout, stderr } = await run(['check', '--format', 'json', '--output', output], { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`deal-triage: --output ${output} is one of the files being checked; write the report somewhere else\n`);
    expect([snapshotFolder(path.join(cwd, 'deals')), readFileSync(path.join(cwd, 'deal-triage.config.yaml'), 'utf8')]).toEqual(before);
    expect(readdirSync(cwd).sort()).toEqual([...new Set(['deal-triage.config.yaml', 'deals', output.split('/')[0]!])].sort());
  });

  it('refuses to write over a deal file when the folder checked is reached through a link', async () => {
    const cwd = copyOf(PROBLEMS);
    symlinkSync('deals', path.join(cwd, 'alias'));
    const before = snapshotFolder(path.join(cwd, 'deals'));
    const { code } = await run(['check', 'alias', '-o', 'deals/broken.yaml'], { cwd });
    expect(code).toBe(2);
    expect(snapshotFolder(path.join(cwd, 'deals'))).toEqual(before);
  });

  it('does not write through a symbolic link to a file that is not checked either', async () => {
    const cwd = copyOf(DEALS);
    writeFileSync(path.join(cwd, 'notes.md'), 'my notes\n');
    symlinkSync('notes.md', path.join(cwd, 'report.txt'));
    const { code, stderr } = await run(['check', '-o', 'report.txt'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: cannot write the report to report.txt: it is a symbolic link, and links are not written through\n');
    expect(readFileSync(path.join(cwd, 'notes.md'), 'utf8')).toBe('my notes\n');
    expect(readlinkSync(path.join(cwd, 'report.txt'))).toBe('notes.md');
  });

  it('refuses a named pipe as the report, without waiting for a reader', { timeout: 10_000 }, async () => {
    const cwd = copyOf(DEALS);
    execFileSync('mkfifo', [path.join(cwd, 'report.txt')]);
    const { code, stderr } = await run(['check', '-o', 'report.txt'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: cannot write the report to report.txt: it is a named pipe (FIFO), not a regular file\n');
    expect(lstatSync(path.join(cwd, 'report.txt')).isFIFO()).toBe(true);
  });

  it('exits 2 when the report cannot be written', async () => {
    const cwd = copyOf(DEALS);
    writeFileSync(path.join(cwd, 'blocker'), 'a file, not a folder');
    const { code, stderr } = await run(['check', '-o', 'blocker/report.txt'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: cannot write the report to blocker/report.txt: part of the path is a file, not a folder\n');
  });
});

describe('github format', () => {
  // A user's finding rule whose message has a newline, a %, a ":" and a ",", in a file whose name has them too.
  const RULES =
    'rules:\n  - id: pipe-check\n    effect: finding\n    severity: warning\n    at: owner\n' +
    '    when: {fact: owner, op: eq, value: Dana Reyes}\n    message: "Owner: {owner}, 100% sure | really\\nsecond line"\n';
  const ODD = 'deals/q3,eu:50%.yaml';
  const setup = () => workspace({ [ODD]: dealYaml(), 'deals/twin-a.yaml': dealYaml({ id: 'twin', owner: 'Sam' }), 'deals/twin-b.yaml': dealYaml({ id: 'twin', owner: 'Sam' }), 'deal-triage.config.yaml': RULES });

  it("escapes properties and data as GitHub's toolkit does", async () => {
    const cwd = setup();
    const { code, stdout } = await run(['check', '--format', 'github'], { cwd });
    expect(code).toBe(1);
    const owner = valueAt(dealYaml(), 'owner: ');
    expect(stdout.split('\n')[0]).toBe(
      `::warning file=deals/q3%2Ceu%3A50%25.yaml,line=${owner.line},col=${owner.column},title=pipe-check::Owner: Dana Reyes, 100%25 sure | really%0Asecond line`,
    );
    expect(problemsFromGithub(stdout).map((p) => [p.file, p.severity, p.rule])).toEqual([
      [ODD, 'warning', 'pipe-check'],
      ['deals/twin-a.yaml', 'error', 'duplicate-id'],
      ['deals/twin-b.yaml', 'error', 'duplicate-id'],
    ]);
  });

  it('with GITHUB_STEP_SUMMARY, appends a table of every problem to that file, keeping what was there', async () => {
    const cwd = setup();
    const summary = path.join(tempDir(), 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n\nIts own summary.\n');
    const deals = snapshotFolder(path.join(cwd, 'deals'));
    const env = { GITHUB_STEP_SUMMARY: summary };

    const first = await run(['check', '--format', 'github'], { cwd, env });
    expect(first.code).toBe(1);
    expect(first.stderr).toBe('');
    const afterOne = readFileSync(summary, 'utf8');
    expect(afterOne.startsWith('# Earlier step\n\nIts own summary.\n')).toBe(true);
    const added = afterOne.slice('# Earlier step\n\nIts own summary.\n'.length);
    expect(added).toMatch(/^## deal-triage check\n/);
    const rows = added.split('\n').filter((line) => line.startsWith('| deals/'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe(`| ${ODD} | ${valueAt(dealYaml(), 'owner: ').line} | ${valueAt(dealYaml(), 'owner: ').column} | warning | pipe-check | Owner: Dana Reyes, 100% sure \\| really second line |`);
    expect(rows.slice(1).map((row) => row.split(' | ')[4])).toEqual(['duplicate-id', 'duplicate-id']);

    // A second step appends again.
    await run(['check', '--format', 'github'], { cwd, env });
    expect(readFileSync(summary, 'utf8')).toBe(afterOne + added);
    expect(snapshotFolder(path.join(cwd, 'deals'))).toEqual(deals);
  });

  it('a GITHUB_STEP_SUMMARY relative path is relative to the working folder', async () => {
    const cwd = setup();
    await run(['check', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: 'summary.md' } });
    expect(readFileSync(path.join(cwd, 'summary.md'), 'utf8')).toMatch(/^## deal-triage check\n/);
  });

  it.each(CHECK_FORMATS.filter((f) => f !== 'github'))('--format %s leaves GITHUB_STEP_SUMMARY alone', async (format) => {
    const summary = path.join(tempDir(), 'step-summary.md');
    writeFileSync(summary, 'before\n');
    await run(['check', '--format', format], { cwd: setup(), env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe('before\n');
  });

  it.each([
    ['a symbolic link to a deal file', (cwd: string) => symlinkSync(path.join(cwd, 'deals/twin-a.yaml'), path.join(cwd, 'summary.md'))],
    ['a hard link to a deal file', (cwd: string) => linkSync(path.join(cwd, 'deals/twin-a.yaml'), path.join(cwd, 'summary.md'))],
    ['a hard link to the config', (cwd: string) => linkSync(path.join(cwd, 'deal-triage.config.yaml'), path.join(cwd, 'summary.md'))],
  ])('refuses a GITHUB_STEP_SUMMARY that is %s: exit 2, nothing appended', async (_name, make) => {
    const cwd = setup();
    make(cwd);
    const before = snapshotFolder(cwd);
    const { code, stdout, stderr } = await run(['check', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: 'summary.md' } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('deal-triage: GITHUB_STEP_SUMMARY (summary.md) is one of the files being checked; it must name another file\n');
    expect(snapshotFolder(cwd)).toEqual(before);
  });

  it('a GITHUB_STEP_SUMMARY that is a named pipe is a note, and never holds the run', { timeout: 10_000 }, async () => {
    const cwd = setup();
    execFileSync('mkfifo', [path.join(cwd, 'summary.md')]);
    const { code, stderr } = await run(['check', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: 'summary.md' } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^deal-triage: cannot append to GITHUB_STEP_SUMMARY \(summary\.md\): there is no device or reader at the other end\n$/);
  });

  it('a summary that cannot be written is a note on stderr, not a failure', async () => {
    const cwd = setup();
    const missing = path.join(tempDir(), 'no-such-folder', 'summary.md');
    const { code, stdout, stderr } = await run(['check', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: missing } });
    expect(code).toBe(1);
    expect(problemsFromGithub(stdout)).toHaveLength(3);
    expect(stderr).toBe(`deal-triage: cannot append to GITHUB_STEP_SUMMARY (${missing}): no such file or folder\n`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('junit format', () => {
  it('one test case per file; files with errors fail, files with only warnings pass', async () => {
    const problems = readJunit((await check('--format', 'junit', PROBLEMS)).stdout);
    const failing = problems.suites.flatMap((s) => s.cases);
    expect(failing.map((c) => c.attrs.name)).toEqual([...new Set(PROBLEMS_EXPECTED.map((p) => p.file))]);
    expect(failing.every((c) => c.failure !== null)).toBe(true);
    expect(problems.rootAttrs).toMatchObject({ tests: '5', failures: '5' });

    const deals = readJunit((await check('--format', 'junit', DEALS)).stdout);
    const passing = deals.suites.flatMap((s) => s.cases);
    expect(passing).toHaveLength(9);
    expect(passing.every((c) => c.failure === null)).toBe(true);
    expect(passing.find((c) => c.attrs.name === `${DEALS}/soylent-brief.yaml`)?.systemOut).toContain('(ceo-brief-incomplete)');
    expect(deals.rootAttrs).toMatchObject({ tests: '9', failures: '0' });
  });

  it.each([
    ['more warnings than --max-warnings: the files with warnings fail', '0', 1, '1'],
    ['warnings within --max-warnings: they pass', '1', 0, '0'],
  ])('%s', async (_name, maxWarnings, code, failures) => {
    const result = await check('--format', 'junit', '--max-warnings', maxWarnings, DEALS);
    expect(result.code).toBe(code);
    const junit = readJunit(result.stdout);
    // A run that exits 1 never shows failures="0".
    expect(junit.rootAttrs).toMatchObject({ tests: '9', failures });
    expect(junit.suites[0]?.attrs).toMatchObject({ tests: '9', failures });
    const warned = junit.suites.flatMap((s) => s.cases).find((c) => c.attrs.name === `${DEALS}/soylent-brief.yaml`);
    const listed = code === 1 ? warned?.failure?.text : warned?.systemOut;
    expect(listed).toContain('warning: ');
    expect(listed).toContain('(ceo-brief-incomplete)');
    if (code === 1) expect(warned?.failure?.attrs).toMatchObject({ message: '0 errors, 1 warning', type: 'ceo-brief-incomplete' });
    else expect(warned?.failure).toBeNull();
  });
});

describe('colour', () => {
  it.each([
    ['stylish on a terminal', [], { stdoutTTY: true }, true],
    ['stylish on a terminal with NO_COLOR', [], { stdoutTTY: true, env: { NO_COLOR: '1' } }, false],
    ['stylish on a terminal with --no-color', ['--no-color'], { stdoutTTY: true }, false],
    ['stylish to a pipe', [], {}, false],
    ['stylish to a pipe with FORCE_COLOR', [], { env: { FORCE_COLOR: '1' } }, true],
    ['json with FORCE_COLOR', ['-f', 'json'], { stdoutTTY: true, env: { FORCE_COLOR: '1' } }, false],
    ['github with --color', ['-f', 'github', '--color'], { stdoutTTY: true }, false],
    ['junit with --color', ['-f', 'junit', '--color'], { stdoutTTY: true }, false],
  ] as const)('%s: coloured %s', async (_name, args, options, coloured) => {
    const { stdout } = await run(['check', '--config', CONFIG, ...args, PROBLEMS], options);
    expect(stdout.includes('\u001b[')).toBe(coloured);
  });

  it('has stylish as the only format that declares itself coloured', () => {
    expect(CHECK_FORMATS.filter((format) => checkFormatters[format].coloured)).toEqual(['stylish']);
  });

  it('has github as the only format that declares it writes the step summary (the tests above show only it does)', () => {
    expect(CHECK_FORMATS.filter((format) => checkFormatters[format].stepSummary)).toEqual(['github']);
  });

  it.each(CHECK_FORMATS)('colours %s with --color on a terminal exactly when the format declares it coloured', async (format) => {
    const { stdout } = await run(['check', '--config', CONFIG, '-f', format, '--color', PROBLEMS], { stdoutTTY: true, env: { FORCE_COLOR: '3' } });
    expect(ANSI.test(stdout)).toBe(checkFormatters[format].coloured);
  });
});
