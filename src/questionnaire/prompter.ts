// The four kinds of question the questionnaire asks, as an interface: the flow depends only on
// this, so tests answer it from a script and the terminal answers it through @inquirer/prompts
// (inquirer.ts, the only module that loads that library).

/** A prompt's check of an answer: true to accept it, or the message to show before asking again. */
export type Validate<T> = (value: T) => true | string;

export interface Choice<T> {
  value: T;
  /** What the list shows. */
  name: string;
  /** One sentence shown under the list while the choice is highlighted. */
  description?: string;
}

export interface InputQuestion {
  message: string;
  /** What Enter on an empty line answers. */
  default?: string;
  validate?: Validate<string>;
}

export interface NumberQuestion {
  message: string;
  default?: number;
  /** Called with undefined when the line is left empty (no default, or the default erased). */
  validate?: Validate<number | undefined>;
}

export interface SelectQuestion<T> {
  message: string;
  choices: readonly Choice<T>[];
  /** The choice highlighted at first; the first choice when absent. */
  default?: T;
}

export interface ConfirmQuestion {
  message: string;
  default: boolean;
}

/**
 * A question that is interrupted (Ctrl-C) rejects with an error named `ExitPromptError`, as
 * @inquirer/prompts does; see `isInterrupt`.
 */
export interface Prompter {
  input(question: InputQuestion): Promise<string>;
  number(question: NumberQuestion): Promise<number | undefined>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Shows text between questions (the preview before saving, a save that failed). */
  note(text: string): void;
}

/** Whether an error is the user interrupting a question (Ctrl-C), not a failure. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
