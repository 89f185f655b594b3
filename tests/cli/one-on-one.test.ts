// `deal-triage one-on-one` and `one-on-one log`, through the real CLI entry with a fixed --today:
// the pack at each cadence state, the venue rotation, the openers not repeated, the commitments
// carried and overdue, recording by flags and by answering questions, check's three findings, and
// every bad input of the log and of the flags.

import { readFileSync, symlinkSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { confirm, input, ScriptedPrompter, select, CTRL_C } from '../questionnaire/scripted.js';

const FIXTURE = path.join(ROOT, 'fixtures/one-on-one');
const CONFIG = path.join(FIXTURE, 'deal-triage.config.yaml');
const tempDir = tempDirs('deal-triage-one-on-one-');

const NAMES = 'company:\n  ceo: Dana Reyes\n  head_of_sales: Sam Ortiz\n';

/** A folder with a config and, when given, a log beside it. */
function folder(log?: string, config = NAMES): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'deal-triage.config.yaml'), config);
  if (log !== undefined) writeFileSync(path.join(dir, 'one-on-ones.yaml'), log);
  return dir;
}

async function cli(argv: string[], cwd: string = FIXTURE, extra: Parameters<typeof run>[1] = {}) {
  const result = await run(argv, { cwd, ...extra });
  expect(result.stderr).not.toMatch(STACK_FRAME);
  return result;
}

interface PackJson {
  cadence: { state: string; streak: number; summary: string; last: { days_ago: number } | null };
  venue: { suggested: string };
  openers: { id: string; kind: string; direction: string }[];
  commitments: { number: number; what: string; overdue_days: number }[];
}

async function pack(cwd: string, today: string): Promise<PackJson> {
  const result = await cli(['one-on-one', '--today', today, '-f', 'json'], cwd);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PackJson;
}

const meeting = (date: string, venue = 'walk', minutes = 75) => `  - date: ${date}\n    minutes: ${minutes}\n    venue: ${venue}\n`;

describe('the pack', () => {
  it('never met: says how to record the first meeting, and suggests a walk', async () => {
    const cwd = folder();
    const { code, stdout, stderr } = await cli(['one-on-one', '--today', '2026-12-01'], cwd);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('No meeting is recorded yet. Meet this week, for an hour or more, out of the office; then record it with deal-triage one-on-one log.');
    expect(stdout).toContain('Suggested: a long walk (walk; not tried yet).');
    expect(stdout).toContain('The pipeline is not on the agenda: read deal-triage review beforehand');
  });

  it.each([
    ['an empty log', ''],
    ['a log with only comments', '# nothing yet\n'],
    ['meetings: with nothing under it', 'meetings:\n'],
    ['an empty list', 'meetings: []\n'],
  ])('%s means no meeting recorded yet', async (_name, log) => {
    const json = await pack(folder(log), '2026-12-01');
    expect(json.cadence).toMatchObject({ state: 'never', last: null, streak: 0, summary: 'One-on-one: no meeting recorded yet' });
  });

  it.each([
    ['2026-11-24', 'on-time', 'Last met today (2026-11-24, coffee before going into the office, 45 minutes); the next one is due by 2026-12-01.', 'One-on-one: last today (coffee, 45 min); 8-week streak'],
    ['2026-12-01', 'on-time', 'Last met 7 days ago (2026-11-24, coffee before going into the office, 45 minutes); the next one is due today.', 'One-on-one: last 7 days ago (coffee, 45 min); 8-week streak'],
    ['2026-12-03', 'due', 'Last met 9 days ago (2026-11-24, coffee before going into the office, 45 minutes): the next one was due on 2026-12-01; meet within 1 day to keep the streak.', 'One-on-one: last 9 days ago (coffee, 45 min); 8-week streak'],
    ['2026-12-08', 'lapsed', 'The meeting has lapsed: the last one was 14 days ago (2026-11-24, coffee before going into the office, 45 minutes). Set the next one this week.', 'One-on-one: lapsed, the last one was 14 days ago (coffee, 45 min)'],
  ])('on %s the cadence is %s', async (today, state, sentence, summary) => {
    const text = await cli(['one-on-one', '--today', today]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(sentence);
    const json = await pack(FIXTURE, today);
    expect(json.cadence.state).toBe(state);
    expect(json.cadence.summary).toBe(summary);
  });

  it('shows the figures, the short last meeting, and never a deal, an amount or a verdict', async () => {
    const { stdout } = await cli(['one-on-one', '--today', '2026-12-01']);
    expect(stdout).toContain('8-week streak; average 70 minutes over 8 meetings; 88% out of the office.');
    expect(stdout).toContain('The last one ran 45 minutes: keep the next one free for 60 minutes or more.');
    expect(stdout).toContain('CEO: Dana Reyes · head of sales: Sam Ortiz');
    expect(stdout).not.toMatch(/\$|\bJOIN\b|DECLINE|WAIT/);
    expect(stdout).not.toMatch(/acme|potential|verdict/i);
  });

  it('lists the open commitments of both sides, overdue first, numbered', async () => {
    const { stdout } = await cli(['one-on-one', '--today', '2026-12-01']);
    const lines = stdout.split('\n').filter((line) => /^ {2}\d\. /.test(line));
    expect(lines).toEqual([
      '  1. OVERDUE BY 7 DAYS  The CEO (Dana Reyes): Call the Orbis COO before the pricing call (due 2026-11-24, agreed on 2026-11-17)',
      '  2. The CEO (Dana Reyes): Join the Monday sales stand-up once this month (due 2026-12-14, agreed on 2026-11-24)',
      '  3. The head of sales (Sam Ortiz): Take a real day off after the quarter closes (due 2026-12-18, agreed on 2026-11-17)',
    ]);
    // A fortnight later, two are overdue, the earliest due first; the done one never shows.
    const later = await pack(FIXTURE, '2026-12-20');
    expect(later.commitments.map((c) => [c.number, c.overdue_days])).toEqual([[1, 26], [2, 6], [3, 2]]);
    expect(JSON.stringify(later)).not.toContain('hiring plan');
  });

  it.each(['text', 'markdown', 'json'])('gives byte-identical %s output for the same log and --today', async (format) => {
    const first = await cli(['one-on-one', '--today', '2026-12-01', '-f', format]);
    // Named with --config from elsewhere: the log beside it, the same pack.
    const second = await cli(['one-on-one', '--config', CONFIG, '--today', '2026-12-01', '-f', format], ROOT);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    if (format === 'markdown') expect(first.stdout).toContain('`deal-triage review`');
  });

  it('suggests the out-of-office venue used least recently, never the office', async () => {
    const suggested: string[] = [];
    let log = 'meetings:\n';
    const venues = ['walk', 'coffee', 'office', 'bike-ride', 'dinner', 'drive-in', 'walk', 'coffee'];
    for (let i = 0; i < venues.length; i++) {
      const date = `2026-0${Math.floor(i / 4) + 1}-${String((i % 4) * 7 + 1).padStart(2, '0')}`;
      suggested.push((await pack(folder(log), date)).venue.suggested);
      log += meeting(date, venues[i]);
    }
    suggested.push((await pack(folder(log), '2026-03-01')).venue.suggested);
    expect(suggested).toEqual(['walk', 'coffee', 'bike-ride', 'bike-ride', 'dinner', 'drive-in', 'walk', 'coffee', 'bike-ride']);
  });

  it('hands three openers per meeting, both ways, professional and personal, none repeated within 12 meetings', async () => {
    const shown: string[][] = [];
    let log = 'meetings:\n';
    for (let week = 0; week < 26; week++) {
      const day = `2026-01-01`;
      const date = new Date(Date.parse(`${day}T00:00:00Z`) + week * 7 * 86_400_000).toISOString().slice(0, 10);
      const json = await pack(folder(log), date);
      expect(json.openers).toHaveLength(3);
      expect(new Set(json.openers.map((o) => o.direction))).toEqual(new Set(['ceo-to-hos', 'hos-to-ceo', 'both']));
      expect(new Set(json.openers.map((o) => o.kind))).toEqual(new Set(['professional', 'personal']));
      shown.push(json.openers.map((o) => o.id));
      log += meeting(date);
    }
    for (let i = 0; i < shown.length; i++) {
      const window = shown.slice(i, i + 12).flat();
      expect(new Set(window).size).toBe(window.length);
    }
    // The same log on the same day: the same openers.
    expect((await pack(folder(log), '2026-07-01')).openers).toEqual((await pack(folder(log), '2026-07-01')).openers);
  });

  it('stays instant with 10 years of weekly meetings', async () => {
    let log = 'meetings:\n';
    const start = Date.parse('2016-12-06T00:00:00Z');
    for (let week = 0; week < 522; week++) {
      const date = new Date(start + week * 7 * 86_400_000).toISOString().slice(0, 10);
      log += `${meeting(date, ['walk', 'coffee', 'dinner'][week % 3])}    commitments:\n      - by: ceo\n        what: Follow up number ${week}\n        due: ${date}\n        done: true\n`;
    }
    const cwd = folder(log);
    const started = performance.now();
    const json = await pack(cwd, '2026-12-01');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(json.cadence.streak).toBe(522);
  });
});

describe('bad logs', () => {
  const meetingWith = (body: string) => `meetings:\n  - date: 2026-11-24\n${body}`;
  it.each([
    ['a date that is not a calendar day', 'meetings:\n  - date: 2026-02-30\n    minutes: 60\n    venue: walk\n', '2:11', 'invalid-value', 'meetings[0].date is not a real calendar date (2026-02-30)'],
    ['a date not written YYYY-MM-DD', 'meetings:\n  - date: 24/11/2026\n    minutes: 60\n    venue: walk\n', '2:11', 'invalid-value', 'must be a date written YYYY-MM-DD'],
    ['0 minutes', meetingWith('    minutes: 0\n    venue: walk\n'), '3:14', 'out-of-range', 'meetings[0].minutes must be at least 1 (the meeting took place), not 0'],
    ['negative minutes', meetingWith('    minutes: -30\n    venue: walk\n'), '3:14', 'out-of-range', 'not -30'],
    ['10,000 minutes', meetingWith('    minutes: 10000\n    venue: walk\n'), '3:14', 'out-of-range', 'meetings[0].minutes must be at most 600 (ten hours), not 10000'],
    ['minutes in fractions', meetingWith('    minutes: 62.5\n    venue: walk\n'), '3:14', 'invalid-type', 'must be a whole number of minutes'],
    ['lunch as the venue', meetingWith('    minutes: 60\n    venue: lunch\n'), '4:12', 'invalid-value', 'breakfast and lunch are for sales meetings, not for the one-on-one'],
    ['an unknown venue', meetingWith('    minutes: 60\n    venue: pub\n'), '4:12', 'invalid-value', 'meetings[0].venue must be one of walk, coffee, bike-ride, dinner, drive-in, office, other'],
    ['a by that is neither side', meetingWith('    minutes: 60\n    venue: walk\n    commitments:\n      - by: cfo\n        what: x\n        due: 2026-12-01\n'), '6:13', 'invalid-value', 'by must be one of ceo, head-of-sales, not the text "cfo"'],
    ['a commitment without a due date', meetingWith('    minutes: 60\n    venue: walk\n    commitments:\n      - by: ceo\n        what: x\n'), '6:9', 'missing-field', 'missing required field "due"'],
    ['two meetings on one date', `meetings:\n${meeting('2026-11-24')}${meeting('2026-11-24')}`, '5:11', 'duplicate-meeting', 'a meeting on 2026-11-24 is recorded already (line 2); record one meeting a day'],
    ['an unknown key', meetingWith('    minutes: 60\n    venue: walk\n    mood: great\n'), '5:5', 'unknown-key', 'unknown key "mood" in meetings[0]'],
    ['a notes field', meetingWith('    minutes: 60\n    venue: walk\n    notes: what we said\n'), '5:5', 'unknown-key', 'the log keeps no notes; what was said stays between the two of you'],
    ['YAML that does not parse', 'meetings: [\n', '1:11', 'yaml-syntax', 'YAML syntax'],
  ])('%s: located, exit 1 for the pack and problems in check', async (_name, log, at, rule, message) => {
    const cwd = folder(log);
    const { code, stdout, stderr } = await cli(['one-on-one', '--today', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`one-on-ones.yaml:${at}: error: `);
    expect(stderr).toContain(`(${rule})`);
    expect(stderr).toContain(message);
    expect(stderr).toContain('deal-triage: the one-on-one log one-on-ones.yaml is invalid; fix what is listed above');
    // check reports the same problem, located, and fails.
    mkdirSync(path.join(cwd, 'deals'));
    writeFileSync(path.join(cwd, 'deals/acme.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
    const checked = await cli(['check', '--today', '2026-12-01', '-f', 'json'], cwd);
    expect(checked.code).toBe(1);
    const report = JSON.parse(checked.stdout) as { filePath?: string; file?: string; messages?: { ruleId: string; line: number; column: number }[] }[];
    expect(JSON.stringify(report)).toContain(rule);
    // Never recorded into.
    const refused = await cli(['one-on-one', 'log', '--today', '2026-12-01', '--minutes', '60', '--venue', 'walk'], cwd);
    expect(refused.code).toBe(1);
    expect(readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8')).toBe(log);
  });

  it('a log that is not UTF-8 is located at its first bad byte', async () => {
    const cwd = folder();
    writeFileSync(path.join(cwd, 'one-on-ones.yaml'), Buffer.concat([Buffer.from('meetings:\n  - date: 2026-11-24\n    venue: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const { code, stderr } = await cli(['one-on-one', '--today', '2026-12-01'], cwd);
    expect(code).toBe(1);
    expect(stderr).toContain('one-on-ones.yaml:3:15: error: the file is not valid UTF-8 (byte 0xe9); save it as UTF-8 (file-encoding)');
  });

  it('a folder in the log\'s place: exit 2 for the pack, a located problem in check', async () => {
    const cwd = folder();
    mkdirSync(path.join(cwd, 'one-on-ones.yaml'));
    const pack = await cli(['one-on-one', '--today', '2026-12-01'], cwd);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toBe('deal-triage: the one-on-one log one-on-ones.yaml is a folder, not a file\n');
    mkdirSync(path.join(cwd, 'deals'));
    writeFileSync(path.join(cwd, 'deals/acme.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
    const checked = await cli(['check', '--today', '2026-12-01'], cwd);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^one-on-ones\.yaml\n +1:1 +error +the one-on-one log one-on-ones\.yaml is a folder, not a file +file-unreadable$/m);
  });

  it('shows hostile text from the log and the config only sanitised', async () => {
    const hostile = 'Call \u001b]0;PWNED\u0007\u001b[2J\u202e the COO';
    const cwd = folder(
      `meetings:\n${meeting('2026-11-24')}    commitments:\n      - by: ceo\n        what: ${JSON.stringify(hostile)}\n        due: 2026-11-30\n`,
      `company:\n  ceo: ${JSON.stringify('Dana \u001b[31mRed')}\n`,
    );
    mkdirSync(path.join(cwd, 'deals'));
    writeFileSync(path.join(cwd, 'deals/acme.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
    for (const argv of [['one-on-one'], ['one-on-one', '-f', 'markdown'], ['one-on-one', '-f', 'json'], ['check']]) {
      const { stdout } = await cli([...argv, '--today', '2026-12-01'], cwd);
      expect(stdout).toContain('the COO');
      // eslint-disable-next-line no-control-regex -- the escape sequences the log holds are what must not pass.
      expect(stdout).not.toMatch(/\u001b|\u0007|\u202e/);
    }
  });

  it('does not read a log that is a symbolic link out of the config folder', async () => {
    const outside = folder(`meetings:\n${meeting('2026-11-24')}`);
    const cwd = folder();
    symlinkSync(path.join(outside, 'one-on-ones.yaml'), path.join(cwd, 'one-on-ones.yaml'));
    const { code, stderr } = await cli(['one-on-one', '--today', '2026-12-01'], cwd);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "deal-triage: the one-on-one log one-on-ones.yaml is a symbolic link to a file outside the config's folder, and is not read; keep the log itself there\n",
    );
  });

  it.each([
    ['../elsewhere.yaml', 'one_on_one.log must be a path inside the config file\'s folder (no leading "/" and no "..")'],
    ['/etc/passwd.yaml', 'one_on_one.log must be a path inside the config file\'s folder'],
    ['log.txt', 'one_on_one.log must name a .yaml or .yml file'],
  ])('refuses one_on_one.log: %s as a config error', async (log, message) => {
    const cwd = folder(undefined, `one_on_one:\n  log: ${log}\n`);
    const { code, stderr } = await cli(['one-on-one', '--today', '2026-12-01'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('deal-triage.config.yaml:2:8: error: ');
    expect(stderr).toContain(message);
  });

  it.each([
    ['cadence_days: 0', 'one_on_one.cadence_days must be at least 1, not 0'],
    ['min_minutes: 601', 'one_on_one.min_minutes must be at most 600, not 601'],
    ['cadense_days: 7', 'unknown key "cadense_days" in one_on_one; did you mean "cadence_days"?'],
  ])('refuses %s in the config', async (line, message) => {
    const { code, stderr } = await cli(['one-on-one'], folder(undefined, `one_on_one:\n  ${line}\n`));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('takes one_on_one: with nothing under it as the defaults', async () => {
    const json = await pack(folder(`meetings:\n${meeting('2026-11-20')}`, 'one_on_one:\n'), '2026-12-01');
    expect(json.cadence.state).toBe('lapsed');
  });

  it('reads the log named by one_on_one.log, relative to the config folder', async () => {
    const cwd = folder(undefined, `one_on_one:\n  log: people/weekly.yaml\n`);
    mkdirSync(path.join(cwd, 'people'));
    writeFileSync(path.join(cwd, 'people/weekly.yaml'), `meetings:\n${meeting('2026-11-30')}`);
    mkdirSync(path.join(cwd, 'sub'));
    const json = await pack(path.join(cwd, 'sub'), '2026-12-01');
    expect(json.cadence.summary).toBe('One-on-one: last 1 day ago (walk, 75 min); 1-week streak');
  });
});

describe('one-on-one log, by flags', () => {
  it('creates the log when missing, with a header that says what it keeps', async () => {
    const cwd = folder();
    const { code, stdout, stderr } = await cli(
      ['one-on-one', 'log', '--today', '2026-12-01', '--minutes', '75', '--venue', 'walk', '--commitment', 'ceo:Call the Orbis COO: before pricing:2026-12-08'],
      cwd,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('✔ Recorded the one-on-one of 2026-12-01 in one-on-ones.yaml (walk, 75 min; 1 commitment)\nOne-on-one: last today (walk, 75 min); 1-week streak\n');
    expect(readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8')).toBe(
      [
        '# The weekly one-on-ones of the CEO and the head of sales: when, how long, where, and what each',
        '# side committed to. Never what was said: that stays between the two of you.',
        '# Record a meeting with: deal-triage one-on-one log',
        '',
        'meetings:',
        '  - date: 2026-12-01',
        '    minutes: 75',
        '    venue: walk',
        '    commitments:',
        '      - by: ceo',
        '        what: "Call the Orbis COO: before pricing"',
        '        due: 2026-12-08',
        '        done: false',
        '',
      ].join('\n'),
    );
  });

  it('appends in place, keeping comments and order, and marks earlier commitments done by their number', async () => {
    const original = readFileSync(path.join(FIXTURE, 'one-on-ones.yaml'), 'utf8');
    const cwd = folder(original);
    const { code, stdout } = await cli(
      ['one-on-one', 'log', '--today', '2026-12-01', '--date', '2026-11-30', '--minutes', '80', '--venue', 'bike-ride', '--done', '1', '--done', '3', '--commitment', 'head-of-sales:Book the team offsite:2026-12-15'],
      cwd,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('(bike-ride, 80 min; 1 commitment; 2 marked done)');
    const text = readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8');
    expect(text.startsWith(original.split('\n').slice(0, 10).join('\n'))).toBe(true);
    // The comment stays where it was (the yaml package puts one space before it).
    expect(text).toContain('    venue: office # rain\n');
    expect(text).toContain('        what: Call the Orbis COO before the pricing call\n        due: 2026-11-24\n        done: true\n');
    expect(text).toContain('        what: Take a real day off after the quarter closes\n        due: 2026-12-18\n        done: true\n');
    expect(text.endsWith('  - date: 2026-11-30\n    minutes: 80\n    venue: bike-ride\n    commitments:\n      - by: head-of-sales\n        what: Book the team offsite\n        due: 2026-12-15\n        done: false\n')).toBe(true);
    const after = await pack(cwd, '2026-12-01');
    expect(after.commitments.map((c) => c.what)).toEqual(['Join the Monday sales stand-up once this month', 'Book the team offsite']);
  });

  it.each([
    [['--minutes', '0', '--venue', 'walk'], '--minutes "0": must be at least 1 (the meeting took place)'],
    [['--minutes', '-5', '--venue', 'walk'], '--minutes "-5": must be at least 1'],
    [['--minutes', '10000', '--venue', 'walk'], '--minutes "10000": must be at most 600 (ten hours)'],
    [['--minutes', '1.5', '--venue', 'walk'], '--minutes "1.5": must be a whole number of minutes, such as 75'],
    [['--minutes', '60', '--venue', 'lunch'], '--venue "lunch": must be one of walk, coffee, bike-ride, dinner, drive-in, office, other; lunch is for sales meetings, not for the one-on-one'],
    [['--minutes', '60', '--venue', 'walks'], 'did you mean "walk"?'],
    [['--minutes', '60'], '--venue is needed: where you met, such as --venue walk'],
    [['--venue', 'walk'], '--minutes is needed'],
    [['--date', '2026-02-30', '--minutes', '60', '--venue', 'walk'], '--date "2026-02-30": is not a real calendar date (2026-02-30)'],
    [['--date', '2026-12-02', '--minutes', '60', '--venue', 'walk'], 'is after today (2026-12-01): record a meeting once it has taken place'],
    [['--date', '2026-11-24', '--minutes', '60', '--venue', 'walk'], 'a meeting on 2026-11-24 is recorded already; record one meeting a day'],
    [['--minutes', '60', '--venue', 'walk', '--commitment', 'cfo:Do it:2026-12-08'], 'who commits is ceo or head-of-sales, not "cfo"'],
    [['--minutes', '60', '--venue', 'walk', '--commitment', 'ceo:Do it'], 'must be written by:what:due'],
    [['--minutes', '60', '--venue', 'walk', '--commitment', 'ceo:Do it:next week'], 'the due date must be a date written YYYY-MM-DD'],
    [['--minutes', '60', '--venue', 'walk', '--commitment', 'ceo::2026-12-08'], 'what must not be empty'],
    [['--minutes', '60', '--venue', 'walk', '--done', '9'], '--done "9": takes the number of an open commitment as deal-triage one-on-one lists them: 1 to 3'],
  ])('refuses %j before writing anything (exit 2)', async (flags, message) => {
    const original = readFileSync(path.join(FIXTURE, 'one-on-ones.yaml'), 'utf8');
    const cwd = folder(original);
    const { code, stdout, stderr } = await cli(['one-on-one', 'log', '--today', '2026-12-01', ...flags], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('deal-triage: nothing was written\n');
    expect(readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8')).toBe(original);
  });

  it('never writes through a symbolic link', async () => {
    const cwd = folder();
    writeFileSync(path.join(cwd, 'target.yaml'), 'meetings: []\n');
    symlinkSync('target.yaml', path.join(cwd, 'one-on-ones.yaml'));
    const { code, stderr } = await cli(['one-on-one', 'log', '--today', '2026-12-01', '--minutes', '60', '--venue', 'walk'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write the one-on-one log one-on-ones.yaml: it is a symbolic link, and links are not written through');
    expect(readFileSync(path.join(cwd, 'target.yaml'), 'utf8')).toBe('meetings: []\n');
  });

  it('never writes into a folder that a link takes out of the config folder', async () => {
    const outside = tempDir();
    const cwd = folder(undefined, 'one_on_one:\n  log: people/weekly.yaml\n');
    symlinkSync(outside, path.join(cwd, 'people'));
    const { code, stderr } = await cli(['one-on-one', 'log', '--today', '2026-12-01', '--minutes', '60', '--venue', 'walk'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain("cannot write the one-on-one log people/weekly.yaml: its folder is a symbolic link out of the config's folder");
    expect(existsSync(path.join(outside, 'weekly.yaml'))).toBe(false);
  });

  it('without flags and without a terminal, says how to use the flags (exit 2)', async () => {
    const cwd = folder();
    const { code, stderr } = await cli(['one-on-one', 'log'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('one-on-one log asks questions, so it needs an interactive terminal');
    expect(stderr).toContain('deal-triage one-on-one log --minutes 75 --venue walk');
    expect(existsSync(path.join(cwd, 'one-on-ones.yaml'))).toBe(false);
  });
});

describe('one-on-one log, answering questions', () => {
  const terminal = { stdinTTY: true, stdoutTTY: true, env: { NO_COLOR: '1' } };

  it('asks the date, minutes, venue, the open commitments, the new ones, then records', async () => {
    const cwd = folder(readFileSync(path.join(FIXTURE, 'one-on-ones.yaml'), 'utf8'));
    const prompter = new ScriptedPrompter([
      input('When did you meet?', '2026-12-31'),
      input('When did you meet?', '2026-11-24'),
      input('When did you meet?'),
      input('How many minutes', '0'),
      input('How many minutes', '90'),
      select('Where did you meet?'),
      confirm('Is it done: the CEO (Dana Reyes) — Call the Orbis COO before the pricing call (due 2026-11-24, overdue by 7 days)?', true),
      confirm('Is it done: the CEO (Dana Reyes) — Join the Monday sales stand-up'),
      confirm('Is it done: the head of sales (Sam Ortiz) — Take a real day off'),
      confirm('Did either of you commit to something?', true),
      select('Who commits?', 'head-of-sales'),
      input('What will the head of sales do?', 'Introduce the new AE to the CEO'),
      input('By when?'),
      confirm('Another commitment?'),
      confirm('Record this meeting?'),
    ]);
    const { code, stdout } = await cli(['one-on-one', 'log', '--today', '2026-12-01'], cwd, { ...terminal, prompter });
    expect(prompter.remaining).toEqual([]);
    expect(prompter.shown).toEqual([
      'is after today (2026-12-01): record a meeting once it has taken place',
      'a meeting on 2026-11-24 is recorded already; record one meeting a day',
      'minutes must be at least 1 (the meeting took place)',
    ]);
    // The suggested venue is highlighted: Enter takes it.
    expect(prompter.asked.find((q) => q.message === 'Where did you meet?')?.default).toBe('bike-ride');
    expect(code).toBe(0);
    expect(stdout).toContain('Recorded the one-on-one of 2026-12-01 in one-on-ones.yaml (bike-ride, 90 min; 1 commitment; 1 marked done)');
    const text = readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8');
    expect(text.endsWith('  - date: 2026-12-01\n    minutes: 90\n    venue: bike-ride\n    commitments:\n      - by: head-of-sales\n        what: Introduce the new AE to the CEO\n        due: 2026-12-08\n        done: false\n')).toBe(true);
  });

  it('Ctrl-C: exit 130, nothing written', async () => {
    const cwd = folder();
    const prompter = new ScriptedPrompter([input('When did you meet?'), input('How many minutes', CTRL_C)]);
    const { code, stderr } = await cli(['one-on-one', 'log', '--today', '2026-12-01'], cwd, { ...terminal, prompter });
    expect(code).toBe(130);
    expect(stderr).toBe('deal-triage: cancelled; nothing was written\n');
    expect(existsSync(path.join(cwd, 'one-on-ones.yaml'))).toBe(false);
  });
});

describe('check and the one-on-one log', () => {
  function withDeal(log: string, config = NAMES) {
    const cwd = folder(log, config);
    mkdirSync(path.join(cwd, 'deals'));
    writeFileSync(path.join(cwd, 'deals/acme.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
    return cwd;
  }
  const open = (due: string) => `    commitments:\n      - by: head-of-sales\n        what: Send the hiring plan\n        due: ${due}\n`;

  it.each([
    ['a lapsed meeting', `meetings:\n${meeting('2026-11-20')}`, 'one-on-one-overdue', '2:11', 'the last one-on-one was 11 days ago (2026-11-20); the CEO and the head of sales meet every 7 days: set the next one this week'],
    ['a log with no meeting', 'meetings: []\n', 'one-on-one-overdue', '1:1', 'no one-on-one is recorded yet'],
    ['a short meeting', `meetings:\n${meeting('2026-11-30', 'walk', 40)}`, 'one-on-one-short', '3:14', 'the last one-on-one (2026-11-30) ran 40 minutes, under the 60 it needs'],
    ['an overdue commitment', `meetings:\n${meeting('2026-11-30')}${open('2026-11-28')}`, 'commitment-overdue', '8:14', 'the head of sales (Sam Ortiz) committed on 2026-11-30 to "Send the hiring plan" by 2026-11-28, 3 days ago: do it and set done: true, or agree a new date and change due'],
  ])('%s: a warning located in the log', async (_name, log, rule, at, message) => {
    const cwd = withDeal(log);
    const { code, stdout } = await cli(['check', '--today', '2026-12-01'], cwd);
    expect(code).toBe(0);
    const block = stdout.split('\n\n').find((part) => part.startsWith('one-on-ones.yaml\n'));
    expect(block).toBeDefined();
    const [line, column] = at.split(':');
    expect(block).toMatch(new RegExp(`^ +${line}:${column} +warning +${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.* ${rule}$`, 'm'));
    // Its severity is the config's, like a folder rule's; off, it is gone.
    const strict = await cli(['check', '--today', '2026-12-01'], withDeal(log, `${NAMES}rules:\n  - id: ${rule}\n    severity: error\n`));
    expect(strict.code).toBe(1);
    const off = await cli(['check', '--today', '2026-12-01'], withDeal(log, `${NAMES}rules:\n  - id: ${rule}\n    severity: off\n`));
    expect(off.stdout).not.toContain(rule);
  });

  it('a clean log adds nothing to the report, and is never taken for a deal file', async () => {
    const cwd = withDeal(`meetings:\n${meeting('2026-11-30')}`);
    const { stdout } = await cli(['check', '--today', '2026-12-01', '.'], cwd);
    expect(stdout).not.toContain('one-on-ones.yaml');
    expect(stdout).toContain('1 file');
  });

  it('never writes its report over the log', async () => {
    const log = `meetings:\n${meeting('2026-11-30')}`;
    const cwd = withDeal(log);
    const { code, stderr } = await cli(['check', '--today', '2026-12-01', '-o', 'one-on-ones.yaml'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('--output one-on-ones.yaml is one of the files being checked');
    expect(readFileSync(path.join(cwd, 'one-on-ones.yaml'), 'utf8')).toBe(log);
  });

  it('a one-on-one rule takes a severity only', async () => {
    const cwd = withDeal('', `rules:\n  - id: one-on-one-short\n    when: { fact: stage, op: eq, value: lead }\n`);
    const { code, stderr } = await cli(['check', '--today', '2026-12-01'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('"one-on-one-short" reads the one-on-one log; it can only be given a severity (error, warning, off) or enabled: false');
  });
});

describe('review shows the cadence in one line', () => {
  it('in every format, from the log beside the config; and not at all without a log', async () => {
    const dir = folder(`meetings:\n${meeting('2026-11-10')}${meeting('2026-11-17')}${meeting('2026-11-24', 'coffee', 45)}`);
    mkdirSync(path.join(dir, 'deals'));
    writeFileSync(path.join(dir, 'deals/acme.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
    const line = 'One-on-one: last 7 days ago (coffee, 45 min); 3-week streak';
    for (const format of ['text', 'markdown', 'html']) {
      const result = await cli(['review', '--today', '2026-12-01', '-f', format], dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(line);
    }
    const json = JSON.parse((await cli(['review', '--today', '2026-12-01', '-f', 'json'], dir)).stdout) as { cadence?: string };
    expect(json.cadence).toBe(line);
    // The log is not a deal file, even inside the reviewed folder's parent.
    const noLog = folder();
    mkdirSync(path.join(noLog, 'deals'));
    writeFileSync(path.join(noLog, 'deals/acme.yaml'), readFileSync(path.join(ROOT, 'fixtures/deals/acme-plants.yaml')));
    expect((await cli(['review', '--today', '2026-12-01'], noLog)).stdout).not.toContain('One-on-one:');
  });
});
