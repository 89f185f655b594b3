// File-system access, kept apart from the pure pipeline: reading an input file safely (size checked
// before reading, directories and missing paths told apart) and finding the config file.

import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../load/config.js';
import { MAX_FILE_BYTES } from '../load/limits.js';

export type ReadOutcome =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'unreadable'; reason: string };

export async function readInputFile(file: string): Promise<ReadOutcome> {
  try {
    const info = await stat(file);
    const refused = refuse(info);
    if (refused) return refused;
    return checkRead(await readFile(file));
  } catch (error) {
    return readError(error);
  }
}

/** The same, blocking: for `check`'s worker threads, which read thousands of small files in turn. */
export function readInputFileSync(file: string): ReadOutcome {
  try {
    const refused = refuse(statSync(file));
    if (refused) return refused;
    return checkRead(readFileSync(file));
  } catch (error) {
    return readError(error);
  }
}

/** What not to read at all: a folder, a device or pipe, a file over the size limit. */
function refuse(info: { isDirectory(): boolean; isFile(): boolean; size: number }): ReadOutcome | undefined {
  if (info.isDirectory()) return { kind: 'directory' };
  if (!info.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file' };
  if (info.size > MAX_FILE_BYTES) return { kind: 'too-large', size: info.size };
  return undefined;
}

function checkRead(bytes: Uint8Array): ReadOutcome {
  // The file may have grown between stat and read.
  if (bytes.length > MAX_FILE_BYTES) return { kind: 'too-large', size: bytes.length };
  return { kind: 'ok', bytes };
}

function readError(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'directory' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', reason: 'permission denied' };
  return { kind: 'unreadable', reason: code ?? String(error) };
}

/** The config in `dir` or its nearest parent, if any. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      try {
        if ((await stat(candidate)).isFile()) return candidate;
      } catch {
        // Not here; keep looking upwards.
      }
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** How a path is shown to the user: relative to the working folder when inside it, with slashes. */
export function displayPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
  return shown.split(path.sep).join('/');
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  // mkdir -p meets a file where a folder should be.
  EEXIST: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

/** A file-system error in words, for a message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? code ?? String(error);
}
