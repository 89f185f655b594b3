// The loading pipeline for the config file, pure: the same located problems as a deal file. A valid
// config loads without zod (./config-quick.ts); zod words the problems of one that is not.

import { ConfigSchema } from '../policy/config-schema.js';
import { resolveConfig } from '../policy/resolve.js';
import type { ResolvedConfig } from '../policy/resolve.js';
import { parseConfigQuick } from './config-quick.js';
import type { RefusedConfig } from './config-quick.js';
import { decodeText } from './input.js';
import type { LoadResult } from './input.js';
import { listProblems } from './problem.js';
import { issuesToProblems } from './zod-issues.js';

export { CONFIG_FILE_NAMES, defaultConfig } from './config-quick.js';
export type { RefusedConfig } from './config-quick.js';

export function parseConfig(text: string, file: string): LoadResult<ResolvedConfig> {
  const quick = parseConfigQuick(text, file);
  return 'refused' in quick ? wordConfigProblems(quick) : quick;
}

/** A config the fast validator refused, through zod: its problems, located. */
export function wordConfigProblems(refused: RefusedConfig): LoadResult<ResolvedConfig> {
  const parsed = ConfigSchema.safeParse(refused.value, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, problems: listProblems(issuesToProblems(parsed.error.issues, refused.value, ConfigSchema, refused.locator, refused.file)) };
  }
  return { ok: true, value: resolveConfig(parsed.data), locator: refused.locator };
}

export function parseConfigBytes(bytes: Uint8Array, file: string): LoadResult<ResolvedConfig> {
  const text = decodeText(bytes, file);
  return typeof text === 'string' ? parseConfig(text, file) : text;
}
