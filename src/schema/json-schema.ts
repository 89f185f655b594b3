// The one way a zod schema of this project becomes a JSON Schema: draft-07 (what
// yaml-language-server supports best, and ajv's default), the input side (what a file may say:
// defaults make keys optional), and a schema zod cannot express in JSON Schema stops the build
// rather than turning into "anything". scripts/generate-deal-validator.js compiles it into the fast
// validator; src/policy/editor-schema.ts documents it for editors.

import * as z from 'zod';

export type JsonSchemaOverride = NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override'];

export function inputJsonSchema(schema: z.ZodType, override?: JsonSchemaOverride): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'throw', ...(override && { override }) });
}
