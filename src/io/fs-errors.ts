// File-system errors and file types in words, for one-line messages: the one table of them, for
// reading, finding, writing and the command line's own streams. Kept apart from the readers so the
// command line's entry can describe a failed write without loading anything else.

import type { Stats } from 'node:fs';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error (the device or terminal may be gone)',
  EBADF: 'the stream is closed',
  ENXIO: 'there is no device or reader at the other end',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  // mkdir -p meets a file where a folder should be.
  EEXIST: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * Opening a file to read it, some codes say what the file is rather than what went wrong: ENXIO is
 * how opening a socket file fails; ELOOP, with links refused, that a link took the file's place.
 */
const OPENING_REASONS: Record<string, string> = {
  ENXIO: 'it is a socket or device with nothing behind it, not a regular file',
  ELOOP: 'it was replaced by a symbolic link while being checked',
};

/** A file-system error in words, for a message. */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  return (code && REASONS[code]) ?? code ?? String(error);
}

/** Why opening a file to read it failed, in words (`noFollow`: links were refused). */
export function describeOpenError(error: unknown, options: { noFollow?: boolean | undefined } = {}): string {
  const code = errorCode(error);
  if (code === 'ENXIO' || (code === 'ELOOP' && options.noFollow)) return OPENING_REASONS[code]!;
  return describeFsError(error);
}

/** Nothing is there: the path, or a folder on the way to it, does not exist. */
export function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What stat, fstat and a folder listing tell of a file's type. */
export type FileType = Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** What a file that is not a regular file is, in words. */
export function kindOf(info: FileType): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isDirectory()) return 'a folder';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return info.isFile() ? 'a regular file' : 'not a regular file';
}
