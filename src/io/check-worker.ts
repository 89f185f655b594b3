// A worker thread of `check`: receives batches of files, reads and checks each, and sends the
// reports back. The config arrives once, with the worker.

import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../policy/resolve.js';
import { checkOne } from './check-files.js';
import type { DiscoveredFile } from './discover.js';

const { config } = workerData as { config: ResolvedConfig };

parentPort?.on('message', ({ start, files }: { start: number; files: DiscoveredFile[] }) => {
  parentPort?.postMessage({ start, reports: files.map((file) => checkOne(file, config)) });
});
