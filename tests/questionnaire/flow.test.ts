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
      'Deal name (for example "Acme — five-plant rollout")',
      'Deal id: lowercase letters, digits and dashes; it names the file',
      'Account owner (the rep who owns the deal)',
      'Type of deal',
      'Account: the prospect company',
      'How many employees does Stark Industries have? (optional)',
      "Stark Industries's annual revenue, in the deal's currency (optional)",
      'Industry (optional)',
      'Is Stark Industries a strategic logo (it opens a market, or serves as a reference)?',
      'Stage',
      'Expected close date, YYYY-MM-DD (optional)',
      'Currency of the deal (ISO 4217 code)',
      'Contract value of this sale, in USD',
      'Contract term in months (optional)',
      'Follow-on potential: further business this sale could lead to',
      'Expected follow-on value over the next 18–36 months, in USD (optional)',
      'Follow-on notes: what the further business would be (optional)',
      'Is another vendor competing for this deal?',
      'Days of custom work for the sales/solutions team (person-days)',
      'Is the prospect asking for special terms, a discount or a commitment?',
      "Name the stakeholders: the people in the prospect's decision?",
      'Record the history with the customer: meetings, pilots, milestones?',
      'Are there open issues: doubts or problems the prospect has raised?',
      'Are there questions the CEO should expect, with a suggested answer?',
      "Objective: what the CEO's involvement should achieve (optional)",
      'Plan: who does what, and when (optional)',
      'Is the next meeting with the prospect scheduled?',
      'Does the head of sales ask for the CEO on this deal?',
      'What now?',
    ]);
    expect(prompter.notes[0]!.split('\n')).toEqual([
      'A few questions about the deal; Ctrl-C stops without writing anything.',
      'Enter accepts the answer in parentheses; optional questions can be left empty.',
    ]);
  });

  it('uses selects for choices, number questions for numbers, and sensible defaults', async () => {
    const { prompter } = await run([...minimalScript(), SAVE]);
    const asked = (part: string) => prompter.asked.find((q) => q.message.includes(part))!;
    expect(asked('Deal id').default).toBe('stark-dashboard-pilot');
    expect(asked('Type of deal')).toMatchObject({ kind: 'select', default: 'new' });
    expect(asked('Currency')).toMatchObject({ kind: 'input', default: 'USD' });
    expect(asked('Contract value')).toMatchObject({ kind: 'number', default: undefined });
    expect(asked('Days of custom work')).toMatchObject({ kind: 'number', default: 0 });
    expect(asked('Stage').choices!.map((c) => c.value)).toEqual([
      'discovery', 'qualification', 'proposal', 'negotiation', 'closed-won', 'closed-lost',
    ]);
    // Skipping a section is one keystroke: Enter on a No.
    for (const part of ['competing', 'special terms', 'stakeholders', 'history', 'open issues', 'questions the CEO', 'next meeting']) {
      expect(asked(part)).toMatchObject({ kind: 'confirm', default: false });
    }
  });

  it('explains every follow-on potential in one sentence', async () => {
    const { prompter } = await run([...minimalScript(), SAVE]);
    const choices = prompter.asked.find((q) => q.message.startsWith('Follow-on potential'))!.choices!;
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
    const steps = minimalScript().filter((step) => !/Expected follow-on value|Follow-on notes/.test(String(step.message)));
    steps[steps.findIndex((step) => step.message === 'Follow-on potential')] = select('Follow-on potential', 'none');
    const { prompter, result } = await run([...steps, SAVE]);
    expect(dealOf(result).follow_on).toStrictEqual({ potential: 'none' });
    expect(prompter.asked.some((q) => q.message.includes('customer pay for'))).toBe(false);
    expect(prompter.notes.at(-1)).toMatch(/^DECLINE {2}/m);
  });

  it('trims answers as the file loader does, and takes a currency typed in small letters', async () => {
    const steps = minimalScript().map((step) =>
      step.message === 'Account owner' ? input('Account owner', '  Sam Ortiz  ') : step.message === 'Currency' ? input('Currency', 'eur') : step,
    );
    const deal = dealOf((await run([...steps, SAVE])).result);
    expect(deal.owner).toBe('Sam Ortiz');
    expect(deal.value.currency).toBe('EUR');
  });
});

describe('an invalid answer shows the schema message and asks again', () => {
  it.each([
    ['Deal name', '   ', 'name must not be empty'],
    ['Deal id', 'Stark Pilot', 'id must be lowercase letters, digits and dashes, starting with a letter or digit (for example acme-plants)'],
    ['How many employees', 1.5, 'account.employees must be a whole number'],
    ['How many employees', -3, 'account.employees must be 0 or more'],
    ['annual revenue', -1, 'account.annual_revenue must be 0 or more'],
    ['Expected close date', '15/12/2026', 'close_date must be a date written YYYY-MM-DD, not "15/12/2026"'],
    ['Expected close date', '2026-02-30', 'close_date is not a real calendar date (2026-02-30)'],
    ['Currency', 'dollars', 'value.currency must be a three-letter ISO 4217 currency code in capitals, such as USD or EUR, not "DOLLARS"'],
    ['Contract value', -5, 'value.amount must be 0 or more'],
    ['Contract value', ERASE, 'value.amount is required'],
    ['Contract value', Infinity, 'value.amount must be a finite number'],
    ['Contract term', 0, 'value.term_months must be at least 1'],
    ['Contract term', 1.5, 'value.term_months must be a whole number of months'],
    ['Days of custom work', -2, 'custom_work.days must be 0 or more'],
  ] as const)('%s: %s', async (message, bad, shown) => {
    const { prompter, result } = await run([...withRefusedAnswer(minimalScript(), message, bad), SAVE]);
    expect(prompter.shown).toEqual([shown]);
    // Asked twice, the second answer taken.
    expect(prompter.asked.filter((q) => q.message.includes(message))).toHaveLength(2);
    expect(result.kind).toBe('done');
  });

  it('paid days over the custom days: the cross-field rule of the schema', async () => {
    const steps = minimalScript().flatMap((step) =>
      step.message === 'Days of custom work'
        ? [
            number('Days of custom work', 3),
            number('how many does the customer pay for', 5),
            number('how many does the customer pay for', 2),
            input('What is the custom work', ENTER),
          ]
        : [step],
    );
    const { prompter, result } = await run([...steps, SAVE]);
    expect(prompter.shown).toEqual([
      'custom_work.compensated_days must not exceed days (3): the customer cannot pay for more custom work than there is',
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
    expect(asks.choices![0]!.description).toBe('90-day payment terms (no); Named support engineer for year one (trade)');
  });

  it('changes, removes and adds entries of a list', async () => {
    const deal = fixtureDeal('acme-plants.yaml');
    const prompter = new EnterPrompter({
      'Stakeholders: 2 stakeholders recorded': 'review',
      'Stakeholder 1 of 2: Lee Park': 'change',
      'Stakeholder 2 of 2: Morgan Chu': 'remove',
      // Lee Park's name kept, then the new stakeholder's.
      'Stakeholder name': [ENTER, 'Ann Lee'],
      "Lee Park's title": 'COO',
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
    const prompter = new EnterPrompter({ 'Competition:': 'remove', 'Open issues:': 'clear', Plan: '' });
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
      select('Follow-on potential', 'committed'),
      number('Expected follow-on value', 900000),
      input('Follow-on notes', ENTER),
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
      'deal', 'account', 'stage', 'value', 'follow-on', 'competition', 'custom-work', 'asks', 'stakeholders',
      'history', 'issues', 'questions', 'brief', 'next-meeting', 'ceo',
    ]);
  });

  it('warns when the CEO is requested on a deal the policy declines', async () => {
    const steps = minimalScript().map((step) => (step.message === 'ask for the CEO' ? confirm('ask for the CEO', true) : step));
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
      input('File to save to', ENTER),
      confirm('deals/a-2.yaml already exists', false),
      select('What should happen to the answers?', 'other'),
      input('File to save to', 'deals/a.txt'),
      input('File to save to', 'deals/b.yml'),
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
    const prompter = new ScriptedPrompter([select('What should happen', 'other'), input('File to save to', ENTER)]);
    expect(await saveWithConsent(prompter, options('ro/a.yaml', save))).toMatchObject({ kind: 'saved', file: 'deals/a.yaml' });
    expect(prompter.notes).toEqual(['Could not save ro/a.yaml: permission denied']);
  });

  it('never suggests a folder where a save failed: the deals folder, then the working folder, then nothing', async () => {
    const { save } = fakeSave([], { 'deals/a.yaml': 'permission denied', 'a.yaml': 'permission denied' });
    const prompter = new ScriptedPrompter([
      select('What should happen', 'other'),
      input('File to save to', ENTER),
      select('What should happen', 'other'),
      input('File to save to', 'elsewhere/a.yaml'),
    ]);
    expect(await saveWithConsent(prompter, options('deals/a.yaml', save))).toMatchObject({ kind: 'saved', file: 'elsewhere/a.yaml' });
    const suggested = prompter.asked.filter((q) => q.message === 'File to save to').map((q) => q.default);
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
        input('File to save to', 'deals/stark-west.yaml'),
        input(`Deal id for deals/stark-west.yaml: ${DEAL.id} stays with deals/stark.yaml`, DEAL.id),
        input('Deal id for deals/stark-west.yaml', ENTER),
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
      const prompter = new ScriptedPrompter([input('Deal id for copy.yaml', ENTER)]);
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
    expect(prompter.asked.findIndex((q) => q.message.startsWith('Deal id'))).toBe(1);
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
