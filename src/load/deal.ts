// The loading pipeline for one deal file, pure: bytes → text → YAML (with positions) → schema →
// a Deal, or every problem found, located. Reading the file is the caller's job.

import { DealSchema } from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';
import { parseDealFast } from '../schema/deal-validator.generated.js';
import { DEAL_KEYS } from './deal-keys.js';
import { decodeText } from './input.js';
import type { LoadResult } from './input.js';
import { listProblems } from './problem.js';
import { parseYaml } from './yaml-source.js';
import { issuesToProblems } from './zod-issues.js';

/** The positions `check` reports for every valid deal (its id, and a request for the CEO); the rest are found when a problem needs one. */
const EAGER_POSITIONS = [['id'], ['ceo', 'requested']] as const;

export interface DealLoadOptions {
  /** The currency of a deal that names none: the company's (default USD). */
  defaultCurrency?: string;
}

export function parseDeal(text: string, file: string, options: DealLoadOptions = {}): LoadResult<Deal> {
  const yaml = parseYaml(text, file, { eager: EAGER_POSITIONS, keys: DEAL_KEYS });
  if (!yaml.ok) return { ok: false, problems: listProblems(yaml.problems) };
  // Most files are valid: the validator generated from DealSchema gives the same Deal without zod's
  // cost, and zod runs only on the files it refuses, to word their problems.
  let data = parseDealFast(yaml.value);
  if (data === undefined) {
    const parsed = DealSchema.safeParse(yaml.value, { reportInput: true });
    if (!parsed.success) {
      return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, yaml.value, DealSchema, yaml.locator, file)) };
    }
    data = parsed.data;
  }
  // Both parsers give new objects: the currency is set in place (where a spread would copy the deal
  // twice over), last among value's keys when the file names none, as a spread would put it.
  data.value.currency ??= options.defaultCurrency ?? 'USD';
  return { ok: true, value: data as Deal, locator: yaml.locator };
}

/** Bytes as read from disk, checked for size and encoding first. */
export function parseDealBytes(bytes: Uint8Array, file: string, options: DealLoadOptions = {}): LoadResult<Deal> {
  const text = decodeText(bytes, file);
  return typeof text === 'string' ? parseDeal(text, file, options) : text;
}
