// Where the deal stands, and when it is expected to close.

import { STAGE_CHOICES } from '../choices.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const stage = defineSection({
  id: 'stage',
  title: 'Stage and close date',
  keys: ['stage', 'close_date'],
  async ask(p, draft) {
    const stage = await p.select({
      message: 'What stage is the deal at?',
      choices: STAGE_CHOICES,
      ...(draft.stage === undefined ? {} : { default: draft.stage }),
    });
    const close = await askText(p, { message: 'When do you expect the deal to close (YYYY-MM-DD)?', field: 'close_date', current: draft.close_date });
    return { stage, close_date: close };
  },
});
