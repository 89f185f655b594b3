// Finds the deal files `check` reads: every .yaml/.yml file under the given paths, recursively,
// skipping the config file, dot-files and dot-folders (.git, .github) and node_modules. A path named
// on the command line is taken whatever its name. Symbolic links to folders are not followed (a
// link back up the tree would never end); links to files are read like files.

import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../load/config.js';
import { displayPath } from './files.js';

export interface DiscoveredFile {
  /** Absolute, for reading. */
  path: string;
  /** As shown to the user: relative to the working folder, with slashes. */
  file: string;
}

export type Discovery =
  | { ok: true; files: DiscoveredFile[] }
  | { ok: false; missing: string[]; unreadable: { path: string; reason: string }[] };

const DEAL_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

export async function discoverDealFiles(paths: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Map<string, DiscoveredFile>();
  const missing: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const add = (absolute: string) => found.set(absolute, { path: absolute, file: displayPath(absolute, cwd) });

  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: displayPath(folder, cwd), reason: reason(error) });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(absolute);
      } else if (DEAL_FILE.test(entry.name) && !CONFIG_NAMES.has(entry.name)) {
        if (entry.isFile()) add(absolute);
        else if (entry.isSymbolicLink() && (await isFile(absolute))) add(absolute);
      }
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(given);
      else unreadable.push({ path: given, reason: reason(error) });
      continue;
    }
    if (info.isDirectory()) await walk(absolute);
    else add(absolute);
  }
  if (missing.length > 0 || unreadable.length > 0) return { ok: false, missing, unreadable };
  // Sorted by the path shown, code unit by code unit: the same on every machine and locale.
  const files = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ok: true, files };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
}
