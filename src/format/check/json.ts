// Machine-readable `check` output: a versioned object with the summary and, for every file, its
// verdict and every problem. The version changes only when a field changes meaning or goes away.

import { safeJson } from '../sanitize.js';
import type { CheckRender } from './types.js';

export const CHECK_JSON_VERSION = 1;

export const formatCheckJson: CheckRender = (report) =>
  `${safeJson({ version: CHECK_JSON_VERSION, tool: 'deal-triage check', summary: report.summary, files: report.files }, 2)}\n`;
