// SARIF 2.1.0 for code scanning (GitHub's upload-sarif, and any SARIF viewer): one run, its tool
// with every rule that can report in this run (../../check/rule-catalogue.ts) and one result per
// problem. Paths are repository-relative URIs under %SRCROOT% (the working folder check runs in),
// with forward slashes and percent-encoded; a file outside it keeps its absolute file: URI.
// Fingerprints hash what a problem is (rule, file, deal id, message), never where it is, so an
// alert survives lines added above it. No timestamps, no absolute working folder: the same folder
// gives the same bytes. Text is sanitised like every other format (../sanitize.ts).

import { hash } from 'node:crypto';
import type { CatalogueRule } from '../../check/rule-catalogue.js';
import { markdownCode, markdownText } from '../markdown-escape.js';
import { safeChars, safeJson, safeLine } from '../sanitize.js';
import type { CheckRender } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/deal-triage';
/** The README's section on check, where the rules are explained. */
const HELP_URI = 'https://www.npmjs.com/package/deal-triage#deal-triage-check-path';
const FINGERPRINT = 'dealTriage/v1';

const KIND_HELP: Record<CatalogueRule['kind'], string> = {
  file: 'A problem with the deal file itself: it is not a valid deal until it is fixed.',
  finding: "A finding of the policy: the deal is valid, and the policy points at something in it to fix.",
  folder: 'A rule over the folder as a whole: it compares the deal files with one another.',
  'one-on-one': 'A rule over the one-on-one log: the weekly CEO / head of sales meeting and its commitments.',
};

export const formatSarif: CheckRender = (report, options) => {
  const catalogue = options.run?.rules ?? [];
  const rules = new Map<string, { index: number; rule: CatalogueRule }>();
  for (const rule of catalogue) if (!rules.has(rule.id)) rules.set(rule.id, { index: rules.size, rule });
  // A problem whose id the catalogue misses still gets a rule, so every ruleIndex points at one.
  for (const file of report.files) {
    for (const p of file.problems) {
      if (!rules.has(p.rule)) rules.set(p.rule, { index: rules.size, rule: { id: p.rule, summary: `Problems reported as ${p.rule}.`, help: 'See the message.', severity: p.severity, kind: 'file' } });
    }
  }

  const results = [];
  for (const file of report.files) {
    const seen = new Map<string, number>();
    for (const p of file.problems) {
      const identity = [p.rule, p.file, file.id ?? '', p.message].join('\u0000');
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      results.push({
        ruleId: p.rule,
        ruleIndex: rules.get(p.rule)!.index,
        level: p.severity,
        message: { text: safeLine(p.message) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(safeChars(p.file)),
              // A problem is located at a point: the region is the character it starts at.
              region: { startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + 1 },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT]: hash('sha256', `${identity}\u0000${occurrence}`).slice(0, 32) },
      });
    }
  }

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'deal-triage',
            ...(options.run ? { version: options.run.version, semanticVersion: options.run.version } : {}),
            informationUri: INFORMATION_URI,
            rules: [...rules.values()].map(({ rule }) => driverRule(rule)),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder deal-triage check ran in (the repository root in CI).' } } },
        results,
      },
    ],
  };
  return `${safeJson(sarif, 2)}\n`;
};

function driverRule(rule: CatalogueRule) {
  const summary = safeLine(rule.summary);
  const help = safeLine(rule.help);
  return {
    id: rule.id,
    shortDescription: { text: summary },
    fullDescription: { text: `${summary} ${KIND_HELP[rule.kind]}` },
    helpUri: HELP_URI,
    help: { text: help, markdown: `${markdownCode(rule.id)} (${rule.kind} rule, ${rule.severity} by default)\n\n${markdownText(summary)}\n\n${markdownText(help)}` },
    defaultConfiguration: { level: rule.severity },
    properties: { tags: ['deal-triage', rule.kind] },
  };
}

/** A path as check shows it (relative to the working folder, or absolute outside it), as a SARIF artifact location. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file.startsWith('/')) return { uri: `file://${encodePath(file)}` };
  const windows = /^[A-Za-z]:[\\/]/.exec(file);
  if (windows) return { uri: `file:///${encodePath(file.replace(/\\/g, '/'))}` };
  return { uri: encodePath(file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Each segment percent-encoded as RFC 3986 asks (what encodeURIComponent leaves, less !'()*), the slashes kept. */
function encodePath(file: string): string {
  // encodeURIComponent throws on a lone surrogate, which a file name may hold: it shows as U+FFFD.
  return file
    .replace(LONE_SURROGATE, '\uFFFD')
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
}
