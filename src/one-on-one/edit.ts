// Recording a meeting in the log's own text: the meeting appended to `meetings`, the commitments
// marked done set `done: true` where they are, and everything else — comments, key order, layout —
// left as the user wrote it (the yaml package's Document API). A log that does not exist yet starts
// with a comment that says what it keeps. The caller reads the result back before writing it.

import type { Document } from 'yaml';
import { yamlLib } from '../load/yaml-lib.js';
import type { Meeting } from './log.js';

export const NEW_LOG_HEADER =
  ' The weekly one-on-ones of the CEO and the head of sales: when, how long, where, and what each\n' +
  ' side committed to. Never what was said: that stays between the two of you.\n' +
  ' Record a meeting with: deal-triage one-on-one log';

export interface LogEdit {
  meeting: Meeting;
  /** Commitments to mark done, by where they are: meetings[meeting].commitments[commitment]. */
  done: readonly { meeting: number; commitment: number }[];
}

/** The meeting as written: the keys in the log's order, and no empty commitments list. */
function meetingData(meeting: Meeting): Record<string, unknown> {
  return {
    date: meeting.date,
    minutes: meeting.minutes,
    venue: meeting.venue,
    ...(meeting.commitments.length > 0 && { commitments: meeting.commitments.map(({ by, what, due, done }) => ({ by, what, due, done })) }),
  };
}

export function recordMeeting(text: string, edit: LogEdit): string {
  const yaml = yamlLib();
  const doc: Document = text.trim() === '' ? new yaml.Document({}) : yaml.parseDocument(text);
  // A log that holds only comments has no contents: setting a key makes the mapping.
  if (text.trim() === '') doc.commentBefore = NEW_LOG_HEADER;
  for (const { meeting, commitment } of edit.done) doc.setIn(['meetings', meeting, 'commitments', commitment, 'done'], true);
  const meetings = doc.get('meetings');
  const node = doc.createNode(meetingData(edit.meeting));
  if (yaml.isSeq(meetings)) {
    // `meetings: []` becomes a block list: a meeting written inline would be one long line.
    if (meetings.flow && meetings.items.length === 0) meetings.flow = false;
    meetings.items.push(node);
  }
  else doc.set('meetings', doc.createNode([meetingData(edit.meeting)]));
  return doc.toString({ lineWidth: 0 });
}
