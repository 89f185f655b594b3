// A Prompter that answers from a script, for testing the questionnaire without a terminal. It
// behaves as the @inquirer/prompts questions do where the flow depends on it: Enter (or an empty
// line) takes the default, an answer `validate` refuses is shown and the same question asked again,
// Ctrl-C rejects with an ExitPromptError. A question the script does not expect fails the test.

/* eslint-disable @typescript-eslint/require-await -- these fakes implement the async Prompter; being async turns a
   refused script step (a throw) into a rejection, as a real prompt's failure is. */

import type { ConfirmQuestion, InputQuestion, Prompter, SelectQuestion } from '../../src/questionnaire/prompter.js';

/** Enter on an empty line: the default. */
export const ENTER = Symbol('Enter');
/** Backspace on an empty line, then Enter: the default erased, the answer empty. */
export const ERASE = Symbol('Erase');
/** Ctrl-C. */
export const CTRL_C = Symbol('Ctrl-C');

/** The question fails with `error`, as the prompt library does when the terminal goes away. */
export class Failure {
  constructor(readonly error: Error) {}
}

/** The error `setRawMode` throws on a terminal that has gone (a closed pseudo-terminal). */
export function eioError(): Error {
  return Object.assign(new Error('setRawMode EIO'), { code: 'EIO', errno: -5, syscall: 'setRawMode' });
}

type Kind = 'input' | 'select' | 'confirm';
type Answer = string | number | boolean | typeof ENTER | typeof ERASE | typeof CTRL_C | Failure;

export interface Step {
  kind: Kind;
  /** The question's message, or a part of it. */
  message: string | RegExp;
  answer: Answer;
}

type Keys = typeof ENTER | typeof ERASE | typeof CTRL_C | Failure;
type Message = string | RegExp;

export const input = (message: Message, answer: string | Keys = ENTER): Step => ({ kind: 'input', message, answer });
/** A number question: text typed as people write it (`240k`), or a number typed plainly. */
export const number = (message: Message, answer: number | string | Keys = ENTER): Step => ({
  kind: 'input',
  message,
  answer: typeof answer === 'number' ? String(answer) : answer,
});
export const select = (message: Message, answer: string | Exclude<Keys, typeof ERASE> = ENTER): Step => ({ kind: 'select', message, answer });
export const confirm = (message: Message, answer: boolean | Exclude<Keys, typeof ERASE> = ENTER): Step => ({ kind: 'confirm', message, answer });

export interface Asked {
  kind: Kind;
  message: string;
  default: unknown;
  choices?: { value: unknown; name: string; description?: string }[];
}

export function interruptError(): Error {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  return error;
}

export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  /** The messages `validate` showed, in order. */
  readonly shown: string[] = [];
  readonly notes: string[] = [];
  /** How the accepted answers of questions that echo them (numbers) were shown back. */
  readonly echoed: string[] = [];
  private readonly steps: Step[];

  constructor(steps: readonly Step[]) {
    this.steps = [...steps];
  }

  /** Steps the flow did not ask for. */
  get remaining(): readonly Step[] {
    return this.steps;
  }

  /** The step's answer; Ctrl-C and a Failure throw here, as the prompt would. */
  private next(kind: Kind, message: string, record: Omit<Asked, 'kind' | 'message'>): Exclude<Answer, typeof CTRL_C | Failure> {
    this.asked.push({ kind, message, ...record });
    const step = this.steps.shift();
    if (!step) throw new Error(`unexpected ${kind} question "${message}": the script has ended`);
    const matches = typeof step.message === 'string' ? message.includes(step.message) : step.message.test(message);
    if (step.kind !== kind || !matches) {
      throw new Error(`the script expected a ${step.kind} question matching ${String(step.message)}, but got the ${kind} question "${message}"`);
    }
    if (step.answer === CTRL_C) throw interruptError();
    if (step.answer instanceof Failure) throw step.answer.error;
    return step.answer;
  }

  async input(question: InputQuestion): Promise<string> {
    for (;;) {
      const answer = this.next('input', question.message, { default: question.default });
      if (typeof answer !== 'string' && answer !== ENTER && answer !== ERASE) throw new Error(`an input needs text, not ${String(answer)}`);
      const typed = answer === ENTER || answer === ERASE ? '' : answer;
      const value = typed === '' && answer !== ERASE ? (question.default ?? '') : typed;
      const verdict = question.validate ? question.validate(value) : true;
      if (verdict === true) {
        if (question.echo) this.echoed.push(question.echo(value));
        return value;
      }
      this.shown.push(verdict);
    }
  }

  async select<T>(question: SelectQuestion<T>): Promise<T> {
    const choices = question.choices.map((choice) => ({ ...choice }));
    const answer = this.next('select', question.message, { default: question.default, choices });
    if (answer === ENTER) return question.default !== undefined ? question.default : question.choices[0]!.value;
    const choice = question.choices.find((candidate) => candidate.value === answer);
    if (!choice) throw new Error(`"${String(answer)}" is not a choice of "${question.message}" (${choices.map((c) => String(c.value)).join(', ')})`);
    return choice.value;
  }

  async confirm(question: ConfirmQuestion): Promise<boolean> {
    const answer = this.next('confirm', question.message, { default: question.default });
    if (answer === ENTER) return question.default;
    if (typeof answer !== 'boolean') throw new Error(`a confirm needs true or false, not ${String(answer)}`);
    return answer;
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

/**
 * Presses Enter at every question, as a user keeping every answer of a deal being edited, except
 * where `answers` says otherwise: the first key a question's message starts with gives the answer
 * (a list gives one answer per time the question is asked; ENTER in it keeps the default).
 */
export class EnterPrompter extends ScriptedPrompter {
  private readonly answers: Map<string, unknown[]>;

  constructor(answers: Record<string, unknown> = {}, private readonly limit = 500) {
    super([]);
    this.answers = new Map(Object.entries(answers).map(([key, value]) => [key, Array.isArray(value) ? [...(value as unknown[])] : [value]]));
  }

  /** The scripted answer to this question, or ENTER. */
  private answer(kind: Kind, message: string, record: Omit<Asked, 'kind' | 'message'>): unknown {
    this.asked.push({ kind, message, ...record });
    if (this.asked.length > this.limit) throw new Error(`more than ${this.limit} questions: the flow does not end`);
    for (const [start, answers] of this.answers) {
      if (!message.startsWith(start)) continue;
      // The last answer stays for any further time the question is asked.
      return answers.length > 1 ? answers.shift() : answers[0];
    }
    return ENTER;
  }

  override async input(question: InputQuestion): Promise<string> {
    const answer = this.answer('input', question.message, { default: question.default });
    const value = answer === ENTER ? (question.default ?? '') : answer === ERASE ? '' : String(answer);
    const verdict = question.validate ? question.validate(value) : true;
    if (verdict !== true) throw new Error(`"${value}" at "${question.message}" was refused: ${verdict}`);
    return value;
  }

  override async select<T>(question: SelectQuestion<T>): Promise<T> {
    const answer = this.answer('select', question.message, { default: question.default, choices: question.choices.map((c) => ({ ...c })) });
    if (answer === ENTER) return question.default !== undefined ? question.default : question.choices[0]!.value;
    const choice = question.choices.find((candidate) => candidate.value === answer);
    if (!choice) throw new Error(`"${String(answer)}" is not a choice of "${question.message}"`);
    return choice.value;
  }

  override async confirm(question: ConfirmQuestion): Promise<boolean> {
    const answer = this.answer('confirm', question.message, { default: question.default });
    return answer === ENTER ? question.default : answer === true;
  }
}
