// A deals repository for the review tests, built in a temporary folder with commits at fixed dates
// (GIT_AUTHOR_DATE / GIT_COMMITTER_DATE), so `--since` gives the same answer on every run. Between
// the week's first and last commit, one deal makes each kind of change; closed deals with and
// without the CEO make the outcome table; open deals carry each risk.

import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

type Deal = Record<string, unknown>;

/** A strategic deal the CEO should join (two signals, a full brief, at negotiation), with `over` on top. */
export function joinDeal(id: string, over: Deal = {}): Deal {
  return {
    id,
    name: `${id} deal`,
    owner: 'Dana Reyes',
    stage: 'negotiation',
    close_date: '2026-12-20',
    account: { name: `${id} Corp`, employees: 5000 },
    value: { amount: 300000, currency: 'USD' },
    follow_on: { potential: 'likely', value: 200000 },
    stakeholders: [{ name: 'Lee Park', role: 'champion' }],
    history: [{ date: '2026-11-25', event: 'Proposal walked through' }],
    questions: [{ question: 'Can you support us?', answer: 'Yes' }],
    objective: 'Verbal commitment',
    plan: 'CEO closes on the call',
    next_meeting: { date: '2026-12-05' },
    ...over,
  };
}

/** A small deal the policy declines. */
export function smallDeal(id: string, over: Deal = {}): Deal {
  return joinDeal(id, { value: { amount: 20000, currency: 'USD' }, follow_on: { potential: 'possible' }, ...over });
}

/** A closed deal, `won` or lost, first event `first`, closed `closed`; with the CEO when `joined`. */
export function closedDeal(id: string, won: boolean, value: number, first: string, closed: string, joined?: string): Deal {
  return smallDeal(id, {
    stage: won ? 'closed-won' : 'closed-lost',
    close_date: closed,
    value: { amount: value, currency: 'USD' },
    history: [{ date: first, event: 'First call' }],
    ...(joined ? { ceo: { joined } } : {}),
  });
}

export class DealsRepo {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  }

  write(file: string, deal: Deal | string): void {
    const at = path.join(this.dir, file);
    mkdirSync(path.dirname(at), { recursive: true });
    writeFileSync(at, typeof deal === 'string' ? deal : stringify(deal));
  }

  remove(file: string): void {
    rmSync(path.join(this.dir, file));
  }

  move(from: string, to: string): void {
    renameSync(path.join(this.dir, from), path.join(this.dir, to));
  }

  /** Commits everything at `date` (YYYY-MM-DD, noon UTC); gives the commit id. */
  commit(date: string, message: string): string {
    const when = `${date}T12:00:00+00:00`;
    execFileSync('git', ['add', '-A'], { cwd: this.dir });
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
      cwd: this.dir,
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    return this.git('rev-parse', 'HEAD').trim();
  }
}

export const CONFIG = stringify({ company: { name: 'Northwind', employees: 180, annual_revenue: 30000000, currency: 'USD' }, policy: { ceo_capacity: 3 } });

/**
 * The week's repository: a first commit without deals (2026-11-01), the deals as they were
 * (2026-11-20, tagged `last-week`), then the week's changes (2026-11-28), and the working tree as
 * committed. Closed deals: `withCeo` with ceo.joined, `withoutCeo` without.
 */
export function buildWeek(dir: string, closed: { withCeo: number; withoutCeo: number } = { withCeo: 10, withoutCeo: 12 }): DealsRepo {
  const repo = new DealsRepo(dir);
  repo.write('README.md', '# deals\n');
  repo.write('deal-triage.config.yaml', CONFIG);
  repo.commit('2026-11-01', 'Start');

  repo.write('deals/stage-move.yaml', joinDeal('stage-move', { stage: 'proposal' }));
  repo.write('deals/win-me.yaml', smallDeal('win-me'));
  repo.write('deals/lose-me.yaml', smallDeal('lose-me'));
  repo.write('deals/push-me.yaml', smallDeal('push-me', { close_date: '2026-12-10' }));
  repo.write('deals/pull-me.yaml', smallDeal('pull-me', { close_date: '2027-03-01' }));
  repo.write('deals/grow-me.yaml', smallDeal('grow-me', { value: { amount: 50000, currency: 'USD' } }));
  repo.write('deals/now-join.yaml', joinDeal('now-join', { questions: [], objective: undefined }));
  repo.write('deals/gone.yaml', smallDeal('gone'));
  repo.write('deals/old-name.yaml', smallDeal('renamed'));
  repo.write('deals/steady.yaml', joinDeal('steady', { value: { amount: 900000, currency: 'USD' } }));
  // Risks, unchanged through the week.
  repo.write('deals/overdue.yaml', smallDeal('overdue', { close_date: '2026-11-15' }));
  repo.write('deals/met-already.yaml', joinDeal('met-already', { next_meeting: { date: '2026-11-20' } }));
  repo.write('deals/no-meeting.yaml', joinDeal('no-meeting', { next_meeting: undefined }));
  repo.write('deals/quiet.yaml', smallDeal('quiet', { history: [{ date: '2026-10-01', event: 'Demo' }] }));
  repo.write('deals/asked-early.yaml', joinDeal('asked-early', { stage: 'qualification', plan: undefined, ceo: { requested: true } }));
  for (let i = 0; i < closed.withCeo; i++) {
    repo.write(`deals/closed/with-${i}.yaml`, closedDeal(`with-${i}`, i % 4 !== 3, 100000 + i * 10000, '2026-06-01', `2026-09-${String(10 + i).padStart(2, '0')}`, '2026-08-01'));
  }
  for (let i = 0; i < closed.withoutCeo; i++) {
    repo.write(`deals/closed/without-${i}.yaml`, closedDeal(`without-${i}`, i % 2 === 0, 50000 + i * 5000, '2026-07-01', `2026-10-${String(10 + i).padStart(2, '0')}`));
  }
  repo.commit('2026-11-20', 'The deals as of last week');
  repo.git('tag', 'last-week');

  repo.write('deals/stage-move.yaml', joinDeal('stage-move'));
  repo.write('deals/win-me.yaml', smallDeal('win-me', { stage: 'closed-won' }));
  repo.write('deals/lose-me.yaml', smallDeal('lose-me', { stage: 'closed-lost' }));
  repo.write('deals/push-me.yaml', smallDeal('push-me', { close_date: '2027-01-15' }));
  repo.write('deals/pull-me.yaml', smallDeal('pull-me', { close_date: '2027-01-05' }));
  repo.write('deals/grow-me.yaml', smallDeal('grow-me', { value: { amount: 80000, currency: 'USD' } }));
  repo.write('deals/now-join.yaml', joinDeal('now-join'));
  repo.remove('deals/gone.yaml');
  repo.move('deals/old-name.yaml', 'deals/renamed.yaml');
  repo.write('deals/fresh.yaml', joinDeal('fresh', { stage: 'discovery', value: { amount: 2000000, currency: 'USD' } }));
  repo.commit('2026-11-28', "The week's changes");
  return repo;
}
