#!/usr/bin/env node
// `check` benchmark over large generated folders (1,000 and 10,000 realistic, valid deal files),
// against two baselines measured in the same run, interleaved, reported as medians and ratios:
//   floor    bench/floor.js: only read and parse each file with `yaml`, one thread;
//   ajv-cli  the peer: validates the same files against the deal JSON Schema generated from the zod
//            schema. ajv-cli reads YAML with js-yaml, which turns unquoted dates into Date
//            objects, so the date fields are relaxed in the peer's copy of the schema.
// `check` runs as users run it (default format to /dev/null, default concurrency), and once more
// on one thread for comparison. Peak memory is each process's maximum resident set size.
// Targets: check ≤ 0.60× floor and ≤ 1.0× ajv-cli at 10,000 files; peak memory ≤ 300 MiB; time
// per file flat from 1,000 to 10,000 files.
//
//   npm run bench:check            (BENCH_RUNS=n for more or fewer runs; default 5)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { generate } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [1_000, 10_000];
const TARGETS = { floor: 0.6, ajv: 1.0, memoryMiB: 300, flat: 1.15 };

if (!existsSync(path.join(root, 'dist/schema/deal.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { DealSchema } = await import(path.join(root, 'dist/schema/deal.js'));

const work = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The peer's schema: generated from the zod schema, with the date fields relaxed (see above).
const schema = z.toJSONSchema(DealSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
schema.properties.close_date = {};
schema.properties.history.items.properties.date = {};
schema.properties.next_meeting.properties.date = {};
const schemaFile = path.join(work, 'deal.schema.json');
writeFileSync(schemaFile, JSON.stringify(schema, null, 2));

const maxrssFile = path.join(work, 'maxrss');
const bin = path.join(root, 'bin/deal-triage.js');
const commands = (folder) => ({
  check: { args: [bin, 'check', folder], ok: [0, 1] },
  'check (1 thread)': { args: [bin, 'check', '--concurrency', 'off', folder], ok: [0, 1] },
  floor: { args: [path.join(root, 'bench/floor.js'), folder], ok: [0] },
  'ajv-cli': {
    args: [path.join(root, 'node_modules/ajv-cli/dist/index.js'), 'validate', '--spec=draft7', '--strict=false', '--errors=line', '-s', schemaFile, '-d', `${folder}/*.yaml`],
    ok: [0],
  },
});

function timeOnce({ args, ok }) {
  rmSync(maxrssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'bench/maxrss.cjs'), ...args], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', BENCH_MAXRSS_FILE: maxrssFile },
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok.includes(result.status)) {
    console.error(`bench: ${args.join(' ')} exited ${result.status}\n${String(result.stderr).slice(0, 2000)}`);
    process.exit(2);
  }
  return { ms, rssKiB: Number(readFileSync(maxrssFile, 'utf8')) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = {};
for (const size of SIZES) {
  const folder = path.join(work, `deals-${size}`);
  generate(folder, size);
  const cmds = commands(folder);
  const names = Object.keys(cmds);
  for (const name of names) timeOnce(cmds[name]); // warm the file-system cache
  const samples = Object.fromEntries(names.map((name) => [name, { ms: [], rss: [] }]));
  for (let i = 0; i < runs; i++) {
    // Rotate the order each run so drift and cache effects fall on every command alike.
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length];
      const { ms, rssKiB } = timeOnce(cmds[name]);
      samples[name].ms.push(ms);
      samples[name].rss.push(rssKiB);
    }
  }
  results[size] = Object.fromEntries(names.map((name) => [name, { ms: median(samples[name].ms), rssMiB: Math.max(...samples[name].rss) / 1024 }]));
}

const met = (ok) => (ok ? 'met' : 'NOT met');
console.log(`check benchmark: medians of ${runs} interleaved runs, ${os.availableParallelism()} cores, Node ${process.version}`);
for (const size of SIZES) {
  console.log(`\n  ${size.toLocaleString('en-US')} files`);
  for (const [name, { ms, rssMiB }] of Object.entries(results[size])) {
    const perFile = (ms * 1000) / size;
    console.log(`    ${name.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${perFile.toFixed(0).padStart(5)} µs/file  peak ${rssMiB.toFixed(0).padStart(4)} MiB`);
  }
}
const big = results[10_000];
const small = results[1_000];
const vsFloor = big.check.ms / big.floor.ms;
const vsAjv = big.check.ms / big['ajv-cli'].ms;
const memory = Math.max(big.check.rssMiB, small.check.rssMiB);
const flat = big.check.ms / 10_000 / (small.check.ms / 1_000);
console.log('\n  at 10,000 files');
console.log(`    check / floor     ${vsFloor.toFixed(2)}× (target ≤ ${TARGETS.floor}×): ${met(vsFloor <= TARGETS.floor)}`);
console.log(`    check / ajv-cli   ${vsAjv.toFixed(2)}× (target ≤ ${TARGETS.ajv}×): ${met(vsAjv <= TARGETS.ajv)}`);
console.log(`    check, 1 thread / floor  ${(big['check (1 thread)'].ms / big.floor.ms).toFixed(2)}× (for comparison)`);
console.log(`    peak memory       ${memory.toFixed(0)} MiB (target ≤ ${TARGETS.memoryMiB} MiB): ${met(memory <= TARGETS.memoryMiB)}`);
console.log(`    time per file, 10,000 vs 1,000 files: ${flat.toFixed(2)}× (flat: ≤ ${TARGETS.flat}×): ${met(flat <= TARGETS.flat)}`);
