// The loading pipeline for one deal file, pure: bytes → text → YAML (with positions) → schema →
// a Deal, or every problem found, located. Reading the file is the caller's job. Most files are
// valid: the validator generated from DealSchema (./deal-quick.ts) gives the same Deal without zod's
// cost, and zod runs only on the files it refuses, to word their problems.

import { DealSchema } from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';
import { decodeText } from './input.js';
import type { LoadResult } from './input.js';
import { listProblems } from './problem.js';
import { parseDealQuick, withCurrency } from './deal-quick.js';
import type { DealLoadOptions, RefusedDeal } from './deal-quick.js';
import { issuesToProblems } from './zod-issues.js';

export type { DealLoadOptions, RefusedDeal } from './deal-quick.js';

export function parseDeal(text: string, file: string, options: DealLoadOptions = {}): LoadResult<Deal> {
  const quick = parseDealQuick(text, file, options);
  return 'refused' in quick ? wordDealProblems(quick) : quick;
}

/** A file the fast validator refused, through zod: its problems, located. */
export function wordDealProblems(refused: RefusedDeal): LoadResult<Deal> {
  const parsed = DealSchema.safeParse(refused.value, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, refused.value, DealSchema, refused.locator, refused.file)) };
  }
  return withCurrency(parsed.data, refused.locator, refused.options);
}

/** Bytes as read from disk, checked for size and encoding first. */
export function parseDealBytes(bytes: Uint8Array, file: string, options: DealLoadOptions = {}): LoadResult<Deal> {
  const text = decodeText(bytes, file);
  return typeof text === 'string' ? parseDeal(text, file, options) : text;
}
