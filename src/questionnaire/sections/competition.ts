// Whether another vendor competes for the deal: the threat and the competitors' names.

import type { Deal } from '../../schema/deal.js';
import { NOT_GIVEN, THREAT_CHOICES } from '../choices.js';
import { askList, optionalGroup } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

type Competition = NonNullable<Deal['competition']>;

export const competition = defineSection({
  id: 'competition',
  title: 'Competition',
  keys: ['competition'],
  async ask(p, draft) {
    const answer = await optionalGroup<Competition>(
      p,
      {
        add: 'Is another vendor competing for this deal?',
        title: 'Competition',
        summary: (c) => [c.threat ? `${c.threat} threat` : 'threat not rated', ...(c.competitors ?? [])].join(', '),
        fill: async (current) => {
          const threat = await p.select({
            message: 'How serious is the competitive threat?',
            choices: THREAT_CHOICES,
            // A new entry starts at the top; an existing one at its answer, "not rated" included.
            ...(current === undefined ? {} : { default: current.threat ?? NOT_GIVEN }),
          });
          const competitors = await askList(
            p,
            {
              title: 'Competitors',
              noun: 'competitor',
              plural: 'competitors',
              add: 'Do you know who the competitors are?',
              summary: (name) => name,
              ask: (prompter, name, index) =>
                askText(prompter, { message: "What is the competitor's name?", field: 'competition.competitors[]', index, current: name }),
            },
            current?.competitors ?? [],
          );
          const result: Competition = { ...(threat === NOT_GIVEN ? {} : { threat }), ...(competitors.length > 0 ? { competitors } : {}) };
          // Nothing known about the competition: leave the section out rather than write it empty.
          return Object.keys(result).length > 0 ? result : undefined;
        },
      },
      draft.competition && Object.keys(draft.competition).length > 0 ? draft.competition : undefined,
    );
    return { competition: answer };
  },
});
