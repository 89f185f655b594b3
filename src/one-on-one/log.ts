// The one-on-one log (PRODUCT.md §13), `one-on-ones.yaml`: the meetings the CEO and the head of
// sales held, each with its date, length, venue and the commitments each side made. Never what was
// said: there is no notes field, and a `notes:` key is refused with the reason. Loaded like every
// input file: YAML with positions, then the schema, then the checks across meetings, each problem
// located; an empty file is a log with no meeting yet.

import * as z from 'zod';
import type { LoadResult } from '../load/input.js';
import { decodeText } from '../load/input.js';
import { listProblems, problem } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import { parseYaml } from '../load/yaml-source.js';
import type { Locator } from '../load/yaml-source.js';
import { issuesToProblems } from '../load/zod-issues.js';
import { isoDate, text } from '../schema/common.js';

/** Where the two met. No breakfast and no lunch: those are for sales meetings. */
export const VENUES = ['walk', 'coffee', 'bike-ride', 'dinner', 'drive-in', 'office', 'other'] as const;
export type Venue = (typeof VENUES)[number];

/** The venues out of the office that a pack suggests, in the order that breaks ties. */
export const SUGGESTED_VENUES = ['walk', 'coffee', 'bike-ride', 'dinner', 'drive-in'] as const satisfies readonly Venue[];

export const PEOPLE = ['ceo', 'head-of-sales'] as const;
export type Person = (typeof PEOPLE)[number];

/** A meeting longer than this is a typo (750 for 75), not a meeting. */
export const MAX_MINUTES = 600;
/** A commitment is one line, not the conversation. */
export const MAX_COMMITMENT_CHARS = 200;

export const CommitmentSchema = z.strictObject({
  by: z.enum(PEOPLE),
  what: text()
    .max(MAX_COMMITMENT_CHARS, { error: `must be one line of at most ${MAX_COMMITMENT_CHARS} characters: what will be done, not what was said` })
    .refine((what) => !/[\r\n\u2028\u2029]/.test(what), { error: 'must be one line: what will be done, not what was said' }),
  due: isoDate(),
  done: z.boolean().default(false),
});

export const MeetingSchema = z.strictObject({
  date: isoDate(),
  minutes: z
    .number()
    .int({ error: 'must be a whole number of minutes' })
    .min(1, { error: 'must be at least 1 (the meeting took place)' })
    .max(MAX_MINUTES, { error: `must be at most ${MAX_MINUTES} (ten hours)` }),
  venue: z.enum(VENUES),
  commitments: z.array(CommitmentSchema).nullable().default([]).transform((list) => list ?? []),
});

export const LogSchema = z.strictObject({
  meetings: z.array(MeetingSchema).nullable().default([]).transform((list) => list ?? []),
});

export type Commitment = z.output<typeof CommitmentSchema>;
export type Meeting = z.output<typeof MeetingSchema>;
export type OneOnOneLog = z.output<typeof LogSchema>;

export const EMPTY_LOG: OneOnOneLog = { meetings: [] };

export function parseLog(text: string, file: string): LoadResult<OneOnOneLog> {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) {
    // An empty log: no meeting recorded yet.
    if (yaml.problems.length === 1 && yaml.problems[0]!.rule === 'empty-file') return { ok: true, value: EMPTY_LOG, locator: yaml.locator };
    return { ok: false, problems: listProblems(yaml.problems) };
  }
  const parsed = LogSchema.safeParse(yaml.value, { reportInput: true });
  // Read from the data as written, so a copied meeting is reported beside the schema's problems.
  const duplicates = duplicateDates(yaml.value, yaml.locator, file);
  if (!parsed.success) {
    const problems = issuesToProblems(parsed.error.issues, yaml.value, LogSchema, yaml.locator, file).map(explain);
    return { ok: false, problems: listProblems([...problems, ...duplicates]) };
  }
  if (duplicates.length > 0) return { ok: false, problems: listProblems(duplicates) };
  return { ok: true, value: parsed.data, locator: yaml.locator };
}

export function parseLogBytes(bytes: Uint8Array, file: string): LoadResult<OneOnOneLog> {
  const decoded = decodeText(bytes, file);
  return typeof decoded === 'string' ? parseLog(decoded, file) : decoded;
}

/** A `notes:` key is refused like any unknown key, and says why there is none; a meal as the venue says why it is not one. */
function explain(found: Problem): Problem {
  if (found.rule === 'unknown-key' && found.message.startsWith('unknown key "notes"')) {
    return { ...found, message: 'unknown key "notes": the log keeps no notes; what was said stays between the two of you (record only commitments)' };
  }
  if (found.rule === 'invalid-value' && /\.venue must be one of .*, not the text "(breakfast|lunch)"$/i.test(found.message)) {
    return { ...found, message: `${found.message}: breakfast and lunch are for sales meetings, not for the one-on-one` };
  }
  return found;
}

/** One meeting a day: a second entry for a date is a copy or a typo. One pass over the meetings. */
function duplicateDates(data: unknown, locator: Locator, file: string): Problem[] {
  const meetings = data !== null && typeof data === 'object' && 'meetings' in data ? data.meetings : undefined;
  if (!Array.isArray(meetings)) return [];
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  meetings.forEach((meeting: unknown, i) => {
    const date = meeting !== null && typeof meeting === 'object' ? (meeting as { date?: unknown }).date : undefined;
    if (typeof date !== 'string') return;
    const earlier = first.get(date);
    if (earlier === undefined) {
      first.set(date, i);
      return;
    }
    const line = locator.at(['meetings', earlier, 'date']).line;
    problems.push(problem(file, locator.at(['meetings', i, 'date']), 'duplicate-meeting', `a meeting on ${date} is recorded already (line ${line}); record one meeting a day`));
  });
  return problems;
}
