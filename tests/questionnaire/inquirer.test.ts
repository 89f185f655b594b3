// The terminal prompter when the terminal goes away: the input ending or failing while a question
// waits, or `setRawMode` failing, ends the question with a TerminalGoneError (which `new` turns
// into one line and exit 2) instead of waiting forever or throwing from a stream.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inquirerPrompter } from '../../src/questionnaire/inquirer.js';
import { guardPrompter, TerminalGoneError } from '../../src/questionnaire/prompter.js';
import { eioError } from './scripted.js';

function terminal(setRawMode?: () => void) {
  const input = Object.assign(new PassThrough(), setRawMode ? { isTTY: true, setRawMode } : {});
  const output = new PassThrough();
  output.resume();
  return { input, output, prompter: guardPrompter(inquirerPrompter({ input, output })) };
}

describe('the terminal prompter when the terminal goes away', () => {
  it('answers a question as usual while the terminal is there', async () => {
    const { input, prompter } = terminal();
    const answer = prompter.input({ message: 'Name' });
    setTimeout(() => input.write('Acme\r'), 20);
    await expect(answer).resolves.toBe('Acme');
  });

  it.each([
    ['the input ends', (input: PassThrough) => input.end(), 'the input ended'],
    ['the input fails to read', (input: PassThrough) => input.destroy(Object.assign(new Error('read EIO'), { code: 'EIO' })), 'read EIO'],
  ])('%s: the question rejects with TerminalGoneError', async (_what, vanish, reason) => {
    const { input, prompter } = terminal();
    const answer = prompter.confirm({ message: 'Replace it?', default: false });
    setTimeout(() => vanish(input), 20);
    const error = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TerminalGoneError);
    expect((error as TerminalGoneError).reason).toBe(reason);
  });

  it('setRawMode fails with EIO: the question rejects with TerminalGoneError', async () => {
    const { prompter } = terminal(() => {
      throw eioError();
    });
    const error = await prompter.select({ message: 'Stage', choices: [{ value: 'a', name: 'a' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TerminalGoneError);
    expect((error as TerminalGoneError).message).toBe('the terminal went away (setRawMode EIO)');
  });
});
