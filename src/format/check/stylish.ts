// The default `check` format, after ESLint's "stylish": problems grouped by file, one line each
// (`line:col  severity  message  rule-id`), columns aligned, then the summary line.

import type { CheckFormatter } from './types.js';
import { oneLine, summaryLine } from './summary.js';

export const formatStylish: CheckFormatter = (report, { style }) => {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.problems.length === 0) continue;
    const lineWidth = Math.max(...file.problems.map((p) => String(p.line).length));
    const columnWidth = Math.max(...file.problems.map((p) => String(p.column).length));
    const messageWidth = Math.max(...file.problems.map((p) => oneLine(p.message).length));
    out.push(style.bold(file.file));
    for (const p of file.problems) {
      const position = `${String(p.line).padStart(lineWidth)}:${String(p.column).padEnd(columnWidth)}`;
      const severity = p.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      out.push(`  ${style.dim(position)}  ${severity}  ${oneLine(p.message).padEnd(messageWidth)}  ${style.dim(p.rule)}`);
    }
    out.push('');
  }
  const { errors, warnings } = report.summary;
  const line = summaryLine(report.summary);
  out.push(errors > 0 ? style.red(style.bold(line)) : warnings > 0 ? style.yellow(style.bold(line)) : style.green(line));
  return `${out.join('\n')}\n`;
};
