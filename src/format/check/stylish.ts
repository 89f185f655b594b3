// The default `check` format, after ESLint's "stylish": problems grouped by file, one line each
// (`line:col  severity  message  rule-id`), columns aligned, then the summary line. File names
// and messages are sanitised (../sanitize.ts), messages folded to one line.

import { safeChars, safeLine } from '../sanitize.js';
import { summaryLine } from './summary.js';
import type { CheckReport } from '../../check/report.js';
import type { CheckFormatOptions, CheckRender } from './types.js';

export const formatStylish: CheckRender = (report, options) => [...stylishParts(report, options)].join('');

/**
 * The same text in parts, one a file with problems and the summary: the command writes them as
 * they come, so a folder of 100,000 deals is never one string of megabytes (and its copy as bytes).
 */
export function* stylishParts(report: CheckReport, { style }: CheckFormatOptions): Generator<string> {
  for (const file of report.files) {
    if (file.problems.length === 0) continue;
    const lineWidth = Math.max(...file.problems.map((p) => String(p.line).length));
    const columnWidth = Math.max(...file.problems.map((p) => String(p.column).length));
    const messages = file.problems.map((p) => safeLine(p.message));
    const messageWidth = Math.max(...messages.map((message) => message.length));
    const out = [style.bold(safeChars(file.file))];
    for (const [i, p] of file.problems.entries()) {
      const position = `${String(p.line).padStart(lineWidth)}:${String(p.column).padEnd(columnWidth)}`;
      const severity = p.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      out.push(`  ${style.dim(position)}  ${severity}  ${messages[i]!.padEnd(messageWidth)}  ${style.dim(p.rule)}`);
    }
    yield `${out.join('\n')}\n\n`;
  }
  const { errors, warnings } = report.summary;
  const line = summaryLine(report.summary);
  yield `${errors > 0 ? style.red(style.bold(line)) : warnings > 0 ? style.yellow(style.bold(line)) : style.green(line)}\n`;
}
