// The people in the prospect's decision: name, title and role.

import type { Deal } from '../../schema/deal.js';
import { NOT_GIVEN, ROLE_CHOICES } from '../choices.js';
import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

type Stakeholder = Deal['stakeholders'][number];

export const stakeholders = defineSection({
  id: 'stakeholders',
  title: 'Stakeholders',
  keys: ['stakeholders'],
  async ask(p, draft) {
    const list = await askList<Stakeholder>(
      p,
      {
        title: 'Stakeholders',
        noun: 'stakeholder',
        plural: 'stakeholders',
        add: "Name the stakeholders: the people in the prospect's decision?",
        summary: (s) => `${[s.name, s.title].filter(Boolean).join(', ')}${s.role ? ` (${s.role})` : ''}`,
        ask: async (prompter, current, index) => {
          const name = await askText(prompter, { message: 'Stakeholder name', field: 'stakeholders[].name', index, current: current?.name });
          const title = await askText(prompter, { message: `${name}'s title`, field: 'stakeholders[].title', index, current: current?.title });
          const role = await prompter.select({
            message: `${name}'s role in the decision`,
            choices: ROLE_CHOICES,
            ...(current === undefined ? {} : { default: current.role ?? NOT_GIVEN }),
          });
          return { name, ...(title === undefined ? {} : { title }), ...(role === NOT_GIVEN ? {} : { role }) };
        },
      },
      draft.stakeholders ?? [],
    );
    return { stakeholders: list };
  },
});
