// What the `check` formatters take: the whole report, and colours for the terminal format.

import type { CheckReport } from '../../check/report.js';
import type { Style } from '../style.js';

export interface CheckFormatOptions {
  /** Colours for stylish; every other format is never coloured. */
  style: Style;
}

export type CheckFormatter = (report: CheckReport, options: CheckFormatOptions) => string;
