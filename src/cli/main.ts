// The command line: parses argv with commander, runs a command, returns its exit code. Only
// bin/deal-triage.js touches process.exitCode. Each command's module is loaded when it runs, so a
// command pays only for what it uses.

import { Argument, Command, CommanderError, Option } from 'commander';
import { PRESET_NAMES } from '../import/preset-names.js';
import { CHECK_FORMATS, IMPORT_FORMATS, ONE_ON_ONE_FORMATS, POLICY_TEST_FORMATS, REVIEW_FORMATS, TRIAGE_FORMATS } from '../format/names.js';
import { safeLine, safeLines } from '../format/sanitize.js';
import type { CheckOptions } from './commands/check.js';
import type { ImportOptions } from './commands/import.js';
import type { NewOptions } from './commands/new.js';
import type { OneOnOneLogOptions, OneOnOneOptions } from './commands/one-on-one.js';
import type { ReviewOptions } from './commands/review.js';
import type { TriageOptions } from './commands/triage.js';
import type { TestOptions } from './commands/test.js';
import type { SchemaOptions } from './commands/schema.js';
import { describeFsError } from '../io/fs-errors.js';
import { toolVersion } from '../io/version.js';
import { EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { processIo } from './io.js';
import { formatOption, parseConcurrency, parseMaxWarnings } from './options.js';
import type { CommonOptions } from './options.js';

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  // Every command runs with one context: the streams, their colours, the config when it asks.
  const contextFor = async (options: CommonOptions) => (await import('./context.js')).commandContext(io, options);
  const program = new Command('deal-triage')
    .description('Decide whether your CEO should join a deal, explain why, and print the briefing.')
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // Options every command takes; commander accepts them before or after the command's name.
    .option('-c, --config <file>', 'use this config file instead of looking for deal-triage.config.yaml')
    // Checked when a command runs (src/cli/today.ts), with DEAL_TRIAGE_TODAY.
    .option('--today <date>', 'the day to decide on, YYYY-MM-DD (default: $DEAL_TRIAGE_TODAY, else the system date)')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'on an internal error, print the stack trace')
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Its messages may quote an argument, such as a file name from a shell glob.
      writeErr: (text) => io.stderr.write(safeLines(text)),
      // One prefix for every error the tool prints, commander's own included ("error: unknown option").
      outputError: (text, write) => write(text.replace(/^error: /, 'deal-triage: ')),
    })
    .showSuggestionAfterError()
    .showHelpAfterError('(run with --help for usage)');
  program.addHelpText(
    'after',
    `
Exit codes: 0 success (for triage, whatever the verdict); 1 a deal file is invalid, or check found problems;
2 usage, config or internal error; 130 interrupted (Ctrl-C in new).
Docs and the deal file format: see the README.`,
  );

  program
    .command('triage')
    .description('decide, for each deal file, whether the CEO should join, explain why, and print the briefing')
    .argument('<file...>', 'deal files (.yaml or .yml)')
    .addOption(formatOption(TRIAGE_FORMATS, 'text'))
    .option('--explain', 'show how every rule was evaluated')
    .action(async (files: string[], _options: unknown, command: Command) => {
      const { runTriage } = await import('./commands/triage.js');
      const options = command.optsWithGlobals<TriageOptions>();
      setExit(await runTriage(files, options, await contextFor(options)));
    });

  program
    .command('new')
    .description('answer questions about a deal to write its deal file, then see its triage')
    .argument('[file]', 'where to save the deal (default: deals/<id>.yaml, or the --from file)')
    .option('--from <file>', 'start from this deal file: its answers are the defaults, so Enter keeps them')
    .option('--force', 'replace an existing file without asking')
    .addHelpText(
      'after',
      `
Needs an interactive terminal. Ctrl-C at any question stops with exit 130 and writes nothing.`,
    )
    .action(async (file: string | undefined, _options: unknown, command: Command) => {
      const { runNew } = await import('./commands/new.js');
      const options = command.optsWithGlobals<NewOptions>();
      setExit(await runNew(file, options, await contextFor(options)));
    });

  program
    .command('check')
    .description('CI gate: validate every deal file under the paths, apply the policy, check the folder as a whole')
    .argument('[path...]', 'deal files or folders, searched recursively for .yaml and .yml files (default: deals)')
    .addOption(formatOption(CHECK_FORMATS, 'stylish'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .addOption(
      new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)').argParser(parseMaxWarnings).default(-1, 'no limit'),
    )
    .addOption(
      new Option('--concurrency <n>', 'threads to check files on: auto, off, or a number').argParser(parseConcurrency).default('auto'),
    )
    .option('--cache', "keep each file's result, and check again only the files that changed (by content)")
    .option('--cache-location <path>', 'the cache file, or a folder to keep it in (with --cache)', '.deal-triage-cache')
    .addHelpText(
      'after',
      `
Skips the config file, dot-files, dot-folders and node_modules. Exit codes: 0 no errors and warnings
within --max-warnings, 1 errors or too many warnings, 2 usage, config or internal error.`,
    )
    .action(async (paths: string[], _options: unknown, command: Command) => {
      const { runCheck } = await import('./commands/check.js');
      const options = command.optsWithGlobals<CheckOptions>();
      setExit(await runCheck(paths, options, await contextFor(options)));
    });

  const oneOnOne = program
    .command('one-on-one')
    .description('the weekly CEO / head of sales one-on-one: cadence, a venue, openers, open commitments; `one-on-one log` records one')
    .addOption(formatOption(ONE_ON_ONE_FORMATS, 'text'))
    .addHelpText(
      'after',
      `
Reads one-on-ones.yaml beside the config file (one_on_one.log in the config). It keeps the cadence
and the commitments, never what was said. Exit codes: 0 the pack, 1 the log is invalid, 2 usage or config error.`,
    )
    .action(async (_options: unknown, command: Command) => {
      const { runOneOnOne } = await import('./commands/one-on-one.js');
      const options = command.optsWithGlobals<OneOnOneOptions>();
      setExit(await runOneOnOne(options, await contextFor(options)));
    });
  const collect = (value: string, previous: string[]) => [...previous, value];
  oneOnOne
    .command('log')
    .description('record a one-on-one: by answering questions, or by flags')
    .option('--date <date>', 'the day you met, YYYY-MM-DD (default: today)')
    .option('--minutes <n>', 'how long it lasted, in minutes')
    .option('--venue <venue>', 'walk, coffee, bike-ride, dinner, drive-in, office or other')
    .option('--commitment <by:what:due>', 'a commitment, such as "ceo:Call the Orbis COO:2026-12-08" (repeatable)', collect, [])
    .option('--done <n>', 'mark open commitment n done, numbered as `deal-triage one-on-one` lists them (repeatable)', collect, [])
    .addHelpText(
      'after',
      `
Without flags it asks, at an interactive terminal. A bad value is refused before anything is written (exit 2);
an invalid log is never edited (exit 1); Ctrl-C stops with exit 130 and writes nothing.`,
    )
    .action(async (_options: unknown, command: Command) => {
      const { runOneOnOneLog } = await import('./commands/one-on-one.js');
      const options = command.optsWithGlobals<OneOnOneLogOptions>();
      setExit(await runOneOnOneLog(options, await contextFor(options)));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the deal file or the config, for editors (VS Code\'s YAML extension) and other tools')
    .addArgument(new Argument('<kind>', 'which file: deal or config').choices(['deal', 'config']))
    .option('-o, --output <file>', 'write the schema to this file instead of stdout')
    .addHelpText(
      'after',
      `
The package ships the same files: schema/deal.schema.json and schema/config.schema.json.`,
    )
    .action(async (kind: 'deal' | 'config', _options: unknown, command: Command) => {
      const { runSchema } = await import('./commands/schema.js');
      const options = command.optsWithGlobals<SchemaOptions>();
      setExit(await runSchema(kind, options, await contextFor(options)));
    });

  program
    .command('test')
    .description("run the policy's unit tests: each case file names a deal and the verdict, reasons and roles the policy must give")
    .argument('[folder]', 'the folder of case files, searched recursively for .yaml and .yml files (default: policy-tests)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(POLICY_TEST_FORMATS).default('text'))
    .option('--coverage', 'show, for each rule, in how many cases it fired and stayed silent, and the rules not tested both ways')
    .addHelpText(
      'after',
      `
Paths in a case file are relative to it. Exit codes: 0 every case passed, 1 a case failed,
2 a case file is broken (its problems are located), or a usage or config error.`,
    )
    .action(async (folder: string | undefined, _options: unknown, command: Command) => {
      const { runTest } = await import('./commands/test.js');
      const options = command.optsWithGlobals<TestOptions>();
      setExit(await runTest(folder, options, await contextFor(options)));
    });

  program
    .command('review')
    .description("the pipeline pre-read: the CEO's deals, the horizon, what changed, risks, what the CEO's time returns, the funnel")
    .argument('[path...]', 'deal files or folders, found as check finds them (default: deals)')
    .addOption(formatOption(REVIEW_FORMATS, 'text'))
    .option('-o, --output <file>', 'write the review to this file instead of stdout')
    .option('--since <revision|date>', 'show what changed since this git revision, or since the last commit before this date (YYYY-MM-DD)')
    .addOption(
      new Option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)').argParser(parseMaxWarnings).default(-1, 'no limit'),
    )
    .addHelpText(
      'after',
      `
Every problem check reports is listed under problems. Exit codes: 0 no errors (and warnings within
--max-warnings), 1 errors or too many warnings, 2 usage, config, git or internal error.`,
    )
    .action(async (paths: string[], _options: unknown, command: Command) => {
      const { runReview } = await import('./commands/review.js');
      const options = command.optsWithGlobals<ReviewOptions>();
      setExit(await runReview(paths, options, await contextFor(options)));
    });

  program
    .command('import')
    .description('turn a CRM export (Salesforce, HubSpot, Pipedrive, or any CSV with a mapping) into deal files, and update them on re-import')
    .argument('[file.csv]', 'the export to import')
    .addOption(new Option('-p, --preset <crm>', "the export's columns and stages are this CRM's (default: detected from the header)").choices(PRESET_NAMES))
    .option('-m, --map <mapping.yaml>', 'a mapping file: CSV column → deal field, CRM stage → ours, formats, defaults')
    .option('-i, --into <folder>', 'the deals folder to create and update files in', 'deals')
    .option('-n, --dry-run', 'show what would be created and updated, and write nothing')
    .addOption(new Option('-f, --format <format>', 'report format').choices(IMPORT_FORMATS).default('text'))
    .option('-q, --quiet', "leave out the verdict counts of the imported deals")
    .option('--encoding <name>', "the export's encoding when it is not UTF-8 or UTF-16 with a byte-order mark (for example latin1)")
    .option('--init-map <file.csv>', "write a starter mapping file from this export's header (to --map's path, or <name>.mapping.yaml)")
    .option('--force', 'with --init-map: replace an existing mapping file')
    .option('--cache', "keep what a re-import needs of each deal file, and read again only the files that changed (by content); the default")
    .option('--no-cache', 'read every deal file in the folder, and keep no cache')
    .option('--cache-location <path>', "the cache file, or a folder to keep it in (default: the user's cache folder)")
    .addHelpText(
      'after',
      `
Re-importing updates only the fields the mapping owns; everything else in a deal file stays, comments
included. A deal the export no longer has is listed, never deleted. Exit codes: 0 every row imported,
1 a row was skipped (each is listed, located, on stderr), 2 usage, mapping or unreadable export
(nothing written), or a deal file that could not be written.`,
    )
    .action(async (file: string | undefined, _options: unknown, command: Command) => {
      const { runImport } = await import('./commands/import.js');
      const options = command.optsWithGlobals<ImportOptions>();
      setExit(await runImport(file, options, await contextFor(options)));
    });

  return program;
}

/**
 * The line bin/deal-triage.js prints when stdout or stderr cannot be written (a full disk, a
 * terminal gone), before it exits 2: a failed write is an I/O error, not an invalid deal.
 */
export function outputFailure(stream: 'stdout' | 'stderr', error: unknown): string {
  return `deal-triage: cannot write to ${stream}: ${describeFsError(error)}\n`;
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
      // Usage messages name files and folders, which may hold any character.
      io.stderr.write(`deal-triage: ${safeLines(error.message)}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`deal-triage: internal error: ${safeLine(detail)}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack) {
      io.stderr.write(`${error.stack}\n`);
    } else {
      io.stderr.write('Rerun with --debug to see where it happened, and please report it.\n');
    }
    return EXIT.usage;
  }
}
