// Custom work for the sales/solutions team: how many days, how many the customer pays for, what.

import { CustomWorkSchema } from '../../schema/deal.js';
import { askNumber, askText, typedNumber } from '../prompts.js';
import { defineSection } from '../section.js';
import { fileMessage } from '../validate.js';

export const customWork = defineSection({
  id: 'custom-work',
  title: 'Custom work',
  keys: ['custom_work'],
  async ask(p, draft) {
    const current = draft.custom_work ?? { days: 0, compensated_days: 0 };
    const days = await askNumber(p, {
      message: 'How many person-days of custom work does the sales and solutions team have to do?',
      field: 'custom_work.days',
      current: current.days,
    });
    let compensated = 0;
    let description = current.description;
    if (days > 0) {
      compensated =
        (await typedNumber(p, {
          message: 'Of those days, how many does the customer pay for?',
          current: Math.min(current.compensated_days, days),
          // Checked with the whole custom_work schema: it is what says paid days may not exceed days.
          check: (answer) => fileMessage(CustomWorkSchema, 'custom_work', { days, compensated_days: answer }),
        })) ?? 0;
    }
    if (days > 0 || description !== undefined) {
      description = await askText(p, { message: 'What is the custom work?', field: 'custom_work.description', current: description });
    }
    return { custom_work: { days, compensated_days: compensated, ...(description === undefined ? {} : { description }) } };
  },
});
