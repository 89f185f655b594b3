// The deal file's fields as the questions name them, derived from the schema rather than repeated:
// a path typed from the Deal type (`account.employees`, `asks[].request`, `issues[]`), its value
// type, and the schema piece the file loader checks it with — so a question names its field once,
// and the field's name in messages, its check and whether it is optional all follow from it.

import type * as z from 'zod';
import { DealSchema } from '../schema/deal.js';
import type { Deal } from '../schema/deal.js';

type Scalar = string | number | boolean;

type PathsOf<T, Prefix extends string> = {
  [K in keyof T & string]-?: `${Prefix}${K}` | SubPaths<NonNullable<T[K]>, `${Prefix}${K}`>;
}[keyof T & string];

type SubPaths<V, Path extends string> = V extends readonly (infer Item)[]
  ? `${Path}[]` | ItemPaths<NonNullable<Item>, `${Path}[].`>
  : V extends Scalar
    ? never
    : PathsOf<V, `${Path}.`>;

/** The fields of a list's entries; of each kind of entry where there are several (an issue: text, or a mapping). */
type ItemPaths<Item, Prefix extends string> = Item extends Scalar ? never : PathsOf<Item, Prefix>;

/** Every field of the deal, a list's entries as `[]`: `account.employees`, `asks[].request`, `issues[]`. */
export type FieldPath = PathsOf<Deal, ''>;

type Prop<T, K extends string> = NonNullable<T> extends infer U ? (U extends unknown ? (K extends keyof U ? U[K] : never) : never) : never;
type Step<T, Segment extends string> = Segment extends `${infer K}[]`
  ? NonNullable<Prop<T, K>> extends readonly (infer Item)[]
    ? Item
    : never
  : Prop<T, Segment>;

/** The value a field holds in a deal: `FieldValue<'account.employees'>` is `number | undefined`. */
export type FieldValue<P extends string, T = Deal> = P extends `${infer Head}.${infer Rest}` ? FieldValue<Rest, Step<T, Head>> : Step<T, P>;

/** The fields holding text (dates, ids and currency codes included), and those holding numbers. */
export type TextPath = { [P in FieldPath]: NonNullable<FieldValue<P>> extends string ? P : never }[FieldPath];
export type NumberPath = { [P in FieldPath]: NonNullable<FieldValue<P>> extends number ? P : never }[FieldPath];

interface Def {
  type: string;
  innerType?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def;

/** The schema without its `.optional()` and `.default()`; of a union (an issue), the option with fields. */
function unwrapped(schema: z.core.$ZodType): z.core.$ZodType {
  const def = defOf(schema);
  if (def.type === 'union') return def.options?.find((option) => defOf(option).type === 'object') ?? schema;
  return (def.type === 'optional' || def.type === 'default') && def.innerType ? unwrapped(def.innerType) : schema;
}

/** The schema piece the loader checks the field with, `.optional()` and `.default()` included. */
export function fieldSchema<P extends FieldPath>(path: P): z.ZodType<FieldValue<P>, FieldValue<P>> {
  let schema: z.core.$ZodType = DealSchema;
  for (const segment of path.split('.')) {
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    const child = defOf(unwrapped(schema)).shape?.[key];
    if (!child) throw new Error(`the deal schema has no field ${path}`);
    schema = child;
    if (list) {
      const item = defOf(unwrapped(schema)).element;
      if (!item) throw new Error(`the deal field ${path} is not a list`);
      schema = item;
    }
  }
  return schema as z.ZodType<FieldValue<P>, FieldValue<P>>;
}

/** Whether the file may leave the field out (`.optional()`; a field with a default is not optional: it always has a value). */
export function isOptional(schema: z.ZodType): boolean {
  return defOf(schema).type === 'optional';
}

/** The schema with `.optional()` taken off: what a given answer must be. */
export function required<O, I>(schema: z.ZodType<O, I>): z.ZodType<NonNullable<O>, NonNullable<I>> {
  const def = defOf(schema);
  return (def.type === 'optional' && def.innerType ? def.innerType : schema) as z.ZodType<NonNullable<O>, NonNullable<I>>;
}

/** The field's name in messages: `asks[].request` in entry 2 is `asks[2].request`. */
export function fieldName(path: FieldPath, index?: number): string {
  return index === undefined ? path : path.replace('[]', `[${index}]`);
}
