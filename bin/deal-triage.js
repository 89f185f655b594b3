#!/usr/bin/env node
// Process glue only: run the CLI and set the exit code.
// dist/bundle is the tsc output of src/cli/main.ts bundled and minified for start-up speed
// (scripts/bundle.js). With --debug, which prints the stack trace of an internal error, the same
// code runs unbundled from the tsc output instead, so the trace names our functions and files.
import { writeSync } from 'node:fs';

const { execute, outputFailure } = await import(process.argv.includes('--debug') ? '../dist/cli/main.js' : '../dist/bundle/main.js');

// A reader that goes away (`deal-triage triage x.yaml | head`) is not an error. Any other failed
// write (`> /dev/full`, a terminal gone) ends the run: one line on stderr, if stderr still works, and
// exit 2. Node reports these as events, even for files, where the write itself is synchronous.
for (const [name, stream] of /** @type {const} */ ([['stdout', process.stdout], ['stderr', process.stderr]])) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (name === 'stdout') {
      try {
        writeSync(2, outputFailure(name, error));
      } catch {
        // stderr is gone too: the exit code is all that is left.
      }
    }
    process.exit(2);
  });
}

process.exitCode = await execute(process.argv.slice(2));
