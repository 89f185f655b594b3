// A meeting to record, from what `one-on-one log` was given (flags, or the answers to its
// questions): each value checked with the log's own schema, so what the command accepts is exactly
// what the log accepts, and a bad value is refused, in words, before anything is written.

import { MeetingSchema, CommitmentSchema, PEOPLE, VENUES } from './log.js';
import type { Commitment, Meeting, OneOnOneLog } from './log.js';
import { didYouMean } from '../schema/suggest.js';
import type { OpenCommitment } from './pack.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The first problem the schema finds with a value, as "must be …" words. */
function firstMessage(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: readonly { message: string }[] } } }, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : (parsed.error?.issues[0]?.message ?? 'is not valid');
}

export function checkDate(value: string, log: OneOnOneLog, today: string): true | string {
  const wrong = firstMessage(MeetingSchema.shape.date, value);
  if (wrong !== undefined) return wrong;
  if (value > today) return `is after today (${today}): record a meeting once it has taken place`;
  if (log.meetings.some((meeting) => meeting.date === value)) return `a meeting on ${value} is recorded already; record one meeting a day`;
  return true;
}

/** Minutes as typed: digits only (a number in YAML would take 1e2 or 0x3c too). */
export function parseMinutes(typed: string): Checked<number> {
  const trimmed = typed.trim();
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, message: 'must be a whole number of minutes, such as 75' };
  const value = Number(trimmed);
  const wrong = firstMessage(MeetingSchema.shape.minutes, value);
  return wrong === undefined ? { ok: true, value } : { ok: false, message: wrong };
}

export function parseVenue(typed: string): Checked<Meeting['venue']> {
  const venue = typed.trim();
  if ((VENUES as readonly string[]).includes(venue)) return { ok: true, value: venue as Meeting['venue'] };
  const meal = /^(breakfast|lunch)$/i.test(venue) ? `; ${venue} is for sales meetings, not for the one-on-one` : didYouMean(venue, VENUES);
  return { ok: false, message: `must be one of ${VENUES.join(', ')}${meal}` };
}

export function parsePerson(typed: string): Checked<Commitment['by']> {
  const by = typed.trim();
  if ((PEOPLE as readonly string[]).includes(by)) return { ok: true, value: by as Commitment['by'] };
  return { ok: false, message: `who commits is ceo or head-of-sales, not ${JSON.stringify(by)}${didYouMean(by, PEOPLE)}` };
}

export function checkWhat(what: string): true | string {
  return firstMessage(CommitmentSchema.shape.what, what) ?? true;
}

export function checkDue(due: string): true | string {
  return firstMessage(CommitmentSchema.shape.due, due) ?? true;
}

/** `--commitment "by:what:due"`: who, then what (which may hold colons), then the due date. */
export function parseCommitment(given: string): Checked<Commitment> {
  const first = given.indexOf(':');
  const last = given.lastIndexOf(':');
  if (first === -1 || last === first) return { ok: false, message: 'must be written by:what:due, such as "ceo:Call the Orbis COO:2026-12-08"' };
  const by = parsePerson(given.slice(0, first));
  if (!by.ok) return by;
  const what = given.slice(first + 1, last).trim();
  const whatWrong = checkWhat(what);
  if (whatWrong !== true) return { ok: false, message: `what ${whatWrong}` };
  const due = given.slice(last + 1).trim();
  const dueWrong = checkDue(due);
  if (dueWrong !== true) return { ok: false, message: `the due date ${dueWrong}` };
  return { ok: true, value: { by: by.value, what, due, done: false } };
}

/** `--done <n>`: the numbers of open commitments as the pack lists them. */
export function parseDone(given: string, open: readonly OpenCommitment[]): Checked<OpenCommitment> {
  const trimmed = given.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (open.length === 0) return { ok: false, message: 'there is no open commitment to mark done' };
  const found = open.find((entry) => entry.number === n);
  if (!found) {
    const range = open.length === 1 ? '1' : `1 to ${open.length}`;
    return { ok: false, message: `takes the number of an open commitment as deal-triage one-on-one lists them: ${range}` };
  }
  return { ok: true, value: found };
}
