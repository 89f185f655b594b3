// Finds and loads the config for a command: --config, else deal-triage.config.yaml in the working
// folder or its nearest parent (for `check`, from the checked paths' folders upward first), else the
// built-in defaults.

import { defaultConfig } from '../load/config-quick.js';
import type { Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { findConfigForPaths } from '../io/config-lookup.js';
import { findConfigFile, linksOutOfItsFolder } from '../io/files.js';
import { inputPath, loadInputFile } from '../io/load-file.js';
import type { NotReadWording } from '../io/load-file.js';
import { formatDiagnostics } from '../format/diagnostics.js';
import { safeChars } from '../format/sanitize.js';
import type { Style } from '../format/style.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export type ConfigOutcome =
  | { ok: true; config: ResolvedConfig; file: string | undefined }
  | { ok: false; problems: Problem[]; file: string; text: string | undefined };

/** A config named by --config: the user gave this path. */
const GIVEN: NotReadWording = {
  missing: (file) => `config file not found: ${file}`,
  directory: (file) => `--config names a folder, not a file: ${file}`,
  unreadable: (file, reason) => `cannot read the config file ${file}: ${reason}`,
};

/** A config found by its name: it is there, as something, or it would not have been found. */
const FOUND: NotReadWording = {
  missing: (file) => `the config file ${file} is a symbolic link to nothing (its target does not exist)`,
  directory: (file) => `the config file ${file} is a folder, not a file`,
  unreadable: GIVEN.unreadable,
};

/**
 * `from`: the paths the command works on, whose config is looked for from their folders upward
 * (src/io/config-lookup.ts); absent, from the working folder upward.
 */
export async function loadConfig(explicit: string | undefined, cwd: string, from?: readonly string[]): Promise<ConfigOutcome> {
  const found = explicit ?? (from === undefined ? await findConfigFile(cwd) : await configForPaths(from, cwd));
  if (found === undefined) return { ok: true, config: defaultConfig(), file: undefined };
  if (explicit === undefined && (await linksOutOfItsFolder(found))) {
    throw new UsageError(
      `the config file ${safeChars(inputPath(found, cwd).file)} is a symbolic link to a file outside its folder, and is not read; copy the config here, or name it with --config`,
    );
  }
  const loaded = await loadInputFile(inputPath(found, cwd), 'config', { wording: explicit === undefined ? FOUND : GIVEN });
  // A config found by its name that cannot be read stops the command: skipping it would silently
  // apply a parent folder's config, or the defaults.
  if (!loaded.read) throw new UsageError(loaded.message);
  if (loaded.ok) return { ok: true, config: loaded.value, file: loaded.file };
  return { ok: false, problems: loaded.problems, file: loaded.file, text: loaded.text };
}

async function configForPaths(paths: readonly string[], cwd: string): Promise<string | undefined> {
  const lookup = await findConfigForPaths(paths, cwd);
  if (lookup.ok) return lookup.file;
  const each = lookup.configs.map(({ config, path }) => `${safeChars(config)} for ${safeChars(path)}`).join(', ');
  throw new UsageError(`the paths are under different configs (${each}): check them one at a time, or name the config with --config`);
}

/** What a command says when no config file was found (once its arguments are known to be good). */
export const NO_CONFIG_NOTE = 'deal-triage: no deal-triage.config.yaml found here or in a parent folder; using the built-in defaults\n';

/** A command's config, and the file it came from (undefined: the built-in defaults). */
export interface CommandConfig {
  config: ResolvedConfig;
  file: string | undefined;
}

/**
 * The config for a command. An invalid one has its problems printed on stderr, located, and gives
 * undefined: the command then exits 2.
 */
export async function commandConfig(explicit: string | undefined, io: Io, stderrStyle: Style, from?: readonly string[]): Promise<CommandConfig | undefined> {
  const loaded = await loadConfig(explicit, io.cwd, from);
  if (loaded.ok) return { config: loaded.config, file: loaded.file };
  const sources = new Map(loaded.text === undefined ? [] : [[loaded.file, loaded.text]]);
  io.stderr.write(formatDiagnostics(loaded.problems, sources, stderrStyle));
  io.stderr.write(`deal-triage: the config file ${safeChars(loaded.file)} is invalid; fix it or pass another with --config\n`);
  return undefined;
}
