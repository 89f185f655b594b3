// The values an enum fact can take, so a rule that compares `stage` with "negotiaton" is a config
// error with a suggestion, never a rule that silently never fires (PRODUCT.md §6, §10), and the path
// to a join names the values that meet a need (./changes.ts). A fact that is a field of the deal
// file takes its values from the deal schema itself (src/schema/deal.ts), through the table the build
// generates from it, so the two cannot drift apart: a value added to an enum there is one a rule may
// use. Other facts declare theirs (verdict, brief_missing, stakeholder_roles).

import { FACTS } from './facts.js';
import type { FactDefinition } from './facts.js';
import { DEAL_FIELD_VALUES } from '../schema/deal-validator.generated.js';

/** The enum values of the deal file's field at a dotted path (`follow_on.potential`), or undefined. */
export function fieldValues(path: string): readonly string[] | undefined {
  return Object.hasOwn(DEAL_FIELD_VALUES, path) ? DEAL_FIELD_VALUES[path] : undefined;
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
