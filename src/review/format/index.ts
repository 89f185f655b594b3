// The review's formats, one registry (as Spectral keeps its formatters): each a pure function of
// the review. Only the text format colours, and only when the CLI gives it a colouring style.

import { safeJson } from '../../format/sanitize.js';
import type { Style } from '../../format/style.js';
import type { Review } from '../model.js';
import { formatReviewHtml } from './html.js';
import { formatReviewMarkdown } from './markdown.js';
import { formatReviewText } from './text.js';

import { REVIEW_FORMATS } from '../../format/names.js';

export { REVIEW_FORMATS } from '../../format/names.js';
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export interface ReviewFormatter {
  (review: Review, style: Style): string;
  coloured: boolean;
}

const formatter = (render: (review: Review, style: Style) => string, coloured: boolean): ReviewFormatter => Object.assign(render, { coloured });

export const reviewFormatters: Readonly<Record<ReviewFormat, ReviewFormatter>> = {
  text: formatter(formatReviewText, true),
  markdown: formatter((review) => formatReviewMarkdown(review), false),
  json: formatter((review) => `${safeJson(review, 2)}\n`, false),
  html: formatter((review) => formatReviewHtml(review), false),
};
