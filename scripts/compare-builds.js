#!/usr/bin/env node
// Differential harness: proves that a change (an optimisation) changed no output. Runs two builds
// of deal-triage over the same inputs and compares, byte for byte, each run's exit code, stdout,
// stderr and the files it writes (--output, $GITHUB_STEP_SUMMARY). Exit 0 when every run agrees,
// 1 on any difference (the first few are shown), 2 when the harness itself cannot run.
//
//   node scripts/compare-builds.js <old-repo-dir> <new-repo-dir> [options]
//
// Each directory is a repository with bin/ and dist/ built (`npm run build`) and node_modules.
// Typical use: copy the commit before the change, build it, compare with the worktree:
//   git archive <base> | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/node_modules \
//     && (cd /tmp/old && npm run build) && node scripts/compare-builds.js /tmp/old .
//
// Options (and environment):
//   --generated <n>   valid generated deals (bench/generate.js)           COMPARE_GENERATED, 3000
//   --mutated <n>     mutated, mostly invalid deals (bench/mutate.js)     COMPARE_MUTATED, 2000
//   --sample <n>      files triaged one by one, in each triage variant    COMPARE_SAMPLE, 300
//   --jobs <n>        runs at a time                                      COMPARE_JOBS, 2
//   --show <n>        differences shown in full                           5
//   --keep            keep the work folder (inputs and both builds' outputs) and print its path
//   --corpus <dir>    the YAML test suite (default ../shared/corpus/yaml-test-suite beside the new
//                     repository, else the old one, else this one; skipped, and said so, when missing)
//
// Inputs, the same for both builds (copied into one work folder, so paths in the output agree):
//   fixtures/          every command and format, as scripts/snapshot-outputs.sh runs them;
//   corpus/            each .yaml file of the YAML test suite as a deal file;
//   valid/, mutated/   generated deals, and seeded mutations of them (YAML and schema level);
// `check` over each folder in every format (stylish, json, github with a step summary, junit, and
// stylish coloured), each with the default concurrency, --concurrency off and --concurrency 2;
// `triage` over every file of each folder in one run per format; and `triage` of a sample of the
// files one by one (text, json, markdown, and --explain when the new build has it).
// Each output has the build's own directory replaced by <repo>, so that only a path that differs
// because the builds live in different places is not a difference.
//
// Besides differences it lists what looks wrong in the new build's output even where both agree:
// an exit code other than 0, 1 or 2, a stack trace or an internal error, and the slowest runs.

import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dealFileName, dealTexts } from '../bench/generate.js';
import { writeMutated } from '../bench/mutate.js';

const USAGE = 'usage: node scripts/compare-builds.js <old-repo-dir> <new-repo-dir> [--generated n] [--mutated n] [--sample n] [--jobs n] [--show n] [--keep] [--corpus dir]';
const fail = (message) => {
  console.error(`compare-builds: ${message}`);
  process.exit(2);
};

// --- options -----------------------------------------------------------------------------------

const options = {
  generated: process.env.COMPARE_GENERATED ?? '3000',
  mutated: process.env.COMPARE_MUTATED ?? '2000',
  sample: process.env.COMPARE_SAMPLE ?? '300',
  jobs: process.env.COMPARE_JOBS ?? '2',
  show: '5',
  keep: false,
  corpus: undefined,
};
const repos = [];
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
  const value = () => inline ?? process.argv[++i] ?? fail(`${flag} needs a value\n${USAGE}`);
  if (flag === '--keep') options.keep = true;
  else if (flag === '-h' || flag === '--help') {
    console.log(USAGE);
    process.exit(0);
  } else if (['--generated', '--mutated', '--sample', '--jobs', '--show', '--corpus'].includes(flag)) options[flag.slice(2)] = value();
  else if (flag.startsWith('-')) fail(`unknown option ${flag}\n${USAGE}`);
  else repos.push(arg);
}
if (repos.length !== 2) fail(USAGE);
const count = (name, min) => {
  const n = Number(options[name]);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number ≥ ${min} (got ${options[name]})`);
  return n;
};
const GENERATED = count('generated', 0);
const MUTATED = count('mutated', 0);
const SAMPLE = count('sample', 0);
const JOBS = count('jobs', 1);
const SHOW = count('show', 0);
const [oldRepo, newRepo] = repos.map((dir) => path.resolve(dir));
for (const repo of [oldRepo, newRepo]) {
  for (const need of ['bin/deal-triage.js', 'dist/cli/main.js']) if (!existsSync(path.join(repo, need))) fail(`${repo} has no ${need}: build it first (npm run build)`);
}
// Beside the new repository, else beside the old one or this script's (as tests/helpers/corpus.ts finds it).
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.resolve(options.corpus ?? [newRepo, oldRepo, here].map((repo) => path.join(repo, '../shared/corpus/yaml-test-suite')).find((dir) => existsSync(dir)) ?? path.join(newRepo, '../shared/corpus/yaml-test-suite'));
const started = Date.now();

// --- the inputs, in one work folder ---------------------------------------------------------------

const work = mkdtempSync(path.join(os.tmpdir(), 'deal-triage-compare-'));
const cleanUp = () => {
  if (options.keep) console.error(`compare-builds: kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
};
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

const inputs = path.join(work, 'inputs');
mkdirSync(inputs);
cpSync(path.join(newRepo, 'fixtures'), path.join(inputs, 'fixtures'), { recursive: true });
const config = 'fixtures/deal-triage.config.yaml';
const emptyConfig = path.join(inputs, 'empty.config.yaml');
writeFileSync(emptyConfig, '');

const folders = []; // [name, number of files]
let corpusCount = 0;
if (existsSync(corpusDir)) {
  mkdirSync(path.join(inputs, 'corpus'));
  for (const name of readdirSync(corpusDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    copyFileSync(path.join(corpusDir, name), path.join(inputs, 'corpus', name));
    corpusCount++;
  }
  folders.push(['corpus', corpusCount]);
} else {
  console.error(`compare-builds: note: no YAML test suite at ${corpusDir}; its runs are skipped`);
}
if (GENERATED > 0) {
  mkdirSync(path.join(inputs, 'valid'));
  let i = 0;
  for (const text of dealTexts(GENERATED, 11)) writeFileSync(path.join(inputs, 'valid', dealFileName(i++)), text);
  folders.push(['valid', GENERATED]);
}
let mutationUses = {};
if (MUTATED > 0) {
  mutationUses = writeMutated(path.join(inputs, 'mutated'), MUTATED, 7);
  folders.push(['mutated', MUTATED]);
}

// --- the runs ----------------------------------------------------------------------------------

const newHelp = await runBuild(newRepo, { args: ['triage', '--help'], cwd: inputs });
const hasExplain = newHelp.stdout.includes('--explain');

/** @type {{ name: string, group: string, args: string[], cwd?: string, env?: Record<string,string>, writes?: string[] }[]} */
const cases = [];
const add = (group, name, args, extra = {}) => cases.push({ group, name, args, ...extra });
const CHECK_FORMATS = ['stylish', 'json', 'github', 'junit'];
const CONCURRENCY = [[], ['--concurrency', 'off'], ['--concurrency', '2']];
const concName = (c) => (c.length ? `-conc-${c[1]}` : '');

// fixtures/, as scripts/snapshot-outputs.sh runs them (cwd fixtures/), with the concurrency variants.
const fx = path.join(inputs, 'fixtures');
const fxDeals = readdirSync(path.join(fx, 'deals')).filter((n) => n.endsWith('.yaml')).sort().map((n) => `deals/${n}`);
const fxInvalid = readdirSync(path.join(fx, 'invalid')).filter((n) => n.endsWith('.yaml')).sort().map((n) => `invalid/${n}`);
for (const format of ['text', 'markdown', 'json']) {
  add('fixtures', `triage-${format}`, ['triage', '--config', 'deal-triage.config.yaml', '-f', format, ...fxDeals], { cwd: fx });
  if (hasExplain) add('fixtures', `triage-${format}-explain`, ['triage', '--config', 'deal-triage.config.yaml', '-f', format, '--explain', ...fxDeals], { cwd: fx });
  add('fixtures', `triage-${format}-invalid`, ['triage', '--config', 'deal-triage.config.yaml', '-f', format, ...fxInvalid], { cwd: fx });
  add('fixtures', `triage-${format}-default-config`, ['triage', '--config', emptyConfig, '-f', format, 'deals/acme-plants.yaml'], { cwd: fx });
}
add('fixtures', 'triage-text-color', ['triage', '--color', '--config', 'deal-triage.config.yaml', ...fxDeals, ...fxInvalid], { cwd: fx });
for (const format of CHECK_FORMATS) {
  for (const folder of ['deals', 'check/problems', 'check/over-capacity', 'invalid']) {
    for (const conc of CONCURRENCY) add('fixtures', `check-${format}-${folder.replace('/', '-')}${concName(conc)}`, ['check', '--config', 'deal-triage.config.yaml', '-f', format, ...conc, folder], { cwd: fx, summary: format === 'github' });
    add('fixtures', `check-${format}-${folder.replace('/', '-')}-maxw0`, ['check', '--config', 'deal-triage.config.yaml', '-f', format, '--max-warnings', '0', folder], { cwd: fx });
  }
}
add('fixtures', 'check-stylish-color', ['check', '--color', '--config', 'deal-triage.config.yaml', '.'], { cwd: fx });
add('fixtures', 'check-json-output-file', ['check', '--config', 'deal-triage.config.yaml', '-f', 'json', '-o', '{out}/report.json', '.'], { cwd: fx, writes: ['report.json'] });
add('fixtures', 'check-no-config', ['check', 'deals'], { cwd: fx });
for (const [name, args] of [
  ['help', ['--help']],
  ['version', ['--version']],
  ['triage-help', ['triage', '--help']],
  ['check-help', ['check', '--help']],
  ['new-help', ['new', '--help']],
  ['new-no-tty', ['new']],
  ['check-missing-path', ['check', 'no-such-folder']],
  ['check-bad-format', ['check', '-f', 'nope', 'deals']],
  ['check-bad-concurrency', ['check', '--concurrency', 'many', 'deals']],
  ['triage-missing-file', ['triage', 'no-such.yaml']],
  ['triage-folder', ['triage', 'deals']],
  ['unknown-command', ['frobnicate']],
]) {
  add('fixtures', name, args, { cwd: fx });
}

// The folders: check in every format and concurrency; triage of every file in one run per format.
for (const [folder] of folders) {
  for (const format of CHECK_FORMATS) {
    for (const conc of CONCURRENCY) add(folder, `check-${format}${concName(conc)}`, ['check', '--config', config, '-f', format, ...conc, folder], { summary: format === 'github' });
  }
  add(folder, 'check-stylish-color', ['check', '--color', '--config', config, folder]);
  add(folder, 'check-no-config', ['check', '-f', 'json', folder]);
  const files = readdirSync(path.join(inputs, folder)).sort().map((n) => `${folder}/${n}`);
  for (const format of ['text', 'json', 'markdown']) {
    // In chunks: one command line holds a few thousand names at most.
    for (let i = 0; i < files.length; i += 1000) {
      const chunk = files.slice(i, i + 1000);
      add(folder, `triage-${format}-all-${i}`, ['triage', '--config', config, '-f', format, ...chunk]);
      if (hasExplain && format !== 'markdown') add(folder, `triage-${format}-explain-all-${i}`, ['triage', '--config', config, '-f', format, '--explain', ...chunk]);
    }
  }
}

// triage one file at a time, over a sample spread evenly over every folder's files.
const pool = [...fxInvalid.map((n) => `fixtures/${n}`), ...fxDeals.map((n) => `fixtures/${n}`)];
for (const [folder] of folders) pool.push(...readdirSync(path.join(inputs, folder)).sort().map((n) => `${folder}/${n}`));
const sample = SAMPLE >= pool.length ? pool : Array.from({ length: SAMPLE }, (_, k) => pool[Math.floor((k * pool.length) / SAMPLE)]);
const variants = [['text'], ['json'], ['markdown'], ...(hasExplain ? [['text', '--explain'], ['json', '--explain']] : [])];
sample.forEach((file, k) => {
  const [format, ...rest] = variants[k % variants.length]; // one variant per file, rotating: a spread, at a fifth of the cost
  add('one-by-one', `triage-${format}${rest.join('')}-${file}`, ['triage', '--config', config, '-f', format, ...rest, file], { file });
});

/** Runs one build on one case; returns what it printed, its exit code and the files it wrote. */
function runBuild(repo, testCase, outDir) {
  return new Promise((resolve) => {
    const args = testCase.args.map((arg) => (outDir ? arg.replaceAll('{out}', outDir) : arg));
    const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '', GITHUB_STEP_SUMMARY: '', ...testCase.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    delete env.GITHUB_STEP_SUMMARY;
    delete env.CI;
    if (testCase.summary && outDir) env.GITHUB_STEP_SUMMARY = path.join(outDir, 'step-summary.md');
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(repo, 'bin/deal-triage.js'), ...args], { cwd: testCase.cwd ?? inputs, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const clean = (buffer) => buffer.toString('latin1').replaceAll(repo, '<repo>').replaceAll(outDir ?? '\0', '<out>');
      const files = {};
      for (const name of [...(testCase.writes ?? []), ...(testCase.summary ? ['step-summary.md'] : [])]) {
        const file = path.join(outDir, name);
        files[name] = existsSync(file) ? clean(readFileSync(file)) : '(not written)';
      }
      resolve({ code: signal ? `signal ${signal}` : code, stdout: clean(Buffer.concat(out)), stderr: clean(Buffer.concat(err)), files, ms });
    });
  });
}

const differences = [];
const anomalies = [];
const timings = [];
let done = 0;
let next = 0;
process.stderr.write(`compare-builds: ${cases.length} cases × 2 builds, ${JOBS} at a time `);
async function worker() {
  while (next < cases.length) {
    const index = next++;
    const testCase = cases[index];
    const outs = [path.join(work, 'out', `${index}-old`), path.join(work, 'out', `${index}-new`)];
    for (const dir of outs) mkdirSync(dir, { recursive: true });
    const before = await runBuild(oldRepo, testCase, outs[0]);
    const after = await runBuild(newRepo, testCase, outs[1]);
    // Each build wrote into its own folder, named <out> in both outputs.
    const parts = ['code', 'stdout', 'stderr', ...Object.keys(after.files).map((f) => `file ${f}`)];
    const value = (result, part) => (part.startsWith('file ') ? result.files[part.slice(5)] : String(result[part]));
    const differing = parts.filter((part) => value(before, part) !== value(after, part));
    if (differing.length > 0) differences.push({ testCase, differing, before, after, value });
    const code = after.code;
    if (![0, 1, 2].includes(code)) anomalies.push(`${label(testCase)}: exit ${code}`);
    if (/^\s+at .+[(:]\d+|internal error|\b(TypeError|RangeError|ReferenceError|SyntaxError|Error):/m.test(after.stderr) && !testCase.args.includes('--help')) {
      anomalies.push(`${label(testCase)}: stderr looks like a crash: ${after.stderr.split('\n').find((l) => /at |internal error|Error:/.test(l))?.slice(0, 200)}`);
    }
    timings.push({ testCase, old: before.ms, new: after.ms });
    if (!options.keep) for (const dir of outs) rmSync(dir, { recursive: true, force: true });
    if (++done % 50 === 0) process.stderr.write('.');
  }
}
const label = (testCase) => `${testCase.group}: deal-triage ${testCase.args.map((a) => (/[\s'"]/.test(a) ? JSON.stringify(a) : a)).join(' ').slice(0, 160)}`;
await Promise.all(Array.from({ length: JOBS }, worker));
process.stderr.write('\n');

// --- the summary ---------------------------------------------------------------------------------

/** The first line where two texts differ, with a line of context, as a small unified diff. */
function firstDiff(a, b) {
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && i < lb.length && la[i] === lb[i]) i++;
  // Compared as bytes (latin1 strings); shown as UTF-8.
  const show = (line) => (line === undefined ? '(end)' : JSON.stringify(Buffer.from(line, 'latin1').toString('utf8')).slice(0, 300));
  return [`      line ${i + 1} of ${la.length} (old) / ${lb.length} (new):`, ...(i > 0 ? [`        ${show(la[i - 1])}`] : []), `      - ${show(la[i])}`, `      + ${show(lb[i])}`].join('\n');
}
const byGroup = {};
for (const testCase of cases) byGroup[testCase.group] = (byGroup[testCase.group] ?? 0) + 1;
console.log(`compare-builds: old ${oldRepo}\n                new ${newRepo}`);
console.log('inputs:');
console.log(`  fixtures/   ${fxDeals.length} deals, ${fxInvalid.length} invalid files, check/ folders, help and usage errors`);
for (const [folder, n] of folders) console.log(`  ${`${folder}/`.padEnd(11)} ${n} files`);
if (MUTATED > 0) console.log(`              mutations (files each went into): ${Object.entries(mutationUses).map(([n, k]) => `${n} ${k}`).join(', ')}`);
console.log(`  one by one  ${sample.length} files triaged alone (${variants.map((v) => v.join(' ')).join(' / ')}, rotating)`);
console.log(`runs: ${cases.length} cases, each on both builds (${Object.entries(byGroup).map(([g, n]) => `${g} ${n}`).join(', ')}); compared: exit code, stdout, stderr, written files`);
if (differences.length === 0) console.log('differences: none');
else {
  const groups = {};
  for (const { testCase } of differences) groups[testCase.group] = (groups[testCase.group] ?? 0) + 1;
  console.log(`differences: ${differences.length} case${differences.length === 1 ? '' : 's'} (${Object.entries(groups).map(([g, n]) => `${g} ${n}`).join(', ')})`);
  for (const { testCase, differing, before, after, value } of differences.slice(0, SHOW)) {
    console.log(`  ${label(testCase)}`);
    for (const part of differing) {
      if (part === 'code') console.log(`    exit code: old ${before.code}, new ${after.code}`);
      else console.log(`    ${part}:\n${firstDiff(value(before, part), value(after, part))}`);
    }
  }
  if (differences.length > SHOW) console.log(`  ... and ${differences.length - SHOW} more (--show n to see more)`);
}
if (anomalies.length > 0) {
  console.log(`in the new build's output (whether or not it differs): ${anomalies.length} suspicious run${anomalies.length === 1 ? '' : 's'}`);
  for (const line of anomalies.slice(0, 10)) console.log(`  ${line}`);
}
const oneByOne = timings.filter((t) => t.testCase.group === 'one-by-one').sort((a, b) => b.new - a.new);
const slowest = [...timings].sort((a, b) => b.new - a.new).slice(0, 3);
if (oneByOne.length > 0) {
  const median = oneByOne[Math.floor(oneByOne.length / 2)].new;
  console.log(`one-by-one triage: median ${median.toFixed(0)} ms (new build); slowest: ${oneByOne.slice(0, 3).map((t) => `${t.testCase.file} ${t.new.toFixed(0)} ms`).join(', ')}`);
}
console.log(`slowest runs (new build): ${slowest.map((t) => `${t.testCase.group} ${t.testCase.name} ${(t.new / 1000).toFixed(1)} s (old ${(t.old / 1000).toFixed(1)} s)`).join('; ')}`);
console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = differences.length > 0 ? 1 : 0;
