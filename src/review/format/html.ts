// The review as one self-contained HTML page: the page the CEO opens. Inline CSS and inline SVG
// only (no script, font, image or stylesheet from anywhere, and a Content-Security-Policy that
// forbids them), every text escaped, readable on a phone (one column, cards for the deals, tables
// that wrap), printable (no backgrounds needed, sections kept whole), accessible: one h1, a heading
// per section, table headers with scope, the chart an image with a text alternative and its data in
// a table, colours at WCAG AA contrast and never the only carrier of meaning.

import { formatMoney, formatNumber } from '../../engine/values.js';
import type { Verdict } from '../../engine/types.js';
import { safeLine } from '../../format/sanitize.js';
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

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML: every markup character escaped, control and BiDi characters shown as U+FFFD. */
export const h = (text: string): string => safeLine(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const VERDICTS: readonly Verdict[] = ['join', 'wait', 'decline'];
// Dark enough on white for text (AA), and told apart by pattern-free order and the legend's words.
const VERDICT_FILL: Readonly<Record<Verdict, string>> = { join: '#1a7f37', wait: '#9a6700', decline: '#6e7781' };

const CSS = `
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--warn:#9a3412;--bad:#b42318;--ok:#1a7f37;--bg:#ffffff;--panel:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0}
p{margin:.5rem 0}
.muted{color:var(--muted)}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
.card{border:1px solid var(--line);border-radius:6px;padding:.75rem;background:var(--bg);break-inside:avoid}
.card.over{border-color:var(--bad);border-width:2px}
.card dl{margin:.5rem 0 0;display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem}
.card dt{color:var(--muted)}
.card dd{margin:0;overflow-wrap:anywhere}
.value{font-variant-numeric:tabular-nums;font-weight:600}
.flag{display:inline-block;font-size:.8rem;font-weight:700;color:var(--bad);border:1px solid var(--bad);border-radius:3px;padding:0 .3rem;margin-left:.25rem}
.warn{color:var(--warn);font-weight:600}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:break-word}
table.narrow{width:auto;min-width:min(100%,28rem)}
thead th{border-bottom:2px solid var(--ink)}
td.num,th.num{text-align:right;white-space:nowrap}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--panel);padding:0 .2rem;border-radius:3px}
.caution{border-left:4px solid var(--warn);background:#fff8f1;padding:.5rem .75rem}
figure{margin:.5rem 0}
svg{max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:1rem;margin:.25rem 0;padding:0;list-style:none}
.legend span{display:inline-block;width:.9rem;height:.9rem;vertical-align:-.1rem;margin-right:.3rem;border:1px solid var(--ink)}
td.nowrap,th.nowrap,code{white-space:nowrap}
.stack .label{display:none}
@media (max-width:40rem){main{padding:.75rem}h1{font-size:1.25rem}th,td{padding:.3rem .35rem;font-size:.9rem}
.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.stack tr{display:block;padding:.5rem 0;border-bottom:1px solid var(--line)}
.stack th,.stack td{display:block;border:0;padding:.1rem 0;text-align:left}
.stack .label{display:inline;color:var(--muted)}
code{white-space:normal;overflow-wrap:anywhere}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}.card,.caution,figure,tr{break-inside:avoid}.table{overflow:visible}a{color:inherit}}
`;

export function formatReviewHtml(review: Review): string {
  const parts: string[] = [];
  const push = (...lines: string[]) => parts.push(...lines);
  push(
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load or run: no script, no font, no image, no stylesheet from anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${h(titleLine(review))}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>Pipeline review <span class="muted">for ${h(review.today)}</span></h1>`,
  );
  const meta = [`${plural(review.summary.open, 'open deal')} of ${plural(review.summary.deals, 'deal')}`];
  if (review.since) meta.push(`changes ${sinceText(review)}`);
  push(`<p class="muted">${h(meta.join(' · '))}</p>`);
  if (review.cadence !== undefined) push(`<p>${h(review.cadence)}</p>`);

  // The CEO's deals.
  push('<section aria-labelledby="ceo">', `<h2 id="ceo">${h(`${TITLES.ceo}: ${ceoHeadline(review)}`)}</h2>`);
  if (review.ceo.deals.length === 0) push('<p>No deal needs the CEO now.</p>');
  else {
    push('<ol class="cards">');
    for (const item of review.ceo.deals) {
      const meeting = item.next_meeting ? h(dateText(item.next_meeting.date, review.today)) : '<span class="warn">none set</span>';
      const brief = item.brief_complete ? 'complete' : `<span class="warn">lacks ${h(item.brief_missing.join(', '))}</span>`;
      push(
        `<li class="card${item.over_capacity ? ' over' : ''}">`,
        `<h3>${item.rank}. ${h(item.name)}${item.over_capacity ? '<span class="flag">over capacity</span>' : ''}</h3>`,
        `<p class="muted"><code>${h(item.id)}</code> · ${h(item.file)}</p>`,
        '<dl>',
        `<dt>Potential</dt><dd class="value">${h(formatMoney(item.potential_value, item.currency))}</dd>`,
        `<dt>Stage</dt><dd>${h(item.stage)}</dd>`,
        `<dt>Close date</dt><dd>${h(dateText(item.close_date, review.today))}</dd>`,
        `<dt>Next meeting</dt><dd>${meeting}</dd>`,
        `<dt>Roles</dt><dd>${h(item.roles.join(', ') || 'none')}</dd>`,
        `<dt>Brief</dt><dd>${brief}</dd>`,
        ...(item.joined ? [`<dt>Joined</dt><dd>${h(item.joined)}</dd>`] : []),
        '</dl>',
        '</li>',
      );
    }
    push('</ol>');
  }
  push('</section>');

  // The horizon.
  const horizonTitle = review.horizon.length === 0 ? 'no strategic deal waits' : `${plural(review.horizon.length, 'strategic deal')} to prepare`;
  push('<section aria-labelledby="horizon">', `<h2 id="horizon">${h(`${TITLES.horizon}: ${horizonTitle}`)}</h2>`);
  if (review.horizon.length > 0) {
    push('<ul class="cards">');
    for (const item of review.horizon.slice(0, LIST_LIMIT)) {
      push(
        '<li class="card">',
        `<h3>${h(item.name)}</h3>`,
        `<p class="muted"><code>${h(item.id)}</code> · ${h(item.file)}</p>`,
        '<dl>',
        `<dt>Potential</dt><dd class="value">${h(formatMoney(item.potential_value, item.currency))}</dd>`,
        `<dt>CEO needed</dt><dd>${h(neededText(item, review.today))}</dd>`,
        `<dt>Prepare</dt><dd>${h(prepareText(item.prepare))}</dd>`,
        `<dt>Waits</dt><dd>${item.waiting_for.map((reason) => `${h(reason.message)} <span class="muted">(${h(reason.rule)})</span>`).join('<br>')}</dd>`,
        '</dl>',
        '</li>',
      );
    }
    push('</ul>');
    if (review.horizon.length > LIST_LIMIT) push(`<p class="muted">${h(moreText(review.horizon.length - LIST_LIMIT))}</p>`);
  }
  push('</section>');

  // What changed.
  if (review.changes !== null) {
    const title = `${TITLES.changes} ${sinceText(review)}: ${review.changes.length === 0 ? 'nothing' : plural(review.changes.length, 'change')}`;
    push('<section aria-labelledby="changes">', `<h2 id="changes">${h(title)}</h2>`);
    if (review.changes.length > 0) {
      push('<div class="table"><table class="stack">', '<thead><tr><th scope="col">Deal</th><th scope="col">Change</th><th scope="col">From</th><th scope="col">To</th></tr></thead>', '<tbody>');
      for (const item of review.changes.slice(0, LIST_LIMIT)) {
        push(`<tr><th scope="row"><code>${h(item.id)}</code></th><td>${h(CHANGE_WORDS[item.kind])}</td><td><span class="label">from </span>${h(changeValue(item, 'from'))}</td><td><span class="label">to </span>${h(changeValue(item, 'to'))}</td></tr>`);
      }
      push('</tbody></table></div>');
      if (review.changes.length > LIST_LIMIT) push(`<p class="muted">${h(moreText(review.changes.length - LIST_LIMIT))}</p>`);
    }
    push('</section>');
  }

  // Risks.
  push('<section aria-labelledby="risks">', `<h2 id="risks">${h(`${TITLES.risks}: ${review.risks.length === 0 ? 'none' : plural(review.risks.length, 'risk')}`)}</h2>`);
  if (review.risks.length > 0) {
    push('<div class="table"><table class="stack">', '<thead><tr><th scope="col">Risk</th><th scope="col">Deal</th><th scope="col">What to do</th></tr></thead>', '<tbody>');
    for (const item of review.risks.slice(0, LIST_LIMIT)) {
      push(`<tr><td class="warn nowrap">${h(RISK_WORDS[item.kind])}</td><th scope="row"><code>${h(item.id)}</code></th><td>${h(item.message)}</td></tr>`);
    }
    push('</tbody></table></div>');
    if (review.risks.length > LIST_LIMIT) push(`<p class="muted">${h(moreText(review.risks.length - LIST_LIMIT))}</p>`);
  }
  push('</section>');

  // Outcomes.
  const { outcomes } = review;
  push('<section aria-labelledby="outcomes">', `<h2 id="outcomes">${h(TITLES.outcomes)}</h2>`);
  // Turned on its side (a row per measure, a column per side): two columns fit a phone.
  const withCells = outcomeCells(outcomes.with_ceo, outcomes.currency);
  const withoutCells = outcomeCells(outcomes.without_ceo, outcomes.currency);
  push(
    '<div class="table"><table class="narrow">',
    '<caption class="muted" style="text-align:left">Closed deals, with and without the CEO</caption>',
    '<thead><tr><td></td><th scope="col" class="num">With the CEO</th><th scope="col" class="num">Without</th></tr></thead>',
    '<tbody>',
    ...OUTCOME_HEADERS.map((header, i) => `<tr><th scope="row">${h(header)}</th><td class="num">${h(withCells[i]!)}</td><td class="num">${h(withoutCells[i]!)}</td></tr>`),
    '</tbody></table></div>',
  );
  for (const note of outcomeCaution(outcomes)) {
    push(note.startsWith('Too few') ? `<p class="caution" role="note"><strong>Caution:</strong> ${h(note)}</p>` : `<p class="muted">${h(note)}</p>`);
  }
  push('</section>');

  // The funnel.
  const { funnel } = review;
  push(
    '<section aria-labelledby="funnel">',
    `<h2 id="funnel">${h(`${TITLES.funnel}: ${plural(funnel.total.count, 'open deal')}, ${formatMoney(funnel.total.potential_value, funnel.currency)} potential`)}</h2>`,
  );
  push(funnelSvg(review));
  push(
    `<ul class="legend" aria-hidden="true">${VERDICTS.map((v) => `<li><span style="background:${VERDICT_FILL[v]}"></span>${v}</li>`).join('')}</ul>`,
    '<div class="table"><table class="stack">',
    `<caption class="muted" style="text-align:left">Open deals and potential value (${h(funnel.currency)}) by stage and verdict</caption>`,
    '<thead><tr><th scope="col">Stage</th><th scope="col" class="num">Deals</th><th scope="col" class="num">Potential</th><th scope="col" class="num">Join</th><th scope="col" class="num">Wait</th><th scope="col" class="num">Decline</th></tr></thead>',
    '<tbody>',
  );
  for (const stage of funnel.stages) {
    const cells = VERDICTS.map((v) => `<td class="num"><span class="label">${v}: </span>${formatNumber(stage.by_verdict[v].count)} · ${h(formatMoney(stage.by_verdict[v].potential_value, funnel.currency))}</td>`);
    push(
      `<tr><th scope="row">${h(stage.stage)}</th><td class="num"><span class="label">deals: </span>${formatNumber(stage.count)}</td>` +
        `<td class="num"><span class="label">potential: </span>${h(formatMoney(stage.potential_value, funnel.currency))}</td>${cells.join('')}</tr>`,
    );
  }
  push('</tbody></table></div>');
  if (funnel.other_currency > 0) push(`<p class="muted">${h(`${plural(funnel.other_currency, 'open deal')} in another currency are counted, their value not added.`)}</p>`);
  push('</section>');

  // Problems.
  if (review.problems.length > 0) {
    push(
      '<section aria-labelledby="problems">',
      `<h2 id="problems">${h(`${TITLES.problems}: ${plural(review.summary.errors, 'error')}, ${plural(review.summary.warnings, 'warning')}`)}</h2>`,
      '<div class="table"><table class="stack">',
      '<thead><tr><th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Problem</th><th scope="col">Rule</th></tr></thead>',
      '<tbody>',
    );
    for (const p of review.problems) {
      push(`<tr><th scope="row">${h(`${p.file}:${p.line}:${p.column}`)}</th><td class="nowrap${p.severity === 'error' ? ' warn' : ''}">${p.severity}</td><td>${h(p.message)}</td><td><code>${h(p.rule)}</code></td></tr>`);
    }
    push('</tbody></table></div>', '</section>');
  }
  push('<p class="muted">Made by deal-triage review.</p>', '</main>', '</body>', '</html>');
  return `${parts.join('\n')}\n`;
}

/** The funnel as a horizontal stacked bar per stage, scaled to the largest stage; an image with a text alternative. */
function funnelSvg(review: Review): string {
  const { funnel } = review;
  const width = 480;
  const label = 110;
  const barArea = width - label - 10;
  const rowHeight = 34;
  const height = funnel.stages.length * rowHeight + 10;
  const largest = Math.max(0, ...funnel.stages.map((stage) => stage.potential_value));
  const summary = funnel.stages.map((stage) => `${stage.stage}: ${plural(stage.count, 'deal')}, ${formatMoney(stage.potential_value, funnel.currency)}`).join('; ');
  const rows: string[] = [];
  funnel.stages.forEach((stage, i) => {
    const y = 5 + i * rowHeight;
    rows.push(`<text x="0" y="${y + 20}" font-size="15" fill="#1f2328">${h(stage.stage)}</text>`);
    let x = label;
    for (const verdict of VERDICTS) {
      const w = largest === 0 ? 0 : Math.round((stage.by_verdict[verdict].potential_value / largest) * barArea * 10) / 10;
      if (w > 0) rows.push(`<rect x="${x}" y="${y + 4}" width="${w}" height="22" fill="${VERDICT_FILL[verdict]}"><title>${h(`${stage.stage}, ${verdict}: ${plural(stage.by_verdict[verdict].count, 'deal')}, ${formatMoney(stage.by_verdict[verdict].potential_value, funnel.currency)}`)}</title></rect>`);
      x += w;
    }
    if (stage.count === 0) rows.push(`<text x="${label}" y="${y + 20}" font-size="13" fill="#57606a">no deals</text>`);
  });
  return [
    '<figure>',
    `<svg role="img" aria-labelledby="funnel-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="funnel-title">${h(`Potential value of open deals by stage (${funnel.currency}), split by verdict: ${summary}`)}</title>`,
    ...rows,
    '</svg>',
    '</figure>',
  ].join('\n');
}
