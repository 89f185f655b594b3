// Writing a file so that no reader ever sees half of it and no existing file is replaced by
// accident: the text goes to a temporary file beside the target, then takes the target's name in
// one step — rename to replace, link to create (which fails if the target appeared meanwhile).

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError as describe } from './files.js';

export type WriteOutcome = { kind: 'written' } | { kind: 'exists' } | { kind: 'failed'; reason: string };

/** Writes `text` to `file`, creating its folder; an existing file is replaced only with `overwrite`. */
export async function writeFileAtomic(file: string, text: string, options: { overwrite: boolean }): Promise<WriteOutcome> {
  let target = path.resolve(file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    const existing = await statOrUndefined(target);
    if (existing && !options.overwrite) return { kind: 'exists' };
    if (existing?.isDirectory()) return { kind: 'failed', reason: 'it is a folder' };
    // Replacing a symbolic link's file, not the link: the link is how the user arranged things.
    if (existing) target = await realpath(target);
  } catch (error) {
    return { kind: 'failed', reason: describe(error) };
  }

  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', 0o666);
    await handle.writeFile(text, 'utf8');
    // On disk before it takes the name: a crash right after the rename must not leave an empty file.
    await handle.sync();
    if (options.overwrite) {
      const previous = await statOrUndefined(target);
      // Keep the replaced file's permissions.
      if (previous) await handle.chmod(previous.mode & 0o7777);
    }
    await handle.close();
    handle = undefined;
    if (options.overwrite) {
      await rename(temp, target);
      return { kind: 'written' };
    }
    return await createFrom(temp, target);
  } catch (error) {
    return { kind: 'failed', reason: describe(error) };
  } finally {
    await handle?.close().catch(() => undefined);
    // Gone already after a rename; after a link, the target keeps the content.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Gives the temporary file the target's name only if the name is free, even against a race. */
async function createFrom(temp: string, target: string): Promise<WriteOutcome> {
  try {
    await link(temp, target);
    return { kind: 'written' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return { kind: 'exists' };
    // Some file systems have no hard links; an exclusive copy is still never a replacement.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  try {
    await copyFile(temp, target, constants.COPYFILE_EXCL);
    return { kind: 'written' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { kind: 'exists' };
    throw error;
  }
}

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
