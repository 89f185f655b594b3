// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one test case per
// deal file. A file with errors fails, its failure listing every problem; a file with warnings
// only passes, its warnings in <system-out>, unless the warnings fail the run (--max-warnings):
// then it fails too, so the report never shows failures="0" for a run that exits 1. No timings:
// the same folder gives the same bytes. File names and messages are sanitised (../sanitize.ts).

import type { Problem } from '../../load/problem.js';
import { safeChars, safeLine } from '../sanitize.js';
import { plural } from './summary.js';
import type { CheckRender } from './types.js';

const SUITE = 'deal-triage check';

export const formatJunit: CheckRender = (report, options) => {
  const fails = (problems: readonly Problem[]) =>
    problems.some((p) => p.severity === 'error' || (options.warningsFail === true && p.severity === 'warning'));
  const failed = report.files.filter((file) => fails(file.problems)).length;
  const counts = `tests="${report.files.length}" failures="${failed}" errors="0" skipped="0"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${SUITE}" ${counts} time="0">`,
    `  <testsuite name="${SUITE}" ${counts} time="0">`,
  ];
  // The CEO's overrides in force, as other tools report their suppressions: there when there are some.
  if (report.summary.overrides > 0) out.push('    <properties>', `      <property name="overrides" value="${report.summary.overrides}"/>`, '    </properties>');
  for (const file of report.files) {
    const name = attribute(safeChars(file.file));
    const open = `    <testcase classname="${SUITE}" name="${name}" file="${name}" time="0"`;
    if (file.problems.length === 0) {
      out.push(`${open}/>`);
      continue;
    }
    out.push(`${open}>`);
    const listed = text(file.problems.map(problemLine).join('\n'));
    if (fails(file.problems)) {
      const errors = file.problems.filter((p) => p.severity === 'error');
      const message = `${plural(errors.length, 'error')}, ${plural(file.problems.length - errors.length, 'warning')}`;
      const first = errors[0] ?? file.problems[0]!;
      out.push(`      <failure message="${message}" type="${attribute(first.rule)}">${listed}</failure>`);
    } else {
      out.push(`      <system-out>${listed}</system-out>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
};

function problemLine(p: Problem): string {
  return `${safeChars(p.file)}:${p.line}:${p.column}: ${p.severity}: ${safeLine(p.message)} (${p.rule})`;
}

/** Characters XML 1.0 does not allow at all, whatever the escaping (control characters, lone surrogates). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
