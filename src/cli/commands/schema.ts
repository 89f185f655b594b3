// `deal-triage schema deal|config [-o file]`: the JSON Schema of the deal file or the config, for
// editors and other tools (PRODUCT.md §14). The same bytes as the file the package ships
// (schema/*.schema.json, written by the build from the same code); -o writes it atomically, never
// through a symbolic link.

import path from 'node:path';
import { safeChars } from '../../format/sanitize.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { editorSchemaText } from '../../policy/editor-schema.js';
import type { SchemaKind } from '../../policy/editor-schema.js';
import type { CommandContext } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommonOptions } from '../options.js';

export interface SchemaOptions extends CommonOptions {
  output?: string;
}

export async function runSchema(kind: SchemaKind, options: SchemaOptions, context: CommandContext): Promise<number> {
  const { io } = context;
  const text = editorSchemaText(kind);
  if (options.output === undefined) {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const written = await writeFileAtomic(path.resolve(io.cwd, options.output), text, { overwrite: true, noFollow: true });
  if (written.kind !== 'written') {
    throw new UsageError(`cannot write the schema to ${safeChars(options.output)}: ${written.kind === 'failed' ? written.reason : 'it exists'}`);
  }
  io.stderr.write(`deal-triage: wrote the ${kind} schema to ${safeChars(options.output)}\n`);
  return EXIT.ok;
}
