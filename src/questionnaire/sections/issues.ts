// The open issues: doubts or problems the prospect has raised, each with our suggested response
// where there is one.

import type { Issue } from '../../schema/deal.js';
import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

const textOf = (issue: Issue) => (typeof issue === 'string' ? issue : issue.issue);
const responseOf = (issue: Issue) => (typeof issue === 'string' ? undefined : issue.response);

export const issues = defineSection({
  id: 'issues',
  title: 'Open issues and our responses',
  keys: ['issues'],
  async ask(p, draft) {
    const list = await askList<Issue>(
      p,
      {
        title: 'Open issues',
        noun: 'issue',
        plural: 'issues',
        add: 'Are there open issues: doubts or problems the prospect has raised?',
        summary: (issue) => (responseOf(issue) ? `${textOf(issue)} (with our response)` : textOf(issue)),
        ask: async (prompter, current, index) => {
          const issue = await askText(prompter, {
            message: 'What is the open issue?',
            field: 'issues[].issue',
            index,
            current: current === undefined ? undefined : textOf(current),
          });
          const response = await askText(prompter, {
            message: 'What response do we suggest the CEO give?',
            field: 'issues[].response',
            index,
            current: current === undefined ? undefined : responseOf(current),
          });
          // Without a response the issue is written as plain text, as most deal files have it.
          return response === undefined ? issue : { issue, response };
        },
      },
      draft.issues ?? [],
    );
    return { issues: list };
  },
});
