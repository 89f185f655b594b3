// File-system and stream errors in words, for one-line messages. Kept apart from the readers so the
// command line's entry can describe a failed write without loading anything else.

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

/** A file-system error in words, for a message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? code ?? String(error);
}
