// The deal: its name, the id it suggests (which names the file), the owner and the type.

import { TYPE_CHOICES } from '../choices.js';
import { slugify, takenIdWarning } from '../ids.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const deal = defineSection({
  id: 'deal',
  title: 'The deal: name, id, owner, type',
  keys: ['name', 'id', 'owner', 'type'],
  async ask(p, draft, context) {
    const name = await askText(p, { message: 'What is the deal called? (for example "Acme — five-plant rollout")', field: 'name', current: draft.name });
    const suggested = draft.id ?? slugify(name);
    const id = await askText(p, {
      message: 'Which id should the deal have? It names the file: lowercase letters, digits and dashes.',
      field: 'id',
      current: suggested === '' ? undefined : suggested,
    });
    const warning = takenIdWarning(id, await context.ids);
    if (warning) p.note(warning);
    const owner = await askText(p, { message: 'Who owns the account (the rep responsible for the deal)?', field: 'owner', current: draft.owner });
    const type = await p.select({ message: 'What type of deal is it?', choices: TYPE_CHOICES, default: draft.type ?? 'new' });
    return { name, id, owner, type };
  },
});
