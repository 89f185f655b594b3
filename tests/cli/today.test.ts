// "Today" as an input (PRODUCT.md §10): --today on every command, DEAL_TRIAGE_TODAY, else the
// system date; a bad value is a usage error (exit 2) that says where it came from; the same
// --today gives the same bytes. Through the real CLI entry, in-process.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/io/clock.js';
import { ROOT, run, STACK_FRAME, TODAY } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { located, problemsFromStylish, valueAt } from '../check/helpers.js';

const CONFIG = 'fixtures/deal-triage.config.yaml';
const ACME = 'fixtures/deals/acme-plants.yaml';
const DATES = 'fixtures/check/dates';
const tempDir = tempDirs('deal-triage-today-');

/**
 * The rule ids of what check found in fixtures/deals/acme-plants.yaml (close 2026-12-15, next
 * meeting 2026-12-03), with `before` given ahead of the command's name and `after` after it.
 */
async function acmeFindings(after: string[], env?: Record<string, string | undefined>, before: string[] = []): Promise<string[]> {
  const result = await run([...before, 'check', '--config', CONFIG, '--format', 'json', ...after, ACME], env ? { env } : {});
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as { files: { problems: { rule: string }[] }[] };
  return report.files.flatMap((file) => file.problems.map((p) => p.rule));
}

describe('--today and DEAL_TRIAGE_TODAY', () => {
  it.each<[string, string[], Record<string, string | undefined>, string[]]>([
    ['the option', ['--today', '2027-01-10'], { DEAL_TRIAGE_TODAY: undefined }, []],
    ['the option before the command name', [], { DEAL_TRIAGE_TODAY: undefined }, ['--today', '2027-01-10']],
    ['the variable', [], { DEAL_TRIAGE_TODAY: '2027-01-10' }, []],
    ['the option over the variable', ['--today', '2027-01-10'], { DEAL_TRIAGE_TODAY: '2026-12-01' }, []],
  ])('%s sets the day check decides on', async (_name, after, env, before) => {
    // On 2027-01-10 acme's close date (2026-12-15) and next meeting (2026-12-03) have passed.
    expect((await acmeFindings(after, env, before)).sort()).toEqual(['close-date-passed', 'next-meeting-past']);
  });

  it('the day before the findings: none', async () => {
    expect(await acmeFindings(['--today', '2026-12-03'])).toEqual([]);
    expect(await acmeFindings(['--today', '2026-12-04'])).toEqual(['next-meeting-past']);
    expect(await acmeFindings(['--today', '2026-12-15'])).toEqual(['next-meeting-past']);
    expect((await acmeFindings(['--today', '2026-12-16'])).sort()).toEqual(['close-date-passed', 'next-meeting-past']);
  });

  it('without either, the system date (read once, where the user is)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'deals'));
    copyFileSync(path.join(ROOT, CONFIG), path.join(dir, 'deal-triage.config.yaml'));
    const now = new Date();
    const yesterday = localDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
    const text = readFileSync(path.join(ROOT, ACME), 'utf8').replace('close_date: 2026-12-15', `close_date: ${yesterday}`);
    writeFileSync(path.join(dir, 'deals/acme.yaml'), text);
    for (const env of [{ DEAL_TRIAGE_TODAY: undefined }, { DEAL_TRIAGE_TODAY: '' }]) {
      const result = await run(['check', '--format', 'json'], { cwd: dir, env });
      expect(result.stdout).toContain(`The close date, ${yesterday} (yesterday), has passed`);
    }
  });

  it.each([
    ['not a real calendar date', '2026-02-30', 'it is not a real calendar date'],
    ['the 13th month', '2026-13-01', 'it is not a real calendar date'],
    ['a day written without its zero', '2026-12-1', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
    ['another way of writing dates', '12/01/2026', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
    ['a time', '2026-12-01T09:00', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
    ['nothing', '', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
    // Shown escaped: a value never drives the terminal.
    ['a terminal escape', '\u001b[2J2026-12-01', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
  ])('--today %s (%j): exit 2, naming the option, before any output', async (_name, value, reason) => {
    for (const argv of [
      ['triage', '--today', value, ACME],
      ['--today', value, 'check', 'fixtures/deals'],
      ['new', '--today', value],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`deal-triage: --today ${JSON.stringify(value)}: ${reason}\n`);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it.each([
    ['not a real calendar date', '2026-02-29', 'it is not a real calendar date'],
    ['another way of writing dates', '01.12.2026', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
    ['a trailing newline', '2026-12-01\n', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
    ['a terminal escape', '\u001b]8;;https://example.com\u00072026-12-01', 'it is not a date written YYYY-MM-DD (such as 2026-12-01)'],
  ])('DEAL_TRIAGE_TODAY %s: exit 2, naming the variable, before any output', async (_name, value, reason) => {
    for (const argv of [['triage', ACME], ['check', 'fixtures/deals'], ['new']]) {
      const result = await run(argv, { env: { DEAL_TRIAGE_TODAY: value } });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `deal-triage: DEAL_TRIAGE_TODAY is ${JSON.stringify(value)}: ${reason}; set it to a real date written YYYY-MM-DD, or unset it to use the system date\n`,
      );
    }
  });

  it('a bad DEAL_TRIAGE_TODAY does not matter when --today is given', async () => {
    const result = await run(['triage', '--today', TODAY, '--config', CONFIG, ACME], { env: { DEAL_TRIAGE_TODAY: 'soon' } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('--today without a value is a usage error', async () => {
    const result = await run(['triage', ACME, '--today']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("deal-triage: option '--today <date>' argument missing");
  });

  it('is in every command\'s help', async () => {
    for (const command of ['triage', 'check', 'new']) {
      expect((await run([command, '--help'])).stdout).toContain('--today <date>');
    }
  });
});

describe('the same --today, the same bytes', () => {
  it.each(['text', 'markdown', 'json'])('triage --format %s', async (format) => {
    const argv = ['triage', '--config', CONFIG, '--explain', '--format', format, 'fixtures/deals/acme-plants.yaml', 'fixtures/deals/globex-reference.yaml'];
    const first = await run(['--today', '2027-01-10', ...argv]);
    expect(first.code).toBe(0);
    expect((await run(['--today', '2027-01-10', ...argv])).stdout).toBe(first.stdout);
    // Given by the variable: the same.
    expect((await run(argv, { env: { DEAL_TRIAGE_TODAY: '2027-01-10' } })).stdout).toBe(first.stdout);
    // Another day: another explanation (the date rules' conditions).
    expect((await run(['--today', '2026-12-01', ...argv])).stdout).not.toBe(first.stdout);
  });
});

describe('fixtures/check/dates: each date finding, on the day the tests pin', () => {
  const text = (file: string) => readFileSync(path.join(ROOT, DATES, file), 'utf8');
  const at = (file: string, prefix: string, rule: string) => located(`${DATES}/${file}`, valueAt(text(file), prefix), rule, 'warning');

  it(`on ${TODAY}: close-date-passed, next-meeting-past (past and missing), ceo-requested-too-early; nothing on the boundaries`, async () => {
    const result = await run(['check', '--config', CONFIG, DATES]);
    expect(result.code).toBe(0);
    expect(problemsFromStylish(result.stdout)).toEqual([
      at('early-ceo.yaml', '  requested: ', 'ceo-requested-too-early'),
      at('late-close.yaml', 'close_date: ', 'close-date-passed'),
      at('no-meeting.yaml', 'id: ', 'next-meeting-past'),
      at('stale-meeting.yaml', '  date: ', 'next-meeting-past'),
    ]);
    // Warnings: the gate fails only when asked to.
    expect((await run(['check', '--config', CONFIG, '--max-warnings', '0', DATES])).code).toBe(1);
  });

  it('a month earlier, only what does not depend on the day', async () => {
    const result = await run(['check', '--config', CONFIG, '--today', '2026-11-01', DATES]);
    expect(problemsFromStylish(result.stdout).map((p) => [p.file.slice(DATES.length + 1), p.rule])).toEqual([
      ['early-ceo.yaml', 'ceo-requested-too-early'],
      ['no-meeting.yaml', 'next-meeting-past'],
    ]);
  });
});
