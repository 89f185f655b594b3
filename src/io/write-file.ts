// Writing a file so that no reader ever sees half of it and no existing file is replaced by
// accident: the text goes to a temporary file beside the target, then takes the target's name in
// one step — rename to replace, link to create (which fails if the target appeared meanwhile).
// Only a regular file is ever replaced: never a folder, a pipe, a device or a socket, nor a link to
// one (the target is examined, never opened: opening a pipe would wait for a reader).

import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError as describe, kindOf } from './fs-errors.js';

/**
 * `target` on a failure: the name itself is the trouble (a link, a pipe or a folder in its place),
 * not its folder, which may take another file.
 */
export type WriteOutcome = { kind: 'written' } | { kind: 'exists' } | { kind: 'failed'; reason: string; target?: true };

export interface WriteOptions {
  overwrite: boolean;
  /**
   * Refuse a target that is a symbolic link instead of replacing the file it points to: for a file
   * named by a CI job (`check -o`) in a tree a pull request can add links to.
   */
  noFollow?: boolean;
  /**
   * Leave out the sync before the rename (default: synced): for a cache, which a crash may leave
   * empty or cut short, to be ignored and written again, rather than pay for every write.
   */
  unsynced?: boolean;
}

/** Writes `text` to `file`, creating its folder; an existing file is replaced only with `overwrite`. */
export async function writeFileAtomic(file: string, text: string, options: WriteOptions): Promise<WriteOutcome> {
  let target = path.resolve(file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    if (options.noFollow && (await lstatOrUndefined(target))?.isSymbolicLink()) {
      return { kind: 'failed', reason: 'it is a symbolic link, and links are not written through', target: true };
    }
    const existing = await statOrUndefined(target);
    if (existing?.isDirectory()) return { kind: 'failed', reason: 'it is a folder', target: true };
    if (existing && !existing.isFile()) return { kind: 'failed', reason: `it is ${kindOf(existing)}, not a regular file`, target: true };
    if (existing && !options.overwrite) return { kind: 'exists' };
    // Replacing a symbolic link's file, not the link: the link is how the user arranged things.
    if (existing) target = await realpath(target);
  } catch (error) {
    return { kind: 'failed', reason: describe(error) };
  }

  return writeTemp(target, text, options.overwrite, options.unsynced !== true);
}

/** The text to a temporary file beside the target, on disk, then the target's name. */
async function writeTemp(target: string, text: string, overwrite: boolean, sync: boolean): Promise<WriteOutcome> {
  const temp = tempBeside(target, writerToken());
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o666);
    await handle.writeFile(text, 'utf8');
    // On disk before it takes the name: a crash right after the rename must not leave an empty file.
    if (sync) await handle.sync();
    if (overwrite) {
      // Again, just before replacing it: it may have changed while the text was being written.
      const previous = await statOrUndefined(target);
      if (previous && !previous.isFile()) return { kind: 'failed', reason: `it is ${kindOf(previous)}, not a regular file`, target: true };
      // Keep the replaced file's permissions.
      if (previous) await handle.chmod(previous.mode & 0o7777);
    }
    await handle.close();
    handle = undefined;
    if (overwrite) {
      await rename(temp, target);
      return { kind: 'written' };
    }
    return { kind: createFrom(temp, target) };
  } catch (error) {
    return { kind: 'failed', reason: describe(error) };
  } finally {
    await handle?.close().catch(() => undefined);
    // Gone already after a rename; after a link, the target keeps the content.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Gives the temporary file the target's name only if the name is free, even against a race.
 * Blocking: one link() (a copy where there are no hard links), for one file or for thousands
 * (./staged-writes.ts).
 */
export function createFrom(temp: string, target: string): 'written' | 'exists' {
  try {
    linkSync(temp, target);
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (!NO_LINKS.has(code ?? '')) throw error;
  }
  try {
    copyFileSync(temp, target, constants.COPYFILE_EXCL);
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}

/** A writer's mark in its temporary files' names: its process id, and 8 random hex digits. */
export const writerToken = (): string => `${process.pid}-${randomBytes(4).toString('hex')}`;

/** The temporary file beside `target` of the writer `token` (writerToken): hidden, and never a deal file name. */
export const tempBeside = (target: string, token: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${token}.tmp`);

/** Such a temporary file, with its writer's process id. */
export const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;

/** What link() says on a file system without hard links: an exclusive copy is still never a replacement. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function lstatOrUndefined(file: string) {
  try {
    return await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
