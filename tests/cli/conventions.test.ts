// The conventions a newcomer expects from a command-line tool (issue 15, point 6), through the real
// CLI entry: `-` for standard input, the config looked up from the checked folder upward, one error
// prefix, `-f md`, a missing file among several that no longer stops the others.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-conventions-');
const CONFIG = 'fixtures/deal-triage.config.yaml';
const ACME = readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml'));

describe('- reads a deal from standard input (triage)', () => {
  it('triages it as <stdin>, exactly as the file', async () => {
    const piped = await run(['triage', '--config', CONFIG, '-f', 'json', '-'], { stdin: ACME });
    const file = await run(['triage', '--config', CONFIG, '-f', 'json', 'fixtures/deals/acme-plants.yaml']);
    expect(piped.code).toBe(0);
    const [fromStdin] = JSON.parse(piped.stdout) as { file: string; verdict: string }[];
    const [fromFile] = JSON.parse(file.stdout) as { file: string; verdict: string }[];
    expect(fromStdin!.file).toBe('<stdin>');
    expect({ ...fromStdin, file: '' }).toEqual({ ...fromFile, file: '' });
  });

  it('beside files, in the order given', async () => {
    const { code, stdout } = await run(['triage', '--config', CONFIG, 'fixtures/deals/hooli-expansion.yaml', '-'], { stdin: ACME });
    expect(code).toBe(0);
    expect(stdout.indexOf('(hooli-expansion, fixtures/deals/hooli-expansion.yaml)')).toBeLessThan(stdout.indexOf('(acme-plants, <stdin>)'));
  });

  it.each([
    ['invalid YAML', 'id: [\n', /^<stdin>:1:5: error: .*\(yaml-syntax\)$/m],
    ['an empty input', '', /^<stdin>:1:1: error: .*\(empty-file\)$/m],
    ['bytes that are not UTF-8', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]), /^<stdin>:1:5: error: the file is not valid UTF-8 \(byte 0xff\); save it as UTF-8 \(file-encoding\)$/m],
    ['more than 1 MiB', `# ${'x'.repeat(1024 * 1024)}\n`, /^<stdin>:1:1: error: the file is 1,048,579 bytes; the limit is 1 MiB .*\(file-too-large\)$/m],
  ])('%s: located at <stdin>, exit 1, as a file would be', async (_name, input, expected) => {
    const { code, stderr } = await run(['triage', '--config', CONFIG, '-'], { stdin: input });
    expect(code).toBe(1);
    expect(stderr).toMatch(expected);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('refuses a terminal as standard input rather than wait in silence (exit 2)', async () => {
    const { code, stdout, stderr } = await run(['triage', '-'], { stdin: '', stdinTTY: true });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'deal-triage: - reads a deal from standard input, but standard input is the terminal: pipe a deal into it (deal-triage triage - < deal.yaml), or name the file\n',
    );
  });

  it('takes - once', async () => {
    const { code, stderr } = await run(['triage', '-', '-'], { stdin: ACME });
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: - (standard input) can be given only once: it holds one deal\n');
  });

  it('check says what to use instead', async () => {
    const { code, stderr } = await run(['check', '-'], { stdin: ACME });
    expect(code).toBe(2);
    expect(stderr).toBe('deal-triage: check reads deal files from folders, not standard input (-); to decide on a deal piped in, use deal-triage triage -\n');
  });
});

describe('check finds the config from the checked folder upward, as ESLint does', () => {
  /** A workspace: `team/deal-triage.config.yaml` with capacity 0, so a join is over capacity only under it. */
  function workspace(): string {
    const root = tempDir();
    mkdirSync(path.join(root, 'team/deals'), { recursive: true });
    writeFileSync(path.join(root, 'team/deal-triage.config.yaml'), 'policy:\n  ceo_capacity: 0\n');
    writeFileSync(path.join(root, 'team/deals/acme.yaml'), ACME);
    return root;
  }

  it('uses the checked folder parent config, not the working folder (none there)', async () => {
    const root = workspace();
    const { stdout, stderr } = await run(['check', 'team/deals'], { cwd: root });
    expect(stderr).toBe('');
    expect(stdout).toContain('over-capacity');
  });

  it('prefers it to the working folder config', async () => {
    const root = workspace();
    writeFileSync(path.join(root, 'deal-triage.config.yaml'), 'policy:\n  ceo_capacity: 5\n');
    expect((await run(['check', 'team/deals'], { cwd: root })).stdout).toContain('over-capacity');
    // A folder under no config of its own gets the working folder: here, capacity 5.
    mkdirSync(path.join(root, 'other'));
    writeFileSync(path.join(root, 'other/acme.yaml'), ACME);
    expect((await run(['check', 'other'], { cwd: root })).stdout).not.toContain('over-capacity');
  });

  it('refuses paths under different configs (exit 2), unless --config names one', async () => {
    const root = workspace();
    mkdirSync(path.join(root, 'other'));
    writeFileSync(path.join(root, 'other/deal-triage.config.yaml'), '');
    writeFileSync(path.join(root, 'other/acme.yaml'), ACME);
    const mixed = await run(['check', 'team/deals', 'other'], { cwd: root });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(
      'deal-triage: the paths are under different configs (team/deal-triage.config.yaml for team/deals, other/deal-triage.config.yaml for other): check them one at a time, or name the config with --config\n',
    );
    // Both checked under the one named: the two copies of the deal share an id, which only a check of both finds.
    const named = await run(['check', '--config', 'other/deal-triage.config.yaml', 'team/deals', 'other'], { cwd: root });
    expect(named.stderr).toBe('');
    expect(named.stdout).toContain('duplicate-id');
  });
});

describe('-f md', () => {
  it('is markdown for triage, byte for byte', async () => {
    const md = await run(['triage', '--config', CONFIG, '-f', 'md', 'fixtures/deals/acme-plants.yaml']);
    const markdown = await run(['triage', '--config', CONFIG, '--format', 'markdown', 'fixtures/deals/acme-plants.yaml']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(markdown.stdout);
    expect(md.stdout.startsWith('# Acme')).toBe(true);
  });
});

describe('one error prefix', () => {
  it.each([
    [['triage', '--nope', 'x.yaml']],
    [['check', '--max-warnings', 'many']],
    [['nope']],
    [['triage', 'nope.yaml']],
    [['check', 'nope']],
    [['triage', '--today', '2026-13-01', 'x.yaml']],
  ])('deal-triage %j: every line of stderr that is an error starts with "deal-triage: "', async (argv) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^deal-triage: /);
    expect(stderr).not.toMatch(/^error: /m);
  });
});
