// `deal-triage review` through the real entry point, over a git repository built with commits at
// fixed dates (tests/review/repo.ts): every change kind since a revision or a date, every risk, the
// outcome table and its small-sample caution, the funnel, in every format, byte for byte the same
// on every run; and the bad --since cases, each a usage error naming what is wrong.

import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ANSI, run, STACK_FRAME } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp.js';
import { buildWeek, CONFIG, DealsRepo, joinDeal, smallDeal } from '../review/repo.js';

const tempDir = tempDirs('deal-triage-review-');

interface Json {
  version: number;
  since: { given: string; commit: string | null; date: string | null } | null;
  ceo: { capacity: number; used: number; over: number; deals: { id: string; rank: number; over_capacity: boolean; roles: string[]; brief_complete: boolean }[] };
  horizon: { id: string; prepare: string[]; needed_at: { stage: string | null; close_date: string | null }; signals: string[] }[];
  changes: { id: string; file: string; kind: string; from: unknown; to: unknown }[] | null;
  risks: { id: string; kind: string; message: string }[];
  outcomes: {
    conclusive: boolean;
    with_ceo: Record<string, number | null>;
    without_ceo: Record<string, number | null>;
  };
  funnel: { stages: { stage: string; count: number; potential_value: number; by_verdict: Record<string, { count: number }> }[]; total: { count: number } };
  problems: { file: string; rule: string; severity: string }[];
}

const review = async (cwd: string, ...args: string[]) => run(['review', ...args], { cwd });
const json = async (cwd: string, ...args: string[]) => {
  const result = await review(cwd, '-f', 'json', ...args);
  expect(result.stderr).toBe('');
  return { ...result, data: JSON.parse(result.stdout) as Json };
};

describe('review --since over a week of changes', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(tempDir(), 'repo');
    buildWeek(dir);
  }, 60_000);

  it.each([['a revision', 'last-week'], ['a date (the last commit before it)', '2026-11-21']])('finds every kind of change since %s, matched by id', async (_what, since) => {
    const { code, data } = await json(dir, '--since', since);
    expect(code).toBe(0);
    expect(data.changes?.map(({ id, kind, from, to }) => [id, kind, from, to])).toEqual([
      ['fresh', 'new', null, 'discovery'],
      ['gone', 'removed', 'negotiation', null],
      ['grow-me', 'amount', 50000, 80000],
      ['lose-me', 'lost', 'negotiation', 'closed-lost'],
      ['now-join', 'verdict', 'wait', 'join'],
      ['pull-me', 'pulled-in', '2027-03-01', '2027-01-05'],
      ['push-me', 'pushed-out', '2026-12-10', '2027-01-15'],
      ['stage-move', 'stage', 'proposal', 'negotiation'],
      ['win-me', 'won', 'negotiation', 'closed-won'],
    ]);
    // The renamed file's deal is the same deal: neither removed nor new.
    expect(data.changes?.some((change) => change.id === 'renamed')).toBe(false);
    expect(data.since).toMatchObject({ given: since, date: '2026-11-20' });
  });

  it('without --since has no changes section (null in json), and the date is today', async () => {
    const { data } = await json(dir);
    expect(data.changes).toBeNull();
    expect(data.since).toBeNull();
  });

  it('finds no change since the last commit', async () => {
    const { data } = await json(dir, '--since', 'HEAD');
    expect(data.changes).toEqual([]);
  });

  it('counts every deal new since a revision where the folder did not exist yet', async () => {
    const { data } = await json(dir, '--since', 'main~2');
    expect(new Set(data.changes?.map((change) => change.kind))).toEqual(new Set(['new']));
    // The 15 deals of the working tree and the 22 closed ones.
    expect(data.changes).toHaveLength(15 + 22);
  });

  it('counts every deal new since a date before the first commit', async () => {
    const { data } = await json(dir, '--since', '2026-01-01');
    expect(data.since).toEqual({ given: '2026-01-01', commit: null, date: null });
    expect(data.changes?.every((change) => change.kind === 'new')).toBe(true);
  });

  it("ranks the CEO's deals by potential value against policy.ceo_capacity", async () => {
    const { data } = await json(dir);
    expect(data.ceo).toMatchObject({ capacity: 3, used: 5, over: 2 });
    expect(data.ceo.deals.map((deal) => [deal.id, deal.rank, deal.over_capacity])).toEqual([
      ['steady', 1, false],
      ['met-already', 2, false],
      ['no-meeting', 3, false],
      ['now-join', 4, true],
      ['stage-move', 5, true],
    ]);
    expect(data.ceo.deals[0]).toMatchObject({ roles: ['close', 'reassure', 'commit'], brief_complete: true });
  });

  it('puts strategic deals that wait on the horizon, with what to prepare and when the CEO is needed', async () => {
    const { data } = await json(dir);
    expect(data.horizon.map((deal) => [deal.id, deal.needed_at.stage, deal.prepare])).toEqual([
      // The same close date: the larger first.
      ['fresh', 'proposal', []],
      ['asked-early', 'proposal', ['plan']],
    ]);
    expect(data.horizon[0]!.signals).toEqual(['large-deal', 'follow-on-likely', 'prospect-much-larger']);
  });

  it('reports every risk kind', async () => {
    const { data } = await json(dir);
    expect(data.risks.map((risk) => [risk.kind, risk.id])).toEqual([
      ['close-date-passed', 'overdue'],
      ['next-meeting-past', 'met-already'],
      ['next-meeting-past', 'no-meeting'],
      ['stale', 'quiet'],
      ['ceo-requested-not-join', 'asked-early'],
      ['over-capacity', 'now-join'],
      ['over-capacity', 'stage-move'],
    ]);
    expect(data.risks.find((risk) => risk.kind === 'stale')?.message).toBe(
      'No event for 61 days (the last on 2026-10-01; stale after 21, policy.stale_days): is the deal still moving?',
    );
  });

  it('compares closed deals with and without the CEO: win rate, median value and cycle', async () => {
    const { data } = await json(dir);
    expect(data.outcomes.with_ceo).toEqual({ closed: 10, won: 8, lost: 2, win_rate: 0.8, median_potential_value: 145000, median_cycle_days: 105.5, cycle_sample: 10 });
    // The 12 closed without the CEO, and this week's win-me and lose-me ($20,000 each, 25 days).
    expect(data.outcomes.without_ceo).toEqual({ closed: 14, won: 7, lost: 7, win_rate: 0.5, median_potential_value: 72500, median_cycle_days: 105.5, cycle_sample: 14 });
    expect(data.outcomes.conclusive).toBe(true);
  });

  it('counts open deals by stage and verdict for the funnel', async () => {
    const { data } = await json(dir);
    expect(data.funnel.stages.map((stage) => [stage.stage, stage.count])).toEqual([
      ['discovery', 1],
      ['qualification', 1],
      ['proposal', 0],
      ['negotiation', 11],
    ]);
    expect(data.funnel.stages[3]!.by_verdict).toMatchObject({ join: { count: 5 }, wait: { count: 0 }, decline: { count: 6 } });
    expect(data.funnel.total.count).toBe(13);
  });

  it("lists every problem check reports, and exits as check does", async () => {
    const { code, data } = await json(dir);
    const check = await run(['check', '-f', 'json'], { cwd: dir });
    const checked = (JSON.parse(check.stdout) as { files: { problems: { rule: string }[] }[] }).files.flatMap((file) => file.problems.map((p) => p.rule));
    expect(data.problems.map((p) => p.rule)).toEqual(checked);
    expect(code).toBe(check.code);
    expect(await review(dir, '--max-warnings', '0')).toMatchObject({ code: 1 });
  });

  it.each(['text', 'markdown', 'json', 'html'])('gives byte-identical %s for a fixed --today and --since', async (format) => {
    const first = await review(dir, '-f', format, '--since', 'last-week', '--today', '2026-12-01');
    const second = await review(dir, '-f', format, '--since', 'last-week', '--today', '2026-12-01');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).not.toMatch(ANSI);
  });

  it('text: every section, the funnel drawn with block characters', async () => {
    const { stdout } = await review(dir, '--since', 'last-week');
    for (const title of ["The CEO's deals now: 5 for a capacity of 3: 2 over capacity", 'On the horizon: 2 strategic deals', 'What changed since last-week', 'Risks: 7 risks', "What the CEO's time returns", 'The funnel: 13 open deals']) {
      expect(stdout).toContain(title);
    }
    expect(stdout).toMatch(/negotiation\s+█+░+\s+11 {2}\$3,280,000/);
    expect(stdout).toContain('close date pushed out');
  });

  it('text: coloured on a terminal only', async () => {
    const coloured = await run(['review'], { cwd: dir, stdoutTTY: true });
    expect(coloured.stdout).toMatch(ANSI);
  });

  it('markdown: tables and a mermaid chart of the funnel', async () => {
    const { stdout } = await review(dir, '-f', 'markdown', '--since', 'last-week');
    expect(stdout).toContain('```mermaid\nxychart-beta\n');
    expect(stdout).toContain('    x-axis [discovery, qualification, proposal, negotiation]');
    expect(stdout).toContain('| `stage-move` | stage moved | proposal | negotiation |');
    expect(stdout).toMatch(/^## What changed since last-week/m);
  });

  it('json: versioned, with the keys of every section', async () => {
    const { data } = await json(dir, '--since', 'last-week');
    expect(data.version).toBe(1);
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['ceo', 'horizon', 'changes', 'risks', 'outcomes', 'funnel', 'problems']));
  });

  it('html: one self-contained page: no script, no link, no remote anything', async () => {
    const { stdout } = await review(dir, '-f', 'html', '--since', 'last-week');
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).not.toMatch(/<script|<link|<img|@import|url\(|src=|href=/i);
    expect(stdout).toContain('<svg role="img"');
    expect(stdout).toContain('<th scope="col">');
  });

  it('writes the review to --output, and says so on stderr', async () => {
    const out = path.join(tempDir(), 'review.html');
    const result = await review(dir, '-f', 'html', '-o', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('wrote the review to');
    expect(readFileSync(out, 'utf8')).toContain('<h1>Pipeline review');
  });
});

describe('review: the outcome table with few closed deals', () => {
  it('says the sample is too small to conclude', async () => {
    const dir = path.join(tempDir(), 'small');
    buildWeek(dir, { withCeo: 3, withoutCeo: 12 });
    const { data } = await json(dir);
    expect(data.outcomes.conclusive).toBe(false);
    const { stdout } = await review(dir);
    expect(stdout).toContain('Too few closed deals to conclude: 3 with the CEO and 14 without; 10 on each side are needed');
    const markdown = await review(dir, '-f', 'markdown');
    expect(markdown.stdout).toContain('> **Caution:** Too few closed deals');
  }, 60_000);
});

describe('review: broken deals and hostile text', () => {
  it('lists a broken deal under problems, exits 1, and escapes deal text in every format', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deal-triage.config.yaml'), CONFIG);
    const repo = new DealsRepo(dir);
    repo.write('deals/broken.yaml', 'id: broken\nname: [unclosed\n');
    repo.write('deals/hostile.yaml', joinDeal('hostile', { name: '<script>alert(1)</script> \u001b]52;c;x\u0007 | *bold*' }));
    repo.write('deals/small.yaml', smallDeal('small'));
    const result = await review(dir, '-f', 'json');
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout) as Json;
    expect(data.problems.filter((p) => p.file === 'deals/broken.yaml').length).toBeGreaterThan(0);
    const html = (await review(dir, '-f', 'html')).stdout;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const text = (await review(dir)).stdout;
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\u001b|\u0007/);
    expect((await review(dir, '-f', 'markdown')).stdout).toContain('\\<script\\>');
  });
});

describe('review --since: what cannot be read is a usage error naming it', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(tempDir(), 'repo');
    buildWeek(dir, { withCeo: 0, withoutCeo: 0 });
  }, 60_000);

  it('an unknown revision', async () => {
    const result = await review(dir, '--since', 'no-such-branch');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('deal-triage: --since no-such-branch: git knows no commit, branch or tag by that name; give a revision of this repository (git log shows them) or a date, YYYY-MM-DD\n');
  });

  it.each(['2026-02-30', '-p', ''])('a value that is neither a revision nor a date: %j', async (since) => {
    const result = await review(dir, '--since', since);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^deal-triage: --since/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('a folder outside any git repository', async () => {
    const plain = tempDir();
    cpSync(path.join(dir, 'deals'), path.join(plain, 'deals'), { recursive: true });
    writeFileSync(path.join(plain, 'deal-triage.config.yaml'), CONFIG);
    const result = await review(plain, '--since', 'HEAD');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since HEAD needs a git repository');
  });

  it('a folder outside the repository', async () => {
    const outside = tempDir();
    cpSync(path.join(dir, 'deals'), path.join(outside, 'deals'), { recursive: true });
    const result = await review(dir, path.join(outside, 'deals'), '--since', 'last-week');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^deal-triage: --since last-week: .*deals is outside the git repository at .*; review a folder inside it\n$/);
  });

  it.each([['a revision', 'last-week'], ['a date', '2026-11-21']])('a shallow clone without %s: says to fetch more history', async (_what, since) => {
    const shallow = path.join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', '--no-tags', `file://${dir}`, shallow]);
    const result = await review(shallow, '--since', since);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('this is a shallow clone');
    expect(result.stderr).toContain('git fetch --unshallow');
    expect(result.stderr).toContain('fetch-depth: 0');
  });
});

describe('review --since: files from git go through the same loader', () => {
  it('does not call a deal removed when its file is broken now: it is under problems, and the run exits 1', async () => {
    const dir = path.join(tempDir(), 'repo');
    const repo = new DealsRepo(dir);
    repo.write('deal-triage.config.yaml', CONFIG);
    repo.write('deals/kept.yaml', smallDeal('kept'));
    repo.write('deals/broken.yaml', smallDeal('broken'));
    repo.commit('2026-11-20', 'Deals');
    repo.write('deals/broken.yaml', 'id: broken\nname: [unclosed\n');
    const result = await review(dir, '-f', 'json', '--since', 'HEAD');
    expect(result.code).toBe(1);
    const data = JSON.parse(result.stdout) as Json;
    expect(data.changes).toEqual([]);
    expect(data.problems.some((p) => p.file === 'deals/broken.yaml' && p.severity === 'error')).toBe(true);
  }, 60_000);

  it('leaves out a file over 1 MiB at the revision, as it refuses one on disk (its deal counts as new)', async () => {
    const dir = path.join(tempDir(), 'repo');
    const repo = new DealsRepo(dir);
    repo.write('deal-triage.config.yaml', CONFIG);
    repo.write('deals/big.yaml', `${stringify(smallDeal('big'))}# ${'x'.repeat(1024 * 1024)}\n`);
    repo.write('deals/kept.yaml', smallDeal('kept'));
    repo.commit('2026-11-20', 'Deals');
    repo.write('deals/big.yaml', smallDeal('big'));
    repo.commit('2026-11-28', 'Smaller');
    const { code, data } = await json(dir, '--since', 'HEAD~1');
    expect(code).toBe(0);
    expect(data.changes?.map((change) => [change.id, change.kind])).toEqual([['big', 'new']]);
  }, 60_000);
});
