// The briefing as Markdown, to paste into a doc or a chat. Never coloured. Every piece of deal
// text and every file name goes through markdown-escape.ts: it shows as text, never as markup.

import type { SectionId } from '../briefing/briefing.js';
import { explainRule } from './explain.js';
import { markdownCode as code, markdownText as e } from './markdown-escape.js';
import type { FormatOptions, TriageResult } from './types.js';
import { askPosition, COUNTERPART, EXPLANATION_TITLE, glanceRows, ISSUE_RESPONSE, nextMeetingText, noteText, overrideLine, POLICY_REASONS_TITLE, SECTION_TITLES, signalOptionsIntro, VERDICT_WORDS } from './words.js';

type Triaged = Extract<TriageResult, { ok: true }>;

export function formatMarkdown(results: readonly TriageResult[], options: FormatOptions): string {
  const blocks = results.filter((r): r is Triaged => r.ok).map((r) => renderOne(r, options));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n---\n\n')}\n`;
}

const bullets = (items: string[]) => items.map((item) => `- ${item}`);

/** Each section's Markdown under its heading; a section without lines is left out. */
const BODIES = {
  override: ({ evaluation }) =>
    evaluation.override
      ? [
          `**${overrideLine(evaluation.override, evaluation.policyVerdict, e)}**`,
          ...(evaluation.reasons.length > 0 ? ['', POLICY_REASONS_TITLE[evaluation.policyVerdict], ''] : []),
          ...bullets(evaluation.reasons.map((r) => `${e(r.message)} ${code(r.rule)}`)),
        ]
      : [],
  signals: ({ evaluation }) => bullets(evaluation.reasons.map((r) => `${e(r.message)} ${code(r.rule)}`)),
  roles: ({ evaluation }) => bullets(evaluation.roles.map((r) => `${e(r.message)} ${code(r.role)}`)),
  glance: ({ briefing }) => ['| | |', '| --- | --- |', ...glanceRows(briefing.glance).map((row) => `| ${row.label} | ${e(row.value)} |`)],
  objective: ({ briefing }) => [briefing.objective ? e(briefing.objective) : '_None given._'],
  history: ({ briefing }) => bullets(briefing.history.map((h) => `${h.date}: ${e(h.event)}`)),
  stakeholders: ({ briefing }) =>
    bullets(briefing.stakeholders.map((p) => `**${e(p.name)}**${p.title ? `, ${e(p.title)}` : ''}${p.role ? ` (${p.role})` : ''}${p.counterpart ? `, ${COUNTERPART}` : ''}`)),
  issues: ({ briefing }) => briefing.issues.flatMap((i) => [`- ${e(i.issue)}`, ...(i.response ? [`  - ${ISSUE_RESPONSE}: ${e(i.response)}`] : [])]),
  questions: ({ briefing }) =>
    briefing.questions.flatMap((q, i) => [`${i + 1}. **${e(q.question)}**`, `   - ${q.answer ? `Suggested answer: ${e(q.answer)}` : '_No suggested answer yet._'}`]),
  asks: ({ briefing }) =>
    bullets(
      briefing.asks.map((a) => {
        const { answer, exception } = askPosition(a);
        return `**${e(a.request)}**: ${e(answer)}${exception ? `; ${exception}` : ''}${a.rationale ? ` (${e(a.rationale)})` : ''}`;
      }),
    ),
  plan: ({ briefing }) => (briefing.plan ? [e(briefing.plan)] : []),
  next_meeting: ({ briefing }) => [briefing.next_meeting ? e(nextMeetingText(briefing.next_meeting)) : '_Not scheduled._'],
  why_not_yet: ({ evaluation }) => bullets(evaluation.reasons.map((r) => `${e(r.message)} ${code(r.rule)}`)),
  must_happen_first: (result) => changes(result),
  strategic_signals: ({ evaluation }) => bullets(evaluation.signals.map((r) => `${e(r.message)} ${code(r.rule)}`)),
  why_declined: ({ evaluation }) => bullets(evaluation.reasons.map((r) => `${e(r.message)} ${code(r.rule)}`)),
  would_change: (result) => changes(result),
  notes: ({ briefing }) => bullets(briefing.notes.map((note) => e(noteText(note)))),
} satisfies Record<SectionId, (result: Triaged) => string[]>;

/** Each change, and under one that counts the strategic signals, those within reach as a nested list. */
function changes({ evaluation }: Triaged): string[] {
  return evaluation.changes.flatMap((c) => {
    const intro = c.signals && signalOptionsIntro(c.signals);
    const options = intro ? [`  ${intro}`, ...c.signals!.options.map((o) => `  - ${e(o.message)}`)] : [];
    return [`- ${e(c.message)}`, ...options];
  });
}

function renderOne(result: Triaged, options: FormatOptions): string {
  const { briefing, evaluation, deal } = result;
  const words = VERDICT_WORDS[evaluation.verdict];
  const out: string[] = [`# ${e(deal.name)}`, '', `**Verdict: ${words.word}.** ${words.headline} ${code(deal.id)} · ${code(result.file)}`];
  for (const id of briefing.sections) {
    const body = BODIES[id](result);
    if (body.length > 0) out.push('', `## ${SECTION_TITLES[id]}`, '', ...body);
  }
  if (options.explain) {
    out.push('', `## ${EXPLANATION_TITLE}`, '');
    for (const trace of evaluation.trace) {
      for (const line of explainRule(trace, { deal: deal.value.currency, company: result.companyCurrency })) {
        out.push(`${'  '.repeat(line.depth)}- ${line.depth === 0 ? `**${e(line.text)}**` : e(line.text)}`);
      }
    }
  }
  return out.join('\n');
}
