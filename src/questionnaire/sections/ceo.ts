// Whether the head of sales asks for the CEO on this deal, and when the CEO joined it, if so far
// (what `review` counts the CEO's deals by when it compares outcomes with and without the CEO).

import { askText } from '../prompts.js';
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
    // Asked only of a deal the CEO is asked for (or already joined): Enter means "not yet".
    if (!requested && draft.ceo?.joined === undefined) return { ceo: { requested } };
    const joined = await askText(p, { message: 'Has the CEO joined the deal yet? On what day (YYYY-MM-DD)', field: 'ceo.joined', current: draft.ceo?.joined });
    return { ceo: { requested, ...(joined === undefined ? {} : { joined }) } };
  },
});
