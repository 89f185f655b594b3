// The one registry of triage output formats, each with what it declares: whether it is coloured
// for a terminal, and whether it carries invalid files' problems itself. `triage --format` offers
// TRIAGE_FORMATS; `preview` is what the questionnaire shows before saving.

import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatPreview } from './preview.js';
import { formatText } from './text.js';
import { withCapabilities } from './types.js';
import type { Formatter } from './types.js';

import { TRIAGE_FORMATS } from './names.js';

export { TRIAGE_FORMATS } from './names.js';
export type TriageFormat = (typeof TRIAGE_FORMATS)[number];

// Typed as the registry, not as each render function: every entry is called the same way.
export const formatters: Readonly<Record<TriageFormat | 'preview', Formatter>> = {
  text: withCapabilities(formatText, { coloured: true, carriesProblems: false }),
  markdown: withCapabilities(formatMarkdown, { coloured: false, carriesProblems: false }),
  json: withCapabilities(formatJson, { coloured: false, carriesProblems: true }),
  preview: withCapabilities(formatPreview, { coloured: true, carriesProblems: false }),
};

export type { FormatOptions, Formatter, TriageCapabilities, TriageResult } from './types.js';
export { plain } from './style.js';
export type { Style } from './style.js';
