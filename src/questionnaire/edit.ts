// Saving an edited deal (`new --from`) without losing what the user wrote by hand: the changed
// answers are applied onto the parsed original document with the `yaml` Document API, so its
// comments, blank lines, quoting and the order of untouched keys stay. Pure: texts and deals in,
// text out — or the reason it cannot be done, for the caller to say before writing a fresh text.

import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { Deal } from '../schema/deal.js';
import { DEAL_KEYS } from '../schema/deal.js';
import { blockWhereMultiline, dealData, firstDifference, isPlainObject, STRINGIFY_OPTIONS } from './write.js';

export type Edited = { ok: true; text: string } | { ok: false; reason: string };

/** Lists longer than this are matched entry by entry in order, without looking for moved entries. */
const MAX_MATCH_CELLS = 250_000;

/**
 * `original` (the text of the file `before` was loaded from) with the answers that differ in
 * `after` applied. Untouched keys keep their nodes, comments included; a changed entry of a list
 * is changed in place; removed keys and entries go with their comments.
 */
export function editDealYaml(original: string, before: Deal, after: Deal): Edited {
  const doc = parseDocument(original, { uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) return { ok: false, reason: 'the file could not be read again' };
  if (!isMap(doc.contents)) return { ok: false, reason: 'the file does not hold a mapping' };
  if (usesAnchors(doc)) return { ok: false, reason: 'the file uses YAML anchors or aliases' };
  editMap(doc, doc.contents, before, after, dealData(after), DEAL_KEYS);
  blockWhereMultiline(doc);
  return { ok: true, text: doc.toString(STRINGIFY_OPTIONS) };
}

/** Whether the text has comments of its own, which a freshly written text would lose. */
export function hasComments(original: string): boolean {
  const doc = parseDocument(original);
  let found = Boolean(doc.commentBefore) || Boolean(doc.comment);
  visit(doc, {
    Node(_key, node) {
      if (node.commentBefore || node.comment) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** An alias's value is shared: editing it in place would change every place that uses it. */
function usesAnchors(doc: Document): boolean {
  let found = false;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || node.anchor !== undefined) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

type Data = Record<string, unknown>;

/**
 * `map` holds `before`; afterwards it holds `after`, written as `written` (the deal file form of
 * `after`: defaults-only parts left out). `order` is the schema's key order, for where new keys go.
 */
function editMap(doc: Document, map: YAMLMap, before: Data, after: Data, written: Data, order: readonly string[]): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (firstDifference(before[key], after[key], '') === undefined) continue;
    const index = map.items.findIndex((pair) => keyOf(pair) === key);
    const value = written[key];
    if (value === undefined) {
      if (index >= 0) removePair(map, index);
      continue;
    }
    if (index < 0) {
      insertPair(map, doc.createPair(key, value), order);
      continue;
    }
    const pair = map.items[index]!;
    pair.value = editNode(doc, pair.value as Node | null, before[key], after[key], value);
  }
}

/** The node for `value` (written form of `after`), reusing `node` (which holds `before`) where it can. */
function editNode(doc: Document, node: Node | null, before: unknown, after: unknown, value: unknown): Node {
  if (isMap(node) && isPlainObject(before) && isPlainObject(after) && isPlainObject(value)) {
    editMap(doc, node, before, after, value, Object.keys(value));
    return node;
  }
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && Array.isArray(value)) {
    editSeq(doc, node, before, after, value);
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    node.value = value;
    // The old style, tag and number format were for the old value: the stringifier picks anew.
    delete node.type;
    delete node.tag;
    delete node.format;
    delete node.minFractionDigits;
    delete node.source;
    return node;
  }
  const created = doc.createNode(value);
  if (node) {
    created.commentBefore = node.commentBefore;
    created.comment = node.comment;
    created.spaceBefore = node.spaceBefore;
  }
  return created;
}

/**
 * Entries equal before and after keep their nodes (matched in order, so a removed or inserted
 * entry does not shift the comments of the others); between two such, the remaining entries are
 * paired in order and changed in place; what is left over is removed or added.
 */
function editSeq(doc: Document, seq: YAMLSeq, before: readonly unknown[], after: readonly unknown[], written: readonly unknown[]): void {
  const old = seq.items as (Node | null)[];
  const matches = matchInOrder(before, after);
  const items: Node[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...matches, [before.length, after.length] as const]) {
    while (j < mj) {
      if (i < mi) {
        items.push(editNode(doc, old[i] ?? null, before[i], after[j], written[j]));
        i += 1;
      } else {
        items.push(doc.createNode(written[j]));
      }
      j += 1;
    }
    // Entries only in `before` are dropped: i catches up with the match.
    i = mi;
    if (mi < before.length) {
      items.push(old[mi]!);
      i += 1;
      j += 1;
    }
  }
  seq.items = items;
}

/** Index pairs of equal entries, in order: the longest such sequence for lists of a usual size. */
function matchInOrder(a: readonly unknown[], b: readonly unknown[]): [number, number][] {
  const same = (x: unknown, y: unknown) => firstDifference(x, y, '') === undefined;
  if (a.length * b.length > MAX_MATCH_CELLS) {
    const pairs: [number, number][] = [];
    for (let k = 0; k < Math.min(a.length, b.length); k++) if (same(a[k], b[k])) pairs.push([k, k]);
    return pairs;
  }
  // Longest common subsequence, by suffix lengths.
  const width = b.length + 1;
  const length = new Uint32Array((a.length + 1) * width);
  for (let x = a.length - 1; x >= 0; x--) {
    for (let y = b.length - 1; y >= 0; y--) {
      length[x * width + y] = same(a[x], b[y])
        ? length[(x + 1) * width + y + 1]! + 1
        : Math.max(length[(x + 1) * width + y]!, length[x * width + y + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (same(a[x], b[y])) {
      pairs.push([x, y]);
      x += 1;
      y += 1;
    } else if (length[(x + 1) * width + y]! >= length[x * width + y + 1]!) x += 1;
    else y += 1;
  }
  return pairs;
}

function keyOf(pair: unknown): unknown {
  if (!isPair(pair)) return undefined;
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

/** A comment above a removed key heads what follows it more often than the key itself: it stays. */
function removePair(map: YAMLMap, index: number): void {
  const [removed] = map.items.splice(index, 1);
  const heading = isScalar(removed?.key) ? removed.key.commentBefore : undefined;
  const next = map.items[index];
  if (heading && next && isScalar(next.key)) {
    next.key.commentBefore = next.key.commentBefore ? `${heading}\n${next.key.commentBefore}` : heading;
  }
}

/** Before the first key that comes after it in the schema's order; keys the order does not know are passed over. */
function insertPair(map: YAMLMap, pair: Pair, order: readonly string[]): void {
  const rank = order.indexOf(String(keyOf(pair)));
  const index = map.items.findIndex((item) => {
    const other = order.indexOf(String(keyOf(item)));
    return other > rank;
  });
  if (index < 0) map.items.push(pair);
  else map.items.splice(index, 0, pair);
}
