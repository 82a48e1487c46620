import { describe, expect, it } from 'vitest';
import { evaluateRankings, ndcgAtK, precisionAtK, rankingMetrics, recallAtK, reciprocalRank } from './metrics';
import { buildIndex, evaluatePersonas } from './index';
import { meters, persona, svc } from './testkit';

describe('ranking metrics (hand-computed)', () => {
  const ranked = ['a', 'x', 'b', 'y', 'z'];
  const rel = new Set(['a', 'b', 'c']);
  it('precision@k and recall@k', () => {
    expect(precisionAtK(ranked, rel, 2)).toBe(0.5);
    expect(precisionAtK(ranked, rel, 5)).toBe(0.4);
    expect(recallAtK(ranked, rel, 3)).toBeCloseTo(2 / 3);
    expect(precisionAtK([], rel, 3)).toBe(0);
    expect(recallAtK(ranked, new Set(), 3)).toBe(0);
  });
  it('nDCG@k with binary gains', () => {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal (3 relevant, k=5) = 1 + 1/log2(3) + 1/2.
    expect(ndcgAtK(ranked, rel, 5)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3) + 0.5), 10);
    expect(ndcgAtK(['a', 'b', 'c'], rel, 3)).toBeCloseTo(1, 10);
  });
  it('MRR', () => {
    expect(reciprocalRank(ranked, rel)).toBe(1);
    expect(reciprocalRank(['x', 'y', 'b'], rel)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x'], rel)).toBe(0);
  });
  it('averages per case and overall, skipping cases with nothing expected', () => {
    const r = evaluateRankings(
      [
        { id: 'p1', ranked: ['a', 'b'], relevant: ['a'] },
        { id: 'p2', ranked: ['a', 'b'], relevant: ['b'] },
        { id: 'p3', ranked: ['a'], relevant: [] },
      ],
      2,
    );
    expect(r.cases.map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(r.overall).toEqual({ precision: 0.5, recall: 1, ndcg: (1 + 1 / Math.log2(3)) / 2, mrr: 0.75, cases: 2 });
    expect(rankingMetrics(['a'], ['a'], 1)).toEqual({ precision: 1, recall: 1, ndcg: 1, mrr: 1 });
  });
});

describe('evaluatePersonas', () => {
  it('scores each persona’s recommendations against its expected services', () => {
    const lab = { housing: 1, finance: 0 };
    const index = buildIndex([svc('h', 'Asunto', { meterAffinities: lab }), svc('f', 'Velka', { meterAffinities: { finance: 1, housing: 0 } })], []);
    const ps = [
      persona('p1', { meters: meters(10, { housing: 0 }), expectedServices: ['h'] }),
      persona('p2', { meters: meters(10, { finance: 0 }), expectedServices: ['h'] }),
    ];
    const r = evaluatePersonas(index, ps, [], 1);
    expect(r.cases.map((c) => [c.id, c.precision])).toEqual([
      ['p1', 1],
      ['p2', 0],
    ]);
  });
});
