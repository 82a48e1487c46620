/**
 * Smallest set of organisations whose services together cover a persona's covered needs
 * ("counters to visit"). Exact branch and bound when few candidates remain after removing
 * dominated ones; greedy beyond, with the guarantee it carries stated.
 */

/** One candidate: an organisation and the elements (need ids) it covers. */
export interface CoverCandidate {
  id: string;
  covers: readonly string[];
}

/** The chosen organisations, how they were found and how far from optimal they can be. */
export interface CoverResult {
  chosen: string[];
  method: 'exact' | 'greedy';
  /** Candidates left after removing dominated ones. */
  candidates: number;
  /** The optimum is at least this many (equals chosen.length when exact). */
  lowerBound: number;
  /** Greedy guarantee: chosen ≤ ratio × optimum, ratio = H(largest set) = 1 + 1/2 + … + 1/d. */
  ratio: number;
}

const harmonic = (d: number) => {
  let h = 0;
  for (let i = 1; i <= d; i++) h += 1 / i;
  return h;
};

const popcount = (x: bigint) => {
  let c = 0;
  while (x) {
    x &= x - 1n;
    c++;
  }
  return c;
};

/** Minimum set cover: exact when at most `exactLimit` undominated candidates remain, else greedy with its bound. */
export function minimumCover(candidates: readonly CoverCandidate[], exactLimit = 20): CoverResult {
  const elements = [...new Set(candidates.flatMap((c) => c.covers))].sort();
  const bit = new Map(elements.map((e, i) => [e, 1n << BigInt(i)]));
  let sets = candidates
    .map((c) => ({ id: c.id, mask: c.covers.reduce((m, e) => m | bit.get(e)!, 0n) }))
    .filter((c) => c.mask !== 0n)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // A candidate whose needs another candidate also covers can be dropped without losing optimality.
  sets = sets.filter((c, i) => !sets.some((o, j) => j !== i && (c.mask & o.mask) === c.mask && (o.mask !== c.mask || j < i)));
  const universe = sets.reduce((m, c) => m | c.mask, 0n);
  const maxSize = Math.max(0, ...sets.map((c) => popcount(c.mask)));
  const ratio = harmonic(maxSize);
  if (universe === 0n) return { chosen: [], method: 'exact', candidates: 0, lowerBound: 0, ratio: 1 };

  const greedy = (): string[] => {
    let left = universe;
    const out: string[] = [];
    while (left) {
      let best = -1;
      let bestGain = 0;
      sets.forEach((c, i) => {
        const g = popcount(c.mask & left);
        if (g > bestGain) {
          bestGain = g;
          best = i;
        }
      });
      out.push(sets[best].id);
      left &= ~sets[best].mask;
    }
    return out;
  };
  const g = greedy();
  if (sets.length > exactLimit) {
    return {
      chosen: [...g].sort(),
      method: 'greedy',
      candidates: sets.length,
      lowerBound: Math.ceil(g.length / ratio - 1e-9),
      ratio,
    };
  }

  // Branch on the uncovered element with the fewest candidates; bound by the largest set size.
  let best = g.map((id) => sets.findIndex((s) => s.id === id));
  const coversOf = elements.map((e) => sets.map((s, i) => ((s.mask & bit.get(e)!) !== 0n ? i : -1)).filter((i) => i >= 0));
  const search = (left: bigint, chosen: number[]) => {
    if (!left) {
      if (chosen.length < best.length) best = [...chosen];
      return;
    }
    const maxGain = Math.max(...sets.map((s) => popcount(s.mask & left)));
    if (chosen.length + Math.ceil(popcount(left) / maxGain) >= best.length) return;
    let pick = -1;
    let fewest = Infinity;
    elements.forEach((e, i) => {
      if ((left & bit.get(e)!) === 0n) return;
      if (coversOf[i].length < fewest) {
        fewest = coversOf[i].length;
        pick = i;
      }
    });
    const options = [...coversOf[pick]].sort((a, b) => popcount(sets[b].mask & left) - popcount(sets[a].mask & left) || a - b);
    for (const i of options) {
      chosen.push(i);
      search(left & ~sets[i].mask, chosen);
      chosen.pop();
    }
  };
  search(universe, []);
  const chosen = best.map((i) => sets[i].id).sort();
  return { chosen, method: 'exact', candidates: sets.length, lowerBound: chosen.length, ratio: 1 };
}
