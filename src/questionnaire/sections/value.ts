// The value of this sale: currency (the config's by default), amount and term.

import * as z from 'zod';
import type { Deal } from '../../schema/deal.js';
import { fieldSchema, required } from '../fields.js';
import { askNumber, requiredText } from '../prompts.js';
import { defineSection } from '../section.js';

// Typed in small letters is still clearly the code: accept "usd" as USD.
const CURRENCY = z.string().trim().toUpperCase().pipe(required(fieldSchema('value.currency')));

export const value = defineSection({
  id: 'value',
  title: 'Value: currency, amount, term',
  keys: ['value'],
  async ask(p, draft, context) {
    const current: Partial<Deal['value']> = draft.value ?? {};
    // Asked as required although the file may leave it out: the question's default is the config's.
    const currency = await requiredText(p, {
      message: 'Which currency is the deal in (a code such as USD or EUR)?',
      field: 'value.currency',
      schema: CURRENCY,
      current: current.currency ?? context.currency,
    });
    const amount = await askNumber(p, { message: `What is the contract value of this sale, in ${currency}?`, field: 'value.amount', current: current.amount });
    const term = await askNumber(p, { message: 'How many months does the contract run?', field: 'value.term_months', current: current.term_months });
    return { value: { amount, currency, ...(term === undefined ? {} : { term_months: term }) } };
  },
});
