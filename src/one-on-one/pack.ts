// The pack for the next one-on-one, as data: the cadence, a venue, the openers, and the open
// commitments of both sides (overdue first). No deal, amount or verdict: the pipeline is the
// review's pre-read, which the formatters point to in one line. Pure: the log and today in.

import { dayNumber } from '../engine/dates.js';
import type { OneOnOneSettings } from '../policy/resolve.js';
import { cadenceOf, suggestVenue } from './cadence.js';
import type { Cadence, VenueSuggestion } from './cadence.js';
import type { OneOnOneLog, Person } from './log.js';
import { openersFor } from './openers.js';
import type { Opener } from './openers.js';

export interface OpenCommitment {
  /** Its number in the pack, from 1: what `one-on-one log --done <n>` takes. */
  number: number;
  by: Person;
  what: string;
  due: string;
  /** Days past due (1 the day after); absent when not overdue. */
  overdueDays?: number;
  /** The date of the meeting it was made in. */
  madeOn: string;
  /** Where it is in the log: meetings[meeting].commitments[commitment]. */
  meeting: number;
  commitment: number;
}

export interface OneOnOnePack {
  today: string;
  names: OneOnOneSettings['names'];
  minMinutes: number;
  cadence: Cadence;
  venue: VenueSuggestion;
  openers: Opener[];
  commitments: OpenCommitment[];
}

/**
 * The open commitments: overdue ones first, then the rest, each by due date, then by the meeting
 * they were made in, then as written. Numbered as listed.
 */
export function openCommitments(log: OneOnOneLog, today: string): OpenCommitment[] {
  const open: Omit<OpenCommitment, 'number'>[] = [];
  const todayNumber = dayNumber(today);
  log.meetings.forEach((meeting, m) => {
    meeting.commitments.forEach((commitment, c) => {
      if (commitment.done) return;
      const late = todayNumber - dayNumber(commitment.due);
      open.push({ by: commitment.by, what: commitment.what, due: commitment.due, ...(late > 0 && { overdueDays: late }), madeOn: meeting.date, meeting: m, commitment: c });
    });
  });
  open.sort(
    (a, b) =>
      Number(b.overdueDays !== undefined) - Number(a.overdueDays !== undefined) ||
      (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
      (a.madeOn < b.madeOn ? -1 : a.madeOn > b.madeOn ? 1 : 0) ||
      a.meeting - b.meeting ||
      a.commitment - b.commitment,
  );
  return open.map((entry, i) => ({ number: i + 1, ...entry }));
}

export function buildPack(log: OneOnOneLog, today: string, settings: OneOnOneSettings): OneOnOnePack {
  const cadence = cadenceOf(log, today, settings.cadence_days);
  return {
    today,
    names: settings.names,
    minMinutes: settings.min_minutes,
    cadence,
    venue: suggestVenue(log, today),
    // The next meeting's place in the log is the number held so far.
    openers: openersFor(cadence.held),
    commitments: openCommitments(log, today),
  };
}
