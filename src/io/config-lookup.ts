// Which config applies to the paths a command checks (`check`, and `review`, which may import this):
// as ESLint's file-based lookup does, the first deal-triage.config.yaml walking up from each path's
// folder (a folder itself, a file's folder), then the working folder's. One run has one config, so
// paths under different configs are a usage error rather than one config silently applied to both.

import { stat } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, findConfigFile } from './files.js';

export type ConfigLookup =
  /** The config that applies (undefined: none, the built-in defaults). */
  | { ok: true; file: string | undefined }
  /** Paths under different configs: each config, shown, with the first path it applies to. */
  | { ok: false; configs: { config: string; path: string }[] };

/** The folder a path's config is looked for from: the path itself for a folder, else its folder. */
async function startOf(given: string, cwd: string): Promise<string> {
  const absolute = path.resolve(cwd, given);
  try {
    if ((await stat(absolute)).isDirectory()) return absolute;
  } catch {
    // Missing or unreadable: the command reports it; its folder is still where a config would be.
  }
  return path.dirname(absolute);
}

export async function findConfigForPaths(paths: readonly string[], cwd: string): Promise<ConfigLookup> {
  const found = new Map<string, string>();
  for (const given of paths) {
    const config = await findConfigFile(await startOf(given, cwd));
    if (config !== undefined && !found.has(config)) found.set(config, given);
  }
  if (found.size > 1) return { ok: false, configs: [...found].map(([config, given]) => ({ config: displayPath(config, cwd), path: displayPath(given, cwd) })) };
  if (found.size === 1) return { ok: true, file: [...found.keys()][0] };
  // Paths outside the working folder's tree, under no config: the working folder's, as for triage.
  return { ok: true, file: await findConfigFile(cwd) };
}
