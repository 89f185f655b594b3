// The handful of text styles the terminal formats use. The CLI builds one from chalk when colour
// is on; everything else gets `plain`, so formatters stay pure and testable without a terminal.

import type { Verdict } from '../engine/types.js';

export interface Style {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const same = (text: string) => text;

export const plain: Style = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

/** The colour of a verdict, and of what marks a reason against joining: green, yellow, red. */
export function verdictColour(verdict: Verdict, style: Style): (text: string) => string {
  return verdict === 'join' ? style.green : verdict === 'wait' ? style.yellow : style.red;
}
