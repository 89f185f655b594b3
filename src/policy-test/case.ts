// A policy test case (`deal-triage test`, PRODUCT.md §14), pure: the case file's text in, the case
// or its located problems out, through the same pipeline as a deal file (YAML with positions, then
// zod, then problems located by zod-issues). A case names a deal (a path, or the deal inline), the
// config and the day to decide with (both optional), and what the policy must answer, in the manner
// of conftest's and OPA's tests and ESLint's RuleTester.

import * as z from 'zod';
import { VERDICTS } from '../engine/types.js';
import { decodeText } from '../load/input.js';
import type { LoadResult } from '../load/input.js';
import { listProblems } from '../load/problem.js';
import type { Position } from '../load/problem.js';
import { parseYaml } from '../load/yaml-source.js';
import type { Locator } from '../load/yaml-source.js';
import { issuesToProblems } from '../load/zod-issues.js';
import { isoDate, text } from '../schema/common.js';
import { DealSchema } from '../schema/deal.js';
import type { ParsedDeal } from '../schema/deal.js';

const ruleIds = () => z.array(z.string().min(1, { error: 'must name a rule' }));

export const CaseSchema = z.strictObject({
  /** What the case is about, shown beside its file. */
  description: text().optional(),
  /** A deal file, relative to the case file; or the deal itself, as a mapping. */
  deal: z.union([text(), z.record(z.string(), z.unknown())], { error: 'must be a path to a deal file, or the deal as a mapping' }),
  /** A config file, relative to the case file; absent: the config triage would use. */
  config: text().optional(),
  /** The day to decide on; absent: --today, DEAL_TRIAGE_TODAY or the system date. */
  today: isoDate().optional(),
  expect: z.strictObject({
    verdict: z.enum(VERDICTS),
    /** Rule ids that must be among the reasons. */
    reasons: ruleIds().optional(),
    /** Roles (role rule ids) the CEO must be given. */
    roles: ruleIds().optional(),
  }),
});

/** A file named by a case, and where in the case it is named. */
export interface NamedFile {
  path: string;
  at: Position;
}

export interface PolicyCase {
  file: string;
  description?: string;
  /** A file to load, or the deal written in the case (validated; its currency not resolved yet). */
  deal: { file: NamedFile } | { inline: ParsedDeal };
  config?: NamedFile;
  today?: string;
  expect: { verdict: (typeof VERDICTS)[number]; reasons: string[]; roles: string[] };
  locator: Locator;
}

/** The keys of a case, in the order they are written (for the fast YAML reader). */
const CASE_KEYS = Object.keys(CaseSchema.shape);

export function parseCase(text: string, file: string): LoadResult<PolicyCase> {
  const yaml = parseYaml(text, file, { keys: CASE_KEYS });
  if (!yaml.ok) return { ok: false, problems: listProblems(yaml.problems) };
  const parsed = CaseSchema.safeParse(yaml.value, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, yaml.value, CaseSchema, yaml.locator, file)) };
  const data = parsed.data;
  const { locator } = yaml;
  let deal: PolicyCase['deal'];
  if (typeof data.deal === 'string') {
    deal = { file: { path: data.deal, at: locator.at(['deal']) } };
  } else {
    // The deal inline: checked as a deal file is, its problems located in the case file.
    const InlineSchema = z.strictObject({ deal: DealSchema });
    const inline = InlineSchema.safeParse({ deal: data.deal }, { reportInput: true });
    if (!inline.success) return { ok: false, problems: listProblems(issuesToProblems(inline.error.issues, { deal: data.deal }, InlineSchema, locator, file)) };
    deal = { inline: inline.data.deal };
  }
  return {
    ok: true,
    locator,
    value: {
      file,
      ...(data.description !== undefined && { description: data.description }),
      deal,
      ...(data.config !== undefined && { config: { path: data.config, at: locator.at(['config']) } }),
      ...(data.today !== undefined && { today: data.today }),
      expect: { verdict: data.expect.verdict, reasons: data.expect.reasons ?? [], roles: data.expect.roles ?? [] },
      locator,
    },
  };
}

export function parseCaseBytes(bytes: Uint8Array, file: string): LoadResult<PolicyCase> {
  const decoded = decodeText(bytes, file);
  return typeof decoded === 'string' ? parseCase(decoded, file) : decoded;
}
