// The CRM presets' names alone, for the CLI's --preset choices (./presets.ts has the presets).

export const PRESET_NAMES = ['salesforce', 'hubspot', 'pipedrive'] as const;
