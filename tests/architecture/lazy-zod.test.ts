// `triage` of a valid deal with a valid config never loads zod (a third of its start-up, issue 11):
// the modules the triage command imports statically, followed through the source, must not reach
// zod. Only the files a quick loader refuses load it (io/load-file-zod.ts, by a dynamic import). A
// new static import of a zod schema into the engine, a format or a loader fails here, naming the
// chain that brings zod in.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Static value imports of a file: type-only imports and dynamic import() are not loaded with it. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s+(?!type\s)([^;]*?)\sfrom\s+['"]([^'"]+)['"]/gms)]
    .filter((match) => !/^\{\s*\}$/.test(match[2]!.trim()))
    .map((match) => match[3]!)
    .map((specifier) => (specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')) : specifier));
}

/** The first chain of static imports from `entries` to `target`, or undefined. */
function chainTo(entries: string[], target: (specifier: string) => boolean): string[] | undefined {
  const seen = new Map<string, string[]>(entries.map((entry) => [entry, [entry]]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of staticImports(file)) {
      const chain = [...seen.get(file)!, next];
      if (target(next)) return chain.map((part) => (part.startsWith(SRC) ? path.relative(SRC, part) : part));
      if (!next.startsWith(SRC) || seen.has(next)) continue;
      seen.set(next, chain);
      queue.push(next);
    }
  }
  return undefined;
}

describe('triage start-up', () => {
  it('the CLI and the triage command reach zod by no static import', () => {
    const entries = ['cli/main.ts', 'cli/context.ts', 'cli/commands/triage.ts'].map((file) => path.join(SRC, file));
    expect(chainTo(entries, (specifier) => specifier === 'zod' || specifier.startsWith('zod/'))).toBeUndefined();
  });

  it('the check reaches it (so the test above can fail)', () => {
    expect(chainTo([path.join(SRC, 'cli/commands/check.ts')], (specifier) => specifier === 'zod')).toBeDefined();
  });
});
