// What a command runs with, built once per run by main.ts: the process's streams, the styles that
// colour each of them (by --color/--no-color, the environment, and whether it is a terminal), the
// day the run is for (--today, DEAL_TRIAGE_TODAY or the system date), and the config, loaded when
// the command first asks for it (`new` checks its arguments and the terminal before it reads any file).

import type { Style } from '../format/style.js';
import { colorLevel, styleFor } from './color.js';
import { commandConfig } from './config.js';
import type { CommandConfig } from './config.js';
import type { Io } from './io.js';
import type { CommonOptions } from './options.js';
import { runToday } from './today.js';

export interface CommandContext {
  io: Io;
  styles: { stdout: Style; stderr: Style };
  /** The day the run decides on, YYYY-MM-DD. */
  today: string;
  /**
   * The config, loaded once. Undefined when it is invalid: its problems are on stderr then, located,
   * and the command exits 2. A config that cannot be read at all is a UsageError. With `from`, the
   * config is the one for those paths (src/io/config-lookup.ts), else the working folder's.
   */
  config(from?: readonly string[]): Promise<CommandConfig | undefined>;
}

export async function commandContext(io: Io, options: CommonOptions): Promise<CommandContext> {
  // Read once, first: a bad DEAL_TRIAGE_TODAY stops the command before it reads or asks anything.
  const today = runToday(options.today, io.env);
  const levels = { stdout: colorLevel(options.color, io.stdout, io.env), stderr: colorLevel(options.color, io.stderr, io.env) };
  const stdout = await styleFor(levels.stdout);
  const stderr = levels.stderr === levels.stdout ? stdout : await styleFor(levels.stderr);
  let config: Promise<CommandConfig | undefined> | undefined;
  return {
    io,
    styles: { stdout, stderr },
    today,
    // `from`: the paths whose folders the config is looked for from (check); the first call decides.
    config: (from) => (config ??= commandConfig(options.config, io, stderr, from)),
  };
}
