// What the prospect asks for (terms, discounts, commitments), our position on each, and whether
// granting it needs the CEO.

import type { Ask } from '../../schema/deal.js';
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
        summary: (a) => `${a.request} (${a.position})`,
        ask: async (prompter, current, index) => {
          const request = await askText(prompter, { message: 'What do they ask for?', field: 'asks[].request', index, current: current?.request });
          const position = await prompter.select({
            message: 'Our position',
            choices: POSITION_CHOICES,
            ...(current === undefined ? {} : { default: current.position }),
          });
          const rationale = await askText(prompter, { message: 'Why: our rationale', field: 'asks[].rationale', index, current: current?.rationale });
          const exception = await prompter.confirm({
            message: 'Would granting it need an exception only the CEO can grant?',
            default: current?.exception ?? false,
          });
          // `exception: false` says nothing the absence of the key does not.
          return { request, position, ...(rationale === undefined ? {} : { rationale }), ...(exception ? { exception } : {}) };
        },
      },
      draft.asks ?? [],
    );
    return { asks: list };
  },
});
