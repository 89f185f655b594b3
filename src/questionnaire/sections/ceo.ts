// Whether the head of sales asks for the CEO on this deal; when the CEO joined it, if so far (what
// `review` counts the CEO's deals by when it compares outcomes with and without the CEO); and a
// decision against the policy, if the CEO or the head of sales made one (PRODUCT.md §14): optional,
// and asked only on request.

import type { Override } from '../../schema/deal.js';
import { OVERRIDE_VERDICT_CHOICES } from '../choices.js';
import { optionalGroup } from '../lists.js';
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
    const joined =
      requested || draft.ceo?.joined !== undefined
        ? await askText(p, { message: 'Has the CEO joined the deal yet? On what day (YYYY-MM-DD)', field: 'ceo.joined', current: draft.ceo?.joined })
        : undefined;
    const override = await optionalGroup<Override>(
      p,
      {
        add: 'Has the CEO or the head of sales decided against the policy on this deal (an override)?',
        title: 'Override',
        summary: (o) => `${o.verdict}, by ${o.by}, until ${o.until}`,
        fill: async (current) => {
          const verdict = await p.select({
            message: 'What did they decide?',
            choices: OVERRIDE_VERDICT_CHOICES,
            ...(current === undefined ? {} : { default: current.verdict }),
          });
          const reason = await askText(p, { message: 'Why? (the reason shows beside the verdict)', field: 'ceo.override.reason', current: current?.reason });
          const by = await askText(p, { message: 'Who decided?', field: 'ceo.override.by', current: current?.by });
          const until = await askText(p, {
            message: 'Until when does it hold (YYYY-MM-DD, at most a year from today)?',
            field: 'ceo.override.until',
            current: current?.until,
          });
          return { verdict, reason, by, until };
        },
      },
      draft.ceo?.override,
    );
    return { ceo: { requested, ...(joined === undefined ? {} : { joined }), ...(override === undefined ? {} : { override }) } };
  },
});
