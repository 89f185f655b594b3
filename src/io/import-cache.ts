// The file of `import --cache` (what it keeps: src/import/cache.ts). Found, read and written as the
// file of `check --cache` is (./check-cache.ts): where --cache-location says, `.deal-triage-import-cache`
// in the working folder by default; a cache that is missing, stale, cut short, corrupt, too large,
// a link or unreadable is ignored and rewritten, never an error; a file at its place that is not a
// cache of this tool is never replaced; one that cannot be written is a note. It holds the files of
// this run only (a file gone since is dropped), and is written only when its text changed.

import { cacheKey } from '../check/cache.js';
import type { CacheKey } from '../check/cache.js';
import { decodeKept, encodeKept, parseImportCache, serializeImportCache } from '../import/cache.js';
import type { KeptFile } from '../import/cache.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { cacheLimit, readBounded } from './check-cache.js';
import { toolVersion } from './version.js';
import { writeFileAtomic } from './write-file.js';

export const DEFAULT_IMPORT_CACHE_LOCATION = '.deal-triage-import-cache';

/**
 * Beyond this many files a run keeps none (a note says so): an import of a million rows must not
 * hold an entry for each of them.
 */
const MAX_ENTRIES = 200_000;

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

/** The cache at `file` for a folder of `files` files, with this config on the day `today`: empty when there is none to use. */
export async function openImportCache(file: string, config: ResolvedConfig, files: number, today: string): Promise<ImportCache> {
  const key = cacheKey(config, toolVersion(), process.version, today);
  const found = await readBounded(file, cacheLimit(files));
  const text = found.kind === 'cache' ? found.text : undefined;
  return new FileImportCache(file, key, text === undefined ? undefined : parseImportCache(text, key), found.kind === 'foreign');
}

class FileImportCache implements ImportCache {
  /** Each file of this run: what it is now, or (kept) the cache's entry for it, which stands as it was. */
  private readonly entries = new Map<string, KeptFile | { raw: unknown }>();
  /** The files whose entry stands as it was: when they are all the cache held, and all this run saw, it is not written again. */
  private readonly kept = new Set<string>();
  private overflow = false;

  constructor(
    private readonly file: string,
    private readonly key: CacheKey,
    private readonly held: Map<string, unknown> | undefined,
    private readonly foreign: boolean,
  ) {}

  get(file: string): KeptFile | undefined {
    const entry = this.held?.get(file);
    return entry === undefined ? undefined : decodeKept(entry);
  }

  keep(file: string): void {
    this.set(file, { raw: this.held!.get(file) });
    this.kept.add(file);
  }

  record(file: string, kept: KeptFile): void {
    this.set(file, kept);
  }

  private set(file: string, entry: KeptFile | { raw: unknown }): void {
    if (this.overflow) return;
    this.kept.delete(file);
    this.entries.set(file, entry);
    if (this.entries.size > MAX_ENTRIES) {
      this.overflow = true;
      this.entries.clear();
      this.kept.clear();
    }
  }

  forget(file: string): void {
    this.kept.delete(file);
    this.entries.delete(file);
  }

  async save(): Promise<string | undefined> {
    if (this.foreign) return 'a file that is not a deal-triage cache is there, and it is not replaced; remove it, or give --cache-location another name';
    if (this.overflow) return `it would hold more than ${MAX_ENTRIES.toLocaleString('en-US')} files`;
    // Every entry stands as it was, and no other: the file says what it would say.
    if (this.kept.size === this.entries.size && this.kept.size === this.held?.size) return undefined;
    const encoded = new Map<string, string>();
    for (const [file, entry] of this.entries) {
      const text = 'raw' in entry ? `${JSON.stringify(file)}:${JSON.stringify(entry.raw)}` : encodeKept(file, entry);
      if (text !== undefined) encoded.set(file, text);
    }
    const written = await writeFileAtomic(this.file, serializeImportCache(this.key, encoded), { overwrite: true, noFollow: true });
    if (written.kind === 'written') return undefined;
    return written.kind === 'failed' ? written.reason : 'it exists';
  }
}
