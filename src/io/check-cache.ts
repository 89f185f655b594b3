// The file of `check --cache` (what it keeps: src/check/cache.ts). Where it is, as ESLint's
// --cache-location: a file, or a folder (named so, or existing) that gets a file named from the
// working folder; `.deal-triage-cache` in the working folder by default.
//
// A cache is only ever a shortcut: one that is missing, stale, cut short, corrupt, of another shape,
// too large, a link, a pipe or unreadable is ignored and rewritten, never an error; one that cannot
// be written is a note. It is read without following a link, bounded in size, and written whole to
// a new file that then takes its name (never through a link), only when its text changed, holding
// the files of this run only: a file gone since is dropped.

import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import path from 'node:path';
import { CACHE_SIGNATURE, cacheKey, decodeEntry, parseCache, sameStamp, serializeCache } from '../check/cache.js';
import type { CacheKey, Stamp } from '../check/cache.js';
import type { FileReport } from '../check/file.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { ReportCache } from './check-files.js';
import { toolVersion } from './version.js';
import { writeFileAtomic } from './write-file.js';

export const DEFAULT_CACHE_LOCATION = '.deal-triage-cache';

/**
 * Beyond this a cache is not read: 1 MiB, and 16 KiB a file (a deal's entry is ~0.3 KiB; one with
 * a hundred problems, a few KiB), never more than 256 MiB, so a huge file in its place costs nothing.
 */
export function cacheLimit(files: number): number {
  return Math.min(256 * 1024 * 1024, 1024 * 1024 + files * 16 * 1024);
}

/**
 * The cache file a --cache-location names, as ESLint reads one: a path that ends in a separator,
 * or is a folder, gets a file named from the command's cache (`name`) and the working folder
 * (`keyedBy`, when more than it keys a cache) inside it (folders shared by projects keep one cache
 * each); any other path is the file. A link is not followed to tell: it is a file's name, and is
 * neither read nor written through.
 */
export async function cacheFileFor(location: string, cwd: string, name = DEFAULT_CACHE_LOCATION, keyedBy = cwd): Promise<string> {
  const normalized = path.normalize(location);
  const resolved = path.resolve(cwd, normalized);
  const namedAsFolder = normalized.endsWith(path.sep) || normalized.endsWith('/');
  const isFolder = await lstat(resolved).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!namedAsFolder && !isFolder) return resolved;
  return path.join(resolved, `${name}_${hash('sha256', keyedBy, 'hex').slice(0, 16)}`);
}

export interface CheckCache extends ReportCache {
  /** Writes what this run read; gives why it could not, in words, or undefined. */
  save(): Promise<string | undefined>;
}

/**
 * The cache at `file` for a run of `files` files with this config on the day `today`: empty when
 * there is none to use. `reasons`: the run's format prints each deal's reasons, so its reports have
 * them, and a kept report without them does not serve.
 */
export async function openCheckCache(file: string, config: ResolvedConfig, files: number, reasons: boolean, today: string): Promise<CheckCache> {
  const key = cacheKey(config, toolVersion(), process.version, today);
  const limit = cacheLimit(files);
  const found = await readBounded(file, limit);
  const text = found.kind === 'cache' ? found.text : undefined;
  const kept = text === undefined ? undefined : parseCache(text, key);
  return new FileCache(file, key, limit, reasons, kept, text, found.kind === 'foreign');
}

class FileCache implements CheckCache {
  private readonly read = new Map<string, { hash: string; report: FileReport; stamp: Stamp | undefined }>();
  /** The kept entries handed out, and how many of them were used as they are. */
  private readonly given = new Map<string, { hash: string; report: FileReport; stamp?: Stamp; raw: unknown }>();
  private reused = 0;
  /** Files recorded twice in one run (two files shown by one name): not kept, rather than kept wrong. */
  private readonly twice = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly key: CacheKey,
    private readonly limit: number,
    private readonly reasons: boolean,
    private readonly kept: Map<string, unknown> | undefined,
    private readonly previous: string | undefined,
    /** A file that is not a cache is where the cache would go: it is left as it is. */
    private readonly foreign: boolean,
  ) {}

  get(file: string) {
    const entry = this.kept?.get(file);
    const decoded = entry === undefined ? undefined : decodeEntry(entry, file, this.reasons);
    if (decoded) this.given.set(file, { ...decoded, raw: entry });
    return decoded;
  }

  set(file: string, hash: string, report: FileReport, stamp: Stamp | undefined): void {
    if (this.read.has(file)) this.twice.add(file);
    this.read.set(file, { hash, report, stamp });
    const given = this.usedAsGiven(file, hash, report);
    if (given && sameStamp(given.stamp, stamp)) this.reused += 1;
  }

  /** The entry handed out for the file, if the run used its report: the same bytes, the same report. */
  private usedAsGiven(file: string, hash: string, report: FileReport) {
    const given = this.given.get(file);
    return given?.hash === hash && given.report === report ? given : undefined;
  }

  async save(): Promise<string | undefined> {
    // Every entry used as it was, and no other: the file says what it would say (the warm run of a
    // large folder saves serialising it again only to find the same text).
    if (this.reused === this.read.size && this.reused === this.kept?.size && this.twice.size === 0) return undefined;
    // Sorted by name, code unit by code unit (workers record files in the order they finish).
    // An entry used as it was is written back as it was (with the reasons a run kept in it).
    const entries = [...this.read]
      .filter(([file]) => !this.twice.has(file))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([file, { hash, report, stamp }]) => {
        const given = this.usedAsGiven(file, hash, report);
        return { file, hash, report, stamp, reasons: this.reasons, ...(given && { raw: given.raw }) };
      });
    if (this.foreign) return FOREIGN_CACHE;
    const text = serializeCache(this.key, entries);
    if (text === this.previous) return undefined;
    // The next run would not read it: better none than one that is never used.
    if (Buffer.byteLength(text) > this.limit) return `it would be ${Buffer.byteLength(text).toLocaleString('en-US')} bytes, more than the ${this.limit.toLocaleString('en-US')} allowed for ${this.read.size.toLocaleString('en-US')} files`;
    return writeCacheText(this.file, text);
  }
}

/** Why a cache is not written where a file that is not a cache of this tool is. */
export const FOREIGN_CACHE = 'a file that is not a deal-triage cache is there, and it is not replaced; remove it, or give --cache-location another name';

/**
 * A cache's text, in place of the cache there (never through a link): why it could not be written,
 * in words, or undefined. `unsynced`: not synced first (see WriteOptions).
 */
export async function writeCacheText(file: string, text: string, unsynced = false): Promise<string | undefined> {
  const written = await writeFileAtomic(file, text, { overwrite: true, noFollow: true, unsynced });
  if (written.kind === 'written') return undefined;
  return written.kind === 'failed' ? written.reason : 'it exists';
}

/**
 * What is at the cache's place: a cache of this tool's (its text, when it can be used: valid UTF-8
 * and at most `limit` bytes), none (nothing there, or what cannot be read: a link, a pipe, a folder,
 * which the write then refuses in its own words), or a file that is not a cache. Opened without
 * following a link and without waiting (a pipe); only the first bytes of a file are read to tell.
 */
export type CacheFound = { kind: 'cache'; text: string | undefined } | { kind: 'none' } | { kind: 'foreign' };

export async function readBounded(file: string, limit: number): Promise<CacheFound> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'none' };
    const head = Buffer.alloc(CACHE_SIGNATURE.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    // An empty file is taken as a cache (a cut-short one, or one made to be filled).
    if (bytesRead > 0 && head.subarray(0, bytesRead).toString('latin1') !== CACHE_SIGNATURE.slice(0, bytesRead)) return { kind: 'foreign' };
    if (info.size > limit) return { kind: 'cache', text: undefined };
    // One byte more than its size: a file that grew while being read is not what was examined.
    const buffer = Buffer.allocUnsafe(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead: more } = await handle.read(buffer, length, buffer.length - length, length);
      if (more === 0) break;
      length += more;
    }
    if (length > info.size) return { kind: 'cache', text: undefined };
    const bytes = buffer.subarray(0, length);
    return { kind: 'cache', text: isUtf8(bytes) ? bytes.toString('utf8') : undefined };
  } catch {
    return { kind: 'none' };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
