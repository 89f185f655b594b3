// What a YAML file must not hold, found from the `yaml` package's own tokens as they stream from its
// lexer to its parser: nesting deeper than MAX_YAML_DEPTH, tags (`!!binary`, `!custom`) and a
// %YAML directive for another version than 1.2.
//
// Why before parsing: the parser and the composer recurse once per level of nesting, so a file
// nested thousands deep fails with "Maximum call stack size exceeded" — or does not, depending on
// how much stack the thread has left. Stopping at a fixed depth, counted from the tokens in one
// pass without recursion, gives every run and every thread the same located problem, at the token
// that opens the level too many. The tokens are the parser's own, so what is quoted, a comment or
// a block scalar is decided exactly as the parser decides it.

import { MAX_YAML_DEPTH } from './limits.js';
import type { Position } from './problem.js';
import { yamlLib } from './yaml-lib.js';

type Kind = 'map' | 'seq';

interface Block {
  column: number;
  kind: Kind;
}

/** The deepest point reached inside the node being read, and where: see deepen(). */
interface Reach {
  depth: number;
  at: Position | undefined;
}

interface Flow {
  seq: boolean;
  /** Levels the current item adds inside this collection: an implicit pair `[a: b]`, a stray `- `. */
  extra: number;
  colons: number;
  /** Inside the current item; and inside the whole collection, for its parent's item. */
  item: Reach;
  all: Reach;
}

export interface TaggedAt {
  tag: string;
  at: Position;
}

export class TokenGuard {
  /** Where the nesting first went past the limit, if it did; the guard then stops. */
  tooDeep: Position | undefined;
  /** The deepest nesting seen (collections around a node; a root mapping counts 1). */
  maxDepth = 0;
  readonly tags: TaggedAt[] = [];
  readonly versions: { version: string; at: Position }[] = [];

  /** Block collections open at this point, outermost first, by the column they start at. */
  private blocks: Block[] = [];
  private flows: Flow[] = [];
  private flowDepth = 0;
  /** The deepest point inside the node being read on this line, outside flow collections. */
  private lineItem: Reach = { depth: 0, at: undefined };
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  /** The next token is a scalar's text (the lexer marks scalars with a control character first). */
  private atScalar = false;
  /** The next scalar is a block scalar's content, which starts at the line start, not at a node. */
  private blockScalar = false;
  /** A node has started on this line (not only spaces and indicators). */
  private lineHasNode = false;
  /** Column of the first token of the node being read on this line (a key, when ":" follows). */
  private nodeColumn: number | undefined;

  constructor(private readonly limit = MAX_YAML_DEPTH) {}

  /** Takes the next lexeme; false once the file is too deep (then stop feeding the parser). */
  step(lexeme: string): boolean {
    if (this.tooDeep) return false;
    if (this.atScalar) {
      this.atScalar = false;
      if (this.blockScalar) this.blockScalar = false;
      else this.node();
      this.advance(lexeme);
      return !this.tooDeep;
    }
    const flow = this.flows[this.flows.length - 1];
    switch (yamlLib().CST.tokenType(lexeme)) {
      // Control tokens of the lexer, not characters of the source.
      case 'doc-mode':
        this.blocks = [];
        return true;
      case 'flow-error-end':
        this.flows = [];
        this.flowDepth = 0;
        return true;
      case 'scalar':
        this.atScalar = true;
        return true;
      case 'doc-start':
      case 'doc-end':
        this.blocks = [];
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (flow) this.extra(flow);
        else this.block(this.column(), lexeme === '-' ? 'seq' : 'map');
        this.startNode();
        break;
      case 'map-value-ind':
        if (flow) {
          flow.colons += 1;
          // In a flow list, `key: value` is a mapping of its own around the key.
          if (flow.seq || flow.colons > 1) {
            this.deepen(flow.item);
            this.extra(flow);
          }
        } else {
          const key = { ...this.lineItem };
          if (this.block(this.nodeColumn ?? this.column(), 'map')) this.deepen(key);
        }
        this.startNode();
        break;
      case 'flow-map-start':
      case 'flow-seq-start': {
        this.node();
        // Counted in the item that holds the collection, not in the collection's first item.
        this.flowDepth += 1;
        this.check();
        this.flows.push({ seq: lexeme === '[', extra: 0, colons: 0, item: { depth: 0, at: undefined }, all: { depth: 0, at: undefined } });
        break;
      }
      case 'flow-map-end':
      case 'flow-seq-end': {
        const closed = this.flows.pop();
        if (closed) {
          this.flowDepth -= 1 + closed.extra;
          reach(closed.all, closed.item);
          reach(this.innerItem(), closed.all);
        }
        break;
      }
      case 'comma':
        if (flow) {
          reach(flow.all, flow.item);
          this.flowDepth -= flow.extra;
          flow.extra = 0;
          flow.colons = 0;
          flow.item = { depth: 0, at: undefined };
        }
        break;
      case 'block-scalar-header':
        this.node();
        this.blockScalar = true;
        break;
      case 'tag':
        this.tags.push({ tag: lexeme, at: this.position() });
        this.node();
        break;
      case 'directive-line': {
        const version = /^%YAML[ \t]+([^ \t#]+)/.exec(lexeme)?.[1];
        if (version !== undefined && version !== '1.2') this.versions.push({ version, at: this.position() });
        break;
      }
      case 'anchor':
      case 'alias':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        this.node();
        break;
      case 'newline':
        this.lineHasNode = false;
        this.startNode();
        break;
      default:
        // spaces, comments, a byte-order mark
        break;
    }
    this.advance(lexeme);
    return !this.tooDeep;
  }

  /** A node (or its properties) starts at the current token. */
  private node(): void {
    const column = this.column();
    if (this.flows.length === 0 && !this.lineHasNode) {
      // The first node on a line ends every block collection indented deeper.
      this.lineHasNode = true;
      this.close(column);
    }
    this.nodeColumn ??= column;
  }

  private startNode(): void {
    this.nodeColumn = undefined;
    if (this.flows.length === 0) this.lineItem = { depth: 0, at: undefined };
  }

  /**
   * A block collection entry of this kind at this column: the same collection, or a new one
   * inside (then true).
   */
  private block(column: number, kind: Kind): boolean {
    this.lineHasNode = true;
    this.close(column);
    const top = this.blocks[this.blocks.length - 1];
    // A list may sit at its parent key's own column; a key there ends that list.
    if (top?.column === column && top.kind === 'seq' && kind === 'map') this.blocks.pop();
    const parent = this.blocks[this.blocks.length - 1];
    if (parent?.column === column && parent.kind === kind) return false;
    this.blocks.push({ column, kind });
    this.check(column);
    return true;
  }

  private extra(flow: Flow): void {
    flow.extra += 1;
    this.flowDepth += 1;
    this.check();
  }

  /**
   * A ":" made what came before it a key of a new mapping: everything nested in that key is one
   * level deeper than it was counted when it was read.
   */
  private deepen(item: Reach): void {
    if (item.at === undefined) return;
    item.depth += 1;
    this.reached(item.depth, item.at);
  }

  private close(column: number): void {
    while (this.blocks.length > 0 && this.blocks[this.blocks.length - 1]!.column > column) this.blocks.pop();
  }

  private innerItem(): Reach {
    return this.flows[this.flows.length - 1]?.item ?? this.lineItem;
  }

  /** Counts the level just opened, at the current token or (a block collection) at its column. */
  private check(column = this.column()): void {
    const depth = this.blocks.length + this.flowDepth;
    const at = { line: this.line, column: column + 1 };
    reach(this.innerItem(), { depth, at });
    this.reached(depth, at);
  }

  private reached(depth: number, at: Position): void {
    if (depth > this.maxDepth) this.maxDepth = depth;
    if (depth > this.limit && !this.tooDeep) this.tooDeep = at;
  }

  private column(): number {
    return this.offset - this.lineStart;
  }

  private position(): Position {
    return { line: this.line, column: this.offset - this.lineStart + 1 };
  }

  private advance(lexeme: string): void {
    let newline = lexeme.indexOf('\n');
    while (newline >= 0) {
      this.line += 1;
      this.lineStart = this.offset + newline + 1;
      newline = lexeme.indexOf('\n', newline + 1);
    }
    this.offset += lexeme.length;
  }
}

function reach(into: Reach, from: Reach): void {
  if (from.at !== undefined && from.depth > into.depth) {
    into.depth = from.depth;
    into.at = from.at;
  }
}
