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
import { cacheFiles, isStamp } from '../check/cache.js';
import type { CacheKey, Stamp } from '../check/cache.js';
import { ID_PATTERN } from '../schema/common.js';
import { IMPORT_FIELD_NAMES } from './fields.js';
import type { OwnedValues } from './deal-text.js';

/**
 * The layout of an import cache; a cache of another layout (or check's) is ignored and rewritten.
 * 2: `files` is a list of entries, each with its file first (a list reads back in half the time of
 * an object with a key per file).
 */
export const IMPORT_CACHE_FORMAT = 2;
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
  return JSON.stringify(kept.stamp ? [file, kept.hash, deal, kept.stamp] : [file, kept.hash, deal]);
}

/** The cache file's text: the key, then the encoded entries (encodeKept), sorted by file. */
export function serializeImportCache(key: CacheKey, entries: ReadonlyMap<string, string>): string {
  const files = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((file) => entries.get(file)!);
  const head = JSON.stringify({ tool: TOOL, import: IMPORT_CACHE_FORMAT, ...key });
  return `${head.slice(0, -1)},"files":[${files.join(',')}]}\n`;
}

/**
 * The entries of a cache file's text, by file as shown, still encoded (each is checked when it is
 * used), or undefined when the text is not an import cache of this key: another tool, layout,
 * version, day or config (a `check --cache` file among them), or not JSON at all. An entry whose
 * first item is not a file name is left out.
 */
export function parseImportCache(text: string, key: CacheKey): Map<string, unknown> | undefined {
  const files = cacheFiles(text, key, 'import', IMPORT_CACHE_FORMAT);
  if (!Array.isArray(files)) return undefined;
  // A Map: a file may be named `__proto__`.
  const entries = new Map<string, unknown>();
  for (const entry of files as unknown[]) if (Array.isArray(entry) && typeof entry[0] === 'string') entries.set(entry[0], entry);
  return entries;
}

/** An entry as encodeKept writes it ([file, hash, deal, stamp?]), decoded; undefined when it is of any other shape. */
export function decodeKept(entry: unknown): KeptFile | undefined {
  if (!Array.isArray(entry) || entry.length < 3 || entry.length > 4) return undefined;
  const hash: unknown = entry[1];
  const deal: unknown = entry[2];
  const stamp: unknown = entry[3];
  if (typeof hash !== 'string' || hash.length === 0 || hash.length > 128) return undefined;
  if (entry.length === 4 && !isStamp(stamp)) return undefined;
  const stamped = entry.length === 4 ? (stamp as Stamp) : undefined;
  if (deal === null) return stamped ? { hash, deal: null, stamp: stamped } : { hash, deal: null };
  if (!Array.isArray(deal) || deal.length !== 5) return undefined;
  const [id, source, crmId, values, verdict] = deal as unknown[];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined;
  if (!(source === null && crmId === null) && !(isText(source) && isText(crmId))) return undefined;
  if (!Array.isArray(values) || values.length !== IMPORT_FIELD_NAMES.length) return undefined;
  if (!(verdict === null || verdict === 'join' || verdict === 'wait' || verdict === 'decline')) return undefined;
  // In place (the cache's entry is read once): the array read is the deal's owned values, a null
  // in it standing for no value.
  const owned = values as unknown[];
  for (let i = 0; i < owned.length; i++) {
    const value = owned[i];
    if (value === null || value === undefined) owned[i] = undefined;
    else if (!isKeptValue(value)) return undefined;
  }
  // The owned id is the deal's id, and its CRM id the record's: an entry that says otherwise was not written by this tool.
  const crm = isText(source) && isText(crmId) ? { source, id: crmId } : undefined;
  if (owned[ID_PLACE] !== id || owned[CRM_ID_PLACE] !== crm?.id) return undefined;
  const kept: KeptFile = { hash, deal: { id, crm, owned, verdict: verdict ?? undefined } };
  if (stamped) kept.stamp = stamped;
  return kept;
}

const ID_PLACE = IMPORT_FIELD_NAMES.indexOf('id');
const CRM_ID_PLACE = IMPORT_FIELD_NAMES.indexOf('crm.id');
const isKeptValue = (value: unknown): boolean => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
