// A worker thread of `check`: receives batches of files, reads and checks each, and sends the
// reports back as one JSON text a batch. The config and the options arrive once, with the worker.

import { parentPort, workerData } from 'node:worker_threads';
import type { CheckFileOptions } from '../check/file.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { checkOne } from './check-files.js';
import type { BatchResult } from './check-files.js';
import type { DiscoveredFile } from './discover.js';

const { config, options } = workerData as { config: ResolvedConfig; options: CheckFileOptions };

parentPort?.on('message', ({ start, files }: { start: number; files: DiscoveredFile[] }) => {
  const result: BatchResult = { start, reports: JSON.stringify(files.map((file) => checkOne(file, config, options))) };
  parentPort?.postMessage(result);
});
