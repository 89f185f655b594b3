// The loading pipeline for one deal file without zod: text → YAML (with positions) → the validator
// generated from the deal schema. A valid file comes out a Deal; a file the validator refuses comes
// out `refused`, parsed, for ./deal.ts to word its problems with zod. `triage` of a valid deal so
// never loads zod (its start-up is most of what it costs); `check` and the library go through
// ./deal.ts, which does both steps.

// Types only: erased from the build, so zod is not loaded through them.
import type { Deal, ParsedDeal } from '../schema/deal.js';
import { parseDealFast } from '../schema/deal-validator.generated.js';
import { DEAL_KEYS } from './deal-keys.js';
import type { LoadResult } from './input.js';
import { listProblems } from './problem.js';
import { parseYaml } from './yaml-source.js';
import type { Locator } from './yaml-source.js';

/** The positions `check` reports for every valid deal (its id, and a request for the CEO); the rest are found when a problem needs one. */
const EAGER_POSITIONS = [['id'], ['ceo', 'requested']] as const;

export interface DealLoadOptions {
  /** The currency of a deal that names none: the company's (default USD). */
  defaultCurrency?: string;
}

/** A deal file that parsed as YAML but that the fast validator refused: zod says why (./deal.ts). */
export interface RefusedDeal {
  refused: true;
  value: unknown;
  locator: Locator;
  file: string;
  options: DealLoadOptions;
}

export function parseDealQuick(text: string, file: string, options: DealLoadOptions = {}): LoadResult<Deal> | RefusedDeal {
  const yaml = parseYaml(text, file, { eager: EAGER_POSITIONS, keys: DEAL_KEYS });
  if (!yaml.ok) return { ok: false, problems: listProblems(yaml.problems) };
  const data = parseDealFast(yaml.value);
  if (data === undefined) return { refused: true, value: yaml.value, locator: yaml.locator, file, options };
  return withCurrency(data, yaml.locator, options);
}

/** The deal with its currency: the file's, or the company's. */
export function withCurrency(data: ParsedDeal, locator: Locator, options: DealLoadOptions): LoadResult<Deal> {
  // Both parsers give new objects: the currency is set in place (where a spread would copy the deal
  // twice over), last among value's keys when the file names none, as a spread would put it.
  data.value.currency ??= options.defaultCurrency ?? 'USD';
  return { ok: true, value: data as Deal, locator };
}
