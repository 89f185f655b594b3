// The Prompter on a real terminal, through @inquirer/prompts. The only module that imports it: the
// `new` command loads this lazily, so `triage` and `check` never pay for the prompt library. It asks
// on the streams it is given (the command's Io), never on the process's own.

import { PassThrough, Writable } from 'node:stream';
import { confirm, input, select } from '@inquirer/prompts';
import { safeLine } from '../format/sanitize.js';
import { plain } from '../format/style.js';
import type { Style } from '../format/style.js';
import { TerminalGoneError } from './prompter.js';
import type { Prompter } from './prompter.js';

/** Where questions and notes are written: a stream (the terminal), or anything that takes text. */
export type TerminalOutput = NodeJS.WritableStream | { write(text: string): unknown };

export interface TerminalStreams {
  input: NodeJS.ReadableStream;
  output: TerminalOutput;
  /** The command's colours (plain with --no-color or NO_COLOR). */
  style?: Style;
}

interface Context {
  input: NodeJS.ReadableStream;
  signal: AbortSignal;
}

type TerminalInput = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * What a question shows goes through the one sanitiser (src/format/sanitize.ts), as every terminal
 * output does: with `new --from`, the defaults and the choices are a deal's text, which may hold
 * escape sequences that set the terminal's title, clear it or write the clipboard. The answer given
 * back is the text itself, unchanged.
 */
function safeTheme(style: Style) {
  return {
    style: {
      defaultAnswer: (text: string) => style.dim(`(${safeLine(text)})`),
      answer: (text: string) => style.cyan(safeLine(text)),
      description: (text: string) => style.cyan(safeLine(text)),
    },
  };
}

export function inquirerPrompter(streams: TerminalStreams): Prompter {
  const output = streams.output;
  const style = streams.style ?? plain;
  const theme = safeTheme(style);
  const ask = watched(streams.input);
  const on = (context: Context) => ({ ...context, output: asStream(output) });
  return {
    input: (question) =>
      ask((context) =>
        input(
          {
            message: safeLine(question.message),
            theme,
            // What is typed, or the default put on the line with Tab, is shown sanitised too.
            // A number typed `240k` is shown back as it is read: 240,000.
            transformer: (value, { isFinal }) => (isFinal ? style.cyan(safeLine(question.echo ? question.echo(value) : value)) : safeLine(value)),
            ...(question.default === undefined ? {} : { default: question.default }),
            ...(question.validate ? { validate: question.validate } : {}),
          },
          on(context),
        ),
      ),
    select: (question) =>
      ask((context) =>
        select(
          {
            message: safeLine(question.message),
            theme,
            choices: question.choices.map((choice) => ({
              value: choice.value,
              name: safeLine(choice.name),
              ...(choice.description === undefined ? {} : { description: choice.description }),
            })),
            ...(question.default === undefined ? {} : { default: question.default }),
            // Every choice on one page: the longest list (the sections to change) is 15.
            pageSize: Math.max(7, question.choices.length),
          },
          on(context),
        ),
      ),
    confirm: (question) => ask((context) => confirm({ message: safeLine(question.message), default: question.default, theme }, on(context))),
    note: (text) => {
      output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}

/**
 * The prompt library pipes into a stream, and ends it after the question unless it is the process's
 * own. The terminal is passed as it is (its width and colours are read from it); any other output
 * gets a stream of its own for each question, which hands it the text.
 */
function asStream(output: TerminalOutput): NodeJS.WritableStream {
  if ('on' in output && typeof output.on === 'function') return output;
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      output.write(String(chunk));
      done();
    },
  });
}

/**
 * Runs a question so that the input ending or failing while it waits (the terminal closed) ends it
 * with a TerminalGoneError. Left alone, the prompt library would wait forever on an ended input (the
 * process then exits with an unsettled promise), and readline rethrows an input's read error from
 * its own interface, where nothing can catch it. So the prompt reads a stream of its own, fed from
 * the input for the time of one question: the input's errors reach only this function.
 */
function watched(input: TerminalInput) {
  return async <T>(question: (context: Context) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    const ended = () => controller.abort(new TerminalGoneError('the input ended'));
    const failed = (error: unknown) => controller.abort(new TerminalGoneError(error));
    const feed = new PassThrough();
    if (input.isTTY && typeof input.setRawMode === 'function') {
      // readline puts its input in raw mode (keys one by one, Ctrl-C as a key): the terminal's.
      Object.defineProperty(feed, 'isRaw', { get: () => input.isRaw });
      Object.assign(feed, { isTTY: true, setRawMode: (mode: boolean) => (input.setRawMode!(mode), feed) });
    }
    input.on('end', ended);
    input.on('close', ended);
    input.on('error', failed);
    input.pipe(feed);
    try {
      return await question({ input: feed, signal: controller.signal });
    } catch (error) {
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      input.unpipe(feed);
      // Between questions nothing reads the terminal: paused, it does not keep the process alive.
      input.pause();
      input.off('end', ended);
      input.off('close', ended);
      input.off('error', failed);
    }
  };
}
