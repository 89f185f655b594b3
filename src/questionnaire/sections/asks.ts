// What the prospect asks for (terms, discounts, commitments), our position on each, what we want
// in exchange for a trade, and whether granting it needs the CEO.

import type { Ask } from '../../schema/deal.js';
import { askPosition } from '../../format/words.js';
import { POSITION_CHOICES } from '../choices.js';
import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const asks = defineSection({
  id: 'asks',
  title: 'Asks: what the prospect asks for, and our position',
  keys: ['asks'],
  async ask(p, draft) {
    const list = await askList<Ask>(
      p,
      {
        title: 'Asks',
        noun: 'ask',
        plural: 'asks',
        add: 'Is the prospect asking for special terms, a discount or a commitment?',
        // In the briefing's words: "90-day payment terms: the CEO says no".
        summary: (a) => {
          const { answer, exception } = askPosition({ ...a, exception: a.exception === true });
          return `${a.request}: ${answer}${exception ? `; ${exception}` : ''}`;
        },
        ask: async (prompter, current, index) => {
          const request = await askText(prompter, { message: 'What do they ask for?', field: 'asks[].request', index, current: current?.request });
          const position = await prompter.select({
            message: 'What is our position?',
            choices: POSITION_CHOICES,
            ...(current === undefined ? {} : { default: current.position }),
          });
          // Only a trade has something in exchange (the deal file refuses it on any other position).
          const inExchange =
            position === 'trade'
              ? await askText(prompter, { message: 'What do we want in exchange?', field: 'asks[].in_exchange', index, current: current?.in_exchange })
              : undefined;
          const rationale = await askText(prompter, { message: 'Why do we take that position?', field: 'asks[].rationale', index, current: current?.rationale });
          const exception = await prompter.confirm({
            message: 'Would saying yes need an exception only the CEO can grant?',
            default: current?.exception ?? false,
          });
          // `exception: false` says nothing the absence of the key does not.
          return {
            request,
            position,
            ...(rationale === undefined ? {} : { rationale }),
            ...(exception ? { exception } : {}),
            ...(inExchange === undefined ? {} : { in_exchange: inExchange }),
          };
        },
      },
      draft.asks ?? [],
    );
    return { asks: list };
  },
});
