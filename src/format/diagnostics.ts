// Problems as compiler-style diagnostics for stderr: `file:line:column: severity: message (rule)`,
// which editors and terminals turn into links, followed by the offending line and a caret. File
// names, messages and source lines are sanitised: a source line one character for one, so the
// caret stays under the column it points at.

import type { Problem } from '../load/problem.js';
import { safeChars, safeLine } from './sanitize.js';
import type { Style } from './style.js';

/** `sources` maps a file to its text, for the code frame; files without one get no frame. */
export function formatDiagnostics(problems: readonly Problem[], sources: ReadonlyMap<string, string>, style: Style): string {
  const lines: string[] = [];
  const split = new Map<string, string[]>();
  for (const p of problems) {
    const severity = p.severity === 'error' ? style.red('error') : style.yellow('warning');
    lines.push(`${style.bold(`${safeChars(p.file)}:${p.line}:${p.column}`)}: ${severity}: ${safeLine(p.message)} ${style.dim(`(${p.rule})`)}`);
    const source = sources.get(p.file);
    if (source === undefined) continue;
    let fileLines = split.get(p.file);
    if (!fileLines) {
      fileLines = source.split(/\r?\n/);
      split.set(p.file, fileLines);
    }
    const text = fileLines[p.line - 1];
    if (text === undefined || text.length > 200) continue;
    const gutter = String(p.line);
    const caretPad = [...text.slice(0, p.column - 1)].map((ch) => (ch === '\t' ? '\t' : ' ')).join('');
    lines.push(style.dim(`  ${gutter} | `) + safeChars(text), style.dim(`  ${' '.repeat(gutter.length)} | `) + caretPad + style.red('^'));
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
