// The history with the customer: dated meetings, pilots, milestones.

import type { Deal } from '../../schema/deal.js';
import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

type HistoryEntry = Deal['history'][number];

export const history = defineSection({
  id: 'history',
  title: 'History with the customer',
  keys: ['history'],
  async ask(p, draft) {
    const list = await askList<HistoryEntry>(
      p,
      {
        title: 'History',
        noun: 'event',
        plural: 'events',
        add: 'Is there history with the customer to record: meetings, pilots, milestones?',
        summary: (h) => `${h.date} ${h.event}`,
        ask: async (prompter, current, index) => {
          const date = await askText(prompter, { message: 'When was it (YYYY-MM-DD)?', field: 'history[].date', index, current: current?.date });
          const event = await askText(prompter, { message: 'What happened?', field: 'history[].event', index, current: current?.event });
          return { date, event };
        },
      },
      draft.history ?? [],
    );
    return { history: list };
  },
});
