// The terminal briefing: readable at a glance, coloured when the terminal allows. Deal text and
// the file name go through the sanitiser before any colour is added: folded to one line (`t`)
// where one line is shown, line breaks kept only in the objective and the plan (`para`).

import type { SectionId } from '../briefing/briefing.js';
import { explainRule } from './explain.js';
import { safeChars, safeLines as para, safeLine as t } from './sanitize.js';
import { verdictColour } from './style.js';
import type { Style } from './style.js';
import type { FormatOptions, TriageResult } from './types.js';
import { askPosition, COUNTERPART, EXPLANATION_TITLE, glanceRows, ISSUE_RESPONSE, nextMeetingText, noteText, overrideLine, POLICY_REASONS_TITLE, SECTION_TITLES, signalOptionsIntro, VERDICT_WORDS } from './words.js';

type Triaged = Extract<TriageResult, { ok: true }>;

export function formatText(results: readonly TriageResult[], options: FormatOptions): string {
  const blocks = results.filter((r): r is Triaged => r.ok).map((r) => renderOne(r, options));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** Each section's lines, before indenting; a section without lines is left out. */
const BODIES = {
  override: ({ evaluation }, s) => {
    if (!evaluation.override) return [];
    const mark = evaluation.policyVerdict === 'join' ? s.green('✓') : verdictColour(evaluation.policyVerdict, s)('✗');
    return [
      s.bold(overrideLine(evaluation.override, evaluation.policyVerdict, t)),
      ...(evaluation.reasons.length > 0 ? [POLICY_REASONS_TITLE[evaluation.policyVerdict]] : []),
      ...evaluation.reasons.map((r) => `  ${mark} ${t(r.message)} ${s.dim(t(r.rule))}`),
    ];
  },
  signals: ({ evaluation }, s) => evaluation.reasons.map((r) => `${s.green('✓')} ${t(r.message)} ${s.dim(t(r.rule))}`),
  roles: ({ evaluation }, s) => evaluation.roles.map((r) => `• ${t(r.message)} ${s.dim(r.role)}`),
  glance: ({ briefing }, s) => table(glanceRows(briefing.glance), s),
  objective: ({ briefing }, s) => [briefing.objective ? para(briefing.objective) : s.dim('none given')],
  history: ({ briefing }) => briefing.history.map((h) => `${h.date}  ${t(h.event)}`),
  stakeholders: ({ briefing }, s) =>
    briefing.stakeholders.map(
      (p) =>
        [p.name, p.title].filter((text): text is string => Boolean(text)).map(t).join(', ') +
        (p.role ? s.dim(` (${p.role})`) : '') +
        (p.counterpart ? `, ${s.bold(COUNTERPART)}` : ''),
    ),
  issues: ({ briefing }, s) =>
    briefing.issues.flatMap((i) => [`• ${t(i.issue)}`, ...(i.response ? [`  ${s.dim(`${ISSUE_RESPONSE}:`)} ${t(i.response)}`] : [])]),
  questions: ({ briefing }, s) =>
    briefing.questions.flatMap((q) => [`Q: ${t(q.question)}`, `   A: ${q.answer ? t(q.answer) : s.dim('no suggested answer yet')}`]),
  asks: ({ briefing }, s) =>
    briefing.asks.map((a) => {
      const { answer, exception } = askPosition(a);
      const who = a.position === 'no' ? s.red(t(answer)) : t(answer);
      const why = a.rationale ? s.dim(` (${t(a.rationale)})`) : '';
      return `• ${t(a.request)}: ${who}${exception ? `; ${s.yellow(exception)}` : ''}${why}`;
    }),
  plan: ({ briefing }) => (briefing.plan ? [para(briefing.plan)] : []),
  next_meeting: ({ briefing }, s) => [briefing.next_meeting ? t(nextMeetingText(briefing.next_meeting)) : s.dim('not scheduled (add next_meeting to the deal file)')],
  why_not_yet: (result, s) => against(result, s),
  must_happen_first: (result) => changes(result),
  strategic_signals: ({ evaluation }, s) => evaluation.signals.map((r) => `${s.green('✓')} ${t(r.message)} ${s.dim(t(r.rule))}`),
  why_declined: (result, s) => against(result, s),
  would_change: (result) => changes(result),
  notes: ({ briefing }) => briefing.notes.map((note) => t(noteText(note))),
} satisfies Record<SectionId, (result: Triaged, s: Style) => string[]>;

function against(result: Triaged, s: Style): string[] {
  const colour = verdictColour(result.evaluation.verdict, s);
  return result.evaluation.reasons.map((r) => `${colour('✗')} ${t(r.message)} ${s.dim(t(r.rule))}`);
}

/** Each change, and under one that counts the strategic signals, those within reach. */
function changes({ evaluation }: Triaged): string[] {
  return evaluation.changes.flatMap((c) => {
    const intro = c.signals && signalOptionsIntro(c.signals);
    const options = intro ? [`  ${intro}`, ...c.signals!.options.map((o) => `  ◦ ${t(o.message)}`)] : [];
    return [`• ${t(c.message)}`, ...options];
  });
}

function renderOne(result: Triaged, options: FormatOptions): string {
  const { briefing, evaluation, deal } = result;
  const s = options.style;
  const words = VERDICT_WORDS[evaluation.verdict];
  const lines: string[] = [];
  lines.push(`${s.bold(t(deal.name))} ${s.dim(`(${t(deal.id)}, ${safeChars(result.file)})`)}`);
  lines.push(`${s.bold(verdictColour(result.evaluation.verdict, s)(words.label))}  ${words.headline}`);
  for (const id of briefing.sections) section(lines, s, SECTION_TITLES[id], BODIES[id](result, s));
  if (options.explain) {
    const explanation = evaluation.trace.flatMap((trace) => explainRule(trace, { deal: deal.value.currency, company: result.companyCurrency }));
    section(
      lines,
      s,
      EXPLANATION_TITLE,
      explanation.map((line) => {
        const text = '  '.repeat(line.depth) + t(line.text);
        return line.result === true ? text : s.dim(text);
      }),
    );
  }
  return lines.join('\n');
}

/** A titled block; each line of its body indented, the lines of a multi-line paragraph too. */
function section(lines: string[], s: Style, title: string, body: string[]): void {
  if (body.length === 0) return;
  lines.push('', s.bold(s.cyan(title)), ...body.flatMap((text) => text.split('\n')).map((line) => `  ${line}`));
}

function table(rows: { label: string; value: string }[], s: Style): string[] {
  const width = Math.max(...rows.map((row) => row.label.length));
  return rows.map((row) => `${s.dim(row.label.padEnd(width))}  ${t(row.value)}`);
}
