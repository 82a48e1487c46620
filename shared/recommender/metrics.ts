/** Ranking quality against expected services: precision@k, recall@k, nDCG@k and MRR. */

/** Share of the first k ranked items that are relevant (divides by k, or by fewer if fewer were ranked). */
export function precisionAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const top = ranked.slice(0, k);
  if (!top.length) return 0;
  return top.filter((id) => relevant.has(id)).length / top.length;
}

/** Share of the relevant items found in the first k. */
export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (!relevant.size) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/** Normalised discounted cumulative gain at k with binary relevance (log2 discount). */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal ? dcg / ideal : 0;
}

/** Reciprocal rank of the first relevant item (0 when none is ranked). */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

/** The four figures for one ranked list. */
export interface RankingMetrics {
  precision: number;
  recall: number;
  ndcg: number;
  mrr: number;
}

/** All four figures for one ranked list against its relevant set. */
export function rankingMetrics(ranked: readonly string[], relevant: Iterable<string>, k: number): RankingMetrics {
  const rel = new Set(relevant);
  return {
    precision: precisionAtK(ranked, rel, k),
    recall: recallAtK(ranked, rel, k),
    ndcg: ndcgAtK(ranked, rel, k),
    mrr: reciprocalRank(ranked, rel),
  };
}

/** Per-case figures and their macro average; cases without any relevant item are left out of the average. */
export interface EvaluationResult {
  k: number;
  cases: ({ id: string; relevant: number } & RankingMetrics)[];
  overall: RankingMetrics & { cases: number };
}

/** Evaluates ranked lists (e.g. one per persona) against expected items (e.g. persona.expectedServices). */
export function evaluateRankings(
  cases: readonly { id: string; ranked: readonly string[]; relevant: readonly string[] }[],
  k: number,
): EvaluationResult {
  const out: EvaluationResult['cases'] = [];
  for (const c of cases) {
    if (!c.relevant.length) continue;
    out.push({ id: c.id, relevant: new Set(c.relevant).size, ...rankingMetrics(c.ranked, c.relevant, k) });
  }
  const avg = (f: keyof RankingMetrics) => (out.length ? out.reduce((s, c) => s + c[f], 0) / out.length : 0);
  return {
    k,
    cases: out,
    overall: { precision: avg('precision'), recall: avg('recall'), ndcg: avg('ndcg'), mrr: avg('mrr'), cases: out.length },
  };
}
