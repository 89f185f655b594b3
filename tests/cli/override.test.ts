// The CEO's override (`ceo.override`, PRODUCT.md §14), through the real CLI entry: triage shows the
// override's verdict with the policy's beside it in every format; an override ends after `until`
// (check: override-expired), may run at most a year (override-too-long), needs all four fields;
// check counts the overrides in force in every format; the folder's capacity counts them.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';

const tempDir = tempDirs('deal-triage-override-');
const CONFIG = path.join(ROOT, 'fixtures/deal-triage.config.yaml');
// Declined by the policy (no follow-on), and asks for the CEO.
const DECLINED = readFileSync(path.join(ROOT, 'fixtures/deals/umbrella-one-off.yaml'), 'utf8');

function override(fields: Record<string, string>): string {
  return `ceo:\n  requested: true\n  override:\n${Object.entries(fields)
    .map(([key, value]) => `    ${key}: ${value}\n`)
    .join('')}`;
}

const JOIN_UNTIL_END_OF_YEAR = { verdict: 'join', reason: 'Their parent company is our largest prospect', by: 'Alex Kim', until: '2026-12-31' };

/** A folder with the declined deal, overridden as given, and the fixtures' config. */
function folderWith(fields: Record<string, string> | undefined, name = 'umbrella.yaml'): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'deal-triage.config.yaml'), readFileSync(CONFIG));
  writeFileSync(path.join(dir, name), DECLINED.replace(/^ceo:\n(?: {2}.*\n)*/m, '') + (fields ? override(fields) : 'ceo:\n  requested: true\n'));
  return dir;
}

describe('triage with an override in force', () => {
  it('shows the override verdict, and the policy verdict and reasons beside it, as text', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const { code, stdout } = await run(['triage', 'umbrella.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('JOIN  The CEO should join this deal.');
    expect(stdout).toContain(
      "The CEO's override\n  Overridden: join (the policy says decline) — Their parent company is our largest prospect. By Alex Kim, until 2026-12-31.\n  Why the policy says decline:\n    ✗ There is no follow-on potential",
    );
    // The join briefing's own "why" would list the policy's decline reasons as signals: it is left out.
    expect(stdout).not.toContain('Why: the strategic signals');
    expect(stdout).toContain("The CEO's role");
  });

  it('as Markdown', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const { code, stdout } = await run(['triage', '-f', 'markdown', 'umbrella.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('**Verdict: Join.**');
    expect(stdout).toContain(
      "## The CEO's override\n\n**Overridden: join (the policy says decline) — Their parent company is our largest prospect. By Alex Kim, until 2026-12-31.**\n\nWhy the policy says decline:\n\n- There is no follow-on potential",
    );
  });

  it('as JSON: verdict is the override, policy_verdict and reasons the policy', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const { code, stdout } = await run(['triage', '-f', 'json', 'umbrella.yaml'], { cwd: dir });
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as Record<string, unknown>[];
    expect(result).toMatchObject({
      version: 4,
      verdict: 'join',
      policy_verdict: 'decline',
      override: JOIN_UNTIL_END_OF_YEAR,
      reasons: [{ rule: 'no-follow-on' }],
    });
    expect((result!.briefing as { sections: string[] }).sections[0]).toBe('override');
  });

  it('says so when the override agrees with the policy', async () => {
    const dir = folderWith({ ...JOIN_UNTIL_END_OF_YEAR, verdict: 'decline' });
    const { stdout } = await run(['triage', 'umbrella.yaml'], { cwd: dir });
    expect(stdout).toContain('DECLINE  The CEO should not join this deal.');
    expect(stdout).toContain('Overridden: decline (the policy says decline too)');
    expect(stdout).toContain('\nWhy\n  ✗ There is no follow-on potential');
  });

  it('holds on its until day, and not the day after: the policy verdict stands again', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const on = await run(['triage', '-f', 'json', 'umbrella.yaml', '--today', '2026-12-31'], { cwd: dir });
    expect((JSON.parse(on.stdout) as unknown[])[0]).toMatchObject({ verdict: 'join', policy_verdict: 'decline' });
    const after = await run(['triage', '-f', 'json', 'umbrella.yaml', '--today', '2027-01-01'], { cwd: dir });
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as unknown[])[0]).toMatchObject({ verdict: 'decline', policy_verdict: 'decline', override: null });
  });
});

describe('hostile text in an override', () => {
  it('is shown as text: no terminal control in text, no markup in Markdown', async () => {
    const dir = folderWith({ ...JOIN_UNTIL_END_OF_YEAR, reason: '"Board call \\u001b]52;c;cHduZWQ=\\u0007 [click](https://evil.example)"', by: '"Alex\\u202eKim"' });
    const text = await run(['triage', 'umbrella.yaml'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Overridden: join (the policy says decline) — Board call �]52;c;cHduZWQ=� [click](https://evil.example). By Alex�Kim, until 2026-12-31.');
    const markdown = await run(['triage', '-f', 'md', 'umbrella.yaml'], { cwd: dir });
    expect(markdown.stdout).toContain('\\[click\\]');
    expect(markdown.stdout).not.toContain('[click](https://evil.example)');
  });
});

describe('a broken override is a located error', () => {
  it.each(['verdict', 'reason', 'by', 'until'])('without %s: missing-field at the override', async (missing) => {
    const fields: Record<string, string> = { ...JOIN_UNTIL_END_OF_YEAR };
    delete fields[missing];
    const dir = folderWith(fields);
    const overrideLine = DECLINED.replace(/^ceo:\n(?: {2}.*\n)*/m, '').split('\n').length - 1 + 3;
    for (const command of ['triage', 'check']) {
      const { code, stdout, stderr } = await run([command, command === 'check' ? '.' : 'umbrella.yaml'], { cwd: dir });
      expect(code).toBe(1);
      const message = `missing required field "${missing}" in ceo.override`;
      if (command === 'triage') expect(stderr).toContain(`umbrella.yaml:${overrideLine}:3: error: ${message} (missing-field)`);
      else expect(stdout).toMatch(new RegExp(`${overrideLine}:3 +error +${message} +missing-field`));
      expect(stderr).not.toMatch(STACK_FRAME);
    }
  });

  it.each([
    ['a verdict that is not one', { verdict: 'maybe' }, 'invalid-value'],
    ['an until that is not a date', { until: 'soon' }, 'invalid-value'],
    ['an empty reason', { reason: '""' }, 'invalid-value'],
  ])('%s', async (_name, change, rule) => {
    const dir = folderWith({ ...JOIN_UNTIL_END_OF_YEAR, ...change });
    const { code, stderr } = await run(['triage', 'umbrella.yaml'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^umbrella\\.yaml:\\d+:\\d+: error: .*\\(${rule}\\)$`, 'm'));
  });

  it('an until more than a year after today: override-too-long at until, for triage and check', async () => {
    const dir = folderWith({ ...JOIN_UNTIL_END_OF_YEAR, until: '2027-12-02' });
    const triaged = await run(['triage', 'umbrella.yaml'], { cwd: dir });
    expect(triaged.code).toBe(1);
    const untilLine = DECLINED.replace(/^ceo:\n(?: {2}.*\n)*/m, '').split('\n').length - 1 + 7;
    expect(triaged.stderr).toContain(
      `umbrella.yaml:${untilLine}:12: error: ceo.override.until is 2027-12-02, more than a year after today (2026-12-01): an override runs at most a year, to 2027-12-01; decide again by then (override-too-long)`,
    );
    const checked = await run(['check', '.'], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(new RegExp(`${untilLine}:12 +error +ceo\\.override\\.until is 2027-12-02.*override-too-long`));
    // A year to the day is allowed.
    const yearToTheDay = folderWith({ ...JOIN_UNTIL_END_OF_YEAR, until: '2027-12-01' });
    expect((await run(['triage', 'umbrella.yaml'], { cwd: yearToTheDay })).code).toBe(0);
  });
});

describe('check', () => {
  it('counts the overrides in force in its summary, in every format', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const stylish = await run(['check', '.'], { cwd: dir });
    expect(stylish.stdout).toContain('verdicts: 1 join, 0 wait, 0 decline (1 override of the policy in force)');
    // Overridden to join, the requested CEO is not "requested on a declined deal".
    expect(stylish.stdout).not.toContain('ceo-requested-on-declined');
    const json = await run(['check', '.', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { summary: unknown }).summary).toMatchObject({ overrides: 1, verdicts: { join: 1, wait: 0, decline: 0 } });
    const junit = await run(['check', '.', '-f', 'junit'], { cwd: dir });
    expect(junit.stdout).toContain('<property name="overrides" value="1"/>');
    const summary = path.join(tempDir(), 'summary.md');
    const github = await run(['check', '.', '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(github.stdout).toContain('(1 override of the policy in force)');
    expect(readFileSync(summary, 'utf8')).toContain('(1 override of the policy in force)');
  });

  it('says nothing of overrides where there are none', async () => {
    const dir = folderWith(undefined);
    const { stdout } = await run(['check', '.', '-f', 'junit'], { cwd: dir });
    expect(stdout).not.toContain('overrides');
    expect((await run(['check', '.'], { cwd: dir })).stdout).not.toContain('override');
  });

  it('reports override-expired at until once today is past it, and the policy verdict stands', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const { code, stdout } = await run(['check', '.', '--today', '2027-01-05'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /error +The override by Alex Kim \(join\) ended on 2026-12-31 \(5 days ago\), so the policy's verdict, decline, applies again: decide again and set a new until date, or remove the override\. +override-expired/,
    );
    expect(stdout).toContain('ceo-requested-on-declined');
    expect(stdout).toMatch(/verdicts: 0 join, 0 wait, 1 decline$/m);
    expect((await run(['check', '.', '--today', '2026-12-31'], { cwd: dir })).stdout).not.toContain('override-expired');
  });

  it('override-expired can be made a warning, or switched off, like any finding', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    const config = `${readFileSync(CONFIG, 'utf8')}\nrules:\n  - id: override-expired\n    severity: warning\n`;
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), config.replace(/^rules: \[\]\n/m, ''));
    const { stdout } = await run(['check', '.', '--today', '2027-01-05'], { cwd: dir });
    expect(stdout).toMatch(/warning +The override by Alex Kim.*override-expired/);
  });

  it('counts a deal joined by override against the CEO capacity', async () => {
    const dir = folderWith(JOIN_UNTIL_END_OF_YEAR);
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), readFileSync(CONFIG, 'utf8').replace(/ceo_capacity: \d+/, 'ceo_capacity: 0'));
    const { stdout } = await run(['check', '.'], { cwd: dir });
    expect(stdout).toContain('over-capacity');
  });
});
