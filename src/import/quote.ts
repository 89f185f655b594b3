// Text as a YAML double-quoted scalar that reads back as the same text, pure: JSON's escapes (which
// YAML shares) for controls, plus escapes for what JSON leaves raw and a reader must not get raw:
// DEL, the C1 controls, bidirectional marks and overrides (U+202E written raw would reorder what a
// reviewer sees), the line and paragraph separators, a byte-order mark. Safe on a terminal too, and
// so what a hint gives to paste into a file (`"Closed\u001b[31m": closed-won`).

const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

export function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `max` characters, the cut marked with "…" (never inside a surrogate pair): a cell as a message quotes it. */
export function clip(text: string, max = 80): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A cell quoted in a message: double-quoted as above, a long one clipped. */
export function quotedCell(cell: string): string {
  const cut = clip(cell);
  return cut === cell ? doubleQuoted(cell) : `${doubleQuoted(cut.slice(0, -1))}…`;
}
