// YAML text to plain data plus a locator that maps a data path back to a line and column.
// Everything that makes a YAML file unusable as a deal or a config is reported here, located:
// syntax errors, duplicate keys, several documents, an empty file, alias bombs, unresolved or
// self-referencing aliases, prototype keys.

import type { Document, Node, Pair, YAMLMap, YAMLParseError } from 'yaml';
import { problem } from './problem.js';
import type { Position, Problem } from './problem.js';
import { MAX_YAML_DEPTH } from './limits.js';
import { pathKey, readSimpleYaml } from './simple-yaml.js';
import { TokenGuard } from './yaml-guard.js';
import { yamlLib } from './yaml-lib.js';

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

export interface Locator {
  /**
   * Where `path` is in the source. `key` points at the key of the last map entry on the path
   * (where an editor should put the cursor for an unknown or misspelled key), `value` at its value.
   * A path that is only partly present resolves to the deepest part that is.
   */
  at(path: DataPath, target?: 'key' | 'value'): Position;
  /** The source line (without its newline), for code frames. */
  line(line: number): string;
}

export type YamlResult =
  | { ok: true; value: unknown; locator: Locator }
  | { ok: false; problems: Problem[]; locator: Locator };

/** How many alias expansions a document may make before it counts as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** What the parser reports about a tagged value: the tag problem says it all. */
const TAG_ERRORS = new Set<string>(['TAG_RESOLVE_FAILED', 'BAD_COLLECTION_TYPE']);

export interface ParseYamlOptions {
  /**
   * Record only these paths' positions as the file is read (the ones every caller asks for); any
   * other is found when asked, by reading the text again. Default: every position at once.
   */
  eager?: readonly (readonly string[])[];
  /** The keys the file is expected to use, which the fast reader matches faster (ReadOptions.keys). */
  keys?: readonly string[];
}

export function parseYaml(text: string, file: string, options: ParseYamlOptions = {}): YamlResult {
  // Plain deal files take the fast reader; everything else, and every problem, the full parser.
  const simple = readSimpleYaml(text, { ...(options.eager && { only: options.eager }), ...(options.keys && { keys: options.keys }) });
  if (!simple) return parseYamlFully(text, file);
  const later = options.eager === undefined ? undefined : () => readSimpleYaml(text, options.keys ? { keys: options.keys } : {})?.positions;
  return { ok: true, value: simple.value, locator: simpleLocator(simple.positions, simple.value, later, () => parseYamlFully(text, file).locator) };
}

/**
 * Positions the fast reader recorded; then, if it recorded only some, the rest from reading the
 * text again; anything else (a path not in the file) from the full parser. Each runs only if needed.
 */
function simpleLocator(
  positions: ReadonlyMap<string, Position>,
  value: Record<string, unknown>,
  later: (() => ReadonlyMap<string, Position> | undefined) | undefined,
  full: () => Locator,
): Locator {
  let fallback: Locator | undefined;
  let rest: ReadonlyMap<string, Position> | undefined;
  // The whole document (where a missing top-level field is reported) starts at its first key: no
  // need to parse the file again for that.
  const first = Object.keys(value)[0];
  const root = first === undefined ? undefined : positions.get(pathKey([first], 'key'));
  const recorded = (key: string) => positions.get(key) ?? (later ? (rest ??= later() ?? new Map<string, Position>()).get(key) : undefined);
  return {
    at: (path, target = 'value') => (path.length === 0 ? root : recorded(pathKey(path, target))) ?? (fallback ??= full()).at(path, target),
    line: (n) => (fallback ??= full()).line(n),
  };
}

/** The `yaml` package's full parser, with every check. */
export function parseYamlFully(text: string, file: string): YamlResult {
  const lineCounter = new (yamlLib().LineCounter)();
  let lines: string[] | undefined;
  const sourceLine = (n: number) => (lines ??= text.split(/\r?\n/))[n - 1] ?? '';
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  // parseAllDocuments, with the guard reading each token before the parser does.
  const guard = new TokenGuard();
  const parser = new (yamlLib().Parser)(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of new (yamlLib().Lexer)().lex(text)) {
      if (!guard.step(lexeme)) return;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  // uniqueKeys: false — the package's own duplicate-key check compares each key with every earlier
  // one (quadratic: 60,000 keys took 12 s); duplicateKeys does the same check in one pass.
  const documents = Array.from(new (yamlLib().Composer)({ prettyErrors: false, uniqueKeys: false, strict: true }).compose(tokens()));
  // A loop, not push(...spread): 125,000 duplicate keys would overflow the stack as arguments.
  for (const doc of documents) for (const error of duplicateKeys(doc)) doc.errors.push(error);
  if (guard.tooDeep) {
    return {
      ok: false,
      problems: [
        problem(
          file,
          guard.tooDeep,
          'yaml-too-deep',
          `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep (mappings and lists inside each other); deal and config files need only a few`,
        ),
      ],
      locator: makeLocator(undefined, position, sourceLine),
    };
  }
  const first = documents[0];
  const locator = makeLocator(first, position, sourceLine);
  const problems: Problem[] = [];
  for (const { tag, at } of guard.tags) {
    problems.push(problem(file, at, 'yaml-tag', `YAML tags such as ${tag} are not supported; write the value plainly, without the tag`));
  }
  for (const { version, at } of guard.versions) {
    problems.push(problem(file, at, 'yaml-version', `only YAML 1.2 is supported; remove the %YAML ${version} line`));
  }

  // Nothing the tags and the version above make up (a value the tag cannot make, a tag the
  // parser does not know): those problems say it all.
  const errors = documents
    .flatMap((doc) => [...doc.errors, ...doc.warnings].map((error) => ({ doc, error })))
    .filter(({ error }) => !(TAG_ERRORS.has(error.code) && guard.tags.length > 0) && !(error.code === 'BAD_DIRECTIVE' && guard.versions.length > 0));
  // After a syntax error the parser's idea of the structure is a guess: keys it sees twice may be
  // one key read wrongly (tab indentation). Report only the syntax errors then.
  const syntaxErrors = errors.some(({ error }) => error.code !== 'DUPLICATE_KEY');
  // A run of unclosed "[" is found at the same innermost opener each time: the copies are listed
  // once by listProblems (load/problem.ts), like every file's problems.
  for (const { doc, error } of errors) {
    if (error.code === 'DUPLICATE_KEY' && syntaxErrors) continue;
    const rule = error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    const opener = error.code === 'BAD_INDENT' || error.code === 'MISSING_CHAR' ? unclosedOpener(doc, text, error.pos[0]) : undefined;
    const found = opener
      ? problem(file, position(opener.offset), rule, `YAML syntax: ${opener.message}`)
      : problem(
          file,
          position(error.pos[0]),
          rule,
          error.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(text, error.pos[0]) : `YAML syntax: ${firstLine(error.message)}`,
        );
    problems.push(found);
  }
  if (documents.length > 1) {
    const second = documents[1]!;
    problems.push(
      problem(
        file,
        position(second.range[0]),
        'yaml-multiple-documents',
        `the file holds ${documents.length} YAML documents; a deal file holds exactly one (remove the "---" separators)`,
      ),
    );
  }
  if (first === undefined || first.contents === null) {
    if (problems.length === 0) {
      problems.push(problem(file, { line: 1, column: 1 }, 'empty-file', 'the file is empty: it holds no YAML document'));
    }
    return { ok: false, problems, locator };
  }
  // A document without syntax problems is usually plain maps, lists and scalars: one walk turns it
  // into data. Anything else (aliases, anchors, odd keys, YAML 1.1) goes the careful way below.
  if (problems.length === 0) {
    const plain = plainValue(first);
    if (plain !== NOT_PLAIN) return { ok: true, value: plain, locator };
  }

  const checked = checkNodes(first, file, position);
  if (!syntaxErrors) for (const found of checked.keys) problems.push(found);
  if (problems.length === 0) for (const found of checked.aliases) problems.push(found);
  if (problems.length > 0) return { ok: false, problems, locator };

  try {
    const value: unknown = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, value, locator };
  } catch (error) {
    if (error instanceof ReferenceError) {
      return {
        ok: false,
        problems: [
          problem(
            file,
            firstAlias(first, position),
            'yaml-alias-limit',
            `YAML aliases expand to too much data (more than ${MAX_ALIAS_COUNT} alias expansions): the file looks like an alias bomb`,
          ),
        ],
        locator,
      };
    }
    throw error;
  }
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The parser reports running out of stack on absurdly deep nesting as its own error.
  if (line.includes('Maximum call stack size exceeded')) return 'the YAML is nested too deeply to read';
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The parser notices an unclosed `{`, `[` or quote where the text runs out or the indentation
 * drops, often a line or more after the mistake. The node that ends there says where it opened,
 * which is where the user has to look.
 */
function unclosedOpener(doc: Document, text: string, offset: number): { offset: number; message: string } | undefined {
  // One walk per document, indexed by where each node ends: a walk per error was quadratic
  // (4,000 unclosed quotes took 20 s).
  let openers = unclosedOpeners.get(doc);
  if (!openers) {
    openers = openersByEnd(doc, text);
    unclosedOpeners.set(doc, openers);
  }
  return openers.get(offset);
}

const unclosedOpeners = new WeakMap<Document, Map<number, { offset: number; message: string }>>();

function openersByEnd(doc: Document, text: string): Map<number, { offset: number; message: string }> {
  const found = new Map<number, { offset: number; message: string }>();
  const check = (node: Node, message: string, closer?: string) => {
    // Visiting goes outside-in, so the last match is the innermost node. A collection that does
    // end with its closer was closed, just wrongly nested: the parser's own message says more.
    const end = node.range?.[1];
    if (end !== undefined && (closer === undefined || text[end - 1] !== closer)) {
      found.set(end, { offset: node.range![0], message });
    }
  };
  yamlLib().visit(doc, {
    Map(_key, node) {
      if (node.flow) check(node, 'this "{" is not closed: a flow mapping ends with "}", and its lines are indented more than its key', '}');
    },
    Seq(_key, node) {
      if (node.flow) check(node, 'this "[" is not closed: a flow list ends with "]", and its lines are indented more than its key', ']');
    },
    Scalar(_key, node) {
      if (node.type === 'QUOTE_DOUBLE') check(node, 'this quoted text has no closing \'"\'');
      else if (node.type === 'QUOTE_SINGLE') check(node, 'this quoted text has no closing "\'"');
    },
  });
  return found;
}

/**
 * The errors `uniqueKeys: true` would give, in linear time: a key equal to an earlier key of the
 * same mapping, by the package's own equality (the same node, or scalars with === values).
 */
function duplicateKeys(doc: Document): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  yamlLib().visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!yamlLib().isScalar(key)) continue;
        // NaN !== NaN: two `.nan` keys are not duplicates for the package either.
        if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) errors.push(new (yamlLib().YAMLParseError)([key.range?.[0] ?? 0, key.range?.[1] ?? 0], 'DUPLICATE_KEY', 'Map keys must be unique'));
        else seen.add(key.value);
      }
    },
  });
  return errors;
}

function duplicateKeyMessage(text: string, offset: number): string {
  const key = /^[^\n:]*/.exec(text.slice(offset))?.[0].trim();
  return key ? `duplicate key "${key}": each key may appear once in a mapping` : 'duplicate key: each key may appear once in a mapping';
}

/**
 * One walk over the document for what it must not hold:
 * - keys that could reach an object's prototype, and keys that are not plain scalars;
 * - aliases that cannot become plain data: one whose anchor is not set before it (a typo, which
 *   the yaml library only reports as it converts), and one inside the very node it refers to,
 *   which would make a value that contains itself (and send any walk over it into endless
 *   recursion). Anchors resolve as the yaml library resolves them: the last one of that name
 *   before the alias.
 */
function checkNodes(doc: Document, file: string, position: (offset: number) => Position): { keys: Problem[]; aliases: Problem[] } {
  const keys: Problem[] = [];
  const aliases: Problem[] = [];
  const anchors = new Map<string, Node>();
  yamlLib().visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      if (yamlLib().isScalar(key)) {
        if (FORBIDDEN_KEYS.has(String(key.value))) {
          keys.push(problem(file, position(key.range?.[0] ?? 0), 'forbidden-key', `the key "${String(key.value)}" is not allowed`));
        }
      } else if (key !== null && typeof key === 'object' && 'range' in key) {
        keys.push(
          problem(file, position((key as Node).range?.[0] ?? 0), 'yaml-complex-key', 'a mapping key must be a plain value, not a list or a mapping'),
        );
      }
    },
    Node(_key, node, path) {
      if (yamlLib().isAlias(node)) {
        const target = anchors.get(node.source);
        const at = position(node.range?.[0] ?? 0);
        if (target === undefined) {
          aliases.push(problem(file, at, 'yaml-syntax', `YAML syntax: the alias "*${node.source}" refers to no anchor "&${node.source}" set before it`));
        } else if (path.includes(target)) {
          aliases.push(
            problem(file, at, 'yaml-alias-cycle', `the alias "*${node.source}" is inside the value it refers to: a value cannot contain itself`),
          );
        }
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return { keys, aliases };
}

const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * The document as data, the way `Document.toJS` makes it, for a document of plain maps (scalar
 * keys, none that could reach a prototype), lists and scalars under the YAML 1.2 core schema;
 * NOT_PLAIN for anything else, which the careful path handles. The same value, several times faster
 * than `toJS` followed by the checking walk.
 */
function plainValue(doc: Document): unknown {
  if (doc.directives?.yaml.version !== '1.2') return NOT_PLAIN;
  return plainNode(doc.contents);
}

function plainNode(node: unknown): unknown {
  if (yamlLib().isScalar(node)) {
    if (node.anchor) return NOT_PLAIN;
    const value = node.value;
    return value === null || typeof value !== 'object' ? value : NOT_PLAIN;
  }
  if (yamlLib().isMap(node)) {
    // A tagged mapping may be a set or an ordered map (!!set, !!omap), which toJS makes differently.
    if (node.anchor || node.tag) return NOT_PLAIN;
    const map: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = pair.key;
      if (!yamlLib().isScalar(key) || key.anchor) return NOT_PLAIN;
      if (typeof key.value === 'object' && key.value !== null) return NOT_PLAIN;
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects (a Date key) returned just above
      const name = key.value === null ? '' : String(key.value);
      if (FORBIDDEN_KEYS.has(name)) return NOT_PLAIN;
      const value = plainNode(pair.value);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      map[name] = value;
    }
    return map;
  }
  if (yamlLib().isSeq(node)) {
    if (node.anchor || node.tag) return NOT_PLAIN;
    const list: unknown[] = [];
    for (const item of node.items) {
      const value = plainNode(item);
      if (value === NOT_PLAIN) return NOT_PLAIN;
      list.push(value);
    }
    return list;
  }
  // A pair's missing value (`key:` with nothing after it) is null, as toJS makes it.
  return node === null ? null : NOT_PLAIN;
}

function firstAlias(doc: Document, position: (offset: number) => Position): Position {
  let found: Position = { line: 1, column: 1 };
  yamlLib().visit(doc, {
    Alias(_key, node) {
      found = position(node.range?.[0] ?? 0);
      return yamlLib().visit.BREAK;
    },
  });
  return found;
}

function makeLocator(doc: Document | undefined, position: (offset: number) => Position, line: (n: number) => string): Locator {
  // Each mapping's pairs by key, built the first time a path goes through it: a file with 60,000
  // unknown keys asks for 60,000 positions in one mapping, and a scan per question was quadratic.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairFor = (map: YAMLMap, segment: PathSegment): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        // The first pair of a key wins, as a search from the start would find it.
        if (yamlLib().isPair(item) && yamlLib().isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      }
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  return {
    line,
    at(path, target = 'value') {
      const root = doc?.contents;
      if (!root) return { line: 1, column: 1 };
      let node: Node | null = root;
      let pair: Pair | undefined;
      let best = position(root.range?.[0] ?? 0);
      for (const segment of path) {
        let next: Node | null | undefined;
        if (yamlLib().isMap(node)) {
          const found = pairFor(node, segment);
          if (!found) break;
          pair = found;
          next = found.value as Node | null;
          best = position((found.key as Node).range?.[0] ?? 0);
          if (next === null || next === undefined) {
            node = null;
            continue;
          }
        } else if (yamlLib().isSeq(node) && typeof segment === 'number') {
          next = node.items[segment] as Node | undefined;
          pair = undefined;
          if (!next) break;
        } else {
          break;
        }
        node = next;
        best = position(next.range?.[0] ?? 0);
      }
      if (target === 'key' && pair && node === (pair.value as Node | null)) {
        return position((pair.key as Node).range?.[0] ?? 0);
      }
      return best;
    },
  };
}
