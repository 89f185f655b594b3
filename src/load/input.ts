// What every input file (a deal, the config) goes through before its own loader: the size limit
// and strict UTF-8, each failure a located problem; and the result shape every loader returns.

import { MAX_FILE_BYTES } from './limits.js';
import { problem } from './problem.js';
import type { Problem } from './problem.js';
import { decodeUtf8 } from './text.js';
import type { Locator } from './yaml-source.js';

export type LoadResult<T> = { ok: true; value: T; locator: Locator } | { ok: false; problems: Problem[] };

export function decodeText(bytes: Uint8Array, file: string): string | { ok: false; problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problems: [tooLarge(file, bytes.length)] };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, problems: [problem(file, decoded.at, 'file-encoding', decoded.message)] };
  return decoded.text;
}

export function tooLarge(file: string, size: number): Problem {
  return problem(
    file,
    { line: 1, column: 1 },
    'file-too-large',
    // In bytes: rounded to MiB, a file just over the limit would read "1.0 MiB; the limit is 1 MiB".
    `the file is ${size.toLocaleString('en-US')} bytes; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MiB (${MAX_FILE_BYTES.toLocaleString('en-US')} bytes)`,
  );
}
