// Reads and checks the deal files `check` found, on this thread or, for a very large folder, on
// worker threads. A worker costs its start (~80 ms) and its own warming up: each compiles and
// optimises the loader and the rules anew, which is a large part of checking a few thousand files.
// And on a 2-vCPU machine two threads checking at once run each file slower than one alone (the
// garbage collector already uses the second core). So `auto` uses workers only for a folder of
// tens of thousands of files, and only on cores that are free (npm run bench measures where they
// pay). Either way each file goes through the same loader and pure check, and reports come back in
// the order the files were given, so the output is byte-identical whichever path ran. With
// `--cache`, each file's bytes are hashed as they are read, and a file whose hash is the one its
// cached report was made from is not parsed: the cached report stands (src/io/check-cache.ts keeps them).

import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contentHash, settledStamp, STAMP_SETTLED_MS } from '../check/cache.js';
import type { Stamp } from '../check/cache.js';
import { checkLoaded } from '../check/file.js';
import type { CheckFileOptions, FileReport } from '../check/file.js';
import { problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { DiscoveredFile } from './discover.js';
import { readInputFileSync, unchanged } from './files.js';
import { fromRead } from './load-file.js';
import { ZOD_FALLBACK } from './load-file-zod.js';
import type { NotReadWording } from './load-file.js';

/** Below this many files, `auto` checks on this thread: workers cost more than they save (bench/check.js). */
export const PARALLEL_MIN_FILES = 50_000;
/** Files a worker gets at a time: big enough to keep messages few, small enough to share out evenly. */
const BATCH = 256;

/** How many threads to use: `auto` (by folder size and cores), `off` (this thread) or a number. */
export type Concurrency = 'auto' | 'off' | number;

/** What check says of a file it found and then could not read: a problem at 1:1. */
export const CHECK_WORDING: NotReadWording = {
  // Found, then gone before it was read (a checkout switching branches, say).
  missing: () => 'the file disappeared while the folder was being checked',
  directory: () => 'this is a folder, not a deal file',
  unreadable: (_file, reason, notAFile) => (notAFile ? `${reason}; it is not read` : `cannot read the file: ${reason}`),
};

export function checkOne(entry: DiscoveredFile, config: ResolvedConfig, options: CheckFileOptions): FileReport {
  return checkRead(entry, config, options).report!;
}

/**
 * Reads a file once and checks it. With `cache`, also hashes what was read: bytes that hash to
 * `cache.known` are not parsed (the kept report stands, and none is given). A file that is not read
 * (refused, missing, not a file, too large) has no hash, and is never kept. The file's stamp is
 * given with its hash when neither its mtime nor its ctime is later than `cache.settled`.
 */
function checkRead(entry: DiscoveredFile, config: ResolvedConfig, options: CheckFileOptions, cache?: HashedRead): Hashed {
  const at = { line: 1, column: 1 };
  if (entry.refused) return { report: { file: entry.file, problems: [problem(entry.file, at, entry.refused.rule, entry.refused.message)] } };
  // The path is real (discovery resolved it): a link that appears there since is not followed. The
  // reused buffer: hashed, and decoded if need be, before the next file is read.
  const read = readInputFileSync(entry.path, { noFollow: true, reuseBuffer: true, stamp: cache !== undefined });
  const hash = cache && read.kind === 'ok' ? contentHash(read.bytes) : undefined;
  const settled = cache && read.kind === 'ok' ? settledStamp(read.stamp, cache.settled) : undefined;
  const stamp = settled ? { stamp: settled } : {};
  if (hash !== undefined && hash === cache?.known) return { hash, ...stamp };
  const loaded = fromRead(read, entry.file, 'deal', { wording: CHECK_WORDING, defaultCurrency: config.company.currency }, ZOD_FALLBACK);
  const report: FileReport = loaded.read
    ? checkLoaded(loaded, entry.file, config, options)
    : { file: entry.file, problems: [problem(entry.file, at, loaded.notAFile ? 'not-a-file' : 'file-unreadable', loaded.message)] };
  return hash === undefined ? { report } : { hash, report, ...stamp };
}

/** What a read under --cache knows: the hash of the kept report's bytes, and the time before which a file's stamp is kept. */
interface HashedRead {
  known: string | undefined;
  settled: number;
}

/** `--cache` as checkFiles sees it: a report kept for a file, and where each file read is recorded. */
export interface ReportCache {
  /** The report kept for the file (by the name it is shown by), and the content hash it was made from. */
  get(file: string): { hash: string; report: FileReport; stamp?: Stamp } | undefined;
  /** A file read, or known unchanged by its stamp: its content hash, its report (new or kept), its stamp if kept. */
  set(file: string, hash: string, report: FileReport, stamp: Stamp | undefined): void;
}

/**
 * A file checked under --cache: the hash of what was read (none if it was not), its report (none
 * when the kept one stands) and its stamp, when it is to be kept.
 */
export interface Hashed {
  hash?: string;
  report?: FileReport;
  stamp?: Stamp;
}

/** checkOne under --cache: bytes that hash to `known` are not parsed. */
export function checkOneHashed(entry: DiscoveredFile, config: ResolvedConfig, known: string | undefined, settled: number, options: CheckFileOptions): Hashed {
  return checkRead(entry, config, options, { known, settled });
}

/** The machine, as `auto` sees it: its cores, and how many are busy (the load average over a minute). */
export interface Machine {
  cores: number;
  load: number;
}

const thisMachine = (): Machine => ({ cores: availableParallelism(), load: loadavg()[0] ?? 0 });

export function threadsFor(files: number, concurrency: Concurrency, machine: Machine = thisMachine()): number {
  if (concurrency === 'off') return 1;
  const batches = Math.ceil(files / BATCH);
  if (concurrency !== 'auto') return Math.max(1, Math.min(concurrency, batches));
  if (files < PARALLEL_MIN_FILES) return 1;
  // Workers on busy cores only take turns with what already runs there.
  const free = Math.max(1, Math.round(machine.cores - machine.load));
  return free < 2 ? 1 : Math.min(free, batches);
}

export async function checkFiles(
  files: readonly DiscoveredFile[],
  config: ResolvedConfig,
  concurrency: Concurrency,
  options: CheckFileOptions,
  cache?: ReportCache,
): Promise<FileReport[]> {
  const kept = cache ? files.map((entry) => cache.get(entry.file)) : [];
  // A file the file system says is as it was is not read: its kept report stands.
  const same = kept.map((entry, i) => entry !== undefined && unchanged(files[i]!, entry.stamp));
  // A file with a kept report is most likely only read and hashed, a small part of checking it:
  // `auto` counts the others (a warm run of 10,000 files was slower on workers than without).
  const threads = threadsFor(cache && concurrency === 'auto' ? kept.filter((entry) => !entry).length : files.length, concurrency);
  // The worker is built next to this module (dist/io/ or dist/bundle/); running from TypeScript
  // sources (the test runner) there is none, and one thread does the same work.
  const worker = new URL('./check-worker.js', import.meta.url);
  const parallel = threads > 1 && existsSync(fileURLToPath(worker));
  if (!cache) return parallel ? checkInWorkers(files, config, options, threads, worker) : files.map((entry) => checkOne(entry, config, options));
  const known = kept.map((entry) => entry?.hash);
  // Read now, a file changed within STAMP_SETTLED_MS keeps no stamp: it is read again next time.
  const settled = Date.now() - STAMP_SETTLED_MS;
  // Workers get only the files to read, and give their results back in that order.
  const fromWorkers = parallel
    ? await checkInWorkers(files.filter((_entry, i) => !same[i]), config, options, threads, worker, { known: known.filter((_hash, i) => !same[i]), settled })
    : undefined;
  let next = 0;
  return files.map((entry, i) => {
    const { hash, report, stamp }: Hashed = same[i] ? kept[i]! : fromWorkers ? fromWorkers[next++]! : checkOneHashed(entry, config, known[i], settled, options);
    const settledReport = report ?? kept[i]!.report;
    if (hash !== undefined) cache.set(entry.file, hash, settledReport, stamp);
    return settledReport;
  });
}

/**
 * What a worker sends back for a batch: its reports (or, under --cache, hashed reports) as one JSON
 * text, which crosses threads at a fraction of the cost of as many objects.
 */
export interface BatchResult {
  start: number;
  reports: string;
}

/** Under --cache, what the workers get with the files: each one's kept hash, and the stamps' cut-off (HashedRead). */
interface HashedBatch {
  known: (string | undefined)[];
  settled: number;
}

function checkInWorkers(files: readonly DiscoveredFile[], config: ResolvedConfig, options: CheckFileOptions, threads: number, script: URL): Promise<FileReport[]>;
function checkInWorkers(
  files: readonly DiscoveredFile[],
  config: ResolvedConfig,
  options: CheckFileOptions,
  threads: number,
  script: URL,
  hashed: HashedBatch,
): Promise<Hashed[]>;
function checkInWorkers(
  files: readonly DiscoveredFile[],
  config: ResolvedConfig,
  options: CheckFileOptions,
  threads: number,
  script: URL,
  hashed?: HashedBatch,
): Promise<(FileReport | Hashed)[]> {
  return new Promise((resolve, reject) => {
    const reports = new Array<FileReport | Hashed>(files.length);
    const workers: Worker[] = [];
    let next = 0;
    let pending = 0;
    let failed = false;

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const send = (worker: Worker) => {
      if (next >= files.length) return false;
      const start = next;
      next = Math.min(files.length, next + BATCH);
      pending += 1;
      worker.postMessage({ start, files: files.slice(start, next), ...(hashed && { known: hashed.known.slice(start, next), settled: hashed.settled }) });
      return true;
    };

    for (let i = 0; i < threads; i++) {
      const worker = new Worker(script, { workerData: { config, options } });
      workers.push(worker);
      worker.on('message', (result: BatchResult) => {
        (JSON.parse(result.reports) as (FileReport | Hashed)[]).forEach((report, i) => (reports[result.start + i] = report));
        pending -= 1;
        if (!send(worker) && pending === 0 && !failed) {
          for (const w of workers) void w.terminate();
          resolve(reports);
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0 && !failed && pending > 0) fail(new Error(`a check worker stopped with exit code ${code}`));
      });
      // Two batches each, so a worker never waits for the next one to arrive.
      send(worker);
      send(worker);
    }
  });
}
