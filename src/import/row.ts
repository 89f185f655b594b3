// One row of the export as the fields of a deal, pure. Only the fields the mapping's columns give
// are "owned": a re-import sets them and nothing else. A row that cannot become a deal says which
// column is the trouble, and why.

import { REQUIRED_FIELDS } from './fields.js';
import type { ImportField } from './fields.js';
import type { Mapping } from './mapping.js';
import { parseCell } from './cells.js';
import type { Money } from './values.js';

export interface RowDeal {
  crmId: string;
  name: string;
  /**
   * The fields this row sets: a value, or undefined where the CRM has none (an empty cell of an
   * optional field: a re-import removes it). A field not in the map is left as it is.
   */
  owned: Map<ImportField, unknown>;
}

/** A cell that cannot give its field: its column's index, and why. */
export interface CellProblem {
  index: number;
  rule: string;
  message: string;
}

/** A row that cannot become a deal says every cell that is the trouble, in column order. */
export type RowOutcome = { ok: true; deal: RowDeal } | { ok: false; problems: CellProblem[] };

const REQUIRED: ReadonlySet<ImportField> = new Set(REQUIRED_FIELDS);

export function rowToDeal(record: readonly string[], mapping: Mapping): RowOutcome {
  const owned = new Map<ImportField, unknown>();
  const problems: CellProblem[] = [];
  let status: unknown;
  let statusIndex = -1;
  let stageIndex = -1;
  for (const { field, index, header } of mapping.columns) {
    const cell = record[index] ?? '';
    if (cell.trim() === '') {
      const fallback = mapping.defaults.get(field);
      if (fallback === undefined && REQUIRED.has(field)) {
        problems.push({ index, rule: 'import-missing-value', message: `"${header}" is empty, and every deal needs its ${field}` });
        continue;
      }
      if (field === 'status') continue;
      owned.set(field, fallback instanceof Object && 'amount' in fallback ? (fallback as Money).amount : fallback);
      continue;
    }
    const parsed = parseCell(field, cell, mapping);
    if (!parsed.ok) {
      problems.push({ index, rule: ruleFor(field), message: `${header}: ${parsed.reason}` });
      continue;
    }
    if (field === 'status') {
      status = parsed.value;
      statusIndex = index;
    } else if (typeof parsed.value === 'object' && parsed.value !== null && 'amount' in parsed.value) {
      const money = parsed.value as Money;
      owned.set(field, money.amount);
      // `USD 1,200.00` with no currency column of its own: the amount says the currency.
      if (field === 'value.amount' && money.currency !== undefined && owned.get('value.currency') === undefined) owned.set('value.currency', money.currency);
    } else {
      if (field === 'stage') stageIndex = index;
      owned.set(field, parsed.value);
    }
  }
  if (status !== undefined && status !== 'open') owned.set('stage', status);
  if (owned.get('stage') === 'open') problems.push({ index: stageIndex < 0 ? statusIndex : stageIndex, rule: 'import-bad-stage', message: 'the stage "open" is a status, not a stage' });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.index - b.index) };
  const crmId = owned.get('crm.id') as string;
  const name = owned.get('name') as string;
  return { ok: true, deal: { crmId, name, owned } };
}

function ruleFor(field: ImportField): string {
  if (field === 'stage' || field === 'status') return 'import-unknown-stage';
  if (field === 'type') return 'import-unknown-type';
  if (field === 'value.amount' || field === 'follow_on.value' || field === 'account.annual_revenue') return 'import-bad-amount';
  if (field === 'close_date' || field === 'next_meeting.date') return 'import-bad-date';
  return 'import-bad-value';
}
