// What the formatters take (one result per deal file, valid or not), and what a registered format
// declares about itself, so a command asks the format rather than testing its name.

import type { TriageResult } from '../triage/triage.js';
import type { Style } from './style.js';

export type { TriageResult };

export interface FormatOptions {
  /** Show every rule's evaluation in text and markdown (json always carries it). */
  explain: boolean;
  /** Colours for terminal formats; the plain style for everything else. */
  style: Style;
}

export type Render = (results: readonly TriageResult[], options: FormatOptions) => string;

export interface TriageCapabilities {
  /** Made for a terminal: coloured when the terminal allows. Every other format is never coloured. */
  readonly coloured: boolean;
  /** Invalid files' problems are part of the output, so stderr only says that there are some. */
  readonly carriesProblems: boolean;
}

/** A registered triage format: called as a function, with its capabilities as properties. */
export type Formatter = Render & TriageCapabilities;

/** A format from a render function and what it declares; a new function, so the render stays as it is. */
export function withCapabilities<F extends (...args: never[]) => string, C extends object>(render: F, capabilities: C): F & Readonly<C> {
  const entry = ((...args: Parameters<F>) => render(...args)) as F;
  return Object.assign(entry, capabilities);
}
