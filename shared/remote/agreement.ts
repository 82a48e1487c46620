/**
 * Agreement of two ranked top-k lists (the built-in recommender's and a remote one's).
 *
 * overlap@k = |A_k ∩ B_k| / max(|A_k|, |B_k|), which is |A_k ∩ B_k| / k when both lists reach k
 * (1 when neither list has anything: they agree on nothing to recommend).
 *
 * Rank correlation: Kendall's τ_b over the union U of the two top-k lists. An item absent from a
 * list gets rank k + 1 there (all absent items tie), which is why τ_b (with its tie correction)
 * and not τ_a is used:
 *
 *   τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂)),  n₀ = |U|(|U| − 1)/2,
 *
 * C / D the concordant / discordant pairs, n₁ / n₂ the pairs tied in A / in B. It is null when
 * undefined (fewer than two items, or every item tied in one list).
 */

/** Share of the top k the two lists have in common. */
export function overlapAtK(a: readonly string[], b: readonly string[], k: number): number {
  const ak = a.slice(0, k);
  const bk = new Set(b.slice(0, k));
  const size = Math.max(ak.length, bk.size);
  if (!size) return 1;
  return ak.filter((x) => bk.has(x)).length / size;
}

/** Kendall's τ_b of the two top-k lists, absent items at rank k + 1 (see the module comment); null when undefined. */
export function kendallTauB(a: readonly string[], b: readonly string[], k: number): number | null {
  const ak = a.slice(0, k);
  const bk = b.slice(0, k);
  const union = [...new Set([...ak, ...bk])];
  const n = union.length;
  if (n < 2) return null;
  const rank = (list: readonly string[]) => {
    const pos = new Map(list.map((x, i) => [x, i + 1]));
    return union.map((x) => pos.get(x) ?? k + 1);
  };
  const ra = rank(ak);
  const rb = rank(bk);
  let c = 0;
  let d = 0;
  let tiesA = 0;
  let tiesB = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const da = Math.sign(ra[i] - ra[j]);
      const db = Math.sign(rb[i] - rb[j]);
      if (da === 0) tiesA++;
      if (db === 0) tiesB++;
      if (da === 0 || db === 0) continue;
      if (da === db) c++;
      else d++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const denom = Math.sqrt((n0 - tiesA) * (n0 - tiesB));
  return denom === 0 ? null : (c - d) / denom;
}

/** Items of `a`'s top k that are not in `b`'s top k, in `a`'s order. */
export function onlyIn(a: readonly string[], b: readonly string[], k: number): string[] {
  const bk = new Set(b.slice(0, k));
  return a.slice(0, k).filter((x) => !bk.has(x));
}
