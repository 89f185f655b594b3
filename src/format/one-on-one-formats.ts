// The one-on-one pack's formats, on their own: the CLI lists them without loading the pack's code.

export const ONE_ON_ONE_FORMATS = ['text', 'markdown', 'json'] as const;
