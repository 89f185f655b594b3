// The account: the prospect company, its size and industry, and whether it is a strategic logo.

import type { Deal } from '../../schema/deal.js';
import { askNumber, askText } from '../prompts.js';
import { defineSection } from '../section.js';

export const account = defineSection({
  id: 'account',
  title: 'The account: name, size, industry, strategic logo',
  keys: ['account', 'strategic_logo'],
  async ask(p, draft) {
    const current: Partial<Deal['account']> = draft.account ?? {};
    const name = await askText(p, { message: 'Which company is the prospect?', field: 'account.name', current: current.name });
    const employees = await askNumber(p, {
      message: `How many employees does ${name} have?`,
      field: 'account.employees',
      current: current.employees,
    });
    const currency = draft.value?.currency;
    const revenue = await askNumber(p, {
      message: `What is ${name}'s annual revenue${currency ? `, in ${currency}` : ''}?`,
      field: 'account.annual_revenue',
      current: current.annual_revenue,
    });
    const industry = await askText(p, { message: `What industry is ${name} in?`, field: 'account.industry', current: current.industry });
    const logo = await p.confirm({
      message: `Is ${name} a strategic logo (it opens a market, or serves as a reference)?`,
      default: draft.strategic_logo ?? false,
    });
    return {
      account: {
        name,
        ...(employees === undefined ? {} : { employees }),
        ...(revenue === undefined ? {} : { annual_revenue: revenue }),
        ...(industry === undefined ? {} : { industry }),
      },
      strategic_logo: logo,
    };
  },
});
