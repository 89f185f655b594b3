#!/usr/bin/env node
// A floor for the `check` benchmark: read every .yaml file in a folder and load it with js-yaml
// (3.x, as ajv-cli does: `safeLoad`), one file after another on one thread, and nothing else.
// js-yaml comes with ajv-cli (a dev dependency); it is what the peer pays for YAML.
//
//   node bench/floor-js-yaml.js <folder>

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const yaml = createRequire(import.meta.url)('js-yaml');
const load = yaml.safeLoad ?? yaml.load; // 3.x names the safe loader safeLoad; 4.x made load safe.

const folder = process.argv[2];
let parsed = 0;
for (const name of readdirSync(folder).sort()) {
  if (!/\.ya?ml$/.test(name)) continue;
  load(readFileSync(path.join(folder, name), 'utf8'));
  parsed += 1;
}
console.log(`${parsed} files loaded`);
