// The people in the prospect's decision: name, title and role; then which of them is the CEO's
// counterpart, the executive the CEO speaks to (one at most, so it is asked once, over the list).

import type { Deal } from '../../schema/deal.js';
import { NOT_GIVEN, ROLE_CHOICES } from '../choices.js';
import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import type { Choice } from '../prompter.js';
import { defineSection } from '../section.js';

type Stakeholder = Deal['stakeholders'][number];

const describe = (s: Stakeholder) => `${[s.name, s.title].filter(Boolean).join(', ')}${s.role ? ` (${s.role})` : ''}`;

export const stakeholders = defineSection({
  id: 'stakeholders',
  title: "Stakeholders, and the CEO's counterpart",
  keys: ['stakeholders'],
  async ask(p, draft) {
    const list = await askList<Stakeholder>(
      p,
      {
        title: 'Stakeholders',
        noun: 'stakeholder',
        plural: 'stakeholders',
        add: "Do you know the stakeholders: the people in the prospect's decision?",
        summary: (s) => `${describe(s)}${s.counterpart ? ", the CEO's counterpart" : ''}`,
        ask: async (prompter, current, index) => {
          const name = await askText(prompter, { message: "What is the stakeholder's name?", field: 'stakeholders[].name', index, current: current?.name });
          const title = await askText(prompter, { message: `What is ${name}'s title?`, field: 'stakeholders[].title', index, current: current?.title });
          const role = await prompter.select({
            message: `What is ${name}'s role in the decision?`,
            choices: ROLE_CHOICES,
            ...(current === undefined ? {} : { default: current.role ?? NOT_GIVEN }),
          });
          // The counterpart is asked once the list is complete; an edited entry keeps its mark until then.
          return {
            name,
            ...(title === undefined ? {} : { title }),
            ...(role === NOT_GIVEN ? {} : { role }),
            ...(current?.counterpart ? { counterpart: true } : {}),
          };
        },
      },
      draft.stakeholders ?? [],
    );
    if (list.length === 0) return { stakeholders: list };
    const choices: Choice<string>[] = [
      ...list.map((s, index) => ({ value: String(index), name: describe(s) })),
      { value: NOT_GIVEN, name: 'No one yet', description: 'The CEO has no counterpart named in this deal.' },
    ];
    const marked = list.findIndex((s) => s.counterpart === true);
    const chosen = await p.select({
      message: "Who is the CEO's counterpart: the executive the CEO will speak to?",
      choices,
      default: marked < 0 ? NOT_GIVEN : String(marked),
    });
    return {
      stakeholders: list.map((s, index) => {
        const { counterpart: _, ...rest } = s;
        return String(index) === chosen ? { ...rest, counterpart: true } : rest;
      }),
    };
  },
});
