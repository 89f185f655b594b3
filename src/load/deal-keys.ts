// Every key a deal file can hold, at any depth: what the fast YAML reader matches keys against
// (simple-yaml.ts, ReadOptions.keys). Written out, not walked from the schema when a file is read,
// so reading a valid deal needs nothing of zod; tests/load/deal-keys.test.ts checks that it is
// exactly the schema's keys.

export const DEAL_KEYS: readonly string[] = [
  'id', 'name', 'owner', 'type', 'stage', 'close_date',
  'account', 'employees', 'annual_revenue', 'industry',
  'value', 'amount', 'currency', 'term_months',
  'follow_on', 'potential', 'notes',
  'strategic_logo',
  'competition', 'threat', 'competitors',
  'custom_work', 'days', 'compensated_days', 'description',
  'asks', 'request', 'position', 'in_exchange', 'rationale', 'exception',
  'stakeholders', 'title', 'role', 'counterpart',
  'history', 'date', 'event',
  'issues', 'issue', 'response',
  'questions', 'question', 'answer',
  'objective', 'plan',
  'next_meeting', 'purpose',
  'ceo', 'requested', 'joined', 'override', 'verdict', 'reason', 'by', 'until',
  'crm', 'source',
];
