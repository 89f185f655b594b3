#!/usr/bin/env node
// Writes the JSON Schemas of the deal file and the config (schema/deal.schema.json,
// schema/config.schema.json) from the tsc output of src/policy/editor-schema.ts: the files the
// package ships for editors, byte for byte what `deal-triage schema` prints. Run by `npm run build`
// after tsc; tests/cli/schema.test.ts checks that the committed files are what the code makes.
//
//   node scripts/generate-schemas.js          write the files that changed
//   node scripts/generate-schemas.js --check  exit 1 if one is out of date

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { SCHEMA_FILES, SCHEMA_KINDS, documentedSchema, editorSchemaText } = await import('../dist/policy/editor-schema.js');

let stale = false;
for (const kind of SCHEMA_KINDS) {
  const file = path.join(root, SCHEMA_FILES[kind]);
  const text = editorSchemaText(kind);
  // Written all the same (an editor is better off with the rest), but said: the tests fail on it.
  for (const what of documentedSchema(kind).undocumented) console.error(`${SCHEMA_FILES[kind]}: undocumented: ${what}`);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // Missing: written below.
  }
  if (current === text) continue;
  if (process.argv.includes('--check')) {
    console.error(`${SCHEMA_FILES[kind]} is out of date with the zod schemas: run npm run build and commit it`);
    stale = true;
    continue;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.error(`${SCHEMA_FILES[kind]} regenerated from the zod schemas: commit it with the schema change`);
}
if (stale) process.exit(1);
