// The one harness for tests that drive the real CLI entry in-process, `execute(argv, io)`: argv in;
// stdout, stderr and the exit code out; a fake terminal and environment in between, so nothing of
// the shell running the tests (its colour settings, its terminal) leaks into what is checked.

import { Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { execute } from '../../src/cli/main.js';
import type { Prompter } from '../../src/questionnaire/prompter.js';
import { ROOT, TODAY } from './paths.js';

export { ROOT, TODAY };

/** The start of an ANSI escape sequence (a colour code). */
// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[/;

/** A line of a JavaScript stack trace, which a user must never see. */
export const STACK_FRAME = /^\s+at /m;

export interface RunOptions {
  /** The working folder; the repository root when absent. */
  cwd?: string;
  /**
   * The whole environment, but for DEAL_TRIAGE_TODAY, which is TODAY unless given here (give it as
   * undefined for a run on the system date): no test depends on the day it runs.
   */
  env?: Record<string, string | undefined>;
  /** Whether each stream is a terminal; none is when absent. */
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  stdinTTY?: boolean;
  /** Answers `new`'s questions. */
  prompter?: Prompter;
  /** What standard input holds (`triage -`); absent, there is none. */
  stdin?: string | Uint8Array;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrTTY ?? false },
    cwd: options.cwd ?? ROOT,
    env: { DEAL_TRIAGE_TODAY: TODAY, ...options.env },
    stdinIsTTY: options.stdinTTY ?? false,
    ...(options.prompter ? { prompter: options.prompter } : {}),
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(options.stdin)]) }),
  };
  const code = await execute(argv, io);
  return { code, stdout, stderr };
}
