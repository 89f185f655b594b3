#!/usr/bin/env node
// Process glue only: run the CLI and set the exit code.
import { execute } from '../dist/cli/main.js';

// A reader that goes away (`deal-triage triage x.yaml | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await execute(process.argv.slice(2));
