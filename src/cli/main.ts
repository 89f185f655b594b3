// The command line: parses argv with commander, runs a command, returns its exit code. Only
// bin/deal-triage.js touches process.exitCode. Each command's module is loaded when it runs, so a
// command pays only for what it uses.

import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { TRIAGE_FORMATS } from '../format/index.js';
import type { TriageOptions } from './commands/triage.js';
import { EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { processIo } from './io.js';

export interface CommonOptions {
  config?: string;
  color?: boolean;
  debug?: boolean;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('deal-triage')
    .description('Decide whether your CEO should join a deal, explain why, and print the briefing.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // Options every command takes; commander accepts them before or after the command's name.
    .option('-c, --config <file>', 'use this config file instead of looking for deal-triage.config.yaml')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'on an internal error, print the stack trace')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showSuggestionAfterError()
    .showHelpAfterError('(run with --help for usage)');
  program.addHelpText(
    'after',
    `
Exit codes: 0 success (whatever the verdict), 1 a deal file is invalid, 2 usage, config or internal error.
Docs and the deal file format: see the README.`,
  );

  program
    .command('triage')
    .description('decide, for each deal file, whether the CEO should join, explain why, and print the briefing')
    .argument('<file...>', 'deal files (.yaml or .yml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(TRIAGE_FORMATS).default('text'))
    .option('--explain', 'show how every rule was evaluated')
    .action(async (files: string[], _options: unknown, command: Command) => {
      const { runTriage } = await import('./commands/triage.js');
      setExit(await runTriage(files, command.optsWithGlobals<TriageOptions>(), io));
    });

  return program;
}

export async function execute(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    const program = buildProgram(io, (code) => {
      exitCode = code;
    });
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help, or the version) already.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`deal-triage: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`deal-triage: internal error: ${detail}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack) {
      io.stderr.write(`${error.stack}\n`);
    } else {
      io.stderr.write('Rerun with --debug to see where it happened, and please report it.\n');
    }
    return EXIT.usage;
  }
}
