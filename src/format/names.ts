// The names of every command's output formats, alone: the CLI lists them in its options (and in
// --help) on every run, and must not load the formatters, the review's HTML or import's presets to
// do so; each command loads its own formatters when it runs. Each format module re-exports its list.

export const TRIAGE_FORMATS = ['text', 'markdown', 'json'] as const;
export const CHECK_FORMATS = ['stylish', 'json', 'github', 'junit', 'sarif'] as const;
export const REVIEW_FORMATS = ['text', 'markdown', 'json', 'html'] as const;
export const IMPORT_FORMATS = ['text', 'json'] as const;
export const POLICY_TEST_FORMATS = ['text', 'json'] as const;
export const ONE_ON_ONE_FORMATS = ['text', 'markdown', 'json'] as const;
