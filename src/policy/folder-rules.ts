// The rules `check` applies to a folder as a whole (PRODUCT.md §8). Unlike the per-deal rules
// they compare deals with one another, so their logic is code (src/check/folder.ts); this is their
// metadata, which the config's `rules:` can change like any rule's: a severity, or switched off.

export interface FolderRuleSpec {
  id: string;
  severity: 'error' | 'warning';
  description: string;
}

export const FOLDER_RULES = [
  {
    id: 'duplicate-id',
    severity: 'error',
    description: 'Two or more deal files in the folder share an id; each is reported, naming the others.',
  },
  {
    id: 'over-capacity',
    severity: 'warning',
    description:
      'More deals get join than policy.ceo_capacity allows; ranked by potential value, the ones beyond capacity are reported.',
  },
] as const satisfies readonly FolderRuleSpec[];

export type FolderRuleId = (typeof FOLDER_RULES)[number]['id'];
export const FOLDER_RULE_IDS: readonly string[] = FOLDER_RULES.map((rule) => rule.id);

export function isFolderRule(id: string): id is FolderRuleId {
  return FOLDER_RULE_IDS.includes(id);
}
