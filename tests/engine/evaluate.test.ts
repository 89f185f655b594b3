import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { ConditionTrace } from '../../src/engine/types.js';
import { defaultConfig } from '../../src/load/config.js';
import type { ResolvedConfig } from '../../src/policy/resolve.js';
import { BUILT_IN_RULES } from '../../src/policy/built-in.js';
import { COMPANY_YAML, evaluateDeal, firedRules, loadConfig, makeDeal, traceOf } from './helpers.js';
import { AS_OF } from '../helpers/paths.js';

// The base deal (helpers.ts) is a join with exactly two signals, strategic-logo and
// competitive-threat; each row below changes one thing about it.

/** An `all` or `any` in the trace. */
type Branch = Extract<ConditionTrace, { children: ConditionTrace[] }>;

const POLICY_ORDER = [
  'deal-closed',
  'no-follow-on',
  'small-deal',
  'custom-work-burden',
  'not-strategic',
  'follow-on-unknown',
  'too-early',
  'brief-incomplete',
  'large-deal',
  'follow-on-likely',
  'prospect-much-larger',
  'strategic-logo',
  'competitive-threat',
  'close',
  'reassure',
  'say-no',
  'grant-exception',
  'commit',
  'ceo-requested-on-declined',
  'ceo-brief-incomplete',
  'ceo-requested-too-early',
  'close-date-passed',
  'next-meeting-past',
  'override-expired',
];

describe('the base deal', () => {
  it('is a join on exactly strategic-logo and competitive-threat, with only the commit role', () => {
    const evaluation = evaluateDeal();
    expect(evaluation.verdict).toBe('join');
    expect(evaluation.signals.map((s) => s.rule)).toEqual(['strategic-logo', 'competitive-threat']);
    expect(firedRules(evaluation)).toEqual(['strategic-logo', 'competitive-threat', 'commit']);
  });
});

describe('decline and wait rules of the default policy', () => {
  type Row = [rule: string, patch: Record<string, unknown>, fires: boolean];

  it.each<Row>([
    ['deal-closed', { stage: 'closed-won' }, true],
    ['deal-closed', { stage: 'closed-lost' }, true],
    ['deal-closed', { stage: 'negotiation' }, false],
    ['deal-closed', { stage: 'proposal' }, false],

    ['no-follow-on', { follow_on: { potential: 'none' } }, true],
    ['no-follow-on', { follow_on: { potential: 'possible' } }, false],
    ['no-follow-on', { follow_on: { potential: 'likely' } }, false],

    // Not assessed yet: a wait (the declines come first), not a decline.
    ['follow-on-unknown', { follow_on: { potential: 'unknown' } }, true],
    ['follow-on-unknown', { follow_on: { potential: 'possible' } }, false],
    ['follow-on-unknown', { follow_on: { potential: 'committed' } }, false],

    // small_deal_below is 100,000: "below" is strict, so exactly 100,000 is not small.
    ['small-deal', { value: { amount: 99_999 } }, true],
    ['small-deal', { value: { amount: 100_000 } }, false],
    ['small-deal', { value: { amount: 0 } }, true],
    // The follow-on counts towards the potential value.
    ['small-deal', { value: { amount: 60_000 }, follow_on: { potential: 'possible', value: 40_000 } }, false],
    ['small-deal', { value: { amount: 60_000 }, follow_on: { potential: 'possible', value: 39_999 } }, true],

    // max_uncompensated_custom_days is 10: "more than", so exactly 10 unpaid days is no burden.
    ['custom-work-burden', { custom_work: { days: 11 } }, true],
    ['custom-work-burden', { custom_work: { days: 10 } }, false],
    ['custom-work-burden', { custom_work: { days: 25, compensated_days: 15 } }, false],
    ['custom-work-burden', { custom_work: { days: 26, compensated_days: 15 } }, true],
    ['custom-work-burden', { custom_work: { days: 40, compensated_days: 40 } }, false],

    // Fewer than two signals: the base deal has two; dropping one leaves one.
    ['not-strategic', { strategic_logo: false }, true],
    ['not-strategic', { competition: { threat: 'low' } }, true],
    ['not-strategic', { strategic_logo: false, competition: undefined }, true],

    ['too-early', { stage: 'discovery' }, true],
    ['too-early', { stage: 'qualification' }, true],
    ['too-early', { stage: 'proposal' }, false],
    ['too-early', { stage: 'negotiation' }, false],

    ['brief-incomplete', { history: [] }, true],
    ['brief-incomplete', { stakeholders: [] }, true],
    ['brief-incomplete', { questions: [] }, true],
    ['brief-incomplete', { objective: undefined }, true],
    ['brief-incomplete', { issues: [], plan: undefined }, false],
  ])('%s with %j fires: %s', (rule, patch, fires) => {
    const evaluation = evaluateDeal(patch);
    expect(traceOf(evaluation, rule).fired).toBe(fires);
    const effect = BUILT_IN_RULES.find((r) => r.id === rule)!.effect;
    if (fires) {
      // Each row breaks only this rule, so it decides the verdict and is the first reason.
      expect(evaluation.verdict).toBe(effect);
      expect(evaluation.reasons[0]!.rule).toBe(rule);
      expect(evaluation.reasons.map((r) => r.rule)).toEqual([rule]);
    } else {
      expect(evaluation.verdict).toBe('join');
    }
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['deal-closed', { stage: 'closed-won' }, 'The deal is closed-won: nothing is left for the CEO to do.'],
    ['deal-closed', { stage: 'closed-lost' }, 'The deal is closed-lost: nothing is left for the CEO to do.'],
    ['no-follow-on', { follow_on: { potential: 'none' } }, 'There is no follow-on potential: a one-off sale is for the sales team.'],
    [
      'follow-on-unknown',
      { follow_on: { potential: 'unknown' } },
      'Nobody has assessed the follow-on potential yet: the head of sales must assess it before the CEO can be considered.',
    ],
    ['small-deal', { value: { amount: 99_999 } }, 'The potential value, $99,999, is below $100,000: a small sale.'],
    [
      'custom-work-burden',
      { custom_work: { days: 26, compensated_days: 15 } },
      '11 days of custom work are unpaid, more than the 10 allowed: too much uncompensated work.',
    ],
    ['not-strategic', { strategic_logo: false }, 'Strategic signals: 1 of the 2 needed (competitive-threat): the sales team handles it.'],
    [
      'not-strategic',
      { strategic_logo: false, competition: undefined },
      'Strategic signals: 0 of the 2 needed (none): the sales team handles it.',
    ],
    ['too-early', { stage: 'qualification' }, 'The deal is at qualification: bring the CEO in at one of these stages: proposal, negotiation.'],
    [
      'brief-incomplete',
      { stakeholders: [], objective: undefined },
      'The brief lacks stakeholders, objective: the head of sales briefs the CEO before the CEO joins.',
    ],
  ])('%s explains itself with the deal\'s values (%j)', (rule, patch, message) => {
    const evaluation = evaluateDeal(patch);
    expect(evaluation.reasons[0]).toEqual({ rule, effect: BUILT_IN_RULES.find((r) => r.id === rule)!.effect, message });
  });

  it.each<[potential: string, verdict: string, fired: string[]]>([
    ['none', 'decline', ['no-follow-on']],
    ['unknown', 'wait', ['follow-on-unknown']],
    ['possible', 'join', []],
  ])('a follow-on potential of %s: %s (%j)', (potential, verdict, fired) => {
    const evaluation = evaluateDeal({ follow_on: { potential } });
    expect(evaluation.verdict).toBe(verdict);
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(verdict === 'join' ? ['strategic-logo', 'competitive-threat'] : fired);
    expect(firedRules(evaluation).filter((rule) => rule === 'no-follow-on' || rule === 'follow-on-unknown')).toEqual(fired);
  });

  it('waits for the follow-on assessment only once no decline applies: a decline beats it', () => {
    const evaluation = evaluateDeal({ follow_on: { potential: 'unknown' }, value: { amount: 5_000 }, stage: 'discovery' });
    expect(evaluation.verdict).toBe('decline');
    expect(firedRules(evaluation)).toEqual(expect.arrayContaining(['small-deal', 'follow-on-unknown', 'too-early']));
  });

  it("formats the deal's money in its currency, the policy's thresholds in the company's (never converted)", () => {
    const evaluation = evaluateDeal({ value: { amount: 80_000, currency: 'EUR' } });
    expect(evaluation.reasons[0]!.message).toBe('The potential value, €80,000, is below $100,000: a small sale.');
    expect(evaluation.changes[0]!.message).toContain('at least $100,000, this sale and its follow-on together; it is €80,000');
  });
});

describe('strategic signals', () => {
  // The signal tests start from a deal with no signal at all; the company is 180 people, $30M.
  const noSignals = { strategic_logo: false, competition: undefined };
  const signalsOf = (patch: Record<string, unknown>) => evaluateDeal({ ...noSignals, ...patch }).signals.map((s) => s.rule);

  it('a deal with none of them has no signal', () => {
    expect(signalsOf({})).toEqual([]);
  });

  it.each<[rule: string, patch: Record<string, unknown>, fires: boolean]>([
    // strategic_value is 250,000: "at or above", so exactly 250,000 is large.
    ['large-deal', { value: { amount: 250_000 } }, true],
    ['large-deal', { value: { amount: 249_999 } }, false],
    ['large-deal', { value: { amount: 100_000 }, follow_on: { potential: 'possible', value: 150_000 } }, true],
    ['large-deal', { value: { amount: 100_000 }, follow_on: { potential: 'possible', value: 149_999 } }, false],

    ['follow-on-likely', { follow_on: { potential: 'likely' } }, true],
    ['follow-on-likely', { follow_on: { potential: 'committed' } }, true],
    ['follow-on-likely', { follow_on: { potential: 'possible' } }, false],
    ['follow-on-likely', { follow_on: { potential: 'none' } }, false],
    ['follow-on-likely', { follow_on: { potential: 'unknown' } }, false],

    // much_larger_ratio is 10: 1800 / 180 is exactly 10, which is much larger.
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 1800 } }, true],
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 1799 } }, false],
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 100, annual_revenue: 300_000_000 } }, true],
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 100, annual_revenue: 299_999_999 } }, false],
    // Unknown size is never much larger.
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: undefined } }, false],
    // Revenue in another currency is not compared.
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 100, annual_revenue: 1e10 }, value: { amount: 150_000, currency: 'EUR' } }, false],

    ['strategic-logo', { strategic_logo: true }, true],
    ['strategic-logo', { strategic_logo: false }, false],

    ['competitive-threat', { competition: { threat: 'high' } }, true],
    ['competitive-threat', { competition: { threat: 'medium' } }, false],
    ['competitive-threat', { competition: { threat: 'low' } }, false],
    ['competitive-threat', { competition: { threat: undefined, competitors: ['Globex'] } }, false],
  ])('%s with %j fires: %s', (rule, patch, fires) => {
    const signals = signalsOf(patch);
    expect(signals.includes(rule)).toBe(fires);
    // Each row sets up at most this one signal.
    expect(signals).toEqual(fires ? [rule] : []);
  });

  it('with no company profile (the built-in defaults), the size ratio is unknown and never a signal', () => {
    const evaluation = evaluate(makeDeal({ account: { name: 'Huge Corp', employees: 1_000_000, annual_revenue: 1e12 } }), defaultConfig(), AS_OF);
    expect(traceOf(evaluation, 'prospect-much-larger').fired).toBe(false);
    expect(traceOf(evaluation, 'prospect-much-larger').condition).toMatchObject({ actual: null, expected: 10, result: false });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['large-deal', { value: { amount: 250_000 } }, 'Large deal: the potential value, $250,000, is at least $250,000.'],
    ['follow-on-likely', { follow_on: { potential: 'committed' } }, 'Follow-on is committed.'],
    ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 2700 } }, 'The prospect is 15× our size (much larger from 10×).'],
    ['strategic-logo', { strategic_logo: true }, 'Acme Corp is a strategic logo: it opens a market or serves as a reference.'],
    ['competitive-threat', { competition: { threat: 'high', competitors: ['Globex', 'Initech'] } }, 'The competitive threat is high: a competitor could take the deal.'],
  ])('%s reads well (%j)', (rule, patch, message) => {
    expect(evaluateDeal({ ...noSignals, ...patch }).signals).toEqual([{ rule, effect: 'signal', message }]);
  });

  it('exactly two signals is strategic; one is not', () => {
    const two = evaluateDeal({ strategic_logo: false, competition: undefined, follow_on: { potential: 'likely' }, value: { amount: 250_000 } });
    expect(two.signals.map((s) => s.rule)).toEqual(['large-deal', 'follow-on-likely']);
    expect(traceOf(two, 'not-strategic').fired).toBe(false);
    expect(two.verdict).toBe('join');

    const one = evaluateDeal({ strategic_logo: false, competition: undefined, follow_on: { potential: 'likely' }, value: { amount: 249_999 } });
    expect(one.signals.map((s) => s.rule)).toEqual(['follow-on-likely']);
    expect(one.verdict).toBe('decline');
    expect(one.reasons.map((r) => r.rule)).toEqual(['not-strategic']);
  });

  it('the not-strategic condition compares the signal count with min_signals', () => {
    const evaluation = evaluateDeal({ strategic_logo: false });
    expect(traceOf(evaluation, 'not-strategic').condition).toEqual({
      kind: 'compare',
      result: true,
      fact: 'signal_count',
      op: 'lt',
      actual: 1,
      expected: 2,
      from: { param: 'min_signals' },
    });
  });
});

describe('verdict precedence', () => {
  it('any decline beats a wait, and the waits are not reasons', () => {
    const evaluation = evaluateDeal({ value: { amount: 50_000 }, stage: 'discovery', history: [] });
    expect(firedRules(evaluation)).toEqual(expect.arrayContaining(['small-deal', 'too-early', 'brief-incomplete']));
    expect(evaluation.verdict).toBe('decline');
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['small-deal']);
  });

  it('a decline listed last still beats a wait', () => {
    const evaluation = evaluateDeal({ strategic_logo: false, stage: 'qualification' });
    expect(evaluation.verdict).toBe('decline');
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['not-strategic']);
  });

  it('every decline that fired is a reason, the first listed in the policy first', () => {
    const evaluation = evaluateDeal({
      // not-strategic: only competitive-threat is left.
      strategic_logo: false,
      custom_work: { days: 20 },
      value: { amount: 50_000 },
      follow_on: { potential: 'none' },
    });
    expect(evaluation.verdict).toBe('decline');
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['no-follow-on', 'small-deal', 'custom-work-burden', 'not-strategic']);
  });

  it('a closed deal is declined as closed first, whatever else applies', () => {
    const evaluation = evaluateDeal({ stage: 'closed-lost', value: { amount: 1_000 } });
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['deal-closed', 'small-deal']);
  });

  it('with only waits, the verdict is wait and every wait is a reason, in order', () => {
    const evaluation = evaluateDeal({ stage: 'discovery', questions: [] });
    expect(evaluation.verdict).toBe('wait');
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['too-early', 'brief-incomplete']);
    expect(evaluation.reasons.every((r) => r.effect === 'wait')).toBe(true);
  });

  it("a join's reasons are its signals", () => {
    const evaluation = evaluateDeal({ follow_on: { potential: 'committed', value: 500_000 } });
    expect(evaluation.verdict).toBe('join');
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['large-deal', 'follow-on-likely', 'strategic-logo', 'competitive-threat']);
    expect(evaluation.reasons).toEqual(evaluation.signals);
  });

  it('keeps the signals on a decline too (for the explanation), but not as reasons', () => {
    const evaluation = evaluateDeal({ follow_on: { potential: 'none' } });
    expect(evaluation.signals.map((s) => s.rule)).toEqual(['strategic-logo', 'competitive-threat']);
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['no-follow-on']);
  });
});

describe("the CEO's roles", () => {
  const roleIds = (patch: Record<string, unknown>) => evaluateDeal(patch).roles.map((r) => r.role);

  it.each<[role: string, patch: Record<string, unknown>, present: boolean]>([
    ['close', { stage: 'negotiation' }, true],
    ['close', { stage: 'proposal' }, false],
    ['reassure', { account: { name: 'Acme Corp', employees: 1800 } }, true],
    ['reassure', { account: { name: 'Acme Corp', employees: 1799 } }, false],
    ['reassure', { issues: ['Worried we are too small'] }, true],
    ['reassure', { issues: [] }, false],
    ['say-no', { asks: [{ request: '90-day payment terms', position: 'no' }] }, true],
    ['say-no', { asks: [{ request: '90-day payment terms', position: 'trade' }] }, false],
    ['grant-exception', { asks: [{ request: 'Named engineer', position: 'trade', exception: true }] }, true],
    ['grant-exception', { asks: [{ request: 'Named engineer', position: 'trade', exception: false }] }, false],
    ['grant-exception', { asks: [{ request: 'Named engineer', position: 'no' }] }, false],
    ['commit', {}, true],
    ['commit', { stage: 'negotiation', issues: ['x'] }, true],
  ])('%s with %j: %s', (role, patch, present) => {
    expect(evaluateDeal(patch).verdict).toBe('join');
    expect(roleIds(patch).includes(role)).toBe(present);
  });

  it('on a full join, every role in policy order, each with its items', () => {
    const evaluation = evaluateDeal({
      stage: 'negotiation',
      account: { name: 'Acme Corp', employees: 12_000 },
      issues: ['Worried we are too small to support five plants'],
      asks: [
        { request: '90-day payment terms', position: 'no', rationale: 'Net-30 is our standard' },
        { request: 'Named support engineer for year one', position: 'trade', exception: true },
        { request: 'Free onboarding', position: 'yes' },
        { request: 'Unlimited liability', position: 'no', exception: true },
      ],
    });
    expect(evaluation.verdict).toBe('join');
    expect(evaluation.roles.map((r) => [r.role, r.items])).toEqual([
      ['close', []],
      ['reassure', ['Worried we are too small to support five plants']],
      ['say-no', ['90-day payment terms', 'Unlimited liability']],
      ['grant-exception', ['Named support engineer for year one', 'Unlimited liability']],
      ['commit', []],
    ]);
    const messages = Object.fromEntries(evaluation.roles.map((r) => [r.role, r.message]));
    expect(messages['say-no']).toBe('Say no to: 90-day payment terms, Unlimited liability.');
    expect(messages['grant-exception']).toBe(
      'Decide the exceptions only the CEO can grant: Named support engineer for year one, Unlimited liability.',
    );
    expect(messages.commit).toBe(
      'Commit: show Acme Corp that we are committed to their success, starting with the objective: Verbal commitment to the rollout.',
    );
    expect(messages.reassure).toBe(
      'Reassure Acme Corp that a company our size can serve them (they are 66.7× our size), and on the open issues: Worried we are too small to support five plants.',
    );
  });

  // The message says why the role applies: the prospect's size, the open issues, or both.
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['much larger only', { account: { name: 'Acme Corp', employees: 1800 } }, 'Reassure Acme Corp that a company our size can serve them (they are 10× our size).'],
    ['open issues only', { issues: ['Data residency', { issue: 'SSO', response: 'We ship it in March' }] }, 'Reassure Acme Corp on the open issues: Data residency, SSO.'],
    [
      'both',
      { account: { name: 'Acme Corp', employees: 12_000 }, issues: ['Data residency'] },
      'Reassure Acme Corp that a company our size can serve them (they are 66.7× our size), and on the open issues: Data residency.',
    ],
    ['neither: 9.9× our size, no issues', { account: { name: 'Acme Corp', employees: 1782 } }, undefined],
  ])('reassure, %s', (_case, patch, message) => {
    const roles = evaluateDeal(patch).roles;
    expect(roles.find((r) => r.role === 'reassure')?.message).toBe(message);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['with an objective', {}, 'Commit: show Acme Corp that we are committed to their success, starting with the objective: Verbal commitment to the rollout.'],
    ['without one (a join needs it, so the brief-incomplete rule is off)', { objective: undefined }, 'Commit: show Acme Corp that we are committed to their success.'],
  ])('commit names the account, and the objective where given: %s', (_case, patch, message) => {
    const config = loadConfig(`${COMPANY_YAML}rules:\n  - { id: brief-incomplete, enabled: false }\n`);
    const roles = evaluateDeal(patch, config).roles;
    expect(roles.find((r) => r.role === 'commit')?.message).toBe(message);
  });

  it.each<[string, Record<string, unknown>]>([
    ['wait', { stage: 'negotiation', objective: undefined, asks: [{ request: 'Net-90', position: 'no' }], issues: ['x'] }],
    ['decline', { stage: 'negotiation', follow_on: { potential: 'none' }, asks: [{ request: 'Net-90', position: 'no', exception: true }] }],
  ])('has no roles on a %s, though the role rules are still traced', (verdict, patch) => {
    const evaluation = evaluateDeal(patch);
    expect(evaluation.verdict).toBe(verdict);
    expect(evaluation.roles).toEqual([]);
    expect(traceOf(evaluation, 'close').fired).toBe(true);
    expect(traceOf(evaluation, 'say-no').fired).toBe(true);
    expect(traceOf(evaluation, 'commit').fired).toBe(true);
  });
});

describe('the path to a join (changes)', () => {
  const rulesOf = (patch: Record<string, unknown>) => evaluateDeal(patch).changes.map((c) => c.rule);

  it.each<[name: string, patch: Record<string, unknown>, rules: string[]]>([
    ['a join', {}, []],
    ['one decline', { value: { amount: 80_000 } }, ['small-deal']],
    ['one wait', { stage: 'discovery' }, ['too-early']],
    ['a decline, then the wait behind it', { value: { amount: 80_000 }, stage: 'qualification' }, ['small-deal', 'too-early']],
    ['a decline on signals, then an incomplete brief', { strategic_logo: false, objective: undefined }, ['not-strategic', 'brief-incomplete']],
    [
      'every decline in policy order, then every wait',
      { follow_on: { potential: 'none' }, custom_work: { days: 30, compensated_days: 5 }, stage: 'discovery', history: [] },
      ['no-follow-on', 'custom-work-burden', 'too-early', 'brief-incomplete'],
    ],
    ['a follow-on not assessed, first of the waits', { follow_on: { potential: 'unknown' }, stage: 'discovery', questions: [] }, ['follow-on-unknown', 'too-early', 'brief-incomplete']],
    ['a decline and a follow-on not assessed', { follow_on: { potential: 'unknown' }, value: { amount: 5_000 } }, ['small-deal', 'follow-on-unknown']],
    // deal-closed has no change text: the verdict is final, whatever else fired.
    ['a closed deal', { stage: 'closed-won', value: { amount: 5_000 }, objective: undefined }, []],
  ])('%s: %j', (_name, patch, rules) => {
    expect(rulesOf(patch)).toEqual(rules);
  });

  it("says each change as a sentence, with the deal's values, and what it needs as the rules test it", () => {
    const evaluation = evaluateDeal({
      follow_on: { potential: 'none' },
      value: { amount: 80_000 },
      custom_work: { days: 30, compensated_days: 5 },
      stage: 'qualification',
      history: [],
      objective: undefined,
    });
    expect(evaluation.changes).toEqual([
      {
        rule: 'no-follow-on',
        effect: 'decline',
        message: 'Find more business to follow this sale: the CEO joins only when a follow-on is at least possible.',
        // Not `ne none`: unknown would wait for an assessment, so it is left out.
        needs: [{ fact: 'follow_on.potential', op: 'in', value: ['possible', 'likely', 'committed'], actual: 'none' }],
      },
      {
        rule: 'small-deal',
        effect: 'decline',
        message: 'Grow the deal to a potential value of at least $100,000, this sale and its follow-on together; it is $80,000.',
        needs: [{ fact: 'potential_value', op: 'gte', value: 100_000, actual: 80_000 }],
      },
      {
        rule: 'custom-work-burden',
        effect: 'decline',
        message: 'Cut the unpaid custom work to 10 days or fewer, by doing less of it or having the customer pay for more; 25 days are unpaid.',
        needs: [{ fact: 'uncompensated_days', op: 'lte', value: 10, actual: 25 }],
      },
      {
        rule: 'too-early',
        effect: 'wait',
        message: 'Move the deal on to a stage where the CEO comes in (proposal, negotiation); it is at qualification.',
        needs: [{ fact: 'stage', op: 'in', value: ['proposal', 'negotiation'], actual: 'qualification' }],
      },
      {
        rule: 'brief-incomplete',
        effect: 'wait',
        message: "Complete the CEO's brief by adding what it lacks: history, objective.",
        needs: [{ fact: 'brief_missing', op: 'empty', actual: ['history', 'objective'] }],
      },
    ]);
  });

  it('asks for the follow-on to be assessed, to a value that neither declines nor waits', () => {
    expect(evaluateDeal({ follow_on: { potential: 'unknown' } }).changes).toEqual([
      {
        rule: 'follow-on-unknown',
        effect: 'wait',
        message: 'Assess the follow-on potential: the CEO can join only if more business can follow this sale (possible, likely or committed).',
        needs: [{ fact: 'follow_on.potential', op: 'in', value: ['possible', 'likely', 'committed'], actual: 'unknown' }],
      },
    ]);
  });

  describe('for too few strategic signals: the signals within reach', () => {
    // No signal at all to start from; each row sets up the facts one signal reads.
    const noSignals = { strategic_logo: false, competition: undefined };
    const options = (patch: Record<string, unknown>, config?: ResolvedConfig) => {
      const change = evaluateDeal({ ...noSignals, ...patch }, config).changes.find((c) => c.rule === 'not-strategic');
      return change?.signals;
    };
    const optionOf = (patch: Record<string, unknown>, rule: string) => options(patch)!.options.find((o) => o.rule === rule);

    it.each<[rule: string, patch: Record<string, unknown>, message: string]>([
      ['large-deal', {}, 'The potential value is $150,000; $250,000 or more would count.'],
      ['large-deal', { value: { amount: 150_000, currency: 'EUR' } }, 'The potential value is €150,000; $250,000 or more would count.'],
      ['follow-on-likely', {}, 'The follow-on is possible; likely or committed would count.'],
      ['follow-on-likely', { follow_on: { potential: 'unknown' } }, 'The follow-on is not assessed yet; likely or committed would count.'],
      ['prospect-much-larger', {}, 'The prospect is 5× our size; 10× or more would count.'],
      ['prospect-much-larger', { account: { name: 'Acme Corp', employees: 1_199 } }, 'The prospect is 6.7× our size; 10× or more would count.'],
      ['prospect-much-larger', { account: { name: 'Acme Corp', employees: undefined } }, "The prospect's size is not recorded; 10× ours or more would count."],
      ['strategic-logo', {}, 'The account is not marked as a strategic logo; a name that opens a market or serves as a reference would count.'],
      ['competitive-threat', {}, 'The competitive threat is not recorded; high would count.'],
      ['competitive-threat', { competition: { threat: 'medium' } }, 'The competitive threat is medium; high would count.'],
    ])('%s with %j: %s', (rule, patch, message) => {
      expect(optionOf(patch, rule)?.message).toBe(message);
    });

    it.each<[rule: string, patch: Record<string, unknown>, need: Record<string, unknown>]>([
      ['large-deal', {}, { fact: 'potential_value', op: 'gte', value: 250_000, actual: 150_000 }],
      ['follow-on-likely', {}, { fact: 'follow_on.potential', op: 'in', value: ['likely', 'committed'], actual: 'possible' }],
      ['prospect-much-larger', { account: { name: 'Acme Corp', employees: undefined } }, { fact: 'size_ratio', op: 'gte', value: 10, actual: null }],
      ['strategic-logo', {}, { fact: 'strategic_logo', op: 'eq', value: true, actual: false }],
      ['competitive-threat', { competition: { threat: 'low' } }, { fact: 'competition.threat', op: 'eq', value: 'high', actual: 'low' }],
    ])('%s with %j needs %j', (rule, patch, need) => {
      expect(optionOf(patch, rule)?.needs).toEqual([need]);
    });

    it.each<[name: string, patch: Record<string, unknown>, need: number, rules: string[]]>([
      ['none of them', {}, 2, ['large-deal', 'follow-on-likely', 'prospect-much-larger', 'strategic-logo', 'competitive-threat']],
      ['one of them', { strategic_logo: true }, 1, ['large-deal', 'follow-on-likely', 'prospect-much-larger', 'competitive-threat']],
      ['one other', { follow_on: { potential: 'committed' } }, 1, ['large-deal', 'prospect-much-larger', 'strategic-logo', 'competitive-threat']],
    ])('with %s, counts how many more are needed and offers only the signals it lacks, in policy order', (_name, patch, need, rules) => {
      const signals = options(patch)!;
      expect(signals.need).toBe(need);
      expect(signals.options.map((o) => o.rule)).toEqual(rules);
    });

    it('counts from min_signals when it is changed', () => {
      const config = loadConfig(COMPANY_YAML + 'rules:\n  - id: not-strategic\n    params: { min_signals: 4 }\n');
      expect(options({ strategic_logo: true }, config)?.need).toBe(3);
    });

    it('is not given for a change that does not count the signals', () => {
      expect(evaluateDeal({ value: { amount: 80_000 } }).changes[0]).not.toHaveProperty('signals');
    });
  });

  describe("a rule of one's own: its needs come from its condition, where the language can turn it around", () => {
    const withRule = (when: string) =>
      loadConfig(`${COMPANY_YAML}rules:\n  - id: mine\n    effect: decline\n    when: ${when}\n    message: "Mine."\n    change: "Change mine."\n`);
    const gambling = { account: { name: 'Lucky Casinos', employees: 900, industry: 'Gambling' } };

    it.each<[name: string, when: string, needs: unknown[]]>([
      ['a comparison turned around', '{ fact: account.industry, op: eq, value: Gambling }', [{ fact: 'account.industry', op: 'ne', value: 'Gambling', actual: 'Gambling' }]],
      [
        'an any: every branch that holds, turned around',
        '{ any: [{ fact: account.industry, op: eq, value: Gambling }, { fact: value.amount, op: lt, value: 200000 }, { fact: value.amount, op: gt, value: 900000 }] }',
        [
          { fact: 'account.industry', op: 'ne', value: 'Gambling', actual: 'Gambling' },
          { fact: 'value.amount', op: 'gte', value: 200_000, actual: 150_000 },
        ],
      ],
      [
        'an all: one branch turned around (the first)',
        '{ all: [{ fact: account.industry, op: eq, value: Gambling }, { fact: value.amount, op: gte, value: 100000 }] }',
        [{ fact: 'account.industry', op: 'ne', value: 'Gambling', actual: 'Gambling' }],
      ],
      ['a not: what it negates, made to hold', '{ not: { fact: strategic_logo, op: eq, value: false } }', [{ fact: 'strategic_logo', op: 'eq', value: false, actual: true }]],
      ['a parameter, by its value', '{ fact: value.amount, op: gt, value: { param: small_deal_below } }', [{ fact: 'value.amount', op: 'lte', value: 100_000, actual: 150_000 }]],
      [
        'a field with a fixed list of values: the values that meet it, but for one another rule would decline (closed-won)',
        '{ fact: stage, op: not_in, value: [negotiation, closed-won] }',
        [{ fact: 'stage', op: 'in', value: ['negotiation'], actual: 'proposal' }],
      ],
      ['a test the language cannot turn around: none, the message alone', '{ fact: competition.competitors, op: contains, value: Globex }', []],
    ])('%s', (_name, when, needs) => {
      const evaluation = evaluate(makeDeal(gambling), withRule(when), AS_OF);
      expect(evaluation.changes.find((c) => c.rule === 'mine')).toEqual({ rule: 'mine', effect: 'decline', message: 'Change mine.', needs });
    });
  });
});

describe('the trace (the explanation)', () => {
  it('has one entry per rule, in policy order, each with whether it fired', () => {
    const evaluation = evaluateDeal({ value: { amount: 80_000 }, stage: 'negotiation' });
    expect(evaluation.trace.map((t) => t.rule)).toEqual(POLICY_ORDER);
    expect(evaluation.trace.map((t) => t.rule)).toEqual(BUILT_IN_RULES.map((r) => r.id));
    expect(evaluation.trace.every((t) => t.enabled && t.origin === 'built-in')).toBe(true);
    expect(firedRules(evaluation)).toEqual(['small-deal', 'strategic-logo', 'competitive-threat', 'close', 'commit']);
  });

  it('keeps the message of a rule that fired, and none for one that did not', () => {
    const evaluation = evaluateDeal({ value: { amount: 80_000 } });
    expect(traceOf(evaluation, 'small-deal').message).toBe('The potential value, $80,000, is below $100,000: a small sale.');
    expect(traceOf(evaluation, 'no-follow-on')).not.toHaveProperty('message');
  });

  it('shows for a comparison with a parameter the actual value, the operator, the expected value and where it came from', () => {
    const evaluation = evaluateDeal({ value: { amount: 80_000 } });
    expect(traceOf(evaluation, 'small-deal').condition).toEqual({
      kind: 'compare',
      result: true,
      fact: 'potential_value',
      op: 'lt',
      actual: 80_000,
      expected: 100_000,
      from: { param: 'small_deal_below' },
    });
    expect(traceOf(evaluation, 'custom-work-burden').condition).toEqual({
      kind: 'compare',
      result: false,
      fact: 'uncompensated_days',
      op: 'gt',
      actual: 0,
      expected: 10,
      from: { param: 'max_uncompensated_custom_days' },
    });
    expect(traceOf(evaluation, 'too-early').condition).toEqual({
      kind: 'compare',
      result: false,
      fact: 'stage',
      op: 'not_in',
      actual: 'proposal',
      expected: ['proposal', 'negotiation'],
      from: { param: 'join_stages' },
    });
  });

  it('gives a literal expected value without a "from"', () => {
    const condition = traceOf(evaluateDeal(), 'no-follow-on').condition;
    expect(condition).toEqual({ kind: 'compare', result: false, fact: 'follow_on.potential', op: 'eq', actual: 'possible', expected: 'none' });
    expect(condition).not.toHaveProperty('from');
  });

  it('gives no expected value for an operator without one', () => {
    const condition = traceOf(evaluateDeal({ history: [] }), 'brief-incomplete').condition;
    expect(condition).toEqual({ kind: 'compare', result: true, fact: 'brief_missing', op: 'not_empty', actual: ['history'] });
  });

  it('has no condition for a rule that always applies', () => {
    expect(traceOf(evaluateDeal(), 'commit')).toMatchObject({ fired: true, condition: null });
  });

  it('marks the rest of an `any` as not evaluated once one child is true', () => {
    const condition = traceOf(evaluateDeal({ account: { name: 'Acme Corp', employees: 1800 }, issues: ['x'] }), 'reassure')
      .condition as Branch;
    expect(condition.kind).toBe('any');
    expect(condition.result).toBe(true);
    expect(condition.children[0]).toMatchObject({ result: true, fact: 'prospect_much_larger', actual: true, expected: true });
    // open_issues would be true too, but it is never looked at.
    expect(condition.children[1]).toMatchObject({ result: 'not-evaluated', fact: 'open_issues', op: 'not_empty' });
  });

  it('evaluates every child of an `any` while none is true', () => {
    const condition = traceOf(evaluateDeal({ issues: ['x'] }), 'reassure').condition as Branch;
    expect(condition.children.map((c) => c.result)).toEqual([false, true]);
    expect(condition.children[0]).toMatchObject({ fact: 'prospect_much_larger', actual: false });
    expect(condition.children[1]).toMatchObject({ fact: 'open_issues', actual: ['x'] });

    const neither = traceOf(evaluateDeal(), 'reassure');
    expect(neither.fired).toBe(false);
    expect((neither.condition as Branch).children.map((c) => c.result)).toEqual([false, false]);
  });

  it('marks the rest of an `all` as not evaluated once one child is false, nested children included', () => {
    const config = loadConfig(`${COMPANY_YAML}rules:
  - id: early-big-deal
    effect: wait
    message: An early big deal.
    when:
      all:
        - { fact: stage, op: eq, value: discovery }
        - any:
            - { fact: value.amount, op: gt, value: 0 }
            - not: { fact: strategic_logo, op: eq, value: true }
`);
    const evaluation = evaluate(makeDeal({ stage: 'proposal' }), config, AS_OF);
    const entry = traceOf(evaluation, 'early-big-deal');
    expect(entry).toMatchObject({ enabled: true, fired: false, origin: 'config' });
    expect(entry.condition).toEqual({
      kind: 'all',
      result: false,
      children: [
        { kind: 'compare', result: false, fact: 'stage', op: 'eq', actual: 'proposal', expected: 'discovery' },
        {
          kind: 'any',
          result: 'not-evaluated',
          children: [
            { kind: 'compare', result: 'not-evaluated', fact: 'value.amount', op: 'gt', actual: undefined, expected: 0 },
            {
              kind: 'not',
              result: 'not-evaluated',
              child: { kind: 'compare', result: 'not-evaluated', fact: 'strategic_logo', op: 'eq', actual: undefined, expected: true },
            },
          ],
        },
      ],
    });

    // At discovery the whole condition is evaluated: `not` inverts its child.
    const fired = traceOf(evaluate(makeDeal({ stage: 'discovery' }), config, AS_OF), 'early-big-deal');
    expect(fired.fired).toBe(true);
    const any = (fired.condition as Branch).children[1] as Branch;
    expect(any.result).toBe(true);
    expect(any.children[1]).toMatchObject({ kind: 'not', result: 'not-evaluated' });
  });

  it('`not` is true exactly when its child is false', () => {
    const config = loadConfig(`${COMPANY_YAML}rules:
  - id: no-logo
    effect: signal
    message: Not a logo.
    when:
      not: { fact: strategic_logo, op: eq, value: true }
`);
    const logo = traceOf(evaluate(makeDeal({ strategic_logo: true }), config, AS_OF), 'no-logo');
    expect(logo.fired).toBe(false);
    expect(logo.condition).toMatchObject({ kind: 'not', result: false, child: { result: true, actual: true } });
    const noLogo = traceOf(evaluate(makeDeal({ strategic_logo: false }), config, AS_OF), 'no-logo');
    expect(noLogo.fired).toBe(true);
    expect(noLogo.condition).toMatchObject({ kind: 'not', result: true, child: { result: false, actual: false } });
  });

  it('shows a value taken from another fact with `from: { fact }`', () => {
    const config = loadConfig(`${COMPANY_YAML}rules:
  - id: all-paid
    effect: signal
    message: The custom work is all paid for.
    when: { fact: custom_work.compensated_days, op: gte, value: { fact: custom_work.days } }
`);
    const entry = traceOf(evaluate(makeDeal({ custom_work: { days: 8, compensated_days: 8 } }), config, AS_OF), 'all-paid');
    expect(entry.fired).toBe(true);
    expect(entry.condition).toEqual({
      kind: 'compare',
      result: true,
      fact: 'custom_work.compensated_days',
      op: 'gte',
      actual: 8,
      expected: 8,
      from: { fact: 'custom_work.days' },
    });
  });

  it('lists a disabled rule with enabled: false, not fired, and without a condition', () => {
    const config = loadConfig(`${COMPANY_YAML}rules:
  - id: small-deal
    enabled: false
`);
    const evaluation = evaluate(makeDeal({ value: { amount: 1_000 } }), config, AS_OF);
    expect(evaluation.trace.map((t) => t.rule)).toEqual(POLICY_ORDER);
    expect(traceOf(evaluation, 'small-deal')).toEqual({
      rule: 'small-deal',
      effect: 'decline',
      enabled: false,
      fired: false,
      origin: 'built-in',
      condition: null,
    });
    expect(evaluation.trace.filter((t) => !t.enabled).map((t) => t.rule)).toEqual(['small-deal']);
    expect(evaluation.verdict).toBe('join');
  });
});

describe('today, an input', () => {
  const config = loadConfig(`${COMPANY_YAML}rules:
  - id: closing-soon
    effect: signal
    when: { fact: close_date, op: within_days, value: { param: horizon } }
    params: { horizon: 14 }
    message: "It closes on {close_date}, within {horizon} days; {days_to_close} days left on {today}."
  - id: not-before-launch
    effect: wait
    when: { fact: today, op: before, value: { param: launch } }
    params: { launch: 2027-01-04 }
    message: "Wait for the launch on {launch}."
`);

  it('the word today is the day given, and the explanation says so', () => {
    const evaluation = evaluateDeal({ close_date: '2026-11-30' });
    const condition = traceOf(evaluation, 'close-date-passed').condition as Extract<ConditionTrace, { kind: 'all' | 'any' }>;
    expect(condition.children[0]).toEqual({ kind: 'compare', result: true, fact: 'close_date', op: 'before', actual: '2026-11-30', expected: '2026-12-01', from: { fact: 'today' } });
  });

  it.each([
    ['2026-12-01', 'wait', ['closing-soon'], 'It closes on 2026-12-15 (in 14 days), within 14 days; 14 days left on 2026-12-01.'],
    ['2026-12-02', 'wait', ['closing-soon'], 'It closes on 2026-12-15 (in 13 days), within 14 days; 13 days left on 2026-12-02.'],
    ['2026-11-30', 'wait', [], undefined],
    ['2027-01-04', 'join', [], undefined],
  ])('on %s: verdict %s, signals of ours %j', (today, verdict, ours, message) => {
    const evaluation = evaluate(makeDeal({ close_date: '2026-12-15' }), config, { today });
    expect(evaluation.verdict).toBe(verdict);
    const mine = evaluation.signals.filter((s) => s.rule === 'closing-soon');
    expect(mine.map((s) => s.rule)).toEqual(ours);
    expect(mine[0]?.message).toBe(message);
  });

  it('the same deal on the same day: the same evaluation, whatever the day of the run', () => {
    const deal = makeDeal({ close_date: '2026-12-15', next_meeting: { date: '2026-12-03' } });
    expect(evaluate(deal, config, { today: '2026-12-10' })).toEqual(evaluate(deal, config, { today: '2026-12-10' }));
    expect(JSON.stringify(evaluate(deal, config, { today: '2026-12-10' }))).not.toBe(JSON.stringify(evaluate(deal, config, { today: '2026-12-01' })));
  });

  it.each([undefined, '', '2026-02-30', '01/12/2026', '2026-12-01T00:00:00Z'])('a day that is not YYYY-MM-DD (%j) is a programming error, said at once', (today) => {
    expect(() => evaluate(makeDeal(), config, { today } as unknown as { today: string })).toThrow(/today must be a date written YYYY-MM-DD/);
  });
});
