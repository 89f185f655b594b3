// The policy's parameters (PRODUCT.md §4) with their defaults, and how each reads in messages.

import type { Stage } from '../schema/deal.js';

export interface PolicyParams {
  small_deal_below: number;
  strategic_value: number;
  much_larger_ratio: number;
  max_uncompensated_custom_days: number;
  join_stages: Stage[];
  ceo_capacity: number;
  /** Days without a history event after which `review` calls an open deal stale. */
  stale_days: number;
}

export const DEFAULT_POLICY: Readonly<PolicyParams> = Object.freeze({
  small_deal_below: 100_000,
  strategic_value: 250_000,
  much_larger_ratio: 10,
  max_uncompensated_custom_days: 10,
  join_stages: ['proposal', 'negotiation'] as Stage[],
  ceo_capacity: 3,
  stale_days: 21,
});
