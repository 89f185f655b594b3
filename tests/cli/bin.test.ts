// The built executable, spawned as a user runs it: the exit code reaches the shell, and a bad
// input never shows a stack trace.

import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/paths.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INVALID_FILES = readdirSync(new URL('../../fixtures/invalid/', import.meta.url))
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const STACK_FRAME = /^\s+at /m;

// Colour settings of the shell running the tests must not leak into the output checked here.
// TODAY: a fixture's close date or next meeting is judged against a fixed day, not the day the tests run.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DEAL_TRIAGE_TODAY: TODAY };
delete env.FORCE_COLOR;

function deal(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/deal-triage.js', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // `npm test` builds first (pretest); a bare `vitest run` may not have.
  if (!existsSync(new URL('../../dist/cli/main.js', import.meta.url))) {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
}, 120_000);

/** Runs the bin with stdout or stderr going to /dev/full, where every write fails with ENOSPC. */
function dealToFullDisk(stream: 'stdout' | 'stderr', ...args: string[]) {
  const full = openSync('/dev/full', 'w');
  try {
    const stdio = stream === 'stdout' ? (['ignore', full, 'pipe'] as const) : (['ignore', 'pipe', full] as const);
    const result = spawnSync(process.execPath, ['bin/deal-triage.js', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 20_000, stdio: [...stdio] });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    closeSync(full);
  }
}

describe('a failed write (a full disk): one line, exit 2, never a stack trace nor exit 1', () => {
  const CONFIG = ['--config', 'fixtures/deal-triage.config.yaml'];
  it.each([
    ['triage', ['triage', ...CONFIG, 'fixtures/deals/acme-plants.yaml']],
    ['triage of an invalid deal', ['triage', ...CONFIG, 'fixtures/invalid/malformed.yaml']],
    ['check', ['check', ...CONFIG, '--format', 'json', 'fixtures/check/problems']],
    ['--help', ['--help']],
  ])('%s > /dev/full', (_name, args) => {
    const { code, stderr } = dealToFullDisk('stdout', ...args);
    expect(code).toBe(2);
    expect(stderr.split('\n').filter((line) => line !== '').at(-1)).toBe('deal-triage: cannot write to stdout: no space left on the device');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it.each([
    ['triage of an invalid deal', ['triage', ...CONFIG, 'fixtures/invalid/malformed.yaml']],
    ['check with more warnings than allowed', ['check', ...CONFIG, '--max-warnings', '0', 'fixtures/deals']],
  ])('%s 2> /dev/full', (_name, args) => {
    expect(dealToFullDisk('stderr', ...args).code).toBe(2);
  });
});

describe('bin/deal-triage.js', () => {
  it('exits 0 for a valid deal, whatever the verdict', () => {
    const { code, stdout, stderr } = deal('triage', '--config', 'fixtures/deal-triage.config.yaml', 'fixtures/deals/acme-plants.yaml', 'fixtures/deals/stark-pilot.yaml');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^JOIN {2}/m);
    expect(stdout).toMatch(/^DECLINE {2}/m);
  });

  it('writes JSON that parses', () => {
    const { code, stdout } = deal('triage', '--config', 'fixtures/deal-triage.config.yaml', '--format', 'json', 'fixtures/deals/soylent-brief.yaml');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { verdict: string }[])[0]?.verdict).toBe('wait');
  });

  it.each(INVALID_FILES)('exits 1 for fixtures/invalid/%s, located, with no stack trace', (name) => {
    const { code, stderr } = deal('triage', '--config', 'fixtures/deal-triage.config.yaml', `fixtures/invalid/${name}`);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^fixtures/invalid/${name.replace('.', '\\.')}:\\d+:\\d+: error: `, 'm'));
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 for a missing file, with no stack trace', () => {
    const { code, stdout, stderr } = deal('triage', 'fixtures/deals/does-not-exist.yaml');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('no such file: fixtures/deals/does-not-exist.yaml');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 for a directory and for a missing --config', () => {
    expect(deal('triage', 'fixtures/deals').code).toBe(2);
    const missingConfig = deal('triage', '--config', 'nope.yaml', 'fixtures/deals/acme-plants.yaml');
    expect(missingConfig.code).toBe(2);
    expect(missingConfig.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 for a usage error', () => {
    const { code, stderr } = deal('triage', '--format', 'xml', 'fixtures/deals/acme-plants.yaml');
    expect(code).toBe(2);
    expect(stderr).toContain("argument 'xml' is invalid");
  });

  it('exits 2 with no arguments, 0 for --help and --version', () => {
    expect(deal().code).toBe(2);
    expect(deal('--help').code).toBe(0);
    const version = deal('--version');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
