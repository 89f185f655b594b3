#!/usr/bin/env node
// The lowest floor for the `check` benchmark: read every .yaml file in a folder into a string with
// readFileSync, one thread, and nothing else: what listing and reading the files costs alone.
//
//   node bench/floor-read.js <folder>

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const folder = process.argv[2];
let read = 0;
let chars = 0;
for (const name of readdirSync(folder).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  chars += readFileSync(path.join(folder, name), 'utf8').length;
  read += 1;
}
console.log(`${read} files read, ${chars} characters`);
