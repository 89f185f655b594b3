// The terminal briefing: readable at a glance, coloured when the terminal allows. Deal text and
// the file name go through the sanitiser before any colour is added: folded to one line (`t`)
// where one line is shown, line breaks kept only in the objective and the plan (`para`).

import type { Briefing } from '../briefing/briefing.js';
import type { Verdict } from '../engine/types.js';
import { explainRule } from './explain.js';
import { safeChars, safeLines as para, safeLine as t } from './sanitize.js';
import type { Style } from './style.js';
import type { FormatOptions, Formatter, TriageResult } from './types.js';

const VERDICT_LABEL: Record<Verdict, string> = { join: 'JOIN', wait: 'WAIT', decline: 'DECLINE' };

export const formatText: Formatter = (results, options) => {
  const blocks = results.filter((r): r is Extract<TriageResult, { ok: true }> => r.ok).map((r) => renderOne(r, options));
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
};

function renderOne(result: Extract<TriageResult, { ok: true }>, options: FormatOptions): string {
  const { briefing: b, evaluation } = result;
  const s = options.style;
  const lines: string[] = [];
  const colour = b.verdict === 'join' ? s.green : b.verdict === 'wait' ? s.yellow : s.red;
  lines.push(`${s.bold(t(b.name))} ${s.dim(`(${t(b.id)}, ${safeChars(result.file)})`)}`);
  lines.push(`${s.bold(colour(VERDICT_LABEL[b.verdict]))}  ${b.headline}`);

  if (b.verdict === 'join') {
    section(lines, s, 'Why: the strategic signals', b.reasons.map((r) => `${s.green('✓')} ${t(r.message)} ${s.dim(t(r.rule))}`));
    section(lines, s, "The CEO's role", b.roles.map((r) => `• ${t(r.message)} ${s.dim(r.role)}`));
    section(lines, s, 'At a glance', table(b.glance, s));
    renderBrief(lines, b, s);
  } else {
    const title = b.verdict === 'wait' ? 'Why not yet' : 'Why';
    section(lines, s, title, b.reasons.map((r) => `${colour('✗')} ${t(r.message)} ${s.dim(t(r.rule))}`));
    const changeTitle = b.verdict === 'wait' ? 'What must happen first' : 'What would change the verdict';
    section(lines, s, changeTitle, b.changes.map((c) => `• ${t(c.message)}`));
  }
  if (b.notes.length > 0) section(lines, s, 'Note', b.notes.map(t));
  if (options.explain) {
    const explanation = evaluation.trace.flatMap((trace) => explainRule(trace, result.deal.value.currency));
    section(
      lines,
      s,
      'Explanation: every rule, in order',
      explanation.map((line) => {
        const text = '  '.repeat(line.depth) + t(line.text);
        return line.result === true ? text : s.dim(text);
      }),
    );
  }
  return lines.join('\n');
}

function renderBrief(lines: string[], b: Briefing, s: Style): void {
  section(lines, s, 'Objective', [b.objective ? para(b.objective) : s.dim('none given')]);
  section(lines, s, 'History with the customer', b.history.map((h) => `${h.date}  ${t(h.event)}`));
  section(
    lines,
    s,
    'Stakeholders',
    b.stakeholders.map((p) => [p.name, p.title].filter((text): text is string => Boolean(text)).map(t).join(', ') + (p.role ? s.dim(` (${p.role})`) : '')),
  );
  if (b.issues.length > 0) section(lines, s, 'Open issues', b.issues.map((issue) => `• ${t(issue)}`));
  section(
    lines,
    s,
    'Questions to expect',
    b.questions.flatMap((q) => [`Q: ${t(q.question)}`, `   A: ${q.answer ? t(q.answer) : s.dim('no suggested answer yet')}`]),
  );
  if (b.asks.length > 0) {
    section(
      lines,
      s,
      'Asks and our position',
      b.asks.map((a) => {
        const who = a.position === 'no' ? s.red('the CEO says no') : `our position: ${a.position}`;
        const exception = a.exception ? `; ${s.yellow("an exception only the CEO can grant")}` : '';
        const why = a.rationale ? s.dim(` (${t(a.rationale)})`) : '';
        return `• ${t(a.request)}: ${who}${exception}${why}`;
      }),
    );
  }
  if (b.plan) section(lines, s, 'Plan', [para(b.plan)]);
  section(lines, s, 'Next meeting', [b.nextMeeting ? t(b.nextMeeting) : s.dim('not scheduled (add next_meeting to the deal file)')]);
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
