// Finds and loads the config for a command: --config, else deal-triage.config.yaml in the working
// folder or its nearest parent, else the built-in defaults.

import path from 'node:path';
import { defaultConfig, parseConfigBytes } from '../load/config.js';
import { tooLarge } from '../load/input.js';
import type { Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { displayPath, findConfigFile, readInputFile } from '../io/files.js';
import { formatDiagnostics } from '../format/diagnostics.js';
import { safeChars } from '../format/sanitize.js';
import type { Style } from '../format/style.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export type ConfigOutcome =
  | { ok: true; config: ResolvedConfig; file: string | undefined }
  | { ok: false; problems: Problem[]; file: string; text: string | undefined };

export async function loadConfig(explicit: string | undefined, cwd: string): Promise<ConfigOutcome> {
  const found = explicit ?? (await findConfigFile(cwd));
  if (found === undefined) return { ok: true, config: defaultConfig(), file: undefined };
  const file = displayPath(found, cwd);
  const read = await readInputFile(path.resolve(cwd, found));
  // A config found by its name that cannot be read stops the command: skipping it would silently
  // apply a parent folder's config, or the defaults.
  switch (read.kind) {
    case 'missing':
      throw new UsageError(explicit === undefined ? `the config file ${file} is a symbolic link to nothing (its target does not exist)` : `config file not found: ${file}`);
    case 'directory':
      throw new UsageError(explicit === undefined ? `the config file ${file} is a folder, not a file` : `--config names a folder, not a file: ${file}`);
    case 'unreadable':
      throw new UsageError(`cannot read the config file ${file}: ${read.reason}`);
    case 'too-large':
      return { ok: false, problems: [tooLarge(file, read.size)], file, text: undefined };
    case 'ok': {
      const loaded = parseConfigBytes(read.bytes, file);
      if (loaded.ok) return { ok: true, config: loaded.value, file };
      return { ok: false, problems: loaded.problems, file, text: new TextDecoder().decode(read.bytes) };
    }
  }
}

/** What a command says when no config file was found (once its arguments are known to be good). */
export const NO_CONFIG_NOTE = 'deal-triage: no deal-triage.config.yaml found here or in a parent folder; using the built-in defaults\n';

/**
 * The config for a command. An invalid one has its problems printed on stderr, located, and gives
 * undefined: the command then exits 2.
 */
export async function commandConfig(
  explicit: string | undefined,
  io: Io,
  stderrStyle: Style,
): Promise<{ config: ResolvedConfig; file: string | undefined } | undefined> {
  const loaded = await loadConfig(explicit, io.cwd);
  if (loaded.ok) return { config: loaded.config, file: loaded.file };
  const sources = new Map(loaded.text === undefined ? [] : [[loaded.file, loaded.text]]);
  io.stderr.write(formatDiagnostics(loaded.problems, sources, stderrStyle));
  io.stderr.write(`deal-triage: the config file ${safeChars(loaded.file)} is invalid; fix it or pass another with --config\n`);
  return undefined;
}
