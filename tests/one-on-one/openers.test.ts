// The openers bank, reviewed for tone as data: enough of them, each once, both kinds and every
// direction, phrased as an invitation, nothing that pries; and the rotation that keeps an opener
// from coming back within 12 meetings.

import { describe, expect, it } from 'vitest';
import { OPENERS, OPENERS_NOT_REPEATED_FOR, openersFor } from '../../src/one-on-one/openers.js';

describe('the openers bank', () => {
  it('holds 30 to 40 openers, each id and text once', () => {
    expect(OPENERS.length).toBeGreaterThanOrEqual(30);
    expect(OPENERS.length).toBeLessThanOrEqual(40);
    expect(new Set(OPENERS.map((o) => o.id)).size).toBe(OPENERS.length);
    expect(new Set(OPENERS.map((o) => o.text)).size).toBe(OPENERS.length);
  });

  it.each(['ceo-to-hos', 'hos-to-ceo', 'both'] as const)('has professional and personal openers %s', (direction) => {
    const lane = OPENERS.filter((o) => o.direction === direction);
    expect(lane.filter((o) => o.kind === 'professional').length).toBeGreaterThanOrEqual(5);
    expect(lane.filter((o) => o.kind === 'personal').length).toBeGreaterThanOrEqual(5);
  });

  it.each(OPENERS.map((o) => [o.id, o.text] as const))('%s is a short, open question, and does not pry', (id, text) => {
    expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(text).toMatch(/^[A-Z].*[?.]$/);
    expect(text.length).toBeLessThanOrEqual(130);
    // Nothing about health, money, relationships, religion or politics: the person decides how personal to get.
    expect(text).not.toMatch(/\b(health|ill|sick|doctor|salary|money|debt|divorce|marri|partner|spouse|girlfriend|boyfriend|weight|diet|drink|therapy|religio|politic|vote|age)\b/i);
    // And nothing about the pipeline: that is the review's.
    expect(text).not.toMatch(/\b(deal|pipeline|forecast|quota|revenue|verdict)s?\b/i);
  });
});

describe('openersFor', () => {
  it('gives one opener of each direction, both kinds, for every meeting', () => {
    for (let meeting = 0; meeting < 60; meeting++) {
      const set = openersFor(meeting);
      expect(set.map((o) => o.direction)).toEqual(['ceo-to-hos', 'hos-to-ceo', 'both']);
      expect(new Set(set.map((o) => o.kind))).toEqual(new Set(['professional', 'personal']));
    }
  });

  it(`shows no opener twice within ${OPENERS_NOT_REPEATED_FOR} meetings, and every opener in time`, () => {
    expect(OPENERS_NOT_REPEATED_FOR).toBe(12);
    for (let start = 0; start < 48; start++) {
      const window = Array.from({ length: OPENERS_NOT_REPEATED_FOR }, (_, i) => openersFor(start + i)).flat().map((o) => o.id);
      expect(new Set(window).size).toBe(window.length);
      expect(new Set(window).size).toBe(OPENERS.length);
    }
  });
});
