// `check` on one deal file (src/check/file.ts), pure: bytes in, a report out. A file that does not
// load gets exactly the problems `triage` gives it; a valid one gets the policy's findings, each
// located at the field it is about, and a summary the folder rules use.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFileBytes } from '../../src/check/file.js';
import { triageBytes } from '../../src/triage/text.js';
import { COMPANY_YAML, dealYaml, fileReport, loadConfig, valueAt } from './helpers.js';
import { AS_OF, TODAY } from '../helpers/paths.js';

const config = loadConfig();
const withRules = (...rules: string[]) => loadConfig(`${COMPANY_YAML}rules:\n${rules.join('')}`);

const INVALID_DIR = 'fixtures/invalid';
const INVALID_FILES = readdirSync(INVALID_DIR)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

/** The kind of problem each fixture is there to show (PRODUCT.md §9), by rule id. */
const INVALID_RULES: Record<string, string[]> = {
  'alias-bomb.yaml': ['yaml-alias-limit'],
  'bad-values.yaml': ['compensated-exceeds-days', 'invalid-format', 'invalid-value', 'out-of-range'],
  'comment-only.yaml': ['empty-file'],
  'duplicate-key.yaml': ['yaml-duplicate-key'],
  'empty.yaml': ['empty-file'],
  'malformed.yaml': ['yaml-syntax'],
  'missing-field.yaml': ['missing-field'],
  'multiple-documents.yaml': ['yaml-multiple-documents'],
  'not-a-mapping.yaml': ['invalid-type'],
  'not-utf8.yaml': ['file-encoding'],
  'proto-key.yaml': ['forbidden-key'],
  'unknown-key.yaml': ['unknown-key'],
  'wrong-type.yaml': ['invalid-type'],
};

describe('a file that is not a valid deal', () => {
  it('every fixture in fixtures/invalid has its expected kind listed here', () => {
    expect(INVALID_FILES).toEqual(Object.keys(INVALID_RULES).sort());
  });

  it.each(INVALID_FILES)('%s: the same problems triage reports, all errors, and no deal summary', (name) => {
    const file = `${INVALID_DIR}/${name}`;
    const bytes = readFileSync(file);
    const report = checkFileBytes(bytes, file, config, AS_OF);
    const triaged = triageBytes(bytes, file, config, AS_OF);
    if (triaged.ok) throw new Error(`${file} should be invalid`);

    expect(report.deal).toBeUndefined();
    expect(report.problems.length).toBeGreaterThan(0);
    expect(report.problems).toEqual(triaged.problems);
    expect(report.problems.every((p) => p.file === file && p.severity === 'error')).toBe(true);
    expect([...new Set(report.problems.map((p) => p.rule))].sort()).toEqual(INVALID_RULES[name]);
  });

  it('reports every schema problem in the file, at each value, in line order', () => {
    const file = `${INVALID_DIR}/wrong-type.yaml`;
    const text = readFileSync(file, 'utf8');
    const report = fileReport(file, text, config);
    expect(report.problems.map((p) => [p.line, p.column, p.rule])).toEqual([
      [valueAt(text, '  employees: ').line, valueAt(text, '  employees: ').column, 'invalid-type'],
      [valueAt(text, '  amount: ').line, valueAt(text, '  amount: ').column, 'invalid-type'],
      [valueAt(text, 'strategic_logo: ').line, valueAt(text, 'strategic_logo: ').column, 'invalid-type'],
    ]);
  });

  it('locates a YAML syntax error where the syntax breaks', () => {
    const file = `${INVALID_DIR}/malformed.yaml`;
    const text = readFileSync(file, 'utf8');
    const [only, ...rest] = fileReport(file, text, config).problems;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ rule: 'yaml-syntax', ...valueAt(text, '  name: ') });
  });
});

describe('a valid deal', () => {
  it('has no problems and a summary of what the folder rules need', () => {
    const text = dealYaml({ id: 'acme-rollout', value: { amount: 200_000 }, follow_on: { potential: 'likely', value: 50_000 } });
    const report = fileReport('deals/acme.yaml', text, config);
    expect(report.problems).toEqual([]);
    expect(report.deal).toMatchObject({
      id: 'acme-rollout',
      name: 'Base deal',
      verdict: 'join',
      potentialValue: 250_000,
      currency: 'USD',
      ceoRequested: false,
      idAt: valueAt(text, 'id: '),
      // Not requested: the place to point at is the id.
      requestedAt: valueAt(text, 'id: '),
    });
  });

  it('points requestedAt at ceo.requested when the CEO is requested', () => {
    const text = dealYaml({ ceo: { requested: true } });
    expect(fileReport('d.yaml', text, config).deal?.requestedAt).toEqual(valueAt(text, '  requested: '));
  });

  it.each([
    ['a decline', { stage: 'closed-won' }, 'decline', ['deal-closed']],
    ['a wait', { stage: 'discovery' }, 'wait', ['too-early']],
    ['a join', {}, 'join', ['strategic-logo', 'competitive-threat']],
  ])('%s carries its verdict and the rules behind it', (_name, patch, verdict, rules) => {
    const deal = fileReport('d.yaml', dealYaml(patch), config).deal;
    expect(deal?.verdict).toBe(verdict);
    expect(deal?.reasons.map((r) => r.rule)).toEqual(rules);
  });
});

describe('findings on a deal where the CEO is requested', () => {
  const requested = { ceo: { requested: true } };
  const small = { value: { amount: 20_000 }, follow_on: { potential: 'possible' } };

  it.each([
    // [name, patch, expected findings as [rule, severity]]
    ['a join with a complete brief', requested, []],
    ['a small deal', { ...requested, ...small }, [['ceo-requested-on-declined', 'error']]],
    ['a closed deal', { ...requested, stage: 'closed-won' }, [['ceo-requested-on-declined', 'error']]],
    ['a declined deal with an incomplete brief: one problem, not two', { ...requested, ...small, history: [] }, [['ceo-requested-on-declined', 'error']]],
    // A wait for the brief alone is one problem, the brief's, not also a CEO requested too early.
    ['an incomplete brief (no history)', { ...requested, history: [] }, [['ceo-brief-incomplete', 'warning']]],
    // Two causes, two problems: the brief, and the stage.
    [
      'a wait for the stage, with an incomplete brief',
      { ...requested, stage: 'discovery', objective: undefined },
      [
        ['ceo-brief-incomplete', 'warning'],
        ['ceo-requested-too-early', 'warning'],
      ],
    ],
    ['a wait for the stage, with a complete brief', { ...requested, stage: 'discovery' }, [['ceo-requested-too-early', 'warning']]],
    ['not requested: a wait for the stage', { stage: 'discovery' }, []],
    ['not requested: a small deal', small, []],
    ['not requested: an incomplete brief', { history: [] }, []],
  ])('%s', (_name, patch, expected) => {
    const text = dealYaml(patch);
    const report = fileReport('d.yaml', text, config);
    expect(report.problems.map((p) => [p.rule, p.severity])).toEqual(expected);
    // Every finding about the request is at the `ceo.requested` value.
    for (const p of report.problems) expect({ line: p.line, column: p.column }).toEqual(valueAt(text, '  requested: '));
  });

  it.each([
    ['small-deal', small, 'is below $100,000: a small sale'],
    ['deal-closed', { stage: 'closed-lost' }, 'closed'],
    ['no-follow-on', { follow_on: { potential: 'none' } }, 'no follow-on'],
    ['custom-work-burden', { custom_work: { days: 30 } }, '30 days of custom work are unpaid'],
  ])('ceo-requested-on-declined says which rule declined it (%s) and why', (rule, patch, why) => {
    const [finding] = fileReport('d.yaml', dealYaml({ ...requested, ...patch }), config).problems;
    expect(finding?.rule).toBe('ceo-requested-on-declined');
    expect(finding?.message).toContain(`(rule ${rule})`);
    expect(finding?.message.toLowerCase()).toContain(why.toLowerCase());
  });

  it('ceo-brief-incomplete lists what the brief lacks', () => {
    const [finding] = fileReport('d.yaml', dealYaml({ ...requested, history: [], questions: [] }), config).problems;
    expect(finding?.rule).toBe('ceo-brief-incomplete');
    expect(finding?.message).toMatch(/lacks history.*questions/);
    expect(finding?.message).not.toContain('stakeholders');
  });

  const declined = dealYaml({ ...requested, ...small });
  const incomplete = dealYaml({ ...requested, history: [] });
  it.each([
    ['ceo-brief-incomplete as an error', '  - id: ceo-brief-incomplete\n    severity: error\n', incomplete, [['ceo-brief-incomplete', 'error']]],
    ['ceo-brief-incomplete off', '  - id: ceo-brief-incomplete\n    severity: off\n', incomplete, []],
    ['ceo-brief-incomplete enabled: false', '  - id: ceo-brief-incomplete\n    enabled: false\n', incomplete, []],
    ['ceo-requested-on-declined as a warning', '  - id: ceo-requested-on-declined\n    severity: warning\n', declined, [['ceo-requested-on-declined', 'warning']]],
    ['ceo-requested-on-declined off', '  - id: ceo-requested-on-declined\n    severity: off\n', declined, []],
    ['ceo-requested-on-declined enabled: false', '  - id: ceo-requested-on-declined\n    enabled: false\n', declined, []],
  ])('the config can set %s', (_name, rule, text, expected) => {
    expect(fileReport('d.yaml', text, withRules(rule)).problems.map((p) => [p.rule, p.severity])).toEqual(expected);
  });
});

describe("a user's finding rule", () => {
  const rule = (extra: string) =>
    withRules(`  - id: owner-check\n    effect: finding\n    severity: warning\n    when: {fact: owner, op: eq, value: Dana Reyes}\n    message: "Owner {owner}"\n${extra}`);

  it.each([
    ['at a top-level field', '    at: owner\n', 'owner: '],
    ['at a nested field', '    at: account.employees\n', '  employees: '],
    ['at ceo.requested', '    at: ceo.requested\n', '  requested: '],
  ])('is located %s, as `at` says', (_name, at, prefix) => {
    const text = dealYaml({ ceo: { requested: true } });
    const [finding, ...rest] = fileReport('d.yaml', text, rule(at)).problems;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'owner-check', severity: 'warning', message: 'Owner Dana Reyes', ...valueAt(text, prefix) });
  });

  it('without `at`, is reported at the top of the file', () => {
    const [finding] = fileReport('d.yaml', dealYaml(), rule('')).problems;
    expect(finding).toMatchObject({ rule: 'owner-check', line: 1, column: 1 });
  });

  it('can test decided_by and show decision_reason (the deciding rule of a decline or wait)', () => {
    const config = withRules(
      '  - id: waiting\n    effect: finding\n    severity: warning\n    when: {fact: decided_by, op: eq, value: too-early}\n    message: "{decided_by}: {decision_reason}"\n',
    );
    const [finding] = fileReport('d.yaml', dealYaml({ stage: 'qualification' }), config).problems;
    expect(finding?.message).toMatch(/^too-early: .*qualification/);
    // On a join, nothing decided against it: the rule does not fire.
    expect(fileReport('d.yaml', dealYaml(), config).problems).toEqual([]);
  });

  it('lists 100 findings of a file, then one too-many-problems as serious as the ones left out', () => {
    // 150 warnings at `owner`, each with its own message; then one error beyond them.
    const warnings = Array.from({ length: 150 }, (_, i) => `  - {id: w${String(i).padStart(3, '0')}, effect: finding, severity: warning, when: {fact: stage, op: eq, value: proposal}, message: w${i}, at: owner}\n`);
    const text = dealYaml();
    const onlyWarnings = fileReport('d.yaml', text, withRules(...warnings)).problems;
    expect(onlyWarnings).toHaveLength(101);
    expect(onlyWarnings[100]).toMatchObject({ rule: 'too-many-problems', severity: 'warning', ...valueAt(text, 'owner: ') });
    expect(onlyWarnings[100]?.message).toMatch(/^… and 50 more problems \(w100: 1, w101: 1, w102: 1, 47 more rules\), the first of them here: "w100"/);

    const error = '  - {id: z-error, effect: finding, when: {fact: stage, op: eq, value: proposal}, message: bad, at: owner}\n';
    const withError = fileReport('d.yaml', text, withRules(...warnings, error)).problems;
    expect(withError[100]).toMatchObject({ rule: 'too-many-problems', severity: 'error' });
  });

  it('lists the first 100 reasons of a deal, then how many more', () => {
    const waits = Array.from({ length: 150 }, (_, i) => `  - {id: w${String(i).padStart(3, '0')}, effect: wait, when: {fact: stage, op: eq, value: proposal}}\n`);
    const reasons = fileReport('d.yaml', dealYaml(), withRules(...waits)).deal?.reasons ?? [];
    expect(reasons).toHaveLength(101);
    expect(reasons[99]?.rule).toBe('w099');
    expect(reasons[100]).toEqual({ rule: 'too-many-reasons', message: '… and 50 more reasons; only the first 100 are listed' });
  });

  it('keeps several findings in one file in line order', () => {
    const config = withRules(
      '  - id: z-first\n    effect: finding\n    when: {fact: stage, op: eq, value: proposal}\n    message: stage\n    at: stage\n',
      '  - id: a-second\n    effect: finding\n    when: {fact: stage, op: eq, value: proposal}\n    message: owner\n    at: owner\n',
    );
    const text = dealYaml();
    const problems = fileReport('d.yaml', text, config).problems;
    const lines = problems.map((p) => p.line);
    expect(problems).toHaveLength(2);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(problems.map((p) => p.line).sort()).toEqual([valueAt(text, 'owner: ').line, valueAt(text, 'stage: ').line].sort());
  });
});

describe('findings about dates, checked on TODAY (2026-12-01)', () => {
  const requested = { ceo: { requested: true } };
  const onDay = (text: string, today: string, cfg = config) => checkFileBytes(new TextEncoder().encode(text), 'd.yaml', cfg, { today });

  it.each<[string, Record<string, unknown>, boolean]>([
    ['an open deal whose close date was yesterday', { close_date: '2026-11-30' }, true],
    ['an open deal closing today', { close_date: TODAY }, false],
    ['an open deal closing tomorrow', { close_date: '2026-12-02' }, false],
    ['a wait (discovery) whose close date has passed: open too', { stage: 'discovery', close_date: '2026-06-30' }, true],
    ['a decline (a small deal) whose close date has passed: open too', { value: { amount: 20_000 }, close_date: '2026-11-30' }, true],
    ['closed-won after its close date: not late', { stage: 'closed-won', close_date: '2026-11-30' }, false],
    ['closed-lost after its close date: not late', { stage: 'closed-lost', close_date: '2026-11-30' }, false],
    ['no close date', { close_date: undefined }, false],
  ])('close-date-passed: %s', (_name, patch, fires) => {
    const text = dealYaml(patch);
    const found = fileReport('d.yaml', text, config).problems.filter((p) => p.rule === 'close-date-passed');
    expect(found).toEqual(fires ? [{ file: 'd.yaml', ...valueAt(text, 'close_date: '), rule: 'close-date-passed', severity: 'warning', message: expect.any(String) as string }] : []);
  });

  it('close-date-passed says when the date was, in days, and the stage', () => {
    const [finding] = fileReport('d.yaml', dealYaml({ stage: 'negotiation', close_date: '2026-11-20' }), config).problems;
    expect(finding?.message).toBe(
      'The close date, 2026-11-20 (11 days ago), has passed and the deal is still open, at the negotiation stage: set a new close date, or close the deal as won or lost.',
    );
  });

  it.each<[string, Record<string, unknown>, 'date' | 'id' | null]>([
    ['a join whose next meeting was yesterday', { next_meeting: { date: '2026-11-30' } }, 'date'],
    ['a join meeting today', { next_meeting: { date: TODAY } }, null],
    ['a join meeting tomorrow', { next_meeting: { date: '2026-12-02' } }, null],
    ['a join without a next meeting: at the id', { next_meeting: undefined }, 'id'],
    ['a wait without a next meeting', { stage: 'discovery', next_meeting: undefined }, null],
    ['a decline whose next meeting is past', { value: { amount: 20_000 }, next_meeting: { date: '2026-11-30' } }, null],
  ])('next-meeting-past: %s', (_name, patch, where) => {
    const text = dealYaml(patch);
    const found = fileReport('d.yaml', text, config).problems.filter((p) => p.rule === 'next-meeting-past');
    const at = where === 'date' ? valueAt(text, '  date: ') : where === 'id' ? valueAt(text, 'id: ') : undefined;
    expect(found).toEqual(at ? [{ file: 'd.yaml', ...at, rule: 'next-meeting-past', severity: 'warning', message: expect.any(String) as string }] : []);
  });

  it.each([
    [{ next_meeting: { date: '2026-11-25' } }, 'The CEO joins this deal, but its next meeting is 2026-11-25 (6 days ago): agree a meeting with Acme Corp and record it under next_meeting.'],
    [{ next_meeting: { date: '2026-11-30' } }, 'The CEO joins this deal, but its next meeting is 2026-11-30 (yesterday): agree a meeting with Acme Corp and record it under next_meeting.'],
    [{ next_meeting: undefined }, 'The CEO joins this deal, but its next meeting is not set: agree a meeting with Acme Corp and record it under next_meeting.'],
  ])('next-meeting-past says when the meeting was, or that there is none: %j', (patch, message) => {
    expect(fileReport('d.yaml', dealYaml(patch), config).problems.map((p) => p.message)).toEqual([message]);
  });

  it('ceo-requested-too-early names the deciding rule and what it said', () => {
    const text = dealYaml({ ...requested, stage: 'qualification' });
    expect(fileReport('d.yaml', text, config).problems).toEqual([
      {
        file: 'd.yaml',
        ...valueAt(text, '  requested: '),
        rule: 'ceo-requested-too-early',
        severity: 'warning',
        message:
          'The CEO is requested too early: the policy says to wait. The deal is at qualification: bring the CEO in at one of these stages: proposal, negotiation. (rule too-early)',
      },
    ]);
  });

  it('a wait of one\'s own, before brief-incomplete, is a CEO requested too early', () => {
    const cfg = withRules('  - id: no-champion\n    effect: wait\n    when: {fact: has_champion, op: eq, value: false}\n    message: Find a champion first.\n');
    const text = dealYaml({ ...requested, stakeholders: [{ name: 'Ana Silva', role: 'user' }] });
    expect(fileReport('d.yaml', text, cfg).problems.map((p) => [p.rule, p.message])).toEqual([
      ['ceo-requested-too-early', 'The CEO is requested too early: the policy says to wait. Find a champion first. (rule no-champion)'],
    ]);
  });

  it('the same deal on another day: the findings move with --today', () => {
    const text = dealYaml({ close_date: '2026-12-15', next_meeting: { date: '2026-12-03' } });
    const rules = (today: string) => onDay(text, today).problems.map((p) => p.rule);
    expect(rules('2026-12-01')).toEqual([]);
    expect(rules('2026-12-04')).toEqual(['next-meeting-past']);
    expect(rules('2026-12-16').sort()).toEqual(['close-date-passed', 'next-meeting-past']);
    // And the same day twice: the same report.
    expect(onDay(text, '2026-12-16')).toEqual(onDay(text, '2026-12-16'));
  });

  const late = dealYaml({ close_date: '2026-11-30', next_meeting: undefined });
  const early = dealYaml({ ...requested, stage: 'discovery' });
  it.each([
    ['close-date-passed as an error', '  - id: close-date-passed\n    severity: error\n', late, [['close-date-passed', 'error'], ['next-meeting-past', 'warning']]],
    ['close-date-passed off', '  - id: close-date-passed\n    severity: off\n', late, [['next-meeting-past', 'warning']]],
    ['next-meeting-past enabled: false', '  - id: next-meeting-past\n    enabled: false\n', late, [['close-date-passed', 'warning']]],
    ['ceo-requested-too-early as an error', '  - id: ceo-requested-too-early\n    severity: error\n', early, [['ceo-requested-too-early', 'error']]],
    ['ceo-requested-too-early off', '  - id: ceo-requested-too-early\n    severity: off\n', early, []],
  ])('the config can set %s', (_name, rule, text, expected) => {
    const found = fileReport('d.yaml', text, withRules(rule)).problems.map((p) => [p.rule, p.severity]);
    expect(found.sort()).toEqual(expected);
  });
});

describe('the same file, saved differently', () => {
  const FOLDER = 'fixtures/check/problems';
  const names = readdirSync(FOLDER).sort();
  const variants: [string, (text: string) => string][] = [
    ['with CRLF line endings', (text) => text.replace(/\n/g, '\r\n')],
    ['with a UTF-8 byte order mark', (text) => `\uFEFF${text}`],
    ['without a final newline', (text) => text.replace(/\n$/, '')],
  ];
  it.each(variants.flatMap(([how, change]) => names.map((name) => [name, how, change] as const)))('%s %s: the same problems at the same places', (name, _how, change) => {
    const file = `${FOLDER}/${name}`;
    const text = readFileSync(file, 'utf8');
    expect(fileReport(file, change(text), config)).toEqual(fileReport(file, text, config));
  });
});
