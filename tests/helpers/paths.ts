// Where the tests find the repository's files.

import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing separator. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
