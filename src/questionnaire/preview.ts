// What the questionnaire shows before saving: the verdict for the answers so far and, in a few
// lines, why — through the same evaluation and briefing `triage` uses, so the preview and the
// triage printed after saving cannot disagree. Pure: deal and config in, text out.

import { buildBriefing } from '../briefing/briefing.js';
import { evaluate } from '../engine/evaluate.js';
import type { Verdict } from '../engine/types.js';
import type { Style } from '../format/style.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { Deal } from '../schema/deal.js';

const LABEL: Record<Verdict, string> = { join: 'JOIN', wait: 'WAIT', decline: 'DECLINE' };

export function previewText(deal: Deal, config: ResolvedConfig, style: Style): string {
  const evaluation = evaluate(deal, config);
  const b = buildBriefing(deal, evaluation, config.company);
  const s = style;
  const colour = b.verdict === 'join' ? s.green : b.verdict === 'wait' ? s.yellow : s.red;
  const lines: string[] = ['', s.bold(s.cyan(`Before saving: ${b.name} (${b.id})`)), `${s.bold(colour(LABEL[b.verdict]))}  ${b.headline}`];

  if (b.verdict === 'join') {
    lines.push(...b.reasons.map((r) => `  ${s.green('✓')} ${r.message} ${s.dim(r.rule)}`));
    lines.push("  The CEO's role:", ...b.roles.map((r) => `    • ${r.message}`));
  } else {
    lines.push(...b.reasons.map((r) => `  ${colour('✗')} ${r.message} ${s.dim(r.rule)}`));
    if (b.changes.length > 0) {
      const title = b.verdict === 'wait' ? 'What must happen first' : 'What would change the verdict';
      lines.push(`  ${title}:`, ...b.changes.map((c) => `    • ${c.message}`));
    }
  }
  for (const note of b.notes) lines.push(`  ${s.dim(`Note: ${note}`)}`);
  if (deal.ceo.requested && b.verdict === 'decline') {
    // `check` fails a deal that asks for the CEO where the policy says no: say so while it is easy to change.
    lines.push(`  ${s.yellow('The CEO is requested, but the policy declines this deal: `deal-triage check` will report it.')}`);
  }
  lines.push('');
  return lines.join('\n');
}
