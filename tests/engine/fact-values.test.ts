// The values of enum facts come from the deal schema (one source of truth), or are declared by the
// facts that are not fields of the deal file.

import { describe, expect, it } from 'vitest';
import { FACT_NAMES } from '../../src/engine/facts.js';
import { VERDICTS } from '../../src/engine/types.js';
import { factValues, fieldValues } from '../../src/engine/fact-values.js';
import { DEAL_TYPES, FOLLOW_ON_POTENTIALS, OVERRIDE_VERDICTS, POSITIONS, STAGES, STAKEHOLDER_ROLES, THREATS } from '../../src/schema/deal.js';

describe('factValues', () => {
  it('knows exactly these enum facts, each with the values the deal schema (or the engine) gives', () => {
    const enums = Object.fromEntries(FACT_NAMES.flatMap((name) => (factValues(name) ? [[name, factValues(name)]] : [])));
    expect(enums).toEqual({
      type: DEAL_TYPES,
      stage: STAGES,
      'follow_on.potential': FOLLOW_ON_POTENTIALS,
      'competition.threat': THREATS,
      verdict: VERDICTS,
      policy_verdict: VERDICTS,
      'ceo.override.verdict': OVERRIDE_VERDICTS,
      brief_missing: ['history', 'stakeholders', 'questions', 'objective'],
      stakeholder_roles: STAKEHOLDER_ROLES,
    });
  });

  it.each([
    ['stage', STAGES],
    ['follow_on.potential', FOLLOW_ON_POTENTIALS],
    ['asks.position', POSITIONS],
    ['stakeholders.role', STAKEHOLDER_ROLES],
    ['account.name', undefined],
    ['no.such.field', undefined],
    ['__proto__', undefined],
  ])('fieldValues(%s) reads the schema', (path, values) => {
    expect(fieldValues(path)).toEqual(values);
  });
});
