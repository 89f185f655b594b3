// The CRM record the deal comes from, when it has one: `deal-triage import` sets it, and finds the
// deal by it on the next import. Optional and skippable: most hand-written deals have none.

import type { Deal } from '../../schema/deal.js';
import { optionalGroup } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

type Crm = NonNullable<Deal['crm']>;

export const crm = defineSection({
  id: 'crm',
  title: 'CRM record',
  keys: ['crm'],
  async ask(p, draft) {
    const record = await optionalGroup<Crm>(
      p,
      {
        add: 'Is this deal a record in your CRM (so that deal-triage import keeps it up to date)?',
        title: 'CRM record',
        summary: (r) => `${r.source} ${r.id}`,
        fill: async (current) => {
          const source = await askText(p, { message: 'Which CRM (salesforce, hubspot, pipedrive, or the source in your import mapping)?', field: 'crm.source', current: current?.source });
          const id = await askText(p, { message: "The deal's record id in that CRM?", field: 'crm.id', current: current?.id });
          return { source, id };
        },
      },
      draft.crm,
    );
    return { crm: record };
  },
});
