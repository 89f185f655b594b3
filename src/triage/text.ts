// Triage from a deal file's text or bytes, for the library: loaded through zod's loader (./triage.ts
// takes a deal already loaded, as the CLI loads it without zod when it can).

import { parseDeal, parseDealBytes } from '../load/deal.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { AsOf } from '../engine/types.js';
import { triageLoaded } from './triage.js';
import type { TriageResult } from './triage.js';

export function triageText(text: string, file: string, config: ResolvedConfig, asOf: AsOf): TriageResult {
  return triageLoaded(parseDeal(text, file, { defaultCurrency: config.company.currency }), file, config, asOf);
}

export function triageBytes(bytes: Uint8Array, file: string, config: ResolvedConfig, asOf: AsOf): TriageResult {
  return triageLoaded(parseDealBytes(bytes, file, { defaultCurrency: config.company.currency }), file, config, asOf);
}
