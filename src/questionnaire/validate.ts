// Checks an answer with the same schema piece the file loader uses for that field, so an answer the
// questionnaire accepts is one the deal file accepts, and a refusal reads like the loader's
// message for the same key ("account.employees must be a whole number").

import type * as z from 'zod';
import { issuesToProblems } from '../load/zod-issues.js';

/** `account.employees must be 0 or more`: the first issue, named by the field's key in the file. */
export function issueMessage(base: string, issues: readonly z.core.$ZodIssue[], value: unknown): string {
  const issue = issues[0];
  if (!issue) return `${base} is not valid`;
  // An issue inside an object checked whole (custom_work) names the key it is about.
  const field = issue.path.reduce<string>(
    (name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : `${name}.${String(segment)}`),
    base,
  );
  if (issue.code === 'invalid_type') {
    // zod's own wording ("Invalid input: expected number, received undefined") is for developers.
    if (value === undefined) return `${field} is required`;
    if (issue.message.startsWith('Invalid input')) {
      return `${field} must be ${issue.expected === 'number' ? 'a finite number' : issue.expected}`;
    }
  }
  return /^(must|is) /.test(issue.message) ? `${field} ${issue.message}` : `${field}: ${issue.message}`;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function check<S extends z.ZodType>(schema: S, field: string, value: unknown): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: issueMessage(field, parsed.error.issues, value) };
}

/** A prompt's `validate` from a schema piece. */
export function validator<T>(schema: z.ZodType, field: string): (value: T) => true | string {
  return (value) => {
    const checked = check(schema, field, value);
    return checked.ok ? true : checked.message;
  };
}

/** The value as the schema outputs it (trimmed text, say); the answer has passed `validator` already. */
export function parsed<S extends z.ZodType>(schema: S, field: string, value: unknown): z.output<S> {
  const checked = check(schema, field, value);
  // The prompt validated the answer with the same schema: a failure here is a bug, not user input.
  if (!checked.ok) throw new Error(`an accepted answer failed validation: ${checked.message}`);
  return checked.value;
}

const NOWHERE = { line: 1, column: 1 };

/**
 * What the deal file would say about `value` at `field` (`value.amount must be a number, not the
 * text "lots"`): the loader's own wording, from the same schema piece, so a number refused in a
 * question reads as the same number refused in the file. true when the schema accepts it.
 */
export function fileMessage(schema: z.ZodType, field: string, value: unknown): true | string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return true;
  // An empty answer to a required question: the file would say the key is missing.
  if (value === undefined) return issueMessage(field, parsed.error.issues, value);
  const path = [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
  const data = path.reduceRight<unknown>((inner, segment) => (typeof segment === 'number' ? Object.assign([], { [segment]: inner }) : { [segment]: inner }), value);
  const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
  const problems = issuesToProblems(issues, data, schema, { at: () => NOWHERE, line: () => '' }, '');
  return problems[0]?.message ?? issueMessage(field, parsed.error.issues, value);
}
