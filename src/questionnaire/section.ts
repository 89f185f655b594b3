// What a section of the questionnaire is: a part of the deal asked in one go. A section reads the
// answers so far (or the deal being edited) as its defaults, so Enter keeps an answer, and returns
// what changed, which `applyPatch` puts into the draft.

import type { Deal } from '../schema/deal.js';
import type { DealIdsSoon } from './ids.js';
import type { Prompter } from './prompter.js';

/** The answers so far: a deal being filled in, section by section. */
export type Draft = Partial<Deal>;

/** What a section changed. A key set to undefined is removed from the draft. */
export type Patch = { [K in keyof Deal]?: Deal[K] | undefined };

export interface SectionContext {
  /** The currency a new deal starts with: the config's company currency. */
  currency: string;
  /** Other deal files' ids (not the edited file's), for a warning when the id is taken. */
  ids?: DealIdsSoon;
}

/** Any section, as the flow runs it. */
export interface Section {
  id: string;
  /** How "change an answer" lists the section. */
  title: string;
  /** The keys of the deal file the section sets (sections/index.ts checks that every key has one). */
  keys: readonly (keyof Deal)[];
  ask(p: Prompter, draft: Draft, context: SectionContext): Promise<Patch>;
}

/** A section that sets `keys`: its answer names each of them (undefined removes one), and no other. */
export interface SectionOf<K extends keyof Deal> extends Section {
  keys: readonly K[];
  ask(p: Prompter, draft: Draft, context: SectionContext): Promise<PatchOf<K>>;
}

/** Every key in K (undefined to remove it from the draft), and no other key of the deal. */
type PatchOf<K extends keyof Deal> = { [Key in K]: Deal[Key] | undefined } & Partial<Record<Exclude<keyof Deal, K>, never>>;

/** A section, its keys inferred from `keys`, so the registry can check that they cover the deal. */
export function defineSection<const K extends keyof Deal>(section: SectionOf<K>): SectionOf<K> {
  return section;
}

export function applyPatch(draft: Draft, patch: Patch): Draft {
  const next: Record<string, unknown> = { ...draft };
  for (const [key, value] of Object.entries(patch)) {
    // Absent, not undefined: the deal must compare equal to the same deal loaded from its file.
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}
