// The three kinds of question the questionnaire asks, as an interface: the flow depends only on
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
  /** How the accepted answer is shown back (a number typed `240k` as `240,000`); as typed when absent. */
  echo?: (answer: string) => string;
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
  /** Text, and numbers too: typed as people write them (`240k`), read by numbers.ts. */
  input(question: InputQuestion): Promise<string>;
  select<T>(question: SelectQuestion<T>): Promise<T>;
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Shows text between questions (the preview before saving, a save that failed). */
  note(text: string): void;
}

/** Whether an error is the user interrupting a question (Ctrl-C), not a failure. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

/** A question failed for a reason other than Ctrl-C: the terminal went away (EIO, input ended). */
export class TerminalGoneError extends Error {
  override name = 'TerminalGoneError';
  readonly reason: string;
  /** `cause`: what failed (an error), or the reason in words. */
  constructor(cause: unknown) {
    const reason = typeof cause === 'string' ? cause : reasonOf(cause);
    super(`the terminal went away (${reason})`);
    this.reason = reason;
  }
}

/**
 * The prompter with every failure that is not an interrupt turned into a TerminalGoneError, so the
 * command ends with one line however the prompt library or the terminal failed (a `setRawMode`
 * EIO, a read error, the input ending) instead of a stack trace.
 */
export function guardPrompter(p: Prompter): Prompter {
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      throw isInterrupt(error) || error instanceof TerminalGoneError ? error : new TerminalGoneError(error);
    }
  };
  return {
    input: (question) => guard(() => p.input(question)),
    select: (question) => guard(() => p.select(question)),
    confirm: (question) => guard(() => p.confirm(question)),
    note: (text) => {
      try {
        p.note(text);
      } catch (error) {
        throw new TerminalGoneError(error);
      }
    },
  };
}

/** `setRawMode EIO`: the error's code and first line, short and without control characters. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  // eslint-disable-next-line no-control-regex
  const line = (message.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').slice(0, 120);
  if (typeof code === 'string' && !line.includes(code)) return line ? `${code}: ${line}` : code;
  return line || 'no reason given';
}
