// Where the one-on-one log is, and reading it safely: `one_on_one.log` (default one-on-ones.yaml)
// relative to the config file's folder, or the working folder when there is no config file. Read
// with the safe reader of files.ts, and never through a symbolic link that leads out of that folder
// (a log in a pull request must not make CI read and quote another file); written atomically and
// never through a link at all.

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseLogBytes } from '../one-on-one/log.js';
import type { OneOnOneLog } from '../one-on-one/log.js';
import type { Locator } from '../load/yaml-source.js';
import type { Problem } from '../load/problem.js';
import type { OneOnOneSettings } from '../policy/resolve.js';
import { displayPath, isInside, readInputFile } from './files.js';
import { writeFileAtomic } from './write-file.js';
import type { WriteOutcome } from './write-file.js';
import { tooLarge } from '../load/input.js';
import { problem } from '../load/problem.js';
import { oneOnOneFindings } from '../one-on-one/findings.js';

export interface LogLocation {
  /** The absolute path. */
  path: string;
  /** As shown to the user, and as its problems are located. */
  file: string;
  /** The folder it must stay in. */
  folder: string;
  /** That folder in words: the config's, or, with no config file, the working folder. */
  folderName: string;
}

export function logLocation(configFile: string | undefined, cwd: string, settings: OneOnOneSettings): LogLocation {
  const folder = configFile === undefined ? path.resolve(cwd) : path.dirname(path.resolve(cwd, configFile));
  const absolute = path.resolve(folder, settings.log);
  return { path: absolute, file: displayPath(absolute, cwd), folder, folderName: configFile === undefined ? 'the working folder' : "the config's folder" };
}

export type LogRead =
  | { kind: 'missing' }
  /** It cannot be read at all (a folder, a pipe, a link out of its folder, no permission): in words. */
  | { kind: 'unreadable'; message: string }
  | { kind: 'invalid'; problems: Problem[]; text: string | undefined }
  | { kind: 'ok'; log: OneOnOneLog; locator: Locator; text: string };

export async function readLog(at: LogLocation): Promise<LogRead> {
  const shown = at.file;
  // Both real: the folder may itself be reached through a link (a temporary folder on macOS is).
  const real = await realpath(at.path).catch(() => undefined);
  if (real !== undefined) {
    const folder = await realpath(at.folder).catch(() => at.folder);
    if (!isInside(folder, real)) {
      return { kind: 'unreadable', message: `the one-on-one log ${shown} is a symbolic link to a file outside ${at.folderName}, and is not read; keep the log itself there` };
    }
  }
  const read = await readInputFile(real ?? at.path);
  switch (read.kind) {
    case 'missing':
      // A dangling link is missing too, but recording a meeting must not write through it: the writer refuses links.
      return { kind: 'missing' };
    case 'directory':
      return { kind: 'unreadable', message: `the one-on-one log ${shown} is a folder, not a file` };
    case 'unreadable':
      return { kind: 'unreadable', message: `cannot read the one-on-one log ${shown}: ${read.reason}` };
    case 'too-large':
      return { kind: 'invalid', problems: [tooLarge(shown, read.size)], text: undefined };
    case 'ok': {
      const text = new TextDecoder().decode(read.bytes);
      const loaded = parseLogBytes(read.bytes, shown);
      if (!loaded.ok) return { kind: 'invalid', problems: loaded.problems, text };
      // A leading byte-order mark is not part of the text the editor keeps.
      return { kind: 'ok', log: loaded.value, locator: loaded.locator, text: text.replace(/^\uFEFF/, '') };
    }
  }
}

/**
 * What `check` reports about the log, when there is one: its own problems when it is broken (one
 * that cannot be read at all as a file-unreadable problem, like a deal file's), else the findings
 * on it. `path` is its real path, so that the deal files found do not include it.
 */
export async function oneOnOneLogProblems(
  configFile: string | undefined,
  cwd: string,
  settings: OneOnOneSettings,
  today: string,
): Promise<{ path: string; file: string; problems: Problem[] } | undefined> {
  const at = logLocation(configFile, cwd, settings);
  const read = await readLog(at);
  if (read.kind === 'missing') return undefined;
  const real = await realpath(at.path).catch(() => at.path);
  const problems =
    read.kind === 'unreadable'
      ? [problem(at.file, { line: 1, column: 1 }, 'file-unreadable', read.message)]
      : read.kind === 'invalid'
        ? read.problems
        : oneOnOneFindings(read.log, read.locator, at.file, settings, today);
  return { path: real, file: at.file, problems };
}

/**
 * Writes the log atomically, never through a symbolic link, and never into a folder that a link
 * takes out of the config's folder (`log: people/weekly.yaml` with `people` a link elsewhere).
 */
export async function writeLog(at: LogLocation, text: string, overwrite: boolean): Promise<WriteOutcome> {
  const parent = await realpath(path.dirname(at.path)).catch(() => undefined);
  if (parent !== undefined) {
    const folder = await realpath(at.folder).catch(() => at.folder);
    if (parent !== folder && !isInside(folder, parent)) {
      return { kind: 'failed', reason: `its folder is a symbolic link out of ${at.folderName}, and links are not written through`, target: true };
    }
  }
  return writeFileAtomic(at.path, text, { overwrite, noFollow: true });
}
