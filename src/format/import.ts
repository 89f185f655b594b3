// An import's report for the terminal (text) and for scripts (json), pure. Text from the export
// (names, CRM ids, stage names in changes) and file names are sanitised like every other output.

// Numbers grouped without Intl, whose first use costs more than the rest of a small report.
import { formatNumber } from '../engine/values.js';
import type { FieldChange } from '../import/deal-text.js';
import { clip } from '../import/quote.js';
import type { ImportReport } from '../import/report.js';
import { safeChars, safeJson, safeLine } from './sanitize.js';
import type { Style } from './style.js';

import { IMPORT_FORMATS } from './names.js';

export { IMPORT_FORMATS } from './names.js';
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How many deals of each kind the text lists before "… and N more" (json lists them all). */
export const LISTED = 50;

function shownValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'number') return formatNumber(value, 2);
  if (typeof value === 'string') return safeLine(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  return safeLine(typeof value === 'boolean' ? String(value) : JSON.stringify(value));
}

export function changeText(change: FieldChange): string {
  return `${change.field} ${shownValue(change.old)} → ${shownValue(change.new)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n, 0)} ${n === 1 ? one : many}`;

export function formatImportText(report: ImportReport, style: Style): string {
  const out: string[] = [];
  const what = `${safeChars(report.csv)} (${report.source}${report.preset && report.preset !== report.source ? `, ${report.preset} columns` : ''})`;
  out.push(
    report.dryRun
      ? style.bold(`Dry run: importing ${what} into ${safeChars(report.into)}/ would do this; nothing was written.`)
      : style.bold(`Imported ${what} into ${safeChars(report.into)}/.`),
  );
  const footer = report.footerLines > 0 ? `, and a footer of ${plural(report.footerLines, 'line')} skipped` : '';
  out.push(`${plural(report.rows, 'row')} read${footer}.`, '');

  const verb = report.dryRun ? { created: 'to create', updated: 'to update' } : { created: 'created', updated: 'updated' };
  out.push(`${style.green(`${verb.created}:`)} ${formatNumber(report.createdCount, 0)}`);
  for (const deal of report.created.slice(0, LISTED)) out.push(`  ${safeChars(deal.file)}  ${style.dim(`(line ${deal.line}, ${report.source} ${safeLine(clip(deal.crmId))})`)}`);
  if (report.createdCount > LISTED) out.push(style.dim(`  … and ${plural(report.createdCount - LISTED, 'more deal')}`));

  out.push(`${style.cyan(`${verb.updated}:`)} ${formatNumber(report.updatedCount, 0)}`);
  for (const deal of report.updated.slice(0, LISTED)) {
    out.push(`  ${safeChars(deal.file)}  ${style.dim(`(line ${deal.line})`)}`);
    for (const change of deal.changes) out.push(`    ${changeText(change)}`);
  }
  if (report.updatedCount > LISTED) out.push(style.dim(`  … and ${plural(report.updatedCount - LISTED, 'more deal')} (--format json lists them all)`));

  out.push(`unchanged: ${formatNumber(report.unchanged, 0)}`);
  out.push(`${report.skippedRows > 0 ? style.red('skipped:') : 'skipped:'} ${formatNumber(report.skippedRows, 0)}${report.skippedRows > 0 ? ' (each with its reasons on stderr)' : ''}`);
  out.push(`${report.notInExport.length > 0 ? style.yellow('not in this export:') : 'not in this export:'} ${formatNumber(report.notInExport.length, 0)}${report.notInExport.length > 0 ? ' (kept as they are; delete a file yourself if the deal is gone)' : ''}`);
  for (const deal of report.notInExport.slice(0, LISTED)) out.push(`  ${safeChars(deal.file)}  ${style.dim(`(${report.source} ${safeLine(clip(deal.crmId))})`)}`);
  if (report.notInExport.length > LISTED) out.push(style.dim(`  … and ${plural(report.notInExport.length - LISTED, 'more deal')}`));
  for (const failed of report.unwritten) out.push(style.red(`not written: ${safeChars(failed.file)}: ${safeLine(failed.reason)}`));

  if (report.verdicts) {
    const v = report.verdicts;
    const total = v.join + v.wait + v.decline;
    out.push(
      '',
      style.bold(`Verdicts of the ${plural(total, 'deal')} in this export, as of ${report.today}: `) +
        `${style.green(`${formatNumber(v.join, 0)} join`)}, ${style.yellow(`${formatNumber(v.wait, 0)} wait`)}, ${formatNumber(v.decline, 0)} decline`,
    );
    if (v.joins.length > 0) {
      out.push(`The CEO should join: ${v.joins.slice(0, LISTED).map(safeChars).join(', ')}${v.join > LISTED ? `, … and ${formatNumber(v.join - LISTED, 0)} more` : ''}`);
      out.push(style.dim(`See why: deal-triage triage ${safeChars(v.joins[0]!)}`));
    }
  }
  return `${out.join('\n')}\n`;
}

export function formatImportJson(report: ImportReport): string {
  const changes = (list: readonly FieldChange[]) => list.map((c) => ({ field: c.field, old: c.old ?? null, new: c.new ?? null }));
  return `${safeJson(
    {
      csv: report.csv,
      into: report.into,
      source: report.source,
      preset: report.preset ?? null,
      dryRun: report.dryRun,
      rows: report.rows,
      footerLines: report.footerLines,
      created: report.created,
      updated: report.updated.map((deal) => ({ ...deal, changes: changes(deal.changes) })),
      unchanged: report.unchanged,
      skippedRows: report.skippedRows,
      skipped: report.skipped.map((p) => ({ file: p.file, line: p.line, column: p.column, rule: p.rule, message: p.message })),
      notInExport: report.notInExport,
      unwritten: report.unwritten,
      verdicts: report.verdicts ?? null,
      today: report.today,
    },
    2,
  )}\n`;
}
