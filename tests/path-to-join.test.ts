// The whole path to a join (issue 12): for every deal file under fixtures/ that is a valid deal and
// not a join under the fixtures' config, doing everything its `changes` list asks, to a copy of the
// file, gives a join. Each need is applied as the head of sales would edit the deal file (more
// follow-on value for a potential value, more employees for a size ratio, the missing parts of the
// brief, paid days for unpaid ones); for too few signals, the first of the signals within reach, as
// many as are needed. A closed deal is final: nothing is listed, and it stays a decline.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Change, Need } from '../src/engine/types.js';
import { parseConfig } from '../src/load/config.js';
import type { ResolvedConfig } from '../src/policy/resolve.js';
import { triageText } from '../src/triage/text.js';
import type { TriageResult } from '../src/triage/triage.js';
import { AS_OF, ROOT } from './helpers/paths.js';

type Triaged = Extract<TriageResult, { ok: true }>;
type DealFile = Record<string, unknown> & {
  value: { amount: number };
  account: Record<string, unknown>;
  follow_on: Record<string, unknown>;
  custom_work?: { days?: number; compensated_days?: number };
  competition?: Record<string, unknown>;
};

const CONFIG_FILE = 'fixtures/deal-triage.config.yaml';
const config: ResolvedConfig = (() => {
  const loaded = parseConfig(readFileSync(path.join(ROOT, CONFIG_FILE), 'utf8'), CONFIG_FILE);
  if (!loaded.ok) throw new Error('the fixtures config must be valid');
  return loaded.value;
})();

/** Every .yaml under fixtures/ but the configs, as a path from the root. */
function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return yamlFiles(file);
      return entry.name.endsWith('.yaml') && !entry.name.endsWith('config.yaml') ? [file] : [];
    })
    .sort();
}

const triage = (text: string, file: string) => triageText(text, file, config, AS_OF);
const triaged = yamlFiles('fixtures')
  .map((file) => triage(readFileSync(path.join(ROOT, file), 'utf8'), file))
  .filter((result): result is Triaged => result.ok);
const notJoins = triaged.filter((result) => result.evaluation.verdict !== 'join');
const isClosed = (result: Triaged) => result.deal.stage === 'closed-won' || result.deal.stage === 'closed-lost';

/** The needs a change asks for: its own, and for too few signals, those of the first signals within reach. */
function needsOf(change: Change): Need[] {
  const own = change.needs.filter((need) => need.fact !== 'signal_count');
  const signals = change.signals ? change.signals.options.slice(0, change.signals.need).flatMap((option) => option.needs) : [];
  return [...own, ...signals];
}

const first = (value: Need['value']): unknown => (Array.isArray(value) ? (value as readonly string[])[0] : value);
const cents = (amount: number) => Math.round(amount * 100) / 100;

/** One need, applied to the deal file as the head of sales would. */
function apply(deal: DealFile, need: Need): void {
  const { fact, op, value } = need;
  const number = typeof value === 'number' ? (op === 'gt' ? value + 0.01 : op === 'lt' ? value - 0.01 : value) : NaN;
  switch (`${fact} ${op}`) {
    case 'potential_value gte':
    case 'potential_value gt': {
      const followOn = Number(deal.follow_on.value ?? 0);
      deal.follow_on.value = Math.max(followOn, cents(number - deal.value.amount));
      return;
    }
    case 'size_ratio gte':
    case 'size_ratio gt':
      deal.account.employees = Math.max(Number(deal.account.employees ?? 0), Math.ceil(number * config.company.employees!));
      return;
    case 'uncompensated_days lte':
    case 'uncompensated_days lt': {
      const work = (deal.custom_work ??= {});
      work.compensated_days = Math.max(work.compensated_days ?? 0, cents((work.days ?? 0) - number));
      return;
    }
    case 'brief_missing empty': {
      const missing = need.actual as string[];
      if (missing.includes('history')) deal.history = [{ date: '2026-11-20', event: 'Discovery call with the sponsor' }];
      if (missing.includes('stakeholders')) deal.stakeholders = [{ name: 'Jo Park', title: 'COO', role: 'economic-buyer' }];
      if (missing.includes('questions')) deal.questions = [{ question: 'Why you?', answer: 'Three references in their industry' }];
      if (missing.includes('objective')) deal.objective = 'A verbal commitment to the rollout';
      return;
    }
    case 'stage in':
    case 'stage eq':
      deal.stage = first(value);
      return;
    case 'follow_on.potential in':
    case 'follow_on.potential eq':
      deal.follow_on.potential = first(value);
      return;
    case 'competition.threat in':
    case 'competition.threat eq':
      deal.competition = { ...deal.competition, threat: first(value) };
      return;
    case 'strategic_logo eq':
      deal.strategic_logo = value;
      return;
    default:
      throw new Error(`the test cannot apply the need ${JSON.stringify(need)}: teach apply() how a deal file meets it`);
  }
}

describe('the path to a join', () => {
  it('is tried on the fixtures: some of every verdict, and every decline and wait rule but deal-closed among them', () => {
    expect(new Set(triaged.map((result) => result.evaluation.verdict))).toEqual(new Set(['join', 'wait', 'decline']));
    const listed = new Set(notJoins.flatMap((result) => result.evaluation.changes.map((change) => change.rule)));
    const blockers = config.rules.filter((rule) => (rule.effect === 'decline' || rule.effect === 'wait') && rule.id !== 'deal-closed');
    expect([...listed].sort()).toEqual(blockers.map((rule) => rule.id).sort());
  });

  it.each(notJoins.filter((result) => !isClosed(result)).map((result) => [result.file, result] as const))(
    '%s: doing every listed change gives a join',
    (_file, result) => {
      const { changes } = result.evaluation;
      expect(changes.length).toBeGreaterThan(0);
      // Every decline and every wait that fired is listed, declines first.
      const fired = result.evaluation.trace.filter((entry) => entry.fired && (entry.effect === 'decline' || entry.effect === 'wait'));
      expect(changes.map((change) => change.rule)).toEqual([
        ...fired.filter((entry) => entry.effect === 'decline').map((entry) => entry.rule),
        ...fired.filter((entry) => entry.effect === 'wait').map((entry) => entry.rule),
      ]);
      const deal = parse(readFileSync(path.join(ROOT, result.file), 'utf8')) as DealFile;
      for (const change of changes) for (const need of needsOf(change)) apply(deal, need);
      const after = triage(stringify(deal), result.file);
      if (!after.ok) throw new Error(`the edited deal is invalid: ${after.problems.map((p) => p.message).join('; ')}`);
      expect(after.evaluation.reasons.filter((reason) => reason.effect !== 'signal')).toEqual([]);
      expect(after.evaluation.verdict).toBe('join');
    },
  );

  it.each(notJoins.filter(isClosed).map((result) => [result.file, result] as const))('%s: a closed deal is final, nothing is listed', (_file, result) => {
    expect(result.evaluation.verdict).toBe('decline');
    expect(result.evaluation.reasons[0]!.rule).toBe('deal-closed');
    expect(result.evaluation.changes).toEqual([]);
  });
});
