// Where the tests find the repository's files.

import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing separator. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The day every test decides on unless it says otherwise (run() sets DEAL_TRIAGE_TODAY to it), so
 * no test depends on the day it runs: the fixtures' close dates and meetings are judged against it.
 */
export const TODAY = '2026-12-01';
export const AS_OF = { today: TODAY } as const;
