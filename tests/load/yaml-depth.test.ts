// Nesting depth: a file nested deeper than MAX_YAML_DEPTH gets one problem, at the token that opens
// the level too many, the same on every run and on every thread whatever stack it has; nothing
// under 1 MiB can make the parser run out of stack. And the count the guard keeps is the nesting
// the parser builds, so the limit means what it says.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, isPair, isSeq, Lexer, parseAllDocuments } from 'yaml';
import { parseDeal } from '../../src/load/deal.js';
import { MAX_FILE_BYTES, MAX_YAML_DEPTH } from '../../src/load/limits.js';
import type { Problem } from '../../src/load/problem.js';
import { TokenGuard } from '../../src/load/yaml-guard.js';
import { parseYaml } from '../../src/load/yaml-source.js';
import { itOverCorpus } from '../helpers/corpus.js';
import { ROOT } from '../helpers/paths.js';
import { tempDirs } from '../helpers/temp.js';

/** Text repeated up to (not past) 1 MiB. */
const fill = (head: string, unit: string) => head + unit.repeat(Math.floor((MAX_FILE_BYTES - head.length) / unit.length));
/** Lines, each indented one more than the last, up to 1 MiB. */
function staircase(line: (depth: number) => string): string {
  let text = '';
  for (let depth = 0; ; depth++) {
    const next = `${' '.repeat(depth)}${line(depth)}\n`;
    if (text.length + next.length > MAX_FILE_BYTES) return text;
    text += next;
  }
}

/** [name, text, line and column where level 65 opens]. */
const DEEP: [string, string, number, number][] = [
  // `id:` is level 1, each "[" one more: the 64th "[" (column 4 + 64) opens level 65.
  ['1 MiB of "["', fill('id: ', '['), 1, 68],
  ['1 MiB of "{"', fill('', '{'), 1, 65],
  ['1 MiB of "{a: " nesting', fill('a: ', '{a: '), 1, 4 + 63 * 4],
  ['"[" closed again, 8,000 deep', `id: ${'['.repeat(8000)}${']'.repeat(8000)}\n`, 1, 68],
  ['"{a: " closed again, 4,000 deep', `a: ${'{a: '.repeat(4000)}1${'}'.repeat(4000)}\n`, 1, 256],
  ['1 MiB of block mappings, each indented one more', staircase(() => 'a:'), 65, 65],
  ['1 MiB of block lists, each indented one more', staircase(() => '-'), 65, 65],
  ['1 MiB of "- - - -" on one line', fill('', '- '), 1, 129],
  // Each line a list item whose key holds the next line's list: two levels a line.
  ['1 MiB of "- a:" lines', staircase((d) => `${' '.repeat(d)}- a:`), 33, 65],
  ['flow inside deep block nesting', `${staircase((d) => `k${d}:`).split('\n').slice(0, 60).join('\n')}\n${' '.repeat(60)}x: [[[[[[[[]]]]]]]]\n`, 61, 67],
  // `[b: ` is a list holding a mapping: level 65 is the 32nd ":".
  ['flow pairs inside flow lists', fill('a: ', '[b: '), 1, 130],
  // `[[[x]: y]: y]`: each list is the key of a mapping in the list around it, which is only
  // known at its ":"; the level too many is then the innermost list, at column 44.
  ['flow lists as keys of flow pairs', `a: [${'['.repeat(40)}x${']: y'.repeat(40)}]\n`, 1, 44],
];

function problemsOf(text: string): Problem[] {
  const result = parseDeal(text, 'deep.yaml');
  return result.ok ? [] : result.problems;
}

describe('a file nested too deeply', () => {
  it.each(DEEP)('%s: one problem, where level 65 opens', (_name, text, line, column) => {
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    expect(problemsOf(text)).toEqual([
      {
        file: 'deep.yaml',
        line,
        column,
        rule: 'yaml-too-deep',
        severity: 'error',
        message: `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep (mappings and lists inside each other); deal and config files need only a few`,
      },
    ]);
  });

  it.each([
    ['flow lists', (n: number) => `a: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`],
    ['block mappings', (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n'],
    ['block lists under a key', (n: number) => `a:\n${Array.from({ length: n - 1 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')} x\n`],
  ])('%s 64 levels deep are read; 65 are not', (_name, nested) => {
    expect(parseYaml(nested(MAX_YAML_DEPTH), 'f.yaml').ok).toBe(true);
    const deeper = parseYaml(nested(MAX_YAML_DEPTH + 1), 'f.yaml');
    expect(!deeper.ok && deeper.problems.map((p) => p.rule)).toEqual(['yaml-too-deep']);
  });
});

describe('the same problems on every run and every thread', () => {
  const tempDir = tempDirs('deal-triage-depth-');
  let dir: string;
  let bundle: string;

  beforeAll(async () => {
    // The loader as one plain JS file, for a worker thread to import.
    dir = tempDir();
    bundle = path.join(dir, 'deal.mjs');
    await build({
      entryPoints: [path.join(ROOT, 'src/load/deal.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: bundle,
      logLevel: 'silent',
      // The yaml package's CommonJS requires node built-ins, which an ES module bundle must be given.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      // The loader requires yaml when it first needs it (src/load/yaml-lib.ts), from node_modules,
      // which a bundle in a temporary folder cannot reach: here it is bundled in.
      plugins: [
        {
          name: 'bundled-yaml',
          setup(plugin) {
            plugin.onResolve({ filter: /yaml-lib\.js$/ }, () => ({ path: 'yaml-lib', namespace: 'bundled-yaml' }));
            plugin.onLoad({ filter: /.*/, namespace: 'bundled-yaml' }, () => ({
              contents: "import * as yaml from 'yaml'; export const yamlLib = () => yaml;",
              resolveDir: ROOT,
              loader: 'js',
            }));
          },
        },
      ],
    });
    writeFileSync(
      path.join(dir, 'worker.mjs'),
      [
        "import { parentPort, workerData } from 'node:worker_threads';",
        `import { parseDeal } from ${JSON.stringify(bundle)};`,
        "const result = parseDeal(workerData, 'deep.yaml');",
        'parentPort.postMessage(result.ok ? [] : result.problems);',
      ].join('\n'),
    );
  });


  /** parseDeal in a worker thread with half the main thread's stack (less cannot load the modules). */
  function inWorker(text: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(path.join(dir, 'worker.mjs'), { workerData: text, resourceLimits: { stackSizeMb: 0.5 } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  }

  it.each(DEEP.map(([name, text]) => [name, text] as const))('%s', async (_name, text) => {
    const first = problemsOf(text);
    expect(problemsOf(text)).toEqual(first);
    expect(await inWorker(text)).toEqual(first);
  });

  // Long lists of problems are gathered without spreading them into a call's arguments, which
  // overflowed the stack at about 120,000 duplicate keys in a 625 KB file (half as many here).
  it.each([
    ['70,000 duplicate keys', 'a: 1\n'.repeat(70_000)],
    ['70,000 list keys in a flow mapping', `a: {${'[]: 1,'.repeat(70_000)}}\n`],
  ])('%s: located problems, capped, on a small stack too', async (_name, text) => {
    const problems = (await inWorker(text)) as Problem[];
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)?.rule).toBe('too-many-problems');
  });
});

/** How deep the parser nests the documents it builds: collections inside collections. */
function builtDepth(text: string): number {
  let deepest = 0;
  const docs = parseAllDocuments(text);
  for (const doc of Array.isArray(docs) ? docs : []) {
    const stack: [unknown, number][] = [[doc.contents, 0]];
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const [node, depth] = entry;
      if (isMap(node) || isSeq(node)) {
        deepest = Math.max(deepest, depth + 1);
        for (const item of node.items) stack.push([item, depth + 1]);
      } else if (isPair(node)) {
        stack.push([node.key, depth], [node.value, depth]);
      }
    }
  }
  return deepest;
}

function guardDepth(text: string): number {
  const guard = new TokenGuard(Number.POSITIVE_INFINITY);
  for (const lexeme of new Lexer().lex(text)) guard.step(lexeme);
  return guard.maxDepth;
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(folder, name));
}

describe('the depth the guard counts', () => {
  it('is the depth the parser builds, for every fixture', () => {
    const files = ['fixtures/deals', 'fixtures/invalid', 'fixtures/check/problems', 'fixtures/check/over-capacity', 'fixtures/check/dates', 'fixtures'].flatMap((folder) =>
      yamlFiles(path.join(ROOT, folder)),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(guardDepth(text), file).toBe(builtDepth(text));
    }
  });

  // Broken YAML can make the parser build a level no token announces (`[ a \n#\n b ]` becomes
  // `[{a: b}]`): at most one per flow level, so the parser never nests more than twice the limit.
  itOverCorpus('is never less than half the depth the parser builds, across the YAML test suite', (files) => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(2 * guardDepth(text), file).toBeGreaterThanOrEqual(builtDepth(text));
    }
  });

  it('matches the depth the parser builds on generated nesting, and is never less than half of it', () => {
    // Nesting written in every way YAML has: block mappings and lists (compact or not), flow lists
    // and mappings, flow pairs, flow keys, with comments and quoted text holding brackets.
    type Tree = { kind: 'map' | 'seq' | 'flow-seq' | 'flow-map' | 'pair'; children: Tree[] } | string;
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'medium', withCrossShrink: true },
        fc.constantFrom('x', '"[{"', "'a: [b'", '# ]', '-1', '"multi\n line"'),
        fc.record({ kind: fc.constantFrom('map', 'seq', 'flow-seq', 'flow-map', 'pair'), children: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
      ),
    }));
    const flow = (t: Tree): string => {
      if (typeof t === 'string') return t === '# ]' ? 'c' : t.replace('\n', ' ');
      const items = t.children.map(flow);
      if (t.kind === 'flow-map' || t.kind === 'map') return `{${items.map((item, i) => `k${i}: ${item}`).join(', ')}}`;
      if (t.kind === 'pair') return `[${items[0]}: ${items[1] ?? 'v'}]`;
      return `[${items.join(', ')}]`;
    };
    const block = (t: Tree, indent: number): string[] => {
      const pad = ' '.repeat(indent);
      if (typeof t === 'string' || t.kind === 'flow-seq' || t.kind === 'flow-map' || t.kind === 'pair') return [`${pad}${flow(t)}`];
      if (t.kind === 'map') {
        return t.children.flatMap((child, i) => {
          if (typeof child === 'string' || child.kind.startsWith('flow') || child.kind === 'pair') return [`${pad}k${i}: ${flow(child)}`];
          return [`${pad}k${i}:`, ...block(child, indent + 2)];
        });
      }
      return t.children.flatMap((child) => {
        const [first, ...rest] = block(child, indent + 2);
        return [`${pad}- ${first!.trimStart()}`, ...rest];
      });
    };
    fc.assert(
      fc.property(tree, fc.boolean(), (t, asFlow) => {
        const text = `${asFlow ? flow(t) : block(t, 0).join('\n')}\n`;
        const built = builtDepth(text);
        const counted = guardDepth(text);
        expect(2 * counted, text).toBeGreaterThanOrEqual(built);
        const docs = parseAllDocuments(text);
        const clean = Array.isArray(docs) && docs.every((doc) => doc.errors.length === 0);
        if (clean) expect(counted, text).toBe(built);
      }),
      { numRuns: 2000 },
    );
  });
});
