// The process's streams and environment, passed in so tests drive the real CLI in-process.

import type { Prompter } from '../questionnaire/prompter.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  /** What `new`'s questions read from the terminal: may be absent where a `prompter` answers them. */
  stdin?: NodeJS.ReadableStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTTY: boolean;
  /** Answers `new`'s questions; absent, the terminal does, on stdin and stdout (loaded only when `new` runs). */
  prompter?: Prompter;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
  };
}
