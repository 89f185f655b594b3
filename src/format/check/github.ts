// GitHub Actions: one workflow command per problem, which GitHub shows as an annotation on the
// file's line in the pull request; and a markdown summary for $GITHUB_STEP_SUMMARY, because GitHub
// shows only a few annotations per step and the summary shows them all.
// Escaping as GitHub's toolkit does it (@actions/core, command.ts): data escapes %, CR and LF;
// property values also escape ":" and ",". Messages and file names are sanitised first
// (../sanitize.ts): GitHub's log viewer renders escape sequences, and browsers break lines at U+2028.

import type { CheckReport } from '../../check/report.js';
import { markdownName, markdownText } from '../markdown-escape.js';
import { safeChars, safeLines } from '../sanitize.js';
import { summaryLine } from './summary.js';
import type { CheckRender } from './types.js';

export function escapeData(text: string): string {
  return safeLines(text)
    .replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: CheckRender = (report) => {
  const out: string[] = [];
  for (const file of report.files) {
    for (const p of file.problems) {
      const properties = `file=${escapeProperty(safeChars(p.file))},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}`;
      out.push(`::${p.severity} ${properties}::${escapeData(p.message)}`);
    }
  }
  out.push(summaryLine(report.summary));
  return `${out.join('\n')}\n`;
};

/** Markdown for $GITHUB_STEP_SUMMARY: the summary line and a table of every problem. */
export function formatStepSummary(report: CheckReport): string {
  const out = ['## deal-triage check', '', summaryLine(report.summary), ''];
  const problems = report.files.flatMap((file) => file.problems);
  if (problems.length > 0) {
    out.push('| File | Line | Column | Severity | Rule | Message |', '| --- | ---: | ---: | --- | --- | --- |');
    for (const p of problems) {
      out.push(`| ${markdownName(p.file)} | ${p.line} | ${p.column} | ${p.severity} | ${markdownText(p.rule)} | ${markdownText(p.message)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
