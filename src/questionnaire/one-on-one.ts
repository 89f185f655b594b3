// The questions of `one-on-one log` (PRODUCT.md §13), pure apart from the Prompter: the date
// (today by default), the minutes, the venue (the pack's suggestion highlighted), the earlier
// commitments now done, the new commitments of each side, then whether to record it. Every answer is
// checked by the same functions the flags are (src/one-on-one/record.ts), so a bad value is asked
// again, never written. Nothing asks what was said.

import { dayNumber } from '../engine/dates.js';
import { VENUE_WORDS } from '../format/one-on-one.js';
import { dateOfDay } from '../one-on-one/cadence.js';
import { VENUES } from '../one-on-one/log.js';
import type { Commitment, Meeting, OneOnOneLog, Person } from '../one-on-one/log.js';
import type { OpenCommitment } from '../one-on-one/pack.js';
import { checkDate, checkDue, checkWhat, parseMinutes } from '../one-on-one/record.js';
import type { Prompter } from './prompter.js';

export interface MeetingAnswers {
  meeting: Meeting;
  /** The open commitments marked done. */
  done: OpenCommitment[];
}

export interface MeetingQuestionsOptions {
  log: OneOnOneLog;
  today: string;
  suggestedVenue: Meeting['venue'];
  open: readonly OpenCommitment[];
  /** How each side is named in the questions: "the CEO (Dana Reyes)". */
  name: (person: Person) => string;
}

const WHO: Readonly<Record<Person, string>> = { ceo: 'the CEO', 'head-of-sales': 'the head of sales' };

/** The answers, or undefined when the user chose not to record the meeting after all. */
export async function askMeeting(p: Prompter, options: MeetingQuestionsOptions): Promise<MeetingAnswers | undefined> {
  const { log, today } = options;
  p.note('Recording a one-on-one: when, how long, where, and what each of you committed to. Never what was said. Ctrl-C stops without writing anything.');
  const date = await p.input({ message: 'When did you meet? (YYYY-MM-DD)', default: today, validate: (value) => checkDate(value.trim(), log, today) });
  const minutes = await p.input({
    message: 'How many minutes did it last?',
    validate: (value) => {
      const parsed = parseMinutes(value);
      return parsed.ok ? true : `minutes ${parsed.message}`;
    },
  });
  const venue = await p.select<Meeting['venue']>({
    message: 'Where did you meet?',
    choices: VENUES.map((value) => ({ value, name: value, description: VENUE_WORDS[value] })),
    default: options.suggestedVenue,
  });
  const done: OpenCommitment[] = [];
  for (const open of options.open) {
    const late = open.overdueDays === undefined ? '' : `, overdue by ${open.overdueDays} day${open.overdueDays === 1 ? '' : 's'}`;
    if (await p.confirm({ message: `Is it done: ${options.name(open.by)} — ${open.what} (due ${open.due}${late})?`, default: false })) done.push(open);
  }
  const commitments: Commitment[] = [];
  let more = await p.confirm({ message: 'Did either of you commit to something?', default: false });
  while (more) {
    const by = await p.select<Person>({
      message: 'Who commits?',
      choices: (['ceo', 'head-of-sales'] as const).map((value) => ({ value, name: options.name(value) })),
    });
    const what = await p.input({ message: `What will ${WHO[by]} do? (one line)`, validate: (value) => {
      const wrong = checkWhat(value.trim());
      return wrong === true ? true : `what ${wrong}`;
    } });
    const due = await p.input({
      message: 'By when? (YYYY-MM-DD)',
      default: dateOfDay(dayNumber(date.trim()) + 7),
      validate: (value) => {
        const wrong = checkDue(value.trim());
        return wrong === true ? true : `due ${wrong}`;
      },
    });
    commitments.push({ by, what: what.trim(), due: due.trim(), done: false });
    more = await p.confirm({ message: 'Another commitment?', default: false });
  }
  const meeting: Meeting = { date: date.trim(), minutes: (parseMinutes(minutes) as { ok: true; value: number }).value, venue, commitments };
  if (!(await p.confirm({ message: 'Record this meeting?', default: true }))) return undefined;
  return { meeting, done };
}
