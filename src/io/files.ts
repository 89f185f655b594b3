// File-system access, kept apart from the pure pipeline: reading an input file safely and finding the
// config file. A file is opened first (non-blocking, so a named pipe never waits for a writer), then
// the open descriptor is examined and read: what is checked is what is read, with no window between
// the two for the file to be swapped for a pipe, a device or a larger file.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Stamp } from '../check/cache.js';
import { CONFIG_FILE_NAMES } from '../load/config-quick.js';
import { MAX_FILE_BYTES } from '../load/limits.js';
import { describeOpenError, errorCode, isMissing, kindOf } from './fs-errors.js';

export type ReadOutcome =
  /** stamp: what fstat said of the file read, when asked for. */
  | { kind: 'ok'; bytes: Uint8Array; stamp?: Stamp }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }
  | { kind: 'directory' }
  /** notAFile: a pipe, socket or device, refused rather than read. */
  | { kind: 'unreadable'; reason: string; notAFile?: true };

export interface ReadOptions {
  /**
   * Refuse a symbolic link as the last part of the path instead of following it. `check` reads the
   * real paths it resolved while finding the files, so a link that appears afterwards is not read.
   */
  noFollow?: boolean;
  /**
   * Read into a buffer the blocking reader keeps for the next file, instead of a new one per file:
   * the bytes returned are valid only until the next such read. For `check`, which reads thousands
   * of files one after another and decodes each before reading the next; a new buffer each time
   * was memory allocated outside the heap and freed only when the collector got round to it.
   */
  reuseBuffer?: boolean;
  /** Give the file's stamp (device, inode, size, mtime, ctime) with its bytes: what `check --cache` keeps. */
  stamp?: boolean;
}

// O_NONBLOCK: opening a named pipe must not wait for a writer. Neither flag exists on Windows,
// which has neither kind of file.
const NON_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const flags = (options: ReadOptions) => NON_BLOCKING | (options.noFollow ? (constants.O_NOFOLLOW ?? 0) : 0);

export async function readInputFile(file: string, options: ReadOptions = {}): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(file, flags(options));
    const info = await handle.stat();
    const refused = refuse(info);
    if (refused) return refused;
    let buffer: Uint8Array = new Uint8Array(initialSize(info));
    let length = 0;
    for (;;) {
      buffer = roomIn(buffer, length);
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return readBytes(buffer, length, info);
  } catch (error) {
    return readError(error, options);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** The same, blocking: for `check`'s worker threads, which read thousands of small files in turn. */
export function readInputFileSync(file: string, options: ReadOptions = {}): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(file, flags(options));
    const info = fstatSync(fd);
    const refused = refuse(info);
    if (refused) return refused;
    const size = initialSize(info);
    if (options.reuseBuffer && size > scratch.length && size <= MAX_SCRATCH_BYTES) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
    let buffer: Uint8Array = options.reuseBuffer && size <= scratch.length ? scratch : new Uint8Array(size);
    let length = 0;
    for (;;) {
      buffer = roomIn(buffer, length);
      if (length === buffer.length) break;
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    const read = readBytes(buffer, length, info);
    return options.stamp && read.kind === 'ok' ? { ...read, stamp: stampOf(info) } : read;
  } catch (error) {
    return readError(error, options);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Device and inode: what a file is, whatever the path (link, hard link, linked folder) it is reached by; undefined when it is not there. */
export async function fileIdentity(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file, { bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined; // Not there yet: it cannot be a file being read.
  }
}

export const stampOf = (info: Stats): Stamp => [info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs];

/**
 * Whether the file system says of a file what it said when the bytes a cache kept were read (its
 * stamp): then it holds those bytes, and is not read again. Not followed through a link: a link
 * in its place is another stamp.
 */
export function unchanged(entry: { path: string; refused?: unknown }, stamp: Stamp | undefined): boolean {
  if (stamp === undefined || entry.refused) return false;
  try {
    const info = lstatSync(entry.path, { throwIfNoEntry: false });
    return info !== undefined && info.isFile() && stampOf(info).every((part, i) => part === stamp[i]);
  } catch {
    return false;
  }
}

/** The blocking reader's reused buffer (see ReadOptions.reuseBuffer): grown as files need, up to a size deal files do not reach. */
let scratch = new Uint8Array(16 * 1024);
const MAX_SCRATCH_BYTES = 256 * 1024;

/** What not to read at all: a folder, a pipe, socket or device, a file over the size limit. */
function refuse(info: Stats): ReadOutcome | undefined {
  if (info.isDirectory()) return { kind: 'directory' };
  if (!info.isFile()) return { kind: 'unreadable', reason: `it is ${kindOf(info)}, not a regular file`, notAFile: true };
  if (info.size > MAX_FILE_BYTES) return { kind: 'too-large', size: info.size };
  return undefined;
}

// One byte more than the file's size, to see at once whether it grew; never more than one byte over
// the limit, however large it has become since.
const initialSize = (info: Stats) => Math.min(info.size, MAX_FILE_BYTES) + 1;

/** The buffer, grown if it is full and still within the limit (the file grew after fstat). */
function roomIn(buffer: Uint8Array, length: number): Uint8Array {
  if (length < buffer.length || buffer.length > MAX_FILE_BYTES) return buffer;
  const bigger = new Uint8Array(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
  bigger.set(buffer.subarray(0, length));
  return bigger;
}

function readBytes(buffer: Uint8Array, length: number, info: Stats): ReadOutcome {
  if (length > MAX_FILE_BYTES) return { kind: 'too-large', size: Math.max(length, info.size) };
  return { kind: 'ok', bytes: buffer.subarray(0, length) };
}

function readError(error: unknown, options: ReadOptions): ReadOutcome {
  if (isMissing(error)) return { kind: 'missing' };
  const code = errorCode(error);
  if (code === 'EISDIR') return { kind: 'directory' };
  return { kind: 'unreadable', reason: describeOpenError(error, options), ...(code === 'ENXIO' && { notAFile: true as const }) };
}

/**
 * The config in `dir` or its nearest parent, if any. Whatever has the config's name counts, even a
 * dangling link, a folder or a pipe: reading it then fails with a config error, where skipping it
 * would silently apply a parent folder's config instead.
 */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(current, name);
      try {
        await lstat(candidate);
        return candidate;
      } catch (error) {
        // Not here; keep looking upwards. Any other error is the reader's to report.
        if (!isMissing(error)) return candidate;
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

/**
 * Whether `file` is a symbolic link to a file outside the folder the link is in. A config found by
 * its name is such a link only when someone made it so: in a pull request, to have CI print what it
 * can read (/proc/self/environ, a secrets file) in the config's error messages. A dangling link is
 * not: reading it reports it.
 */
/** Whether `file` is below `folder` (both real paths), not the folder itself nor beside it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

export async function linksOutOfItsFolder(file: string): Promise<boolean> {
  try {
    if (!(await lstat(file)).isSymbolicLink()) return false;
    return !isInside(await realpath(path.dirname(file)), await realpath(file));
  } catch {
    return false;
  }
}
