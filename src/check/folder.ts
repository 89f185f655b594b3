// The folder-wide rules of `check` (PRODUCT.md §8), pure: they compare the valid deals of a folder
// with one another. A registry of `{id, severity, description, check}`, as Spectral's rules call
// small tested functions: the data (id, default severity, description) is the policy's
// (src/policy/folder-rules.ts, where the config can change it), the check is code, here, and
// `satisfies` makes every declared folder rule have one.

import { formatMoney } from '../engine/values.js';
import { problem } from '../load/problem.js';
import type { Problem } from '../load/problem.js';
import { FOLDER_RULES } from '../policy/folder-rules.js';
import type { FolderRuleId, FolderRuleSpec } from '../policy/folder-rules.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { DealSummary, FileReport } from './file.js';

/** A valid deal of the folder: its file's report, whose summary the rules read (never copied: a folder can hold 100,000). */
type Deal = FileReport & { deal: DealSummary };

/**
 * How many other deals a message names before it counts the rest: 4,000 files sharing an id
 * made 4,000 messages of 4,000 names each (300 MB).
 */
export const MAX_NAMED_DEALS = 5;

/** A folder rule's check: the folder's valid deals in, its problems (at the severity set) out. */
export type FolderCheck = (deals: readonly Deal[], severity: Problem['severity'], config: ResolvedConfig) => Problem[];

const CHECKS = {
  'duplicate-id': (deals, severity) => duplicateIds(deals, severity),
  'over-capacity': (deals, severity, config) => overCapacity(deals, config.policy.ceo_capacity, severity),
} satisfies Record<FolderRuleId, FolderCheck>;

export interface FolderRule extends FolderRuleSpec {
  id: FolderRuleId;
  check: FolderCheck;
}

/** Every folder rule, in the policy's order. */
export const FOLDER_RULE_REGISTRY: readonly FolderRule[] = FOLDER_RULES.map((spec) => ({ ...spec, check: CHECKS[spec.id] }));

export function folderProblems(reports: readonly FileReport[], config: ResolvedConfig): Problem[] {
  const deals: Deal[] = [];
  for (const report of reports) if (report.deal) deals.push(report as Deal);
  return FOLDER_RULE_REGISTRY.flatMap((rule) => {
    const setting = config.folderRules[rule.id];
    return setting.enabled ? rule.check(deals, setting.severity, config) : [];
  });
}

/** Each file of a shared id is reported at its `id` value, naming the other files. */
function duplicateIds(deals: readonly Deal[], severity: Problem['severity']): Problem[] {
  // Counted first, so only the ids used twice get a group (not 100,000 groups of one).
  const uses = new Map<string, number>();
  for (const { deal } of deals) uses.set(deal.id, (uses.get(deal.id) ?? 0) + 1);
  const byId = new Map<string, Deal[]>();
  for (const entry of deals) {
    if (uses.get(entry.deal.id)! < 2) continue;
    const group = byId.get(entry.deal.id);
    if (group) group.push(entry);
    else byId.set(entry.deal.id, [entry]);
  }
  const problems: Problem[] = [];
  for (const [id, group] of byId) {
    // The first few of the group name the others; a file among them skips itself.
    const named = group.slice(0, MAX_NAMED_DEALS + 1);
    for (const entry of group) {
      const others = named.filter((other) => other !== entry).slice(0, MAX_NAMED_DEALS).map((other) => `${other.file}:${other.deal.idAt.line}`);
      const text = listSome(others, group.length - 1, 'file');
      problems.push(problem(entry.file, entry.deal.idAt, 'duplicate-id', `the id "${id}" is also used by ${text}: each deal needs its own id`, severity));
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
    .filter((entry) => entry.deal.verdict === 'join')
    .sort((a, b) => b.deal.potentialValue - a.deal.potentialValue || compare(a.deal.id, b.deal.id) || compare(a.file, b.file));
  if (joins.length <= capacity) return [];
  // Deals are named by id; by id and file where a duplicate id would make the name ambiguous.
  const uses = new Map<string, number>();
  for (const { deal } of joins) uses.set(deal.id, (uses.get(deal.id) ?? 0) + 1);
  const kept = joins.slice(0, Math.min(capacity, MAX_NAMED_DEALS)).map(({ deal, file }) => (uses.get(deal.id)! > 1 ? `${deal.id} (${file})` : deal.id));
  const keptText =
    capacity === 0 ? 'the capacity is 0' : `the CEO's ${capacity === 1 ? 'deal is' : `${capacity} deals are`} ${listSome(kept, capacity, 'deal')}`;
  return joins.slice(capacity).map(({ deal, file }, i) =>
    problem(
      file,
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

/** The named items of `total`, and how many more there are. */
function listSome(named: readonly string[], total: number, noun: string): string {
  if (total <= named.length) return list(named);
  const more = total - named.length;
  return `${named.join(', ')} and ${more.toLocaleString('en-US')} more ${noun}${more === 1 ? '' : 's'}`;
}
