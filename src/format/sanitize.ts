// The one sanitiser of every human-readable format (triage text and markdown, diagnostics, the
// check formats but json). Text from deal files, configs and file names must never drive the
// terminal that shows it (ESC and OSC sequences: title, clear screen, OSC 52 clipboard writes, OSC 8
// links; BEL; a bare CR that writes over the start of a line), never reorder what is shown (BiDi
// controls, as in "Trojan Source"), and never forge extra lines in a one-line context. Each such
// character shows as U+FFFD, one for one: one visible column, so a caret under a source line stays
// aligned, and the text around it survives. JSON output keeps the real text, with every such
// character escaped (safeJson): JSON.stringify escapes C0 itself, but writes DEL, C1 and the rest raw.

const REPLACEMENT = '\uFFFD';

/**
 * C0 controls but tab and LF (CR included: alone it returns to the start of the line), DEL, C1
 * controls (U+0080–U+009F: a terminal may read U+009B as CSI; NEL U+0085 ends a line), the Arabic
 * letter mark, LRM and RLM, the BiDi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The same, and the line breaks: LF, and the line and paragraph separators (which browsers break on). */
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_BREAK = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/g;

/** Every line break a reader may honour: CRLF, a lone CR, LF, U+2028, U+2029. */
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/;

/**
 * One character for one: every control, BiDi and line-break character becomes U+FFFD; tabs stay.
 * For file names and source lines in code frames, where positions and columns must not move.
 */
export function safeChars(text: string): string {
  return text.replace(UNSAFE_OR_BREAK, REPLACEMENT);
}

/** Multi-line text: every line break becomes LF (a lone CR included), other unsafe characters U+FFFD. */
export function safeLines(text: string): string {
  return text.split(LINE_BREAK).join('\n').replace(UNSAFE, REPLACEMENT);
}

/**
 * One line: each run of line breaks, with the white space around it, folds to one space (a lone CR
 * too: a terminal would return to the start of the line, and markdown would start a new block).
 * Split, then trim each piece: linear, where a regex with white space on both sides of the line
 * breaks backtracks quadratically on a long run of spaces (300 KB of them took 95 s).
 */
export function safeLine(text: string): string {
  const pieces = text.split(LINE_BREAK);
  if (pieces.length === 1) return text.replace(UNSAFE, REPLACEMENT);
  const last = pieces.length - 1;
  const kept: string[] = [];
  pieces.forEach((piece, i) => {
    const trimmed = i === 0 ? piece.trimEnd() : i === last ? piece.trimStart() : piece.trim();
    // A line of white space alone is part of the run; the first and last pieces always stay, as
    // the text's own start and end.
    if (trimmed !== '' || i === 0 || i === last) kept.push(trimmed);
  });
  return kept.join(' ').replace(UNSAFE, REPLACEMENT);
}

/** The rest of UNSAFE_OR_BREAK, which JSON.stringify writes as they are. */
const UNSAFE_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/g;

/**
 * JSON text (indented by `indent`) in which every control, BiDi and line-break character is a \u
 * escape: the same data for a program that reads it, and nothing that drives or reorders a terminal
 * that shows it.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
