import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { defaultConfig, parseConfig } from '../../src/load/config.js';
import type { Problem } from '../../src/load/problem.js';
import { BUILT_IN_RULES } from '../../src/policy/built-in.js';
import { COMPANY_YAML, evaluateDeal, loadConfig, makeDeal, traceOf } from '../engine/helpers.js';
import { AS_OF } from '../helpers/paths.js';

const FILE = 'deal-triage.config.yaml';

/** PRODUCT.md §4, written out by hand, and §12's stale_days (review). */
const SECTION_4_POLICY = {
  small_deal_below: 100_000,
  strategic_value: 250_000,
  much_larger_ratio: 10,
  max_uncompensated_custom_days: 10,
  join_stages: ['proposal', 'negotiation'],
  ceo_capacity: 3,
  stale_days: 21,
};

function problemsOf(text: string): Problem[] {
  const result = parseConfig(text, FILE);
  if (result.ok) throw new Error('expected the config to be invalid');
  return result.problems;
}

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('defaults', () => {
  it.each([
    ['an empty file', ''],
    ['a file with only comments', '# nothing configured yet\n'],
    ['a company profile and no policy', lines('company:', '  name: Northwind Analytics', '  employees: 180')],
    ['an empty rules list', lines('rules: []')],
    ['sections with nothing under them', lines('company:', 'policy:', 'rules:')],
  ])('%s gives the §4 policy and every built-in rule, enabled', (_name, text) => {
    const result = parseConfig(text, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.policy).toEqual(SECTION_4_POLICY);
    expect(result.value.company.currency).toBe('USD');
    expect(result.value.rules.map((r) => r.id)).toEqual(BUILT_IN_RULES.map((r) => r.id));
    expect(result.value.rules.every((r) => r.enabled && r.origin === 'built-in')).toBe(true);
  });

  it('defaultConfig() (no config file at all) is the same policy, with no company profile but USD', () => {
    const config = defaultConfig();
    expect(config.policy).toEqual(SECTION_4_POLICY);
    expect(config.company).toEqual({ currency: 'USD' });
    expect(config.rules.map((r) => r.id)).toEqual(BUILT_IN_RULES.map((r) => r.id));
  });

  it('fills in the parameters a partial policy leaves out', () => {
    const config = loadConfig(lines('policy:', '  strategic_value: 500000', '  join_stages: [negotiation]'));
    expect(config.policy).toEqual({ ...SECTION_4_POLICY, strategic_value: 500_000, join_stages: ['negotiation'] });
  });

  it('keeps the company profile', () => {
    expect(loadConfig(COMPANY_YAML).company).toEqual({
      name: 'Northwind Analytics',
      employees: 180,
      annual_revenue: 30_000_000,
      currency: 'USD',
    });
  });
});

describe('located problems in the company and policy sections', () => {
  it.each<[string, string, Omit<Problem, 'file' | 'severity'>]>([
    [
      'a wrong type',
      lines('policy:', '  small_deal_below: lots'),
      { line: 2, column: 21, rule: 'invalid-type', message: 'policy.small_deal_below must be a number, not the text "lots"' },
    ],
    [
      'a wrong type in the company',
      lines('company:', '  name: Northwind', '  employees: many'),
      { line: 3, column: 14, rule: 'invalid-type', message: 'company.employees must be a number, not the text "many"' },
    ],
    [
      'an unknown policy key, with "did you mean"',
      lines('policy:', '  strategic_value: 300000', '  small_deal_bellow: 50000'),
      {
        line: 3,
        column: 3,
        rule: 'unknown-key',
        message: 'unknown key "small_deal_bellow" in policy; did you mean "small_deal_below"?',
      },
    ],
    [
      'an unknown top-level key, with "did you mean"',
      lines('company:', '  name: Northwind', 'polcy:', '  ceo_capacity: 2'),
      { line: 3, column: 1, rule: 'unknown-key', message: 'unknown key "polcy"; did you mean "policy"?' },
    ],
    [
      'an unknown policy stage',
      lines('policy:', '  join_stages: [proposal, negotation]'),
      {
        line: 2,
        column: 27,
        rule: 'invalid-value',
        message:
          'policy.join_stages[1] must be one of discovery, qualification, proposal, negotiation, closed-won, closed-lost, not the text "negotation"; did you mean "negotiation"?',
      },
    ],
    [
      'an unknown policy stage in a block list',
      lines('policy:', '  join_stages:', '    - proposal', '    - closing'),
      {
        line: 4,
        column: 7,
        rule: 'invalid-value',
        message:
          'policy.join_stages[1] must be one of discovery, qualification, proposal, negotiation, closed-won, closed-lost, not the text "closing"',
      },
    ],
    [
      'a negative threshold',
      lines('policy:', '  max_uncompensated_custom_days: -5'),
      { line: 2, column: 34, rule: 'out-of-range', message: 'policy.max_uncompensated_custom_days must be 0 or more, not -5' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([{ file: FILE, severity: 'error', ...expected }]);
  });
});

describe('rules: changing the built-in policy', () => {
  it.each([
    ['enabled: false', lines('rules:', '  - id: small-deal', '    enabled: false')],
    ['severity: off', lines('rules:', '  - id: small-deal', '    severity: off')],
  ])('%s switches a built-in rule off', (_name, rules) => {
    const config = loadConfig(COMPANY_YAML + rules);
    expect(config.rules.find((r) => r.id === 'small-deal')!.enabled).toBe(false);
    // Without small-deal, a $1,000 deal with two signals is a join.
    const evaluation = evaluate(makeDeal({ value: { amount: 1_000 } }), config, AS_OF);
    expect(evaluation.verdict).toBe('join');
    expect(traceOf(evaluation, 'small-deal')).toMatchObject({ enabled: false, fired: false });
    // The same deal under the untouched policy is declined by small-deal.
    expect(evaluateDeal({ value: { amount: 1_000 } }).reasons[0]!.rule).toBe('small-deal');
  });

  it('changes a built-in rule parameter: not-strategic with min_signals 3', () => {
    const config = loadConfig(COMPANY_YAML + lines('rules:', '  - id: not-strategic', '    params: { min_signals: 3 }'));
    // The base deal has exactly two signals: a join by default, a decline with three required.
    expect(evaluateDeal().verdict).toBe('join');
    const evaluation = evaluate(makeDeal(), config, AS_OF);
    expect(evaluation.verdict).toBe('decline');
    expect(evaluation.reasons).toEqual([
      {
        rule: 'not-strategic',
        effect: 'decline',
        message: 'Strategic signals: 2 of the 3 needed (strategic-logo, competitive-threat): the sales team handles it.',
      },
    ]);
    expect(traceOf(evaluation, 'not-strategic').condition).toMatchObject({ actual: 2, expected: 3, from: { param: 'min_signals' } });
    // Three signals pass.
    expect(evaluate(makeDeal({ follow_on: { potential: 'likely' } }), config, AS_OF).verdict).toBe('join');
  });

  it('changes a policy threshold, for every rule and message that uses it', () => {
    const config = loadConfig(COMPANY_YAML + lines('policy:', '  small_deal_below: 200000'));
    const evaluation = evaluate(makeDeal({ value: { amount: 150_000 } }), config, AS_OF);
    expect(evaluation.verdict).toBe('decline');
    expect(evaluation.reasons[0]!.message).toBe('The potential value, $150,000, is below $200,000: a small sale.');
    expect(evaluation.changes).toEqual([
      {
        rule: 'small-deal',
        effect: 'decline',
        message: 'Grow the deal to a potential value of at least $200,000, this sale and its follow-on together; it is $150,000.',
        needs: [{ fact: 'potential_value', op: 'gte', value: 200_000, actual: 150_000 }],
      },
    ]);
    expect(evaluate(makeDeal({ value: { amount: 200_000 } }), config, AS_OF).verdict).toBe('join');
  });

  it('changes a threshold for one rule only, through that rule\'s params', () => {
    const config = loadConfig(COMPANY_YAML + lines('rules:', '  - id: small-deal', '    params: { small_deal_below: 200000 }'));
    expect(config.policy.small_deal_below).toBe(100_000);
    const evaluation = evaluate(makeDeal({ value: { amount: 150_000 } }), config, AS_OF);
    expect(evaluation.reasons[0]).toMatchObject({ rule: 'small-deal', message: 'The potential value, $150,000, is below $200,000: a small sale.' });
    expect(traceOf(evaluation, 'small-deal').condition).toMatchObject({ expected: 200_000, from: { param: 'small_deal_below' } });
  });

  it('much_larger_ratio drives both the prospect-much-larger signal and the reassure role', () => {
    // The base prospect is 900 people to our 180: 5× our size.
    expect(evaluateDeal().signals.map((s) => s.rule)).not.toContain('prospect-much-larger');
    const config = loadConfig(COMPANY_YAML + lines('policy:', '  much_larger_ratio: 5'));
    const evaluation = evaluate(makeDeal(), config, AS_OF);
    expect(evaluation.signals.map((s) => s.rule)).toContain('prospect-much-larger');
    expect(evaluation.signals.find((s) => s.rule === 'prospect-much-larger')!.message).toBe(
      'The prospect is 5× our size (much larger from 5×).',
    );
    expect(evaluation.roles.map((r) => r.role)).toContain('reassure');
  });

  it('join_stages says when the CEO comes in', () => {
    const config = loadConfig(COMPANY_YAML + lines('policy:', '  join_stages: [negotiation]'));
    const evaluation = evaluate(makeDeal({ stage: 'proposal' }), config, AS_OF);
    expect(evaluation.verdict).toBe('wait');
    expect(evaluation.reasons[0]!.message).toBe('The deal is at proposal: bring the CEO in at one of these stages: negotiation.');
    expect(evaluate(makeDeal({ stage: 'negotiation' }), config, AS_OF).verdict).toBe('join');
  });

  it('max_uncompensated_custom_days: 0 declines any unpaid custom work', () => {
    const config = loadConfig(COMPANY_YAML + lines('policy:', '  max_uncompensated_custom_days: 0'));
    expect(evaluate(makeDeal({ custom_work: { days: 1 } }), config, AS_OF).reasons[0]!.rule).toBe('custom-work-burden');
    expect(evaluate(makeDeal({ custom_work: { days: 5, compensated_days: 5 } }), config, AS_OF).verdict).toBe('join');
  });

  it("rewords a built-in rule's message", () => {
    const config = loadConfig(COMPANY_YAML + lines('rules:', '  - id: small-deal', '    message: "Too small for the CEO: {potential_value}."'));
    expect(evaluate(makeDeal({ value: { amount: 20_000 } }), config, AS_OF).reasons[0]!.message).toBe('Too small for the CEO: $20,000.');
  });
});

describe('rules: adding a rule of one\'s own', () => {
  const gambling = loadConfig(
    COMPANY_YAML +
      lines(
        'rules:',
        '  - id: gambling',
        '    effect: decline',
        '    when: { fact: account.industry, op: eq, value: Gambling }',
        '    message: "{account.name} is a gambling business: we do not sell there."',
      ),
  );

  it('declines with its own message, filled in from the deal', () => {
    const evaluation = evaluate(makeDeal({ account: { name: 'Lucky Casinos', industry: 'Gambling' } }), gambling, AS_OF);
    expect(evaluation.verdict).toBe('decline');
    expect(evaluation.reasons).toEqual([
      { rule: 'gambling', effect: 'decline', message: 'Lucky Casinos is a gambling business: we do not sell there.' },
    ]);
  });

  it("shows its own parameters as the facts they are compared with read (money as money), with no table to fill in", () => {
    const config = loadConfig(
      lines(
        COMPANY_YAML.trimEnd(),
        'rules:',
        '  - id: below-floor',
        '    effect: decline',
        '    when: { fact: potential_value, op: lt, value: { param: floor } }',
        '    params: { floor: 500000 }',
        '    message: "{potential_value} is below our floor of {floor}."',
        '    change: "a potential value of at least {floor}"',
      ),
    );
    const evaluation = evaluate(makeDeal({ value: { amount: 150_000 } }), config, AS_OF);
    expect(evaluation.reasons[0]).toEqual({ rule: 'below-floor', effect: 'decline', message: '$150,000 is below our floor of $500,000.' });
    // Its needs come from its condition, turned around, with its own parameter's value.
    expect(evaluation.changes).toEqual([
      {
        rule: 'below-floor',
        effect: 'decline',
        message: 'a potential value of at least $500,000',
        needs: [{ fact: 'potential_value', op: 'gte', value: 500_000, actual: 150_000 }],
      },
    ]);
  });

  it('without a change text, says the rule itself must stop applying (it is not final), with what its condition needs', () => {
    const evaluation = evaluate(makeDeal({ account: { name: 'Lucky Casinos', industry: 'Gambling' } }), gambling, AS_OF);
    expect(evaluation.changes).toEqual([
      {
        rule: 'gambling',
        effect: 'decline',
        message: 'Deal with what the rule "gambling" objects to: the CEO can join only once it no longer applies.',
        needs: [{ fact: 'account.industry', op: 'ne', value: 'Gambling', actual: 'Gambling' }],
      },
    ]);
  });

  it('does not fire for another industry, or when the industry is unknown', () => {
    expect(evaluate(makeDeal({ account: { name: 'Acme Corp', industry: 'Manufacturing' } }), gambling, AS_OF).verdict).toBe('join');
    expect(evaluate(makeDeal(), gambling, AS_OF).verdict).toBe('join');
  });

  it('comes after the built-in rules in the trace, marked as from the config', () => {
    const evaluation = evaluate(makeDeal({ account: { name: 'Lucky Casinos', industry: 'Gambling' } }), gambling, AS_OF);
    expect(evaluation.trace.map((t) => t.rule)).toEqual([...BUILT_IN_RULES.map((r) => r.id), 'gambling']);
    expect(evaluation.trace.at(-1)).toMatchObject({
      rule: 'gambling',
      effect: 'decline',
      enabled: true,
      fired: true,
      origin: 'config',
      condition: { kind: 'compare', result: true, fact: 'account.industry', op: 'eq', actual: 'Gambling', expected: 'Gambling' },
    });
  });

  it('a built-in decline listed before it still comes first among the reasons', () => {
    const evaluation = evaluate(makeDeal({ account: { name: 'Lucky Casinos', industry: 'Gambling' }, value: { amount: 5_000 } }), gambling, AS_OF);
    expect(evaluation.reasons.map((r) => r.rule)).toEqual(['small-deal', 'gambling']);
  });

  it('a finding rule carries its severity (error unless told)', () => {
    const config = loadConfig(
      COMPANY_YAML +
        lines(
          'rules:',
          '  - id: ceo-on-declined-deal',
          '    effect: finding',
          '    severity: warning',
          '    when:',
          '      all:',
          '        - { fact: verdict, op: eq, value: decline }',
          '        - { fact: ceo.requested, op: eq, value: true }',
          '    message: "The CEO is requested on {id}, which the policy declines."',
          '  - id: no-plan',
          '    effect: finding',
          '    when: { fact: plan, op: missing }',
          '    message: "{id} has no plan."',
        ),
    );
    const declined = evaluate(makeDeal({ ceo: { requested: true }, follow_on: { potential: 'none' } }), config, AS_OF);
    expect(declined.findings).toEqual([
      {
        rule: 'ceo-requested-on-declined',
        effect: 'finding',
        severity: 'error',
        at: 'ceo.requested',
        message:
          'The CEO is requested, but the policy declines this deal. There is no follow-on potential: a one-off sale is for the sales team. (rule no-follow-on)',
      },
      { rule: 'ceo-on-declined-deal', effect: 'finding', severity: 'warning', message: 'The CEO is requested on base-deal, which the policy declines.' },
      { rule: 'no-plan', effect: 'finding', severity: 'error', message: 'base-deal has no plan.' },
    ]);
    // Findings do not change the verdict.
    const joined = evaluate(makeDeal({ ceo: { requested: true }, plan: 'CEO closes on the call' }), config, AS_OF);
    expect(joined.verdict).toBe('join');
    expect(joined.findings).toEqual([]);
  });
});

describe('located problems in rules', () => {
  it.each<[string, string, Omit<Problem, 'file' | 'severity'>]>([
    [
      'an unknown fact, with "did you mean"',
      lines(
        'rules:',
        '  - id: gambling',
        '    effect: decline',
        '    when: { fact: account.industy, op: eq, value: Gambling }',
      ),
      {
        line: 4,
        column: 19,
        rule: 'unknown-fact',
        message: 'rules[0].when.fact: unknown fact "account.industy"; did you mean "account.industry"?',
      },
    ],
    [
      'an unknown fact deep in a condition',
      lines(
        'rules:',
        '  - id: early',
        '    effect: wait',
        '    when:',
        '      any:',
        '        - { fact: stage, op: eq, value: discovery }',
        '        - not:',
        '            fact: stge',
        '            op: exists',
      ),
      { line: 8, column: 19, rule: 'unknown-fact', message: 'rules[0].when.any[1].not.fact: unknown fact "stge"; did you mean "stage"?' },
    ],
    [
      'an unknown operator',
      lines(
        'rules:',
        '  - id: gambling',
        '    effect: decline',
        '    when:',
        '      fact: account.industry',
        '      op: equals',
        '      value: Gambling',
      ),
      {
        line: 6,
        column: 11,
        rule: 'unknown-operator',
        message:
          'rules[0].when.op: unknown operator "equals"; use one of eq, ne, lt, lte, gt, gte, in, not_in, contains, empty, not_empty, exists, missing, before, after, within_days',
      },
    ],
    [
      'a misspelled operator, with "did you mean"',
      lines('rules:', '  - id: has-issues', '    effect: signal', '    when: { fact: issue_count, op: not_emtpy }'),
      {
        line: 4,
        column: 36,
        rule: 'unknown-operator',
        message:
          'rules[0].when.op: unknown operator "not_emtpy"; use one of eq, ne, lt, lte, gt, gte, in, not_in, contains, empty, not_empty, exists, missing, before, after, within_days; did you mean "not_empty"?',
      },
    ],
    [
      'a missing value for lt',
      lines('rules:', '  - id: tiny-deal', '    effect: decline', '    when:', '      fact: value.amount', '      op: lt'),
      { line: 5, column: 7, rule: 'missing-field', message: 'rules[0].when: the operator "lt" compares with a value: add "value"' },
    ],
    [
      'a condition that is not a mapping, in a rule whose other checks read it',
      lines('rules:', '  - id: tiny-deal', '    effect: decline', '    message: m', '    when: 1'),
      { line: 5, column: 11, rule: 'invalid-condition', message: 'rules[0].when: a condition must be a mapping: { all: [...] }, { any: [...] }, { not: ... } or { fact, op, value }' },
    ],
    [
      'a list where a condition belongs, in a rule with its own parameters',
      lines('rules:', '  - id: small-deal', '    params: { small_deal_below: 5 }', '    when: [1]'),
      { line: 4, column: 11, rule: 'invalid-condition', message: 'rules[0].when: a condition must be a mapping: { all: [...] }, { any: [...] }, { not: ... } or { fact, op, value }' },
    ],
    [
      'a value for an operator that takes none',
      lines('rules:', '  - id: no-issues', '    effect: signal', '    when: { fact: issue_count, op: empty, value: 0 }'),
      { line: 4, column: 50, rule: 'invalid-condition', message: 'rules[0].when.value: the operator "empty" takes no value' },
    ],
    [
      'an unknown parameter',
      lines(
        'rules:',
        '  - id: tiny-deal',
        '    effect: decline',
        '    when:',
        '      fact: value.amount',
        '      op: lt',
        '      value: { param: nope }',
      ),
      { line: 7, column: 23, rule: 'unknown-param', message: 'rules[0].when.value.param: unknown parameter "nope"' },
    ],
    [
      'a misspelled parameter, with "did you mean"',
      lines('rules:', '  - id: tiny-deal', '    effect: decline', '    when: { fact: value.amount, op: lt, value: { param: small_deal_belw } }'),
      {
        line: 4,
        column: 57,
        rule: 'unknown-param',
        message: 'rules[0].when.value.param: unknown parameter "small_deal_belw"; did you mean "small_deal_below"?',
      },
    ],
    [
      'a new rule without an effect',
      lines('rules:', '  - id: small-deal', '    enabled: false', '  - id: gambling', '    when: { fact: account.industry, op: eq, value: Gambling }'),
      {
        line: 4,
        column: 5,
        rule: 'missing-field',
        message: 'rules[1]: the new rule "gambling" needs an "effect": decline, wait, signal, role, finding',
      },
    ],
    [
      'a misspelled built-in rule id, with "did you mean"',
      lines('rules:', '  - enabled: false', '    id: not-strategc'),
      { line: 3, column: 9, rule: 'unknown-rule', message: 'rules[0].id: no built-in rule is called "not-strategc"; did you mean "not-strategic"?' },
    ],
    [
      'an unknown placeholder in a message',
      lines(
        'rules:',
        '  - id: gambling',
        '    effect: decline',
        '    when: { fact: account.industry, op: eq, value: Gambling }',
        '    message: "{acount.name} is a gambling business."',
      ),
      {
        line: 5,
        column: 14,
        rule: 'unknown-placeholder',
        message: 'rules[0].message: "{acount.name}" is neither a fact nor a parameter; did you mean "account.name"?',
      },
    ],
    [
      'an unknown name in an optional part of a message',
      lines('rules:', '  - id: commit', '    message: "Commit{?objectiv:, toward {objective}}."'),
      {
        line: 3,
        column: 14,
        rule: 'unknown-placeholder',
        message: 'rules[0].message: "objectiv" in "{?objectiv: …}" is neither a fact nor a parameter; did you mean "objective"?',
      },
    ],
    // An optional part the template language cannot read would reach the output as written.
    [
      'an optional part that is not closed',
      lines('rules:', '  - id: commit', '    message: "Commit{?objective:, toward {objective}."'),
      {
        line: 3,
        column: 14,
        rule: 'invalid-template',
        message:
          'rules[0].message: "{?objective:, toward {objective}." is not an optional part: write {?name: text}, closed with "}", with names in lower case and only {placeholders} inside',
      },
    ],
    [
      'an optional part inside another',
      lines('rules:', '  - id: commit', '    message: "Commit{?objective: toward {?stage: {stage}}}."'),
      {
        line: 3,
        column: 14,
        rule: 'invalid-template',
        message:
          'rules[0].message: "{?objective: toward {?stage: {stage}}}." is not an optional part: write {?name: text}, closed with "}", with names in lower case and only {placeholders} inside',
      },
    ],
    [
      'an optional part whose name is capitalised',
      lines('rules:', '  - id: commit', '    change: "Commit{?Objective: toward it}."'),
      {
        line: 3,
        column: 13,
        rule: 'invalid-template',
        message:
          'rules[0].change: "{?Objective: toward it}." is not an optional part: write {?name: text}, closed with "}", with names in lower case and only {placeholders} inside',
      },
    ],
    [
      'an unknown placeholder in a built-in rule\'s change text',
      lines('rules:', '  - id: small-deal', '    change: "at least {small_deal_belw}"'),
      {
        line: 3,
        column: 13,
        rule: 'unknown-placeholder',
        message: 'rules[0].change: "{small_deal_belw}" is neither a fact nor a parameter; did you mean "small_deal_below"?',
      },
    ],
    [
      'the same rule id twice',
      lines('rules:', '  - id: small-deal', '    enabled: false', '  - id: small-deal', '    severity: off'),
      { line: 4, column: 9, rule: 'duplicate-rule', message: 'rules[1].id: the rule "small-deal" is configured twice; merge the two entries' },
    ],
    [
      'severity: error on a rule that is not a finding',
      lines('rules:', '  - id: small-deal', '    severity: error'),
      {
        line: 3,
        column: 15,
        rule: 'invalid-value',
        message: 'rules[0].severity: only a finding rule has a severity; a decline rule can only be switched off (severity: off)',
      },
    ],
    [
      'severity: warning on a new signal rule',
      lines('rules:', '  - id: big-logo', '    effect: signal', '    severity: warning', '    when: { fact: strategic_logo, op: eq, value: true }'),
      {
        line: 4,
        column: 15,
        rule: 'invalid-value',
        message: 'rules[0].severity: only a finding rule has a severity; a signal rule can only be switched off (severity: off)',
      },
    ],
    [
      'a misspelled key in a rule entry, with "did you mean"',
      lines('rules:', '  - id: not-strategic', '    parmas: { min_signals: 3 }'),
      { line: 3, column: 5, rule: 'unknown-key', message: 'unknown key "parmas" in rules[0]; did you mean "params"?' },
    ],
    // An operator applied to a fact of a kind it cannot test, or a value of the wrong kind, would
    // make a rule that silently never fires: each is reported where it is.
    [
      'an ordering on text',
      lines('rules:', '  - id: late', '    effect: wait', '    when: { fact: stage, op: lt, value: 3 }'),
      { line: 4, column: 30, rule: 'operator-kind', message: 'rules[0].when.op: the operator "lt" tests numbers, and "stage" is text: the rule would never fire' },
    ],
    [
      'a number compared with text',
      lines('rules:', '  - id: big', '    effect: signal', '    when: { fact: value.amount, op: gt, value: "100000" }'),
      { line: 4, column: 48, rule: 'operator-kind', message: 'rules[0].when.value: the operator "gt" compares with a number, not text: write 100000 without quotes' },
    ],
    [
      'in with one value instead of a list',
      lines('rules:', '  - id: late', '    effect: wait', '    when: { fact: stage, op: in, value: negotiation }'),
      { line: 4, column: 41, rule: 'operator-kind', message: 'rules[0].when.value: the operator "in" takes a list of values, not text' },
    ],
    [
      'contains on a fact that is not a list',
      lines('rules:', '  - id: globex', '    effect: signal', '    when: { fact: account.name, op: contains, value: Globex }'),
      { line: 4, column: 37, rule: 'operator-kind', message: 'rules[0].when.op: the operator "contains" tests a list, and "account.name" is text: use "eq" or "in"' },
    ],
    [
      'eq between true/false and text',
      lines('rules:', '  - id: logo', '    effect: signal', '    when: { fact: strategic_logo, op: eq, value: "yes" }'),
      { line: 4, column: 50, rule: 'operator-kind', message: 'rules[0].when.value: "eq" compares true or false with text: write true, without quotes' },
    ],
    [
      // YAML 1.2 reads an unquoted no as text, not false.
      'eq between true/false and the word no',
      lines('rules:', '  - id: no-blocker', '    effect: signal', '    when: { fact: has_blocker, op: eq, value: no }'),
      { line: 4, column: 47, rule: 'operator-kind', message: 'rules[0].when.value: "eq" compares true or false with text: write false, without quotes' },
    ],
    [
      'eq between true/false and other text',
      lines('rules:', '  - id: logo', '    effect: signal', '    when: { fact: strategic_logo, op: eq, value: maybe }'),
      { line: 4, column: 50, rule: 'operator-kind', message: 'rules[0].when.value: "eq" compares true or false with text: the rule would never fire' },
    ],
    [
      'a number compared with another fact that is text',
      lines('rules:', '  - id: odd', '    effect: signal', '    when: { fact: value.amount, op: gte, value: { fact: owner } }'),
      { line: 4, column: 49, rule: 'operator-kind', message: 'rules[0].when.value: the operator "gte" compares with a number, not a fact that is text' },
    ],
    [
      'a parameter of the wrong kind',
      lines('rules:', '  - id: tiny', '    effect: decline', '    when: { fact: value.amount, op: lt, value: { param: join_stages } }'),
      {
        line: 4,
        column: 57,
        rule: 'operator-kind',
        message: 'rules[0].when.value.param: the operator "lt" compares with a number, not a list (the parameter join_stages is ["proposal","negotiation"])',
      },
    ],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([{ file: FILE, severity: 'error', ...expected }]);
  });

  it('reports every problem at once, in file order', () => {
    const problems = problemsOf(
      lines(
        'policy:',
        '  ceo_capacity: -1',
        'rules:',
        '  - id: small-deal',
        '    severity: error',
        '  - id: gambling',
        '    effect: decline',
        '    when: { fact: account.industy, op: eq, value: Gambling }',
      ),
    );
    expect(problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [2, 17, 'out-of-range'],
      [5, 15, 'invalid-value'],
      [8, 19, 'unknown-fact'],
    ]);
  });
});

describe('typed rules: a fact, an operator and a value that do not fit are located config errors, with a hint', () => {
  /** A rule `id` whose condition is `when`, on line 4; `at` is the text the problem points at, found in that line. */
  const rule = (when: string, effect = 'wait') => lines('rules:', '  - id: mine', `    effect: ${effect}`, `    when: ${when}`, '    message: Mine.');
  const column = (when: string, at: string) => '    when: '.length + when.indexOf(at) + 1;

  it.each<[string, string, string, string]>([
    // [name, condition, where the problem is, message]
    ['lt on a date', '{ fact: close_date, op: lt, value: 2026-12-01 }', 'lt', 'rules[0].when.op: the operator "lt" tests numbers, and "close_date" is a date: use "before"'],
    ['gt on a date', '{ fact: next_meeting.date, op: gt, value: today }', 'gt', 'rules[0].when.op: the operator "gt" tests numbers, and "next_meeting.date" is a date: use "after"'],
    [
      'lte on a date',
      '{ fact: close_date, op: lte, value: 2026-12-01 }',
      'lte',
      'rules[0].when.op: the operator "lte" tests numbers, and "close_date" is a date: use "before" (which does not count the day itself), or "not" with "after"',
    ],
    ['empty on a date', '{ fact: close_date, op: empty }', 'empty', 'rules[0].when.op: the operator "empty" tests text or a list, and "close_date" is a date: use "missing"'],
    ['before on a number', '{ fact: days_to_close, op: before, value: 0 }', 'before', 'rules[0].when.op: the operator "before" tests dates, and "days_to_close" is a number: use "lt"'],
    ['within_days on a number', '{ fact: account.employees, op: within_days, value: 3 }', 'within_days', 'rules[0].when.op: the operator "within_days" tests dates, and "account.employees" is a number: use "lte"'],
    ['gte on true/false', '{ fact: has_champion, op: gte, value: 1 }', 'gte', 'rules[0].when.op: the operator "gte" tests numbers, and "has_champion" is true or false: use "eq"'],
    ['in on a list', '{ fact: stakeholder_roles, op: in, value: [champion] }', 'in', 'rules[0].when.op: the operator "in" tests text, and "stakeholder_roles" is a list: use "contains"'],
    ['a number written as text', '{ fact: account.employees, op: gt, value: "1000" }', '"1000"', 'rules[0].when.value: the operator "gt" compares with a number, not text: write 1000 without quotes'],
    ['a date that is not a day of the calendar', '{ fact: close_date, op: before, value: 2026-02-30 }', '2026-02-30', 'rules[0].when.value: 2026-02-30 is not a real calendar date'],
    ['a date written another way', '{ fact: close_date, op: after, value: 12/01/2026 }', '12/01/2026', 'rules[0].when.value: a date is written YYYY-MM-DD (or today), not "12/01/2026"'],
    ['a date compared with a number', '{ fact: close_date, op: before, value: 20261201 }', '20261201', 'rules[0].when.value: the operator "before" compares with a date (YYYY-MM-DD, or today), not a number'],
    ['a date compared with a fact that is money', '{ fact: close_date, op: before, value: { fact: potential_value } }', '{ fact: potential_value }', 'rules[0].when.value: the operator "before" compares with a date, not a fact that is an amount of money'],
    ['eq with a date that is not real', '{ fact: next_meeting.date, op: eq, value: 2027-02-29 }', '2027-02-29', 'rules[0].when.value: 2027-02-29 is not a real calendar date'],
    ['within_days with a negative number', '{ fact: close_date, op: within_days, value: -3 }', '-3', 'rules[0].when.value: the operator "within_days" takes a number of days, a whole number 0 or more, not -3'],
    ['within_days with part of a day', '{ fact: close_date, op: within_days, value: 1.5 }', '1.5', 'rules[0].when.value: the operator "within_days" takes a number of days, a whole number 0 or more, not 1.5'],
    ['within_days with text', '{ fact: close_date, op: within_days, value: soon }', 'soon', 'rules[0].when.value: the operator "within_days" takes a number of days, a whole number 0 or more, not text'],
    // Enum facts: their values are the deal schema's.
    [
      'a misspelled stage',
      '{ fact: stage, op: eq, value: negotiaton }',
      'negotiaton',
      'rules[0].when.value: "negotiaton" is not a value of stage, which is one of discovery, qualification, proposal, negotiation, closed-won, closed-lost; did you mean "negotiation"?',
    ],
    [
      'a misspelled stage in a list, at the item',
      '{ fact: stage, op: not_in, value: [proposal, negotiaton] }',
      'negotiaton',
      'rules[0].when.value[1]: "negotiaton" is not a value of stage, which is one of discovery, qualification, proposal, negotiation, closed-won, closed-lost; did you mean "negotiation"?',
    ],
    ['a misspelled follow-on potential', '{ fact: follow_on.potential, op: ne, value: likly }', 'likly', 'rules[0].when.value: "likly" is not a value of follow_on.potential, which is one of none, possible, likely, committed, unknown; did you mean "likely"?'],
    ['a threat that is not one', '{ fact: competition.threat, op: eq, value: severe }', 'severe', 'rules[0].when.value: "severe" is not a value of competition.threat, which is one of low, medium, high'],
    ['a misspelled deal type', '{ fact: type, op: in, value: [renwal] }', 'renwal', 'rules[0].when.value[0]: "renwal" is not a value of type, which is one of new, expansion, renewal; did you mean "renewal"?'],
    [
      'a misspelled stakeholder role',
      '{ fact: stakeholder_roles, op: contains, value: champoin }',
      'champoin',
      'rules[0].when.value: "champoin" cannot be an item of stakeholder_roles, whose items are economic-buyer, champion, decision-maker, influencer, user, blocker; did you mean "champion"?',
    ],
    ['a misspelled part of the brief', '{ fact: brief_missing, op: contains, value: histroy }', 'histroy', 'rules[0].when.value: "histroy" cannot be an item of brief_missing, whose items are history, stakeholders, questions, objective; did you mean "history"?'],
    [
      'a misspelled part of the brief in a list compared whole',
      '{ fact: brief_missing, op: eq, value: [history, objectve] }',
      'objectve',
      'rules[0].when.value[1]: "objectve" cannot be an item of brief_missing, whose items are history, stakeholders, questions, objective; did you mean "objective"?',
    ],
  ])('%s', (_name, when, at, message) => {
    expect(problemsOf(rule(when))).toEqual([{ file: FILE, severity: 'error', line: 4, column: column(when, at), rule: 'operator-kind', message }]);
  });

  it('a misspelled verdict in a finding rule', () => {
    const when = '{ fact: verdict, op: eq, value: joined }';
    expect(problemsOf(rule(when, 'finding'))).toEqual([
      { file: FILE, severity: 'error', line: 4, column: column(when, 'joined'), rule: 'operator-kind', message: 'rules[0].when.value: "joined" is not a value of verdict, which is one of join, wait, decline; did you mean "join"?' },
    ]);
  });

  it.each([
    ['a date that is not real', '{ fact: close_date, op: before, value: { param: cutoff } }', 'cutoff: 2026-13-01', 'rules[0].when.value.param: 2026-13-01 is not a real calendar date (the parameter cutoff is "2026-13-01")'],
    ['a misspelled stage', '{ fact: stage, op: in, value: { param: late } }', 'late: [negotiaton]', 'rules[0].when.value.param: "negotiaton" is not a value of stage, which is one of discovery, qualification, proposal, negotiation, closed-won, closed-lost; did you mean "negotiation"? (the parameter late is ["negotiaton"])'],
    ['days that are not a whole number', '{ fact: close_date, op: within_days, value: { param: horizon } }', 'horizon: 2.5', 'rules[0].when.value.param: the operator "within_days" takes a number of days, a whole number 0 or more, not 2.5 (the parameter horizon is 2.5)'],
  ])('a parameter of the wrong kind: %s', (_name, when, param, message) => {
    const text = lines('rules:', '  - id: mine', '    effect: wait', `    when: ${when}`, '    message: Mine.', `    params: { ${param} }`);
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 4, rule: 'operator-kind', message });
  });

  it.each([
    ['before today', '{ fact: close_date, op: before, value: today }'],
    ['after a date', '{ fact: close_date, op: after, value: 2028-02-29 }'],
    ['before another date fact', '{ fact: next_meeting.date, op: before, value: { fact: close_date } }'],
    ['today after a date (a rule that starts on a day)', '{ fact: today, op: after, value: 2027-01-01 }'],
    ['eq today', '{ fact: next_meeting.date, op: eq, value: today }'],
    ['eq null: no close date', '{ fact: close_date, op: eq, value: null }'],
    ['within 14 days', '{ fact: close_date, op: within_days, value: 14 }'],
    ['within 0 days: today', '{ fact: close_date, op: within_days, value: 0 }'],
    ['within a number of days from a fact', '{ fact: next_meeting.date, op: within_days, value: { fact: days_to_close } }'],
    ['days_to_close as a number', '{ fact: days_to_close, op: lt, value: 14 }'],
    ['a stage among stages', '{ fact: stage, op: in, value: [proposal, negotiation] }'],
    ['a role in the list', '{ fact: stakeholder_roles, op: contains, value: economic-buyer }'],
    ['the new booleans', '{ all: [{ fact: has_economic_buyer, op: eq, value: false }, { fact: has_blocker, op: eq, value: true }] }'],
    ['asks that need the CEO', '{ fact: ceo_ask_count, op: gte, value: 2 }'],
    ['a free-text field, any text', '{ fact: account.industry, op: in, value: [Gambling, Whatever] }'],
  ])('accepts %s', (_name, when) => {
    const result = parseConfig(rule(when), FILE);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('accepts a parameter that is a date, today, or a number of days', () => {
    const text = lines(
      'rules:',
      '  - id: mine',
      '    effect: wait',
      '    when: { all: [{ fact: close_date, op: before, value: { param: cutoff } }, { fact: next_meeting.date, op: after, value: { param: now } }, { fact: close_date, op: within_days, value: { param: horizon } }] }',
      '    message: Mine.',
      '    params: { cutoff: 2027-01-01, now: today, horizon: 30 }',
    );
    const result = parseConfig(text, FILE);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("located problems in a rule's params", () => {
  it.each<[string, string, Omit<Problem, 'file' | 'severity'>]>([
    [
      'a parameter the rule does not use, with a suggestion',
      lines('rules:', '  - id: not-strategic', '    params: { min_signal: 3 }'),
      { line: 3, column: 15, rule: 'unknown-param', message: 'rules[0].params.min_signal: the rule "not-strategic" does not use a parameter "min_signal"; it uses min_signals; did you mean "min_signals"?' },
    ],
    [
      'text where the policy has a number',
      lines('rules:', '  - id: small-deal', '    params:', '      small_deal_below: lots'),
      { line: 4, column: 25, rule: 'invalid-type', message: "rules[0].params.small_deal_below must be a number, like the policy's small_deal_below" },
    ],
    [
      'a parameter name that is not lowercase with underscores',
      lines('rules:', '  - id: not-strategic', '    params: { Min-Signals: 3 }'),
      { line: 3, column: 15, rule: 'invalid-format', message: 'rules[0].params.Min-Signals: a parameter name is lowercase with underscores' },
    ],
    [
      'a misspelled stage in join_stages',
      lines('rules:', '  - id: too-early', '    params: { join_stages: [proposal, negotation] }'),
      { line: 3, column: 28, rule: 'invalid-value', message: expect.stringContaining('not "negotation"; did you mean "negotiation"?') as string },
    ],
  ])('%s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual([{ file: FILE, severity: 'error', ...expected }]);
  });

  it('accepts a parameter the rule uses, of the right type', () => {
    const result = parseConfig(lines('rules:', '  - id: too-early', '    params: { join_stages: [negotiation] }'), FILE);
    expect(result.ok).toBe(true);
  });
});

describe('a config with too many problems', () => {
  it('lists its first 100 problems, then counts the rest in one too-many-problems problem', () => {
    const text = lines('rules:', ...Array.from({ length: 250 }, () => '  - {id: same, effect: wait}'));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(101);
    expect(problems.slice(0, 100).every((p) => p.rule === 'duplicate-rule')).toBe(true);
    // The first entry is not a duplicate: entries 2 to 101 are listed, 102 to 250 counted.
    expect(problems[100]).toMatchObject({ line: 103, column: 10, rule: 'too-many-problems', severity: 'error' });
    expect(problems[100]?.message).toMatch(/^… and 149 more problems \(duplicate-rule: 149\)/);
  });
});
