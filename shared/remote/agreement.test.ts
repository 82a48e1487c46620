import { describe, expect, it } from 'vitest';
import { kendallTauB, onlyIn, overlapAtK } from './agreement';
import { recommendServiceBody, targetGroupsForAge } from './request';

describe('agreement of two top-k lists', () => {
  it('overlap@k is the share of the top k in common, over the longer list when lists are short', () => {
    expect(overlapAtK(['a', 'b', 'c', 'd'], ['d', 'c', 'x', 'y'], 4)).toBe(0.5);
    expect(overlapAtK(['a', 'b', 'c', 'd'], ['d', 'c', 'x', 'y'], 2)).toBe(0);
    expect(overlapAtK(['a', 'b'], ['b', 'a', 'c'], 10)).toBeCloseTo(2 / 3, 12);
    expect(overlapAtK([], [], 5)).toBe(1);
  });

  it("Kendall's τ_b: identical lists 1, reversed −1, absent items tied at rank k + 1 (worked by hand)", () => {
    expect(kendallTauB(['a', 'b', 'c'], ['a', 'b', 'c'], 3)).toBe(1);
    expect(kendallTauB(['a', 'b', 'c'], ['c', 'b', 'a'], 3)).toBe(-1);
    // U = {a, b, c, x}; A ranks a1 b2 c3 x4(absent); B ranks a1 x2 b3 c4(absent), k = 3 so absent = 4.
    // pairs: ab C, ac C, ax C, bc C (A 2<3, B 3<4), bx D (A 2<4, B 3>2), cx D (A 3<4, B 4>2).
    // C = 4, D = 2, no ties → (4 − 2) / 6 = 1/3.
    expect(kendallTauB(['a', 'b', 'c'], ['a', 'x', 'b'], 3)).toBeCloseTo(1 / 3, 12);
    // Disjoint lists: A ranks a1 b2 x3 y3, B ranks x1 y2 a3 b3 (k = 2: absent rank 3).
    // ab tied in B, xy tied in A (neither counts); ax, ay, bx, by all discordant. C = 0, D = 4,
    // n0 = 6, n1 = 1, n2 = 1 → −4 / 5.
    expect(kendallTauB(['a', 'b'], ['x', 'y'], 2)).toBeCloseTo(-4 / 5, 12);
    expect(kendallTauB(['a'], ['a'], 1)).toBeNull();
  });

  it('onlyIn lists what one top k has and the other lacks, in order', () => {
    expect(onlyIn(['a', 'b', 'c', 'd'], ['c', 'z', 'a'], 3)).toEqual(['b']);
  });
});

describe('request bodies', () => {
  const opts = { limit: 7, area: 'region' as const, includeNational: false, targetGroupsFromAge: true, funding: ['PubliclyFunded' as const] };
  it('carry rounded meters and the filters, nothing else', () => {
    const body = recommendServiceBody({ meters: { health: 3.6, housing: 0 }, municipality: '564', ageMin: 16, ageMax: 19 }, opts, () => ({ region: '17', county: '13' }));
    expect(body).toEqual({
      life_situation_meters: { health: [4], housing: [0] },
      service_filters: { region_codes: ['17'], include_national_services: false, target_groups: ['KR1.2', 'KR1.3', 'KR1.4', 'KR1.5', 'KR1.6'], funding_type: ['PubliclyFunded'] },
      limit: 7,
    });
  });
  it('target groups follow the age range', () => {
    expect(targetGroupsForAge(70, 80)).toEqual(['KR1.1', 'KR1.4', 'KR1.5', 'KR1.6']);
    expect(targetGroupsForAge(30, 40)).toEqual(['KR1.2', 'KR1.4', 'KR1.5', 'KR1.6']);
  });
});
