// The questions the CEO should expect, each with a suggested answer.

import type { Deal } from '../../schema/deal.js';
import { askList } from '../lists.js';
import { askText } from '../prompts.js';
import { defineSection } from '../section.js';

type Question = Deal['questions'][number];

export const questions = defineSection({
  id: 'questions',
  title: 'Questions the CEO should expect',
  keys: ['questions'],
  async ask(p, draft) {
    const list = await askList<Question>(
      p,
      {
        title: 'Questions',
        noun: 'question',
        plural: 'questions',
        add: 'Are there questions the CEO should expect, with a suggested answer?',
        summary: (q) => q.question,
        ask: async (prompter, current, index) => {
          const question = await askText(prompter, {
            message: 'What question should the CEO expect?',
            field: 'questions[].question',
            index,
            current: current?.question,
          });
          const answer = await askText(prompter, { message: 'What answer do we suggest?', field: 'questions[].answer', index, current: current?.answer });
          return { question, ...(answer === undefined ? {} : { answer }) };
        },
      },
      draft.questions ?? [],
    );
    return { questions: list };
  },
});
