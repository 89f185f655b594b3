// Input limits: a deal or config file larger than this is refused before it is read.
export const MAX_FILE_BYTES = 1024 * 1024;
/** A file lists at most this many problems; the rest are counted in one `too-many-problems` problem. */
export const MAX_PROBLEMS_PER_FILE = 100;
