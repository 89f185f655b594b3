#!/usr/bin/env node
// The floor for the `check` benchmark: read every .yaml file in a folder and parse it with the
// `yaml` package, one file after another on one thread, and nothing else. `check` does all of this
// and more (positions, validation, the policy, the report), so beating it takes both cores.
//
//   node bench/floor.js <folder>

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const folder = process.argv[2];
let parsed = 0;
for (const name of readdirSync(folder).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  parse(readFileSync(path.join(folder, name), 'utf8'));
  parsed += 1;
}
console.log(`${parsed} files parsed`);
