// The fixed sets of values the deal file and the rules use, as plain constants: the engine, the
// formats and the quick loaders read them without loading zod (which only the schemas need, and
// `triage` of a valid deal does not: see src/load/deal-quick.ts).

export const DEAL_TYPES = ['new', 'expansion', 'renewal'] as const;
export const STAGES = ['discovery', 'qualification', 'proposal', 'negotiation', 'closed-won', 'closed-lost'] as const;
// `unknown`: not assessed yet (a deal imported from a CRM); the policy waits for the assessment.
export const FOLLOW_ON_POTENTIALS = ['none', 'possible', 'likely', 'committed', 'unknown'] as const;
export const THREATS = ['low', 'medium', 'high'] as const;
export const POSITIONS = ['yes', 'trade', 'no'] as const;
export const STAKEHOLDER_ROLES = ['economic-buyer', 'champion', 'decision-maker', 'influencer', 'user', 'blocker'] as const;

export type Stage = (typeof STAGES)[number];

export const EFFECTS = ['decline', 'wait', 'signal', 'role', 'finding'] as const;
export type Effect = (typeof EFFECTS)[number];

export const FINDING_SEVERITIES = ['error', 'warning'] as const;

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
