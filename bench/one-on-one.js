#!/usr/bin/env node
// One-on-one benchmark: the pack (`deal-triage one-on-one -f json`) and `check` of one deal with the
// log beside it, over logs of 1 year, 10 years (the "stays instant") and 1 MiB (the input
// limit) of weekly meetings each with a commitment; whole-process medians against `node -e 0`, so the
// figure is what the log costs on top of starting a process. Run after `npm run build`:
// `node bench/one-on-one.js` (BENCH_RUNS rounds, default 9).

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 9);
const bin = path.join(root, 'bin/deal-triage.js');
if (!existsSync(path.join(root, 'dist/bundle/main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

/** A log of weekly meetings ending on 2026-11-24, each with one commitment (done but the last). */
function log(weeks, maxBytes = Infinity) {
  const end = Date.parse('2026-11-24T00:00:00Z');
  const parts = ['meetings:\n'];
  let size = parts[0].length;
  for (let week = weeks - 1; week >= 0; week--) {
    const date = new Date(end - week * 7 * 86_400_000).toISOString().slice(0, 10);
    const entry = `  - date: ${date}\n    minutes: 75\n    venue: ${['walk', 'coffee', 'dinner'][week % 3]}\n    commitments:\n      - by: ceo\n        what: Follow up on what we agreed, number ${week}\n        due: ${date}\n        done: ${week === 0 ? 'false' : 'true'}\n`;
    if (size + entry.length > maxBytes) break;
    parts.push(entry);
    size += entry.length;
  }
  return parts.join('');
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, env: { ...process.env, DEAL_TRIAGE_TODAY: '2026-12-01', NO_COLOR: '1' }, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-bench-one-on-one-'));
try {
  const sizes = { '1 year': log(52), '10 years': log(522), '1 MiB': log(100_000, 1024 * 1024 - 1) };
  const cases = [['node -e 0', ['-e', '0'], dir]];
  for (const [name, text] of Object.entries(sizes)) {
    const cwd = path.join(dir, name.replace(/\W+/g, '-'));
    mkdirSync(path.join(cwd, 'deals'), { recursive: true });
    writeFileSync(path.join(cwd, 'deal-triage.config.yaml'), 'company:\n  ceo: Dana Reyes\n');
    writeFileSync(path.join(cwd, 'one-on-ones.yaml'), text);
    copyFileSync(path.join(root, 'fixtures/deals/acme-plants.yaml'), path.join(cwd, 'deals/acme.yaml'));
    const kib = (Buffer.byteLength(text) / 1024).toFixed(0);
    cases.push([`one-on-one, ${name} (${kib} KiB)`, [bin, 'one-on-one', '-f', 'json'], cwd]);
    cases.push([`check, ${name}`, [bin, 'check', '--concurrency', 'off'], cwd]);
  }
  const times = new Map(cases.map(([label]) => [label, []]));
  for (let round = 0; round < runs; round++) for (const [label, args, cwd] of cases) times.get(label).push(time(args, cwd));
  const base = median(times.get('node -e 0'));
  for (const [label] of cases) {
    const ms = median(times.get(label));
    console.log(`${label.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms  (${(ms - base).toFixed(0)} ms over node -e 0)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
