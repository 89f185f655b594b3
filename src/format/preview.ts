// What the questionnaire shows before saving: the verdict for the answers so far and, in a few
// lines, why. A formatter like the others, over the same triage result `triage` prints, so the
// preview and the triage printed after saving cannot disagree; it shows only the why, never the
// full brief. Deal text goes through the one sanitiser, as in every terminal format: a deal edited
// with `new --from` may hold any text.

import type { SectionId } from '../briefing/briefing.js';
import { safeLine as t } from './sanitize.js';
import { verdictColour } from './style.js';
import type { Style } from './style.js';
import type { FormatOptions, TriageResult } from './types.js';
import { noteText, overrideLine, SECTION_TITLES, signalOptionsIntro, VERDICT_WORDS } from './words.js';

type Triaged = Extract<TriageResult, { ok: true }>;

export function formatPreview(results: readonly TriageResult[], options: FormatOptions): string {
  return results
    .filter((r): r is Triaged => r.ok)
    .map((r) => renderOne(r, options.style))
    .join('');
}

/** The preview's lines for each section; the brief's own sections wait for the triage after saving. */
const BODIES = {
  override: ({ evaluation }, s) =>
    evaluation.override
      ? [
          `  ${s.bold(overrideLine(evaluation.override, evaluation.policyVerdict, t))}`,
          ...evaluation.reasons.map((r) => `    ${evaluation.policyVerdict === 'join' ? s.green('✓') : verdictColour(evaluation.policyVerdict, s)('✗')} ${t(r.message)} ${s.dim(r.rule)}`),
        ]
      : [],
  signals: ({ evaluation }, s) => evaluation.reasons.map((r) => `  ${s.green('✓')} ${t(r.message)} ${s.dim(r.rule)}`),
  roles: ({ evaluation }) => [`  ${SECTION_TITLES.roles}:`, ...evaluation.roles.map((r) => `    • ${t(r.message)}`)],
  glance: () => [],
  objective: () => [],
  history: () => [],
  stakeholders: () => [],
  issues: () => [],
  questions: () => [],
  asks: () => [],
  plan: () => [],
  next_meeting: () => [],
  why_not_yet: (result, s) => against(result, s),
  must_happen_first: (result) => changes(result, SECTION_TITLES.must_happen_first),
  strategic_signals: ({ evaluation }, s) =>
    evaluation.signals.length === 0 ? [] : [`  ${SECTION_TITLES.strategic_signals}:`, ...evaluation.signals.map((r) => `    ${s.green('✓')} ${t(r.message)} ${s.dim(r.rule)}`)],
  why_declined: (result, s) => against(result, s),
  would_change: (result) => changes(result, SECTION_TITLES.would_change),
  notes: ({ briefing }, s) => briefing.notes.map((note) => `  ${s.dim(`${SECTION_TITLES.notes}: ${noteText(note)}`)}`),
} satisfies Record<SectionId, (result: Triaged, s: Style) => string[]>;

function against(result: Triaged, s: Style): string[] {
  const colour = verdictColour(result.evaluation.verdict, s);
  return result.evaluation.reasons.map((r) => `  ${colour('✗')} ${t(r.message)} ${s.dim(r.rule)}`);
}

function changes({ evaluation }: Triaged, title: string): string[] {
  if (evaluation.changes.length === 0) return [];
  const lines = evaluation.changes.flatMap((c) => {
    const intro = c.signals && signalOptionsIntro(c.signals);
    return [`    • ${t(c.message)}`, ...(intro ? [`      ${intro}`, ...c.signals!.options.map((o) => `      ◦ ${t(o.message)}`)] : [])];
  });
  return [`  ${title}:`, ...lines];
}

function renderOne(result: Triaged, s: Style): string {
  const { deal, evaluation, briefing } = result;
  const words = VERDICT_WORDS[evaluation.verdict];
  const lines = ['', s.bold(s.cyan(`Before saving: ${t(deal.name)} (${deal.id})`)), `${s.bold(verdictColour(result.evaluation.verdict, s)(words.label))}  ${words.headline}`];
  for (const id of briefing.sections) lines.push(...BODIES[id](result, s));
  if (briefing.glance.ceo_requested && evaluation.verdict === 'decline') {
    // `check` fails a deal that asks for the CEO where the policy says no: say so while it is easy to change.
    lines.push(`  ${s.yellow('The CEO is requested, but the policy declines this deal: `deal-triage check` will report it.')}`);
  }
  lines.push('');
  return lines.join('\n');
}
