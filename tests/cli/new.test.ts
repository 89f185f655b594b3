// `deal-triage new`: in-process through the real CLI entry with scripted answers (files written in a
// temporary folder, overwrite protection, --from, no terminal, Ctrl-C), then end to end: the built
// executable driven in a pseudo-terminal by `script` (util-linux), keystroke by keystroke.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeal } from '../../src/load/deal.js';
import { dealToYaml } from '../../src/questionnaire/write.js';
import { ROOT, run as runCli, STACK_FRAME, TODAY } from '../helpers/cli.js';
import type { RunOptions } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { BIN, canRunPty, ensureBuilt, KEY, Terminal } from '../helpers/terminal.js';
import { confirm, CTRL_C, eioError, ENTER, EnterPrompter, Failure, input, ScriptedPrompter, select } from '../questionnaire/scripted.js';
import type { Step } from '../questionnaire/scripted.js';
import { minimalScript, SAVE } from '../questionnaire/scripts.js';

const CONFIG = path.join(ROOT, 'fixtures/deal-triage.config.yaml');
const ACME = path.join(ROOT, 'fixtures/deals/acme-plants.yaml');

const tempDir = tempDirs('deal-triage-new-');

/** Every file under `dir`, relative, sorted: to see that nothing else (no temporary file) was left. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The CLI as `new` is run: at a terminal (unless told otherwise), without colour, never a stack trace. */
async function run(argv: string[], options: Pick<RunOptions, 'prompter' | 'stdinTTY' | 'stdoutTTY'> & { cwd: string }) {
  const { cwd, prompter, stdinTTY = true, stdoutTTY = true } = options;
  const result = await runCli(argv, { cwd, env: { NO_COLOR: '1' }, stdinTTY, stdoutTTY, stderrTTY: true, prompter });
  expect(result.stderr).not.toMatch(STACK_FRAME);
  return result;
}

/** `new` with the fixture config and scripted answers; the script must be used up. */
async function runNew(args: string[], steps: readonly Step[], cwd: string) {
  const prompter = new ScriptedPrompter(steps);
  const result = await run(['new', '--config', CONFIG, ...args], { cwd, prompter });
  expect(prompter.remaining).toEqual([]);
  return { ...result, prompter };
}

function loadText(text: string) {
  const loaded = parseDeal(text, 'deal.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.value;
}

describe('deal-triage new (scripted answers)', () => {
  it('writes deals/<id>.yaml, creating the folder, then shows its triage', async () => {
    const cwd = tempDir();
    const { code, stdout, stderr, prompter } = await runNew([], [...minimalScript(), SAVE], cwd);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(filesIn(cwd)).toEqual(['deals/stark-dashboard-pilot.yaml']);
    expect(prompter.notes.at(-1)).toMatch(/^DECLINE {2}/m);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      '✔ Saved deals/stark-dashboard-pilot.yaml',
      '',
      'Stark — dashboard pilot (stark-dashboard-pilot, deals/stark-dashboard-pilot.yaml)',
      'DECLINE  The CEO should not join this deal.',
    ]);
    expect(stdout).toContain('small-deal');
    const text = readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8');
    expect(loadText(text)).toMatchObject({ id: 'stark-dashboard-pilot', owner: 'Sam Ortiz', value: { amount: 70000, currency: 'USD' } });
  });

  it('writes to the file named on the command line', async () => {
    const cwd = tempDir();
    const { code, stdout } = await runNew(['pipeline/stark.yml'], [...minimalScript(), SAVE], cwd);
    expect(code).toBe(0);
    expect(stdout).toContain('Saved pipeline/stark.yml');
    expect(filesIn(cwd)).toEqual(['pipeline/stark.yml']);
  });

  it('says when there is no config, as triage does', async () => {
    const cwd = tempDir();
    const prompter = new ScriptedPrompter([...minimalScript(), SAVE]);
    const { code, stderr } = await run(['new'], { cwd, prompter });
    expect(code).toBe(0);
    expect(stderr).toBe('deal-triage: no deal-triage.config.yaml found here or in a parent folder; using the built-in defaults\n');
  });

  describe('an existing file', () => {
    const existing = '# my own notes\nid: stark-dashboard-pilot\n';

    function withExisting(): string {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), existing);
      return cwd;
    }

    it('is left byte for byte as it was when the user says No, and the answers can be discarded', async () => {
      const cwd = withExisting();
      const { code, stdout, stderr, prompter } = await runNew(
        [],
        [
          ...minimalScript(),
          SAVE,
          confirm('deals/stark-dashboard-pilot.yaml already exists. Replace it?', ENTER),
          select('What should happen', 'discard'),
          confirm('Discard all the answers? Nothing will be written.', true),
        ],
        cwd,
      );
      expect(code).toBe(0);
      expect(prompter.asked.at(-3)!.default).toBe(false);
      expect(readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8')).toBe(existing);
      expect(filesIn(cwd)).toEqual(['deals/stark-dashboard-pilot.yaml']);
      expect(stdout).not.toContain('Saved');
      expect(stderr).toBe('deal-triage: nothing was written\n');
    });

    it('is kept when the user saves under another name instead', async () => {
      const cwd = withExisting();
      const { code, stdout } = await runNew(
        [],
        [...minimalScript(), SAVE, confirm('already exists', false), select('What should happen', 'other'), input('Which file should the answers be saved to?', ENTER)],
        cwd,
      );
      expect(code).toBe(0);
      expect(stdout).toContain('Saved deals/stark-dashboard-pilot-2.yaml');
      expect(readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8')).toBe(existing);
      expect(filesIn(cwd)).toEqual(['deals/stark-dashboard-pilot-2.yaml', 'deals/stark-dashboard-pilot.yaml']);
    });

    it('is replaced after a Yes', async () => {
      const cwd = withExisting();
      const { code } = await runNew([], [...minimalScript(), SAVE, confirm('already exists', true)], cwd);
      expect(code).toBe(0);
      expect(loadText(readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8')).owner).toBe('Sam Ortiz');
      expect(filesIn(cwd)).toEqual(['deals/stark-dashboard-pilot.yaml']);
    });

    it('is replaced without a question with --force', async () => {
      const cwd = withExisting();
      const { code, prompter } = await runNew(['--force'], [...minimalScript(), SAVE], cwd);
      expect(code).toBe(0);
      expect(prompter.asked.some((q) => q.message.includes('already exists'))).toBe(false);
      expect(loadText(readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8')).owner).toBe('Sam Ortiz');
    });

    it('keeps its permissions when replaced', async () => {
      const cwd = withExisting();
      chmodSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 0o640);
      await runNew(['--force'], [...minimalScript(), SAVE], cwd);
      expect(statSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml')).mode & 0o777).toBe(0o640);
    });
  });

  it('a folder that cannot be created: says why and saves elsewhere', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'deals'), 'a file where the folder would be\n');
    const { code, stdout, prompter } = await runNew(
      [],
      [...minimalScript(), SAVE, select('What should happen', 'other'), input('Which file should the answers be saved to?', 'stark.yaml')],
      cwd,
    );
    expect(code).toBe(0);
    expect(prompter.notes.at(-1)).toMatch(/^Could not save deals\/stark-dashboard-pilot\.yaml: part of the path is a file, not a folder$/);
    expect(stdout).toContain('Saved stark.yaml');
    expect(filesIn(cwd)).toEqual(['deals', 'stark.yaml']);
  });

  it.each([
    ['a symbolic link to a file outside the folder', (cwd: string, target: string) => {
      writeFileSync(path.join(cwd, 'victim.yaml'), 'VICTIM\n');
      symlinkSync('../victim.yaml', target);
    }, 'it is a symbolic link, and links are not written through'],
    ['a named pipe', (_cwd: string, target: string) => void spawnSync('mkfifo', [target]), 'it is a named pipe (FIFO), not a regular file'],
  ])('never writes through %s: says why, suggests a file beside it, and the other file is untouched', async (_name, make, reason) => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'deals'));
    const target = path.join(cwd, 'deals/stark-dashboard-pilot.yaml');
    make(cwd, target);
    const { code, stdout, prompter } = await runNew(
      ['--force'],
      [...minimalScript(), SAVE, select('What should happen', 'other'), input('Which file should the answers be saved to?', ENTER)],
      cwd,
    );
    expect(code).toBe(0);
    expect(prompter.notes.at(-1)).toBe(`Could not save deals/stark-dashboard-pilot.yaml: ${reason}`);
    // The folder was fine: the suggestion stays in it, where check will find the deal.
    expect(prompter.asked.at(-1)).toMatchObject({ message: 'Which file should the answers be saved to?', default: 'deals/stark-dashboard-pilot-2.yaml' });
    expect(stdout).toContain('Saved deals/stark-dashboard-pilot-2.yaml');
    if (existsSync(path.join(cwd, 'victim.yaml'))) expect(readFileSync(path.join(cwd, 'victim.yaml'), 'utf8')).toBe('VICTIM\n');
  });

  describe('--from', () => {
    it('starts from a deal: Enter everywhere changes nothing, so nothing is written', async () => {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'deals/acme.yaml'), readFileSync(ACME));
      const prompter = new EnterPrompter();
      const { code, stdout, stderr } = await run(['new', '--config', CONFIG, '--from', 'deals/acme.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(prompter.asked.find((q) => q.message.startsWith('What is the deal called'))!.default).toBe('Acme — five-plant rollout');
      expect(prompter.asked.some((q) => q.message.includes('already exists'))).toBe(false);
      expect(stdout).toMatch(/^No changes: deals\/acme\.yaml is left as it was\.\n\nAcme — five-plant rollout \(acme-plants, deals\/acme\.yaml\)\nJOIN {2}/);
      // Byte for byte: its comments and layout are the user's.
      expect(readFileSync(path.join(cwd, 'deals/acme.yaml'))).toEqual(readFileSync(ACME));
      expect(filesIn(cwd)).toEqual(['deals/acme.yaml']);
    });

    /** Enter everywhere, but the plan changed. */
    const NEW_PLAN = { 'What is the plan': 'The CEO calls their CEO on Monday' };

    it('a changed deal replaces its file after "Replace acme.yaml with the changes?", Yes by default', async () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'acme.yaml'), readFileSync(ACME));
      const prompter = new EnterPrompter(NEW_PLAN);
      const { code, stdout } = await run(['new', '--config', CONFIG, '--from', 'acme.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      const replace = prompter.asked.filter((q) => q.message.startsWith('Replace acme.yaml'));
      expect(replace).toMatchObject([{ message: 'Replace acme.yaml with the changes?', default: true }]);
      expect(prompter.asked.some((q) => q.message.includes('already exists') || q.message.startsWith('Which id should the deal have in'))).toBe(false);
      expect(stdout).toContain('Saved acme.yaml');
      // The file's own text with the one answer changed: nothing else moved.
      const original = readFileSync(ACME, 'utf8');
      expect(readFileSync(path.join(cwd, 'acme.yaml'), 'utf8')).toBe(
        original.replace(/^plan: .*$/m, 'plan: The CEO calls their CEO on Monday'),
      );
      expect(filesIn(cwd)).toEqual(['acme.yaml']);
    });

    it('a changed deal saved to another file instead gets a new id there: never two files with one id', async () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'acme.yaml'), readFileSync(ACME));
      const prompter = new EnterPrompter({ ...NEW_PLAN, 'Replace acme.yaml with the changes?': false });
      const { code, stdout } = await run(['new', '--config', CONFIG, '--from', 'acme.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      expect(prompter.asked.find((q) => q.message === 'Which file should the answers be saved to?')!.default).toBe('acme-2.yaml');
      expect(prompter.asked.find((q) => q.message.startsWith('Which id should the deal have in'))).toMatchObject({
        message: 'Which id should the deal have in acme-2.yaml? acme-plants stays with acme.yaml.',
        default: 'acme-2',
      });
      expect(stdout).toContain('Saved acme-2.yaml');
      expect(readFileSync(path.join(cwd, 'acme.yaml'))).toEqual(readFileSync(ACME));
      const copy = loadText(readFileSync(path.join(cwd, 'acme-2.yaml'), 'utf8'));
      expect(copy).toMatchObject({ id: 'acme-2', plan: 'The CEO calls their CEO on Monday' });
    });

    // The `yaml` package writes one space before a comment at the end of a line, whatever the file had.
    it('keeps the comments, blank lines and key order of the edited file', async () => {
      const cwd = tempDir();
      const original = [
        '# Acme: owned by Dana, reviewed every Monday',
        '',
        'name: Acme — five-plant rollout # the name the CEO knows',
        'id: acme-plants',
        'owner: Dana Reyes',
        'stage: negotiation',
        'account:',
        '  name: Acme Corp',
        '  # from their annual report',
        '  employees: 12000',
        'value:',
        '  amount: 240000',
        'follow_on:',
        '  potential: likely',
        'competition:',
        '  competitors: [Globex, Initech] # Initech dropped out?',
        '',
        '# What we still have to settle',
        'issues:',
        '  - Worried we are too small # said twice',
        '  - Wants a named engineer',
        'plan: CEO joins the call',
        '',
      ].join('\n');
      writeFileSync(path.join(cwd, 'acme.yaml'), original);
      const prompter = new EnterPrompter({
        'What is the contract value': 250000,
        'Competition:': 'change',
        'Competitors: 2 competitors recorded': 'review',
        'Competitor 2 of 2': 'remove',
        'Open issues: 2 issues recorded': 'add',
        'What is the open issue': 'Security review pending',
        'Add another issue?': false,
        'Add another competitor?': false,
        'What is the plan': 'CEO joins the call on Dec 3',
      });
      const { code } = await run(['new', '--config', CONFIG, '--from', 'acme.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      expect(readFileSync(path.join(cwd, 'acme.yaml'), 'utf8')).toBe(
        original
          .replace('amount: 240000', 'amount: 250000')
          .replace('[Globex, Initech]', '[Globex]')
          .replace('  - Wants a named engineer\n', '  - Wants a named engineer\n  - Security review pending\n')
          .replace('plan: CEO joins the call', 'plan: CEO joins the call on Dec 3'),
      );
    });

    it('says before replacing that the comments will go when they cannot be kept, and then No is the default', async () => {
      const cwd = tempDir();
      const original = '# my notes\nid: acme\nname: &n Acme\nowner: *n\nstage: proposal\naccount:\n  name: Acme\nvalue:\n  amount: 5\nfollow_on:\n  potential: none\n';
      writeFileSync(path.join(cwd, 'acme.yaml'), original);
      const prompter = new EnterPrompter({ 'What is the plan': 'Call them', 'What should happen to the answers?': 'discard', 'Discard all the answers?': true });
      const { code, stderr } = await run(['new', '--config', CONFIG, '--from', 'acme.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      expect(stderr).toBe('deal-triage: nothing was written\n');
      expect(prompter.asked.find((q) => q.message.startsWith('Replace acme.yaml'))).toMatchObject({
        message: 'Replace acme.yaml with the changes? Its comments will be lost (the file uses YAML anchors or aliases).',
        default: false,
      });
      expect(readFileSync(path.join(cwd, 'acme.yaml'), 'utf8')).toBe(original);
    });

    it('a competitor "?\\nx" and other hostile text: the saved file loads as the same deal (issue 9, item 4)', async () => {
      const cwd = tempDir();
      const hostile = {
        ...loadText(readFileSync(ACME, 'utf8')),
        competition: { threat: 'high' as const, competitors: ['?\nx', '-\ny', ':\nz', 'Globex'] },
        issues: ['yes', '2026-12-01', '# not a comment', 'line\u2028separator', 'a\n \nb'],
      };
      writeFileSync(path.join(cwd, 'acme.yaml'), dealToYaml(hostile));
      // Saved to a new file (written afresh, with a new id) and back over the edited file.
      for (const [args, answers, file] of [
        [['copy.yaml'], NEW_PLAN, 'copy.yaml'],
        [[], NEW_PLAN, 'acme.yaml'],
      ] as const) {
        const { code } = await run(['new', '--config', CONFIG, '--from', 'acme.yaml', ...args], { cwd, prompter: new EnterPrompter(answers) });
        expect(code).toBe(0);
        const saved = loadText(readFileSync(path.join(cwd, file), 'utf8'));
        expect(saved).toStrictEqual({ ...hostile, plan: NEW_PLAN['What is the plan'], ...(file === 'copy.yaml' ? { id: 'copy' } : {}) });
      }
    });

    it('with --force, a changed deal replaces its file without a question', async () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'acme.yaml'), readFileSync(ACME));
      const prompter = new EnterPrompter(NEW_PLAN);
      const { code } = await run(['new', '--config', CONFIG, '--from', 'acme.yaml', '--force'], { cwd, prompter });
      expect(code).toBe(0);
      expect(prompter.asked.some((q) => q.message.includes('already exists'))).toBe(false);
      expect(loadText(readFileSync(path.join(cwd, 'acme.yaml'), 'utf8')).plan).toBe('The CEO calls their CEO on Monday');
      expect(filesIn(cwd)).toEqual(['acme.yaml']);
    });

    it('saves to the file named on the command line, with a new id, leaving the --from file alone', async () => {
      const cwd = tempDir();
      const prompter = new EnterPrompter();
      const { code, stdout } = await run(['new', '--config', CONFIG, '--from', ACME, 'copy.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      expect(stdout).toContain('Saved copy.yaml');
      expect(filesIn(cwd)).toEqual(['copy.yaml']);
      expect(prompter.asked.find((q) => q.message.startsWith('Which id should the deal have in copy.yaml'))!.default).toBe('copy');
      expect(loadText(readFileSync(path.join(cwd, 'copy.yaml'), 'utf8')).id).toBe('copy');
    });

    it('an invalid deal: its problems, located, exit 1, and no question asked', async () => {
      const prompter = new ScriptedPrompter([]);
      const { code, stdout, stderr } = await run(['new', '--config', CONFIG, '--from', 'fixtures/invalid/bad-values.yaml'], { cwd: ROOT, prompter });
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^fixtures\/invalid\/bad-values\.yaml:1:5: error: id must be lowercase/m);
      expect(stderr).toMatch(/^fixtures\/invalid\/bad-values\.yaml:4:8: error: stage must be one of/m);
      expect(stderr).toMatch(/deal-triage: fixtures\/invalid\/bad-values\.yaml is invalid; fix what is listed above, then run new --from again\n$/);
      expect(prompter.asked).toEqual([]);
    });

    it('a missing file: a usage error', async () => {
      const { code, stderr } = await run(['new', '--config', CONFIG, '--from', 'nowhere.yaml'], { cwd: tempDir(), prompter: new ScriptedPrompter([]) });
      expect(code).toBe(2);
      expect(stderr).toBe('deal-triage: no such file: nowhere.yaml (--from names the deal file to edit)\n');
    });
  });

  describe('refused before the first question', () => {
    it.each([
      [['new', 'deal.txt'], 'deal-triage: deal.txt: a deal file\'s name ends in .yaml or .yml\n'],
      [['new', 'fixtures'], 'deal-triage: fixtures is a folder; name a file in it (for example fixtures/<id>.yaml), or leave the file out to save in deals/\n'],
      [['new', '--config', 'nowhere.yaml'], 'deal-triage: config file not found: nowhere.yaml\n'],
    ])('%j', async (argv, message) => {
      const prompter = new ScriptedPrompter([]);
      const { code, stderr } = await run(argv, { cwd: ROOT, prompter });
      expect(code).toBe(2);
      expect(stderr).toBe(message);
      expect(prompter.asked).toEqual([]);
    });

    it('an invalid config: its problems and exit 2', async () => {
      const cwd = tempDir();
      writeFileSync(path.join(cwd, 'deal-triage.config.yaml'), 'policy:\n  small_deal_below: lots\n');
      const { code, stderr } = await run(['new'], { cwd, prompter: new ScriptedPrompter([]) });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^deal-triage\.config\.yaml:2:\d+: error: /m);
      expect(stderr).toContain('deal-triage: the config file deal-triage.config.yaml is invalid; fix it or pass another with --config');
    });
  });

  describe('without a terminal', () => {
    it.each([
      ['input', { stdinTTY: false, stdoutTTY: true }],
      ['output', { stdinTTY: true, stdoutTTY: false }],
      ['input and output', { stdinTTY: false, stdoutTTY: false }],
    ] as const)('no %s terminal: exit 2, says so and how to write the file by hand', async (what, tty) => {
      const cwd = tempDir();
      const prompter = new ScriptedPrompter([]);
      const { code, stdout, stderr } = await run(['new', '--config', CONFIG], { cwd, prompter, ...tty });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`new asks questions, so it needs an interactive terminal, and its ${what} `);
      expect(stderr).toContain('"The deal file"');
      expect(stderr).toContain('deal-triage triage deals/<id>.yaml');
      expect(prompter.asked).toEqual([]);
      expect(filesIn(cwd)).toEqual([]);
    });
  });

  describe('Ctrl-C', () => {
    it.each([0, 5, 12, 20, 27])('at question %i: exit 130, one line, nothing written', async (at) => {
      const cwd = tempDir();
      const steps = minimalScript().slice(0, at + 1);
      steps[at] = { ...steps[at]!, answer: CTRL_C };
      const { code, stdout, stderr } = await runNew([], steps, cwd);
      expect(code).toBe(130);
      expect(stderr).toBe('deal-triage: cancelled; nothing was written\n');
      expect(stdout).toBe('');
      expect(filesIn(cwd)).toEqual([]);
    });

    it('at "Replace it?": the existing file is untouched and no temporary file is left', async () => {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'mine\n');
      const { code, stderr } = await runNew([], [...minimalScript(), SAVE, confirm('already exists', CTRL_C)], cwd);
      expect(code).toBe(130);
      expect(stderr).toBe('deal-triage: cancelled; nothing was written\n');
      expect(readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8')).toBe('mine\n');
      expect(filesIn(cwd)).toEqual(['deals/stark-dashboard-pilot.yaml']);
    });
  });

  describe('a deal that cannot be written so that it reads back the same', () => {
    it('is refused with one line and exit 2, and nothing is written (a text over the 1 MiB limit)', async () => {
      const cwd = tempDir();
      const steps = minimalScript().map((step) => (step.message === 'What is the plan' ? input('What is the plan', 'x'.repeat(1_100_000)) : step));
      const { code, stdout, stderr } = await runNew([], [...steps, SAVE], cwd);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^deal-triage: cannot save the deal: no YAML text was found that reads back as the same deal \(the text for it does not load as a deal \(line 1: the file is [\d,]+ bytes; the limit is 1 MiB \([\d,]+ bytes\)\)\); nothing was written\n$/);
      expect(filesIn(cwd)).toEqual([]);
    });
  });

  describe('the id question warns when another deal file in the folder uses the id', () => {
    it('reads only regular deal files of at most 1 MiB, passing over the rest, and not the edited file', async () => {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'deals/old.yaml'), 'id: stark-dashboard-pilot\nname: Old\n');
      writeFileSync(path.join(cwd, 'deals/also.yml'), '# an invalid deal still holds its id\nid: stark-dashboard-pilot\nstage: nowhere\n');
      writeFileSync(path.join(cwd, 'deals/huge.yaml'), `id: stark-dashboard-pilot\nplan: ${'x'.repeat(1_100_000)}\n`);
      writeFileSync(path.join(cwd, 'deals/broken.yaml'), 'id: [stark-dashboard-pilot\n');
      writeFileSync(path.join(cwd, 'deals/notes.txt'), 'id: stark-dashboard-pilot\n');
      mkdirSync(path.join(cwd, 'deals/folder.yaml'));
      symlinkSync('/dev/zero', path.join(cwd, 'deals/zero.yaml'));
      spawnSync('mkfifo', [path.join(cwd, 'deals/fifo.yaml')]);
      const { code, prompter } = await runNew([], [...minimalScript(), SAVE], cwd);
      expect(code).toBe(0);
      expect(prompter.notes).toContain(
        'Note: deals/also.yml, deals/old.yaml already use the id stark-dashboard-pilot; deal-triage check reports two deals with one id (duplicate-id).',
      );
    });

    it('--from a symbolic link out of its folder is not read: exit 2, and nothing of the file it leads to is shown', async () => {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'secret.txt'), 'api_key: s3cr3t\n');
      symlinkSync('../secret.txt', path.join(cwd, 'deals/linked.yaml'));
      const prompter = new EnterPrompter();
      const result = await run(['new', '--config', CONFIG, '--from', 'deals/linked.yaml'], { cwd, prompter });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('deal-triage: deals/linked.yaml is a symbolic link to a file outside its folder, and is not read; edit the file itself\n');
      expect(readFileSync(path.join(cwd, 'secret.txt'), 'utf8')).toBe('api_key: s3cr3t\n');
    });

    it('editing a deal: its own file is not "another file"', async () => {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'deals/acme.yaml'), readFileSync(ACME));
      const prompter = new EnterPrompter();
      const { code } = await run(['new', '--config', CONFIG, '--from', 'deals/acme.yaml'], { cwd, prompter });
      expect(code).toBe(0);
      expect(prompter.notes.some((note) => note.startsWith('Note:'))).toBe(false);
    });
  });

  describe('a terminal that goes away', () => {
    it.each([
      ['the first question', 0],
      ['a question in the middle', 12],
      ['"What now?"', -1],
    ])('at %s: one line, exit 2, nothing written, no stack trace', async (_where, at) => {
      const cwd = tempDir();
      const steps = [...minimalScript(), SAVE];
      const index = at < 0 ? steps.length + at : at;
      const cut = steps.slice(0, index + 1);
      cut[index] = { ...cut[index]!, answer: new Failure(eioError()) };
      const { code, stdout, stderr } = await runNew([], cut, cwd);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe('deal-triage: the terminal went away (setRawMode EIO); nothing was written\n');
      expect(filesIn(cwd)).toEqual([]);
    });

    it('at "Replace it?": the existing file is untouched', async () => {
      const cwd = tempDir();
      mkdirSync(path.join(cwd, 'deals'));
      writeFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'mine\n');
      const ended = new Error('the input ended');
      const { code, stderr } = await runNew([], [...minimalScript(), SAVE, confirm('already exists', new Failure(ended))], cwd);
      expect(code).toBe(2);
      expect(stderr).toBe('deal-triage: the terminal went away (the input ended); nothing was written\n');
      expect(readFileSync(path.join(cwd, 'deals/stark-dashboard-pilot.yaml'), 'utf8')).toBe('mine\n');
      expect(filesIn(cwd)).toEqual(['deals/stark-dashboard-pilot.yaml']);
    });
  });

  it('the help names the options', async () => {
    const { code, stdout } = await run(['new', '--help'], { cwd: ROOT });
    expect(code).toBe(0);
    expect(stdout).toContain('--from <file>');
    expect(stdout).toContain('--force');
    expect(stdout).toContain('Needs an interactive terminal');
  });
});

// ---------------------------------------------------------------------------------------------
// End to end, in a pseudo-terminal


describe.runIf(canRunPty)('deal-triage new in a terminal (end to end)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('from the first question to a saved file that triage accepts', async () => {
    const cwd = tempDir();
    const term = new Terminal(['new', '--config', CONFIG], cwd);
    try {
      await term.waitFor('Enter accepts the answer in parentheses');
      await term.answer('What is the deal called', 'Globex — reference rollout\r');
      // The suggested id from the name: Enter takes it.
      await term.waitFor('? Which id should the deal have? It names the file: lowercase letters, digits and dashes. (globex-reference-rollout)');
      term.type(KEY.enter);
      await term.waitFor('✔ Which id should the deal have');
      await term.answer('Who owns the account', 'Priya Shah\r');
      await term.answer('What type of deal', `${KEY.down}${KEY.enter}`);
      // The currency before any amount in it.
      await term.answer('Which currency is the deal in', KEY.enter);
      // A number as people type it, shown back as it is read.
      await term.waitFor('? What is the contract value of this sale, in USD?');
      term.type('300k\r');
      await term.waitFor('✔ What is the contract value of this sale, in USD? 300,000');
      await term.answer('How many months does the contract run', KEY.enter);
      await term.answer('Which company is the prospect', 'Globex\r');
      // An invalid answer: the deal file's message for the field, and the same question again.
      await term.waitFor('? How many employees');
      term.type('1.5\r');
      await term.waitFor('account.employees must be a whole number, not 1.5');
      term.type(`${KEY.backspace.repeat(3)}45,000\r`);
      await term.waitFor('✔ How many employees does Globex have? (optional) 45,000');
      await term.answer("What is Globex's annual revenue, in USD", KEY.enter);
      await term.answer('What industry is Globex in', 'Logistics\r');
      await term.answer('Is Globex a strategic logo', 'y\r');
      await term.answer('What stage is the deal at', `${KEY.down.repeat(3)}${KEY.enter}`);
      await term.answer('When do you expect the deal to close', '2027-03-31\r');
      // Each choice explained under the list.
      await term.waitFor('? How likely is further business');
      await term.waitFor('This sale is all there is');
      term.type(`${KEY.down.repeat(2)}${KEY.enter}`);
      await term.waitFor('✔ How likely is further business');
      await term.answer('What could that further business be worth', KEY.enter);
      await term.answer('What would the further business be', KEY.enter);
      await term.answer('Is another vendor competing', KEY.enter);
      await term.answer('How many person-days of custom work', KEY.enter);
      await term.answer('Is the prospect asking', KEY.enter);
      await term.answer('Do you know the stakeholders', 'y\r');
      await term.answer("What is the stakeholder's name", 'Lee Park\r');
      await term.answer("What is Lee Park's title", KEY.enter);
      await term.answer("What is Lee Park's role", `${KEY.down}${KEY.enter}`);
      await term.answer('Add another stakeholder?', KEY.enter);
      await term.answer("Who is the CEO's counterpart", `${KEY.up}${KEY.enter}`);
      await term.answer('Is there history with the customer', 'y\r');
      await term.answer('When was it', '2027-01-10\r');
      await term.answer('What happened', 'Pilot signed\r');
      await term.answer('Add another event?', KEY.enter);
      await term.answer('Are there open issues', KEY.enter);
      await term.answer('Are there questions the CEO should expect', 'y\r');
      await term.answer('What question should the CEO expect', 'Can you support us in Asia?\r');
      await term.answer('What answer do we suggest', 'Yes, from Singapore\r');
      await term.answer('Add another question?', KEY.enter);
      await term.answer("What should the CEO's involvement achieve", 'Signature on the rollout\r');
      await term.answer('What is the plan', KEY.enter);
      await term.answer('Is the next meeting', KEY.enter);
      await term.answer('Are you asking for the CEO', 'y\r');
      await term.answer('Has the CEO joined the deal yet', KEY.enter);
      await term.answer('Has the CEO or the head of sales decided against the policy', KEY.enter);
      await term.answer('Is this deal a record in your CRM', KEY.enter);
      await term.waitFor('Before saving: Globex — reference rollout (globex-reference-rollout)');
      await term.waitFor(/JOIN {2}The CEO should join this deal\./);
      await term.answer('What now?', KEY.enter);
      await term.waitFor('Saved deals/globex-reference-rollout.yaml');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    expect(term.output).toMatch(/^JOIN {2}The CEO should join this deal\.$/m);
    expect(filesIn(cwd)).toEqual(['deals/globex-reference-rollout.yaml']);
    const saved = readFileSync(path.join(cwd, 'deals/globex-reference-rollout.yaml'), 'utf8');
    expect(saved).toContain('  employees: 45000\n');
    expect(saved).toContain('  amount: 300000\n');
    expect(saved).toContain('  - name: Lee Park\n    role: champion\n    counterpart: true\n');

    const triage = spawnSync(process.execPath, [BIN, 'triage', '--config', CONFIG, '--format', 'json', 'deals/globex-reference-rollout.yaml'], {
      cwd,
      env: { ...process.env, DEAL_TRIAGE_TODAY: TODAY },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(triage.stderr).toBe('');
    expect(triage.status).toBe(0);
    const [result] = JSON.parse(triage.stdout) as { verdict: string; id: string; reasons: { rule: string }[] }[];
    expect(result).toMatchObject({ id: 'globex-reference-rollout', verdict: 'join' });
    expect(result!.reasons.map((r) => r.rule)).toEqual(['large-deal', 'follow-on-likely', 'prospect-much-larger', 'strategic-logo']);
  }, 30_000);

  it('Ctrl-C at a question: exit 130, one line, nothing written', async () => {
    const cwd = tempDir();
    const term = new Terminal(['new', '--config', CONFIG], cwd);
    try {
      await term.answer('What is the deal called', 'Initech\r');
      await term.answer('Which id should the deal have', KEY.enter);
      await term.waitFor('? Who owns the account');
      term.type(KEY.ctrlC);
      expect(await term.exited).toBe(130);
    } finally {
      term.kill();
    }
    expect(term.output).toContain('deal-triage: cancelled; nothing was written');
    expect(term.output.match(/cancelled/g)).toHaveLength(1);
    expect(term.output).not.toMatch(/^\s+at /m);
    expect(filesIn(cwd)).toEqual([]);
  }, 30_000);
});

describe('deal-triage new without a terminal (the built executable)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('exits 2 and says how to write the file by hand', () => {
    const cwd = tempDir();
    const result = spawnSync(process.execPath, [BIN, 'new', '--config', CONFIG], { cwd, input: '', encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('new asks questions, so it needs an interactive terminal, and its input and output are not one.');
    expect(result.stderr).toContain('deal-triage triage deals/<id>.yaml');
    expect(filesIn(cwd)).toEqual([]);
  });
});
