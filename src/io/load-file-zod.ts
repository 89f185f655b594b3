// zod's side of loading (./load-file.ts): the problems of a file the quick loaders refused, worded.
// Its own module so that it, and zod with it, loads only when a file needs it.

import { wordConfigProblems } from '../load/config.js';
import { wordDealProblems } from '../load/deal.js';
import type { RefusedConfig } from '../load/config-quick.js';
import type { RefusedDeal } from '../load/deal-quick.js';
import type { LoadResult } from '../load/input.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { Deal } from '../schema/deal.js';

/** What words the problems of a file the quick loaders refused. */
export interface SchemaFallback {
  deal: (refused: RefusedDeal) => LoadResult<Deal>;
  config: (refused: RefusedConfig) => LoadResult<ResolvedConfig>;
}

export const ZOD_FALLBACK: SchemaFallback = { deal: wordDealProblems, config: wordConfigProblems };
