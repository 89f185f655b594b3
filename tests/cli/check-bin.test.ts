// `deal-triage check` as a user and a CI job run it: the built executable, spawned. The exit code
// reaches the shell, a bad input never shows a stack trace, and the worker threads (which exist
// only in the built output) give byte for byte what one thread gives.

import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.js';
import { PARALLEL_MIN_FILES, threadsFor } from '../../src/io/check-files.js';
import { MAX_FILE_BYTES } from '../../src/load/limits.js';
import { snapshotFolder } from '../check/helpers.js';
import { TODAY } from '../helpers/paths.js';
import { tempDirs } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/deal-triage.js');
const WORKER = path.join(ROOT, 'dist/bundle/check-worker.js');
const CONFIG = 'fixtures/deal-triage.config.yaml';
const STACK_FRAME = /^\s+at /m;

// Colour settings of the shell running the tests must not leak into the output checked here.
// TODAY: a fixture's close date or next meeting is judged against a fixed day, not the day the tests run.
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DEAL_TRIAGE_TODAY: TODAY };
delete env.FORCE_COLOR;
delete env.GITHUB_STEP_SUMMARY;
delete env.NODE_DEBUG;

function deal(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  // The JSON report of the large folder below is several MiB: room for it (the default is 1 MiB).
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? env, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // `npm test` builds first (pretest); a bare `vitest run` may not have. tsc emits even when another
  // part of the tree does not type-check, so its exit code is not a verdict here.
  if (!existsSync(WORKER)) {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'ignore' });
    execFileSync(process.execPath, ['scripts/bundle.js'], { cwd: ROOT, stdio: 'ignore' });
  }
}, 120_000);

const tempDir = tempDirs('deal-triage-check-bin-');

describe('exit codes reach the shell, with no stack trace', () => {
  it.each([
    ['problems in the folder', ['--config', CONFIG, 'fixtures/check/problems'], 1],
    ['warnings only', ['--config', CONFIG, 'fixtures/deals'], 0],
    ['more warnings than --max-warnings', ['--config', CONFIG, '--max-warnings', '0', 'fixtures/deals'], 1],
    ['every kind of invalid file', ['--config', CONFIG, 'fixtures/invalid'], 1],
    ['a bad --max-warnings', ['--config', CONFIG, '--max-warnings', 'lots', 'fixtures/deals'], 2],
    ['a bad --concurrency', ['--config', CONFIG, '--concurrency', '0', 'fixtures/deals'], 2],
    ['a bad --format', ['--config', CONFIG, '--format', 'checkstyle', 'fixtures/deals'], 2],
    ['a missing path', ['--config', CONFIG, 'fixtures/nope'], 2],
    ['a folder without deal files', ['--config', CONFIG, 'scripts'], 2],
    ['an invalid config', ['--config', 'fixtures/invalid/wrong-type.yaml', 'fixtures/deals'], 2],
    ['--output onto a deal file', ['--config', CONFIG, '-o', 'fixtures/deals/acme-plants.yaml', 'fixtures/deals'], 2],
  ])('%s (check %j): exit %i', (_name, args, code) => {
    const before = snapshotFolder(path.join(ROOT, 'fixtures'));
    const result = deal(['check', ...args]);
    expect(result.code).toBe(code);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    if (code === 2) {
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/\S/);
    }
    expect(snapshotFolder(path.join(ROOT, 'fixtures'))).toEqual(before);
  });
});

describe('--output on a full disk', () => {
  // A small file system to fill: only where this process may mount one (root on Linux, as in CI
  // containers); elsewhere there is no way to make a regular file's write fail with ENOSPC.
  let disk: string | undefined;
  beforeAll(() => {
    const dir = tempDir();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' }).status !== 0) return;
    disk = dir;
    writeFileSync(path.join(dir, 'report.txt'), 'the previous report\n');
    try {
      writeFileSync(path.join(dir, 'filler'), Buffer.alloc(1 << 20));
    } catch {
      // Full, as intended.
    }
  });
  afterAll(() => {
    if (disk) spawnSync('umount', [disk], { stdio: 'ignore' });
  });

  it('one line, exit 2, and the previous report left whole', (context) => {
    if (!disk) return context.skip();
    const result = deal(['check', '--config', CONFIG, '-o', path.join(disk, 'report.txt'), 'fixtures/check/problems']);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `deal-triage: cannot write the report to ${path.join(disk, 'report.txt')}: no space left on the device\n` });
    expect(readFileSync(path.join(disk, 'report.txt'), 'utf8')).toBe('the previous report\n');
    expect(readdirSync(disk).sort()).toEqual(['filler', 'report.txt']);
  });
});

describe('worker threads', () => {
  const COUNT = 2000;
  let folder: string;
  let cwd: string;

  beforeAll(() => {
    cwd = tempDir();
    folder = path.join(cwd, 'deals');
    generate(folder, COUNT);
    // Broken files, spread over the batches the workers get.
    copyFileSync(path.join(ROOT, 'fixtures/invalid/malformed.yaml'), path.join(folder, 'deal-00100-broken.yaml'));
    copyFileSync(path.join(ROOT, 'fixtures/invalid/not-utf8.yaml'), path.join(folder, 'deal-00400-not-utf8.yaml'));
    copyFileSync(path.join(ROOT, 'fixtures/invalid/wrong-type.yaml'), path.join(folder, 'zz-wrong-type.yaml'));
    writeFileSync(path.join(folder, 'deal-00650-huge.yaml'), `# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    // A duplicate id, in another folder: the folder rules see the reports of every worker.
    mkdirSync(path.join(folder, 'eu'));
    copyFileSync(path.join(folder, 'deal-00005.yaml'), path.join(folder, 'eu/deal-00005-copy.yaml'));
    // The config travels to each worker: a user's rule must work there as it does here.
    writeFileSync(
      path.join(cwd, 'deal-triage.config.yaml'),
      `${readFileSync(path.join(ROOT, CONFIG), 'utf8').replace('rules: []', '')}rules:\n` +
        '  - id: big-account\n    effect: finding\n    severity: warning\n    at: account.employees\n' +
        '    when: {fact: account.employees, op: gte, value: 190000}\n    message: "{account.name} has {account.employees} people"\n',
    );
  }, 60_000);

  /** Runs check in the generated folder; NODE_DEBUG=worker makes node log each worker it starts. */
  function checkFolder(format: string, concurrency: string | undefined, more: string[] = []) {
    const args = ['check', '--format', format, ...(concurrency === undefined ? [] : ['--concurrency', concurrency]), ...more];
    const result = deal(args, { cwd, env: { ...env, NODE_DEBUG: 'worker' } });
    const workers = (result.stderr.match(/instantiating Worker/g) ?? []).length;
    const stderr = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('deal-triage:'))
      .join('\n');
    return { code: result.code, stdout: result.stdout, stderr, workers };
  }

  it('the folder is large enough for two workers (auto, below PARALLEL_MIN_FILES, takes one thread)', () => {
    expect(threadsFor(COUNT, 2)).toBe(2);
    expect(COUNT).toBeLessThan(PARALLEL_MIN_FILES);
    expect(existsSync(WORKER)).toBe(true);
  });

  it.each(['stylish', 'json'])('%s: --concurrency 2 and the default give the bytes --concurrency off gives', (format) => {
    const before = snapshotFolder(cwd);
    const one = checkFolder(format, 'off');
    const two = checkFolder(format, '2');
    const auto = checkFolder(format, undefined);

    // The runs took the paths they were meant to.
    expect(one.workers).toBe(0);
    expect(two.workers).toBe(2);
    expect(auto.workers).toBe(threadsFor(COUNT + 5, 'auto') > 1 ? threadsFor(COUNT + 5, 'auto') : 0);

    // What the folder holds is reported: every kind of problem planted above.
    expect(one.code).toBe(1);
    expect(one.stderr).toBe('');
    for (const rule of ['yaml-syntax', 'file-encoding', 'invalid-type', 'file-too-large', 'duplicate-id', 'big-account', 'over-capacity', 'ceo-requested-on-declined']) {
      expect(one.stdout).toContain(rule);
    }

    expect(two).toMatchObject({ code: one.code, stdout: one.stdout, stderr: one.stderr });
    expect(auto).toMatchObject({ code: one.code, stdout: one.stdout, stderr: one.stderr });
    expect(snapshotFolder(cwd)).toEqual(before);
  });

  it('--cache on workers: cold and warm runs give the bytes of one thread, and a warm run parses only what changed', () => {
    const before = snapshotFolder(cwd);
    const location = path.join(tempDir(), 'cache');
    const one = checkFolder('json', 'off');
    const cached = (concurrency: string | undefined) => checkFolder('json', concurrency, ['--cache', '--cache-location', location]);
    const cold = cached('2');
    expect(cold.workers).toBe(2);
    expect(cold).toMatchObject({ code: one.code, stdout: one.stdout, stderr: one.stderr });

    // Every kept message marked: a report the workers did not make again shows the mark.
    const document = JSON.parse(readFileSync(location, 'utf8')) as { files: Record<string, [string, unknown[][], unknown[] | null]> };
    expect(Object.keys(document.files)).toHaveLength(COUNT + 4);
    for (const [, problems, summary] of Object.values(document.files)) {
      for (const p of problems) p[4] = `${String(p[4])} (kept)`;
      if (summary) summary[1] = `${String(summary[1])} (kept)`;
    }
    writeFileSync(location, JSON.stringify(document));
    const warm = cached('2');
    expect(warm.workers).toBe(2);
    const names = (JSON.parse(warm.stdout) as { files: { file: string; name: string | null }[] }).files.filter((f) => f.name !== null);
    expect(names.length).toBeGreaterThan(COUNT - 10);
    expect(names.filter((f) => !f.name!.endsWith(' (kept)'))).toEqual([]);
    // Not the files that cannot be read or are too large: those are never kept.
    expect(warm.stdout.replaceAll(' (kept)', '')).toBe(one.stdout);
    expect(warm).toMatchObject({ code: one.code, stderr: one.stderr });
    // auto counts the files without a kept report: a warm run stays on this thread.
    const warmAuto = cached(undefined);
    expect(warmAuto.workers).toBe(0);
    expect(warmAuto).toMatchObject({ code: warm.code, stdout: warm.stdout, stderr: warm.stderr });
    expect(snapshotFolder(cwd)).toEqual(before);
  });
});
