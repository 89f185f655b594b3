// Parsers for option values, run by commander as it reads argv: a bad value is a usage error
// (exit 2) with commander's message, before any command runs.

import { InvalidArgumentError, Option } from 'commander';
import type { Concurrency } from '../io/check-files.js';

/** The options every command takes (before or after the command's name). */
export interface CommonOptions {
  config?: string;
  /** --today, checked as it was read (src/cli/today.ts). */
  today?: string;
  color?: boolean;
  debug?: boolean;
}

/** `--max-warnings`: a whole number, 0 or more; -1 (ESLint's convention) means no limit. */
export function parseMaxWarnings(value: string): number {
  if (!/^(-1|\d+)$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('It takes a whole number, 0 or more (-1 for no limit).');
  }
  return Number(value);
}

/** `--concurrency`: auto, off, or a number of threads. */
export function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value)) || Number(value) < 1) {
    throw new InvalidArgumentError('It takes auto, off, or a number of threads (1 or more).');
  }
  return Number(value);
}

/** Short names a format is also known by, wherever the format itself is offered: `-f md`. */
export const FORMAT_ALIASES: Readonly<Record<string, string>> = { md: 'markdown' };

/**
 * `-f, --format <format>` for a command's formats, with their aliases (`md` for `markdown`, where a
 * command has markdown): the value is the format's own name once read, so the command never sees
 * an alias.
 */
export function formatOption<F extends string>(formats: readonly F[], defaultFormat: F): Option {
  const aliases = Object.entries(FORMAT_ALIASES).filter(([, to]) => (formats as readonly string[]).includes(to));
  const named = formats.map((format) => {
    const alias = aliases.find(([, to]) => to === format);
    return alias ? `${format} (or ${alias[0]})` : format;
  });
  return new Option('-f, --format <format>', `output format: ${named.join(', ')}`)
    .argParser((value: string): F => {
      const format = aliases.find(([from]) => from === value)?.[1] ?? value;
      if (!(formats as readonly string[]).includes(format)) throw new InvalidArgumentError(`Allowed choices are ${named.join(', ')}.`);
      return format as F;
    })
    .default(defaultFormat);
}
