#!/usr/bin/env node
// Start-up benchmark: whole-process time of `deal-triage triage` on a fixture against a bare
// `node -e 0`, measured in the same run, interleaved, reported as medians and their ratio.
// Run with `npm run bench:startup` after `npm run build`. Target (issue 11): ratio ≤ 1.9. `npm run bench`
// (bench/check.js) measures the same pair among all the other commands, in the same rounds.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const TARGET = 1.9;

if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const commands = {
  baseline: { label: 'node -e 0', args: ['-e', '0'] },
  triage: {
    label: 'deal-triage triage fixtures/deals/acme-plants.yaml',
    args: ['bin/deal-triage.js', 'triage', '--config', 'fixtures/deal-triage.config.yaml', 'fixtures/deals/acme-plants.yaml'],
  },
};

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    console.error(`bench: ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    process.exit(2);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Warm the file-system cache, then alternate the two commands so drift affects both alike.
for (const command of Object.values(commands)) timeOnce(command.args);
const samples = { baseline: [], triage: [] };
for (let i = 0; i < runs; i++) {
  for (const key of i % 2 === 0 ? ['baseline', 'triage'] : ['triage', 'baseline']) samples[key].push(timeOnce(commands[key].args));
}

const base = median(samples.baseline);
const triage = median(samples.triage);
const ratio = triage / base;
console.log(`start-up, median of ${runs} interleaved runs each`);
console.log(`  ${commands.baseline.label.padEnd(52)} ${base.toFixed(1).padStart(7)} ms`);
console.log(`  ${commands.triage.label.padEnd(52)} ${triage.toFixed(1).padStart(7)} ms`);
console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×): ${ratio <= TARGET ? 'met' : 'NOT met'}`);
