// The values an enum fact can take, so a rule that compares `stage` with "negotiaton" is a config
// error with a suggestion, never a rule that silently never fires (PRODUCT.md §6, §10), and the path
// to a join names the values that meet a need (./changes.ts). A fact that
// is a field of the deal file takes its values from the deal schema itself (src/schema/deal.ts), so
// the two cannot drift apart: a value added to an enum there is one a rule may use. Other facts
// declare theirs (verdict, brief_missing, stakeholder_roles).

import { FACTS } from './facts.js';
import type { FactDefinition } from './facts.js';
import { DealSchema } from '../schema/deal.js';

interface SchemaDef {
  type: string;
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  entries?: Record<string, string | number>;
}

/** The definition under optional, default, nullable and the like. */
function unwrap(def: SchemaDef): SchemaDef {
  let current = def;
  for (;;) {
    const inner = current.innerType ?? (current.type === 'pipe' ? current.in : undefined);
    if (!inner) return current;
    current = inner._zod.def;
  }
}

/** The enum values of the deal file's field at a dotted path (`follow_on.potential`), or undefined. */
export function fieldValues(path: string): readonly string[] | undefined {
  let def = unwrap(DealSchema._zod.def);
  for (const key of path.split('.')) {
    if (def.type === 'array' && def.element) def = unwrap(def.element._zod.def);
    const child = def.type === 'object' && def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (!child) return undefined;
    def = unwrap(child._zod.def);
  }
  return def.type === 'enum' && def.entries ? Object.values(def.entries).map(String) : undefined;
}

const cache = new Map<string, readonly string[] | undefined>();

/**
 * The values a fact can take (a text fact) or its items can (a list fact), where they are a fixed
 * set; undefined where any text goes (a name, a signal's id).
 */
export function factValues(name: string): readonly string[] | undefined {
  if (cache.has(name)) return cache.get(name);
  const fact = Object.hasOwn(FACTS, name) ? (FACTS as Record<string, FactDefinition>)[name] : undefined;
  const values = fact?.values ?? (fact?.kind === 'text' ? fieldValues(name) : undefined);
  cache.set(name, values);
  return values;
}
