// CSV text to records, pure and incremental: text is pushed in pieces as it is read, and each
// record comes out with the place every cell starts, as an editor counts lines and columns (CRLF,
// LF or CR ending a line, also inside a quoted cell). RFC 4180: a cell in double quotes may hold the
// delimiter, line breaks and quotes written twice (""). A quote anywhere else is an error, located.
//
// Written here rather than taken from csv-parse: that package's line count is off after a quoted
// cell holding CRLF, it gives no cell positions, and it cost more than everything else an import
// of unchanged rows does (its record-by-record stream: ~70 µs a row against ~1 µs here).

import type { Position } from '../load/problem.js';

export interface CsvRecord {
  cells: string[];
  /** Where each cell starts: line and column of cell i at [2i] and [2i + 1]. */
  starts: number[];
}

export interface CsvParseError { at: Position; kind: 'quote-in-cell' | 'quote-after-cell' | 'quote-not-closed' }

const QUOTE = 34;
const CR = 13;
const LF = 10;

const enum State {
  /** At the start of a cell. */
  Start,
  Unquoted,
  Quoted,
  /** In a quoted cell, just after a quote: the end of the cell, or the first of "". */
  QuoteSeen,
}

export class CsvParser {
  private readonly delimiter: number;
  private state = State.Start;
  private cells: string[] = [];
  private starts: number[] = [];
  /** The current cell's text from earlier pieces, or before a "" in it. */
  private field = '';
  private line = 1;
  private column = 1;
  /** A CR ended the last line: an LF right after it is the same line break. */
  private afterCR = false;
  private quoteAt: Position = { line: 1, column: 1 };
  /** Any character since the last record ended (the text does not end with a line break). */
  private pending = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses `text`, giving each whole record to `emit`; the error, if any, stops it. */
  push(text: string, emit: (record: CsvRecord) => void): CsvParseError | undefined {
    const delimiter = this.delimiter;
    let segment = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const lastWasCR = this.lastWasCR;
      this.lastWasCR = c === CR;
      if (this.afterCR) {
        this.afterCR = false;
        if (c === LF) {
          segment = i + 1;
          continue;
        }
      }
      if (this.state === State.Start) {
        this.starts.push(this.line, this.column);
        this.pending = true;
        if (c === QUOTE) {
          this.quoteAt = { line: this.line, column: this.column };
          this.state = State.Quoted;
          segment = i + 1;
          this.column++;
          continue;
        }
        segment = i;
        this.state = State.Unquoted;
      }
      if (this.state === State.Unquoted) {
        if (c === delimiter) {
          this.endCell(text.slice(segment, i));
          this.column++;
          segment = i + 1;
        } else if (c === CR || c === LF) {
          this.endCell(text.slice(segment, i));
          this.endRecord(emit, c);
          segment = i + 1;
        } else if (c === QUOTE) {
          return { at: { line: this.line, column: this.column }, kind: 'quote-in-cell' };
        } else {
          this.column++;
        }
      } else if (this.state === State.Quoted) {
        if (c === QUOTE) {
          this.field += text.slice(segment, i);
          this.state = State.QuoteSeen;
          this.column++;
        } else if (c === CR || (c === LF && !lastWasCR)) {
          this.newLine();
        } else if (c !== LF) {
          this.column++;
        }
      } else if (c === QUOTE) {
        // "" inside the quotes: one quote, and the cell goes on.
        this.state = State.Quoted;
        segment = i;
        this.column++;
      } else if (c === delimiter) {
        this.endCell('');
        this.column++;
        segment = i + 1;
      } else if (c === CR || c === LF) {
        this.endCell('');
        this.endRecord(emit, c);
        segment = i + 1;
      } else {
        return { at: { line: this.line, column: this.column }, kind: 'quote-after-cell' };
      }
    }
    // The rest of a cell the next piece goes on with.
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += text.slice(segment);
    return undefined;
  }

  /** The end of the text: the last record, if the text does not end with a line break. */
  end(emit: (record: CsvRecord) => void): CsvParseError | undefined {
    if (this.state === State.Quoted) return { at: this.quoteAt, kind: 'quote-not-closed' };
    if (this.pending) {
      // The text ends just after a delimiter: an empty last cell.
      if (this.state === State.Start) this.starts.push(this.line, this.column);
      this.endCell('');
      this.emitRecord(emit);
    }
    return undefined;
  }

  /** The last character was a CR (inside a quoted cell, an LF after it is the same line break). */
  private lastWasCR = false;

  private newLine(): void {
    this.line++;
    this.column = 1;
  }

  private endCell(rest: string): void {
    this.cells.push(this.field + rest);
    this.field = '';
    this.state = State.Start;
  }

  private endRecord(emit: (record: CsvRecord) => void, c: number): void {
    this.emitRecord(emit);
    this.newLine();
    if (c === CR) this.afterCR = true;
  }

  private emitRecord(emit: (record: CsvRecord) => void): void {
    emit({ cells: this.cells, starts: this.starts });
    this.cells = [];
    this.starts = [];
    this.pending = false;
  }
}
