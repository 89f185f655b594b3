// What the formatters take: one result per deal file, valid or not.

import type { Briefing } from '../briefing/briefing.js';
import type { Evaluation } from '../engine/types.js';
import type { Problem } from '../load/problem.js';
import type { Deal } from '../schema/deal.js';
import type { Style } from './style.js';

export type TriageResult =
  | { file: string; ok: true; deal: Deal; evaluation: Evaluation; briefing: Briefing }
  | { file: string; ok: false; problems: Problem[] };

export interface FormatOptions {
  /** Show every rule's evaluation in text and markdown (json always carries it). */
  explain: boolean;
  /** Colours for terminal formats; the plain style for everything else. */
  style: Style;
}

export type Formatter = (results: readonly TriageResult[], options: FormatOptions) => string;
