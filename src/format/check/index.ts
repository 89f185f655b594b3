// The one registry of `check` output formats, each with what it declares: stylish alone is made
// for a terminal, coloured when the terminal allows; github alone writes GitHub's step summary.

import { withCapabilities } from '../types.js';
import { formatCheckJson } from './json.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish, stylishParts } from './stylish.js';
import type { CheckFormatter } from './types.js';

import { CHECK_FORMATS } from '../names.js';

export { CHECK_FORMATS } from '../names.js';
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const checkFormatters = {
  stylish: withCapabilities(formatStylish, { coloured: true, stepSummary: false, reasons: false, parts: stylishParts }),
  json: withCapabilities(formatCheckJson, { coloured: false, stepSummary: false, reasons: true }),
  github: withCapabilities(formatGithub, { coloured: false, stepSummary: true, reasons: false }),
  junit: withCapabilities(formatJunit, { coloured: false, stepSummary: false, reasons: false }),
  sarif: withCapabilities(formatSarif, { coloured: false, stepSummary: false, reasons: false }),
} as const satisfies Record<CheckFormat, CheckFormatter>;

export { formatStepSummary } from './github.js';
export type { CheckFormatOptions, CheckFormatter, CheckRender } from './types.js';
