// The questionnaire's questions, section by section, in the order of the deal file (PRODUCT.md §3).
// Every question about the deal is here; the few about saving are in flow.ts. A section reads the
// answers so far (or the deal being edited) as its defaults, so Enter keeps an answer, and returns
// what changed; each answer is checked with the schema piece the file loader uses for that key.

import * as z from 'zod';
import { isoDate, text } from '../schema/common.js';
import {
  AccountSchema,
  AskSchema,
  CustomWorkSchema,
  DealSchema,
  FollowOnSchema,
  HistoryEntrySchema,
  NextMeetingSchema,
  QuestionSchema,
  StakeholderSchema,
  ValueSchema,
} from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';
import type { Choice, Prompter } from './prompter.js';
import { check, parsed, validator } from './validate.js';

/** The answers so far: a deal being filled in, section by section. */
export type Draft = Partial<Deal>;

/** What a section changed. A key set to undefined is removed from the draft. */
export type Patch = { [K in keyof Deal]?: Deal[K] | undefined };

/** The ids other deal files already use, id → the files (as shown): read by the caller. */
export type DealIds = ReadonlyMap<string, readonly string[]>;

export interface SectionContext {
  /** The currency a new deal starts with: the config's company currency. */
  currency: string;
  /** Other deal files' ids (not the edited file's), for a warning when the id is taken. */
  ids?: DealIds;
}

/** A warning, not a refusal: the user may mean to replace that file, or to fix the other one. */
export function takenIdWarning(id: string, ids: DealIds | undefined): string | undefined {
  const files = ids?.get(id);
  if (!files || files.length === 0) return undefined;
  const shown = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  return `Note: ${shown} already ${files.length === 1 ? 'uses' : 'use'} the id ${id}; deal-triage check reports two deals with one id (duplicate-id).`;
}

export interface Section {
  id: string;
  /** How "change an answer" lists the section. */
  title: string;
  ask(p: Prompter, draft: Draft, context: SectionContext): Promise<Patch>;
}

type Account = Deal['account'];
type Ask = Deal['asks'][number];
type Stakeholder = Deal['stakeholders'][number];
type HistoryEntry = Deal['history'][number];
type Question = Deal['questions'][number];
type Competition = NonNullable<Deal['competition']>;
type NextMeeting = NonNullable<Deal['next_meeting']>;

// ---------------------------------------------------------------------------------------------
// Single answers

interface TextField {
  message: string;
  /** The key in the deal file, for the validation message. */
  field: string;
  schema: z.ZodType<string | undefined>;
  current: string | undefined;
}

async function requiredText(p: Prompter, q: TextField): Promise<string> {
  const answer = await p.input({
    message: q.message,
    ...(q.current === undefined ? {} : { default: q.current }),
    validate: validator<string>(q.schema, q.field),
  });
  return parsed(q.schema, q.field, answer)!;
}

/** An optional text: an empty line leaves it out. */
async function optionalText(p: Prompter, q: TextField): Promise<string | undefined> {
  const validate = validator<string>(q.schema, q.field);
  const answer = await p.input({
    message: `${q.message} (optional)`,
    ...(q.current === undefined ? {} : { default: q.current }),
    validate: (value) => (value.trim() === '' ? true : validate(value)),
  });
  return answer.trim() === '' ? undefined : parsed(q.schema, q.field, answer);
}

interface NumberField {
  message: string;
  field: string;
  schema: z.ZodType<number | undefined>;
  current: number | undefined;
}

/** A number; the schema decides whether an empty line (undefined) is allowed, and what it means. */
async function askNumber(p: Prompter, q: NumberField): Promise<number | undefined> {
  const answer = await p.number({
    message: q.message,
    ...(q.current === undefined ? {} : { default: q.current }),
    validate: validator<number | undefined>(q.schema, q.field),
  });
  return parsed(q.schema, q.field, answer);
}

function askDate(p: Prompter, question: Omit<TextField, 'schema'>, optional: boolean): Promise<string | undefined> {
  const withSchema = { ...question, schema: isoDate() };
  return optional ? optionalText(p, withSchema) : requiredText(p, withSchema);
}

// ---------------------------------------------------------------------------------------------
// Choices, each explained in a sentence

const TYPE_CHOICES: Choice<Deal['type']>[] = [
  { value: 'new', name: 'new', description: 'A first sale to a customer we do not have yet.' },
  { value: 'expansion', name: 'expansion', description: 'An existing customer buying more, or buying something new from us.' },
  { value: 'renewal', name: 'renewal', description: 'An existing customer renewing what they already have.' },
];

const STAGE_CHOICES: Choice<Deal['stage']>[] = [
  { value: 'discovery', name: 'discovery', description: 'First conversations: we are learning what they need.' },
  { value: 'qualification', name: 'qualification', description: 'We are checking the fit, the budget, who decides and when.' },
  { value: 'proposal', name: 'proposal', description: 'We are making, or have made, a proposal.' },
  { value: 'negotiation', name: 'negotiation', description: 'We are agreeing the terms and the price.' },
  { value: 'closed-won', name: 'closed-won', description: 'Signed: the deal is won.' },
  { value: 'closed-lost', name: 'closed-lost', description: 'Lost, or abandoned by either side.' },
];

const FOLLOW_ON_CHOICES: Choice<Deal['follow_on']['potential']>[] = [
  { value: 'none', name: 'none', description: 'This sale is all there is: no further business is expected from this account.' },
  {
    value: 'possible',
    name: 'possible',
    description: 'More business could follow, but nothing the customer has said or done points to it yet.',
  },
  { value: 'likely', name: 'likely', description: 'The customer has said or shown that they plan to buy more if this sale goes well.' },
  {
    value: 'committed',
    name: 'committed',
    description: 'The further business is agreed, in writing or in a plan both sides signed, subject to this sale.',
  },
];

/** A select with "not given" as well: '' stands for leaving the optional key out. */
const NOT_GIVEN = '' as const;

const THREAT_CHOICES: Choice<NonNullable<Competition['threat']> | typeof NOT_GIVEN>[] = [
  { value: 'low', name: 'low', description: 'We are clearly preferred.' },
  { value: 'medium', name: 'medium', description: 'A competitor is a real alternative.' },
  { value: 'high', name: 'high', description: 'A competitor could take the deal.' },
  { value: NOT_GIVEN, name: 'not rated', description: 'Leave the threat unrated.' },
];

const POSITION_CHOICES: Choice<Ask['position']>[] = [
  { value: 'yes', name: 'yes', description: 'We can agree to it.' },
  { value: 'trade', name: 'trade', description: 'We agree only in exchange for something from them.' },
  { value: 'no', name: 'no', description: 'We refuse: a "no" is for the CEO to say.' },
];

const ROLE_CHOICES: Choice<NonNullable<Stakeholder['role']> | typeof NOT_GIVEN>[] = [
  { value: 'economic-buyer', name: 'economic-buyer', description: 'Controls the budget and signs.' },
  { value: 'champion', name: 'champion', description: 'Sells for us inside the account.' },
  { value: 'decision-maker', name: 'decision-maker', description: 'Has a say in the final decision.' },
  { value: 'influencer', name: 'influencer', description: 'Shapes the decision without making it.' },
  { value: 'user', name: 'user', description: 'Will use what we sell.' },
  { value: 'blocker', name: 'blocker', description: 'Works against the deal.' },
  { value: NOT_GIVEN, name: 'not given', description: 'Leave the role out.' },
];

// ---------------------------------------------------------------------------------------------
// Optional sections and lists: one keystroke (Enter on a No) skips a section that is empty;
// one keystroke (Enter on "Keep") keeps one that is not.

type KeepAction = 'keep' | 'change' | 'remove';

/** An optional mapping (competition, next meeting). */
async function optionalGroup<T>(
  p: Prompter,
  spec: { add: string; title: string; summary: (value: T) => string; fill: (current: T | undefined) => Promise<T | undefined> },
  current: T | undefined,
): Promise<T | undefined> {
  if (current === undefined) {
    return (await p.confirm({ message: spec.add, default: false })) ? spec.fill(undefined) : undefined;
  }
  const action = await p.select<KeepAction>({
    message: `${spec.title}: ${spec.summary(current)}`,
    choices: [
      { value: 'keep', name: 'Keep as it is' },
      { value: 'change', name: 'Change it' },
      { value: 'remove', name: 'Remove it' },
    ],
    default: 'keep',
  });
  if (action === 'keep') return current;
  return action === 'change' ? spec.fill(current) : undefined;
}

interface ListSpec<T> {
  /** The list as a heading: "Asks", "Open issues". */
  title: string;
  /** One entry, as the questions name it: "ask", "stakeholder". */
  noun: string;
  plural: string;
  /** The yes/no question that starts an empty list. */
  add: string;
  summary: (item: T) => string;
  /** Asks for entry `index` of the list, with an existing entry's values as defaults. */
  ask: (p: Prompter, current: T | undefined, index: number) => Promise<T>;
}

type ListAction = 'keep' | 'review' | 'add' | 'clear';

async function askList<T>(p: Prompter, spec: ListSpec<T>, current: readonly T[]): Promise<T[]> {
  const items: T[] = [];
  if (current.length === 0) {
    if (!(await p.confirm({ message: spec.add, default: false }))) return [];
  } else {
    const count = `${current.length} ${current.length === 1 ? spec.noun : spec.plural}`;
    const action = await p.select<ListAction>({
      message: `${spec.title}: ${count} recorded`,
      choices: [
        { value: 'keep', name: 'Keep them as they are', description: listSummary(current.map(spec.summary)) },
        { value: 'review', name: 'Go through them: keep, change or remove each' },
        { value: 'add', name: 'Keep them and add more' },
        { value: 'clear', name: 'Remove them all' },
      ],
      default: 'keep',
    });
    if (action === 'keep') return [...current];
    if (action === 'clear') return [];
    if (action === 'add') items.push(...current);
    if (action === 'review') {
      for (const [index, item] of current.entries()) {
        const choice = await p.select<KeepAction>({
          message: `${capitalize(spec.noun)} ${index + 1} of ${current.length}: ${shorten(spec.summary(item))}`,
          choices: [
            { value: 'keep', name: 'Keep' },
            { value: 'change', name: 'Change' },
            { value: 'remove', name: 'Remove' },
          ],
          default: 'keep',
        });
        if (choice === 'keep') items.push(item);
        else if (choice === 'change') items.push(await spec.ask(p, item, items.length));
      }
      if (!(await p.confirm({ message: `Add another ${spec.noun}?`, default: false }))) return items;
    }
  }
  for (;;) {
    items.push(await spec.ask(p, undefined, items.length));
    if (!(await p.confirm({ message: `Add another ${spec.noun}?`, default: false }))) return items;
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The first few entries, on a line or two under the list of choices. */
function listSummary(lines: readonly string[]): string {
  const shown = lines.slice(0, 3).map((line) => shorten(line)).join('; ');
  return lines.length > 3 ? `${shown}; and ${lines.length - 3} more` : shown;
}

function shorten(line: string, max = 60): string {
  const flat = line.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// ---------------------------------------------------------------------------------------------
// The sections

/** `Acme — five-plant rollout` → `acme-five-plant-rollout`: the id a name suggests. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  // Cut at a dash rather than inside a word.
  const cut = slug.slice(0, 61);
  const dash = cut.lastIndexOf('-');
  return dash > 0 ? cut.slice(0, dash) : slug.slice(0, 60);
}

const deal: Section = {
  id: 'deal',
  title: 'The deal: name, id, owner, type',
  async ask(p, draft, context) {
    const name = await requiredText(p, {
      message: 'Deal name (for example "Acme — five-plant rollout")',
      field: 'name',
      schema: DealSchema.shape.name,
      current: draft.name,
    });
    const suggested = draft.id ?? slugify(name);
    const id = await requiredText(p, {
      message: 'Deal id: lowercase letters, digits and dashes; it names the file',
      field: 'id',
      schema: DealSchema.shape.id,
      current: suggested === '' ? undefined : suggested,
    });
    const warning = takenIdWarning(id, context.ids);
    if (warning) p.note(warning);
    const owner = await requiredText(p, {
      message: 'Account owner (the rep who owns the deal)',
      field: 'owner',
      schema: DealSchema.shape.owner,
      current: draft.owner,
    });
    const type = await p.select({ message: 'Type of deal', choices: TYPE_CHOICES, default: draft.type ?? 'new' });
    return { name, id, owner, type };
  },
};

const account: Section = {
  id: 'account',
  title: 'The account: name, size, industry, strategic logo',
  async ask(p, draft) {
    const current: Partial<Account> = draft.account ?? {};
    const name = await requiredText(p, {
      message: 'Account: the prospect company',
      field: 'account.name',
      schema: AccountSchema.shape.name,
      current: current.name,
    });
    const employees = await askNumber(p, {
      message: `How many employees does ${name} have? (optional)`,
      field: 'account.employees',
      schema: AccountSchema.shape.employees,
      current: current.employees,
    });
    const revenue = await askNumber(p, {
      message: `${name}'s annual revenue, in the deal's currency (optional)`,
      field: 'account.annual_revenue',
      schema: AccountSchema.shape.annual_revenue,
      current: current.annual_revenue,
    });
    const industry = await optionalText(p, {
      message: 'Industry',
      field: 'account.industry',
      schema: AccountSchema.shape.industry.unwrap(),
      current: current.industry,
    });
    const logo = await p.confirm({
      message: `Is ${name} a strategic logo (it opens a market, or serves as a reference)?`,
      default: draft.strategic_logo ?? false,
    });
    return {
      account: {
        name,
        ...(employees === undefined ? {} : { employees }),
        ...(revenue === undefined ? {} : { annual_revenue: revenue }),
        ...(industry === undefined ? {} : { industry }),
      },
      strategic_logo: logo,
    };
  },
};

const stage: Section = {
  id: 'stage',
  title: 'Stage and close date',
  async ask(p, draft) {
    const stage = await p.select({
      message: 'Stage',
      choices: STAGE_CHOICES,
      ...(draft.stage === undefined ? {} : { default: draft.stage }),
    });
    const close = await askDate(p, { message: 'Expected close date, YYYY-MM-DD', field: 'close_date', current: draft.close_date }, true);
    return { stage, close_date: close };
  },
};

const value: Section = {
  id: 'value',
  title: 'Value: currency, amount, term',
  async ask(p, draft, context) {
    const current: Partial<Deal['value']> = draft.value ?? {};
    const currency = await requiredText(p, {
      message: 'Currency of the deal (ISO 4217 code)',
      field: 'value.currency',
      // Typed in small letters is still clearly the code: accept "usd" as USD.
      schema: z.string().trim().toUpperCase().pipe(ValueSchema.shape.currency.unwrap()),
      current: current.currency ?? context.currency,
    });
    const amount = await askNumber(p, {
      message: `Contract value of this sale, in ${currency}`,
      field: 'value.amount',
      schema: ValueSchema.shape.amount,
      current: current.amount,
    });
    const term = await askNumber(p, {
      message: 'Contract term in months (optional)',
      field: 'value.term_months',
      schema: ValueSchema.shape.term_months,
      current: current.term_months,
    });
    return { value: { amount: amount!, currency, ...(term === undefined ? {} : { term_months: term }) } };
  },
};

const followOn: Section = {
  id: 'follow-on',
  title: 'Follow-on potential',
  async ask(p, draft) {
    const current: Partial<Deal['follow_on']> = draft.follow_on ?? {};
    const potential = await p.select({
      message: 'Follow-on potential: further business this sale could lead to',
      choices: FOLLOW_ON_CHOICES,
      ...(current.potential === undefined ? {} : { default: current.potential }),
    });
    let followValue = current.value;
    let notes = current.notes;
    // With no follow-on expected there is nothing to value, unless the deal already records it.
    if (potential !== 'none' || followValue !== undefined || notes !== undefined) {
      const currency = draft.value?.currency;
      followValue = await askNumber(p, {
        message: `Expected follow-on value over the next 18–36 months${currency ? `, in ${currency}` : ''} (optional)`,
        field: 'follow_on.value',
        schema: FollowOnSchema.shape.value,
        current: followValue,
      });
      notes = await optionalText(p, {
        message: 'Follow-on notes: what the further business would be',
        field: 'follow_on.notes',
        schema: FollowOnSchema.shape.notes.unwrap(),
        current: notes,
      });
    }
    return {
      follow_on: { potential, ...(followValue === undefined ? {} : { value: followValue }), ...(notes === undefined ? {} : { notes }) },
    };
  },
};

const competition: Section = {
  id: 'competition',
  title: 'Competition',
  async ask(p, draft) {
    const answer = await optionalGroup<Competition>(
      p,
      {
        add: 'Is another vendor competing for this deal?',
        title: 'Competition',
        summary: (c) => [c.threat ? `${c.threat} threat` : 'threat not rated', ...(c.competitors ?? [])].join(', '),
        fill: async (current) => {
          const threat = await p.select({
            message: 'How serious is the competitive threat?',
            choices: THREAT_CHOICES,
            // A new entry starts at the top; an existing one at its answer, "not rated" included.
            ...(current === undefined ? {} : { default: current.threat ?? NOT_GIVEN }),
          });
          const competitors = await askList(
            p,
            {
              title: 'Competitors',
              noun: 'competitor',
              plural: 'competitors',
              add: 'Name the competitors?',
              summary: (name) => name,
              ask: (prompter, name, index) =>
                requiredText(prompter, {
                  message: 'Competitor',
                  field: `competition.competitors[${index}]`,
                  schema: text(),
                  current: name,
                }),
            },
            current?.competitors ?? [],
          );
          const result: Competition = { ...(threat === NOT_GIVEN ? {} : { threat }), ...(competitors.length > 0 ? { competitors } : {}) };
          // Nothing known about the competition: leave the section out rather than write it empty.
          return Object.keys(result).length > 0 ? result : undefined;
        },
      },
      draft.competition && Object.keys(draft.competition).length > 0 ? draft.competition : undefined,
    );
    return { competition: answer };
  },
};

const customWork: Section = {
  id: 'custom-work',
  title: 'Custom work',
  async ask(p, draft) {
    const current = draft.custom_work ?? { days: 0, compensated_days: 0 };
    const days = (await askNumber(p, {
      message: 'Days of custom work for the sales/solutions team (person-days)',
      field: 'custom_work.days',
      schema: CustomWorkSchema.shape.days,
      current: current.days,
    }))!;
    let compensated = 0;
    let description = current.description;
    if (days > 0) {
      compensated = (await p.number({
        message: 'Of those days, how many does the customer pay for?',
        default: Math.min(current.compensated_days, days),
        // Checked with the whole custom_work schema: it is what says paid days may not exceed days.
        validate: (answer) => {
          const checked = check(CustomWorkSchema, 'custom_work', { days, compensated_days: answer });
          return checked.ok ? true : checked.message;
        },
      })) ?? 0;
    }
    if (days > 0 || description !== undefined) {
      description = await optionalText(p, {
        message: 'What is the custom work?',
        field: 'custom_work.description',
        schema: CustomWorkSchema.shape.description.unwrap(),
        current: description,
      });
    }
    return { custom_work: { days, compensated_days: compensated, ...(description === undefined ? {} : { description }) } };
  },
};

const asks: Section = {
  id: 'asks',
  title: 'Asks: what the prospect asks for, and our position',
  async ask(p, draft) {
    const list = await askList<Ask>(
      p,
      {
        title: 'Asks',
        noun: 'ask',
        plural: 'asks',
        add: 'Is the prospect asking for special terms, a discount or a commitment?',
        summary: (a) => `${a.request} (${a.position})`,
        ask: async (prompter, current, index) => {
          const request = await requiredText(prompter, {
            message: 'What do they ask for?',
            field: `asks[${index}].request`,
            schema: AskSchema.shape.request,
            current: current?.request,
          });
          const position = await prompter.select({
            message: 'Our position',
            choices: POSITION_CHOICES,
            ...(current === undefined ? {} : { default: current.position }),
          });
          const rationale = await optionalText(prompter, {
            message: 'Why: our rationale',
            field: `asks[${index}].rationale`,
            schema: AskSchema.shape.rationale.unwrap(),
            current: current?.rationale,
          });
          const exception = await prompter.confirm({
            message: 'Would granting it need an exception only the CEO can grant?',
            default: current?.exception ?? false,
          });
          // `exception: false` says nothing the absence of the key does not.
          return { request, position, ...(rationale === undefined ? {} : { rationale }), ...(exception ? { exception } : {}) };
        },
      },
      draft.asks ?? [],
    );
    return { asks: list };
  },
};

const stakeholders: Section = {
  id: 'stakeholders',
  title: 'Stakeholders',
  async ask(p, draft) {
    const list = await askList<Stakeholder>(
      p,
      {
        title: 'Stakeholders',
        noun: 'stakeholder',
        plural: 'stakeholders',
        add: "Name the stakeholders: the people in the prospect's decision?",
        summary: (s) => `${[s.name, s.title].filter(Boolean).join(', ')}${s.role ? ` (${s.role})` : ''}`,
        ask: async (prompter, current, index) => {
          const name = await requiredText(prompter, {
            message: 'Stakeholder name',
            field: `stakeholders[${index}].name`,
            schema: StakeholderSchema.shape.name,
            current: current?.name,
          });
          const title = await optionalText(prompter, {
            message: `${name}'s title`,
            field: `stakeholders[${index}].title`,
            schema: StakeholderSchema.shape.title.unwrap(),
            current: current?.title,
          });
          const role = await prompter.select({
            message: `${name}'s role in the decision`,
            choices: ROLE_CHOICES,
            ...(current === undefined ? {} : { default: current.role ?? NOT_GIVEN }),
          });
          return { name, ...(title === undefined ? {} : { title }), ...(role === NOT_GIVEN ? {} : { role }) };
        },
      },
      draft.stakeholders ?? [],
    );
    return { stakeholders: list };
  },
};

const history: Section = {
  id: 'history',
  title: 'History with the customer',
  async ask(p, draft) {
    const list = await askList<HistoryEntry>(
      p,
      {
        title: 'History',
        noun: 'event',
        plural: 'events',
        add: 'Record the history with the customer: meetings, pilots, milestones?',
        summary: (h) => `${h.date} ${h.event}`,
        ask: async (prompter, current, index) => {
          const date = (await askDate(
            prompter,
            { message: 'When, YYYY-MM-DD', field: `history[${index}].date`, current: current?.date },
            false,
          ))!;
          const event = await requiredText(prompter, {
            message: 'What happened',
            field: `history[${index}].event`,
            schema: HistoryEntrySchema.shape.event,
            current: current?.event,
          });
          return { date, event };
        },
      },
      draft.history ?? [],
    );
    return { history: list };
  },
};

const issues: Section = {
  id: 'issues',
  title: 'Open issues',
  async ask(p, draft) {
    const list = await askList<string>(
      p,
      {
        title: 'Open issues',
        noun: 'issue',
        plural: 'issues',
        add: 'Are there open issues: doubts or problems the prospect has raised?',
        summary: (issue) => issue,
        ask: (prompter, current, index) =>
          requiredText(prompter, { message: 'Open issue', field: `issues[${index}]`, schema: text(), current }),
      },
      draft.issues ?? [],
    );
    return { issues: list };
  },
};

const questions: Section = {
  id: 'questions',
  title: 'Questions the CEO should expect',
  async ask(p, draft) {
    const list = await askList<Question>(
      p,
      {
        title: 'Questions',
        noun: 'question',
        plural: 'questions',
        add: 'Are there questions the CEO should expect, with a suggested answer?',
        summary: (q) => q.question,
        ask: async (prompter, current, index) => {
          const question = await requiredText(prompter, {
            message: 'Question the CEO should expect',
            field: `questions[${index}].question`,
            schema: QuestionSchema.shape.question,
            current: current?.question,
          });
          const answer = await optionalText(prompter, {
            message: 'Suggested answer',
            field: `questions[${index}].answer`,
            schema: QuestionSchema.shape.answer.unwrap(),
            current: current?.answer,
          });
          return { question, ...(answer === undefined ? {} : { answer }) };
        },
      },
      draft.questions ?? [],
    );
    return { questions: list };
  },
};

const brief: Section = {
  id: 'brief',
  title: 'Objective and plan',
  async ask(p, draft) {
    const objective = await optionalText(p, {
      message: "Objective: what the CEO's involvement should achieve",
      field: 'objective',
      schema: DealSchema.shape.objective.unwrap(),
      current: draft.objective,
    });
    const plan = await optionalText(p, {
      message: 'Plan: who does what, and when',
      field: 'plan',
      schema: DealSchema.shape.plan.unwrap(),
      current: draft.plan,
    });
    return { objective, plan };
  },
};

const nextMeeting: Section = {
  id: 'next-meeting',
  title: 'Next meeting',
  async ask(p, draft) {
    const meeting = await optionalGroup<NextMeeting>(
      p,
      {
        add: 'Is the next meeting with the prospect scheduled?',
        title: 'Next meeting',
        summary: (m) => (m.purpose ? `${m.date}, ${m.purpose}` : m.date),
        fill: async (current) => {
          const date = (await askDate(
            p,
            { message: 'Date of the next meeting, YYYY-MM-DD', field: 'next_meeting.date', current: current?.date },
            false,
          ))!;
          const purpose = await optionalText(p, {
            message: 'Its purpose',
            field: 'next_meeting.purpose',
            schema: NextMeetingSchema.shape.purpose.unwrap(),
            current: current?.purpose,
          });
          return { date, ...(purpose === undefined ? {} : { purpose }) };
        },
      },
      draft.next_meeting,
    );
    return { next_meeting: meeting };
  },
};

const ceo: Section = {
  id: 'ceo',
  title: 'Whether the CEO is requested',
  async ask(p, draft) {
    const requested = await p.confirm({
      message: 'Does the head of sales ask for the CEO on this deal?',
      default: draft.ceo?.requested ?? false,
    });
    return { ceo: { requested } };
  },
};

/** Every section, in the order asked (and in the order of the deal file's keys). */
export const SECTIONS: readonly Section[] = [
  deal,
  account,
  stage,
  value,
  followOn,
  competition,
  customWork,
  asks,
  stakeholders,
  history,
  issues,
  questions,
  brief,
  nextMeeting,
  ceo,
];

export function applyPatch(draft: Draft, patch: Patch): Draft {
  const next: Record<string, unknown> = { ...draft };
  for (const [key, value] of Object.entries(patch)) {
    // Absent, not undefined: the deal must compare equal to the same deal loaded from its file.
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}
