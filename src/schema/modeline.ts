// The yaml-language-server modeline a deal file starts with, so an editor with the YAML extension
// (VS Code's redhat.vscode-yaml, and every editor built on yaml-language-server) validates and
// completes it against the deal schema with no set-up. One builder, for every command that writes a
// deal file (`new`, and `import` later). The schema is the one the package ships, at the version that
// wrote the file, on unpkg: a URL that resolves before and after an upgrade, and says which rules the
// file was written against. A team that prefers the local copy maps it with `yaml.schemas` (README).

/** Where the package keeps each schema (package.json "files" ships the folder). */
export const SCHEMA_FILES = { deal: 'schema/deal.schema.json', config: 'schema/config.schema.json' } as const;

/** The published deal schema of this version of the package. */
export function dealSchemaUrl(version: string): string {
  return `https://unpkg.com/deal-triage@${encodeURIComponent(version)}/${SCHEMA_FILES.deal}`;
}

export function dealSchemaModeline(version: string): string {
  return `# yaml-language-server: $schema=${dealSchemaUrl(version)}`;
}

/** A modeline already in the text: yaml-language-server reads one on any comment line. */
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=/m;

/** The deal text with the modeline as its first line, unless it names a schema already (which stays). */
export function withDealSchemaModeline(text: string, version: string): string {
  return MODELINE.test(text) ? text : `${dealSchemaModeline(version)}\n${text}`;
}
