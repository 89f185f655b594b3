// The one registry of triage output formats. `triage --format` offers TRIAGE_FORMATS; `preview` is
// what the questionnaire shows before saving.

import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatPreview } from './preview.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const TRIAGE_FORMATS = ['text', 'markdown', 'json'] as const;
export type TriageFormat = (typeof TRIAGE_FORMATS)[number];

export const formatters = {
  text: formatText,
  markdown: formatMarkdown,
  json: formatJson,
  preview: formatPreview,
} as const satisfies Record<TriageFormat | 'preview', Formatter>;

export type { FormatOptions, Formatter, TriageResult } from './types.js';
export { plain } from './style.js';
export type { Style } from './style.js';
