// The cadence of the one-on-ones, from the log and today: the last meeting and how long ago, the run
// of meetings kept within the cadence, the average length, the share held out of the office, and
// whether the meeting is on time, due, or has lapsed. And the venue to suggest next. Pure; one pass
// over the meetings after one sort, so ten years of weekly meetings cost nothing.

import { dayNumber } from '../engine/dates.js';
import { ONE_ON_ONE_GRACE_DAYS } from '../policy/one-on-one-rules.js';
import { SUGGESTED_VENUES } from './log.js';
import type { Meeting, OneOnOneLog, Venue } from './log.js';

/**
 * never: no meeting recorded; on-time: the last one is within the cadence; due: past the cadence but
 * within the grace; lapsed: past the grace too (what check warns about).
 */
export type CadenceState = 'never' | 'on-time' | 'due' | 'lapsed';

export interface LastMeeting {
  date: string;
  daysAgo: number;
  minutes: number;
  venue: Venue;
  /** Its place in the log's `meetings` list. */
  index: number;
}

export interface Cadence {
  state: CadenceState;
  cadenceDays: number;
  /** Meetings held on or before today. */
  held: number;
  last?: LastMeeting;
  /** The meetings in a row, ending with the last, each within the cadence and the grace of the one before; 0 once lapsed. */
  streak: number;
  averageMinutes?: number;
  /** Of the meetings held, the percentage not held at the office (rounded). */
  outOfOfficePercent?: number;
  /** The day the next meeting is due: the last one's date plus the cadence. */
  nextDue?: string;
}

export interface HeldMeeting extends Meeting {
  index: number;
}

/** The meetings held on or before today, oldest first (a meeting dated later is a plan, not a meeting). */
export function heldMeetings(log: OneOnOneLog, today: string): HeldMeeting[] {
  const held: HeldMeeting[] = [];
  log.meetings.forEach((meeting, index) => {
    if (meeting.date <= today) held.push({ ...meeting, index });
  });
  // YYYY-MM-DD sorts as text in calendar order.
  return held.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
}

export function cadenceOf(log: OneOnOneLog, today: string, cadenceDays: number): Cadence {
  const held = heldMeetings(log, today);
  const last = held.at(-1);
  if (last === undefined) return { state: 'never', cadenceDays, held: 0, streak: 0 };
  const daysAgo = dayNumber(today) - dayNumber(last.date);
  const state: CadenceState = daysAgo <= cadenceDays ? 'on-time' : daysAgo <= cadenceDays + ONE_ON_ONE_GRACE_DAYS ? 'due' : 'lapsed';
  let streak = 0;
  if (state !== 'lapsed') {
    streak = 1;
    for (let i = held.length - 1; i > 0; i--) {
      if (dayNumber(held[i]!.date) - dayNumber(held[i - 1]!.date) > cadenceDays + ONE_ON_ONE_GRACE_DAYS) break;
      streak += 1;
    }
  }
  let minutes = 0;
  let outside = 0;
  for (const meeting of held) {
    minutes += meeting.minutes;
    if (meeting.venue !== 'office') outside += 1;
  }
  return {
    state,
    cadenceDays,
    held: held.length,
    last: { date: last.date, daysAgo, minutes: last.minutes, venue: last.venue, index: last.index },
    streak,
    averageMinutes: Math.round(minutes / held.length),
    outOfOfficePercent: Math.round((outside * 100) / held.length),
    nextDue: dateOfDay(dayNumber(last.date) + cadenceDays),
  };
}

export interface VenueSuggestion {
  venue: (typeof SUGGESTED_VENUES)[number];
  /** When it was last used; absent when never. */
  lastUsed?: string;
}

/**
 * The out-of-office venue used least recently (one never used first), ties broken by the order of
 * SUGGESTED_VENUES. Never the office, never "other", and there is no breakfast or lunch to suggest.
 */
export function suggestVenue(log: OneOnOneLog, today: string): VenueSuggestion {
  const lastUsed = new Map<string, string>();
  for (const meeting of log.meetings) {
    if (meeting.date > today) continue;
    const seen = lastUsed.get(meeting.venue);
    if (seen === undefined || meeting.date > seen) lastUsed.set(meeting.venue, meeting.date);
  }
  let best: VenueSuggestion | undefined;
  for (const venue of SUGGESTED_VENUES) {
    const used = lastUsed.get(venue);
    if (best === undefined || (best.lastUsed !== undefined && (used === undefined || used < best.lastUsed))) {
      best = { venue, ...(used !== undefined && { lastUsed: used }) };
    }
  }
  return best!;
}

/** The YYYY-MM-DD date of a day number (days since 1970-01-01): the inverse of dayNumber (Hinnant's civil_from_days). */
export function dateOfDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
