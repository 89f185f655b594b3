// The review's pure core and formats, without files or git: the boundaries of its counts (medians,
// the small-sample line, capacity, the stale threshold), the optional cadence line every format
// prints when given (the one-on-one's, added at merge), and currencies that are not added up.

import { describe, expect, it } from 'vitest';
import { decide } from '../../src/engine/decide.js';
import { plain } from '../../src/format/style.js';
import { buildReview, MIN_OUTCOME_SAMPLE, reviewFacts } from '../../src/review/model.js';
import type { ReviewDealInput } from '../../src/review/model.js';
import { REVIEW_FORMATS, reviewFormatters } from '../../src/review/format/index.js';
import { loadConfig, makeDeal } from '../engine/helpers.js';
import { TODAY } from '../helpers/paths.js';

const config = loadConfig();

function input(patch: Record<string, unknown>, file = `deals/${typeof patch.id === 'string' ? patch.id : 'base-deal'}.yaml`): ReviewDealInput {
  const deal = makeDeal(patch);
  const { verdict, reasons } = decide(deal, config, { today: TODAY });
  return { file, deal: reviewFacts(deal), verdict, reasons };
}

const closed = (id: string, won: boolean, value: number, joined?: string) =>
  input({ id, stage: won ? 'closed-won' : 'closed-lost', close_date: '2026-10-01', value: { amount: value }, history: [{ date: '2026-09-01', event: 'x' }], ...(joined ? { ceo: { joined } } : {}) });

const review = (deals: ReviewDealInput[], extra: { cadence?: string } = {}) => buildReview({ today: TODAY, config, deals, problems: [], files: deals.length, ...extra });

describe('outcomes', () => {
  it.each([
    [MIN_OUTCOME_SAMPLE - 1, false],
    [MIN_OUTCOME_SAMPLE, true],
  ])('with %i closed deals on each side, conclusive is %s', (n, conclusive) => {
    const deals = Array.from({ length: n }, (_v, i) => [closed(`w${i}`, true, 100_000, '2026-09-10'), closed(`o${i}`, i % 2 === 0, 100_000)]).flat();
    expect(review(deals).outcomes.conclusive).toBe(conclusive);
  });

  it('takes the median of an odd and an even count, and has none without a closed deal', () => {
    const odd = review([closed('a', true, 100_000), closed('b', false, 300_000), closed('c', true, 200_000)]).outcomes.without_ceo;
    expect(odd).toMatchObject({ closed: 3, won: 2, lost: 1, win_rate: 0.6667, median_potential_value: 200_000, median_cycle_days: 30 });
    const even = review([closed('a', true, 100_000, '2026-09-02'), closed('b', false, 300_000, '2026-09-02')]).outcomes;
    expect(even.with_ceo.median_potential_value).toBe(200_000);
    expect(even.without_ceo).toMatchObject({ closed: 0, win_rate: null, median_potential_value: null, median_cycle_days: null });
  });

  it('leaves deals in another currency out of the median value, and says so', () => {
    const deals = [closed('a', true, 100_000), input({ id: 'eur', stage: 'closed-won', value: { amount: 900_000, currency: 'EUR' } })];
    const { outcomes } = review(deals);
    expect(outcomes).toMatchObject({ other_currency: 1, without_ceo: { closed: 2, median_potential_value: 100_000 } });
    expect(reviewFormatters.text(review(deals), plain)).toContain('1 closed deal in another currency than USD count in the win rates');
  });
});

describe('risks at their thresholds', () => {
  it.each([
    ['2026-11-10', false],
    ['2026-11-09', true],
  ])('a last event on %s (policy.stale_days 21) is stale: %s', (date, stale) => {
    const { risks } = review([input({ id: 'd', history: [{ date, event: 'Call' }] })]);
    expect(risks.some((risk) => risk.kind === 'stale')).toBe(stale);
  });

  it('a close date today has not passed; yesterday has', () => {
    expect(review([input({ id: 'd', close_date: TODAY })]).risks.map((r) => r.kind)).not.toContain('close-date-passed');
    expect(review([input({ id: 'd', close_date: '2026-11-30' })]).risks.map((r) => r.kind)).toContain('close-date-passed');
  });
});

describe('the cadence line', () => {
  it.each(REVIEW_FORMATS)('%s prints it when given, and nothing in its place when not', (format) => {
    const deals = [input({ id: 'd' })];
    const cadence = 'One-on-one: Mondays 09:00, last met 2026-11-24';
    expect(reviewFormatters[format](review(deals, { cadence }), plain)).toContain(cadence);
    expect(reviewFormatters[format](review(deals), plain)).not.toContain('One-on-one');
  });
});
