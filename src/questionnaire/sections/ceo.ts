// Whether the head of sales asks for the CEO on this deal.

import { defineSection } from '../section.js';

export const ceo = defineSection({
  id: 'ceo',
  title: 'Whether the CEO is requested',
  keys: ['ceo'],
  async ask(p, draft) {
    const requested = await p.confirm({
      message: 'Are you asking for the CEO on this deal?',
      default: draft.ceo?.requested ?? false,
    });
    return { ceo: { requested } };
  },
});
