// Standard input as a deal file (`deal-triage triage -`, the convention of ESLint's --stdin, cat and
// most Unix tools): read whole, under the same size limit as a file, then loaded like one, shown as
// `<stdin>`. A terminal as standard input is refused by the command rather than waited on silently.

import { MAX_FILE_BYTES } from '../load/limits.js';
import type { ReadOutcome } from './files.js';
import { describeFsError } from './fs-errors.js';

/** The argument that stands for standard input, and how it is shown in messages and output. */
export const STDIN_ARGUMENT = '-';
export const STDIN_NAME = '<stdin>';

/**
 * How much of an over-large input is read to say its size: past this, reading stops (a never-ending
 * producer, `yes |`, must not hold the run), and the size given is what was read.
 */
const MEASURE_AT_MOST = 64 * MAX_FILE_BYTES;

/** The bytes of `stream` to its end, as the file readers give them: kept up to the limit, then only counted. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<ReadOutcome> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.length;
      if (size <= MAX_FILE_BYTES) chunks.push(bytes);
      else if (size > MEASURE_AT_MOST) break;
    }
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  }
  if (size > MAX_FILE_BYTES) return { kind: 'too-large', size };
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { kind: 'ok', bytes };
}
