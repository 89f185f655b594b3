// The one-on-one pack (PRODUCT.md §13) in words: text for the terminal, markdown to paste, json for
// programs; and the one-line cadence summary `review` shows. Pure functions of the pack's data. The
// log's text (commitments) and the config's names go through the sanitiser; the pack never names a
// deal, an amount or a verdict: one line points to the review for the pipeline.

import { cadenceOf } from '../one-on-one/cadence.js';
import type { Cadence } from '../one-on-one/cadence.js';
import type { OneOnOneLog, Person, Venue } from '../one-on-one/log.js';
import type { OpenerDirection } from '../one-on-one/openers.js';
import type { OneOnOnePack, OpenCommitment } from '../one-on-one/pack.js';
import { markdownText } from './markdown-escape.js';
import { safeJson, safeLine } from './sanitize.js';
import type { Style } from './style.js';
import type { ONE_ON_ONE_FORMATS } from './one-on-one-formats.js';

export { ONE_ON_ONE_FORMATS } from './one-on-one-formats.js';
export type OneOnOneFormat = (typeof ONE_ON_ONE_FORMATS)[number];

/** How a venue reads in a sentence. */
export const VENUE_WORDS: Readonly<Record<Venue, string>> = {
  walk: 'a long walk',
  coffee: 'coffee before going into the office',
  'bike-ride': 'a bike ride',
  dinner: 'dinner',
  'drive-in': 'driving in together',
  office: 'the office',
  other: 'somewhere else',
};

const ASKS: Readonly<Record<OpenerDirection, string>> = {
  'ceo-to-hos': 'The CEO asks',
  'hos-to-ceo': 'The head of sales asks',
  both: 'Either of you',
};

export const REVIEW_POINTER = 'The pipeline is not on the agenda: read `deal-triage review` beforehand, so the hour is about the two of you.';
export const FIRST_MEETING = 'No meeting is recorded yet. Meet this week, for an hour or more, out of the office; then record it with `deal-triage one-on-one log`.';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

function streakWords(cadence: Cadence): string {
  return cadence.cadenceDays === 7 ? `${cadence.streak}-week streak` : `streak of ${cadence.streak} meeting${cadence.streak === 1 ? '' : 's'} within ${days(cadence.cadenceDays)}`;
}

/** "One-on-one: last 9 days ago (walk, 75 min); 6-week streak": the cadence in one line, for `review`. */
export function formatCadenceLine(cadence: Cadence): string {
  const last = cadence.last;
  if (!last) return 'One-on-one: no meeting recorded yet';
  const when = last.daysAgo === 0 ? 'today' : `${days(last.daysAgo)} ago`;
  const held = `(${last.venue}, ${last.minutes} min)`;
  if (cadence.state === 'lapsed') return `One-on-one: lapsed, the last one was ${when} ${held}`;
  return `One-on-one: last ${when} ${held}; ${streakWords(cadence)}`;
}

/**
 * The one-line cadence for another command's output (`review` shows it): the log, today and the
 * cadence in days (config.oneOnOne.cadence_days) in, the line out. Pure; no text from the log in it.
 */
export function cadenceSummary(log: OneOnOneLog, today: string, cadenceDays: number): string {
  return formatCadenceLine(cadenceOf(log, today, cadenceDays));
}

/** The cadence's sentences: where things stand, then the figures. */
function cadenceSentences(pack: OneOnOnePack): string[] {
  const { cadence } = pack;
  const last = cadence.last;
  if (!last) return [FIRST_MEETING];
  const ago = last.daysAgo === 0 ? 'today' : `${days(last.daysAgo)} ago`;
  const held = `${last.date}, ${VENUE_WORDS[last.venue]}, ${last.minutes} minutes`;
  const grace = cadence.cadenceDays + 3 - last.daysAgo;
  const status = {
    'on-time': `Last met ${ago} (${held}); the next one is due ${cadence.nextDue === pack.today ? 'today' : `by ${cadence.nextDue}`}.`,
    due: `Last met ${ago} (${held}): the next one was due on ${cadence.nextDue}; meet ${grace === 0 ? 'today' : `within ${days(grace)}`} to keep the streak.`,
    lapsed: `The meeting has lapsed: the last one was ${ago} (${held}). Set the next one this week.`,
  }[cadence.state as 'on-time' | 'due' | 'lapsed'];
  const figures = [
    ...(cadence.streak > 0 ? [streakWords(cadence)] : []),
    `average ${cadence.averageMinutes} minutes over ${cadence.held} meeting${cadence.held === 1 ? '' : 's'}`,
    `${cadence.outOfOfficePercent}% out of the office`,
  ];
  const short = last.minutes < pack.minMinutes ? [`The last one ran ${last.minutes} minutes: keep the next one free for ${pack.minMinutes} minutes or more.`] : [];
  return [status, `${figures.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()), ...short];
}

function venueSentence(pack: OneOnOnePack): string {
  const { venue, lastUsed } = pack.venue;
  const when = lastUsed === undefined ? 'not tried yet' : `last on ${lastUsed}`;
  return `Suggested: ${VENUE_WORDS[venue]} (${venue}; ${when}). Out of the office, where nobody listens in; not breakfast or lunch, which are for sales meetings.`;
}

function person(by: Person, names: OneOnOnePack['names']): string {
  const role = by === 'ceo' ? 'The CEO' : 'The head of sales';
  const name = by === 'ceo' ? names.ceo : names.head_of_sales;
  return name === undefined ? role : `${role} (${safeLine(name)})`;
}

function commitmentParts(c: OpenCommitment, names: OneOnOnePack['names']) {
  return {
    late: c.overdueDays === undefined ? '' : `overdue by ${days(c.overdueDays)}`,
    who: person(c.by, names),
    rest: `due ${c.due}, agreed on ${c.madeOn}`,
  };
}

function title(pack: OneOnOnePack): string {
  return `One-on-one: the pack for the next meeting (${pack.today})`;
}

function people(pack: OneOnOnePack): string | undefined {
  const { ceo, head_of_sales } = pack.names;
  if (ceo === undefined && head_of_sales === undefined) return undefined;
  return [`CEO: ${ceo === undefined ? '—' : safeLine(ceo)}`, `head of sales: ${head_of_sales === undefined ? '—' : safeLine(head_of_sales)}`].join(' · ');
}

export function formatPackText(pack: OneOnOnePack, style: Style): string {
  const lines: string[] = [style.bold(title(pack))];
  const names = people(pack);
  if (names !== undefined) lines.push(style.dim(names));
  const section = (heading: string, body: string[]) => lines.push('', style.bold(heading), ...body.map((line) => `  ${line}`));
  // Code marks are for markdown; the terminal shows the command as it is typed.
  const cadence = cadenceSentences(pack).map((line) => line.replace(/`/g, ''));
  if (pack.cadence.state === 'lapsed') cadence[0] = style.yellow(cadence[0]!);
  section('Cadence', cadence);
  section('Where', [venueSentence(pack)]);
  section(
    'Openers',
    pack.openers.map((opener) => `${style.cyan(`${ASKS[opener.direction]}:`)} ${opener.text} ${style.dim(`(${opener.kind})`)}`),
  );
  section(
    'Open commitments',
    pack.commitments.length === 0
      ? [style.dim('none: what each of you commits to is recorded with the meeting')]
      : pack.commitments.map((c) => {
          const { late, who, rest } = commitmentParts(c, pack.names);
          return `${c.number}. ${late ? `${style.red(late.toUpperCase())}  ` : ''}${who}: ${safeLine(c.what)} ${style.dim(`(${rest})`)}`;
        }),
  );
  lines.push('', REVIEW_POINTER.replace(/`/g, ''));
  return `${lines.join('\n')}\n`;
}

export function formatPackMarkdown(pack: OneOnOnePack): string {
  const lines: string[] = [`## ${title(pack)}`];
  const names = people(pack);
  if (names !== undefined) lines.push('', markdownText(names));
  lines.push('', '### Cadence', '', ...cadenceSentences(pack).map((line) => `- ${line}`));
  lines.push('', '### Where', '', venueSentence(pack));
  lines.push('', '### Openers', '', ...pack.openers.map((opener) => `- **${ASKS[opener.direction]}:** ${opener.text} _(${opener.kind})_`));
  lines.push('', '### Open commitments', '');
  if (pack.commitments.length === 0) lines.push('None: what each of you commits to is recorded with the meeting.');
  for (const c of pack.commitments) {
    const { late, who, rest } = commitmentParts(c, pack.names);
    lines.push(`${c.number}. ${late ? `**${late}** — ` : ''}${markdownText(who)}: ${markdownText(c.what)} (${rest})`);
  }
  lines.push('', REVIEW_POINTER);
  return `${lines.join('\n')}\n`;
}

export function formatPackJson(pack: OneOnOnePack): string {
  const { cadence } = pack;
  return `${safeJson(
    {
      today: pack.today,
      names: pack.names,
      cadence: {
        state: cadence.state,
        cadence_days: cadence.cadenceDays,
        held: cadence.held,
        last: cadence.last ? { date: cadence.last.date, days_ago: cadence.last.daysAgo, minutes: cadence.last.minutes, venue: cadence.last.venue } : null,
        next_due: cadence.nextDue ?? null,
        streak: cadence.streak,
        average_minutes: cadence.averageMinutes ?? null,
        out_of_office_percent: cadence.outOfOfficePercent ?? null,
        summary: formatCadenceLine(cadence),
      },
      venue: { suggested: pack.venue.venue, last_used: pack.venue.lastUsed ?? null },
      openers: pack.openers.map(({ id, kind, direction, text }) => ({ id, kind, direction, text })),
      commitments: pack.commitments.map((c) => ({
        number: c.number,
        by: c.by,
        what: c.what,
        due: c.due,
        overdue_days: c.overdueDays ?? 0,
        agreed_on: c.madeOn,
      })),
      pipeline: 'deal-triage review',
    },
    2,
  )}\n`;
}

export function formatPack(pack: OneOnOnePack, format: OneOnOneFormat, style: Style): string {
  return format === 'json' ? formatPackJson(pack) : format === 'markdown' ? formatPackMarkdown(pack) : formatPackText(pack, style);
}
