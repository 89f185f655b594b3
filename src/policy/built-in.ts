// The default policy of PRODUCT.md §5, written as data in the same form a user writes in the
// config's `rules:`. Order matters among decline and wait rules: the first that fires decides.

import type { RuleDefinition } from '../schema/rule.js';

/** A built-in rule: the one rule shape, always with a description (the README's policy table). */
export type BuiltInRule = RuleDefinition & { description: string };

export const BUILT_IN_RULES = [
  {
    id: 'deal-closed',
    effect: 'decline',
    description: 'A closed deal, won or lost, leaves nothing for the CEO to do.',
    when: { fact: 'stage', op: 'in', value: ['closed-won', 'closed-lost'] },
    // No `change`: a closed deal is final, so no list of what would change is given.
    message: 'The deal is {stage}: nothing is left for the CEO to do.',
  },
  {
    id: 'no-follow-on',
    effect: 'decline',
    description: 'The CEO never helps with a sale that has no follow-on potential.',
    when: { fact: 'follow_on.potential', op: 'eq', value: 'none' },
    message: 'There is no follow-on potential: a one-off sale is for the sales team.',
    change: 'Find more business to follow this sale: the CEO joins only when a follow-on is at least possible.',
  },
  {
    id: 'small-deal',
    effect: 'decline',
    description: 'The CEO never helps with a small sale.',
    when: { fact: 'potential_value', op: 'lt', value: { param: 'small_deal_below' } },
    message: 'The potential value, {potential_value}, is below {small_deal_below}: a small sale.',
    change: 'Grow the deal to a potential value of at least {small_deal_below}, this sale and its follow-on together; it is {potential_value}.',
  },
  {
    id: 'custom-work-burden',
    effect: 'decline',
    description: 'The CEO never helps with a sale that needs a lot of uncompensated custom work.',
    when: { fact: 'uncompensated_days', op: 'gt', value: { param: 'max_uncompensated_custom_days' } },
    message:
      '{uncompensated_days} days of custom work are unpaid, more than the {max_uncompensated_custom_days} allowed: too much uncompensated work.',
    change:
      'Cut the unpaid custom work to {max_uncompensated_custom_days} days or fewer, by doing less of it or having the customer pay for more; {uncompensated_days} days are unpaid.',
  },
  {
    id: 'not-strategic',
    effect: 'decline',
    description: 'The CEO joins only strategic sales: at least two strategic signals.',
    when: { fact: 'signal_count', op: 'lt', value: { param: 'min_signals' } },
    params: { min_signals: 2 },
    message: 'Strategic signals: {signal_count} of the {min_signals} needed ({signals}): the sales team handles it.',
    change: 'Make the deal strategic: the CEO joins only with at least {min_signals} strategic signals, and it has {signal_count}.',
  },
  {
    // First of the waits: until the follow-on is assessed, whether the deal is worth the CEO's time is not known.
    id: 'follow-on-unknown',
    effect: 'wait',
    description: 'The head of sales assesses the follow-on potential before the CEO is considered.',
    when: { fact: 'follow_on.potential', op: 'eq', value: 'unknown' },
    message: 'Nobody has assessed the follow-on potential yet: the head of sales must assess it before the CEO can be considered.',
    change: 'Assess the follow-on potential: the CEO can join only if more business can follow this sale (possible, likely or committed).',
  },
  {
    id: 'too-early',
    effect: 'wait',
    description: 'The CEO comes in at the right stage, not at the first presentation.',
    when: { fact: 'stage', op: 'not_in', value: { param: 'join_stages' } },
    message: 'The deal is at {stage}: bring the CEO in at one of these stages: {join_stages}.',
    change: 'Move the deal on to a stage where the CEO comes in ({join_stages}); it is at {stage}.',
  },
  {
    id: 'brief-incomplete',
    effect: 'wait',
    description: 'The head of sales briefs the CEO first: history, stakeholders, questions to expect, objective.',
    when: { fact: 'brief_missing', op: 'not_empty' },
    message: 'The brief lacks {brief_missing}: the head of sales briefs the CEO before the CEO joins.',
    change: "Complete the CEO's brief by adding what it lacks: {brief_missing}.",
  },
  {
    id: 'large-deal',
    effect: 'signal',
    description: 'Potential value at or above strategic_value.',
    when: { fact: 'potential_value', op: 'gte', value: { param: 'strategic_value' } },
    message: 'Large deal: the potential value, {potential_value}, is at least {strategic_value}.',
  },
  {
    id: 'follow-on-likely',
    effect: 'signal',
    description: 'Follow-on potential likely or committed.',
    when: { fact: 'follow_on.potential', op: 'in', value: ['likely', 'committed'] },
    message: 'Follow-on is {follow_on.potential}.',
  },
  {
    id: 'prospect-much-larger',
    effect: 'signal',
    description: 'The prospect is at least much_larger_ratio times our size.',
    when: { fact: 'size_ratio', op: 'gte', value: { param: 'much_larger_ratio' } },
    message: 'The prospect is {size_ratio} our size (much larger from {much_larger_ratio}).',
  },
  {
    id: 'strategic-logo',
    effect: 'signal',
    description: 'A name that opens a market or serves as a reference.',
    when: { fact: 'strategic_logo', op: 'eq', value: true },
    message: '{account.name} is a strategic logo: it opens a market or serves as a reference.',
  },
  {
    id: 'competitive-threat',
    effect: 'signal',
    description: 'A high competitive threat.',
    when: { fact: 'competition.threat', op: 'eq', value: 'high' },
    message: 'The competitive threat is high: a competitor could take the deal.',
  },
  {
    id: 'close',
    effect: 'role',
    description: 'Close the deal when it is in negotiation.',
    when: { fact: 'stage', op: 'eq', value: 'negotiation' },
    message: 'Close: the deal is in negotiation; ask for the commitment.',
  },
  {
    id: 'reassure',
    effect: 'role',
    description: 'Reassure a prospect much larger than us (the prospect-much-larger signal), or one with open issues.',
    when: {
      any: [
        { fact: 'prospect_much_larger', op: 'eq', value: true },
        { fact: 'open_issues', op: 'not_empty' },
      ],
    },
    items: 'open_issues',
    // One message for each case the rule fires in: the size, the open issues, or both.
    message:
      'Reassure {account.name}{?prospect_much_larger: that a company our size can serve them (they are {size_ratio} our size)}{?prospect_much_larger,open_issues:, and}{?open_issues: on the open issues: {open_issues}}.',
  },
  {
    id: 'say-no',
    effect: 'role',
    description: 'Say no to the asks our position on is no.',
    when: { fact: 'asks_no', op: 'not_empty' },
    items: 'asks_no',
    message: 'Say no to: {asks_no}.',
  },
  {
    id: 'grant-exception',
    effect: 'role',
    description: "Decide the exceptions only the CEO's authority can grant.",
    when: { fact: 'asks_exception', op: 'not_empty' },
    items: 'asks_exception',
    message: 'Decide the exceptions only the CEO can grant: {asks_exception}.',
  },
  {
    id: 'commit',
    effect: 'role',
    description: "Show commitment to the customer's success (always).",
    message: 'Commit: show {account.name} that we are committed to their success{?objective:, starting with the objective: {objective}}.',
  },
  // Findings: what `check` reports about a deal file (§8). They run after the verdict is known.
  {
    id: 'ceo-requested-on-declined',
    effect: 'finding',
    severity: 'error',
    description: 'The CEO is requested on a deal the policy declines.',
    when: {
      all: [
        { fact: 'ceo.requested', op: 'eq', value: true },
        { fact: 'verdict', op: 'eq', value: 'decline' },
      ],
    },
    at: 'ceo.requested',
    message: 'The CEO is requested, but the policy declines this deal. {decision_reason} (rule {decided_by})',
  },
  {
    id: 'ceo-brief-incomplete',
    effect: 'finding',
    severity: 'warning',
    description: 'The CEO is requested, but the brief lacks history, stakeholders, questions or objective.',
    when: {
      all: [
        { fact: 'ceo.requested', op: 'eq', value: true },
        // A declined deal already gets ceo-requested-on-declined; one problem is enough.
        { fact: 'verdict', op: 'ne', value: 'decline' },
        { fact: 'brief_missing', op: 'not_empty' },
      ],
    },
    at: 'ceo.requested',
    message: 'The CEO is requested, but the brief lacks {brief_missing}: brief the CEO before the CEO joins.',
  },
  {
    id: 'ceo-requested-too-early',
    effect: 'finding',
    severity: 'warning',
    description: 'The CEO is requested on a deal the policy says should wait (a wait for the brief alone is ceo-brief-incomplete).',
    when: {
      all: [
        { fact: 'ceo.requested', op: 'eq', value: true },
        { fact: 'verdict', op: 'eq', value: 'wait' },
        // Waiting only for the brief is ceo-brief-incomplete's problem: one cause, one problem.
        { fact: 'decided_by', op: 'ne', value: 'brief-incomplete' },
      ],
    },
    at: 'ceo.requested',
    message: 'The CEO is requested too early: the policy says to wait. {decision_reason} (rule {decided_by})',
  },
  // Dates (PRODUCT.md §10): against today, which --today fixes.
  {
    id: 'close-date-passed',
    effect: 'finding',
    severity: 'warning',
    description: 'An open deal (not closed-won or closed-lost) whose close date is before today.',
    when: {
      all: [
        { fact: 'close_date', op: 'before', value: 'today' },
        { fact: 'stage', op: 'not_in', value: ['closed-won', 'closed-lost'] },
      ],
    },
    at: 'close_date',
    message: 'The close date, {close_date}, has passed and the deal is still open, at the {stage} stage: set a new close date, or close the deal as won or lost.',
  },
  {
    id: 'next-meeting-past',
    effect: 'finding',
    severity: 'warning',
    description: 'A deal the CEO joins with no next meeting ahead: its next meeting is past, or not set.',
    when: {
      all: [
        { fact: 'verdict', op: 'eq', value: 'join' },
        {
          any: [
            { fact: 'next_meeting.date', op: 'missing' },
            { fact: 'next_meeting.date', op: 'before', value: 'today' },
          ],
        },
      ],
    },
    at: 'next_meeting.date',
    message: 'The CEO joins this deal, but its next meeting is {next_meeting.date}: agree a meeting with {account.name} and record it under next_meeting.',
  },
  // The CEO's override (PRODUCT.md §14): once past its until day it no longer applies, and says so.
  {
    id: 'override-expired',
    effect: 'finding',
    severity: 'error',
    description: "The CEO's override (ceo.override) ended before today: the policy's verdict applies again.",
    when: { fact: 'ceo.override.until', op: 'before', value: 'today' },
    at: 'ceo.override.until',
    message:
      "The override by {ceo.override.by} ({ceo.override.verdict}) ended on {ceo.override.until}, so the policy's verdict, {verdict}, applies again: decide again and set a new until date, or remove the override.",
  },
] as const satisfies readonly BuiltInRule[];

export type BuiltInRuleId = (typeof BUILT_IN_RULES)[number]['id'];
export const BUILT_IN_RULE_IDS: readonly string[] = BUILT_IN_RULES.map((rule) => rule.id);
