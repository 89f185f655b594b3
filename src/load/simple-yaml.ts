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

/** A path as the reader builds it while it walks: each segment after a NUL. */
type JoinedPath = string;
const child = (path: JoinedPath, segment: string | number): JoinedPath => `${path}\u0000${segment}`;

interface Line {
  /** 1-based line number. */
  number: number;
  /** Spaces before the content (for a "- " item's content, its column - 1). */
  indent: number;
  content: string;
}

class GiveUp extends Error {}

const giveUp = (): never => {
  throw new GiveUp();
};

// C0 controls other than tab, LF and CR; DEL; C1 controls; BOM; the Unicode line separators.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\u2028\u2029]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** YAML's limit on an implicit key: the ":" at most 1,024 characters after the key starts. */
const MAX_KEY_LENGTH = 1024;
/** Give up well before the full parser's depth limit, so the two never disagree about it. */
const MAX_DEPTH = MAX_YAML_DEPTH / 2;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The words KEY matches that the core schema reads as null or a boolean, not as text. */
const NOT_TEXT_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

export function readSimpleYaml(text: string): SimpleYaml | undefined {
  if (UNUSUAL.test(text) || text.includes('\t')) return undefined;
  const lines: Line[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    // A CR is a line break only before an LF here; one at the very end of the file is for the full
    // parser, which reads `true\r` there as the text "true\r".
    if (line.endsWith('\r') && i < raw.length - 1) line = line.slice(0, -1);
    if (line.includes('\r')) return undefined;
    const content = trimSpacesStart(line);
    if (content === '' || content.startsWith('#')) continue;
    const indent = line.length - content.length;
    // Directives and document markers: leave them to the full parser.
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))) return undefined;
    lines.push({ number: i + 1, indent, content: trimSpacesEnd(content) });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const value = reader.block(0, '', 1);
    if (reader.index < lines.length) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return { value: value as Record<string, unknown>, positions: reader.positions };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

class Reader {
  index = 0;
  readonly positions = new Map<string, Position>();

  constructor(private readonly lines: Line[]) {}

  private get line(): Line | undefined {
    return this.lines[this.index];
  }

  /** The block (mapping or list) whose first line is the current one, at `indent`. */
  block(indent: number, path: JoinedPath, depth: number): unknown {
    const line = this.line!;
    if (line.indent !== indent || depth > MAX_DEPTH) giveUp();
    return isItem(line.content) ? this.list(indent, path, depth) : this.mapping(indent, path, depth);
  }

  private mapping(indent: number, path: JoinedPath, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.line; line?.indent === indent; line = this.line) {
      const match = KEY.exec(line.content) ?? giveUp();
      const key = match[1]!;
      if (key.length > MAX_KEY_LENGTH) giveUp();
      // A key the core schema reads as null, true or false would not be this text; and a key that
      // could reach a prototype, or a repeated key, is for the full parser to report.
      if (NOT_TEXT_KEYS.has(key) || FORBIDDEN_KEYS.has(key) || Object.hasOwn(map, key)) giveUp();
      const keyPath = child(path, key);
      this.positions.set(`key${keyPath}`, { line: line.number, column: indent + 1 });
      const rest = line.content.slice(match[0].length);
      const restColumn = indent + 1 + match[0].length;
      this.index += 1;
      map[key] = this.value(rest, restColumn, line, indent, keyPath, true, depth);
    }
    return map;
  }

  private list(indent: number, path: JoinedPath, depth: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.line; line?.indent === indent && isItem(line.content); line = this.line) {
      const itemPath = child(path, list.length);
      const after = line.content.slice(1);
      const content = trimSpacesStart(after);
      const column = indent + 1 + (after.length - content.length);
      if (content !== '' && !content.startsWith('#') && KEY.test(content)) {
        // `- key: value`: a mapping whose first key is on this line; read it as if the line began there.
        this.lines[this.index] = { number: line.number, indent: column, content };
        if (depth + 1 > MAX_DEPTH) giveUp();
        list.push(this.mapping(column, itemPath, depth + 1));
        continue;
      }
      if (isItem(content)) giveUp();
      this.index += 1;
      list.push(this.value(content, column + 1, line, indent, itemPath, false, depth));
    }
    return list;
  }

  /**
   * The value after a key or a "- ": on the same line, or a block on the lines below (more
   * indented; for a mapping's value, a list may also sit at the key's own indentation).
   */
  private value(rest: string, column: number, line: Line, indent: number, path: JoinedPath, inMapping: boolean, depth: number): unknown {
    if (rest === '' || rest.startsWith('#')) {
      const next = this.line;
      if (next && next.indent > indent) return this.block(next.indent, path, depth + 1);
      if (inMapping && next?.indent === indent && isItem(next.content)) {
        if (depth + 1 > MAX_DEPTH) giveUp();
        return this.list(indent, path, depth + 1);
      }
      return null;
    }
    const value = this.inline(rest, column, line.number, path);
    // A more indented line after a one-line value continues it: a multi-line scalar.
    const next = this.line;
    if (next && next.indent > indent) giveUp();
    return value;
  }

  private inline(text: string, column: number, lineNumber: number, path: JoinedPath): unknown {
    this.positions.set(`value${path}`, { line: lineNumber, column });
    if (text.startsWith('[')) return this.flowList(text, column, lineNumber, path);
    const { value, rest } = scalar(text, false);
    if (!isEnd(rest)) giveUp();
    return value;
  }

  private flowList(text: string, column: number, lineNumber: number, path: JoinedPath): unknown[] {
    const list: unknown[] = [];
    let rest = trimSpacesStart(text.slice(1));
    if (rest.startsWith(']')) {
      if (!isEnd(rest.slice(1))) giveUp();
      return list;
    }
    for (;;) {
      const itemColumn = column + (text.length - rest.length);
      const { value, rest: after } = scalar(rest, true);
      this.positions.set(`value${child(path, list.length)}`, { line: lineNumber, column: itemColumn });
      list.push(value);
      rest = trimSpacesStart(after);
      if (rest.startsWith(',')) {
        rest = trimSpacesStart(rest.slice(1));
        // A trailing comma, an empty item: leave the fine points to the full parser.
        if (rest.startsWith(']') || rest.startsWith(',') || rest === '') giveUp();
        continue;
      }
      if (rest.startsWith(']') && isEnd(rest.slice(1))) return list;
      return giveUp();
    }
  }
}

function trimSpacesStart(text: string): string {
  let start = 0;
  while (text.charCodeAt(start) === 0x20) start++;
  return start === 0 ? text : text.slice(start);
}

function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return end === text.length ? text : text.slice(0, end);
}

function isItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

/** Nothing left on the line but spaces and a comment. */
function isEnd(rest: string): boolean {
  const trimmed = trimSpacesStart(rest);
  return trimmed === '' || (trimmed.startsWith('#') && trimmed.length < rest.length);
}

/** A scalar at the start of `text`; `rest` is what follows it. In a flow list, "," and "]" end a plain scalar. */
function scalar(text: string, inFlow: boolean): { value: unknown; rest: string } {
  const first = text[0];
  if (first === '"') {
    const end = text.indexOf('"', 1);
    if (end < 0) giveUp();
    const inner = text.slice(1, end);
    if (inner.includes('\\')) giveUp();
    return { value: inner, rest: text.slice(end + 1) };
  }
  if (first === "'") {
    let value = '';
    let i = 1;
    for (;;) {
      const quote = text.indexOf("'", i);
      if (quote < 0) giveUp();
      value += text.slice(i, quote);
      if (text[quote + 1] === "'") {
        value += "'";
        i = quote + 2;
        continue;
      }
      return { value, rest: text.slice(quote + 1) };
    }
  }
  // Indicators a plain scalar cannot start with (or that mean syntax this reader leaves alone).
  // "-" starts a plain scalar only if what follows could continue one: not a space, and in a flow
  // list not a flow indicator either (`[-]` is a block list inside a flow list to the parser).
  if (first === undefined || '{}[]&*!|>%@`,#?:'.includes(first) || (first === '-' && (text[1] === undefined || text[1] === ' ' || (inFlow && ',[]{}'.includes(text[1]))))) giveUp();
  let end = text.length;
  const comment = text.indexOf(' #');
  if (comment >= 0) end = comment;
  if (inFlow) {
    const stop = text.slice(0, end).search(/[,\]{}[]/);
    if (stop >= 0) end = stop;
  }
  const plain = trimSpacesEnd(text.slice(0, end));
  // ": " inside would make it a key; a trailing ":" too. Quotes inside a flow item: leave it.
  if (plain.includes(': ') || plain.endsWith(':') || (inFlow && (plain.includes('"') || plain.includes("'") || plain.includes(':')))) giveUp();
  return { value: resolvePlain(plain), rest: text.slice(plain.length) };
}

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(text: string): unknown {
  // Most values are words: only these first characters can start a null, a boolean or a number.
  if (text !== '' && !'0123456789+-.~nNtTfF'.includes(text[0]!)) return text;
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
