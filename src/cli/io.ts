// The process's streams and environment, passed in so tests drive the real CLI in-process.

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTTY: boolean;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
  };
}
