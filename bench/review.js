#!/usr/bin/env node
// The benchmark of issue 14, in ONE run: `review --since` over 10,000 generated deals in a
// temporary git repository with a week of changes on 500 of them, against `check` of the same
// folder, timed in interleaved rounds (review, check, check, review, …: drift and cache effects fall
// on both alike), reported as medians with min–max, and the ratio against the target (≤ 2× check).
//
// The week (committed 2026-11-20, then 2026-11-28; `--since 2026-11-21` reads the first): of 500
// deals, 200 move stage, 150 get a new close date, 100 a new amount, 25 are renamed, 25 removed,
// and 25 new deals are added.
//
//   node bench/review.js [count]        (after `npm run build`; default 10000)
//   BENCH_RUNS=n                        rounds (default 7)
// The exit code is 0 whether or not the target is met (a measurement, not a test); 2 when a run fails.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dealFileName, generate } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/deal-triage.js');
const count = Number(process.argv[2] ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
if (!Number.isInteger(count) || count < 600 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/review.js [count >= 600]   (BENCH_RUNS=n rounds)');
  process.exit(2);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-bench-review-'));
const deals = path.join(dir, 'deals');
const gitEnv = (date) => ({ ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T12:00:00+00:00`, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' });
const git = (args, date = '2026-11-20') => execFileSync('git', args, { cwd: dir, env: gitEnv(date), stdio: ['ignore', 'pipe', 'inherit'] });

try {
  console.log(`bench: generating ${count.toLocaleString('en-US')} deals and a week of changes in ${dir}`);
  generate(deals, count);
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'The deals as of last week']);

  // 500 deals change, spread over the folder (every count/500-th file).
  const step = Math.floor(count / 500);
  const file = (i) => path.join(deals, dealFileName(i));
  const edit = (i, change) => writeFileSync(file(i), change(readFileSync(file(i), 'utf8')));
  const STAGES = ['discovery', 'qualification', 'proposal', 'negotiation'];
  for (let k = 0; k < 500; k++) {
    const i = k * step;
    if (k < 200) edit(i, (text) => text.replace(/^stage: .*$/m, `stage: ${STAGES[k % 4]}`).replace(/^stage: (closed-\w+)$/m, 'stage: negotiation'));
    else if (k < 350) edit(i, (text) => text.replace(/^close_date: 2027-(\d\d)/m, (_m, month) => `close_date: 2028-${month}`));
    else if (k < 450) edit(i, (text) => text.replace(/^ {2}amount: (\d+)/m, (_m, amount) => `  amount: ${Number(amount) + 5000}`));
    else if (k < 475) renameSync(file(i), path.join(deals, `renamed-${dealFileName(i)}`));
    else rmSync(file(i));
  }
  for (let k = 0; k < 25; k++) {
    writeFileSync(path.join(deals, `new-${k}.yaml`), readFileSync(file(1), 'utf8').replace(/^id: .*$/m, `id: new-deal-${k}`));
  }
  git(['add', '-A'], '2026-11-28');
  git(['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', "The week's changes"], '2026-11-28');

  const commands = {
    review: ['review', 'deals', '--since', '2026-11-21'],
    check: ['check', 'deals'],
  };
  const times = { review: [], check: [] };
  const env = { ...process.env, DEAL_TRIAGE_TODAY: '2026-12-01', NO_COLOR: '1' };
  const once = (name) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, ...commands[name]], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) {
      console.error(`bench: deal-triage ${commands[name].join(' ')} exited ${result.status}: ${result.stderr}`);
      process.exit(2);
    }
    return ms;
  };
  // One warm-up each: the file cache and git's objects, for both alike.
  once('review');
  once('check');
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? ['review', 'check'] : ['check', 'review'];
    for (const name of order) times[name].push(once(name));
  }
  const median = (list) => {
    const sorted = [...list].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const line = (name) => {
    const list = times[name];
    return `${name.padEnd(7)} median ${median(list).toFixed(0).padStart(6)} ms   (min ${Math.min(...list).toFixed(0)}, max ${Math.max(...list).toFixed(0)}, ${list.length} runs)`;
  };
  console.log(`deal-triage ${commands.review.join(' ')}  vs  deal-triage ${commands.check.join(' ')}, ${count.toLocaleString('en-US')} deals, 500 changed`);
  console.log(line('review'));
  console.log(line('check'));
  const ratio = median(times.review) / median(times.check);
  console.log(`ratio   review / check = ${ratio.toFixed(2)}×   target ≤ 2×: ${ratio <= 2 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
