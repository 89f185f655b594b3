// The `yaml` package, loaded the first time a file needs it: a plain deal file never does (the fast
// reader, simple-yaml.ts, reads it), and loading the package cost every `triage` a few milliseconds
// of a start-up that is mostly that. Required, not imported, because the loaders are synchronous;
// the package is CommonJS in Node either way, so this is the instance an import would give.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
