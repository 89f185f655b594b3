#!/usr/bin/env node
// The floor for the `import` benchmark: the file system's own cost of creating the files an import
// writes. Reads every .yaml file of a folder, then, timed alone, writes each one's bytes to a new
// file of the same name in another folder (open exclusively, write, close; no temporary file, no
// sync), one after another, and prints the milliseconds the writes took.
//
//   node bench/floor-write.js <from-folder> <to-folder>

import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

const [from, to] = process.argv.slice(2);
const files = readdirSync(from)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => [name, readFileSync(path.join(from, name))]);
mkdirSync(to, { recursive: true });
const start = process.hrtime.bigint();
for (const [name, bytes] of files) {
  const fd = openSync(path.join(to, name), 'wx');
  writeSync(fd, bytes);
  closeSync(fd);
}
console.log(String(Number(process.hrtime.bigint() - start) / 1e6));
