// Mutations of a parsed document for the differential tests of the generated validators (the deal's
// and the config's against zod): a value set, a key deleted or one added, at any place the
// document has, or at one its schema has that the document lacks.

import fc from 'fast-check';
import { expect } from 'vitest';
import { parseYaml } from '../../src/load/yaml-source.js';

export type Path = (string | number)[];

/** Every place in a value. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const own = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...prefix, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) => pathsOf(child, [...prefix, key]))
      : [];
  return [prefix, ...own];
}

export type Mutation = { op: 'set'; at: number; value: unknown } | { op: 'delete'; at: number } | { op: 'extra'; at: number; key: string; value: unknown };

/** Mutations that put `values` anywhere, and add keys named `keys`. */
export function mutations(values: fc.Arbitrary<unknown>, keys: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: values }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: keys, value: values }),
  );
}

/** A copy of `document` with the mutations applied in turn; `schemaPaths`: places it may lack. */
export function mutate(document: Record<string, unknown>, list: readonly Mutation[], schemaPaths: readonly Path[] = []): unknown {
  let root: unknown = structuredClone(document);
  for (const m of list) {
    const paths = [...pathsOf(root), ...schemaPaths];
    const at = paths[m.at % paths.length]!;
    if (at.length === 0) {
      if (m.op === 'set') root = structuredClone(m.value);
      continue;
    }
    let parent: unknown = root;
    for (const key of at.slice(0, -1)) {
      const next = (parent as Record<string | number, unknown> | null)?.[key];
      if (next === null || typeof next !== 'object') return root;
      parent = next;
    }
    if (parent === null || typeof parent !== 'object') continue;
    const target = parent as Record<string | number, unknown>;
    const last = at.at(-1)!;
    if (m.op === 'set') target[last] = structuredClone(m.value);
    else if (m.op === 'delete') {
      if (Array.isArray(target) && typeof last === 'number') target.splice(last, 1);
      else delete target[last];
    } else {
      const child = target[last];
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) (child as Record<string, unknown>)[m.key] = structuredClone(m.value);
    }
  }
  return root;
}

/**
 * The two answers of a differential test, a generated validator's and its zod schema's: `forValue`
 * compares them for one value as the YAML reader makes it (failing the test where they differ, and
 * where the fast path changed the value), and says whether zod accepts it; `forText` does the same
 * for a YAML document read as `file` is, and gives undefined if the text is not YAML.
 */
export function sameAnswers(fast: (value: unknown) => unknown, schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, file: string) {
  const forValue = (value: unknown, shown: () => string): boolean => {
    const before = JSON.stringify(value);
    const quick = fast(value);
    // The fast path must leave the reader's value as it found it (no defaults written into it).
    expect(JSON.stringify(value)).toBe(before);
    const slow = schema.safeParse(value);
    if ((quick !== undefined) !== slow.success) expect.fail(`fast ${quick ? 'accepts' : 'refuses'} what zod ${slow.success ? 'accepts' : 'refuses'}:\n${shown()}`);
    if (slow.success) {
      expect(JSON.stringify(quick)).toBe(JSON.stringify(slow.data));
      expect(quick).toStrictEqual(slow.data);
    }
    return slow.success;
  };
  const forText = (text: string): boolean | undefined => {
    const yaml = parseYaml(text, file);
    return yaml.ok ? forValue(yaml.value, () => text) : undefined;
  };
  return { forValue, forText };
}
