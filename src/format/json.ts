// Machine-readable triage: an array with one object per file, invalid files included with their
// problems, so a script sees everything on stdout.

import type { Formatter } from './types.js';

export const JSON_FORMAT_VERSION = 1;

export const formatJson: Formatter = (results) => {
  const out = results.map((result) =>
    result.ok
      ? {
          file: result.file,
          id: result.deal.id,
          name: result.deal.name,
          verdict: result.evaluation.verdict,
          reasons: result.evaluation.reasons,
          signals: result.evaluation.signals,
          roles: result.evaluation.roles,
          changes: result.evaluation.changes,
          briefing: result.briefing,
          trace: result.evaluation.trace,
          problems: [],
        }
      : {
          file: result.file,
          id: null,
          name: null,
          verdict: null,
          reasons: [],
          signals: [],
          roles: [],
          changes: [],
          briefing: null,
          trace: [],
          problems: result.problems,
        },
  );
  return `${JSON.stringify(out, null, 2)}\n`;
};
