// What the CEO's involvement should achieve, and the plan for it.

import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const brief = defineSection({
  id: 'brief',
  title: 'Objective and plan',
  keys: ['objective', 'plan'],
  async ask(p, draft) {
    const objective = await askText(p, {
      message: "Objective: what the CEO's involvement should achieve",
      field: 'objective',
      current: draft.objective,
    });
    const plan = await askText(p, { message: 'Plan: who does what, and when', field: 'plan', current: draft.plan });
    return { objective, plan };
  },
});
