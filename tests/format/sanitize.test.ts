// The one sanitiser of the human-readable formats (src/format/sanitize.ts), by its three contexts:
// a name or source line (one character for one), one line (folded), several lines (LF only).

import { describe, expect, it } from 'vitest';
import { safeChars, safeLine, safeLines } from '../../src/format/sanitize.js';

const R = '\uFFFD';

describe('the sanitiser', () => {
  it.each([
    // [name, input, safeChars, safeLine, safeLines]
    ['plain text, tabs and Unicode', 'a\tb é 🚀 中', 'a\tb é 🚀 中', 'a\tb é 🚀 中', 'a\tb é 🚀 中'],
    ['ESC [2J', 'a\u001b[2Jb', `a${R}[2Jb`, `a${R}[2Jb`, `a${R}[2Jb`],
    ['OSC 0 title with BEL', '\u001b]0;t\u0007', `${R}]0;t${R}`, `${R}]0;t${R}`, `${R}]0;t${R}`],
    ['OSC 52 with ST', '\u001b]52;c;eA==\u001b\\', `${R}]52;c;eA==${R}\\`, `${R}]52;c;eA==${R}\\`, `${R}]52;c;eA==${R}\\`],
    ['NUL, DEL', 'a\u0000\u007fb', `a${R}${R}b`, `a${R}${R}b`, `a${R}${R}b`],
    ['C1: NEL and CSI', 'a\u0085b\u009bc', `a${R}b${R}c`, `a${R}b${R}c`, `a${R}b${R}c`],
    ['BiDi overrides and isolates', '\u202Aa\u202Eb\u2066c\u2069', `${R}a${R}b${R}c${R}`, `${R}a${R}b${R}c${R}`, `${R}a${R}b${R}c${R}`],
    ['BiDi marks', 'a\u200Eb\u200Fc\u061Cd', `a${R}b${R}c${R}d`, `a${R}b${R}c${R}d`, `a${R}b${R}c${R}d`],
    ['a bare CR', 'a\rb', `a${R}b`, 'a b', 'a\nb'],
    ['CRLF and LF', 'a\r\nb\nc', `a${R}${R}b${R}c`, 'a b c', 'a\nb\nc'],
    ['line and paragraph separators', 'a\u2028b\u2029c', `a${R}b${R}c`, 'a b c', 'a\nb\nc'],
    ['white space around line breaks, and blank lines', 'a  \n \n\t b', `a  ${R} ${R}\t b`, 'a b', 'a  \n \n\t b'],
    ['leading and trailing line breaks', '\nx\n', `${R}x${R}`, ' x ', '\nx\n'],
  ])('%s', (_name, input, chars, line, lines) => {
    expect(safeChars(input)).toBe(chars);
    expect(safeLine(input)).toBe(line);
    expect(safeLines(input)).toBe(lines);
  });

  it('replaces one character for one, so columns do not move', () => {
    const input = 'k: "\u001b[31m\u202Ex\t\u0085" y';
    expect([...safeChars(input)]).toHaveLength([...input].length);
    expect(safeChars(input).indexOf('y')).toBe(input.indexOf('y'));
  });
});
