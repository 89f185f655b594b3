// The review as Markdown, paste-ready for a doc, a chat, a pull request or $GITHUB_STEP_SUMMARY:
// tables for the lists, and the funnel as a ```mermaid chart, which GitHub renders. The chart holds
// only stage names and numbers, never text from a deal file; every deal text is escaped.

import { formatMoney, formatNumber } from '../../engine/values.js';
import { markdownCode, markdownName, markdownText } from '../../format/markdown-escape.js';
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

const e = markdownText;
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const table = (headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]) => [
  row(headers),
  row(headers.map((_h, i) => (align?.[i] === 'r' ? '---:' : '---'))),
  ...rows.map(row),
];

export function formatReviewMarkdown(review: Review): string {
  const out: string[] = [`# ${titleLine(review)}`];
  if (review.cadence !== undefined) out.push('', e(review.cadence));

  out.push('', `## ${TITLES.ceo}: ${ceoHeadline(review)}`, '');
  if (review.ceo.deals.length > 0) {
    out.push(
      ...table(
        ['#', 'Deal', 'Potential', 'Stage', 'Close date', 'Next meeting', 'Roles', 'Brief'],
        review.ceo.deals.map((item) => [
          item.over_capacity ? `${item.rank} **over capacity**` : String(item.rank),
          `${e(item.name)} (${markdownCode(item.id)})`,
          formatMoney(item.potential_value, item.currency),
          item.stage,
          dateText(item.close_date, review.today),
          item.next_meeting ? dateText(item.next_meeting.date, review.today) : '**none**',
          item.roles.join(', '),
          item.brief_complete ? 'complete' : `lacks ${item.brief_missing.join(', ')}`,
        ]),
        ['l', 'l', 'r'],
      ),
    );
  } else {
    out.push('_No deal needs the CEO now._');
  }

  out.push('', `## ${TITLES.horizon}: ${review.horizon.length === 0 ? 'no strategic deal waits' : plural(review.horizon.length, 'strategic deal') + ' to prepare'}`, '');
  if (review.horizon.length > 0) {
    out.push(
      ...table(
        ['Deal', 'Potential', 'CEO needed', 'Prepare', 'Waits for'],
        review.horizon.slice(0, LIST_LIMIT).map((item) => [
          `${e(item.name)} (${markdownCode(item.id)})`,
          formatMoney(item.potential_value, item.currency),
          neededText(item, review.today),
          prepareText(item.prepare),
          item.waiting_for.map((reason) => markdownCode(reason.rule)).join(', '),
        ]),
        ['l', 'r'],
      ),
    );
    if (review.horizon.length > LIST_LIMIT) out.push('', `_${moreText(review.horizon.length - LIST_LIMIT)}_`);
  }

  if (review.changes !== null) {
    out.push('', `## ${TITLES.changes} ${e(sinceText(review))}: ${review.changes.length === 0 ? 'nothing' : plural(review.changes.length, 'change')}`, '');
    if (review.changes.length > 0) {
      out.push(
        ...table(
          ['Deal', 'Change', 'From', 'To'],
          review.changes.slice(0, LIST_LIMIT).map((item) => [markdownCode(item.id), CHANGE_WORDS[item.kind], changeValue(item, 'from'), changeValue(item, 'to')]),
        ),
      );
      if (review.changes.length > LIST_LIMIT) out.push('', `_${moreText(review.changes.length - LIST_LIMIT)}_`);
    }
  }

  out.push('', `## ${TITLES.risks}: ${review.risks.length === 0 ? 'none' : plural(review.risks.length, 'risk')}`, '');
  if (review.risks.length > 0) {
    out.push(...table(['Risk', 'Deal', 'What to do'], review.risks.slice(0, LIST_LIMIT).map((item) => [RISK_WORDS[item.kind], markdownCode(item.id), e(item.message)])));
    if (review.risks.length > LIST_LIMIT) out.push('', `_${moreText(review.risks.length - LIST_LIMIT)}_`);
  }

  const { outcomes } = review;
  out.push('', `## ${TITLES.outcomes}`, '');
  out.push(
    ...table(
      ['', ...OUTCOME_HEADERS],
      [
        ['With the CEO', ...outcomeCells(outcomes.with_ceo, outcomes.currency)],
        ['Without', ...outcomeCells(outcomes.without_ceo, outcomes.currency)],
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  for (const note of outcomeCaution(outcomes)) out.push('', note.startsWith('Too few') ? `> **Caution:** ${note}` : note);

  const { funnel } = review;
  out.push('', `## ${TITLES.funnel}: ${plural(funnel.total.count, 'open deal')}, ${formatMoney(funnel.total.potential_value, funnel.currency)} potential`, '');
  out.push(
    '```mermaid',
    'xychart-beta',
    `    title "Open deals: potential value by stage (${funnel.currency})"`,
    `    x-axis [${funnel.stages.map((stage) => stage.stage).join(', ')}]`,
    `    y-axis "Potential value (${funnel.currency})"`,
    `    bar [${funnel.stages.map((stage) => String(Math.round(stage.potential_value))).join(', ')}]`,
    '```',
    '',
  );
  out.push(
    ...table(
      ['Stage', 'Deals', 'Potential', 'Join', 'Wait', 'Decline'],
      funnel.stages.map((stage) => [
        stage.stage,
        formatNumber(stage.count),
        formatMoney(stage.potential_value, funnel.currency),
        ...(['join', 'wait', 'decline'] as const).map((v) => `${formatNumber(stage.by_verdict[v].count)} · ${formatMoney(stage.by_verdict[v].potential_value, funnel.currency)}`),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  if (funnel.other_currency > 0) out.push('', `${plural(funnel.other_currency, 'open deal')} in another currency are counted, their value not added.`);

  if (review.problems.length > 0) {
    out.push('', `## ${TITLES.problems}: ${plural(review.summary.errors, 'error')}, ${plural(review.summary.warnings, 'warning')}`, '');
    out.push(
      ...table(
        ['File', 'Severity', 'Problem', 'Rule'],
        review.problems.map((p) => [`${markdownName(p.file)}:${p.line}:${p.column}`, p.severity, e(p.message), markdownCode(p.rule)]),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
