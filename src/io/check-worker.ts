// A worker thread of `check`: receives batches of files, reads and checks each, and sends the
// reports back. The config arrives once, with the worker. Under --cache a batch comes with the hash
// each file's kept report was made from, and goes back with the hash of each file read.

import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../policy/resolve.js';
import { checkOne, checkOneHashed } from './check-files.js';
import type { DiscoveredFile } from './discover.js';

const { config } = workerData as { config: ResolvedConfig };

parentPort?.on('message', ({ start, files, known }: { start: number; files: DiscoveredFile[]; known?: (string | undefined)[] }) => {
  const reports = known ? files.map((file, i) => checkOneHashed(file, config, known[i])) : files.map((file) => checkOne(file, config));
  parentPort?.postMessage({ start, reports });
});
