// `deal-triage one-on-one` prints the pack for the next CEO / head of sales one-on-one (PRODUCT.md
// §13); `deal-triage one-on-one log` records a meeting, by flags or by answering questions. The log
// is read safely (io/one-on-one-log.ts); a log that is not valid is a broken input file, reported
// located, exit 1, and never edited. A meeting is recorded in the log's own text (comments and order
// kept), read back to prove it holds exactly what was meant, and written atomically, never through a
// symbolic link; a bad value is refused (exit 2) before anything is written.

import { formatDiagnostics } from '../../format/diagnostics.js';
import { formatCadenceLine, formatPack } from '../../format/one-on-one.js';
import type { OneOnOneFormat } from '../../format/one-on-one.js';
import { safeChars } from '../../format/sanitize.js';
import { logLocation, readLog, writeLog } from '../../io/one-on-one-log.js';
import type { LogLocation, LogRead } from '../../io/one-on-one-log.js';
import { cadenceOf, suggestVenue } from '../../one-on-one/cadence.js';
import { recordMeeting } from '../../one-on-one/edit.js';
import { personName } from '../../one-on-one/findings.js';
import { EMPTY_LOG, parseLog } from '../../one-on-one/log.js';
import type { Commitment, Meeting, OneOnOneLog } from '../../one-on-one/log.js';
import { buildPack, openCommitments } from '../../one-on-one/pack.js';
import type { OpenCommitment } from '../../one-on-one/pack.js';
import { checkDate, parseCommitment, parseDone, parseMinutes, parseVenue } from '../../one-on-one/record.js';
import type { OneOnOneSettings } from '../../policy/resolve.js';
import { guardPrompter, isInterrupt, TerminalGoneError } from '../../questionnaire/prompter.js';
import type { Prompter } from '../../questionnaire/prompter.js';
import { NO_CONFIG_NOTE } from '../config.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';

export interface OneOnOneOptions extends CommonOptions {
  format: OneOnOneFormat;
}

export interface OneOnOneLogOptions extends CommonOptions {
  date?: string;
  minutes?: string;
  venue?: string;
  commitment: string[];
  done: string[];
}

interface Loaded {
  at: LogLocation;
  settings: OneOnOneSettings;
  read: Exclude<LogRead, { kind: 'unreadable' }>;
}

/** The config and the log; undefined (after saying why on stderr) when either is invalid. */
async function loadLog(context: CommandContext): Promise<{ ok: true; loaded: Loaded } | { ok: false; code: number }> {
  const { io, styles } = context;
  const config = await context.config();
  if (!config) return { ok: false, code: EXIT.usage };
  if (config.file === undefined) io.stderr.write(NO_CONFIG_NOTE);
  const settings = config.config.oneOnOne;
  const at = logLocation(config.file, io.cwd, settings);
  const read = await readLog(at);
  if (read.kind === 'unreadable') throw new UsageError(read.message);
  if (read.kind === 'invalid') {
    const sources = new Map(read.text === undefined ? [] : [[at.file, read.text]]);
    io.stderr.write(formatDiagnostics(read.problems, sources, styles.stderr));
    io.stderr.write(`deal-triage: the one-on-one log ${safeChars(at.file)} is invalid; fix what is listed above\n`);
    return { ok: false, code: EXIT.problems };
  }
  return { ok: true, loaded: { at, settings, read } };
}

const logOf = (read: Loaded['read']): OneOnOneLog => (read.kind === 'ok' ? read.log : EMPTY_LOG);

export async function runOneOnOne(options: OneOnOneOptions, context: CommandContext): Promise<number> {
  const result = await loadLog(context);
  if (!result.ok) return result.code;
  const { settings, read } = result.loaded;
  const pack = buildPack(logOf(read), context.today, settings);
  context.io.stdout.write(formatPack(pack, options.format, context.styles.stdout));
  return EXIT.ok;
}

export async function runOneOnOneLog(options: OneOnOneLogOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const byFlags = options.minutes !== undefined || options.venue !== undefined || options.date !== undefined || options.commitment.length > 0 || options.done.length > 0;
  if (!byFlags && (!io.stdinIsTTY || io.stdout.isTTY !== true)) {
    throw new UsageError(
      'one-on-one log asks questions, so it needs an interactive terminal; without one, give the meeting by flags:\n' +
        '  deal-triage one-on-one log --minutes 75 --venue walk [--date YYYY-MM-DD] [--commitment "ceo:what:YYYY-MM-DD"] [--done <n>]',
    );
  }
  const result = await loadLog(context);
  if (!result.ok) return result.code;
  const { at, settings, read } = result.loaded;
  const log = logOf(read);
  const open = openCommitments(log, context.today);

  let edit: { meeting: Meeting; done: OpenCommitment[] } | undefined;
  if (byFlags) {
    edit = fromFlags(options, log, open, context.today);
  } else {
    const prompter = guardPrompter(io.prompter ?? (await terminalPrompter(context)));
    try {
      const { askMeeting } = await import('../../questionnaire/one-on-one.js');
      edit = await askMeeting(prompter, {
        log,
        today: context.today,
        suggestedVenue: suggestVenue(log, context.today).venue,
        open,
        name: (person) => personName(person, settings.names),
      });
    } catch (error) {
      if (isInterrupt(error)) {
        io.stderr.write('deal-triage: cancelled; nothing was written\n');
        return EXIT.interrupted;
      }
      if (error instanceof TerminalGoneError) {
        io.stderr.write(`deal-triage: ${error.message}; nothing was written\n`);
        return EXIT.usage;
      }
      throw error;
    }
    if (edit === undefined) {
      io.stderr.write('deal-triage: nothing was written\n');
      return EXIT.ok;
    }
  }

  const before = read.kind === 'ok' ? read.text : '';
  const text = recordMeeting(before, { meeting: edit.meeting, done: edit.done });
  // What is written must read back as the log with this meeting, and nothing else changed.
  const expected: OneOnOneLog = {
    meetings: [
      ...log.meetings.map((meeting, m) => ({
        ...meeting,
        commitments: meeting.commitments.map((c, i) => (edit.done.some((d) => d.meeting === m && d.commitment === i) ? { ...c, done: true } : c)),
      })),
      edit.meeting,
    ],
  };
  const back = parseLog(text, at.file);
  if (!back.ok || JSON.stringify(back.value) !== JSON.stringify(expected)) {
    throw new Error(`the log with the new meeting would not read back as written${back.ok ? '' : `: ${back.problems[0]?.message ?? ''}`}`);
  }
  const written = await writeLog(at, text, read.kind === 'ok');
  if (written.kind !== 'written') {
    const reason = written.kind === 'failed' ? written.reason : 'it appeared while the meeting was being recorded; run the command again';
    throw new UsageError(`cannot write the one-on-one log ${safeChars(at.file)}: ${reason}; nothing was written`);
  }
  const { meeting } = edit;
  const parts = [`${meeting.venue}, ${meeting.minutes} min`];
  if (meeting.commitments.length > 0) parts.push(`${meeting.commitments.length} commitment${meeting.commitments.length === 1 ? '' : 's'}`);
  if (edit.done.length > 0) parts.push(`${edit.done.length} marked done`);
  const style = context.styles.stdout;
  io.stdout.write(`${style.green('✔')} Recorded the one-on-one of ${meeting.date} in ${style.bold(safeChars(at.file))} (${parts.join('; ')})\n`);
  io.stdout.write(`${formatCadenceLine(cadenceOf(expected, context.today, settings.cadence_days))}\n`);
  return EXIT.ok;
}

/** The meeting the flags give; every bad value is named at once, and nothing is written. */
function fromFlags(options: OneOnOneLogOptions, log: OneOnOneLog, open: readonly OpenCommitment[], today: string) {
  const wrong: string[] = [];
  const date = (options.date ?? today).trim();
  const dateOk = checkDate(date, log, today);
  if (dateOk !== true) wrong.push(`--date ${JSON.stringify(date)}: ${dateOk}`);
  let minutes: number | undefined;
  if (options.minutes === undefined) wrong.push('--minutes is needed: how long the meeting lasted, such as --minutes 75');
  else {
    const parsed = parseMinutes(options.minutes);
    if (parsed.ok) minutes = parsed.value;
    else wrong.push(`--minutes ${JSON.stringify(options.minutes)}: ${parsed.message}`);
  }
  let venue: Meeting['venue'] | undefined;
  if (options.venue === undefined) wrong.push('--venue is needed: where you met, such as --venue walk');
  else {
    const parsed = parseVenue(options.venue);
    if (parsed.ok) venue = parsed.value;
    else wrong.push(`--venue ${JSON.stringify(options.venue)}: ${parsed.message}`);
  }
  const commitments: Commitment[] = [];
  for (const given of options.commitment) {
    const parsed = parseCommitment(given);
    if (parsed.ok) commitments.push(parsed.value);
    else wrong.push(`--commitment ${JSON.stringify(given)}: ${parsed.message}`);
  }
  const done: OpenCommitment[] = [];
  for (const given of options.done) {
    const parsed = parseDone(given, open);
    if (!parsed.ok) wrong.push(`--done ${JSON.stringify(given)}: ${parsed.message}`);
    else if (!done.includes(parsed.value)) done.push(parsed.value);
  }
  if (wrong.length > 0 || minutes === undefined || venue === undefined) {
    throw new UsageError(`${wrong.map(safeChars).join('\ndeal-triage: ')}\ndeal-triage: nothing was written`);
  }
  return { meeting: { date, minutes, venue, commitments }, done };
}

async function terminalPrompter(context: CommandContext): Promise<Prompter> {
  const { io } = context;
  if (io.stdin === undefined) throw new Error('one-on-one log has no input to read answers from');
  const { inquirerPrompter } = await import('../../questionnaire/inquirer.js');
  return inquirerPrompter({ input: io.stdin, output: io.stdout, style: context.styles.stdout });
}
