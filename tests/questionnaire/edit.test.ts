// Saving an edited deal onto its own file's text: what changed is written, everything else (the
// comments above all) stays; what cannot be edited in place is said, not silently lost.

import { describe, expect, it } from 'vitest';
import { parseDeal } from '../../src/load/deal.js';
import { editDealYaml, hasComments } from '../../src/questionnaire/edit.js';
import { roundTripProblem } from '../../src/questionnaire/write.js';
import type { Deal } from '../../src/schema/deal.js';

function load(text: string): Deal {
  const loaded = parseDeal(text, 'deal.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.value;
}

const ORIGINAL = [
  '# Stark: the pilot',
  'id: stark',
  'name: Stark pilot',
  'owner: Sam',
  'stage: proposal',
  'account:',
  '  name: Stark Industries # the parent company',
  'value:',
  '  amount: 70000',
  'follow_on:',
  '  potential: possible',
  '# Who is who',
  'stakeholders:',
  '  # our champion',
  '  - name: Pepper',
  '    role: champion',
  '  # signs',
  '  - name: Tony',
  '    role: economic-buyer',
  '# Open questions',
  'issues: [Price, Timing]',
  '',
].join('\n');

function edit(change: (deal: Deal) => Deal, original = ORIGINAL): string {
  const before = load(original);
  const after = change(structuredClone(before));
  const edited = editDealYaml(original, before, after);
  if (!edited.ok) throw new Error(edited.reason);
  expect(roundTripProblem(after, edited.text, 'USD')).toBeUndefined();
  return edited.text;
}

describe('editDealYaml', () => {
  it.each<[string, (deal: Deal) => Deal, (text: string) => string]>([
    ['a changed answer: that line only', (d) => ({ ...d, value: { ...d.value, amount: 80000 } }), (t) => t.replace('amount: 70000', 'amount: 80000')],
    [
      'a new key: where the schema puts it, other keys left in place',
      (d) => ({ ...d, close_date: '2027-01-31' }),
      (t) => t.replace('stage: proposal\n', 'stage: proposal\nclose_date: 2027-01-31\n'),
    ],
    [
      'a list entry removed: the comments of the others stay with them',
      (d) => ({ ...d, stakeholders: [d.stakeholders[0]!] }),
      (t) => t.replace('  # signs\n  - name: Tony\n    role: economic-buyer\n', ''),
    ],
    [
      // The yaml package gives a comment above a list's first entry to the list: it is kept.
      'the first entry removed: a comment above it stays, as the list’s',
      (d) => ({ ...d, stakeholders: d.stakeholders.slice(1) }),
      (t) => t.replace('  - name: Pepper\n    role: champion\n', ''),
    ],
    [
      'a list entry changed in place keeps its comment',
      (d) => ({ ...d, stakeholders: [d.stakeholders[0]!, { ...d.stakeholders[1]!, title: 'CEO' }] }),
      (t) => t.replace('  - name: Tony\n', '  - name: Tony\n    title: CEO\n'),
    ],
    [
      'a removed key: the comment heading it stays for what follows',
      (d) => ({ ...d, stakeholders: [] }),
      (t) => t.replace(/# Who is who\n[^]*?# Open questions\n/, '# Who is who\n# Open questions\n'),
    ],
    [
      'a multi-line entry in a flow list: the list becomes a block list',
      (d) => ({ ...d, issues: ['Price', '?\nx'] }),
      (t) => t.replace('issues: [Price, Timing]', 'issues:\n  - Price\n  - |-\n    ?\n    x'),
    ],
  ])('%s', (_name, change, expected) => {
    expect(edit(change)).toBe(expected(ORIGINAL));
  });

  it('refuses a file with anchors or aliases: changing a shared value in place would change it everywhere', () => {
    const original = 'id: a\nname: &n Acme\nowner: *n\nstage: proposal\naccount:\n  name: A\nvalue:\n  amount: 1\nfollow_on:\n  potential: none\n';
    const before = load(original);
    expect(editDealYaml(original, before, { ...before, name: 'Other' })).toEqual({ ok: false, reason: 'the file uses YAML anchors or aliases' });
  });

  it.each([
    ['# a comment\nid: a\n', true],
    ['id: a # a comment\n', true],
    ['id: a\nname: "# not a comment"\n', false],
  ])('hasComments(%j) is %s', (text, expected) => {
    expect(hasComments(text)).toBe(expected);
  });
});
