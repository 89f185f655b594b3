// The one registry of `check` output formats.

import { formatCheckJson } from './json.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import { formatStylish } from './stylish.js';
import type { CheckFormatter } from './types.js';

export const CHECK_FORMATS = ['stylish', 'json', 'github', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const checkFormatters = {
  stylish: formatStylish,
  json: formatCheckJson,
  github: formatGithub,
  junit: formatJunit,
} as const satisfies Record<CheckFormat, CheckFormatter>;

export { formatStepSummary } from './github.js';
export type { CheckFormatOptions, CheckFormatter } from './types.js';
