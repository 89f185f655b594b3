// The folder-wide rules of `check` (PRODUCT.md §8), pure: they compare the valid deals of a folder
// with one another. Their ids, default severities and descriptions are in
// src/policy/folder-rules.ts, where the config can change them.

import { formatMoney } from '../engine/values.js';
import { problem } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { DealSummary, FileReport } from './file.js';

type Deal = DealSummary & { file: string };

export function folderProblems(reports: readonly FileReport[], config: ResolvedConfig): Problem[] {
  const deals: Deal[] = reports.flatMap((report) => (report.deal ? [{ ...report.deal, file: report.file }] : []));
  const problems: Problem[] = [];
  const { folderRules } = config;
  if (folderRules['duplicate-id'].enabled) problems.push(...duplicateIds(deals, folderRules['duplicate-id'].severity));
  if (folderRules['over-capacity'].enabled) problems.push(...overCapacity(deals, config.policy.ceo_capacity, folderRules['over-capacity'].severity));
  return problems;
}

/** Each file of a shared id is reported at its `id` value, naming the other files. */
function duplicateIds(deals: readonly Deal[], severity: Problem['severity']): Problem[] {
  const byId = new Map<string, Deal[]>();
  for (const deal of deals) byId.set(deal.id, [...(byId.get(deal.id) ?? []), deal]);
  const problems: Problem[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const deal of group) {
      const others = group.filter((other) => other !== deal).map((other) => `${other.file}:${other.idAt.line}`);
      problems.push(
        problem(deal.file, deal.idAt, 'duplicate-id', `the id "${id}" is also used by ${list(others)}: each deal needs its own id`, severity),
      );
    }
  }
  return problems;
}

/**
 * More joins than the CEO can carry: rank the joins by potential value (largest first; ties by id,
 * then file, so the order never depends on the order files were read) and report the ones beyond
 * capacity, naming the deals that fit.
 */
function overCapacity(deals: readonly Deal[], capacity: number, severity: Problem['severity']): Problem[] {
  const joins = deals
    .filter((deal) => deal.verdict === 'join')
    .sort((a, b) => b.potentialValue - a.potentialValue || compare(a.id, b.id) || compare(a.file, b.file));
  if (joins.length <= capacity) return [];
  // Deals are named by id; by id and file where a duplicate id would make the name ambiguous.
  const shared = new Set(joins.map((deal) => deal.id).filter((id, i, ids) => ids.indexOf(id) !== i));
  const kept = joins.slice(0, capacity).map((deal) => (shared.has(deal.id) ? `${deal.id} (${deal.file})` : deal.id));
  const keptText = kept.length === 0 ? 'the capacity is 0' : `the CEO's ${kept.length === 1 ? 'deal is' : `${kept.length} deals are`} ${list(kept)}`;
  return joins.slice(capacity).map((deal, i) =>
    problem(
      deal.file,
      deal.ceoRequested ? deal.requestedAt : deal.idAt,
      'over-capacity',
      `${joins.length} deals get "join" but the CEO can carry ${capacity} (policy.ceo_capacity); by potential value ` +
        `(${formatMoney(deal.potentialValue, deal.currency)}) this one ranks ${capacity + i + 1} of ${joins.length}; ${keptText}`,
      severity,
    ),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
