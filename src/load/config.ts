// The loading pipeline for the config file, pure: the same located problems as a deal file.

import { ConfigSchema } from '../policy/config-schema.js';
import { resolveConfig } from '../policy/resolve.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { decodeText } from './input.js';
import type { LoadResult } from './input.js';
import { listProblems } from './problem.js';
import { parseYaml } from './yaml-source.js';
import { issuesToProblems } from './zod-issues.js';

export const CONFIG_FILE_NAMES = ['deal-triage.config.yaml', 'deal-triage.config.yml'] as const;

/** The built-in defaults (PRODUCT.md §4), used when there is no config file. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig(ConfigSchema.parse({}));
}

export function parseConfig(text: string, file: string): LoadResult<ResolvedConfig> {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) {
    // An empty config file means "all defaults", not an error.
    if (yaml.problems.length === 1 && yaml.problems[0]!.rule === 'empty-file') {
      return { ok: true, value: defaultConfig(), locator: yaml.locator };
    }
    return { ok: false, problems: listProblems(yaml.problems) };
  }
  const parsed = ConfigSchema.safeParse(withoutEmptySections(yaml.value), { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, yaml.value, ConfigSchema, yaml.locator, file)) };
  }
  return { ok: true, value: resolveConfig(parsed.data), locator: yaml.locator };
}

/** `policy:` (or `one_on_one:`) with nothing under it means the defaults, as if the key were absent. */
function withoutEmptySections(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, section]) => !(section === null && (key === 'company' || key === 'policy' || key === 'rules' || key === 'one_on_one'))));
}

export function parseConfigBytes(bytes: Uint8Array, file: string): LoadResult<ResolvedConfig> {
  const text = decodeText(bytes, file);
  return typeof text === 'string' ? parseConfig(text, file) : text;
}
