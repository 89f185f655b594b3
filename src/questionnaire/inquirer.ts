// The Prompter on a real terminal, through @inquirer/prompts. The only module that imports it: the
// `new` command loads this lazily, so `triage` and `check` never pay for the prompt library.

import { confirm, input, number, select } from '@inquirer/prompts';
import type { Prompter } from './prompter.js';

export interface TerminalStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export function inquirerPrompter(streams: TerminalStreams = {}): Prompter {
  const context = { ...streams };
  const output = streams.output ?? process.stdout;
  return {
    input: (question) =>
      input(
        {
          message: question.message,
          ...(question.default === undefined ? {} : { default: question.default }),
          ...(question.validate ? { validate: question.validate } : {}),
        },
        context,
      ),
    number: (question) =>
      number(
        {
          message: question.message,
          ...(question.default === undefined ? {} : { default: question.default }),
          // The prompt's own check only rejects what is not a number; ranges and whole numbers are
          // the schema's business (step 1, the prompt's default, would refuse 1.5 with its own words).
          step: 'any',
          required: false,
          ...(question.validate ? { validate: question.validate } : {}),
        },
        context,
      ),
    select: (question) =>
      select(
        {
          message: question.message,
          choices: question.choices.map((choice) => ({
            value: choice.value,
            name: choice.name,
            ...(choice.description === undefined ? {} : { description: choice.description }),
          })),
          ...(question.default === undefined ? {} : { default: question.default }),
          // Every choice on one page: the longest list (the sections to change) is 15.
          pageSize: Math.max(7, question.choices.length),
        },
        context,
      ),
    confirm: (question) => confirm({ message: question.message, default: question.default }, context),
    note: (text) => {
      output.write(text.endsWith('\n') ? text : `${text}\n`);
    },
  };
}
