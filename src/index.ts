// The programmatic API: load deals and configs, evaluate them, render the results. The CLI is
// built on exactly these functions. "Today" is an input here too (PRODUCT.md §10): every function
// that decides takes `{ today: 'YYYY-MM-DD' }`; `localDate(new Date())` gives the system's date.
//
//   import { loadConfigFile, loadDealFile, evaluate, localDate, render } from 'deal-triage';
//   const evaluation = evaluate(deal, config, { today: localDate(new Date()) });

import { readFile } from 'node:fs/promises';
import { formatters } from './format/index.js';
import type { FormatOptions, TriageFormat, TriageResult } from './format/index.js';
import { plain } from './format/style.js';
import { defaultConfig, parseConfig, parseConfigBytes } from './load/config.js';
import { parseDeal, parseDealBytes } from './load/deal.js';
import type { LoadResult } from './load/input.js';
import type { ResolvedConfig } from './policy/resolve.js';
import type { Deal } from './schema/deal.js';
import { triageLoaded } from './triage/triage.js';
import { triageBytes, triageText } from './triage/text.js';

export { evaluate } from './engine/evaluate.js';
export { buildBriefing } from './briefing/briefing.js';
export { parseDeal, parseDealBytes, parseConfig, parseConfigBytes, defaultConfig, triageText, triageBytes, triageLoaded };
export { DealSchema } from './schema/deal.js';
export { ConfigSchema } from './policy/config-schema.js';
export { BUILT_IN_RULES } from './policy/built-in.js';
export { DEFAULT_POLICY } from './policy/params.js';
export { FACTS } from './engine/facts.js';
export { OPERATORS } from './engine/operators.js';
export { findConfigFile } from './io/files.js';
export { localDate } from './io/clock.js';
export { TRIAGE_FORMATS } from './format/index.js';
// check's pure core: one file's report, then the folder's report, rendered by a check format.
export { checkFileBytes } from './check/file.js';
export { buildReport } from './check/report.js';
export { CHECK_FORMATS, checkFormatters } from './format/check/index.js';
export { plain };
// The one-on-one: its log, its pack, and the cadence in one line (for `review`).
export { parseLog, parseLogBytes } from './one-on-one/log.js';
export { cadenceOf } from './one-on-one/cadence.js';
export { buildPack } from './one-on-one/pack.js';
export { cadenceSummary, formatCadenceLine, formatPack } from './format/one-on-one.js';
// review's pure core: the review from checked deals (and the deals at an earlier revision), rendered by a review format.
export { buildReview, reviewFacts } from './review/model.js';
export { REVIEW_FORMATS, reviewFormatters } from './review/format/index.js';
export type { Review, ReviewDealInput, SinceInput } from './review/model.js';
// new's writer: a deal as the text of its file.
export { dealToYaml } from './questionnaire/write.js';

export type { Deal, DealInput } from './schema/deal.js';
export type { Config, ConfigInput } from './policy/config-schema.js';
export type { ResolvedConfig } from './policy/resolve.js';
export type { AsOf, Evaluation, Verdict, Rule, Condition, RuleTrace, ConditionTrace, Outcome, RoleOutcome, Change, Need, SignalOption } from './engine/types.js';
export type { Problem, Severity } from './load/problem.js';
export type { Briefing } from './briefing/briefing.js';
export type { LoadResult, TriageFormat, TriageResult, FormatOptions };
export type { FileReport } from './check/file.js';
export type { CheckReport, CheckedFile, CheckSummary } from './check/report.js';
export type { OneOnOneLog, Meeting, Commitment } from './one-on-one/log.js';
export type { Cadence } from './one-on-one/cadence.js';
export type { OneOnOnePack } from './one-on-one/pack.js';

/** Reads and validates a deal file. */
export async function loadDealFile(file: string, config: ResolvedConfig = defaultConfig()): Promise<LoadResult<Deal>> {
  return parseDealBytes(await readFile(file), file, { defaultCurrency: config.company.currency });
}

/** Reads and validates a config file. */
export async function loadConfigFile(file: string): Promise<LoadResult<ResolvedConfig>> {
  return parseConfigBytes(await readFile(file), file);
}

/** Renders triage results in one of the formats (never coloured). */
export function render(results: readonly TriageResult[], format: TriageFormat = 'text', options: Partial<FormatOptions> = {}): string {
  return formatters[format](results, { explain: false, style: plain, ...options });
}
