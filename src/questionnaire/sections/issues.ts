// The open issues: doubts or problems the prospect has raised.

import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const issues = defineSection({
  id: 'issues',
  title: 'Open issues',
  keys: ['issues'],
  async ask(p, draft) {
    const list = await askList<string>(
      p,
      {
        title: 'Open issues',
        noun: 'issue',
        plural: 'issues',
        add: 'Are there open issues: doubts or problems the prospect has raised?',
        summary: (issue) => issue,
        ask: (prompter, current, index) => askText(prompter, { message: 'Open issue', field: 'issues[]', index, current }),
      },
      draft.issues ?? [],
    );
    return { issues: list };
  },
});
