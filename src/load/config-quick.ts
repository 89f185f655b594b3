// The loading pipeline for the config file without zod, as ./deal-quick.ts is for a deal: a valid
// config comes out resolved through the validator generated from the config schema; one it refuses
// comes out `refused`, parsed, for ./config.ts to word its problems with zod.

import { parseConfigFast } from '../policy/config-validator.generated.js';
import { resolveConfig } from '../policy/resolve.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import type { LoadResult } from './input.js';
import { listProblems } from './problem.js';
import { parseYaml } from './yaml-source.js';
import type { Locator } from './yaml-source.js';

export const CONFIG_FILE_NAMES = ['deal-triage.config.yaml', 'deal-triage.config.yml'] as const;

/** A config file that parsed as YAML but that the fast validator refused: zod says why (./config.ts). */
export interface RefusedConfig {
  refused: true;
  value: unknown;
  locator: Locator;
  file: string;
}

/** The built-in defaults (PRODUCT.md §4), used when there is no config file. */
export function defaultConfig(): ResolvedConfig {
  return resolveConfig(parseConfigFast({})!);
}

export function parseConfigQuick(text: string, file: string): LoadResult<ResolvedConfig> | RefusedConfig {
  const yaml = parseYaml(text, file);
  if (!yaml.ok) {
    // An empty config file means "all defaults", not an error.
    if (yaml.problems.length === 1 && yaml.problems[0]!.rule === 'empty-file') {
      return { ok: true, value: defaultConfig(), locator: yaml.locator };
    }
    return { ok: false, problems: listProblems(yaml.problems) };
  }
  const value = withoutEmptySections(yaml.value);
  const data = parseConfigFast(value);
  if (data === undefined) return { refused: true, value, locator: yaml.locator, file };
  return { ok: true, value: resolveConfig(data), locator: yaml.locator };
}

/** `policy:` (or `one_on_one:`) with nothing under it means the defaults, as if the key were absent. */
function withoutEmptySections(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, section]) => !(section === null && (key === 'company' || key === 'policy' || key === 'rules' || key === 'one_on_one'))));
}
