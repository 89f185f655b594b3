// Text from deal files and file names inside Markdown (the triage briefing, GitHub's step
// summary): it must show as the same text, never as formatting, a link, an image, HTML or a new
// block. Backslash escapes are CommonMark's own way to say "this character is text" (any ASCII
// punctuation may be escaped) and keep the visible text exactly; no hidden character is inserted.

import { safeChars, safeLine } from './sanitize.js';

/**
 * Inline syntax, wherever it stands: code spans, emphasis and strikethrough, link and image
 * brackets (with "[" escaped no "](…)" can follow, so parentheses and "!" need nothing), raw HTML
 * and autolinks "<…>", entities "&…;", table cells "|", ATX heading marks "#".
 * GFM's extended autolinks need no brackets: "https://", "www." and "user@host" link by
 * themselves; the escaped ":" (before "//"), "." (after "www") and "@" break them (cmark-gfm
 * starts them at ":", "w" and "@" in unescaped text only).
 */
const INLINE = /[\\`*_~[\]<>&|#@]|:(?=\/\/)|(?<=www)\./gi;

/** Block starts, at the start of a line only: a list item ("-", "+", "1." and "1)") or a setext or thematic line. */
const BLOCK_START = /^(?:[-+=]|\d{1,9}[.)])/;

/** Deal text as one line of Markdown: a paragraph, a heading, a list item or a table cell. */
export function markdownText(text: string): string {
  // A line break would start a new block (a lone CR too); leading spaces could make a code block.
  const escaped = safeLine(text).trim().replace(INLINE, '\\$&');
  return escaped.replace(BLOCK_START, (start) => `${start.slice(0, -1)}\\${start.slice(-1)}`);
}

/** A file name as one line of Markdown text: its line breaks are characters of the name, shown as U+FFFD. */
export function markdownName(text: string): string {
  return markdownText(safeChars(text));
}

/**
 * A code span that holds any text: its fence is one backtick longer than the longest run of
 * backticks inside, and a space pads content that starts or ends with a backtick or a space
 * (CommonMark strips one space from each side).
 */
export function markdownCode(text: string): string {
  const content = safeChars(text);
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
