// Whether to colour, by the usual conventions: --no-color and --color first, then NO_COLOR
// (https://no-color.org), then FORCE_COLOR, then whether the stream is a terminal.

import type { Style } from '../format/style.js';
import { plain } from '../format/style.js';
import type { Io, Output } from './io.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(flag: boolean | undefined, stream: Output, env: Io['env']): ColorLevel {
  if (flag === false) return 0;
  if (flag === true) return 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as ColorLevel;
    return 1;
  }
  if (stream.isTTY !== true || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 1;
}

/** chalk is loaded only when colour is on: plain output does not pay for it. */
export async function styleFor(level: ColorLevel): Promise<Style> {
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return {
    bold: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    red: (t) => chalk.red(t),
    green: (t) => chalk.green(t),
    yellow: (t) => chalk.yellow(t),
    cyan: (t) => chalk.cyan(t),
  };
}
