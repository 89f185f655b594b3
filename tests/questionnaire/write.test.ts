// The deal file the questionnaire writes: keys in the order of PRODUCT.md §3, a header, no empty
// or defaults-only sections, the same bytes for the same deal, and a round trip through the file
// loader that gives back exactly the deal.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeal } from '../../src/load/deal.js';
import { dealToYaml, HEADER } from '../../src/questionnaire/write.js';
import { DEAL_KEYS } from '../../src/schema/deal.js';
import type { Deal } from '../../src/schema/deal.js';

const FIXTURES = new URL('../../fixtures/deals/', import.meta.url);
const DEAL_FIXTURES = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')).sort();

function load(text: string, file = 'deal.yaml'): Deal {
  const loaded = parseDeal(text, file, { defaultCurrency: 'USD' });
  if (!loaded.ok) throw new Error(`${file} does not load: ${loaded.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  return loaded.value;
}

/** The smallest deal the questionnaire can produce, defaults applied as the loader applies them. */
const MINIMAL: Deal = {
  id: 'stark-pilot',
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
};

// With the one field the fixture leaves out, which only an imported deal has.
const FULL: Deal = { ...load(readFileSync(new URL('acme-plants.yaml', FIXTURES), 'utf8')), crm: { source: 'salesforce', id: '0065g00000AcmE1AAB' } };

describe('dealToYaml', () => {
  it('writes the keys in the order of the deal file format, nested ones too', () => {
    const text = dealToYaml(FULL);
    const topLevel = [...text.matchAll(/^([a-z_]+):/gm)].map((match) => match[1]);
    expect(topLevel).toEqual(DEAL_KEYS.filter((key) => topLevel.includes(key)));
    expect(topLevel).toEqual(DEAL_KEYS);
    expect(text).toContain('account:\n  name: Acme Corp\n  employees: 12000\n  annual_revenue: 4200000000\n  industry: Manufacturing\n');
    expect(text).toContain('custom_work:\n  days: 15\n  compensated_days: 10\n  description: SSO bridge');
    expect(text).toContain('  - request: 90-day payment terms\n    position: no\n    rationale: Our standard is Net-30\n');
  });

  it('reads like the README example: block lists under their key, names of competitors on one line', () => {
    const text = dealToYaml(FULL);
    expect(text).toContain('competition:\n  threat: high\n  competitors: [Globex]\n');
    expect(text).toContain('issues:\n  - issue: Worried we are too small to support five plants\n    response: Three customers');
  });

  it('starts with a header saying what the file is and how to check it, and no timestamp', () => {
    const text = dealToYaml(MINIMAL);
    expect(text.startsWith(`${HEADER.split('\n').map((line) => `#${line}`).join('\n')}\n\nid: stark-pilot\n`)).toBe(true);
    expect(text).toContain('deal-triage triage <this file>');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(dealToYaml(structuredClone(MINIMAL))).toBe(text);
  });

  it('leaves out empty and defaults-only sections, but writes single answers', () => {
    const text = dealToYaml(MINIMAL);
    expect(text.replace(/^#.*\n\n/gm, '').replace(/^#.*\n/gm, '')).toBe(
      [
        'id: stark-pilot',
        'name: Stark — dashboard pilot',
        'owner: Sam Ortiz',
        'type: new',
        'stage: proposal',
        'account:',
        '  name: Stark Industries',
        'value:',
        '  amount: 70000',
        '  currency: USD',
        'follow_on:',
        '  potential: possible',
        'strategic_logo: false',
        '',
      ].join('\n'),
    );
  });

  it('writes custom work with days but none paid, and a requested CEO', () => {
    const text = dealToYaml({ ...MINIMAL, custom_work: { days: 4, compensated_days: 0 }, ceo: { requested: true } });
    expect(text).toContain('custom_work:\n  days: 4\n  compensated_days: 0\n');
    expect(text).toMatch(/ceo:\n {2}requested: true\n$/);
  });
});

describe('round trip: loading the written file gives back exactly the deal', () => {
  const tricky = (name: string, patch: Partial<Deal>): [string, Deal] => [name, { ...MINIMAL, ...patch }];

  it.each([
    ['the minimal deal', MINIMAL],
    ...DEAL_FIXTURES.map((name): [string, Deal] => [name, load(readFileSync(new URL(name, FIXTURES), 'utf8'), name)]),
    tricky('text that looks like numbers, booleans, null and dates', {
      name: '2026',
      owner: 'true',
      account: { name: 'null', industry: '1e3' },
      issues: ['no', 'yes', '~', '0x1F', '+12', '.inf', '12:30', '2026-12-15', '- a dash', '# not a comment', 'key: value', '[1, 2]', '{a: b}'],
      objective: '007',
    }),
    tricky('quotes, colons, hashes and leading symbols', {
      name: `"Quoted" and 'single' — it's fine`,
      plan: 'Step 1: call; step 2: close # before Dec',
      questions: [{ question: '@mention? &anchor *alias !tag %directive `tick`', answer: '| pipe > fold' }],
    }),
    tricky('unicode', {
      name: 'Société Générale — 日本 rollout 🚀',
      account: { name: 'Ünïcødé GmbH', industry: 'Ölindustrie' },
      stakeholders: [{ name: 'Zoë Çelik', title: 'Directrice générale', role: 'economic-buyer' }],
    }),
    tricky('multi-line text', {
      plan: 'Line one\nLine two\n\nA paragraph after a blank line',
      follow_on: { potential: 'likely', value: 500000, notes: 'First\n  indented second line' },
      questions: [{ question: 'Multi\nline?', answer: 'Yes:\n- first\n- second' }],
    }),
    tricky('numbers: fractions, large and zero', {
      value: { amount: 1234.56, currency: 'EUR', term_months: 36 },
      account: { name: 'Big Co', employees: 0, annual_revenue: 123456789012345 },
      follow_on: { potential: 'committed', value: 0.5 },
      custom_work: { days: 2.5, compensated_days: 2.5, description: 'Half days count' },
    }),
    // Issue 9, item 4: each of these was written as YAML that reads back as something else.
    tricky('multi-line competitors starting with "?", "-" or ":" (a flow list cannot hold them)', {
      competition: { threat: 'high', competitors: ['?\nx', '-\nx', ':\nx', '? a\n- b'] },
    }),
    tricky('long text with a line holding one space (the yaml package folds it into "\\\\ ")', {
      plan: '2026-12-01T10:00:00Z\n---\n \n---\n\r\n?',
      issues: ['a long enough line to be folded by the stringifier\n \nand more'],
    }),
    tricky('an empty competition and an empty list of competitors', { competition: {} }),
    tricky('an empty list of competitors', { competition: { threat: 'low', competitors: [] } }),
    tricky('control characters, Unicode line separators, NEL, BOM, tabs and spaces inside lines', {
      name: 'bell\u0007 escape\u001b[31m del\u007f',
      plan: 'line\u2028separator\u2029paragraph\u0085next\ufeffbom',
      issues: ['tab\tinside', 'a\n  indented\n\ttabbed', 'trailing spaces   \nnext', 'x'.repeat(10_000)],
    }),
    tricky('numbers the way JavaScript prints them', {
      value: { amount: 0.1 + 0.2, currency: 'USD' },
      account: { name: 'A', annual_revenue: 9_007_199_254_740_991, employees: 2 ** 53 - 1 },
      follow_on: { potential: 'likely', value: 5e-324 },
    }),
    tricky('text that reads as something else', {
      issues: ['2026-12-01', 'yes', 'null', '1_000', 'on', '1e21', '0o17', '.nan', '<<', '=', '!!str', '*x', '&x', 'a: b', '- a', '? a', ': a'],
    }),
    tricky('every optional key', {
      type: 'renewal',
      close_date: '2027-01-31',
      strategic_logo: true,
      competition: { threat: 'low' },
      asks: [{ request: 'Discount', position: 'yes' }, { request: 'Source code', position: 'no', rationale: 'Never', exception: false }],
      history: [{ date: '2026-01-01', event: 'Kick-off' }],
      next_meeting: { date: '2026-02-02' },
      ceo: { requested: true },
    }),
  ])('%s', (_name, deal) => {
    expect(load(dealToYaml(deal))).toStrictEqual(deal);
  });

  it('the same deal always gives the same bytes', () => {
    expect(dealToYaml(FULL)).toBe(dealToYaml(load(dealToYaml(FULL))));
  });
});
