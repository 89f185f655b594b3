// The review for a terminal: one screen per section, the funnel drawn with block characters (one
// shade per verdict, so it reads without colour; coloured on a terminal through the style layer).
// Every text from a deal file goes through safeLine.

import { formatMoney, formatNumber } from '../../engine/values.js';
import type { Verdict } from '../../engine/types.js';
import { safeLine } from '../../format/sanitize.js';
import { verdictColour } from '../../format/style.js';
import type { Style } from '../../format/style.js';
import type { Review } from '../model.js';
import {
  CHANGE_WORDS,
  ceoHeadline,
  changeValue,
  dateText,
  LIST_LIMIT,
  moreText,
  neededText,
  OUTCOME_HEADERS,
  outcomeCaution,
  outcomeCells,
  plural,
  prepareText,
  RISK_WORDS,
  sinceText,
  TITLES,
  titleLine,
} from './words.js';

export const BAR_WIDTH = 32;
/** One shade per verdict: the bar is readable in black and white. */
export const BAR_CHARS: Readonly<Record<Verdict, string>> = { join: '█', wait: '▓', decline: '░' };
const VERDICT_ORDER: readonly Verdict[] = ['join', 'wait', 'decline'];
const RISK_WIDTH = Math.max(...Object.values(RISK_WORDS).map((word) => word.length));

const t = safeLine;
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - [...text].length)) + text;

export function formatReviewText(review: Review, style: Style): string {
  const out: string[] = [];
  const heading = (text: string) => {
    out.push('', style.bold(text));
  };
  out.push(style.bold(titleLine(review)));
  if (review.cadence !== undefined) out.push(t(review.cadence));

  heading(`${TITLES.ceo}: ${ceoHeadline(review)}`);
  for (const item of review.ceo.deals) {
    const over = item.over_capacity ? `  ${style.red('over capacity')}` : '';
    out.push(`  ${item.rank}. ${t(item.name)} (${t(item.id)})  ${formatMoney(item.potential_value, item.currency)}${over}`);
    const meeting = item.next_meeting ? `next meeting ${dateText(item.next_meeting.date, review.today)}` : style.yellow('no next meeting');
    out.push(`     ${item.stage} · closes ${dateText(item.close_date, review.today)} · ${meeting}`);
    const brief = item.brief_complete ? 'brief complete' : style.yellow(`brief lacks ${item.brief_missing.join(', ')}`);
    out.push(`     roles: ${item.roles.join(', ') || 'none'} · ${brief}${item.joined ? ` · joined ${item.joined}` : ''}`);
    out.push(style.dim(`     ${t(item.file)}`));
  }

  heading(`${TITLES.horizon}: ${review.horizon.length === 0 ? 'no strategic deal waits' : plural(review.horizon.length, 'strategic deal') + ' to prepare'}`);
  for (const item of review.horizon.slice(0, LIST_LIMIT)) {
    out.push(`  ${t(item.name)} (${t(item.id)})  ${formatMoney(item.potential_value, item.currency)}`);
    out.push(`     CEO needed ${neededText(item, review.today)}`);
    out.push(`     prepare: ${prepareText(item.prepare)}`);
    const first = item.waiting_for[0];
    if (first) out.push(style.dim(`     waits: ${t(first.message)} (${first.rule})`));
  }
  if (review.horizon.length > LIST_LIMIT) out.push(style.dim(`  ${moreText(review.horizon.length - LIST_LIMIT)}`));

  if (review.changes !== null) {
    heading(`${TITLES.changes} ${sinceText(review)}: ${review.changes.length === 0 ? 'nothing' : plural(review.changes.length, 'change')}`);
    const idWidth = Math.min(28, Math.max(0, ...review.changes.slice(0, LIST_LIMIT).map((c) => [...t(c.id)].length)));
    for (const item of review.changes.slice(0, LIST_LIMIT)) {
      const move = item.kind === 'new' ? `at ${changeValue(item, 'to')}` : item.kind === 'removed' ? `was at ${changeValue(item, 'from')}` : `${changeValue(item, 'from')} → ${changeValue(item, 'to')}`;
      out.push(`  ${pad(t(item.id), idWidth)}  ${pad(CHANGE_WORDS[item.kind], 21)}  ${move}`);
    }
    if (review.changes.length > LIST_LIMIT) out.push(style.dim(`  ${moreText(review.changes.length - LIST_LIMIT)}`));
  }

  heading(`${TITLES.risks}: ${review.risks.length === 0 ? 'none' : plural(review.risks.length, 'risk')}`);
  for (const item of review.risks.slice(0, LIST_LIMIT)) {
    out.push(`  ${style.yellow(pad(RISK_WORDS[item.kind], RISK_WIDTH))}  ${t(item.id)}: ${t(item.message)}`);
  }
  if (review.risks.length > LIST_LIMIT) out.push(style.dim(`  ${moreText(review.risks.length - LIST_LIMIT)}`));

  const { outcomes } = review;
  heading(`${TITLES.outcomes}: closed deals with and without the CEO`);
  const rows = [['', ...OUTCOME_HEADERS], ['with the CEO', ...outcomeCells(outcomes.with_ceo, outcomes.currency)], ['without', ...outcomeCells(outcomes.without_ceo, outcomes.currency)]];
  const widths = rows[0]!.map((_cell, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  for (const row of rows) out.push(`  ${row.map((cell, i) => (i === 0 ? pad(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ')}`.trimEnd());
  for (const note of outcomeCaution(outcomes)) out.push(`  ${note.startsWith('Too few') ? style.yellow(note) : style.dim(note)}`);

  const { funnel } = review;
  heading(`${TITLES.funnel}: ${plural(funnel.total.count, 'open deal')}, ${formatMoney(funnel.total.potential_value, funnel.currency)} potential`);
  const largest = Math.max(0, ...funnel.stages.map((stage) => stage.potential_value));
  const stageWidth = Math.max(...funnel.stages.map((stage) => stage.stage.length));
  for (const stage of funnel.stages) {
    // Each segment ends where the running total ends, rounded: the segments add up to the whole bar.
    let running = 0;
    let drawn = 0;
    const bar = VERDICT_ORDER.map((verdict) => {
      running += stage.by_verdict[verdict].potential_value;
      const end = largest === 0 ? 0 : Math.round((running / largest) * BAR_WIDTH);
      const cells = end - drawn;
      drawn = end;
      return verdictColour(verdict, style)(BAR_CHARS[verdict].repeat(cells));
    }).join('');
    const cells = drawn;
    out.push(`  ${pad(stage.stage, stageWidth)}  ${bar}${' '.repeat(Math.max(0, BAR_WIDTH + 1 - cells))}${padStart(formatNumber(stage.count), 5)}  ${formatMoney(stage.potential_value, funnel.currency)}`);
  }
  out.push(style.dim(`  ${VERDICT_ORDER.map((v) => `${BAR_CHARS[v]} ${v}`).join('  ')} · bar length: potential value in ${funnel.currency}`));
  if (funnel.other_currency > 0) out.push(style.dim(`  ${plural(funnel.other_currency, 'open deal')} in another currency are counted, their value not added.`));

  if (review.problems.length > 0) {
    heading(`${TITLES.problems}: ${plural(review.summary.errors, 'error')}, ${plural(review.summary.warnings, 'warning')} (as deal-triage check reports them)`);
    for (const p of review.problems) {
      const severity = p.severity === 'error' ? style.red('error') : style.yellow('warning');
      out.push(`  ${t(p.file)}:${p.line}:${p.column}  ${severity}  ${t(p.message)}  ${style.dim(p.rule)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
