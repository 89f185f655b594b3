// What the `check` formatters take: the whole report, colours for the terminal format, and
// whether the run fails on its warnings; and what a registered format declares.

import type { CheckReport } from '../../check/report.js';
import type { CatalogueRule } from '../../check/rule-catalogue.js';
import type { Style } from '../style.js';

export interface CheckFormatOptions {
  /** Colours for stylish; every other format is never coloured. */
  style: Style;
  /**
   * The warnings fail the run (more than --max-warnings): formats that count failures (junit)
   * count the files with warnings too, so the report agrees with the exit code. Absent: false.
   */
  warningsFail?: boolean;
  /** The tool's version and the rules that can report in this run: what sarif lists as its tool. */
  run?: { version: string; rules: readonly CatalogueRule[] };
}

export type CheckRender = (report: CheckReport, options: CheckFormatOptions) => string;

/**
 * A registered check format: called as a function; `coloured` when made for a terminal;
 * `stepSummary` when it runs in GitHub Actions, where $GITHUB_STEP_SUMMARY gets the markdown table;
 * `reasons` when it prints each deal's reasons (the others get none: rendering them for every deal
 * of a large folder cost time and memory for nothing).
 */
export type CheckFormatter = CheckRender & {
  readonly coloured: boolean;
  readonly stepSummary: boolean;
  readonly reasons: boolean;
  /** The same text in parts, in order, for writing as they come (a large folder's report is never one string). */
  readonly parts?: (report: CheckReport, options: CheckFormatOptions) => Iterable<string>;
};
