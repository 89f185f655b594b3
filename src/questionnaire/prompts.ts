// The questions for single answers: a text or a number for one field of the deal file. Each is
// checked with the schema piece the file loader uses for that field (fields.ts), and named in
// messages by its key in the file; an optional field says "(optional)" and takes an empty line.

import type * as z from 'zod';
import { fieldName, fieldSchema, isOptional, required } from './fields.js';
import type { FieldPath, FieldValue, NumberPath, TextPath } from './fields.js';
import { parseTypedNumber, showNumber } from './numbers.js';
import type { Prompter } from './prompter.js';
import { fileMessage, parsed, validator } from './validate.js';

export interface TextQuestion {
  message: string;
  /** The key in the deal file, for the validation message. */
  field: string;
  schema: z.ZodType<string | undefined>;
  current: string | undefined;
}

export async function requiredText(p: Prompter, q: TextQuestion): Promise<string> {
  const answer = await p.input({
    message: q.message,
    ...(q.current === undefined ? {} : { default: q.current }),
    validate: validator<string>(q.schema, q.field),
  });
  return parsed(q.schema, q.field, answer)!;
}

/** An optional text: an empty line leaves it out. */
async function optionalText(p: Prompter, q: TextQuestion): Promise<string | undefined> {
  const validate = validator<string>(q.schema, q.field);
  const answer = await p.input({
    message: `${q.message} (optional)`,
    ...(q.current === undefined ? {} : { default: q.current }),
    validate: (value) => (value.trim() === '' ? true : validate(value)),
  });
  return answer.trim() === '' ? undefined : (parsed(q.schema, q.field, answer)!);
}

export interface FieldQuestion<P extends FieldPath> {
  message: string;
  field: P;
  /** For a field of a list's entry: the entry's index, which its name in messages gives. */
  index?: number;
  current: FieldValue<P> | undefined;
}

/** A text field of the deal: required or optional as the schema says. */
export async function askText<P extends TextPath>(p: Prompter, q: FieldQuestion<P>): Promise<FieldValue<P>> {
  const schema = fieldSchema(q.field);
  const question = { message: q.message, field: fieldName(q.field, q.index), schema: required(schema) as z.ZodType<string>, current: q.current };
  const answer = isOptional(schema) ? await optionalText(p, question) : await requiredText(p, question);
  return answer as FieldValue<P>;
}

/** A number field of the deal; the schema decides whether an empty line is allowed, and what it means (a default). */
export async function askNumber<P extends NumberPath>(p: Prompter, q: FieldQuestion<P>): Promise<FieldValue<P>> {
  const schema = fieldSchema(q.field);
  const field = fieldName(q.field, q.index);
  const answer = await typedNumber(p, {
    message: isOptional(schema) ? `${q.message} (optional)` : q.message,
    current: q.current,
    check: (value) => fileMessage(schema, field, value),
  });
  return parsed(schema, field, answer);
}

/**
 * A number, typed as people write it (`240,000`, `240k`, `1.2m`: numbers.ts), its default and its
 * answer shown grouped (240,000). `check` words a refusal; it gets the text itself when what was
 * typed is not a number, so the message can quote it. Undefined for an empty line.
 */
export async function typedNumber(
  p: Prompter,
  q: { message: string; current: number | undefined; check: (value: number | string | undefined) => true | string },
): Promise<number | undefined> {
  const answer = await p.input({
    message: q.message,
    ...(q.current === undefined ? {} : { default: showNumber(q.current) }),
    validate: (typed) => q.check(parseTypedNumber(typed)),
    echo: (typed) => {
      const value = parseTypedNumber(typed);
      return typeof value === 'number' ? showNumber(value) : typed;
    },
  });
  const value = parseTypedNumber(answer);
  // The prompt accepted it: a number, or nothing.
  return typeof value === 'number' ? value : undefined;
}
