// Input limits: a deal or config file larger than this is refused before it is read.
export const MAX_FILE_BYTES = 1024 * 1024;
