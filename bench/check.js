#!/usr/bin/env node
// The performance benchmark of issue 11, in ONE run: every command below is timed in the same
// rounds, in a rotating order (so drift and cache effects fall on each alike), and reported as the
// median with its min–max (the machine's noise), then every target of the issue, met or NOT met.
//
//   check              `check <folder>` as users run it: default format (stylish, not a terminal,
//                      to /dev/null), default concurrency, no config (the default policy)
//   check (1 thread)   the same with --concurrency off
//   ajv-cli            the peer, on the base size (10,000): js-yaml + one compiled validator for the
//                      deal JSON Schema generated from the zod schema (date fields relaxed: js-yaml
//                      turns unquoted dates into Date objects)
//   floor: yaml        bench/floor.js: read + `yaml` parse of each file, one thread
//   floor: js-yaml     bench/floor-js-yaml.js: read + js-yaml load of each file, one thread
//   floor: read        bench/floor-read.js: readFileSync of each file, one thread
//   check --cache      cold (the cache file deleted first) and warm (unchanged files), on the base
//                      size, when the built CLI has --cache (else "not available")
//   node -e 0, triage  start-up: `triage` of one fixture deal against a bare node, several times a
//                      round (no memory probe preloaded into either)
//
// Sizes: 1,000, 10,000, 50,000 and 100,000 generated deals (bench/generate.js; the smaller sets are
// hard links to the first files of the largest, which is the same as generating them: deal i does
// not depend on the count). Peak RSS is each process's maximum resident set size (workers included).
// Marginal time per file between two sizes = (t(big) − t(small)) / (big − small), from the medians;
// its noise is the min–max over the rounds that ran both sizes.
//
//   npm run bench [-- options]          (after `npm run build`)
//   node bench/check.js [--sizes 1000,10000] [--json results.json] [sizes...]
//
//   BENCH_RUNS=n       rounds for the sizes up to 10,000 and the start-up (default 9)
//   BENCH_BIG_RUNS=n   how many of those rounds also run the sizes above 10,000 (default 5: the cost per file from 50,000 to 100,000 files is a difference of two large numbers, and 3 samples could not tell 1.1× from noise)
//   BENCH_SIZES=a,b,c  the sizes (as --sizes); floors, ajv-cli and the cache run on 10,000 when it is
//                      one of them, else on the smallest
// Takes about 5–8 minutes with the defaults on a 2-core machine. The exit code is 0 whether or not the
// targets are met (this is a measurement, not a test); 2 when a command fails.

import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { dealFileName, dealTexts } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/deal-triage.js');
const started = Date.now();
const loadAtStart = os.loadavg();

// --- options -----------------------------------------------------------------------------------

const USAGE = 'usage: node bench/check.js [--sizes 1000,10000,...] [--json <file>] [size...]';
let jsonFile;
let sizeList = process.env.BENCH_SIZES;
const positional = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg === '--json') jsonFile = process.argv[++i];
  else if (arg.startsWith('--json=')) jsonFile = arg.slice('--json='.length);
  else if (arg === '--sizes') sizeList = process.argv[++i];
  else if (arg.startsWith('--sizes=')) sizeList = arg.slice('--sizes='.length);
  else if (arg === '-h' || arg === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else if (/^[\d_,]+$/.test(arg)) positional.push(arg);
  else {
    console.error(`bench: unknown argument ${arg}\n${USAGE}`);
    process.exit(2);
  }
}
if (jsonFile === '' || (jsonFile === undefined && process.argv.includes('--json'))) {
  console.error(`bench: --json needs a file\n${USAGE}`);
  process.exit(2);
}
if (positional.length > 0) sizeList = positional.join(',');
const sizes = [...new Set((sizeList ?? '1000,10000,50000,100000').split(',').filter(Boolean).map((s) => Number(s.replaceAll('_', ''))))].sort((a, b) => a - b);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000_000)) {
  console.error(`bench: sizes must be whole numbers from 1 to 1,000,000 (got ${sizeList})`);
  process.exit(2);
}
const positiveInt = (value, fallback, name) => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench: ${name} must be a whole number ≥ 1 (got ${value})`);
    process.exit(2);
  }
  return n;
};
const SMALL_MAX = 10_000; // sizes up to this run every round; larger ones only in the big rounds
const runs = positiveInt(process.env.BENCH_RUNS, 9, 'BENCH_RUNS');
const bigRuns = Math.min(runs, positiveInt(process.env.BENCH_BIG_RUNS, 5, 'BENCH_BIG_RUNS'));
const STARTUP_REPEATS = 3; // start-up samples per round: each is short and noisy
const baseSize = sizes.includes(10_000) ? 10_000 : sizes[0];

const TARGETS = { vsAjv: 0.8, vsYamlFloor: 0.3, marginal: 1.1, rssMiB: 300, rssSize: 100_000, startup: 1.9, cache: 0.4 };

if (!existsSync(path.join(root, 'dist/schema/deal.js')) || !existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { DealSchema } = await import(path.join(root, 'dist/schema/deal.js'));

// --- the work folder, removed on every way out ----------------------------------------------------

const work = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-bench-'));
const cleanUp = () => rmSync(work, { recursive: true, force: true });
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}, stopping (removing ${work})`);
    process.exit(130);
  });
}
/** Lets a pending signal handler run between synchronous steps. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

// --- inputs -------------------------------------------------------------------------------------

const largest = sizes.at(-1);
const folderOf = (size) => path.join(work, `deals-${size}`);
process.stderr.write(`bench: generating ${largest.toLocaleString('en-US')} deals in ${work} ...`);
const generationStart = Date.now();
mkdirSync(folderOf(largest));
let index = 0;
for (const text of dealTexts(largest)) {
  writeFileSync(path.join(folderOf(largest), dealFileName(index++)), text);
  if (index % 2000 === 0) await tick();
}
for (const size of sizes.slice(0, -1)) {
  mkdirSync(folderOf(size));
  for (let i = 0; i < size; i++) linkSync(path.join(folderOf(largest), dealFileName(i)), path.join(folderOf(size), dealFileName(i)));
  await tick();
}
process.stderr.write(` ${((Date.now() - generationStart) / 1000).toFixed(1)} s\n`);

// The peer's schema: generated from the zod schema, with the date fields relaxed (see above).
const schema = z.toJSONSchema(DealSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
schema.properties.close_date = {};
schema.properties.history.items.properties.date = {};
schema.properties.next_meeting.properties.date = {};
const schemaFile = path.join(work, 'deal.schema.json');
writeFileSync(schemaFile, JSON.stringify(schema, null, 2));

const checkHelp = spawnSync(process.execPath, [bin, 'check', '--help'], { encoding: 'utf8' });
const cacheAvailable = /--cache\b/.test(checkHelp.stdout) && /--cache-location\b/.test(checkHelp.stdout);
const cacheFile = path.join(work, 'cache', 'deal-triage-cache');
mkdirSync(path.dirname(cacheFile));

// --- the commands -------------------------------------------------------------------------------

const maxrssFile = path.join(work, 'maxrss');
const probe = ['-r', path.join(root, 'bench/maxrss.cjs')];
/** @type {{key: string, label: string, size?: number, args: string[], ok: number[], cwd: string, rss: boolean, repeats: number, big: boolean, before?: () => void}[]} */
const tasks = [];
const add = (task) => tasks.push({ cwd: work, rss: true, repeats: 1, ok: [0], ...task, big: (task.size ?? 0) > SMALL_MAX });
for (const size of sizes) {
  const folder = folderOf(size);
  add({ key: `check@${size}`, label: 'check', size, args: [bin, 'check', folder], ok: [0, 1] });
  add({ key: `check1@${size}`, label: 'check (1 thread)', size, args: [bin, 'check', '--concurrency', 'off', folder], ok: [0, 1] });
  if (size !== baseSize) continue;
  const ajv = path.join(root, 'node_modules/ajv-cli/dist/index.js');
  add({ key: 'ajv', label: 'ajv-cli', size, args: [ajv, 'validate', '--spec=draft7', '--strict=false', '--errors=line', '-s', schemaFile, '-d', `${folder}/*.yaml`] });
  add({ key: 'floorYaml', label: 'floor: read + yaml', size, args: [path.join(root, 'bench/floor.js'), folder] });
  add({ key: 'floorJsYaml', label: 'floor: read + js-yaml', size, args: [path.join(root, 'bench/floor-js-yaml.js'), folder] });
  add({ key: 'floorRead', label: 'floor: read only', size, args: [path.join(root, 'bench/floor-read.js'), folder] });
  if (cacheAvailable) {
    const cached = [bin, 'check', '--cache', '--cache-location', cacheFile, folder];
    add({ key: 'cacheCold', label: 'check --cache, cold', size, args: cached, ok: [0, 1], before: () => rmSync(cacheFile, { force: true }) });
    add({ key: 'cacheWarm', label: 'check --cache, warm', size, args: cached, ok: [0, 1] });
  }
}
const triageArgs = [bin, 'triage', '--config', 'fixtures/deal-triage.config.yaml', 'fixtures/deals/acme-plants.yaml'];
add({ key: 'nodeBare', label: 'node -e 0', args: ['-e', '0'], cwd: root, rss: false, repeats: STARTUP_REPEATS });
add({ key: 'triage', label: 'triage of one deal', args: triageArgs, cwd: root, rss: false, repeats: STARTUP_REPEATS });

function timeOnce(task) {
  task.before?.();
  rmSync(maxrssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, task.rss ? [...probe, ...task.args] : task.args, {
    cwd: task.cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', BENCH_MAXRSS_FILE: maxrssFile },
    maxBuffer: 1 << 28,
    timeout: 15 * 60_000,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.signal === 'SIGINT' || result.signal === 'SIGTERM' || result.status === 130) {
    console.error(`\nbench: interrupted (removing ${work})`);
    process.exit(130);
  }
  if (!task.ok.includes(result.status)) {
    console.error(`bench: ${task.args.join(' ')} exited ${result.status ?? result.signal}\n${String(result.stderr).slice(0, 2000)}`);
    process.exit(2);
  }
  const [rssKiB, cpuUs] = task.rss ? readFileSync(maxrssFile, 'utf8').split(' ').map(Number) : [];
  return { ms, rssKiB, cpuMs: cpuUs === undefined ? undefined : cpuUs / 1000 };
}

// --- the rounds ---------------------------------------------------------------------------------

// The big rounds are spread evenly over the run, so drift reaches the big sizes as it does the small.
const bigRounds = new Set(Array.from({ length: bigRuns }, (_, k) => Math.floor((k * runs) / bigRuns)));
/** samples[key] = [{ round, ms, rssKiB }] */
const samples = Object.fromEntries(tasks.map((task) => [task.key, []]));

process.stderr.write('bench: warm-up round (not counted)');
for (const task of tasks) {
  timeOnce(task);
  process.stderr.write('.');
  await tick();
}
process.stderr.write('\n');
for (let round = 0; round < runs; round++) {
  const due = tasks.filter((task) => !task.big || bigRounds.has(round));
  const order = due.map((_, j) => due[(round + j) % due.length]);
  process.stderr.write(`bench: round ${round + 1}/${runs}${bigRounds.has(round) ? ' (with the big sizes)' : ''} `);
  for (let repeat = 0; repeat < STARTUP_REPEATS; repeat++) {
    for (const task of order) {
      if (repeat >= task.repeats) continue;
      samples[task.key].push({ round, ...timeOnce(task) });
      process.stderr.write('.');
      await tick();
    }
  }
  process.stderr.write('\n');
}

// --- statistics ---------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values), samples: values });
const stats = Object.fromEntries(
  tasks.map((task) => {
    const list = samples[task.key];
    const rss = list.filter((s) => s.rssKiB !== undefined).map((s) => s.rssKiB / 1024);
    return [task.key, { label: task.label, size: task.size, runs: list.length, ms: spread(list.map((s) => s.ms)), rssMiB: rss.length ? spread(rss) : undefined }];
  }),
);
/** a/b from the medians, with the min–max of a/b over the samples taken in the same round (and repeat). */
function ratio(a, b) {
  if (!samples[a] || !samples[b]) return undefined;
  const pairs = [];
  const seen = new Map();
  for (const s of samples[b]) seen.set(s.round, [...(seen.get(s.round) ?? []), s.ms]);
  const used = new Map();
  for (const s of samples[a]) {
    const k = used.get(s.round) ?? 0;
    const other = seen.get(s.round)?.[k];
    used.set(s.round, k + 1);
    if (other !== undefined) pairs.push(s.ms / other);
  }
  return { value: stats[a].ms.median / stats[b].ms.median, min: Math.min(...pairs), max: Math.max(...pairs) };
}
/**
 * Marginal µs per file from size s1 to s2 for the check variant `kind`, medians; noise over rounds
 * running both. `measure` is `ms` (wall clock) or `cpuMs` (the process's CPU time, user + system,
 * every thread: what the machine's other tenants, which take turns on its cores, disturb least).
 */
function marginal(kind, s1, s2, measure = 'ms') {
  const a = samples[`${kind}@${s1}`];
  const b = samples[`${kind}@${s2}`];
  const perRound = [];
  for (const sb of b) {
    const sa = a.find((s) => s.round === sb.round);
    if (sa) perRound.push(((sb[measure] - sa[measure]) * 1000) / (s2 - s1));
  }
  const mid = (list) => median(list.map((s) => s[measure]));
  return { from: s1, to: s2, usPerFile: ((mid(b) - mid(a)) * 1000) / (s2 - s1), min: Math.min(...perRound), max: Math.max(...perRound), perRound };
}
const marginals = { check: [], check1: [], cpu1: [] };
for (let i = 1; i < sizes.length; i++) {
  for (const kind of ['check', 'check1']) marginals[kind].push(marginal(kind, sizes[i - 1], sizes[i]));
  marginals.cpu1.push(marginal('check1', sizes[i - 1], sizes[i], 'cpuMs'));
}
/** The growth of the marginal cost: last step over the one before, with its min–max over rounds running all three sizes. */
function growth(kind) {
  const list = marginals[kind];
  if (list.length < 2) return undefined;
  const [before, last] = list.slice(-2);
  const rounds = last.perRound.map((value, i) => value / before.perRound[i]).filter(Number.isFinite);
  return { value: last.usPerFile / before.usPerFile, min: Math.min(...rounds), max: Math.max(...rounds), before, last };
}

// --- report -------------------------------------------------------------------------------------

const n = (value) => value.toLocaleString('en-US');
const sec = (ms) => (ms / 1000).toFixed(2);
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
const smallRunsNote = sizes.some((s) => s > SMALL_MAX) ? `; ${bigRuns} of those rounds (evenly spread) also run the sizes above ${n(SMALL_MAX)}` : '';
console.log(`deal-triage benchmark: ${os.availableParallelism()} cores, Node ${process.version}, load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} at the start, ${load} at the end`);
console.log(`medians (min–max) of ${runs} interleaved rounds${smallRunsNote}; start-up ${STARTUP_REPEATS} samples a round`);
console.log('times are whole-process wall clock; RSS is the peak resident set (MiB, workers included)\n');
console.log(`  ${'files'.padStart(7)}  ${'command'.padEnd(22)} ${'time, s'.padEnd(20)} ${'µs/file'.padStart(7)}  peak RSS, MiB`);
for (const task of tasks) {
  if (task.key === 'nodeBare' || task.key === 'triage') continue;
  const s = stats[task.key];
  const size = task.size ? n(task.size) : '';
  console.log(`  ${size.padStart(7)}  ${task.label.padEnd(22)} ${range(s.ms, sec).padEnd(20)} ${((s.ms.median * 1000) / task.size).toFixed(0).padStart(7)}  ${s.rssMiB ? range(s.rssMiB, (x) => x.toFixed(0)) : ''}  ×${s.runs}`);
}
if (!cacheAvailable) console.log(`  ${n(baseSize).padStart(7)}  ${'check --cache'.padEnd(22)} not available (no --cache in \`check --help\`)`);
for (const key of ['nodeBare', 'triage']) {
  const s = stats[key];
  console.log(`  ${''.padStart(7)}  ${s.label.padEnd(22)} ${range(s.ms, (ms) => ms.toFixed(1)).padEnd(20)} ms  ×${s.runs}`);
}
if (sizes.length > 1) {
  console.log('\n  marginal time per file (µs), from the medians (min–max over the rounds that ran both sizes)');
  for (let i = 0; i < marginals.check.length; i++) {
    const fmt = (m) => `${m.usPerFile.toFixed(1)} (${m.min.toFixed(1)}–${m.max.toFixed(1)})`;
    const label = `${n(marginals.check[i].from)} → ${n(marginals.check[i].to)}`;
    console.log(`    ${label.padEnd(20)} 1 thread ${fmt(marginals.check1[i]).padEnd(22)} default ${fmt(marginals.check[i]).padEnd(22)} 1 thread, CPU time ${fmt(marginals.cpu1[i])}`);
  }
}

const targets = [];
const judge = (id, name, figure, target, unit, note) => {
  const met = figure === undefined ? undefined : figure.value <= target;
  targets.push({ id, name, value: figure?.value, min: figure?.min, max: figure?.max, target, unit, met, note });
};
const baseNote = baseSize === 10_000 ? undefined : `measured at ${n(baseSize)}, not 10,000`;
judge('checkVsAjv', `check on ${n(baseSize)} / ajv-cli (default settings)`, ratio(`check@${baseSize}`, 'ajv'), TARGETS.vsAjv, '×', baseNote);
judge('checkVsYamlFloor', `check on ${n(baseSize)} / one-thread read + yaml floor`, ratio(`check@${baseSize}`, 'floorYaml'), TARGETS.vsYamlFloor, '×', baseNote);
const grow = growth('check1');
const growNote = grow && (grow.before.from !== 10_000 || grow.last.from !== 50_000 || grow.last.to !== 100_000) ? `sizes ${n(grow.before.from)}→${n(grow.before.to)}→${n(grow.last.to)}, not 10,000→50,000→100,000` : undefined;
judge('marginalGrowthOneThread', grow ? `1 thread: marginal/file ${n(grow.last.from)}→${n(grow.last.to)} / ${n(grow.before.from)}→${n(grow.before.to)}` : '1 thread: marginal/file 50,000→100,000 / 10,000→50,000', grow, TARGETS.marginal, '×', grow ? growNote : 'needs three sizes');
const rss = stats[`check@${largest}`].rssMiB;
judge('peakRssLargest', `peak RSS, check on ${n(largest)} (default settings)`, { value: rss.median, min: rss.min, max: rss.max }, TARGETS.rssMiB, ' MiB', largest === TARGETS.rssSize ? undefined : `measured at ${n(largest)}, not 100,000`);
judge('triageStartup', 'triage of one deal / node -e 0', ratio('triage', 'nodeBare'), TARGETS.startup, '×');
judge('cacheWarmVsCold', `check --cache warm / cold on ${n(baseSize)} unchanged files`, cacheAvailable ? ratio('cacheWarm', 'cacheCold') : undefined, TARGETS.cache, '×', cacheAvailable ? baseNote : 'not available: the built CLI has no --cache');

console.log('\n  targets (ratios from the medians; min–max of the same ratio within each round)');
for (const t of targets) {
  const digits = t.unit === '×' ? 2 : 0;
  const figure = t.value === undefined ? 'not available' : `${t.value.toFixed(digits)}${t.unit} (${t.min.toFixed(digits)}–${t.max.toFixed(digits)})`;
  const verdict = t.met === undefined ? '' : t.met ? 'met' : 'NOT met';
  console.log(`    ${t.name.padEnd(58)} ${figure.padEnd(22)} target ≤ ${t.unit === '×' ? t.target.toFixed(2) : t.target}${t.unit}  ${verdict}${t.note ? `  [${t.note}]` : ''}`);
}
const info = [
  ['check (1 thread) / ajv-cli', ratio(`check1@${baseSize}`, 'ajv')],
  ['check / read + js-yaml floor', ratio(`check@${baseSize}`, 'floorJsYaml')],
  ['check / read-only floor', ratio(`check@${baseSize}`, 'floorRead')],
  ['check / check (1 thread)', ratio(`check@${baseSize}`, `check1@${baseSize}`)],
];
const growCpu = growth('cpu1');
if (growCpu) info.push([`1 thread, CPU time: marginal/file ${n(growCpu.last.from)}→${n(growCpu.last.to)} / ${n(growCpu.before.from)}→${n(growCpu.before.to)}`, growCpu]);
const growDefault = growth('check');
if (growDefault) info.push([`default: marginal/file ${n(growDefault.last.from)}→${n(growDefault.last.to)} / ${n(growDefault.before.from)}→${n(growDefault.before.to)}`, growDefault]);
console.log(`\n  for comparison, on ${n(baseSize)} files`);
for (const [name, r] of info) console.log(`    ${name.padEnd(58)} ${r ? `${r.value.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : 'n/a'}`);
const elapsed = (Date.now() - started) / 1000;
console.log(`\n  whole benchmark: ${(elapsed / 60).toFixed(1)} min`);

if (jsonFile) {
  const result = {
    date: new Date().toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg() },
    rounds: { small: runs, big: bigRuns, startupRepeats: STARTUP_REPEATS, bigRounds: [...bigRounds] },
    sizes,
    baseSize,
    cacheAvailable,
    commands: stats,
    marginalsUsPerFile: { default: marginals.check, oneThread: marginals.check1, oneThreadCpu: marginals.cpu1 },
    targets,
    elapsedSeconds: elapsed,
  };
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  results written to ${jsonFile}`);
}
