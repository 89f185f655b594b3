// Finds the deal files `check` reads: every .yaml/.yml file under the given paths, recursively,
// skipping the config file, dot-files and dot-folders (.git, .github) and node_modules. A path named
// on the command line is taken whatever its name, and may be a symbolic link.
//
// Inside a folder, what a deal file name leads to is settled here, before anything is opened: a link
// is followed only to a regular file inside the folder being checked (its real path), so a data file
// in a pull request cannot make the tool read, and print, a file elsewhere on the machine. A link
// leading out, a dangling link, a pipe, socket or device become a located problem of their own, never
// read. Links to folders are not followed (a link back up the tree would never end). The walk goes
// down real folders only, from the real path of each folder given, so every path it reads is real.

import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../load/config-quick.js';
import { displayPath, isInside } from './files.js';
import { describeFsError, isMissing, kindOf } from './fs-errors.js';

export interface DiscoveredFile {
  /** Absolute and real (no symbolic link in it), for reading without following links. */
  path: string;
  /** As shown to the user: relative to the working folder, with slashes; a link shows as the link. */
  file: string;
  /** Set when the file must not be read: the problem it is reported as instead, at 1:1. */
  refused?: { rule: 'file-outside-folder' | 'file-unreadable' | 'not-a-file'; message: string };
}

export type Discovery =
  | { ok: true; files: DiscoveredFile[] }
  /** Some paths could not be read: `files` are those found under the others. */
  | { ok: false; missing: string[]; unreadable: { path: string; reason: string }[]; files: DiscoveredFile[] };

const DEAL_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

export async function discoverDealFiles(paths: readonly string[], cwd: string): Promise<Discovery> {
  // Keyed by real path: a file reached by several paths (a folder named twice, a link to a file
  // also found in the folder) is checked once, under its own name (the first in sort order), or the
  // first of the links to it when only links reach it.
  const found = new Map<string, DiscoveredFile>();
  /** Real paths found by their own name, not only through a link. */
  const own = new Set<string>();
  const missing: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  /** `display`: the path as shown, when the caller has it already (see walk; `shown` is not read then). */
  const add = (real: string, shown: string, refused?: DiscoveredFile['refused'], display = displayPath(shown, cwd), viaLink = false) => {
    const entry: DiscoveredFile = { path: real, file: display, ...(refused && { refused }) };
    const earlier = found.get(real);
    const ownName = !viaLink && !own.has(real);
    if (!earlier || ownName || (viaLink === !own.has(real) && entry.file < earlier.file)) found.set(real, entry);
    if (!viaLink) own.add(real);
  };

  /** `folder` is real; `shown` is the same folder as the user named it. */
  const walk = async (root: string, folder: string, shown: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: displayPath(shown, cwd), reason: describeFsError(error) });
      return;
    }
    // How the folder's files are shown: the folder as shown, then the name (a name has no separator,
    // and one starting with "." is skipped), without working out each file's path from the start.
    const folderShown = displayPath(shown, cwd);
    const prefix = path.resolve(cwd, shown) === path.resolve(cwd) ? '' : `${folderShown}/`;
    // `folder` is real and normalised, and a name holds no separator: joined as text, which is what
    // path.join gives here at a fraction of its cost over 100,000 names.
    const inFolder = folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const real = `${inFolder}${entry.name}`;
      // As shown, for what is not a plain file (most entries are): worked out only for those.
      const shownPath = () => path.join(shown, entry.name);
      let type: Dirent | Stats = entry;
      // Some file systems do not give the type in the listing.
      if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !isSpecial(entry)) {
        try {
          type = await lstat(real);
        } catch {
          continue; // Gone since the listing.
        }
      }
      if (type.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(root, real, shownPath());
      } else if (DEAL_FILE.test(entry.name) && !CONFIG_NAMES.has(entry.name)) {
        if (type.isFile()) add(real, '', undefined, `${prefix}${entry.name}`);
        else if (type.isSymbolicLink()) await followLink(root, real, shownPath());
        else add(real, shownPath(), { rule: 'not-a-file', message: `this is ${kindOf(type)}, not a deal file; it is not read` });
      }
    }
  };

  /** A link with a deal file name, found in the folder `root` (real). */
  const followLink = async (root: string, link: string, shown: string): Promise<void> => {
    let target: string;
    let info: Stats;
    try {
      target = await realpath(link);
      info = await stat(target);
    } catch (error) {
      const message = isMissing(error)
        ? 'this is a symbolic link to nothing (its target does not exist)'
        : `this is a symbolic link that cannot be followed: ${describeFsError(error)}`;
      add(link, shown, { rule: 'file-unreadable', message });
      return;
    }
    if (info.isDirectory()) return; // Links to folders are not followed.
    if (!info.isFile()) {
      add(link, shown, { rule: 'not-a-file', message: `this is a symbolic link to ${kindOf(info)}, not to a deal file; it is not read` });
    } else if (!isInside(root, target)) {
      add(link, shown, {
        rule: 'file-outside-folder',
        message: `this is a symbolic link to a file outside the folder being checked; it is not read (copy the file here, or check its own folder)`,
      });
    } else {
      add(target, shown, undefined, undefined, true);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let real: string;
    let info: Stats;
    try {
      real = await realpath(absolute);
      info = await stat(real);
    } catch (error) {
      if (isMissing(error)) missing.push(given);
      else unreadable.push({ path: given, reason: describeFsError(error) });
      continue;
    }
    // Named on the command line: the user chose this file, link or not.
    if (info.isDirectory()) await walk(real, real, absolute);
    else if (info.isFile()) add(real, absolute);
    else add(real, absolute, { rule: 'not-a-file', message: `this is ${kindOf(info)}, not a deal file; it is not read` });
  }
  // Sorted by the path shown, code unit by code unit: the same on every machine and locale.
  const files = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (missing.length > 0 || unreadable.length > 0) return { ok: false, missing, unreadable, files };
  return { ok: true, files };
}

function isSpecial(entry: Dirent): boolean {
  return entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
}
