// What `deal-triage test` prints, as a test runner does: a line per case (✔ passed, ✖ failed, with
// what was expected and what came; ! broken), then the counts; with --coverage, each rule's count of
// cases it fired in and stayed silent in, and the rules not tested both ways. Text is for people
// (coloured on a terminal); json for machines, versioned like check's. File names, descriptions and
// rule ids are sanitised (./sanitize.ts); a broken case's problems go through the diagnostics.

import type { CaseResult, Mismatch, RuleCoverage, TestSummary } from '../policy-test/run.js';
import { safeChars, safeJson, safeLine } from './sanitize.js';
import type { Style } from './style.js';

import { POLICY_TEST_FORMATS } from './names.js';

export { POLICY_TEST_FORMATS } from './names.js';
export type PolicyTestFormat = (typeof POLICY_TEST_FORMATS)[number];
export const POLICY_TEST_JSON_VERSION = 1;

export interface PolicyTestReport {
  results: readonly CaseResult[];
  summary: TestSummary;
  /** Present with --coverage. */
  coverage?: readonly RuleCoverage[];
}

const list = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.map(safeChars).join(', '));

function mismatchLine(m: Mismatch): string {
  if (m.field === 'verdict') return `verdict: expected ${m.expected}, got ${m.got}`;
  const what = m.field === 'reasons' ? 'among the reasons' : 'among the roles';
  return `${m.field}: expected ${list(m.missing)} ${what}, got ${list(m.got)}`;
}

export function formatPolicyTestText(report: PolicyTestReport, style: Style): string {
  const out: string[] = [];
  for (const result of report.results) {
    const about = result.description === undefined ? '' : `  ${style.dim(safeLine(result.description))}`;
    const file = safeChars(result.file);
    if (result.status === 'broken') {
      out.push(`${style.red('!')} ${file}${about}`, `    the case is broken: ${result.problems.length === 1 ? 'its problem is' : 'its problems are'} shown above`);
    } else if (result.status === 'pass') {
      out.push(`${style.green('✔')} ${file}${about}`);
    } else {
      out.push(`${style.red('✖')} ${file}${about}`);
      for (const m of result.mismatches) out.push(`    ${mismatchLine(m)}`);
    }
  }
  if (report.coverage) out.push('', ...coverageLines(report.coverage, style));
  out.push('', summaryText(report.summary, style));
  return `${out.join('\n')}\n`;
}

function coverageLines(coverage: readonly RuleCoverage[], style: Style): string[] {
  const width = Math.max(4, ...coverage.map((c) => safeChars(c.rule).length));
  const lines = [style.bold('Coverage: in how many cases each rule fired and stayed silent'), `  ${'rule'.padEnd(width)}  fired  silent`];
  for (const c of coverage) lines.push(`  ${safeChars(c.rule).padEnd(width)}  ${String(c.fired).padStart(5)}  ${String(c.silent).padStart(6)}`);
  const neverFired = coverage.filter((c) => c.fired === 0).map((c) => c.rule);
  const neverSilent = coverage.filter((c) => c.silent === 0).map((c) => c.rule);
  if (neverFired.length + neverSilent.length === 0) {
    lines.push(style.green('Every rule fired in some case and stayed silent in another.'));
  } else {
    lines.push(style.yellow('Not tested both ways:'));
    if (neverFired.length > 0) lines.push(`  never fired: ${list(neverFired)}`);
    if (neverSilent.length > 0) lines.push(`  never stayed silent: ${list(neverSilent)}`);
  }
  return lines;
}

export function summaryText(summary: TestSummary, style: Style): string {
  const { cases, passed, failed, broken } = summary;
  const counted = `${cases} case${cases === 1 ? '' : 's'}`;
  if (failed + broken === 0) return style.green(`✔ ${counted}, all passed`);
  const parts = [`${passed} passed`, `${failed} failed`];
  if (broken > 0) parts.push(`${broken} broken`);
  return style.red(style.bold(`✖ ${counted}: ${parts.join(', ')}`));
}

export function formatPolicyTestJson(report: PolicyTestReport): string {
  const coverage = report.coverage && {
    rules: report.coverage,
    neverFired: report.coverage.filter((c) => c.fired === 0).map((c) => c.rule),
    neverSilent: report.coverage.filter((c) => c.silent === 0).map((c) => c.rule),
  };
  return `${safeJson({ version: POLICY_TEST_JSON_VERSION, tool: 'deal-triage test', summary: report.summary, cases: report.results, ...(coverage && { coverage }) }, 2)}\n`;
}
