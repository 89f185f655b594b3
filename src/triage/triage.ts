// The whole pipeline for one deal, pure: a loaded deal in, a triage result out (what the triage
// formatters take). From text or bytes: ./text.ts.

import { buildBriefing } from '../briefing/briefing.js';
import { evaluate } from '../engine/evaluate.js';
import type { LoadResult } from '../load/input.js';
import { overrideProblems } from '../load/override.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { Briefing } from '../briefing/briefing.js';
import type { AsOf, Evaluation } from '../engine/types.js';
import type { Problem } from '../load/problem.js';
import type { Deal } from '../schema/deal.js';

/** One deal file's triage: the deal, its evaluation and briefing, or the file's problems. */
export type TriageResult =
  | {
      file: string;
      ok: true;
      deal: Deal;
      evaluation: Evaluation;
      briefing: Briefing;
      /** The company's currency: the policy's thresholds are in it (the deal's amounts in the deal's). */
      companyCurrency: string;
    }
  | { file: string; ok: false; problems: Problem[] };

// `asOf.today` (YYYY-MM-DD) is the day to decide on: an input, as the deal is (PRODUCT.md §10).

export function triageLoaded(loaded: LoadResult<Deal>, file: string, config: ResolvedConfig, asOf: AsOf): TriageResult {
  if (!loaded.ok) return { file, ok: false, problems: loaded.problems };
  // An override too far ahead makes the file invalid, as a schema error would: it needs today.
  const tooLong = overrideProblems(loaded.value, loaded.locator, file, asOf.today);
  if (tooLong.length > 0) return { file, ok: false, problems: tooLong };
  return triageDeal(loaded.value, file, config, asOf);
}

/** A deal already validated (the questionnaire's answers): its evaluation and briefing. */
export function triageDeal(deal: Deal, file: string, config: ResolvedConfig, asOf: AsOf): Extract<TriageResult, { ok: true }> {
  const evaluation = evaluate(deal, config, asOf);
  return { file, ok: true, deal, evaluation, briefing: buildBriefing(deal, evaluation, config.company), companyCurrency: config.company.currency };
}
