// `deal-triage one-on-one log` end to end: the built executable in a pseudo-terminal made by
// `script` (util-linux), answered keystroke by keystroke, as `new`'s terminal tests do.

import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const BIN = path.join(ROOT, 'bin/deal-triage.js');
const SCRIPT = '/usr/bin/script';
const FIXTURE = path.join(ROOT, 'fixtures/one-on-one');
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g;
const KEY = { enter: '\r', down: '\u001b[B', ctrlC: '\u0003' };
const tempDir = tempDirs('deal-triage-one-on-one-pty-');

class Terminal {
  private readonly child: ChildProcess;
  private raw = '';
  private seen = 0;
  readonly exited: Promise<number | null>;

  constructor(args: string[], cwd: string) {
    const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
    const command = `stty cols 200 rows 50; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
    const env: NodeJS.ProcessEnv = { ...process.env, SHELL: '/bin/sh', TERM: 'xterm', NO_COLOR: '1', DEAL_TRIAGE_TODAY: '2026-12-01' };
    delete env.FORCE_COLOR;
    this.child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get output(): string {
    return this.raw.replace(ANSI, '');
  }

  async waitFor(text: string, timeout = 10_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const index = this.output.indexOf(text, this.seen);
      if (index !== -1) {
        this.seen = index + text.length;
        return;
      }
      if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${text}; the terminal shows:\n${this.output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  async answer(question: string, keys: string): Promise<void> {
    await this.waitFor(`? ${question}`);
    this.child.stdin!.write(keys);
    await this.waitFor(`✔ ${question}`);
  }

  type(keys: string): void {
    this.child.stdin!.write(keys);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

const canRunPty = existsSync(SCRIPT) && spawnSync(SCRIPT, ['--version'], { encoding: 'utf8' }).stdout.includes('util-linux');

function ensureBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist/bundle/main.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

function fixtureCopy(): string {
  const cwd = tempDir();
  for (const name of ['deal-triage.config.yaml', 'one-on-ones.yaml']) copyFileSync(path.join(FIXTURE, name), path.join(cwd, name));
  return cwd;
}

describe.runIf(canRunPty)('deal-triage one-on-one log in a terminal (end to end)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('records a meeting from the answers, marking a commitment done and adding one', async () => {
    const cwd = fixtureCopy();
    const term = new Terminal(['one-on-one', 'log'], cwd);
    try {
      await term.waitFor('Never what was said.');
      await term.answer('When did you meet? (YYYY-MM-DD)', KEY.enter);
      await term.waitFor('? How many minutes did it last?');
      term.type('0\r');
      await term.waitFor('minutes must be at least 1 (the meeting took place)');
      term.type('\u007f80\r');
      await term.waitFor('✔ How many minutes did it last? 80');
      // The suggestion is highlighted: Enter takes the bike ride.
      await term.answer('Where did you meet?', KEY.enter);
      await term.answer('Is it done: the CEO (Dana Reyes) — Call the Orbis COO', 'y\r');
      await term.answer('Is it done: the CEO (Dana Reyes) — Join the Monday sales stand-up', KEY.enter);
      await term.answer('Is it done: the head of sales (Sam Ortiz) — Take a real day off', KEY.enter);
      await term.answer('Did either of you commit to something?', 'y\r');
      await term.answer('Who commits?', `${KEY.down}${KEY.enter}`);
      await term.answer('What will the head of sales do? (one line)', 'Bring the renewal list to Friday\r');
      await term.answer('By when? (YYYY-MM-DD)', KEY.enter);
      await term.answer('Another commitment?', KEY.enter);
      await term.answer('Record this meeting?', KEY.enter);
      await term.waitFor('Recorded the one-on-one of 2026-12-01 in one-on-ones.yaml (bike-ride, 80 min; 1 commitment; 1 marked done)');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
    const text = readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8');
    expect(text).toContain('        what: Call the Orbis COO before the pricing call\n        due: 2026-11-24\n        done: true\n');
    expect(text.endsWith('  - date: 2026-12-01\n    minutes: 80\n    venue: bike-ride\n    commitments:\n      - by: head-of-sales\n        what: Bring the renewal list to Friday\n        due: 2026-12-08\n        done: false\n')).toBe(true);
  }, 30_000);

  it('Ctrl-C at a question: exit 130, one line, the log untouched', async () => {
    const cwd = fixtureCopy();
    const before = readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8');
    const term = new Terminal(['one-on-one', 'log'], cwd);
    try {
      await term.answer('When did you meet? (YYYY-MM-DD)', KEY.enter);
      await term.waitFor('? How many minutes did it last?');
      term.type(KEY.ctrlC);
      expect(await term.exited).toBe(130);
    } finally {
      term.kill();
    }
    expect(term.output).toContain('deal-triage: cancelled; nothing was written');
    expect(term.output).not.toMatch(/^\s+at /m);
    expect(readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8')).toBe(before);
  }, 30_000);
});
