// The fast reader's list of deal keys is the schema's, exactly: a key missing from it would only
// read slower, but a list that drifts from the schema is a list nobody can trust.

import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { DEAL_KEYS } from '../../src/load/deal-keys.js';
import { DealSchema } from '../../src/schema/deal.js';

/** The keys of every object in a zod schema, through optionals, defaults, lists, pipes and unions. */
function schemaKeys(schema: z.core.$ZodType, keys = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return keys;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
      keys.add(key);
      schemaKeys(value, keys, seen);
    }
  }
  for (const field of ['innerType', 'element', 'in', 'out']) {
    if (def[field]) schemaKeys(def[field] as z.core.$ZodType, keys, seen);
  }
  for (const option of (def.options as z.core.$ZodType[] | undefined) ?? []) schemaKeys(option, keys, seen);
  return keys;
}

describe('DEAL_KEYS', () => {
  it('is every key of the deal schema, at any depth, each once', () => {
    expect([...DEAL_KEYS].sort()).toEqual([...schemaKeys(DealSchema)].sort());
    expect(new Set(DEAL_KEYS).size).toBe(DEAL_KEYS.length);
  });
});
