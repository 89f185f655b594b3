// The deals folder as it was at a git revision, for `review --since`: read through the `git`
// executable (execFile, never a shell), as changesets reads history, never by diffing the working
// tree by hand. Four processes whatever the folder's size: where the repository is, which commit
// the revision names (or the last commit before a date), the files under the folder at that commit
// (`ls-tree`), and the contents of the ones that differ from the working tree (`cat-file --batch`:
// one process for 10,000 files, not 10,000). A file whose blob id is the working tree file's hash
// is the same bytes: it is not read at all.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../load/config.js';
import { MAX_FILE_BYTES } from '../load/limits.js';
import type { ReadOutcome } from './files.js';

/** Why the revision cannot be read: each a usage error, worded by the command. */
export type GitFailure =
  | { kind: 'no-git'; detail: string }
  | { kind: 'not-a-repository'; folder: string }
  | { kind: 'unknown-revision'; revision: string }
  | { kind: 'shallow'; revision: string }
  | { kind: 'outside-repository'; path: string; top: string }
  | { kind: 'failed'; detail: string };

export interface RevisionFile {
  /** Absolute, under the repository's top folder (real, as git gives it). */
  path: string;
  /** The blob id: the git hash of the file's bytes. */
  blob: string;
}

export interface Revision {
  /** null: no commit is as old as the date given (the folder did not exist yet). */
  commit: string | null;
  /** The commit's date, YYYY-MM-DD in UTC. */
  date: string | null;
  top: string;
  files: RevisionFile[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEAL_FILE = /\.ya?ml$/i;
const CONFIG_NAMES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/** Whether `--since` names a date (YYYY-MM-DD) rather than a revision. */
export const isSinceDate = (since: string): boolean => DATE.test(since);

/** The id git gives these bytes as a blob: what `ls-tree` lists, so equal ids mean equal bytes. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git with these arguments in `cwd`, feeding `input` on stdin; never through a shell. */
function git(args: readonly string[], cwd: string, input?: string): Promise<GitRun | { code: 'ENOENT' | 'error'; detail: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      // Git's own words in English, whatever the user's locale; no pager, no prompt for a password.
      { cwd, encoding: 'buffer', maxBuffer: Number.MAX_SAFE_INTEGER, env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' }, windowsHide: true },
      (error, stdout, stderr) => {
        const code: unknown = (error as { code?: unknown } | null)?.code;
        if (code === 'ENOENT') resolve({ code: 'ENOENT', detail: 'the git executable was not found' });
        else if (error && typeof code !== 'number') resolve({ code: 'error', detail: error.message });
        else resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr: stderr.toString('utf8') });
      },
    );
    // Git may stop reading early (an error it reports on stderr): a closed pipe is not a second error.
    child.stdin?.on('error', () => undefined);
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/**
 * The deal files under `folders` (absolute) at the revision `since`, or the last commit before the
 * date `since` (before its first second, UTC). Dot-files, dot-folders, node_modules, the config,
 * links and submodules are skipped, as discovery skips them in the working tree.
 */
export async function revisionFiles(since: string, folders: readonly string[], cwd: string): Promise<Revision | GitFailure> {
  const topRun = await git(['rev-parse', '--show-toplevel'], cwd);
  if (topRun.code === 'ENOENT' || topRun.code === 'error') return { kind: 'no-git', detail: topRun.detail };
  if (topRun.code !== 0) return { kind: 'not-a-repository', folder: cwd };
  const top = topRun.stdout.toString('utf8').trim();
  const shallowRun = await git(['rev-parse', '--is-shallow-repository'], cwd);
  const shallow = typeof shallowRun.code === 'number' && shallowRun.code === 0 && 'stdout' in shallowRun && shallowRun.stdout.toString('utf8').trim() === 'true';

  let commit: string | null;
  if (isSinceDate(since)) {
    const run = await git(['rev-list', '-1', `--before=${since} 00:00:00 +0000`, 'HEAD', '--'], cwd);
    // No HEAD yet (a repository without a commit): nothing is that old.
    commit = typeof run.code === 'number' && run.code === 0 && 'stdout' in run ? run.stdout.toString('utf8').trim() || null : null;
    // A shallow clone lacks the older commits: "none before that date" may only mean "not fetched".
    if (commit === null && shallow) return { kind: 'shallow', revision: since };
  } else {
    const run = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${since}^{commit}`], cwd);
    if (run.code !== 0 || !('stdout' in run)) return shallow ? { kind: 'shallow', revision: since } : { kind: 'unknown-revision', revision: since };
    commit = run.stdout.toString('utf8').trim();
  }
  if (commit === null) return { commit: null, date: null, top, files: [] };

  const dateRun = await git(['show', '-s', '--format=%ct', commit, '--'], cwd);
  if (dateRun.code !== 0 || !('stdout' in dateRun)) return { kind: 'failed', detail: 'stderr' in dateRun ? dateRun.stderr.trim() : dateRun.detail };
  const date = new Date(Number(dateRun.stdout.toString('utf8').trim()) * 1000).toISOString().slice(0, 10);

  const prefixes: string[] = [];
  for (const folder of folders) {
    const relative = path.relative(top, folder);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { kind: 'outside-repository', path: folder, top };
    prefixes.push(relative === '' ? '.' : relative.split(path.sep).join('/'));
  }
  const list = await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...prefixes.map((p) => (p === '.' ? '' : p)).filter((p) => p !== '')], top);
  if (list.code !== 0 || !('stdout' in list)) return { kind: 'failed', detail: 'stderr' in list ? list.stderr.trim() : list.detail };
  const named = new Set(prefixes);
  const files: RevisionFile[] = [];
  const seen = new Set<string>();
  for (const entry of list.stdout.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, blob] = entry.slice(0, tab).split(' ') as [string, string, string];
    const file = entry.slice(tab + 1);
    // Links (120000) are not followed, as in the working tree; submodules (commits) are not deal files.
    if (type !== 'blob' || mode === '120000') continue;
    // A file named on the command line is taken whatever its name; inside a folder, as discovery does.
    if (!named.has(file)) {
      const parts = file.split('/');
      const name = parts.at(-1)!;
      if (!DEAL_FILE.test(name) || CONFIG_NAMES.has(name) || parts.some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    }
    if (seen.has(file)) continue;
    seen.add(file);
    files.push({ path: path.join(top, ...file.split('/')), blob });
  }
  return { commit, date, top, files };
}

/**
 * The bytes of these blobs, in order, through one `git cat-file --batch`: each as the safe readers
 * give a file (too large past MAX_FILE_BYTES, so the loader refuses it as it refuses a file).
 */
export async function readBlobs(blobs: readonly string[], top: string): Promise<ReadOutcome[] | GitFailure> {
  if (blobs.length === 0) return [];
  const run = await git(['cat-file', '--batch'], top, `${blobs.join('\n')}\n`);
  if (run.code !== 0 || !('stdout' in run)) return { kind: 'failed', detail: 'stderr' in run ? run.stderr.trim() : run.detail };
  const out = run.stdout;
  const read: ReadOutcome[] = [];
  let at = 0;
  for (const blob of blobs) {
    const end = out.indexOf(0x0a, at);
    if (end < 0) return { kind: 'failed', detail: 'git cat-file stopped early' };
    const header = out.toString('utf8', at, end).split(' ');
    at = end + 1;
    // Each answer names the object asked for, in order: anything else is an answer misread.
    if (header[0] !== blob) return { kind: 'failed', detail: `git cat-file answered for ${header[0] ?? 'nothing'} where ${blob} was asked for` };
    if (header[1] === 'missing' || header.length < 3) {
      read.push({ kind: 'unreadable', reason: 'git does not have this file (a partial or shallow clone)' });
      continue;
    }
    const size = Number(header[2]);
    read.push(size > MAX_FILE_BYTES ? { kind: 'too-large', size } : { kind: 'ok', bytes: out.subarray(at, at + size) });
    at += size + 1;
  }
  return read;
}
