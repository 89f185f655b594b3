// The one-line summary every `check` format ends with or carries: counts of files, errors,
// warnings and verdicts.

import type { CheckSummary } from '../../check/report.js';

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function summaryLine(summary: CheckSummary): string {
  const { files, filesWithProblems, errors, warnings, verdicts, invalid } = summary;
  const tally = [`${verdicts.join} join`, `${verdicts.wait} wait`, `${verdicts.decline} decline`];
  if (invalid > 0) tally.push(`${invalid} invalid`);
  const verdictText = `verdicts: ${tally.join(', ')}`;
  if (errors + warnings === 0) return `✔ ${plural(files, 'file')} checked, no problems; ${verdictText}`;
  return `✖ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${filesWithProblems} of ${plural(files, 'file')}; ${verdictText}`;
}

/**
 * Messages are one line in every report; a user's own multi-line rule message is folded. A lone CR
 * counts too: a terminal returns to the start of the line on it, and markdown ends the table row.
 */
export function oneLine(text: string): string {
  return withoutControls(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

export function withoutControls(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/**
 * Other control characters than tab and line breaks (ESC above all) could come from a deal file's text through a rule's
 * placeholders and would drive the terminal that shows the report; they show as U+FFFD instead.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
