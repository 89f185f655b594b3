// The next meeting with the prospect, when one is scheduled.

import type { Deal } from '../../schema/deal.js';
import { optionalGroup } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

type NextMeeting = NonNullable<Deal['next_meeting']>;

export const nextMeeting = defineSection({
  id: 'next-meeting',
  title: 'Next meeting',
  keys: ['next_meeting'],
  async ask(p, draft) {
    const meeting = await optionalGroup<NextMeeting>(
      p,
      {
        add: 'Is the next meeting with the prospect scheduled?',
        title: 'Next meeting',
        summary: (m) => (m.purpose ? `${m.date}, ${m.purpose}` : m.date),
        fill: async (current) => {
          const date = await askText(p, { message: 'When is the next meeting (YYYY-MM-DD)?', field: 'next_meeting.date', current: current?.date });
          const purpose = await askText(p, { message: 'What is the meeting for?', field: 'next_meeting.purpose', current: current?.purpose });
          return { date, ...(purpose === undefined ? {} : { purpose }) };
        },
      },
      draft.next_meeting,
    );
    return { next_meeting: meeting };
  },
});
