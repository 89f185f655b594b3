// The layers import in one direction only (README, "Architecture"): each folder of src/ may import
// its own files and the layers before it, never a later one, and no file imports itself round a
// circle, by value or by type. Read from the source text, so a change that undoes the order fails
// here rather than quietly.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** The layers, lowest first; `index.ts` at the top of src/ is the library API above them all. */
export const LAYERS = ['schema', 'engine', 'policy', 'load', 'briefing', 'triage', 'one-on-one', 'check', 'policy-test', 'import', 'format', 'review', 'io', 'questionnaire', 'cli'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of a file (static, type-only, re-exports and dynamic), as absolute .ts paths. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gms),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((match) => match[1]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'));
}

/** The layer of a file: its first folder under src/, or 'api' for src/index.ts. */
function layerOf(file: string): string {
  const relative = path.relative(SRC, file).split(path.sep);
  return relative.length === 1 ? 'api' : relative[0]!;
}

const rank = (layer: string) => (layer === 'api' ? LAYERS.length : LAYERS.indexOf(layer as (typeof LAYERS)[number]));

const files = sourceFiles(SRC).sort();
const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));

describe('the import graph of src/', () => {
  it('has every file in a known layer', () => {
    const unknown = files.filter((file) => rank(layerOf(file)) < 0).map((file) => path.relative(SRC, file));
    expect(unknown).toEqual([]);
  });

  it('finds the imports it reads (every import names a file that exists)', () => {
    const missing = [...graph].flatMap(([file, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${path.relative(SRC, file)} → ${path.relative(SRC, t)}`));
    expect(missing).toEqual([]);
    // And it reads some: a parser that found nothing would pass every other test.
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });

  it('imports only the same layer or an earlier one', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => rank(layerOf(target)) > rank(layerOf(file)))
        .map((target) => `${path.relative(SRC, file)} (${layerOf(file)}) imports ${path.relative(SRC, target)} (${layerOf(target)})`),
    );
    expect(upward).toEqual([]);
  });

  it('has no circle between files', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('reads static, type-only, re-exported, multi-line and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      'import {\n  d,\n  e,\n} from "./double-quoted.js";',
      "import {\n  f,\n} from './f.js';",
      "const g = await import('./g.js');",
      "import 'node:fs';",
    ].join('\n');
    const found = importsOf('/x/src/load/file.ts', text).map((f) => path.relative('/x/src', f));
    expect(found).toEqual(['load/a.ts', 'b/b.ts', 'load/c.ts', 'load/double-quoted.ts', 'load/f.ts', 'load/g.ts']);
  });
});
