// Turns zod's issues into located problems with plain-language messages: the field, what it must
// be, what it is; unknown keys with a "did you mean"; a missing field at its parent.

import type { z } from 'zod';
import { problem } from './problem.js';
import type { Problem } from './problem.js';
import { didYouMean } from '../schema/suggest.js';
import type { DataPath, Locator } from './yaml-source.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** `account.employees`, `asks[0].position`. */
export function fieldName(path: DataPath): string {
  return path.reduce<string>(
    (name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${shownName(segment)}` : shownName(segment)),
    '',
  );
}

/** Characters that show as nothing (zero-width space, soft hyphen, BiDi marks: Unicode's "format" class). */
const INVISIBLE = /\p{Cf}/gu;

/** Invisible characters as visible escapes: "\u{200b}employees" must not read as the key "employees". */
function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** A key as a message shows it: at most 40 characters (a key may be 800 KB long), nothing invisible. */
export function shownName(name: string): string {
  const chars = Array.from(name);
  return showInvisible(chars.length > 40 ? `${chars.slice(0, 37).join('')}…` : name);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') {
    const chars = Array.from(value);
    const shown = chars.length > 40 ? `${chars.slice(0, 37).join('')}…` : value;
    return `the text ${showInvisible(JSON.stringify(shown))}`;
  }
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan (not a number)' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function valueAt(data: unknown, path: DataPath): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return { found: false, value: undefined };
    current = (current as Record<string | number, unknown>)[segment];
  }
  return { found: true, value: current };
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (;;) {
    const def = current?._zod.def as { type?: string; innerType?: AnySchema; in?: AnySchema } | undefined;
    if (!def) return current;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    // A union of text and a mapping (an issue): the mapping is the option with keys.
    else if (def.type === 'union') current = (def as { options?: AnySchema[] }).options?.find((o) => (o._zod.def as { type: string }).type === 'object');
    else return current;
  }
}

/** The keys an object in the schema accepts, for "did you mean". */
export function knownKeys(schema: AnySchema, path: DataPath): string[] {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    const def = unwrap(current)?._zod.def as { element?: AnySchema; shape?: Record<string, AnySchema> } | undefined;
    current = typeof segment === 'number' ? def?.element : def?.shape?.[segment];
    if (!current) return [];
  }
  const shape = (unwrap(current)?._zod.def as { shape?: Record<string, AnySchema> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const pathId = (path: readonly PropertyKey[]): string => path.map(String).join('\u0000');

export function issuesToProblems(issues: readonly Issue[], data: unknown, schema: AnySchema, locator: Locator, file: string): Problem[] {
  const problems: Problem[] = [];
  // zod still runs a text's length check on a value of the wrong type (`[]` is also "empty"):
  // past a wrong type, nothing more about that value is certain.
  const wrongType = new Set(issues.filter((issue) => issue.code === 'invalid_type').map((issue) => pathId(issue.path)));
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' && wrongType.has(pathId(issue.path))) continue;
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const field = fieldName(path);
    const parent = path.slice(0, -1);
    // Asked only where it is used: a path the fast reader has no position for costs a full parse.
    const at = () => locator.at(path, 'value');
    const { found, value } = valueAt(data, path);

    // A required field that is absent is reported the same way whatever its type: zod says
    // invalid_type for most, but invalid_value for an enum (stage, follow_on.potential, …).
    if (!found && path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
      const where = parent.length > 0 ? ` in ${fieldName(parent)}` : '';
      problems.push(problem(file, locator.at(parent, 'key'), 'missing-field', `missing required field "${String(path[path.length - 1])}"${where}`));
      continue;
    }

    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = knownKeys(schema, path);
        for (const key of issue.keys) {
          const where = field ? ` in ${field}` : '';
          problems.push(
            problem(file, locator.at([...path, key], 'key'), 'unknown-key', `unknown key "${shownName(key)}"${where}${didYouMean(key, known)}`),
          );
        }
        break;
      }
      case 'invalid_type': {
        const expected = EXPECTED[issue.expected] ?? issue.expected;
        const custom = issue.message.startsWith('Invalid input') ? `must be ${expected}` : issue.message;
        problems.push(problem(file, at(), 'invalid-type', `${field || 'the file'} ${custom}, not ${describeValue(value)}`));
        break;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        const near = typeof value === 'string' ? didYouMean(value, options) : '';
        problems.push(
          problem(file, at(), 'invalid-value', `${field} must be one of ${options.join(', ')}, not ${describeValue(value)}${near}`),
        );
        break;
      }
      case 'too_small':
      case 'too_big':
        // A number out of its range; an empty text or list is a wrong value rather than a range.
        problems.push(
          typeof value === 'number'
            ? problem(
                file,
                at(),
                'out-of-range',
                // Beyond 2^53 the number read is not the one written (…993 reads as …992): do not quote it.
                `${field} ${issue.message}, not ${Math.abs(value) > Number.MAX_SAFE_INTEGER ? 'a larger one' : value}`,
              )
            : problem(file, at(), 'invalid-value', `${field} ${issue.message}`),
        );
        break;
      case 'invalid_format':
        problems.push(problem(file, at(), 'invalid-format', `${field} ${issue.message}, not ${describeValue(value)}`));
        break;
      case 'invalid_union': {
        // An option the value is of the wrong type for says nothing useful ("expected text" of a
        // mapping): the problems are those of the option of the value's type, if one is.
        const fitting = issue.errors.filter((errors) => !errors.some((e) => e.code === 'invalid_type' && e.path.length === 0));
        if (fitting.length === 1) {
          const nested = fitting[0]!.map((e) => ({ ...e, path: [...issue.path, ...e.path] }));
          problems.push(...issuesToProblems(nested, data, schema, locator, file));
        } else {
          problems.push(problem(file, at(), 'invalid-type', `${field} ${issue.message.startsWith('Invalid input') ? 'is not valid' : issue.message}, not ${describeValue(value)}`));
        }
        break;
      }
      case 'invalid_key': {
        // A record's key of the wrong form (a rule's params): its own check's words, at the key.
        const inner = issue.issues.map((e) => e.message).find((message) => !message.startsWith('Invalid'));
        problems.push(problem(file, locator.at(path, 'key'), 'invalid-format', `${field}: ${inner ?? 'this key is not valid here'}`));
        break;
      }
      case 'custom': {
        const rule = typeof issue.params?.rule === 'string' ? issue.params.rule : 'invalid-value';
        const message = /^(must|is) /.test(issue.message) ? `${field} ${issue.message}` : `${field ? `${field}: ` : ''}${issue.message}`;
        // A check about a key itself (an unknown key, an unused parameter) points at the key.
        const atKey = rule === 'unknown-key' || issue.params?.target === 'key';
        problems.push(problem(file, atKey ? locator.at(path, 'key') : at(), rule, message));
        break;
      }
      default:
        problems.push(problem(file, at(), 'invalid-value', `${field ? `${field}: ` : ''}${issue.message}`));
    }
  }
  return problems;
}
