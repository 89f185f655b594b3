// What `import --cache` keeps, pure: of each deal file in the folder, what a re-import needs of it
// (its id, its CRM record, its values of the fields an import may own, its verdict), under the hash
// of the file's content, so that a file that has not changed since is neither parsed nor decided
// again. It is the same kind of shortcut as `check --cache` (src/check/cache.ts), and is keyed the
// same way: the tool, the day (a verdict may change when a date passes) and the resolved config as
// a whole (its rules make the verdict, its currency is a deal's when it names none). A file that is
// not a valid deal is kept too, as such: it is left alone and said so, without reading it again.
//
// The cache file is as hostile as any input: every entry is checked for its exact shape and types
// before it is used (an id as ids are, a verdict of the three, each owned value a string, a finite
// number, a boolean or nothing), and what it holds reaches the output only through the formatters,
// which sanitise what they print. Deterministic: entries sorted by file, no timestamps of its own.

import type { Verdict } from '../engine/types.js';
import { cacheEntries, isStamp } from '../check/cache.js';
import type { CacheKey, Stamp } from '../check/cache.js';
import { ID_PATTERN } from '../schema/common.js';
import { IMPORT_FIELD_NAMES } from './fields.js';
import type { OwnedValues } from './deal-text.js';

/** The layout of an import cache; a cache of another layout (or check's) is ignored and rewritten. */
export const IMPORT_CACHE_FORMAT = 1;
const TOOL = 'deal-triage';

/** What a re-import needs of a valid deal file. */
export interface KeptDeal {
  id: string;
  crm: { source: string; id: string } | undefined;
  owned: OwnedValues;
  /** Undefined when the run that kept it did not decide it (--quiet). */
  verdict: Verdict | undefined;
}

/** A file as kept: the hash of its bytes, the deal they make (null: not a valid deal) and its stamp, when kept. */
export interface KeptFile {
  hash: string;
  deal: KeptDeal | null;
  stamp?: Stamp;
}

/**
 * One file's entry as written, or undefined when the deal holds a value the cache cannot keep
 * exactly (anything but a string, a finite number, a boolean or nothing): such a file is simply
 * read again next time.
 */
export function encodeKept(file: string, kept: KeptFile): string | undefined {
  let deal: unknown[] | null = null;
  if (kept.deal) {
    const { id, crm, owned, verdict } = kept.deal;
    for (const value of owned) if (value !== undefined && !isKeptValue(value)) return undefined;
    // JSON writes an undefined value of an array as null, as decodeKept reads it back.
    deal = [id, crm?.source ?? null, crm?.id ?? null, owned, verdict ?? null];
  }
  return `${JSON.stringify(file)}:${JSON.stringify(kept.stamp ? [kept.hash, deal, kept.stamp] : [kept.hash, deal])}`;
}

/** The cache file's text: the key, then the encoded entries (encodeKept), sorted by file. */
export function serializeImportCache(key: CacheKey, entries: ReadonlyMap<string, string>): string {
  const files = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((file) => entries.get(file)!);
  const head = JSON.stringify({ tool: TOOL, import: IMPORT_CACHE_FORMAT, ...key });
  return `${head.slice(0, -1)},"files":{${files.join(',')}}}\n`;
}

/**
 * The entries of a cache file's text, by file as shown, still encoded (each is checked when it is
 * used), or undefined when the text is not an import cache of this key: another tool, layout,
 * version, day or config (a `check --cache` file among them), or not JSON at all.
 */
export function parseImportCache(text: string, key: CacheKey): Map<string, unknown> | undefined {
  return cacheEntries(text, key, 'import', IMPORT_CACHE_FORMAT);
}

/** An entry as encodeKept writes it, decoded; undefined when it is of any other shape. */
export function decodeKept(entry: unknown): KeptFile | undefined {
  if (!Array.isArray(entry) || entry.length < 2 || entry.length > 3) return undefined;
  const [hash, deal, stamp] = entry as unknown[];
  if (typeof hash !== 'string' || hash.length === 0 || hash.length > 128) return undefined;
  if (entry.length === 3 && !isStamp(stamp)) return undefined;
  const stamped = entry.length === 3 ? { stamp: stamp as Stamp } : {};
  if (deal === null) return { hash, deal: null, ...stamped };
  if (!Array.isArray(deal) || deal.length !== 5) return undefined;
  const [id, source, crmId, values, verdict] = deal as unknown[];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined;
  if (!(source === null && crmId === null) && !(isText(source) && isText(crmId))) return undefined;
  if (!Array.isArray(values) || values.length !== IMPORT_FIELD_NAMES.length) return undefined;
  if (!(verdict === null || verdict === 'join' || verdict === 'wait' || verdict === 'decline')) return undefined;
  const owned: unknown[] = [];
  for (const value of values as unknown[]) {
    if (value === null) owned.push(undefined);
    else if (isKeptValue(value)) owned.push(value);
    else return undefined;
  }
  // The owned id is the deal's id, and its CRM id the record's: an entry that says otherwise was not written by this tool.
  const crm = isText(source) && isText(crmId) ? { source, id: crmId } : undefined;
  if (owned[IMPORT_FIELD_NAMES.indexOf('id')] !== id || owned[IMPORT_FIELD_NAMES.indexOf('crm.id')] !== crm?.id) return undefined;
  return { hash, deal: { id, crm, owned, verdict: verdict ?? undefined }, ...stamped };
}

const isKeptValue = (value: unknown): boolean => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
