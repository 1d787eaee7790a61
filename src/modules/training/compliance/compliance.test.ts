import { describe, expect, it } from 'vitest';
import { splitLearners } from '../requests/requests.rules.ts';
import { firstAidersRequired } from './compliance.rules.ts';

describe('first-aiders required by TT 19/2016', () => {
  it('strict-OSH workplaces need one per 100 workers started', () => {
    expect(firstAidersRequired(1, true)).toBe(1);
    expect(firstAidersRequired(100, true)).toBe(1);
    expect(firstAidersRequired(101, true)).toBe(2);
    expect(firstAidersRequired(450, true)).toBe(5);
  });

  it('other workplaces need one below 200, then one more per 150 started', () => {
    expect(firstAidersRequired(0, false)).toBe(0);
    expect(firstAidersRequired(1, false)).toBe(1);
    expect(firstAidersRequired(199, false)).toBe(1);
    expect(firstAidersRequired(200, false)).toBe(2);
    expect(firstAidersRequired(349, false)).toBe(2);
    expect(firstAidersRequired(350, false)).toBe(3);
    expect(firstAidersRequired(1000, false)).toBe(7);
  });
});

describe('splitting a request into classes', () => {
  it('makes the fewest classes within the size, spread evenly', () => {
    expect(splitLearners(120, 30)).toEqual([30, 30, 30, 30]);
    expect(splitLearners(61, 30)).toEqual([21, 20, 20]);
    expect(splitLearners(5, 30)).toEqual([5]);
  });
});
