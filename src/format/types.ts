// What the formatters take: one result per deal file, valid or not.

import type { TriageResult } from '../triage/triage.js';
import type { Style } from './style.js';

export type { TriageResult };

export interface FormatOptions {
  /** Show every rule's evaluation in text and markdown (json always carries it). */
  explain: boolean;
  /** Colours for terminal formats; the plain style for everything else. */
  style: Style;
}

export type Formatter = (results: readonly TriageResult[], options: FormatOptions) => string;
