// The folder-wide rules of `check` (src/check/folder.ts) and the report they end up in
// (src/check/report.ts), pure: reports built from small deal texts with a config from parseConfig.
// Also how the config sets these rules (src/policy/config-schema.ts, src/policy/resolve.ts).

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/load/config.js';
import type { Problem } from '../../src/load/problem.js';
import { COMPANY_YAML, dealYaml, loadConfig, reportOf, valueAt } from './helpers.js';

const config = loadConfig();
const configWith = (policy: string, rules = '') => loadConfig(`${COMPANY_YAML}${policy ? `policy:\n${policy}` : ''}${rules ? `rules:\n${rules}` : ''}`);
const problemsOf = (report: ReturnType<typeof reportOf>): Problem[] => report.files.flatMap((f) => f.problems);
const BROKEN = 'id: broken\nname: [unclosed\n';

/** Every order of a list: the folder rules must not depend on the order files were read. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('duplicate-id', () => {
  it('reports each file of a shared id at its id value, naming the other file and line', () => {
    const first = dealYaml({ id: 'acme' });
    const second = `# copied from a.yaml\n${dealYaml({ id: 'acme', name: 'Copy' })}`;
    const report = reportOf({ 'deals/a.yaml': first, 'deals/b.yaml': second, 'deals/c.yaml': dealYaml({ id: 'other' }) }, config);
    const [a, b, c] = report.files;
    expect(a?.problems).toEqual([
      { file: 'deals/a.yaml', ...valueAt(first, 'id: '), rule: 'duplicate-id', severity: 'error', message: expect.stringContaining(`deals/b.yaml:${valueAt(second, 'id: ').line}`) as string },
    ]);
    expect(b?.problems).toEqual([
      { file: 'deals/b.yaml', ...valueAt(second, 'id: '), rule: 'duplicate-id', severity: 'error', message: expect.stringContaining('deals/a.yaml:1') as string },
    ]);
    expect(a?.problems[0]?.message).toContain('"acme"');
    expect(c?.problems).toEqual([]);
  });

  it('with three files, each names the two others', () => {
    const text = dealYaml({ id: 'same' });
    const report = reportOf({ 'x/1.yaml': text, 'x/2.yaml': text, 'x/3.yaml': text }, config);
    for (const [i, file] of report.files.entries()) {
      const others = ['x/1.yaml', 'x/2.yaml', 'x/3.yaml'].filter((_, j) => j !== i);
      expect(file.problems).toHaveLength(1);
      for (const other of others) expect(file.problems[0]?.message).toContain(`${other}:1`);
      expect(file.problems[0]?.message).not.toContain(`${file.file}:`);
    }
  });

  it('names five of the other files and counts the rest', () => {
    const text = dealYaml({ id: 'same' });
    const names = Array.from({ length: 12 }, (_, i) => `x/${String(i + 1).padStart(2, '0')}.yaml`);
    const report = reportOf(names.map((name): [string, string] => [name, text]), config);
    const messages = problemsOf(report).filter((p) => p.rule === 'duplicate-id').map((p) => p.message);
    expect(messages).toHaveLength(12);
    expect(messages[0]).toBe(
      'the id "same" is also used by x/02.yaml:1, x/03.yaml:1, x/04.yaml:1, x/05.yaml:1, x/06.yaml:1 and 6 more files: each deal needs its own id',
    );
    expect(messages[11]).toBe(
      'the id "same" is also used by x/01.yaml:1, x/02.yaml:1, x/03.yaml:1, x/04.yaml:1, x/05.yaml:1 and 6 more files: each deal needs its own id',
    );
  });

  it('ignores files that are not valid deals', () => {
    const report = reportOf({ 'a.yaml': dealYaml({ id: 'broken' }), 'b.yaml': BROKEN }, config);
    expect(problemsOf(report).map((p) => p.rule)).toEqual(['yaml-syntax']);
  });
});

describe('over-capacity', () => {
  /** A join (the base deal) worth `amount`, the CEO requested or not. */
  const join = (id: string, amount: number, requested = true) => dealYaml({ id, value: { amount }, ceo: { requested } });
  const capacity = (n: number) => configWith(`  ceo_capacity: ${n}\n`);

  it('names the first five deals that fit and counts the rest', () => {
    const files = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`d${i}.yaml`, join(`deal-${i}`, 300_000 + i * 10_000)]));
    const flagged = problemsOf(reportOf(files, capacity(8)));
    expect(flagged.map((p) => p.file)).toEqual(['d0.yaml', 'd1.yaml']);
    expect(flagged[0]?.message).toContain(
      "ranks 10 of 10; the CEO's 8 deals are deal-9, deal-8, deal-7, deal-6, deal-5 and 3 more deals",
    );
  });

  it('ranks the joins by potential value and flags the ones beyond capacity, at ceo.requested', () => {
    const files: Record<string, string> = {
      'a.yaml': join('small', 150_000),
      'b.yaml': join('largest', 400_000),
      'c.yaml': join('middle', 200_000),
      'd.yaml': join('smaller', 160_000),
    };
    const report = reportOf(files, capacity(2));
    const flagged = problemsOf(report);
    expect(flagged.map((p) => [p.file, p.rule, p.severity, p.line, p.column])).toEqual([
      ['a.yaml', 'over-capacity', 'warning', valueAt(files['a.yaml']!, '  requested: ').line, valueAt(files['a.yaml']!, '  requested: ').column],
      ['d.yaml', 'over-capacity', 'warning', valueAt(files['d.yaml']!, '  requested: ').line, valueAt(files['d.yaml']!, '  requested: ').column],
    ]);
    const [small, smaller] = flagged;
    expect(smaller?.message).toContain('ranks 3 of 4');
    expect(smaller?.message).toContain('$160,000');
    expect(small?.message).toContain('ranks 4 of 4');
    for (const p of flagged) {
      expect(p.message).toContain('4 deals get "join" but the CEO can carry 2');
      expect(p.message).toContain('largest and middle');
    }
  });

  it('points at the id when the CEO is not requested', () => {
    const text = join('c', 100_000, false);
    const report = reportOf({ 'a.yaml': join('a', 300_000), 'c.yaml': text }, capacity(1));
    expect(problemsOf(report).map((p) => [p.file, p.line, p.column])).toEqual([['c.yaml', valueAt(text, 'id: ').line, valueAt(text, 'id: ').column]]);
  });

  it('counts only joins: waits and declines do not take the CEO', () => {
    const files = {
      'a.yaml': join('a', 150_000),
      'b.yaml': join('b', 150_000),
      'w.yaml': dealYaml({ id: 'w', stage: 'discovery' }),
      'd.yaml': dealYaml({ id: 'd', stage: 'closed-won' }),
      'x.yaml': BROKEN,
    };
    expect(problemsOf(reportOf(files, capacity(2))).filter((p) => p.rule === 'over-capacity')).toEqual([]);
    expect(problemsOf(reportOf(files, capacity(1))).filter((p) => p.rule === 'over-capacity').map((p) => p.file)).toEqual(['b.yaml']);
  });

  it('with capacity 0, flags every join', () => {
    const report = reportOf({ 'a.yaml': join('a', 150_000), 'b.yaml': join('b', 300_000) }, capacity(0));
    expect(problemsOf(report).map((p) => [p.file, p.rule])).toEqual([
      ['a.yaml', 'over-capacity'],
      ['b.yaml', 'over-capacity'],
    ]);
  });

  it('the default capacity is 3 (PRODUCT.md §4)', () => {
    const three = { 'a.yaml': join('a', 150_000), 'b.yaml': join('b', 160_000), 'c.yaml': join('c', 170_000) };
    expect(problemsOf(reportOf(three, config))).toEqual([]);
    expect(problemsOf(reportOf({ ...three, 'd.yaml': join('d', 140_000) }, config)).map((p) => p.file)).toEqual(['d.yaml']);
  });

  // Equal potential values: the id decides, then the file; never the order the files were read in.
  const ties: [string, string][] = [
    ['deals/1.yaml', join('beta', 150_000)],
    ['deals/2.yaml', join('alpha', 150_000)],
    ['deals/3.yaml', join('gamma', 150_000)],
  ];
  it.each(permutations(ties).map((order) => [order.map(([file]) => file).join(', '), order] as const))(
    'breaks ties by id, whatever the order (%s)',
    (_name, order) => {
      const flagged = problemsOf(reportOf(order, capacity(2)));
      expect(flagged.map((p) => p.file)).toEqual(['deals/3.yaml']);
      expect(flagged[0]?.message).toContain('alpha and beta');
    },
  );

  const sameIdTies: [string, string][] = [
    ['deals/b.yaml', join('twin', 150_000)],
    ['deals/a.yaml', join('twin', 150_000)],
  ];
  it.each(permutations(sameIdTies).map((order) => [order.map(([file]) => file).join(', '), order] as const))(
    'breaks ties of a shared id by file, whatever the order (%s)',
    (_name, order) => {
      const flagged = problemsOf(reportOf(order, capacity(1))).filter((p) => p.rule === 'over-capacity');
      expect(flagged.map((p) => p.file)).toEqual(['deals/b.yaml']);
      // A shared id alone would not say which deal the CEO keeps: the file does.
      expect(flagged[0]?.message).toContain("the CEO's deal is twin (deals/a.yaml)");
    },
  );
});

describe('severities from the config', () => {
  const dup = { 'a.yaml': dealYaml({ id: 'same' }), 'b.yaml': dealYaml({ id: 'same' }) };
  const crowded = { 'a.yaml': dealYaml({ id: 'a' }), 'b.yaml': dealYaml({ id: 'b' }) };
  const over = (rules: string) => configWith('  ceo_capacity: 1\n', rules);

  it.each([
    ['duplicate-id by default', dup, config, 'duplicate-id', ['error', 'error']],
    ['duplicate-id as a warning', dup, configWith('', '  - id: duplicate-id\n    severity: warning\n'), 'duplicate-id', ['warning', 'warning']],
    ['duplicate-id as an error', dup, configWith('', '  - id: duplicate-id\n    severity: error\n'), 'duplicate-id', ['error', 'error']],
    ['duplicate-id off', dup, configWith('', '  - id: duplicate-id\n    severity: off\n'), 'duplicate-id', []],
    ['duplicate-id enabled: false', dup, configWith('', '  - id: duplicate-id\n    enabled: false\n'), 'duplicate-id', []],
    ['over-capacity by default', crowded, over(''), 'over-capacity', ['warning']],
    ['over-capacity as an error', crowded, over('  - id: over-capacity\n    severity: error\n'), 'over-capacity', ['error']],
    ['over-capacity off', crowded, over('  - id: over-capacity\n    severity: off\n'), 'over-capacity', []],
    ['over-capacity enabled: false', crowded, over('  - id: over-capacity\n    enabled: false\n'), 'over-capacity', []],
    ['over-capacity with a description only', crowded, over('  - id: over-capacity\n    description: Our CEO is busy\n'), 'over-capacity', ['warning']],
  ])('%s', (_name, files, cfg, rule, severities) => {
    const problems = problemsOf(reportOf(files, cfg));
    expect(problems.filter((p) => p.rule === rule).map((p) => p.severity)).toEqual(severities);
  });
});

describe('folder rules in the config', () => {
  const FILE = 'deal-triage.config.yaml';
  const invalid = (text: string): Problem[] => {
    const result = parseConfig(text, FILE);
    if (result.ok) throw new Error('expected the config to be invalid');
    return result.problems;
  };

  it.each([
    ['when', 'when: {fact: id, op: eq, value: x}'],
    ['effect', 'effect: finding'],
    ['message', 'message: two deals share {id}'],
    ['params', 'params: {ceo_capacity: 5}'],
    ['at', 'at: id'],
  ])('a folder rule entry with "%s" is a config error, located at that key', (key, line) => {
    for (const id of ['duplicate-id', 'over-capacity']) {
      const text = `rules:\n  - id: ${id}\n    severity: warning\n    ${line}\n`;
      const problems = invalid(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: FILE, ...valueAt(text, `    ${key}: `), rule: 'invalid-value', severity: 'error' });
      expect(problems[0]?.message).toContain(`"${id}" compares deal files with one another`);
    }
  });

  it.each([
    ['duplicate-ids', 'duplicate-id'],
    ['dupliate-id', 'duplicate-id'],
    ['over-capacty', 'over-capacity'],
    ['overcapacity', 'over-capacity'],
  ])('a misspelled folder rule id (%s) gets a did-you-mean, at the id', (typo, meant) => {
    const text = `rules:\n  - id: ${typo}\n    severity: off\n`;
    const [problem, ...rest] = invalid(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 2, column: valueAt(text, '  - id: ').column, rule: 'unknown-rule' });
    expect(problem?.message).toContain(`did you mean "${meant}"?`);
  });

  it.each([
    ['verdict', '{ fact: verdict, op: eq, value: decline }'],
    ['decided_by', '{ fact: decided_by, op: eq, value: small-deal }'],
    ['decision_reason', '{ fact: name, op: eq, value: { fact: decision_reason } }'],
  ])('a decline rule reading %s (known only after the verdict) is a config error, at the fact', (fact, when) => {
    const text = `rules:\n  - id: late\n    effect: decline\n    when: ${when}\n`;
    const [problem, ...rest] = invalid(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 4, rule: 'invalid-value' });
    expect(problem?.message).toContain(`"${fact}" is known only once the verdict is decided: only a finding rule can use it`);
    // At the fact's name, whether it is the compared fact or the value.
    expect(problem?.column).toBe(text.split('\n')[3]!.indexOf(`fact: ${fact}`) + 'fact: '.length + 1);
  });

  it('a finding rule may read the verdict and the deciding rule', () => {
    const text = 'rules:\n  - id: mine\n    effect: finding\n    when: { fact: decided_by, op: eq, value: small-deal }\n    at: value.amount\n';
    expect(parseConfig(text, FILE).ok).toBe(true);
  });

  it.each([
    ['a misspelled field, with a did-you-mean', 'effect: finding\n    at: ceo.requestd', 'unknown-field', 'is not a field of the deal file; did you mean "ceo.requested"?'],
    ['a field inside a list', 'effect: finding\n    at: asks.request', 'unknown-field', 'is not a field of the deal file'],
    ['"at" on a rule that is not a finding', 'effect: decline\n    at: id', 'invalid-value', 'only a finding rule has "at"'],
  ])('"at" naming %s is a config error, at the value', (_name, lines, rule, message) => {
    const text = `rules:\n  - id: mine\n    ${lines}\n    message: x\n`;
    const [problem, ...rest] = invalid(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ...valueAt(text, '    at: '), rule });
    expect(problem?.message).toContain(message);
  });

  it('a folder rule configured twice is an error', () => {
    const problems = invalid('rules:\n  - id: over-capacity\n    severity: error\n  - id: over-capacity\n    severity: off\n');
    expect(problems.map((p) => [p.line, p.rule])).toEqual([[4, 'duplicate-rule']]);
  });
});

describe('the report', () => {
  it('keeps the files in the order given, each with its problems sorted by position', () => {
    const rules = `  - id: at-stage\n    effect: finding\n    when: {fact: stage, op: eq, value: proposal}\n    message: stage\n    at: stage\n`;
    const cfg = configWith('', rules);
    const text = dealYaml({ id: 'same' });
    const report = reportOf([['z.yaml', text], ['a.yaml', text]], cfg);
    expect(report.files.map((f) => f.file)).toEqual(['z.yaml', 'a.yaml']);
    for (const file of report.files) {
      // duplicate-id (found last, by the folder rules) is at the id, above the stage: it comes first.
      expect(valueAt(text, 'id: ').line).toBeLessThan(valueAt(text, 'stage: ').line);
      expect(file.problems.map((p) => p.rule)).toEqual(['duplicate-id', 'at-stage']);
    }
  });

  it('sums up files, invalid files, errors, warnings and verdicts', () => {
    const report = reportOf(
      {
        'join.yaml': dealYaml({ id: 'join' }),
        'wait.yaml': dealYaml({ id: 'wait', stage: 'discovery', ceo: { requested: true }, history: [] }),
        'decline.yaml': dealYaml({ id: 'decline', stage: 'closed-won', ceo: { requested: true } }),
        'decline-2.yaml': dealYaml({ id: 'decline-2', stage: 'closed-lost' }),
        'broken.yaml': BROKEN,
      },
      config,
    );
    expect(report.summary).toEqual({
      files: 5,
      invalid: 1,
      filesWithProblems: 3,
      errors: 2,
      // wait.yaml: ceo-brief-incomplete and ceo-requested-too-early (it waits for its stage too).
      warnings: 2,
      verdicts: { join: 1, wait: 1, decline: 2 },
      overrides: 0,
    });
    expect(report.files.map((f) => [f.file, f.id, f.verdict])).toEqual([
      ['join.yaml', 'join', 'join'],
      ['wait.yaml', 'wait', 'wait'],
      ['decline.yaml', 'decline', 'decline'],
      ['decline-2.yaml', 'decline-2', 'decline'],
      ['broken.yaml', null, null],
    ]);
  });
});
