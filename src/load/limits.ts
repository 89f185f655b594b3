// Input limits: a deal or config file larger than this is refused before it is read.
export const MAX_FILE_BYTES = 1024 * 1024;
// Levels of nesting (mappings and lists, block or flow) a YAML file may have. A deal needs about
// four and a config about ten; the limit is checked before parsing so that no file can make the
// parser run out of stack, which would make the outcome depend on the thread it runs on.
export const MAX_YAML_DEPTH = 64;
/** A file lists at most this many problems; the rest are counted in one `too-many-problems` problem. */
export const MAX_PROBLEMS_PER_FILE = 100;
