#!/usr/bin/env node
// Bundles the tsc output of the CLI (dist/cli/main.js and everything it imports, dependencies
// included) into dist/bundle/, which bin/deal-triage.js runs.
//
// Why: Node 20 has no module compile cache, and loading the ~200 separate ES module files of the
// CLI and its dependencies one by one costs more than everything `triage` itself does. One file
// per lazily loaded part (code splitting keeps `import()` lazy: colour support and each command
// load only when used) starts in well under half the time. The library entry (dist/index.js)
// stays unbundled tsc output.

import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

// The built-in policy must pass the checks a user's rules get (src/policy/self-check.ts): a rule a
// user could not write never ships.
const { checkBuiltInPolicy } = await import('../dist/policy/self-check.js');
const policyProblems = checkBuiltInPolicy();
if (policyProblems.length > 0) {
  console.error(`The built-in policy fails the checks a user's rules get:\n  ${policyProblems.join('\n  ')}`);
  process.exit(1);
}

rmSync('dist/bundle', { recursive: true, force: true });

/**
 * commander requires node:child_process when it loads, for subcommands run as separate executables,
 * which this CLI does not have: loading it cost ~3 ms of every start. Here commander gets it only
 * if it ever spawns one.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async ({ path: file }) => {
      const source = await readFile(file, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`${file} no longer requires node:child_process as expected; update scripts/bundle.js`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

await build({
  // The check worker is an entry of its own, next to the chunk that starts it (src/io/check-files.ts
  // finds it as ./check-worker.js); it shares the parsing chunks with the main entry.
  entryPoints: { main: 'dist/cli/main.js', 'check-worker': 'dist/io/check-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // No keepNames: keeping every function's name cost ~100 ms on a check of 10,000 files. A --debug
  // run, the one that prints a stack trace, runs the unbundled tsc output instead (bin/deal-triage.js).
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  // commander is CommonJS and requires Node built-ins; give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
