// Many files written as one change (import): each text goes to a temporary file beside its target as
// soon as it is known; once the caller knows the whole run is good, every temporary file takes its
// target's name (commit); a run that stops before that removes them all (discard), so nothing
// partial is ever left in the folder. A target only ever gets a whole text, as with
// writeFileAtomic: link() to create (which refuses a name anything took since), rename() to
// replace a regular file (never a link, nor through one).
//
// Blocking calls, one file after another: most of a small file's cost is the file system's own
// work in the kernel, which does not go faster from several threads at once, and each
// asynchronous call adds a promise and a thread hand-over to that (bench/import.js measures both).
//
// Into a folder that does not exist yet (a team's first import), the files are written under their
// own names into a hidden folder beside it, which takes the folder's name at the end: one rename for
// the whole import, where a file at a time would cost a link and an unlink each. Should the folder
// appear meanwhile, each file is linked into it as above.
//
// On disk: a replacement is synced before it takes the name, as writeFileAtomic does, because the
// file it replaces holds someone's work. A new file is not: thousands of syncs would cost more than
// the rest of an import, and the worst a crash can do to a new file is leave it empty, which `check`
// reports and which the same import, run again, writes anew.

import { chmodSync, closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describeFsError, kindOf } from './fs-errors.js';
import { createFrom, tempBeside, TEMP_NAME, writerToken } from './write-file.js';

export interface StagedFailure {
  target: string;
  reason: string;
  /** It was to replace a file (not create one). */
  replace: boolean;
}

interface Staged {
  target: string;
  replace: boolean;
}

export class StagedWrites {
  readonly #folder: string;
  readonly #token = writerToken();
  readonly #staged: Staged[] = [];
  /** The first write that failed: no other is tried. */
  #failure: StagedFailure | undefined;
  /** The first folder mkdir made, to remove again on discard (only when it is empty). */
  #made: string | undefined | null = null;
  /** Set when the folder did not exist: the hidden folder beside it that takes its name on commit. */
  #staging: string | undefined;

  constructor(folder: string) {
    this.#folder = path.resolve(folder);
  }

  /** When the folder does not exist: the folders above it, and the hidden folder that becomes it on commit. */
  #prepare(): void {
    if (lstatSync(this.#folder, { throwIfNoEntry: false }) !== undefined) {
      this.#made = undefined;
      return;
    }
    this.#made = mkdirSync(path.dirname(this.#folder), { recursive: true });
    const staging = tempBeside(this.#folder, this.#token);
    mkdirSync(staging);
    this.#staging = staging;
  }

  get size(): number {
    return this.#staged.length;
  }

  /** The first write that failed. */
  get failure(): StagedFailure | undefined {
    return this.#failure;
  }

  /**
   * Writes `text` to a temporary file beside `target` (a file directly in the folder), or, into a
   * folder that did not exist, under the target's own name in the hidden folder that becomes it.
   */
  stage(target: string, text: string | Uint8Array, options: { replace: boolean }): void {
    if (this.#failure) return;
    try {
      if (this.#made === null) this.#prepare();
      const fd = openSync(this.#temp(target), 'wx', 0o666);
      this.#staged.push({ target, replace: options.replace });
      try {
        if (typeof text === 'string') writeSync(fd, text);
        else writeSync(fd, text);
        if (options.replace) fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      this.#failure = { target, reason: describeFsError(error), replace: options.replace };
    }
  }

  /** Every staged file takes its target's name, in order; what could not is returned with why. The caller has checked `failure` first. */
  commit(): StagedFailure[] {
    if (this.#staging !== undefined) {
      try {
        // Refused when the folder appeared meanwhile, and is not empty or is not a folder.
        renameSync(this.#staging, this.#folder);
        return [];
      } catch {
        // The folder appeared meanwhile: each file then takes its name in it, as into one that
        // existed, if it is a real folder (not a link to one elsewhere).
        const reason = this.#intoFolderAsItIs();
        if (reason !== undefined) {
          this.#removeStaging();
          return this.#staged.map((entry) => ({ target: entry.target, reason, replace: entry.replace }));
        }
      }
    }
    const failures: StagedFailure[] = [];
    for (const entry of this.#staged) {
      const reason = this.#commitOne(entry);
      if (reason !== undefined) failures.push({ target: entry.target, reason, replace: entry.replace });
    }
    this.#removeStaging();
    return failures;
  }

  /** Removes every temporary file, and the folders stage() made if they are left empty. */
  discard(): void {
    if (this.#staging !== undefined) {
      this.#removeStaging();
    } else {
      for (const entry of this.#staged) {
        try {
          unlinkSync(this.#temp(entry.target));
        } catch {
          // Gone already.
        }
      }
    }
    if (typeof this.#made === 'string') {
      // From the deepest folder made up to the first: each only if nothing else is in it.
      for (let dir = this.#staging === undefined ? this.#folder : path.dirname(this.#folder); dir.length >= this.#made.length; dir = path.dirname(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          break;
        }
      }
    }
  }

  /** The hidden folder of new files, with what is left in it; what cannot be removed, the next import does. */
  #removeStaging(): void {
    try {
      if (this.#staging !== undefined) rmSync(this.#staging, { recursive: true, force: true });
    } catch {
      // As said.
    }
  }

  /** The folder, there (made if it is not), as a real folder; or why the files cannot go into it. */
  #intoFolderAsItIs(): string | undefined {
    try {
      const now = lstatSync(this.#folder, { throwIfNoEntry: false });
      if (now?.isSymbolicLink()) return 'the folder became a symbolic link during the import; nothing is written through it';
      if (now && !now.isDirectory()) return `the folder became ${kindOf(now)} during the import`;
      if (now === undefined) mkdirSync(this.#folder);
      return undefined;
    } catch (error) {
      return describeFsError(error);
    }
  }

  #temp(target: string): string {
    return this.#staging === undefined ? tempBeside(target, this.#token) : `${this.#staging}${path.sep}${path.basename(target)}`;
  }

  #commitOne(entry: Staged): string | undefined {
    const temp = this.#temp(entry.target);
    try {
      if (!entry.replace) {
        return createFrom(temp, entry.target) === 'exists' ? 'a file of that name appeared during the import; it was left as it is' : undefined;
      }
      // Examined just before it is replaced: it may have changed since it was read.
      const previous = lstatSync(entry.target, { throwIfNoEntry: false });
      if (previous?.isSymbolicLink()) return 'it is a symbolic link, and links are not written through';
      if (previous && !previous.isFile()) return `it is ${kindOf(previous)}, not a regular file`;
      if (!previous) return 'it went away during the import; it was not written again';
      // Keep the replaced file's permissions.
      chmodSync(temp, previous.mode & 0o7777);
      renameSync(temp, entry.target);
      return undefined;
    } catch (error) {
      return describeFsError(error);
    } finally {
      try {
        // Gone already after a rename; after a link, the target keeps the text.
        unlinkSync(temp);
      } catch {
        // As said.
      }
    }
  }
}

/**
 * The temporary files in `names` (a folder's) that a run stopped by force (SIGKILL, a crash) left
 * behind: those whose process is gone. A live process's are its own business.
 */
export function leftovers(names: Iterable<string>): string[] {
  const gone: string[] = [];
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined) continue;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') gone.push(name);
    }
  }
  return gone.sort();
}

/**
 * The temporary files and folders beside `target` (in its folder, named from it) that a run stopped
 * by force left behind: a first import's hidden folder beside the deals folder, a cache's temporary
 * file beside the cache.
 */
export function leftoversBeside(target: string): string[] {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(target));
  } catch {
    return [];
  }
  return leftovers(names.filter((name) => name.startsWith(prefix)));
}

/** Removes them from `folder` (a hidden folder of new files with what is in it); how many it could. */
export function removeLeftovers(folder: string, names: readonly string[]): number {
  let removed = 0;
  for (const name of names) {
    try {
      rmSync(path.join(folder, name), { recursive: true });
      removed += 1;
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
