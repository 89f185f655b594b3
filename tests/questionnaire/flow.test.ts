// The question flow with scripted answers: which questions are asked in which order, what an
// invalid answer shows, how optional sections are skipped and kept, `--from` defaults, the preview
// and changing an answer from it, and saving without replacing a file unasked.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plain } from '../../src/format/style.js';
import { parseConfig } from '../../src/load/config.js';
import { parseDeal } from '../../src/load/deal.js';
import type { ResolvedConfig } from '../../src/policy/resolve.js';
import { alternativeName, runQuestionnaire, saveWithConsent } from '../../src/questionnaire/flow.js';
import type { SaveOptions, SaveOutcome } from '../../src/questionnaire/flow.js';
import { slugify } from '../../src/questionnaire/ids.js';
import { dealToYaml } from '../../src/questionnaire/write.js';
import type { Deal } from '../../src/schema/deal.js';
import { confirm, CTRL_C, ENTER, EnterPrompter, ERASE, input, number, ScriptedPrompter, select } from './scripted.js';
import type { Step } from './scripted.js';
import { acmeScript, minimalScript, SAVE } from './scripts.js';
import { TODAY } from '../helpers/paths.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

function loadConfig(): ResolvedConfig {
  const loaded = parseConfig(readFileSync(new URL('deal-triage.config.yaml', FIXTURES), 'utf8'), 'deal-triage.config.yaml');
  if (!loaded.ok) throw new Error('the fixture config is invalid');
  return loaded.value;
}
const config = loadConfig();

function fixtureDeal(name: string): Deal {
  const loaded = parseDeal(readFileSync(new URL(`deals/${name}`, FIXTURES), 'utf8'), name, { defaultCurrency: config.company.currency });
  if (!loaded.ok) throw new Error(`fixture ${name} is invalid`);
  return loaded.value;
}

const DEAL_FIXTURES = readdirSync(new URL('deals/', FIXTURES)).filter((name) => name.endsWith('.yaml')).sort();

async function run(steps: readonly Step[], defaults?: Deal) {
  const prompter = new ScriptedPrompter(steps);
  const result = await runQuestionnaire(prompter, { config, today: TODAY, style: plain, ...(defaults ? { defaults, source: 'deals/x.yaml' } : {}) });
  expect(prompter.remaining).toEqual([]);
  return { prompter, result };
}

function dealOf(result: Awaited<ReturnType<typeof run>>['result']): Deal {
  if (result.kind !== 'done') throw new Error('the questionnaire was discarded');
  return result.deal;
}

/** `steps` with `bad` answered first at the question matching `message` (which must refuse it). */
function withRefusedAnswer(steps: readonly Step[], message: string, bad: Step['answer']): Step[] {
  const index = steps.findIndex((step) => typeof step.message === 'string' && step.message === message);
  if (index < 0) throw new Error(`no step "${message}" in the script`);
  const step = steps[index]!;
  return [...steps.slice(0, index), { ...step, answer: bad }, ...steps.slice(index)];
}

describe('a whole questionnaire', () => {
  it('answered with the example deal gives exactly the deal its file holds', async () => {
    const { prompter, result } = await run([...acmeScript(), SAVE]);
    expect(dealOf(result)).toStrictEqual(fixtureDeal('acme-plants.yaml'));
    expect(prompter.shown).toEqual([]);
    const preview = prompter.notes.at(-1)!;
    expect(preview).toContain('Before saving: Acme — five-plant rollout (acme-plants)');
    expect(preview).toMatch(/^JOIN {2}The CEO should join this deal\.$/m);
    expect(preview).toContain('large-deal');
    expect(preview).toContain("The CEO's role:");
  });

  it('asks the questions in the order of the deal file, and opens with how to answer', async () => {
    const { prompter } = await run([...minimalScript(), SAVE]);
    expect(prompter.asked.map((q) => q.message)).toEqual([
      'What is the deal called? (for example "Acme — five-plant rollout")',
      'Which id should the deal have? It names the file: lowercase letters, digits and dashes.',
      'Who owns the account (the rep responsible for the deal)?',
      'What type of deal is it?',
      // The currency before any amount in it: the value comes before the account's revenue.
      'Which currency is the deal in (a code such as USD or EUR)?',
      'What is the contract value of this sale, in USD?',
      'How many months does the contract run? (optional)',
      'Which company is the prospect?',
      'How many employees does Stark Industries have? (optional)',
      "What is Stark Industries's annual revenue, in USD? (optional)",
      'What industry is Stark Industries in? (optional)',
      'Is Stark Industries a strategic logo (it opens a market, or serves as a reference)?',
      'What stage is the deal at?',
      'When do you expect the deal to close (YYYY-MM-DD)? (optional)',
      'How likely is further business after this sale (the follow-on potential)?',
      'What could that further business be worth over the next 18–36 months, in USD? (optional)',
      'What would the further business be? (optional)',
      'Is another vendor competing for this deal?',
      'How many person-days of custom work does the sales and solutions team have to do?',
      'Is the prospect asking for special terms, a discount or a commitment?',
      "Do you know the stakeholders: the people in the prospect's decision?",
      'Is there history with the customer to record: meetings, pilots, milestones?',
      'Are there open issues: doubts or problems the prospect has raised?',
      'Are there questions the CEO should expect, with a suggested answer?',
      "What should the CEO's involvement achieve (the objective)? (optional)",
      'What is the plan: who does what, and when? (optional)',
      'Is the next meeting with the prospect scheduled?',
      'Are you asking for the CEO on this deal?',
      'Has the CEO or the head of sales decided against the policy on this deal (an override)?',
      'Is this deal a record in your CRM (so that deal-triage import keeps it up to date)?',
      'What now?',
    ]);
    expect(prompter.notes[0]!.split('\n')).toEqual([
      'A few questions about the deal; Ctrl-C stops without writing anything.',
      'Enter accepts the answer in parentheses; optional questions can be left empty.',
    ]);
  });

  it('uses selects for choices, text for numbers, and sensible defaults', async () => {
    const { prompter } = await run([...minimalScript(), SAVE]);
    const asked = (part: string) => prompter.asked.find((q) => q.message.includes(part))!;
    expect(asked('Which id should the deal have').default).toBe('stark-dashboard-pilot');
    expect(asked('What type of deal')).toMatchObject({ kind: 'select', default: 'new' });
    expect(asked('Which currency')).toMatchObject({ kind: 'input', default: 'USD' });
    // Numbers are typed as text (240k), their defaults shown as people write them.
    expect(asked('contract value of this sale')).toMatchObject({ kind: 'input', default: undefined });
    expect(asked('person-days of custom work')).toMatchObject({ kind: 'input', default: '0' });
    expect(asked('What stage').choices!.map((c) => c.value)).toEqual([
      'discovery', 'qualification', 'proposal', 'negotiation', 'closed-won', 'closed-lost',
    ]);
    // Skipping a section is one keystroke: Enter on a No.
    for (const part of ['competing', 'special terms', 'stakeholders', 'history', 'open issues', 'questions the CEO', 'next meeting']) {
      expect(asked(part)).toMatchObject({ kind: 'confirm', default: false });
    }
  });

  it('explains every follow-on potential in one sentence', async () => {
    const { prompter } = await run([...minimalScript(), SAVE]);
    const choices = prompter.asked.find((q) => q.message.startsWith('How likely is further business'))!.choices!;
    expect(choices.map((c) => c.value)).toEqual(['none', 'possible', 'likely', 'committed', 'unknown']);
    for (const choice of choices) {
      expect(choice.description).toMatch(/^[A-Z].*\.$/);
      expect(choice.description).not.toMatch(/[.:;] [A-Z]/);
    }
    expect(choices.find((c) => c.value === 'committed')!.description).toContain('agreed');
  });

  it('skips every optional section and leaves out every optional answer', async () => {
    const { result } = await run([...minimalScript(), SAVE]);
    expect(dealOf(result)).toStrictEqual({
      id: 'stark-dashboard-pilot',
      name: 'Stark — dashboard pilot',
      owner: 'Sam Ortiz',
      type: 'new',
      stage: 'proposal',
      account: { name: 'Stark Industries' },
      value: { amount: 70000, currency: 'USD' },
      follow_on: { potential: 'possible' },
      strategic_logo: false,
      custom_work: { days: 0, compensated_days: 0 },
      asks: [],
      stakeholders: [],
      history: [],
      issues: [],
      questions: [],
      ceo: { requested: false },
    });
  });

  it('does not ask for a follow-on value when there is no follow-on, nor for paid days without custom work', async () => {
    const steps = minimalScript().filter((step) => !/What could that further business be worth|What would the further business be/.test(String(step.message)));
    steps[steps.findIndex((step) => step.message === 'How likely is further business')] = select('How likely is further business', 'none');
    const { prompter, result } = await run([...steps, SAVE]);
    expect(dealOf(result).follow_on).toStrictEqual({ potential: 'none' });
    expect(prompter.asked.some((q) => q.message.includes('customer pay for'))).toBe(false);
    expect(prompter.notes.at(-1)).toMatch(/^DECLINE {2}/m);
  });

  it('does not ask for a follow-on value when nobody has assessed the follow-on yet: its path to a join says to assess it', async () => {
    const steps = minimalScript().filter((step) => !/What could that further business be worth|What would the further business be/.test(String(step.message)));
    steps[steps.findIndex((step) => step.message === 'How likely is further business')] = select('How likely is further business', 'unknown');
    const { prompter, result } = await run([...steps, SAVE]);
    expect(dealOf(result).follow_on).toStrictEqual({ potential: 'unknown' });
    expect(prompter.asked.some((q) => q.message.includes('What could that further business be worth'))).toBe(false);
    expect(prompter.notes.at(-1)).toMatch(/Assess the follow-on potential/);
  });

  it('trims answers as the file loader does, and takes a currency typed in small letters', async () => {
    const steps = minimalScript().map((step) =>
      step.message === 'Who owns the account' ? input('Who owns the account', '  Sam Ortiz  ') : step.message === 'Which currency' ? input('Which currency', 'eur') : step,
    );
    const deal = dealOf((await run([...steps, SAVE])).result);
    expect(deal.owner).toBe('Sam Ortiz');
    expect(deal.value.currency).toBe('EUR');
  });
});

describe('an invalid answer shows the schema message and asks again', () => {
  // A number refused reads as the deal file's own message for that field (tests/questionnaire/numbers.test.ts compares them).
  it.each([
    ['What is the deal called', '   ', 'name must not be empty'],
    ['Which id should the deal have', 'Stark Pilot', 'id must be lowercase letters, digits and dashes, starting with a letter or digit (for example acme-plants)'],
    ['How many employees', '1.5', 'account.employees must be a whole number, not 1.5'],
    ['How many employees', '-3', 'account.employees must be 0 or more, not -3'],
    ['How many employees', 'a few', 'account.employees must be a number, not the text "a few"'],
    ['annual revenue', '-1', 'account.annual_revenue must be 0 or more, not -1'],
    ['annual revenue', '4,2bn', 'account.annual_revenue must be a number, not the text "4,2bn"'],
    ['When do you expect the deal to close', '15/12/2026', 'close_date must be a date written YYYY-MM-DD, not "15/12/2026"'],
    ['When do you expect the deal to close', '2026-02-30', 'close_date is not a real calendar date (2026-02-30)'],
    ['Which currency', 'dollars', 'value.currency must be a three-letter ISO 4217 currency code in capitals, such as USD or EUR, not "DOLLARS"'],
    ['contract value of this sale', '-5', 'value.amount must be 0 or more, not -5'],
    ['contract value of this sale', ERASE, 'value.amount is required'],
    ['contract value of this sale', '$240,000', 'value.amount must be a number, not the text "$240,000"'],
    ['contract value of this sale', '240 thousand', 'value.amount must be a number, not the text "240 thousand"'],
    ['contract value of this sale', '24,00', 'value.amount must be a number, not the text "24,00"'],
    ['How many months', '0', 'value.term_months must be at least 1, not 0'],
    ['How many months', '1.5', 'value.term_months must be a whole number of months, not 1.5'],
    ['person-days of custom work', '-2', 'custom_work.days must be 0 or more, not -2'],
  ] as const)('%s: %s', async (message, bad, shown) => {
    const { prompter, result } = await run([...withRefusedAnswer(minimalScript(), message, bad), SAVE]);
    expect(prompter.shown).toEqual([shown]);
    // Asked twice, the second answer taken.
    expect(prompter.asked.filter((q) => q.message.includes(message))).toHaveLength(2);
    expect(result.kind).toBe('done');
  });

  it('paid days over the custom days: the cross-field rule of the schema', async () => {
    const steps = minimalScript().flatMap((step) =>
      step.message === 'person-days of custom work'
        ? [
            number('person-days of custom work', 3),
            number('how many does the customer pay for', 5),
            number('how many does the customer pay for', 'two'),
            number('how many does the customer pay for', 2),
            input('What is the custom work', ENTER),
          ]
        : [step],
    );
    const { prompter, result } = await run([...steps, SAVE]);
    expect(prompter.shown).toEqual([
      'custom_work.compensated_days must not exceed days (3): the customer cannot pay for more custom work than there is',
      'custom_work.compensated_days must be a number, not the text "two"',
    ]);
    expect(dealOf(result).custom_work).toStrictEqual({ days: 3, compensated_days: 2 });
  });

  it('a list entry names its place in the list', async () => {
    const steps = minimalScript().flatMap((step) =>
      step.message === 'history'
        ? [
            confirm('history', true),
            input('When', '2026-09-14'),
            input('What happened', 'Pilot'),
            confirm('Add another event', true),
            input('When', 'yesterday'),
            input('When', '2026-10-01'),
            input('What happened', 'Review'),
            confirm('Add another event', false),
          ]
        : [step],
    );
    const { prompter, result } = await run([...steps, SAVE]);
    expect(prompter.shown).toEqual(['history[1].date must be a date written YYYY-MM-DD, not "yesterday"']);
    expect(dealOf(result).history).toStrictEqual([
      { date: '2026-09-14', event: 'Pilot' },
      { date: '2026-10-01', event: 'Review' },
    ]);
  });
});

describe('editing a deal (--from)', () => {
  it.each(DEAL_FIXTURES)('Enter at every question gives back %s unchanged', async (name) => {
    const deal = fixtureDeal(name);
    const prompter = new EnterPrompter();
    const result = await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal, source: `deals/${name}` });
    expect(dealOf(result)).toStrictEqual(deal);
    expect(prompter.notes[0]).toContain(`Editing deals/${name}`);
  });

  it('keeps a whole list with one Enter, and can go through it entry by entry', async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const prompter = new EnterPrompter();
    await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal });
    const asks = prompter.asked.find((q) => q.message.startsWith('Asks:'))!;
    expect(asks.message).toBe('Asks: 2 asks recorded');
    expect(asks.default).toBe('keep');
    expect(asks.choices!.map((c) => c.value)).toEqual(['keep', 'review', 'add', 'clear']);
    // Each entry in the briefing's words, shortened to a line.
    expect(asks.choices![0]!.description).toBe(
      '90-day payment terms: the CEO says no; Named support engineer for year one: we agree only in excha…',
    );
  });

  it('changes, removes and adds entries of a list', async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const prompter = new EnterPrompter({
      'Stakeholders: 2 stakeholders recorded': 'review',
      'Stakeholder 1 of 2: Lee Park': 'change',
      'Stakeholder 2 of 2: Morgan Chu': 'remove',
      // Lee Park's name kept, then the new stakeholder's.
      "What is the stakeholder's name": [ENTER, 'Ann Lee'],
      "What is Lee Park's title": 'COO',
      'Add another stakeholder?': [true, false],
    });
    const result = await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal });
    expect(dealOf(result).stakeholders).toStrictEqual([
      { name: 'Lee Park', title: 'COO', role: 'champion' },
      // A new entry's role starts at the top of the list.
      { name: 'Ann Lee', role: 'economic-buyer' },
    ]);
  });

  it('removes an optional section and a list, and clears an optional answer with Backspace', async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const prompter = new EnterPrompter({ 'Competition:': 'remove', 'Open issues:': 'clear', 'What is the plan': '' });
    const edited = dealOf(await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal }));
    const { competition: _competition, plan: _plan, ...rest } = deal;
    expect(edited).toStrictEqual({ ...rest, issues: [] });
  });
});

describe('before saving', () => {
  it('shows the verdict and why, and goes back to change an answer', async () => {
    const { prompter, result } = await run([
      ...minimalScript(),
      select('What now?', 'change'),
      select('Which part?', 'follow-on'),
      select('How likely is further business', 'committed'),
      number('What could that further business be worth', 900000),
      input('What would the further business be', ENTER),
      SAVE,
    ]);
    const [first, second] = prompter.notes.filter((note) => note.includes('Before saving'));
    expect(first).toMatch(/^DECLINE {2}The CEO should not join this deal\.$/m);
    expect(first).toContain('small-deal');
    expect(first).toContain('What it would take for the CEO to join:');
    expect(second).toMatch(/^WAIT {2}/m);
    expect(second).toContain('brief-incomplete');
    expect(dealOf(result).follow_on).toStrictEqual({ potential: 'committed', value: 900000 });
    const parts = prompter.asked.find((q) => q.message === 'Which part?')!.choices!.map((c) => c.value);
    expect(parts).toEqual([
      'deal', 'value', 'account', 'stage', 'follow-on', 'competition', 'custom-work', 'asks', 'stakeholders',
      'history', 'issues', 'questions', 'brief', 'next-meeting', 'ceo', 'crm',
    ]);
  });

  it('warns when the CEO is requested on a deal the policy declines', async () => {
    // Asked for, the CEO has not joined yet (Enter at the date).
    const steps = minimalScript().flatMap((step) => (step.message === 'asking for the CEO' ? [confirm('asking for the CEO', true), input('Has the CEO joined the deal yet', ENTER)] : [step]));
    const { prompter } = await run([...steps, SAVE]);
    expect(prompter.notes.at(-1)).toContain('The CEO is requested, but the policy declines this deal');
  });

  it('discards only after a confirmation', async () => {
    const { result } = await run([
      ...minimalScript(),
      select('What now?', 'discard'),
      confirm('Discard all the answers?', ENTER),
      select('What now?', 'discard'),
      confirm('Discard all the answers?', true),
    ]);
    expect(result).toEqual({ kind: 'discarded' });
  });

  it('Ctrl-C at any question rejects with the prompt library’s interrupt error', async () => {
    const steps = minimalScript();
    steps[5] = { ...steps[5]!, answer: CTRL_C };
    const prompter = new ScriptedPrompter(steps);
    await expect(runQuestionnaire(prompter, { config, today: TODAY, style: plain })).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});

describe('saving without replacing a file unasked', () => {
  const DEAL = fixtureDeal('stark-pilot.yaml');

  /** A save that finds `existing` files taken, fails on `failing` ones, and records every attempt. */
  function fakeSave(existing: string[], failing: Record<string, string> = {}) {
    const attempts: { file: string; overwrite: boolean; id: string }[] = [];
    const save = (file: string, text: string, overwrite: boolean): Promise<SaveOutcome> => {
      attempts.push({ file, overwrite, id: /^id: (.*)$/m.exec(text)![1]! });
      const reason = failing[file];
      return Promise.resolve(reason ? { kind: 'failed', reason } : existing.includes(file) && !overwrite ? { kind: 'exists' } : { kind: 'saved' });
    };
    return { attempts, save };
  }

  function options(file: string, save: SaveOptions['save'], extra: Partial<SaveOptions> = {}): SaveOptions {
    return { deal: DEAL, file, force: false, dealsFolder: 'deals', render: (deal) => ({ ok: true, text: dealToYaml(deal) }), save, ...extra };
  }

  /** Editing deals/stark.yaml (whose id is the deal's). */
  const edited = (file = 'deals/stark.yaml') => ({ file, id: DEAL.id, isFile: (target: string) => Promise.resolve(target === file) });

  it('saves a new file without a question', async () => {
    const { attempts, save } = fakeSave([]);
    const prompter = new ScriptedPrompter([]);
    expect(await saveWithConsent(prompter, options('deals/a.yaml', save))).toEqual({ kind: 'saved', file: 'deals/a.yaml', deal: DEAL });
    expect(attempts).toEqual([{ file: 'deals/a.yaml', overwrite: false, id: DEAL.id }]);
  });

  it('replaces an existing file after a Yes, which is not the default', async () => {
    const { attempts, save } = fakeSave(['deals/a.yaml']);
    const prompter = new ScriptedPrompter([confirm('deals/a.yaml already exists. Replace it?', true)]);
    expect(await saveWithConsent(prompter, options('deals/a.yaml', save))).toMatchObject({ kind: 'saved', file: 'deals/a.yaml' });
    expect(attempts.map(({ file, overwrite }) => ({ file, overwrite }))).toEqual([
      { file: 'deals/a.yaml', overwrite: false },
      { file: 'deals/a.yaml', overwrite: true },
    ]);
    expect(prompter.asked[0]!.default).toBe(false);
  });

  it('after a No, offers another name instead of losing the answers', async () => {
    const { attempts, save } = fakeSave(['deals/a.yaml', 'deals/a-2.yaml']);
    const prompter = new ScriptedPrompter([
      confirm('deals/a.yaml already exists', ENTER),
      select('What should happen to the answers?', ENTER),
      input('Which file should the answers be saved to?', ENTER),
      confirm('deals/a-2.yaml already exists', false),
      select('What should happen to the answers?', 'other'),
      input('Which file should the answers be saved to?', 'deals/a.txt'),
      input('Which file should the answers be saved to?', 'deals/b.yml'),
    ]);
    expect(await saveWithConsent(prompter, options('deals/a.yaml', save))).toMatchObject({ kind: 'saved', file: 'deals/b.yml' });
    expect(attempts.every((attempt) => !attempt.overwrite)).toBe(true);
    expect(prompter.shown).toEqual(['the file name must end in .yaml or .yml (deal-triage check reads only those)']);
  });

  it('"Discard them" asks for the same confirmation as the other discard, No by default', async () => {
    const { attempts, save } = fakeSave(['deals/a.yaml']);
    const prompter = new ScriptedPrompter([
      confirm('already exists', false),
      select('What should happen', 'discard'),
      confirm('Discard all the answers? Nothing will be written.', ENTER),
      select('What should happen', 'discard'),
      confirm('Discard all the answers? Nothing will be written.', true),
    ]);
    expect(await saveWithConsent(prompter, options('deals/a.yaml', save))).toEqual({ kind: 'discarded' });
    expect(prompter.asked[2]!.default).toBe(false);
    expect(attempts).toHaveLength(1);
  });

  it('with --force, replaces without a question', async () => {
    const { attempts, save } = fakeSave(['deals/a.yaml']);
    expect(await saveWithConsent(new ScriptedPrompter([]), options('deals/a.yaml', save, { force: true }))).toMatchObject({ kind: 'saved' });
    expect(attempts.map((attempt) => attempt.overwrite)).toEqual([true]);
  });

  it('a file that cannot be written: says why and offers another, in the deals folder', async () => {
    const { save } = fakeSave([], { 'ro/a.yaml': 'permission denied' });
    const prompter = new ScriptedPrompter([select('What should happen', 'other'), input('Which file should the answers be saved to?', ENTER)]);
    expect(await saveWithConsent(prompter, options('ro/a.yaml', save))).toMatchObject({ kind: 'saved', file: 'deals/a.yaml' });
    expect(prompter.notes).toEqual(['Could not save ro/a.yaml: permission denied']);
  });

  it('never suggests a folder where a save failed: the deals folder, then the working folder, then nothing', async () => {
    const { save } = fakeSave([], { 'deals/a.yaml': 'permission denied', 'a.yaml': 'permission denied' });
    const prompter = new ScriptedPrompter([
      select('What should happen', 'other'),
      input('Which file should the answers be saved to?', ENTER),
      select('What should happen', 'other'),
      input('Which file should the answers be saved to?', 'elsewhere/a.yaml'),
    ]);
    expect(await saveWithConsent(prompter, options('deals/a.yaml', save))).toMatchObject({ kind: 'saved', file: 'elsewhere/a.yaml' });
    const suggested = prompter.asked.filter((q) => q.message === 'Which file should the answers be saved to?').map((q) => q.default);
    expect(suggested).toEqual(['a.yaml', undefined]);
  });

  it('a deal with no text that reads back the same is refused before any question', async () => {
    const { attempts, save } = fakeSave([]);
    const prompter = new ScriptedPrompter([]);
    const result = await saveWithConsent(prompter, options('deals/a.yaml', save, { render: () => ({ ok: false, reason: 'plan would read back differently' }) }));
    expect(result).toEqual({ kind: 'refused', reason: 'plan would read back differently' });
    expect(attempts).toEqual([]);
  });

  describe('an edited deal (--from)', () => {
    it('replaces the file being edited after a Yes that is the default', async () => {
      const { attempts, save } = fakeSave(['deals/stark.yaml']);
      const prompter = new ScriptedPrompter([confirm('Replace deals/stark.yaml with the changes?', ENTER)]);
      expect(await saveWithConsent(prompter, options('deals/stark.yaml', save, { edited: edited() }))).toMatchObject({ kind: 'saved', file: 'deals/stark.yaml' });
      expect(prompter.asked[0]!.default).toBe(true);
      expect(attempts).toEqual([{ file: 'deals/stark.yaml', overwrite: true, id: DEAL.id }]);
    });

    it('says the comments will be lost, and then No is the default', async () => {
      const { attempts, save } = fakeSave(['deals/stark.yaml']);
      const prompter = new ScriptedPrompter([
        confirm('Replace deals/stark.yaml with the changes? Its comments will be lost (the file uses YAML anchors or aliases).', ENTER),
        select('What should happen', 'discard'),
        confirm('Discard all the answers?', true),
      ]);
      const render = (deal: Deal) => ({ ok: true as const, text: dealToYaml(deal), losesComments: 'the file uses YAML anchors or aliases' });
      expect(await saveWithConsent(prompter, options('deals/stark.yaml', save, { edited: edited(), render }))).toEqual({ kind: 'discarded' });
      expect(prompter.asked[0]!.default).toBe(false);
      expect(attempts).toEqual([]);
    });

    it('saved to another file, it gets a new id there: suggested from the file name, never the edited file’s', async () => {
      const { attempts, save } = fakeSave(['deals/stark.yaml']);
      const prompter = new ScriptedPrompter([
        confirm('Replace deals/stark.yaml with the changes?', false),
        select('What should happen', 'other'),
        input('Which file should the answers be saved to?', 'deals/stark-west.yaml'),
        input(`Which id should the deal have in deals/stark-west.yaml? ${DEAL.id} stays with deals/stark.yaml.`, DEAL.id),
        input('Which id should the deal have in deals/stark-west.yaml', ENTER),
      ]);
      const result = await saveWithConsent(prompter, options('deals/stark.yaml', save, { edited: edited() }));
      expect(result).toEqual({ kind: 'saved', file: 'deals/stark-west.yaml', deal: { ...DEAL, id: 'stark-west' } });
      expect(prompter.shown).toEqual([`id must differ from the id of deals/stark.yaml: two files with one id read as two versions of one deal`]);
      expect(prompter.asked.at(-1)!.default).toBe('stark-west');
      expect(attempts.at(-1)).toEqual({ file: 'deals/stark-west.yaml', overwrite: false, id: 'stark-west' });
    });

    it('named another file on the command line, it asks for the new id at once, and warns when that id is taken', async () => {
      const { attempts, save } = fakeSave([]);
      const ids = new Map([['copy', ['deals/copy-old.yaml']]]);
      const prompter = new ScriptedPrompter([input('Which id should the deal have in copy.yaml', ENTER)]);
      const result = await saveWithConsent(prompter, options('copy.yaml', save, { edited: edited(), ids }));
      // "copy" is taken: the old id numbered.
      expect(result).toMatchObject({ kind: 'saved', file: 'copy.yaml', deal: { id: `${DEAL.id}-2` } });
      expect(attempts).toEqual([{ file: 'copy.yaml', overwrite: false, id: `${DEAL.id}-2` }]);
    });
  });

  it.each([
    ['deals/acme.yaml', 'deals/acme-2.yaml'],
    ['deals/acme-2.yaml', 'deals/acme-3.yaml'],
    ['acme.yml', 'acme-2.yml'],
  ])('suggests %s → %s', (file, next) => {
    expect(alternativeName(file)).toBe(next);
  });
});

describe('a taken id', () => {
  it('is warned about at the id question, not refused', async () => {
    const prompter = new ScriptedPrompter([...minimalScript(), SAVE]);
    const ids = new Map([['stark-dashboard-pilot', ['deals/old.yaml']]]);
    const result = await runQuestionnaire(prompter, { config, today: TODAY, style: plain, ids });
    expect(dealOf(result).id).toBe('stark-dashboard-pilot');
    expect(prompter.notes).toContain(
      'Note: deals/old.yaml already uses the id stark-dashboard-pilot; deal-triage check reports two deals with one id (duplicate-id).',
    );
    // Right after the id question.
    expect(prompter.asked.findIndex((q) => q.message.startsWith('Which id should the deal have'))).toBe(1);
    expect(prompter.notes.indexOf(prompter.notes.find((n) => n.startsWith('Note:'))!)).toBe(1);
  });

  it('a free id gives no warning', async () => {
    const prompter = new ScriptedPrompter([...minimalScript(), SAVE]);
    await runQuestionnaire(prompter, { config, today: TODAY, style: plain, ids: new Map([['other', ['deals/other.yaml']]]) });
    expect(prompter.notes.some((note) => note.startsWith('Note:'))).toBe(false);
  });
});

describe('slugify', () => {
  it.each([
    ['Acme — five-plant rollout', 'acme-five-plant-rollout'],
    ['Société Générale: Q3 renewal', 'societe-generale-q3-renewal'],
    ['  --Hello   World--  ', 'hello-world'],
    ['日本', ''],
    ['a'.repeat(30) + ' ' + 'b'.repeat(40), 'a'.repeat(30)],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});

describe('the richer brief: what we want in exchange, our responses, the counterpart', () => {
  /** The minimal script with `steps` in place of the step whose message is `at`. */
  const replacing = (at: string, steps: Step[]) => minimalScript().flatMap((step) => (step.message === at ? steps : [step]));

  it('asks what we want in exchange only for a trade, and words the ask as the briefing does', async () => {
    const { prompter, result } = await run([
      ...replacing('special terms', [
        confirm('special terms', true),
        input('What do they ask for', 'Named engineer'),
        select('What is our position', 'trade'),
        input('What do we want in exchange', 'A three-year term'),
        input('Why do we take that position', ENTER),
        confirm('exception only the CEO can grant', true),
        confirm('Add another ask', true),
        input('What do they ask for', 'Net-90'),
        select('What is our position', 'no'),
        input('Why do we take that position', ENTER),
        confirm('exception only the CEO can grant', ENTER),
        confirm('Add another ask', false),
      ]),
      SAVE,
    ]);
    expect(dealOf(result).asks).toStrictEqual([
      { request: 'Named engineer', position: 'trade', exception: true, in_exchange: 'A three-year term' },
      { request: 'Net-90', position: 'no' },
    ]);
    expect(prompter.asked.filter((q) => q.message.includes('in exchange'))).toHaveLength(1);
  });

  it('drops what we wanted in exchange when a trade becomes a no (the file would refuse it)', async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const prompter = new EnterPrompter({
      'Asks: 2 asks recorded': 'review',
      'Ask 2 of 2': 'change',
      'What is our position': ['no'],
    });
    const edited = dealOf(await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal }));
    expect(edited.asks[1]).toStrictEqual({ request: 'Named support engineer for year one', position: 'no', exception: true });
    // Reviewed in the briefing's words (a line, shortened); changed, it offers what we wanted in exchange.
    expect(prompter.asked.find((q) => q.message.startsWith('Ask 2 of 2'))!.message).toBe('Ask 2 of 2: Named support engineer for year one: we agree only in excha…');
    expect(prompter.asked.find((q) => q.message.startsWith('What do we want in exchange'))).toBeUndefined();
  });

  it('takes an issue with or without our response: without, it is written as plain text', async () => {
    const { result } = await run([
      ...replacing('open issues', [
        confirm('open issues', true),
        input('What is the open issue', 'Data residency'),
        input('What response do we suggest', ENTER),
        confirm('Add another issue', true),
        input('What is the open issue', 'SSO'),
        input('What response do we suggest', '  Shipped in March  '),
        confirm('Add another issue', false),
      ]),
      SAVE,
    ]);
    expect(dealOf(result).issues).toStrictEqual(['Data residency', { issue: 'SSO', response: 'Shipped in March' }]);
  });

  it("asks who the CEO's counterpart is once the stakeholders are named: one at most, no one by default", async () => {
    const stakeholders = (counterpart: string | typeof ENTER) =>
      replacing('stakeholders', [
        confirm('stakeholders', true),
        input("What is the stakeholder's name", 'Lee Park'),
        input("What is Lee Park's title", ENTER),
        select("What is Lee Park's role", ENTER),
        confirm('Add another stakeholder', true),
        input("What is the stakeholder's name", 'Morgan Chu'),
        input("What is Morgan Chu's title", 'CFO'),
        select("What is Morgan Chu's role", 'economic-buyer'),
        confirm('Add another stakeholder', false),
        select("Who is the CEO's counterpart", counterpart),
      ]);
    const chosen = await run([...stakeholders('1'), SAVE]);
    expect(dealOf(chosen.result).stakeholders).toStrictEqual([
      { name: 'Lee Park', role: 'economic-buyer' },
      { name: 'Morgan Chu', title: 'CFO', role: 'economic-buyer', counterpart: true },
    ]);
    const question = chosen.prompter.asked.find((q) => q.message.startsWith("Who is the CEO's counterpart"))!;
    expect(question.choices!.map((c) => c.name)).toEqual(['Lee Park (economic-buyer)', 'Morgan Chu, CFO (economic-buyer)', 'No one yet']);
    expect(question.default).toBe('');
    const none = await run([...stakeholders(ENTER), SAVE]);
    expect(dealOf(none.result).stakeholders.some((s) => s.counterpart)).toBe(false);
  });

  it('keeps the counterpart of a deal being edited with Enter, and moves it when another is chosen', async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const kept = new EnterPrompter();
    expect(dealOf(await runQuestionnaire(kept, { config, today: TODAY, style: plain, defaults: deal })).stakeholders).toStrictEqual(deal.stakeholders);
    expect(kept.asked.find((q) => q.message.startsWith("Who is the CEO's counterpart"))!.default).toBe('1');
    const moved = new EnterPrompter({ "Who is the CEO's counterpart": '0' });
    expect(dealOf(await runQuestionnaire(moved, { config, today: TODAY, style: plain, defaults: deal })).stakeholders).toStrictEqual([
      { name: 'Lee Park', title: 'VP Operations', role: 'champion', counterpart: true },
      { name: 'Morgan Chu', title: 'CFO', role: 'economic-buyer' },
    ]);
  });
});

describe('numbers as people type them', () => {
  it('takes 240,000, 4.2bn and 1.8m, and shows each back grouped', async () => {
    const { prompter, result } = await run([...acmeScript(), SAVE]);
    const deal = dealOf(result);
    expect([deal.value.amount, deal.account.annual_revenue, deal.follow_on.value]).toEqual([240_000, 4_200_000_000, 1_800_000]);
    expect(prompter.echoed).toEqual(expect.arrayContaining(['240,000', '4,200,000,000', '1,800,000', '12,000']));
  });

  it("offers a deal's numbers as defaults written as people write them, which Enter keeps", async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const prompter = new EnterPrompter();
    expect(dealOf(await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal }))).toStrictEqual(deal);
    const defaultOf = (part: string) => prompter.asked.find((q) => q.message.includes(part))!.default;
    expect([defaultOf('annual revenue'), defaultOf('contract value'), defaultOf('further business be worth')]).toEqual(['4,200,000,000', '240,000', '1,800,000']);
  });

  it('asks the currency before any amount in it, and names it in each amount question', async () => {
    const deal = { ...fixtureDeal('acme-plants.yaml'), value: { ...fixtureDeal('acme-plants.yaml').value, currency: 'EUR' } };
    const prompter = new EnterPrompter();
    await runQuestionnaire(prompter, { config, today: TODAY, style: plain, defaults: deal });
    const messages = prompter.asked.map((q) => q.message);
    const currency = messages.findIndex((m) => m.startsWith('Which currency'));
    for (const amount of ['contract value of this sale, in EUR?', "Acme Corp's annual revenue, in EUR?", 'next 18–36 months, in EUR?']) {
      expect(messages.findIndex((m) => m.includes(amount))).toBeGreaterThan(currency);
    }
  });
});
