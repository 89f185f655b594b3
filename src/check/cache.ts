// What `check --cache` keeps, pure: a file's report is a function of its bytes, the name it is
// shown by, the resolved config, the day it is checked on (a close date passes), and the tool (its
// version, and Node's, whose number formatting the messages use). So the cache is keyed on the tool,
// the day and a hash of the config as a whole, and each
// entry on the file as shown and the hash of its content (never its mtime: a `git clone` changes
// every mtime and none of the content). A renamed or moved file is a new entry: its report carries
// its name, which the cache never rewrites. An entry may also keep the file's stamp (what the file
// system says of it), which spares reading a file that has not been touched since it was hashed.
//
// The cache file is as hostile as any input (a pull request can add one): every entry is checked
// for its exact shape and types before its report is used, and its text reaches the output only
// through the formatters, which sanitise what they print. Compact (arrays, no `file` fields: the
// entry's name is every `file` of its report) and deterministic (entries in the files' order, no
// timestamps of its own), so the same run over untouched files writes the same bytes.

import { hash } from 'node:crypto';
import type { Verdict } from '../engine/types.js';
import type { Position, Problem, Severity } from '../load/problem.js';
import { MAX_PROBLEMS_PER_FILE } from '../load/limits.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { ID_PATTERN } from '../schema/common.js';
import type { DealSummary, FileReport } from './file.js';

/** The layout of the cache file; a cache of another layout is ignored and rewritten. 3: a deal says whether an override is in force. */
export const CACHE_FORMAT = 3;
const TOOL = 'deal-triage';
/**
 * How every cache file this tool writes begins (serializeCache). A file at the cache's place that
 * begins otherwise is someone else's, and is never replaced: --cache-location pointed at
 * package.json must not turn it into a cache.
 */
export const CACHE_SIGNATURE = `{"tool":${JSON.stringify(TOOL)},`;

/**
 * A file's content hash: SHA-256, which costs ~1 µs for a 700-byte deal (SHA-1 0.9 µs, MD5 1.8 µs)
 * and, unlike SHA-1, cannot be made to collide: two files with one hash would share one report.
 */
export function contentHash(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'base64');
}

/** What the run is: a cache made by another is stale as a whole. */
export interface CacheKey {
  version: string;
  node: string;
  /** The hash of the resolved config, with the company's currency (a deal's currency when it names none). */
  config: string;
  /** The day checked on (--today): a report made on another day may say another thing. */
  today: string;
}

export function cacheKey(config: ResolvedConfig, version: string, node: string, today: string): CacheKey {
  const keyed = canonicalJson({ config, defaultCurrency: config.company.currency });
  return { version, node, config: hash('sha256', keyed, 'base64'), today };
}

/**
 * JSON with every object's keys sorted, so equal configs give equal text whatever order their keys
 * were built in. Undefined and functions are left out, as JSON.stringify does; a number JSON has no
 * text for (Infinity, NaN) is written as a string that no JSON number could be, so it does not read
 * as null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : `"#${String(value)}"`;
  if (typeof value === 'bigint') return `"#${value}n"`;
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    const parts = keys.flatMap((key) => {
      const item = record[key];
      return item === undefined || typeof item === 'function' ? [] : [`${JSON.stringify(key)}:${canonicalJson(item)}`];
    });
    return `{${parts.join(',')}}`;
  }
  return 'null';
}

/**
 * What the file system says of a file: [device, inode, size, mtime, ctime] (the times in
 * milliseconds, with their fractions). Kept with a file's content hash when the file had not
 * changed for a while before it was read (see STAMP_SETTLED_MS): while the file system says the
 * same of it, it holds the bytes that were hashed, and the next run need not read it. A `git
 * clone`, a copy or a touch gives another stamp, and the file is read and hashed again: its
 * content, not its stamp, is what its report is kept under.
 */
export type Stamp = [number, number, number, number, number];

/**
 * How long a file must have been unchanged when it is read for its stamp to be kept. A file
 * changed again within one tick of the file system's clock (up to 2 s on some file systems) can
 * keep its stamp with other bytes; one unchanged for longer cannot change without a later mtime
 * or ctime.
 */
export const STAMP_SETTLED_MS = 2_000;

/** A file's stamp as read, when it is to be kept: neither its mtime nor its ctime later than `settled`. */
export function settledStamp(stamp: Stamp | undefined, settled: number): Stamp | undefined {
  return stamp !== undefined && stamp[3] <= settled && stamp[4] <= settled ? stamp : undefined;
}

export function sameStamp(a: Stamp | undefined, b: Stamp | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}

/** One file's entry as written: [content hash, problems, deal or null, stamp when kept]. */
type Entry = [string, unknown[], unknown[] | null] | [string, unknown[], unknown[] | null, Stamp];

/** A file's entry to write: its report, or (`raw`) the entry a cache held for it, written back as it was. */
export interface CacheRecord {
  file: string;
  hash: string;
  report: FileReport;
  /** The report was made with its deal's reasons (a format that prints them asked for them). */
  reasons: boolean;
  stamp?: Stamp | undefined;
  /** An entry decodeEntry accepted: written with this record's stamp in place of its own. */
  raw?: unknown;
}

/**
 * The cache file's text: the key, then one entry per file, in the order given. A deal's reasons
 * are kept only when the run made them (only the formats that print them ask): a cache for
 * `stylish` is half the size, and half the work to read back. An entry used as it was is written
 * back as it was, with the reasons an earlier run kept in it.
 */
export function serializeCache(key: CacheKey, entries: readonly CacheRecord[]): string {
  // No prototype: a file named `__proto__` is an entry like any other.
  const files = Object.create(null) as Record<string, unknown>;
  for (const { file, hash: digest, report, reasons, stamp, raw } of entries) {
    const entry: Entry = raw ? [digest, (raw as unknown[])[1] as unknown[], (raw as unknown[])[2] as unknown[] | null] : [digest, report.problems.map(encodeProblem), report.deal ? encodeDeal(report.deal, reasons) : null];
    if (stamp) entry.push(stamp);
    files[file] = entry;
  }
  return `${JSON.stringify({ tool: TOOL, format: CACHE_FORMAT, ...key, files })}\n`;
}

/**
 * The entries of a cache file's text, by file as shown, still encoded (each is checked when it is
 * used), or undefined when the text is not a cache of this key: another tool, layout, version or
 * config, or not JSON at all.
 */
export function parseCache(text: string, key: CacheKey): Map<string, unknown> | undefined {
  const files = cacheFiles(text, key, 'format', CACHE_FORMAT);
  if (!isRecord(files)) return undefined;
  // A Map: a file may be named `__proto__` or `constructor` (a path named on the command line can
  // have any name), which an object would answer for.
  const entries = new Map<string, unknown>();
  for (const name in files) if (Object.hasOwn(files, name)) entries.set(name, files[name]);
  return entries;
}

/**
 * The `files` of a cache file of this tool whose `layoutField` is `layout` (check's caches say
 * `format`, import's `import`: neither is taken for the other), made for `key`; undefined when the
 * text is not such a cache.
 */
export function cacheFiles(text: string, key: CacheKey, layoutField: string, layout: number): unknown {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(document) || document.tool !== TOOL || document[layoutField] !== layout) return undefined;
  if (document.version !== key.version || document.node !== key.node || document.config !== key.config || document.today !== key.today) return undefined;
  return document.files;
}

/**
 * An entry's content hash and report, or undefined when it is not exactly the shape serializeCache
 * writes, or is of a deal whose reasons were not kept and `reasons` asks for them. Without
 * `reasons`, a deal's reasons are neither read nor given (the report has none, as one made
 * without them).
 */
export function decodeEntry(entry: unknown, file: string, reasons = true): { hash: string; report: FileReport; stamp?: Stamp } | undefined {
  if (!Array.isArray(entry) || entry.length < 3 || entry.length > 4) return undefined;
  const [digest, problems, deal, stamp] = entry as unknown[];
  if (typeof digest !== 'string' || !Array.isArray(problems) || problems.length > MAX_PROBLEMS_PER_FILE + 1) return undefined;
  if (entry.length === 4 && !isStamp(stamp)) return undefined;
  const decoded: Problem[] = [];
  for (const item of problems) {
    const p = decodeProblem(item, file);
    if (!p) return undefined;
    decoded.push(p);
  }
  const stamped = entry.length === 4 ? { stamp: stamp as Stamp } : {};
  if (deal === null) return { hash: digest, report: { file, problems: decoded }, ...stamped };
  const summary = decodeDeal(deal, reasons);
  return summary ? { hash: digest, report: { file, problems: decoded, deal: summary }, ...stamped } : undefined;
}

function encodeProblem(p: Problem): unknown[] {
  return [p.line, p.column, p.rule, p.severity, p.message];
}

function decodeProblem(value: unknown, file: string): Problem | undefined {
  if (!Array.isArray(value) || value.length !== 5) return undefined;
  const [line, column, rule, severity, message] = value as unknown[];
  if (!isPlace(line) || !isPlace(column) || !isRuleId(rule) || !isSeverity(severity) || typeof message !== 'string') return undefined;
  return { file, line, column, rule, severity, message };
}

function encodeDeal(deal: DealSummary, withReasons: boolean): unknown[] {
  const reasons = withReasons ? deal.reasons.map(({ rule, message }) => [rule, message]) : null;
  const { idAt, requestedAt } = deal;
  return [deal.id, deal.name, deal.verdict, reasons, deal.potentialValue, deal.currency, deal.ceoRequested, idAt.line, idAt.column, requestedAt.line, requestedAt.column, deal.overridden];
}

function decodeDeal(value: unknown, withReasons: boolean): DealSummary | undefined {
  if (!Array.isArray(value) || value.length !== 12) return undefined;
  const [id, name, verdict, reasons, potentialValue, currency, ceoRequested, idLine, idColumn, requestedLine, requestedColumn, overridden] = value as unknown[];
  if (typeof overridden !== 'boolean') return undefined;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof name !== 'string' || !isVerdict(verdict)) return undefined;
  if (typeof potentialValue !== 'number' || !Number.isFinite(potentialValue) || potentialValue < 0) return undefined;
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency) || typeof ceoRequested !== 'boolean') return undefined;
  if (!isPlace(idLine) || !isPlace(idColumn) || !isPlace(requestedLine) || !isPlace(requestedColumn)) return undefined;
  const idAt: Position = { line: idLine, column: idColumn };
  const requestedAt: Position = { line: requestedLine, column: requestedColumn };
  if (!withReasons) return reasons === null || Array.isArray(reasons) ? { id, name, verdict, reasons: [], potentialValue, currency, ceoRequested, overridden, idAt, requestedAt } : undefined;
  if (!Array.isArray(reasons) || reasons.length > MAX_PROBLEMS_PER_FILE + 1) return undefined;
  const decoded: DealSummary['reasons'] = [];
  for (const reason of reasons as unknown[]) {
    if (!Array.isArray(reason) || reason.length !== 2) return undefined;
    const [rule, message] = reason as unknown[];
    if (!isRuleId(rule) || typeof message !== 'string') return undefined;
    decoded.push({ rule, message });
  }
  return { id, name, verdict, reasons: decoded, potentialValue, currency, ceoRequested, overridden, idAt, requestedAt };
}

export const isStamp = (value: unknown): value is Stamp =>
  Array.isArray(value) && value.length === 5 && value.every((part) => typeof part === 'number' && Number.isFinite(part));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPlace = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
// Rule ids are printed as they are (stylish dims them, unsanitised): only the ids a rule can have.
const isRuleId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
const isSeverity = (value: unknown): value is Severity => value === 'error' || value === 'warning';
const isVerdict = (value: unknown): value is Verdict => value === 'join' || value === 'wait' || value === 'decline';
