/**
 * Likert summaries of 1–5 survey questions with a "cannot say" option, and the layout of a
 * diverging stacked bar (disagreement left of zero, agreement right, the neutral middle split
 * across zero, the Likert convention).
 */

export const LIKERT_OPTIONS = [1, 2, 3, 4, 5] as const;
export type LikertOption = (typeof LIKERT_OPTIONS)[number];

/** Answer counts of one question: per scale option, plus "cannot say". */
export interface LikertCounts {
  counts: Readonly<Record<LikertOption, number>>;
  cannotSay: number;
}

export interface LikertSummary {
  /** Everyone who answered the question, "cannot say" included. */
  n: number;
  /** Those who chose a point on the scale (n − cannot say). */
  nScale: number;
  cannotSay: number;
  /** Mean of the scale answers, "cannot say" left out; null when nobody chose a point. */
  mean: number | null;
  /** Share of 4–5 among the scale answers; null when nobody chose a point. */
  shareAgree: number | null;
  /** Share of 1–2 among the scale answers; null when nobody chose a point. */
  shareDisagree: number | null;
  /** Share of each option among all n answers (cannot say included), for the bar. */
  shares: Record<LikertOption | 'cannotSay', number>;
}

/** Counts answers given as numbers 1–5, or null / undefined for "cannot say". Throws on a value outside the scale. */
export function countLikert(answers: ReadonlyArray<number | null | undefined>): LikertCounts {
  const counts: Record<LikertOption, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let cannotSay = 0;
  for (const a of answers) {
    if (a === null || a === undefined) cannotSay++;
    else if (Number.isInteger(a) && a >= 1 && a <= 5) counts[a as LikertOption]++;
    else throw new RangeError(`Not on the 1–5 scale: ${a}`);
  }
  return { counts, cannotSay };
}

/** N, mean without "cannot say", share of 4–5 and each option's share of all answers. */
export function summariseLikert(c: LikertCounts): LikertSummary {
  const nScale = LIKERT_OPTIONS.reduce((s, o) => s + c.counts[o], 0);
  const n = nScale + c.cannotSay;
  const sum = LIKERT_OPTIONS.reduce((s, o) => s + o * c.counts[o], 0);
  const share = (x: number) => (n === 0 ? 0 : x / n);
  return {
    n,
    nScale,
    cannotSay: c.cannotSay,
    mean: nScale === 0 ? null : sum / nScale,
    shareAgree: nScale === 0 ? null : (c.counts[4] + c.counts[5]) / nScale,
    shareDisagree: nScale === 0 ? null : (c.counts[1] + c.counts[2]) / nScale,
    shares: { 1: share(c.counts[1]), 2: share(c.counts[2]), 3: share(c.counts[3]), 4: share(c.counts[4]), 5: share(c.counts[5]), cannotSay: share(c.cannotSay) },
  };
}

/** One segment of a diverging bar, in shares of the scale answers: [start, end) around zero. */
export interface DivergingSegment {
  option: LikertOption;
  start: number;
  end: number;
}

/**
 * Segments of a diverging stacked bar over the scale answers: 1 and 2 left of zero, half of 3 on
 * each side, 4 and 5 right. "Cannot say" stays out of the bar and is shown beside it with N.
 */
export function divergingSegments(c: LikertCounts): DivergingSegment[] {
  const nScale = LIKERT_OPTIONS.reduce((s, o) => s + c.counts[o], 0);
  if (nScale === 0) return [];
  const p = (o: LikertOption) => c.counts[o] / nScale;
  const half3 = p(3) / 2;
  const left2 = -half3 - p(2);
  const left1 = left2 - p(1);
  return [
    { option: 1, start: left1, end: left2 },
    { option: 2, start: left2, end: -half3 },
    { option: 3, start: -half3, end: half3 },
    { option: 4, start: half3, end: half3 + p(4) },
    { option: 5, start: half3 + p(4), end: half3 + p(4) + p(5) },
  ];
}
