// A fast reader for the plain YAML nearly every deal file is written in: block mappings with
// simple keys, block lists, one-line scalars (plain, or quoted without escapes) and one-line flow
// lists of plain scalars, with comments and blank lines. It gives up (returns undefined) on
// anything else — anchors, tags, block scalars, multi-line scalars, flow mappings, tabs, odd keys,
// duplicate keys, syntax it does not know — and the caller then reads the file with the `yaml`
// package, which reports every problem exactly.
//
// Why: `check` reads thousands of files, and the full parser spends most of its time on
// generality deal files do not use. When this reader returns a value, it is the value `yaml`
// gives (scalars resolved by the same YAML 1.2 core schema rules), and the positions it records
// are the ones `yaml` gives; tests/load/simple-yaml.test.ts checks both against `yaml` on
// fixtures, the YAML test suite and generated documents.
//
// It is one pass over the text by character codes, with no line objects and no regular
// expressions on the way: a line is a few numbers (where its content starts and ends, its
// indentation), and a string is cut from the text only for a key or a value. Positions cost more
// than the reading itself (each is a path made into a string, then a map entry), so a caller that
// needs only a few names them (`only`) and reads the rest later, when a problem needs one.
//
// Only the ASCII space separates here, as in YAML: JS trim() and \s would also strip NBSP, U+2000
// to U+200A, U+3000 and other Unicode spaces, which YAML reads as text.

import { MAX_YAML_DEPTH } from './limits.js';
import type { Position } from './problem.js';

export interface SimpleYaml {
  value: Record<string, unknown>;
  /** Positions of keys and one-line values, by pathKey(path, target). */
  positions: Map<string, Position>;
}

export function pathKey(path: readonly (string | number)[], target: 'key' | 'value'): string {
  return `${target}${path.map((segment) => `\u0000${segment}`).join('')}`;
}

/**
 * The positions to record: every one (the default), or only the key and the value of each of these
 * paths of mapping keys, plus the first key of the document (where the document starts).
 */
export interface ReadOptions {
  only?: readonly (readonly string[])[];
  /**
   * The keys the caller's files use (a deal's field names). A key found here is the constant
   * string, not one cut from the text: cutting each key out and then looking it up as a property
   * name was much of the reading time. Only a speed-up: any other key reads the same, just slower.
   */
  keys?: readonly string[];
}

/** Known keys by length and first character, as Reader matches them. */
type KeyTable = Map<number, string[]>;
const keyTables = new WeakMap<readonly string[], KeyTable>();
const slot = (length: number, first: number) => length * 0x10000 + first;

function keyTable(keys: readonly string[]): KeyTable {
  let table = keyTables.get(keys);
  if (table) return table;
  table = new Map();
  for (const key of new Set(keys)) {
    // Only keys the reader takes as text keys: the others keep their checks.
    if (!KEY_WORD.test(key) || NOT_TEXT_KEYS.has(key) || FORBIDDEN_KEYS.has(key)) continue;
    const at = slot(key.length, key.charCodeAt(0));
    table.set(at, [...(table.get(at) ?? []), key]);
  }
  keyTables.set(keys, table);
  return table;
}

/** The paths to record, as a tree of keys; `keys` are the pathKeys of a wanted path. */
interface Wanted {
  children: Map<string, Wanted>;
  keys?: { key: string; value: string };
}

/**
 * Where the reader is in the path while it walks: in the record-everything mode the path so far,
 * each segment after a NUL; with `only`, the node of the wanted paths (undefined off them).
 */
type PathRef = string | Wanted | undefined;

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const CR = 0x0d;

/** YAML's limit on an implicit key: the ":" at most 1,024 characters after the key starts. */
const MAX_KEY_LENGTH = 1024;
/** Give up well before the full parser's depth limit, so the two never disagree about it. */
const MAX_DEPTH = MAX_YAML_DEPTH / 2;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A key as keyEnd reads one. */
const KEY_WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** The words a key can be that the core schema reads as null or a boolean, not as text. */
const NOT_TEXT_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

// C0 controls other than tab, LF and CR; DEL; C1 controls; BOM; the Unicode line separators.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u2028\u2029]/;

/**
 * Characters this reader leaves to the full parser: the UNUSUAL ones, a tab, and a CR that does
 * not end a line before an LF (one at the very end of the file is for the full parser, which reads
 * `true\r` there as the text "true\r"). Regular expressions and includes, which scan faster than a
 * loop over character codes here.
 */
function hasUnusualCharacters(text: string): boolean {
  return UNUSUAL.test(text) || text.includes('\t') || (text.includes('\r') && /\r(?!\n)/.test(text));
}

export function readSimpleYaml(text: string, options: ReadOptions = {}): SimpleYaml | undefined {
  if (hasUnusualCharacters(text)) return undefined;
  const reader = new Reader(text, options.only, options.keys === undefined ? undefined : keyTable(options.keys));
  try {
    reader.advance();
    if (reader.done || reader.indent !== 0) return undefined;
    const value = reader.block(0, reader.root, 1);
    if (!reader.done) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return { value: value as Record<string, unknown>, positions: reader.positions };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

const wantedTrees = new WeakMap<readonly (readonly string[])[], Wanted>();

/** The tree of the paths in `only`, built once for each list a caller passes. */
function wantedTree(only: readonly (readonly string[])[]): Wanted {
  const known = wantedTrees.get(only);
  if (known) return known;
  const root: Wanted = { children: new Map() };
  wantedTrees.set(only, root);
  for (const path of only) {
    let node = root;
    for (const segment of path) {
      let next = node.children.get(segment);
      if (!next) node.children.set(segment, (next = { children: new Map() }));
      node = next;
    }
    node.keys = { key: pathKey(path, 'key'), value: pathKey(path, 'value') };
  }
  return root;
}

class Reader {
  readonly positions = new Map<string, Position>();
  readonly root: PathRef;
  private readonly all: boolean;

  // The current line (the next one with content): its number, its content's start and end
  // offsets (trailing spaces left out), and the column its content starts at, less one.
  done = false;
  line = 0;
  start = 0;
  end = 0;
  indent = 0;
  /** Where the line after the current one begins, and its number. */
  private next = 0;
  private nextLine = 1;
  /** Where the text after the last scalar read begins. */
  private after = 0;

  constructor(
    private readonly text: string,
    only: readonly (readonly string[])[] | undefined,
    private readonly keys: KeyTable | undefined,
  ) {
    this.all = only === undefined;
    this.root = only === undefined ? '' : wantedTree(only);
  }

  /** Moves to the next line with content (not blank, not only a comment). */
  advance(): void {
    const text = this.text;
    for (;;) {
      if (this.next > text.length) {
        this.done = true;
        return;
      }
      const lineStart = this.next;
      const newline = text.indexOf('\n', lineStart);
      let lineEnd = newline < 0 ? text.length : newline;
      this.next = newline < 0 ? text.length + 1 : newline + 1;
      const number = this.nextLine++;
      // A CR before the LF is part of the line break (hasUnusualCharacters refused any other).
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
      let start = lineStart;
      while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
      if (start === lineEnd || text.charCodeAt(start) === HASH) continue;
      const indent = start - lineStart;
      // Directives and document markers: leave them to the full parser.
      if (indent === 0 && (text.startsWith('---', start) || text.startsWith('...', start) || text.charCodeAt(start) === 0x25)) giveUp();
      let end = lineEnd;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      this.line = number;
      this.start = start;
      this.end = end;
      this.indent = indent;
      return;
    }
  }

  private child(path: PathRef, segment: string | number): PathRef {
    if (this.all) return `${path as string}\u0000${segment}`;
    return typeof segment === 'string' ? (path as Wanted | undefined)?.children.get(segment) : undefined;
  }

  private record(target: 'key' | 'value', path: PathRef, line: number, column: number): void {
    if (this.all) this.positions.set(`${target}${path as string}`, { line, column });
    else if ((path as Wanted | undefined)?.keys) this.positions.set((path as Wanted).keys![target], { line, column });
  }

  /** The block (mapping or list) whose first line is the current one, at `indent`. */
  block(indent: number, path: PathRef, depth: number): unknown {
    if (this.indent !== indent || depth > MAX_DEPTH) giveUp();
    return this.isItem(this.start, this.end) ? this.list(indent, path, depth) : this.mapping(indent, path, depth);
  }

  private mapping(indent: number, path: PathRef, depth: number): Record<string, unknown> {
    const text = this.text;
    const map: Record<string, unknown> = {};
    let first = depth === 1;
    while (!this.done && this.indent === indent) {
      const start = this.start;
      const end = this.end;
      const keyEnd = this.keyEnd(start, end);
      if (keyEnd < 0 || keyEnd - start > MAX_KEY_LENGTH) giveUp();
      let key = this.knownKey(start, keyEnd);
      if (key === undefined) {
        key = text.slice(start, keyEnd);
        // A key the core schema reads as null, true or false would not be this text; and a key
        // that could reach a prototype is for the full parser to report.
        if (NOT_TEXT_KEYS.has(key) || FORBIDDEN_KEYS.has(key)) giveUp();
      }
      // So is a repeated key.
      if (Object.hasOwn(map, key)) giveUp();
      const keyPath = this.child(path, key);
      this.record('key', keyPath, this.line, indent + 1);
      // Where the document starts, which a missing top-level field is reported at.
      if (first && !this.all) this.positions.set(pathKey([key], 'key'), { line: this.line, column: indent + 1 });
      first = false;
      let rest = keyEnd + 1;
      while (rest < end && text.charCodeAt(rest) === SPACE) rest++;
      const line = this.line;
      this.advance();
      map[key] = this.value(rest, end, indent + 1 + (rest - start), line, indent, keyPath, true, depth);
    }
    return map;
  }

  private list(indent: number, path: PathRef, depth: number): unknown[] {
    const text = this.text;
    const list: unknown[] = [];
    while (!this.done && this.indent === indent && this.isItem(this.start, this.end)) {
      const itemPath = this.child(path, list.length);
      const end = this.end;
      let content = this.start + 1;
      while (content < end && text.charCodeAt(content) === SPACE) content++;
      const column = indent + (content - this.start);
      if (content < end && text.charCodeAt(content) !== HASH && this.keyEnd(content, end) >= 0) {
        // `- key: value`: a mapping whose first key is on this line; read it as if the line began there.
        this.start = content;
        this.indent = column;
        if (depth + 1 > MAX_DEPTH) giveUp();
        list.push(this.mapping(column, itemPath, depth + 1));
        continue;
      }
      if (this.isItem(content, end)) giveUp();
      const line = this.line;
      this.advance();
      list.push(this.value(content, end, column + 1, line, indent, itemPath, false, depth));
    }
    return list;
  }

  /**
   * The value after a key or a "- " (from `start` to the line's `end`): on the same line, or a block
   * on the lines below (more indented; for a mapping's value, a list may also sit at the key's own
   * indentation).
   */
  private value(start: number, end: number, column: number, line: number, indent: number, path: PathRef, inMapping: boolean, depth: number): unknown {
    if (start === end || this.text.charCodeAt(start) === HASH) {
      if (this.done) return null;
      if (this.indent > indent) return this.block(this.indent, path, depth + 1);
      if (inMapping && this.indent === indent && this.isItem(this.start, this.end)) {
        if (depth + 1 > MAX_DEPTH) giveUp();
        return this.list(indent, path, depth + 1);
      }
      return null;
    }
    this.record('value', path, line, column);
    let value: unknown;
    if (this.text.charCodeAt(start) === 0x5b /* [ */) {
      value = this.flowList(start, end, column, line, path);
    } else {
      value = this.scalar(start, end, false);
      if (!this.isEnd(this.after, end)) giveUp();
    }
    // A more indented line after a one-line value continues it: a multi-line scalar.
    if (!this.done && this.indent > indent) giveUp();
    return value;
  }

  private flowList(start: number, end: number, column: number, line: number, path: PathRef): unknown[] {
    const text = this.text;
    const list: unknown[] = [];
    let rest = this.skipSpaces(start + 1, end);
    if (rest < end && text.charCodeAt(rest) === 0x5d /* ] */) {
      if (!this.isEnd(rest + 1, end)) giveUp();
      return list;
    }
    for (;;) {
      const value = this.scalar(rest, end, true);
      this.record('value', this.child(path, list.length), line, column + (rest - start));
      list.push(value);
      rest = this.skipSpaces(this.after, end);
      const c = rest < end ? text.charCodeAt(rest) : -1;
      if (c === 0x2c /* , */) {
        rest = this.skipSpaces(rest + 1, end);
        // A trailing comma, an empty item: leave the fine points to the full parser.
        const d = rest < end ? text.charCodeAt(rest) : -1;
        if (d === -1 || d === 0x5d || d === 0x2c) giveUp();
        continue;
      }
      if (c === 0x5d && this.isEnd(rest + 1, end)) return list;
      return giveUp();
    }
  }

  /**
   * A scalar from `start` (before the line's `end`); `after` is set to where what follows it begins.
   * In a flow list, "," and "]" end a plain scalar.
   */
  private scalar(start: number, end: number, inFlow: boolean): unknown {
    const text = this.text;
    const first = start < end ? text.charCodeAt(start) : -1;
    if (first === 0x22 /* " */) {
      for (let i = start + 1; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) giveUp();
        if (c === 0x22) {
          this.after = i + 1;
          return text.slice(start + 1, i);
        }
      }
      return giveUp();
    }
    if (first === 0x27 /* ' */) {
      let value = '';
      let from = start + 1;
      for (let i = from; i < end; i++) {
        if (text.charCodeAt(i) !== 0x27) continue;
        if (text.charCodeAt(i + 1) === 0x27 && i + 1 < end) {
          value += text.slice(from, i + 1);
          from = i + 2;
          i += 1;
          continue;
        }
        this.after = i + 1;
        return value + text.slice(from, i);
      }
      return giveUp();
    }
    // Indicators a plain scalar cannot start with (or that mean syntax this reader leaves alone).
    // "-" starts a plain scalar only if what follows could continue one: not a space, and in a flow
    // list not a flow indicator either (`[-]` is a block list inside a flow list to the parser).
    if (first === -1 || (first < 0x80 && NOT_PLAIN_START[first] === 1)) giveUp();
    if (first === DASH) {
      const second = start + 1 < end ? text.charCodeAt(start + 1) : -1;
      if (second === -1 || second === SPACE || (inFlow && isFlowIndicator(second))) giveUp();
    }
    // It ends at a comment (" #"), or in a flow list at a flow indicator; trailing spaces are not
    // part of it. ": " inside would make it a key, and so would a trailing ":"; quotes or ":"
    // inside a flow item: leave it.
    let stop = start;
    for (; stop < end; stop++) {
      const c = text.charCodeAt(stop);
      if (c === SPACE) {
        if (text.charCodeAt(stop + 1) === HASH && stop + 1 < end) break;
      } else if (c === COLON) {
        if (inFlow || text.charCodeAt(stop + 1) === SPACE) giveUp();
      } else if (inFlow && (isFlowIndicator(c) || c === 0x22 || c === 0x27)) {
        if (c === 0x22 || c === 0x27) giveUp();
        break;
      }
    }
    while (stop > start && text.charCodeAt(stop - 1) === SPACE) stop--;
    if (stop === start || text.charCodeAt(stop - 1) === COLON) giveUp();
    this.after = stop;
    return resolvePlain(text.slice(start, stop));
  }

  /** The known key from `start` to `end`, if it is one. */
  private knownKey(start: number, end: number): string | undefined {
    const candidates = this.keys?.get(slot(end - start, this.text.charCodeAt(start)));
    if (candidates) for (const key of candidates) if (this.text.startsWith(key, start)) return key;
    return undefined;
  }

  /** Where a `key:` at `start` ends (the offset of its ":"), or -1 if the content is not one. */
  private keyEnd(start: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (!(isLetter(first) || first === 0x5f)) return -1;
    let i = start + 1;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (!(isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === DASH)) break;
      i++;
    }
    if (i >= end || text.charCodeAt(i) !== COLON) return -1;
    // The ":" ends the content, or a space follows it.
    if (i + 1 < end && text.charCodeAt(i + 1) !== SPACE) return -1;
    return i;
  }

  private isItem(start: number, end: number): boolean {
    return this.text.charCodeAt(start) === DASH && (start + 1 === end || this.text.charCodeAt(start + 1) === SPACE);
  }

  private skipSpaces(from: number, end: number): number {
    while (from < end && this.text.charCodeAt(from) === SPACE) from++;
    return from;
  }

  /** Nothing left on the line but spaces and a comment. */
  private isEnd(from: number, end: number): boolean {
    const at = this.skipSpaces(from, end);
    return at === end || (this.text.charCodeAt(at) === HASH && at > from);
  }
}

/** The ASCII characters a plain scalar cannot start with here: YAML's indicators (or syntax this reader leaves alone). */
const NOT_PLAIN_START = new Uint8Array(0x80);
for (const c of '{}[]&*!|>%@`,#?:') NOT_PLAIN_START[c.charCodeAt(0)] = 1;

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(text: string): unknown {
  // Most values are words: only these first characters can start a null, a boolean or a number.
  if (text !== '' && !'0123456789+-.~nNtTfF'.includes(text[0]!)) return text;
  // The commonest others, each at once: a whole number in digits only, and a date (no number).
  if (isDigits(text)) return parseInt(text, 10);
  if (DATE.test(text)) return text;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text.startsWith('t') || text.startsWith('T');
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
