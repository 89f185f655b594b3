// What the CEO's involvement should achieve, and the plan for it.

import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const brief = defineSection({
  id: 'brief',
  title: 'Objective and plan',
  keys: ['objective', 'plan'],
  async ask(p, draft) {
    const objective = await askText(p, {
      message: "What should the CEO's involvement achieve (the objective)?",
      field: 'objective',
      current: draft.objective,
    });
    const plan = await askText(p, { message: 'What is the plan: who does what, and when?', field: 'plan', current: draft.plan });
    return { objective, plan };
  },
});
