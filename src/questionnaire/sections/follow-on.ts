// The further business this sale could lead to: how likely, how much, what.

import type { Deal } from '../../schema/deal.js';
import { FOLLOW_ON_CHOICES } from '../choices.js';
import { askNumber, askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const followOn = defineSection({
  id: 'follow-on',
  title: 'Follow-on potential',
  keys: ['follow_on'],
  async ask(p, draft) {
    const current: Partial<Deal['follow_on']> = draft.follow_on ?? {};
    const potential = await p.select({
      message: 'How likely is further business after this sale (the follow-on potential)?',
      choices: FOLLOW_ON_CHOICES,
      ...(current.potential === undefined ? {} : { default: current.potential }),
    });
    let followValue = current.value;
    let notes = current.notes;
    // With no follow-on expected, or none assessed yet, there is nothing to value, unless the deal
    // already records it.
    if ((potential !== 'none' && potential !== 'unknown') || followValue !== undefined || notes !== undefined) {
      const currency = draft.value?.currency;
      followValue = await askNumber(p, {
        message: `What could that further business be worth over the next 18–36 months${currency ? `, in ${currency}` : ''}?`,
        field: 'follow_on.value',
        current: followValue,
      });
      notes = await askText(p, { message: 'What would the further business be?', field: 'follow_on.notes', current: notes });
    }
    return {
      follow_on: { potential, ...(followValue === undefined ? {} : { value: followValue }), ...(notes === undefined ? {} : { notes }) },
    };
  },
});
