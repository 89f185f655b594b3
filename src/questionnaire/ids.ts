// Deal ids in the questionnaire: the id a name suggests, and the warning when another file has it.

/** The ids other deal files already use, id → the files (as shown): read by the caller. */
export type DealIds = ReadonlyMap<string, readonly string[]>;

/**
 * The ids, or the promise of them: the caller may still be reading the folder while the first
 * questions are asked, so a large deals folder never delays them; the id question waits for it.
 */
export type DealIdsSoon = DealIds | PromiseLike<DealIds>;

/** A warning, not a refusal: the user may mean to replace that file, or to fix the other one. */
export function takenIdWarning(id: string, ids: DealIds | undefined): string | undefined {
  const files = ids?.get(id);
  if (!files || files.length === 0) return undefined;
  const shown = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  return `Note: ${shown} already ${files.length === 1 ? 'uses' : 'use'} the id ${id}; deal-triage check reports two deals with one id (duplicate-id).`;
}

/** `Acme — five-plant rollout` → `acme-five-plant-rollout`: the id a name suggests. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  // Cut at a dash rather than inside a word.
  const cut = slug.slice(0, 61);
  const dash = cut.lastIndexOf('-');
  return dash > 0 ? cut.slice(0, dash) : slug.slice(0, 60);
}
