// The default `check` format, after ESLint's "stylish": problems grouped by file, one line each
// (`line:col  severity  message  rule-id`), columns aligned, then the summary line. File names
// and messages are sanitised (../sanitize.ts), messages folded to one line.

import { safeChars, safeLine } from '../sanitize.js';
import { summaryLine } from './summary.js';
import type { CheckRender } from './types.js';

export const formatStylish: CheckRender = (report, { style }) => {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.problems.length === 0) continue;
    const lineWidth = Math.max(...file.problems.map((p) => String(p.line).length));
    const columnWidth = Math.max(...file.problems.map((p) => String(p.column).length));
    const messages = file.problems.map((p) => safeLine(p.message));
    const messageWidth = Math.max(...messages.map((message) => message.length));
    out.push(style.bold(safeChars(file.file)));
    for (const [i, p] of file.problems.entries()) {
      const position = `${String(p.line).padStart(lineWidth)}:${String(p.column).padEnd(columnWidth)}`;
      const severity = p.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      out.push(`  ${style.dim(position)}  ${severity}  ${messages[i]!.padEnd(messageWidth)}  ${style.dim(p.rule)}`);
    }
    out.push('');
  }
  const { errors, warnings } = report.summary;
  const line = summaryLine(report.summary);
  out.push(errors > 0 ? style.red(style.bold(line)) : warnings > 0 ? style.yellow(style.bold(line)) : style.green(line));
  return `${out.join('\n')}\n`;
};
