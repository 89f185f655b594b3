// Messages with optional parts, `{?name: …}`: shown when every name is set, so one message fits
// each case its rule fires in.

import { describe, expect, it } from 'vitest';
import type { FactValue } from '../../src/engine/types.js';
import { fillTemplate, isSet, placeholders } from '../../src/engine/values.js';

describe('isSet', () => {
  it.each<[FactValue | undefined, boolean]>([
    [null, false],
    [undefined, false],
    [false, false],
    ['', false],
    [[], false],
    [true, true],
    [0, true],
    ['x', true],
    [['x'], true],
  ])('%j: %s', (value, set) => {
    expect(isSet(value)).toBe(set);
  });
});

describe('fillTemplate with optional parts', () => {
  const values: Record<string, FactValue> = { name: 'Acme', ratio: 140, issues: ['A', 'B'], none: [], off: false, objective: 'Sign' };
  const lookup = (name: string) => (name in values ? String(values[name]) : undefined);
  const fill = (template: string) => fillTemplate(template, lookup, (name) => values[name]);

  it.each([
    ['Reassure {name}{?ratio: ({ratio}×)}.', 'Reassure Acme (140×).'],
    ['Reassure {name}{?none: on {none}}.', 'Reassure Acme.'],
    ['x{?ratio,issues:, and} y', 'x, and y'],
    ['x{?ratio,none:, and} y', 'x y'],
    ['{?off:hidden}{?unknown_fact:hidden}shown', 'shown'],
    ['{?objective:: {objective}}', ': Sign'],
    // A part is not nested, and text that only looks like one stays as written.
    ['{? ratio: x} {?Ratio: y}', '{? ratio: x} {?Ratio: y}'],
  ])('%j → %j', (template, expected) => {
    expect(fill(template)).toBe(expected);
  });

  it('lists the names a message reads, those its optional parts depend on included (the config checks each)', () => {
    expect(placeholders('{name}{?ratio,issues: {objective}}')).toEqual(['ratio', 'issues', 'name', 'objective']);
  });
});
