// A worker thread of `check`: receives batches of files, reads and checks each, and sends the
// reports back as one JSON text a batch. The config and the options arrive once, with the worker.
// Under --cache a batch comes with the hash each file's kept report was made from, and goes back
// with the hash (and stamp) of each file read.

import { parentPort, workerData } from 'node:worker_threads';
import type { CheckFileOptions } from '../check/file.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { checkOne, checkOneHashed } from './check-files.js';
import type { BatchResult } from './check-files.js';
import type { DiscoveredFile } from './discover.js';

const { config, options } = workerData as { config: ResolvedConfig; options: CheckFileOptions };

interface Batch {
  start: number;
  files: DiscoveredFile[];
  known?: (string | undefined)[];
  settled?: number;
}

parentPort?.on('message', ({ start, files, known, settled }: Batch) => {
  const reports = known ? files.map((file, i) => checkOneHashed(file, config, known[i], settled ?? 0, options)) : files.map((file) => checkOne(file, config, options));
  const result: BatchResult = { start, reports: JSON.stringify(reports) };
  parentPort?.postMessage(result);
});
