// The loading pipeline for one deal file, pure: bytes → text → YAML (with positions) → schema →
// a Deal, or every problem found, located. Reading the file is the caller's job.

import { DealSchema } from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';
import { MAX_FILE_BYTES } from './limits.js';
import { listProblems, problem } from './problem.js';
import type { Problem } from './problem.js';
import { decodeUtf8 } from './text.js';
import { parseYaml } from './yaml-source.js';
import type { Locator } from './yaml-source.js';
import { issuesToProblems } from './zod-issues.js';

export interface DealLoadOptions {
  /** The currency of a deal that names none: the company's (default USD). */
  defaultCurrency?: string;
}

export type LoadResult<T> = { ok: true; value: T; locator: Locator } | { ok: false; problems: Problem[] };

export function parseDeal(text: string, file: string, options: DealLoadOptions = {}): LoadResult<Deal> {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) return { ok: false, problems: listProblems(yaml.problems) };
  const parsed = DealSchema.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, yaml.value, DealSchema, yaml.locator, file)) };
  }
  const deal: Deal = {
    ...parsed.data,
    value: { ...parsed.data.value, currency: parsed.data.value.currency ?? options.defaultCurrency ?? 'USD' },
  };
  return { ok: true, value: deal, locator: yaml.locator };
}

/** Bytes as read from disk, checked for size and encoding first. */
export function parseDealBytes(bytes: Uint8Array, file: string, options: DealLoadOptions = {}): LoadResult<Deal> {
  const text = decodeText(bytes, file);
  return typeof text === 'string' ? parseDeal(text, file, options) : text;
}

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
