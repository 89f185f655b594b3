// Recording a meeting in the log's own text: whatever the log looks like, the result reads back as
// the log with the meeting added, and what the user wrote stays.

import { describe, expect, it } from 'vitest';
import { recordMeeting } from '../../src/one-on-one/edit.js';
import { parseLog } from '../../src/one-on-one/log.js';
import type { Meeting } from '../../src/one-on-one/log.js';

const MEETING: Meeting = { date: '2026-12-01', minutes: 75, venue: 'walk', commitments: [{ by: 'ceo', what: 'Say "thanks": to the team #1', due: '2026-12-08', done: false }] };

describe('recordMeeting', () => {
  it.each([
    ['a new log', ''],
    ['only comments', '# ours\n'],
    ['meetings: with nothing', 'meetings:\n'],
    ['an empty flow list', 'meetings: []\n'],
    ['a block list with a comment', '# ours\nmeetings:\n  - date: 2026-11-24 # coffee first\n    minutes: 60\n    venue: coffee\n'],
    ['a flow list', 'meetings: [{date: 2026-11-24, minutes: 60, venue: coffee}]\n'],
    ['a byte-order-mark-free CRLF file', 'meetings:\r\n  - date: 2026-11-24\r\n    minutes: 60\r\n    venue: coffee\r\n'],
  ])('%s: reads back with the meeting last, comments kept', (_name, text) => {
    const written = recordMeeting(text, { meeting: MEETING, done: [] });
    const back = parseLog(written, 'one-on-ones.yaml');
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.meetings.at(-1)).toEqual(MEETING);
    const before = parseLog(text, 'one-on-ones.yaml');
    expect(back.value.meetings.length).toBe((before.ok ? before.value.meetings.length : 0) + 1);
    for (const comment of text.match(/#[^\n\r]*/g) ?? []) expect(written).toContain(comment);
  });

  it('marks a commitment done where it is, adding the key when it was left out', () => {
    const text = 'meetings:\n  - date: 2026-11-24\n    minutes: 60\n    venue: coffee\n    commitments:\n      - by: ceo\n        what: Call\n        due: 2026-11-30\n';
    const written = recordMeeting(text, { meeting: { ...MEETING, commitments: [] }, done: [{ meeting: 0, commitment: 0 }] });
    expect(written).toBe(`${text}        done: true\n  - date: 2026-12-01\n    minutes: 75\n    venue: walk\n`);
  });
});
