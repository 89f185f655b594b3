// `new` without a scripted prompter asks through the prompt library on the Io it is given: the
// questions are written to io.stdout and the answers read from io.stdin, as on a terminal, never on
// the process's own streams. The pseudo-terminal tests in new.test.ts drive the same path end to end.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { execute } from '../../src/cli/main.js';

const CONFIG = fileURLToPath(new URL('../../fixtures/deal-triage.config.yaml', import.meta.url));
const cwd = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-new-io-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

it('asks on io.stdout, reads answers from io.stdin, and stops with one line when that input ends', async () => {
  const stdin = new PassThrough();
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: true },
    stderr: { write: (text: string) => (stderr += text), isTTY: true },
    stdin,
    cwd,
    env: { NO_COLOR: '1' },
    stdinIsTTY: true,
  };
  const run = execute(['new', '--config', CONFIG], io);
  await vi.waitFor(() => expect(stdout).toContain('What is the deal called'), { timeout: 5000 });
  stdin.write('Acme pilot\r');
  await vi.waitFor(() => expect(stdout).toContain('Which id should the deal have'), { timeout: 5000 });
  expect(stdout).toContain('Acme pilot');
  stdin.end();
  expect(await run).toBe(2);
  expect(stderr).toBe('deal-triage: the terminal went away (the input ended); nothing was written\n');
  expect(readdirSync(cwd)).toEqual([]);
});

it("shows a deal's hostile text sanitised in the questions' defaults", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-new-io-'));
  try {
    const acme = readFileSync(fileURLToPath(new URL('../../fixtures/deals/acme-plants.yaml', import.meta.url)), 'utf8');
    const hostile = 'Acme \u001b]0;PWNED\u0007\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u0085\u202e rollout';
    writeFileSync(path.join(dir, 'deal.yaml'), acme.replace(/^name: .*$/m, `name: ${JSON.stringify(hostile)}`));
    const stdin = new PassThrough();
    let stdout = '';
    const io: Io = {
      stdout: { write: (text: string) => (stdout += text), isTTY: true },
      stderr: { write: () => true, isTTY: true },
      stdin,
      cwd: dir,
      env: { NO_COLOR: '1' },
      stdinIsTTY: true,
    };
    const run = execute(['new', '--config', CONFIG, '--from', 'deal.yaml'], io);
    await vi.waitFor(() => expect(stdout).toContain('What is the deal called'), { timeout: 5000 });
    stdin.write('\r');
    await vi.waitFor(() => expect(stdout).toContain('Which id should the deal have'), { timeout: 5000 });
    stdin.end();
    await run;
    // The prompt library moves the cursor with CSI sequences of its own; nothing else may pass.
    // eslint-disable-next-line no-control-regex -- the escape sequences the deal holds are what must not pass.
    expect(stdout).not.toMatch(/\u001b\]|\u0007|\u001b\[2J|\u0085|\u202e/);
    expect(stdout).toContain('Acme ');
    expect(stdout).toContain(' rollout');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
