// The briefing as Markdown, to paste into a doc or a chat. Never coloured. Every piece of deal
// text and every file name goes through markdown-escape.ts: it shows as text, never as markup.

import type { Briefing } from '../briefing/briefing.js';
import { explainRule } from './explain.js';
import { markdownCode, markdownText } from './markdown-escape.js';
import type { FormatOptions, Formatter, TriageResult } from './types.js';

export const formatMarkdown: Formatter = (results, options) => {
  const blocks = results.filter((r): r is Extract<TriageResult, { ok: true }> => r.ok).map((r) => renderOne(r, options));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n---\n\n')}\n`;
};

const VERDICT = { join: 'Join', wait: 'Wait', decline: 'Decline' } as const;

function renderOne(result: Extract<TriageResult, { ok: true }>, options: FormatOptions): string {
  const { briefing: b, evaluation } = result;
  const e = markdownText;
  const code = markdownCode;
  const out: string[] = [];
  out.push(`# ${e(b.name)}`, '', `**Verdict: ${VERDICT[b.verdict]}.** ${b.headline} ${code(b.id)} · ${code(result.file)}`);

  if (b.verdict === 'join') {
    list(out, 'Why: the strategic signals', b.reasons.map((r) => `${e(r.message)} ${code(r.rule)}`));
    list(out, "The CEO's role", b.roles.map((r) => `${e(r.message)} ${code(r.role)}`));
    out.push('', '## At a glance', '', '| | |', '| --- | --- |', ...b.glance.map((row) => `| ${row.label} | ${e(row.value)} |`));
    renderBrief(out, b);
  } else {
    list(out, b.verdict === 'wait' ? 'Why not yet' : 'Why', b.reasons.map((r) => `${e(r.message)} ${code(r.rule)}`));
    list(out, b.verdict === 'wait' ? 'What must happen first' : 'What would change the verdict', b.changes.map((c) => e(c.message)));
  }
  if (b.notes.length > 0) list(out, 'Note', b.notes.map(e));
  if (options.explain) {
    out.push('', '## Explanation: every rule, in order', '');
    for (const trace of evaluation.trace) {
      for (const line of explainRule(trace, result.deal.value.currency)) {
        out.push(`${'  '.repeat(line.depth)}- ${line.depth === 0 ? `**${e(line.text)}**` : e(line.text)}`);
      }
    }
  }
  return out.join('\n');
}

function renderBrief(out: string[], b: Briefing): void {
  const e = markdownText;
  out.push('', '## Objective', '', b.objective ? e(b.objective) : '_None given._');
  list(out, 'History with the customer', b.history.map((h) => `${h.date}: ${e(h.event)}`));
  list(out, 'Stakeholders', b.stakeholders.map((p) => `**${e(p.name)}**${p.title ? `, ${e(p.title)}` : ''}${p.role ? ` (${p.role})` : ''}`));
  list(out, 'Open issues', b.issues.map(e));
  if (b.questions.length > 0) {
    out.push('', '## Questions to expect', '');
    b.questions.forEach((q, i) => {
      out.push(`${i + 1}. **${e(q.question)}**`, `   - ${q.answer ? `Suggested answer: ${e(q.answer)}` : '_No suggested answer yet._'}`);
    });
  }
  if (b.asks.length > 0) {
    out.push('', '## Asks and our position', '', '| Request | Our position | CEO | Rationale |', '| --- | --- | --- | --- |');
    for (const a of b.asks) {
      const ceo = [a.position === 'no' ? 'says no' : '', a.exception ? 'may grant an exception' : ''].filter(Boolean).join('; ');
      out.push(`| ${e(a.request)} | ${a.position} | ${ceo} | ${a.rationale ? e(a.rationale) : ''} |`);
    }
  }
  if (b.plan) out.push('', '## Plan', '', e(b.plan));
  out.push('', '## Next meeting', '', b.nextMeeting ? e(b.nextMeeting) : '_Not scheduled._');
}

function list(out: string[], title: string, items: string[]): void {
  if (items.length === 0) return;
  out.push('', `## ${title}`, '', ...items.map((item) => `- ${item}`));
}
