// The built executable in a pseudo-terminal, for end-to-end tests of the interactive commands
// (`new`, `one-on-one log`): made by util-linux's `script`, answered keystroke by keystroke.

import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, TODAY } from './cli.js';

export const BIN = path.join(ROOT, 'bin/deal-triage.js');
const SCRIPT = '/usr/bin/script';
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g;
export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003', backspace: '\u007f' };

/**
 * The built executable in a pseudo-terminal made by `script`, 200 columns wide so that no prompt
 * wraps. `answer` waits for a question, types, and waits for the question to show as answered (✔),
 * so that a question asked twice in a row is never mistaken for the first.
 */
export class Terminal {
  private readonly child: ChildProcess;
  private raw = '';
  private seen = 0;
  readonly exited: Promise<number | null>;

  constructor(args: string[], cwd: string) {
    const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
    const command = `stty cols 200 rows 50; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
    const env: NodeJS.ProcessEnv = { ...process.env, SHELL: '/bin/sh', TERM: 'xterm', NO_COLOR: '1', DEAL_TRIAGE_TODAY: TODAY };
    delete env.FORCE_COLOR;
    this.child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.raw += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** What the terminal has shown, without colours and cursor movements. */
  get output(): string {
    return this.raw.replace(ANSI, '');
  }

  async waitFor(text: string | RegExp, timeout = 10_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const rest = this.output.slice(this.seen);
      const match = typeof text === 'string' ? (rest.includes(text) ? { index: rest.indexOf(text), length: text.length } : undefined) : (() => {
        const m = text.exec(rest);
        return m ? { index: m.index, length: m[0].length } : undefined;
      })();
      if (match) {
        this.seen += match.index + match.length;
        return;
      }
      if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${String(text)}; the terminal shows:\n${this.output.slice(-2000)}`);
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

// util-linux's `script` (Debian's bsdutils): the BSD one on macOS takes other options.
export const canRunPty = existsSync(SCRIPT) && spawnSync(SCRIPT, ['--version'], { encoding: 'utf8' }).stdout.includes('util-linux');

/** `npm test` builds first (pretest); a bare `vitest run` may not have. */
export function ensureBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist/bundle/main.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}
