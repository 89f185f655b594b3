// The tool's version, from its package.json: what --version prints, and what keys check's cache (a
// report kept by another version is not used). Resolved from this module's place, which is two
// folders below the package in the tsc output (dist/io/) and in the bundle (dist/bundle/) alike.

import { readFileSync } from 'node:fs';

let version: string | undefined;

/** Read once: import stamps it on every deal file it writes. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
