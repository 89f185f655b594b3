// The one-line summary every `check` format ends with or carries: counts of files, errors,
// warnings and verdicts.

import type { CheckSummary } from '../../check/report.js';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function summaryLine(summary: CheckSummary): string {
  const { files, filesWithProblems, errors, warnings, verdicts, invalid, overrides } = summary;
  const tally = [`${verdicts.join} join`, `${verdicts.wait} wait`, `${verdicts.decline} decline`];
  if (invalid > 0) tally.push(`${invalid} invalid`);
  // Decisions against the policy are shown, never hidden among the verdicts (as ESLint counts suppressions).
  const verdictText = `verdicts: ${tally.join(', ')}${overrides > 0 ? ` (${plural(overrides, 'override')} of the policy in force)` : ''}`;
  if (errors + warnings === 0) return `✔ ${plural(files, 'file')} checked, no problems; ${verdictText}`;
  return `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${filesWithProblems} of ${plural(files, 'file')}; ${verdictText}`;
}
