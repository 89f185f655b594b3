#!/usr/bin/env node
// Process glue only: run the CLI and set the exit code.
// dist/bundle is the tsc output of src/cli/main.ts bundled for start-up speed (scripts/bundle.js).
import { execute } from '../dist/bundle/main.js';

// A reader that goes away (`deal-triage triage x.yaml | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await execute(process.argv.slice(2));
