// The file of import's cache (what it keeps: src/import/cache.ts). Read and written as the file of
// `check --cache` is (./check-cache.ts), but on by default, unlike check's (an import is run week
// after week on the same folder by the same person), and kept out of the project: where
// --cache-location says, else in the user's cache folder. A cache that is missing, stale, cut
// short, corrupt, too large, a link or unreadable is ignored and rewritten, never an error; a file
// at its place that is not a cache of this tool is never replaced; one that cannot be written is a
// note when the user named its place. It holds the files of this run only (a file gone since is
// dropped), and is written only when its text changed.

import { hash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { cacheKey } from '../check/cache.js';
import type { CacheKey } from '../check/cache.js';
import { decodeKept, encodeKept, parseImportCache, serializeImportCache } from '../import/cache.js';
import type { KeptFile } from '../import/cache.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { cacheLimit, FOREIGN_CACHE, readBounded, writeCacheText } from './check-cache.js';
import { toolVersion } from './version.js';

/** The cache's name in a folder --cache-location names (with the hash of the working and deals folders after it). */
export const IMPORT_CACHE_NAME = '.deal-triage-import-cache';

/**
 * The folder this tool keeps its caches in for the user, as the platform has them: under
 * $XDG_CACHE_HOME, else ~/.cache, on Linux and the like; ~/Library/Caches on macOS; %LOCALAPPDATA%
 * on Windows. None when the environment names no such place (or a relative one): then there is no
 * cache unless --cache-location names one.
 */
export function userCacheFolder(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): { folder: string; base: string } | undefined {
  const absolute = (value: string | undefined) => (value !== undefined && value !== '' && path.isAbsolute(value) ? value : undefined);
  if (platform === 'win32') {
    const local = absolute(env.LOCALAPPDATA);
    return local === undefined ? undefined : { folder: path.join(local, 'deal-triage', 'Cache'), base: local };
  }
  const home = absolute(env.HOME);
  if (platform === 'darwin') return home === undefined ? undefined : { folder: path.join(home, 'Library', 'Caches', 'deal-triage'), base: home };
  const xdg = absolute(env.XDG_CACHE_HOME);
  // $XDG_CACHE_HOME itself may be made, as the XDG specification asks, but not the folders above it.
  if (xdg) return { folder: path.join(xdg, 'deal-triage'), base: path.dirname(xdg) };
  return home === undefined ? undefined : { folder: path.join(home, '.cache', 'deal-triage'), base: home };
}

/**
 * An import's cache when --cache-location names none: in the user's cache folder, one file per
 * working folder and deals folder (entries are kept under the names the files are shown by, which
 * the working folder makes), never in the project, where a pull request could put one. Only when
 * the folder above it that the environment names is there (the home folder, or the folder above
 * $XDG_CACHE_HOME): a home that does not exist, such as `/nonexistent`, is never made.
 */
export async function userImportCacheFile(env: Readonly<Record<string, string | undefined>>, cwd: string, into: string): Promise<string | undefined> {
  const found = userCacheFolder(env);
  if (found === undefined) return undefined;
  const base = await stat(found.base).catch(() => undefined);
  return base?.isDirectory() ? path.join(found.folder, `import-${importCacheKey(cwd, into)}`) : undefined;
}

/** What keys an import's cache file: the working folder and the deals folder. */
const importCacheKey = (cwd: string, into: string): string => hash('sha256', `${cwd}\u0000${into}`, 'hex').slice(0, 16);

/**
 * Beyond this many characters of entries a run keeps none (a note says so when the user named the
 * cache's place): an import of a million rows must not hold an entry for each of them. Some 100,000
 * deal files.
 */
const MAX_ENTRY_CHARS = 48 * 1024 * 1024;

export interface ImportCache {
  /** What is kept of the file (by the name it is shown by), if the cache holds a well-formed entry for it. */
  get(file: string): KeptFile | undefined;
  /** The file is as the cache kept it (get gave its entry, and its stamp says so): the entry stands as it is. */
  keep(file: string): void;
  /** The file as this run knows it otherwise: read, or written. */
  record(file: string, kept: KeptFile): void;
  /** The file is not as this run last knew it (a write that failed): read again next time. */
  forget(file: string): void;
  /** Writes what this run recorded; gives why it could not, in words, or undefined. */
  save(): Promise<string | undefined>;
}

/**
 * The cache at `file` for a folder of `files` files, with this config on the day `today`: empty
 * when there is none to use. `readOnly`: a dry run, which keeps nothing to write. `ours`: the file
 * is in this tool's own cache folder, where whatever has its name is a cache of ours, damaged if it
 * does not read as one (a crash can leave it full of zeros), and is replaced (never through a link).
 */
export async function openImportCache(file: string, config: ResolvedConfig, files: number, today: string, options: { readOnly?: boolean; ours?: boolean } = {}): Promise<ImportCache> {
  const key = cacheKey(config, toolVersion(), process.version, today);
  const found = await readBounded(file, cacheLimit(files));
  const text = found.kind === 'cache' ? found.text : undefined;
  return new FileImportCache(file, key, text === undefined ? undefined : parseImportCache(text, key), found.kind === 'foreign' && options.ours !== true, options.readOnly === true);
}

class FileImportCache implements ImportCache {
  /**
   * Each file of this run, encoded as it is to be written (strings, not objects: a re-import of
   * 10,000 files keeps 10,000 entries until it saves them), or null when the cache's entry for it
   * stands as it was (encoded again only if the cache is written).
   */
  private readonly entries = new Map<string, string | null>();
  /** The files whose entry stands as it was: when they are all the cache held, and all this run saw, it is not written again. */
  private readonly kept = new Set<string>();
  private chars = 0;
  private overflow = false;

  constructor(
    private readonly file: string,
    private readonly key: CacheKey,
    private readonly held: Map<string, unknown> | undefined,
    private readonly foreign: boolean,
    /** A dry run: the cache is read, and nothing is kept to write. */
    private readonly readOnly: boolean,
  ) {}

  get(file: string): KeptFile | undefined {
    const entry = this.held?.get(file);
    return entry === undefined ? undefined : decodeKept(entry);
  }

  keep(file: string): void {
    this.set(file, null);
    this.kept.add(file);
  }

  record(file: string, kept: KeptFile): void {
    const encoded = encodeKept(file, kept);
    if (encoded === undefined) this.forget(file);
    else this.set(file, encoded);
  }

  private set(file: string, encoded: string | null): void {
    if (this.overflow || this.readOnly) return;
    this.forget(file);
    this.entries.set(file, encoded);
    // A kept entry is counted at its size in the cache read.
    this.chars += encoded?.length ?? file.length + 512;
    if (this.chars > MAX_ENTRY_CHARS) {
      this.overflow = true;
      this.entries.clear();
      this.kept.clear();
    }
  }

  forget(file: string): void {
    const before = this.entries.get(file);
    if (before === undefined && !this.entries.has(file)) return;
    this.chars -= before?.length ?? file.length + 512;
    this.kept.delete(file);
    this.entries.delete(file);
  }

  async save(): Promise<string | undefined> {
    if (this.readOnly) return undefined;
    if (this.foreign) return FOREIGN_CACHE;
    if (this.overflow) return `it would be more than ${(MAX_ENTRY_CHARS / 1024 / 1024).toFixed(0)} MiB`;
    // Every entry stands as it was, and no other: the file says what it would say.
    if (this.kept.size === this.entries.size && this.kept.size === this.held?.size) return undefined;
    // Not synced: a cache a crash cuts short is ignored and written again.
    const encoded = new Map<string, string>();
    for (const [file, entry] of this.entries) encoded.set(file, entry ?? `${JSON.stringify(file)}:${JSON.stringify(this.held!.get(file))}`);
    return writeCacheText(this.file, serializeImportCache(this.key, encoded), true);
  }
}
