/**
 * Meter-affinity inference for services nobody labelled: one regularised logistic regression per
 * meter over word stems, character n-grams (Finnish compounds and inflection) and classification
 * codes, started from the built-in prior and trained on the workspace's labelled services.
 * Deterministic: fixed feature order, seeded example order.
 */
import { METERS, type Service } from '../model';
import { codePrefixes, FIELD_DESCRIPTION, FIELD_KEYWORD, FIELD_NAME, type Word } from './features';
import { codeWeight, METER_PRIOR, priorHitsForToken } from './prior';
import { charGrams, tokenize } from './text';
import { seededRandom } from '../util/random';

const M = METERS.length;

/**
 * Knobs of the inference model. The defaults (l2, positive and excluded weights) were picked
 * from a small grid by cross-validation on the AuroraAI sheet; halving or doubling any of them
 * moves macro precision@10 by about ±0.02, so nothing hinges on the exact values. Excluded
 * services weigh as much as labelled negatives: at 0.3 the held-out figure among labelled
 * services rose by 0.01, but among unflagged irrelevant ones (a new catalogue) it fell by 0.04.
 */
export interface InferenceOptions {
  /** Learn from labelled services of the workspace (default true). */
  learn?: boolean;
  /** Start from the built-in fi/sv/en prior (default true). */
  prior?: boolean;
  /** Character n-gram length (0 turns n-grams off). */
  gramSize?: number;
  epochs?: number;
  /** L2 penalty on word weights. */
  l2?: number;
  /** Excluded services were reviewed and judged not relevant: they count as negatives with this weight (0 = ignore). */
  excludedWeight?: number;
  /** Extra weight on positive examples, since each meter has few of them. */
  positiveWeight?: number;
  seed?: number;
  /**
   * Words the model must not learn from, such as municipality names: labelled services often
   * come from a few municipalities, and "Mikkeli" must not become evidence for a meter. A word
   * also covers its inflected forms that start with it (mikkelin, mikkelissä).
   */
  ignoreWords?: readonly string[];
}

const DEFAULTS: Required<InferenceOptions> = {
  learn: true,
  prior: true,
  gramSize: 4,
  epochs: 12,
  l2: 1e-4,
  excludedWeight: 1,
  positiveWeight: 4,
  seed: 1,
  ignoreWords: [],
};

const FIELD_WEIGHT: Record<number, number> = { [FIELD_NAME]: 2, [FIELD_KEYWORD]: 1.5, [FIELD_DESCRIPTION]: 1 };
/** Prior evidence is saturated so that many weak hints never outweigh one strong word. */
const PRIOR_SCALE = 1.2;
/** Logit of a service that the prior says nothing about, and how much full prior evidence adds. */
const BIAS0 = -3;
const PRIOR_COEF0 = 5;

/** Evidence for each meter from the built-in prior, 0..1. */
export interface PriorEvidence {
  score: Float64Array;
}

const priorScratch = new Float64Array(M);

/** Scores a service against the built-in prior: words (name counts double) plus service classes and life events. */
export function priorEvidence(words: readonly Word[], service: Pick<Service, 'serviceClasses' | 'lifeEvents'>): PriorEvidence {
  const raw = priorScratch; // every meter's slot is set below
  // Each distinct word counts once, from the field where it weighs most.
  const factor = new Map<string, number>();
  for (const w of words) {
    const f = w.field === FIELD_NAME ? 1 : w.field === FIELD_KEYWORD ? 0.8 : 0.5;
    const prev = factor.get(w.token);
    if (prev === undefined || f > prev) factor.set(w.token, f);
  }
  // Most services hit few meters: the per-meter lists are made only where a word hits.
  const hits: ([number, string][] | undefined)[] = new Array(M);
  for (const [token, f] of factor) for (const h of priorHitsForToken(token)) (hits[h.meter] ??= []).push([h.weight * f, token]);
  for (let m = 0; m < M; m++) {
    const entries = hits[m]?.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)) ?? [];
    let e = 0;
    // Repeating words on one theme adds less and less: the k-th word counts 1/k.
    entries.forEach(([v], k) => (e += v / (k + 1)));
    raw[m] = e;
  }
  METERS.forEach((meter, m) => {
    let cls = 0;
    for (const c of service.serviceClasses ?? []) {
      const w = codeWeight(c, METER_PRIOR[meter].classes);
      if (w !== undefined && Math.abs(w) > Math.abs(cls)) cls = w;
    }
    let ev = 0;
    for (const c of service.lifeEvents ?? []) {
      const w = codeWeight(c, METER_PRIOR[meter].lifeEvents);
      if (w !== undefined && w > ev) ev = w;
    }
    raw[m] += 1.5 * cls + ev;
  });
  const score = float64s.take(M);
  for (let m = 0; m < M; m++) score[m] = raw[m] <= 0 ? 0 : 1 - Math.exp(-raw[m] / PRIOR_SCALE);
  return { score };
}

/** A sparse feature vector: sorted feature ids and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Words to leave out of learning, matched with their inflected forms (a token starting with the word). */
export class WordFilter {
  private readonly words: Set<string>;
  private readonly lengths: number[];
  private readonly cache = new Map<string, boolean>();
  constructor(words: readonly string[]) {
    this.words = new Set(words.flatMap((w) => tokenize(w)).filter((w) => w.length >= 3));
    this.lengths = [...new Set([...this.words].map((w) => w.length))].sort((a, b) => a - b);
  }

  /** Whether a folded token is one of the words or starts with one. */
  has(token: string): boolean {
    if (!this.words.size) return false;
    let v = this.cache.get(token);
    if (v === undefined) {
      v = this.lengths.some((len) => len <= token.length && this.words.has(token.slice(0, len)));
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(token, v);
    }
    return v;
  }
}

/**
 * Feature names → ids, filled while services are read. Tokens repeat across a catalogue, so
 * each token's n-gram ids are computed once.
 */
export class FeatureSpace {
  readonly ids = new Map<string, number>();
  readonly isGram: boolean[] = [];
  private readonly grams = new Map<string, Int32Array>();
  private readonly stems = new Map<string, number>();
  readonly ignore: WordFilter;
  constructor(
    readonly gramSize: number,
    ignoreWords: readonly string[] = [],
  ) {
    this.ignore = new WordFilter(ignoreWords);
  }

  id(key: string, gram = false): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.isGram.push(gram);
    }
    return id;
  }

  /** Id of a word-stem feature ('w' + stem), without building the key string on every look-up. */
  stemId(stem: string): number {
    let id = this.stems.get(stem);
    if (id === undefined) {
      id = this.id('w' + stem);
      this.stems.set(stem, id);
    }
    return id;
  }

  gramIds(token: string): Int32Array {
    let g = this.grams.get(token);
    if (!g) {
      g = Int32Array.from(charGrams(token, this.gramSize).map((x) => this.id('g' + x, true)));
      this.grams.set(token, g);
    }
    return g;
  }

  /**
   * A word's features in one look-up (words are shared objects, see features.ts, so the look-up
   * is by identity): null when the word is ignored, else its stem's id and its n-gram ids. Ids are
   * given on first encounter, stem first, as a word-by-word pass would give them.
   */
  word(w: Word): WordFeatures | null {
    let f = this.words.get(w);
    if (f === undefined) {
      f = this.ignore.has(w.token) ? null : { stem: this.stemId(w.stem), grams: this.gramSize > 0 ? this.gramIds(w.token) : NO_GRAMS };
      this.words.set(w, f);
    }
    return f;
  }
  private readonly words = new Map<Word, WordFeatures | null>();
}

/** A word's feature ids in a feature space. */
interface WordFeatures {
  stem: number;
  grams: Int32Array;
}
const NO_GRAMS = new Int32Array(0);

/** Term frequencies of one service's features, before IDF weighting. */
export interface RawFeatures {
  ids: Int32Array;
  tf: Float32Array;
}

/**
 * Small typed arrays carved out of shared buffers. A build makes several per service (hundreds of
 * thousands for a region); a buffer of their own each costs the garbage collector far more than
 * the array, and most of them live as long as the build.
 */
class Arena<T extends Int32Array | Float32Array | Float64Array> {
  private chunk: T;
  private at = 0;
  constructor(
    private readonly make: (n: number) => T,
    private readonly size = 1 << 15,
  ) {
    this.chunk = make(size);
  }
  take(n: number): T {
    if (n > this.size >> 2) return this.make(n);
    if (this.at + n > this.size) {
      this.chunk = this.make(this.size);
      this.at = 0;
    }
    const view = this.chunk.subarray(this.at, this.at + n) as T;
    this.at += n;
    return view;
  }
}
const int32s = new Arena((n) => new Int32Array(n));
const float32s = new Arena((n) => new Float32Array(n));
const float64s = new Arena((n) => new Float64Array(n));

/** Dense accumulator reused across services: far cheaper than a Map per service for thousands of n-grams. */
let acc = new Float64Array(1 << 16);
/** The accumulator's non-zero slots, in the order first touched. */
let touched = new Int32Array(1 << 10);
let touchedCount = 0;

function accumulate(k: number, v: number): void {
  if (k >= acc.length) {
    const bigger = new Float64Array(Math.max(acc.length * 2, k + 1));
    bigger.set(acc);
    acc = bigger;
  }
  if (acc[k] === 0) {
    if (touchedCount === touched.length) {
      const bigger = new Int32Array(touched.length * 2);
      bigger.set(touched);
      touched = bigger;
    }
    touched[touchedCount++] = k;
  }
  acc[k] += v;
}

/** Raw (term-frequency) features of one service, before IDF weighting; ids in the order first met. */
export function rawFeatures(
  words: readonly Word[],
  service: Pick<Service, 'serviceClasses' | 'lifeEvents' | 'targetGroups' | 'ontologyTerms'>,
  space: FeatureSpace,
): RawFeatures {
  touchedCount = 0;
  for (const w of words) {
    const f = space.word(w);
    if (!f) continue;
    const fw = FIELD_WEIGHT[w.field];
    accumulate(f.stem, fw);
    for (let j = 0; j < f.grams.length; j++) accumulate(f.grams[j], fw * 0.5);
  }
  for (const c of service.serviceClasses ?? []) for (const p of codePrefixes(c)) accumulate(space.id('c' + p), 2);
  for (const c of service.lifeEvents ?? []) for (const p of codePrefixes(c)) accumulate(space.id('e' + p), 2);
  for (const c of service.targetGroups ?? []) for (const p of codePrefixes(c)) accumulate(space.id('t' + p), 1);
  for (const c of service.ontologyTerms ?? []) accumulate(space.id('o' + c), 1.5);
  const ids = int32s.take(touchedCount);
  ids.set(touched.subarray(0, touchedCount));
  const tf = float32s.take(touchedCount);
  for (let j = 0; j < touchedCount; j++) {
    tf[j] = acc[ids[j]];
    acc[ids[j]] = 0;
  }
  return { ids, tf };
}

/** The trained model: vocabulary with IDF, and weights interleaved by meter (feature × 10 + meter). */
export interface MeterModel {
  vocab: Map<string, number>;
  idf: Float32Array;
  weights: Float32Array;
  bias: Float64Array;
  priorCoef: Float64Array;
  /** Labelled examples per meter (positive, negative), for the explanation of how sure an inference is. */
  examples: { positive: number; negative: number }[];
  usePrior: boolean;
  gramSize: number;
  /** The feature space's ignore test, so explanations never cite an ignored word. */
  isIgnored: (token: string) => boolean;
}

/** A service as the trainer sees it. */
export interface TrainingDoc {
  raw: RawFeatures;
  prior: Float64Array;
  /** Known label per meter (0..1) or NaN when unknown. */
  labels: Float64Array;
  excluded: boolean;
}

/** TF-IDF vector of raw features, mapped into the model's vocabulary (ids without a place are dropped). */
export function vectorise(raw: RawFeatures, remap: Int32Array, idf: Float32Array): SparseVector {
  // Typed arrays and a dense scratch row instead of [id, value] pairs: this runs once per service.
  if (vecScratch.length < idf.length) vecScratch = new Float64Array(idf.length);
  if (vecIds.length < raw.ids.length) vecIds = new Int32Array(raw.ids.length * 2);
  let len = 0;
  let norm = 0;
  for (let j = 0; j < raw.ids.length; j++) {
    const id = remap[raw.ids[j]];
    if (id < 0) continue;
    const v = (1 + logOf(raw.tf[j])) * idf[id];
    vecScratch[id] = v;
    vecIds[len++] = id;
    norm += v * v;
  }
  const idx = int32s.take(len);
  idx.set(vecIds.subarray(0, len));
  idx.sort();
  norm = Math.sqrt(norm) || 1;
  const val = float32s.take(len);
  for (let j = 0; j < len; j++) {
    val[j] = vecScratch[idx[j]] / norm;
    vecScratch[idx[j]] = 0;
  }
  return { idx, val };
}
let vecScratch = new Float64Array(0);
let vecIds = new Int32Array(256);

/**
 * Math.log of a term frequency. Frequencies are sums of field weights (quarters: 2, 1.5, 1, 0.5 …),
 * so most are looked up in a table of the very values Math.log gives; the rest are computed.
 */
function logOf(tf: number): number {
  const quarters = tf * 4;
  return quarters < LOG_QUARTERS.length && Number.isInteger(quarters) ? LOG_QUARTERS[quarters] : Math.log(tf);
}
const LOG_QUARTERS = Float64Array.from({ length: 1024 }, (_, q) => Math.log(q / 4));


const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * SGD steps per meter at most; with many examples SGD needs fewer passes, and this keeps a
 * 22,000-service build in seconds. Small workspaces still get the full number of epochs.
 */
const STEP_BUDGET = 40_000;

/**
 * Trains the ten meter models together on the documents that carry labels; the rest only shape the vocabulary and IDF.
 * Each stage is its own small function: V8 optimises a small hot function as a whole, where one
 * long function was optimised loop by loop and thrown back to the interpreter at each new loop.
 */
export function trainMeterModel(
  docs: readonly TrainingDoc[],
  space: FeatureSpace,
  options: InferenceOptions = {},
): { model: MeterModel; vectors: SparseVector[] } {
  const o = { ...DEFAULTS, ...options };
  const { vocab, idf, remap } = vocabularyOf(docs, space);
  const vectors = docs.map((d) => vectorise(d.raw, remap, idf));
  const weights = new Float32Array(idf.length * M);
  const bias = new Float64Array(M).fill(o.prior ? BIAS0 : -2);
  const priorCoef = new Float64Array(M).fill(o.prior ? PRIOR_COEF0 : 0);
  const { ex, y, c, examples } = labelledExamples(docs, o);
  const active = examples.map((e) => o.learn && e.positive > 0);
  if (active.some(Boolean) && ex.length >= 2) sgd({ docs, vectors, ex, y, c, active, weights, bias, priorCoef }, o);
  const ignore = space.ignore;
  return {
    model: { vocab, idf, weights, bias, priorCoef, examples, usePrior: o.prior, gramSize: space.gramSize, isIgnored: (t) => ignore.has(t) },
    vectors,
  };
}

/** The model's vocabulary: features seen in the catalogue, with IDF, and the feature-space id → vocabulary id map (−1: left out). */
function vocabularyOf(docs: readonly TrainingDoc[], space: FeatureSpace): { vocab: Map<string, number>; idf: Float32Array; remap: Int32Array } {
  const n = docs.length;
  const df = new Int32Array(space.ids.size);
  for (const d of docs) for (const k of d.raw.ids) df[k]++;
  // A character n-gram seen in one service only cannot generalise; dropping it keeps large indexes small.
  const remap = new Int32Array(space.ids.size).fill(-1);
  const idfList: number[] = [];
  const vocab = new Map<string, number>();
  for (const [key, id] of space.ids) {
    if (df[id] === 0 || (df[id] < 2 && space.isGram[id])) continue;
    remap[id] = idfList.length;
    vocab.set(key, idfList.length);
    idfList.push(Math.log(1 + n / df[id]));
  }
  return { vocab, idf: Float32Array.from(idfList), remap };
}

/** Per labelled (or excluded) document and meter: +1 relevant, −1 not, 0 unknown (no gradient for that meter), with the example's weight. */
function labelledExamples(docs: readonly TrainingDoc[], o: Required<InferenceOptions>) {
  const ex: number[] = [];
  const y: Int8Array[] = [];
  const c: Float32Array[] = [];
  const examples: MeterModel['examples'] = Array.from({ length: M }, () => ({ positive: 0, negative: 0 }));
  docs.forEach((d, i) => {
    const yi = new Int8Array(M);
    const ci = new Float32Array(M);
    let any = false;
    for (let m = 0; m < M; m++) {
      const l = d.labels[m];
      if (!Number.isNaN(l)) {
        yi[m] = l >= 0.5 ? 1 : -1;
        ci[m] = l >= 0.5 ? o.positiveWeight : 1;
        if (l >= 0.5) examples[m].positive++;
        else examples[m].negative++;
        any = true;
      } else if (d.excluded && o.excludedWeight > 0) {
        yi[m] = -1;
        ci[m] = o.excludedWeight;
        any = true;
      }
    }
    if (any) {
      ex.push(i);
      y.push(yi);
      c.push(ci);
    }
  });
  return { ex, y, c, examples };
}

/** What the SGD reads and the parameters it moves (weights, bias and prior coefficients, in place). */
interface SgdState {
  docs: readonly TrainingDoc[];
  vectors: readonly SparseVector[];
  ex: readonly number[];
  y: readonly Int8Array[];
  c: readonly Float32Array[];
  active: readonly boolean[];
  weights: Float32Array;
  bias: Float64Array;
  priorCoef: Float64Array;
}

/** Seeded, shuffled SGD over the labelled examples with lazily applied L2 decay (a per-meter scale). */
function sgd(st: SgdState, o: Required<InferenceOptions>): void {
  const { ex, weights } = st;
  const rand = seededRandom(o.seed);
  const scale = new Float64Array(M).fill(1);
  const b0 = st.bias.slice();
  const beta0 = st.priorCoef.slice();
  const epochs = Math.max(3, Math.min(o.epochs, Math.ceil(STEP_BUDGET / ex.length)));
  const order = ex.map((_, k) => k);
  const scratch = { z: new Float64Array(M), step: new Float64Array(M) };
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const k of order) {
      if (sgdStep(st, o, k, t++, scale, b0, beta0, scratch)) {
        for (let m = 0; m < M; m++) {
          if (scale[m] === 1) continue;
          for (let f = m; f < weights.length; f += M) weights[f] *= scale[m];
          scale[m] = 1;
        }
      }
    }
  }
  for (let m = 0; m < M; m++) if (scale[m] !== 1) for (let f = m; f < weights.length; f += M) weights[f] *= scale[m];
}

/**
 * The ten meters' sums of weight × value over a sparse vector, into `out`, in one pass over its
 * features: a feature's ten weights sit side by side in memory, and training and inference wait on
 * memory, not on arithmetic. Each sum still adds its terms in feature order, so the numbers are
 * those of summing one meter after the other.
 */
function meterSums(weights: Float32Array, idx: Int32Array, val: Float32Array, out: Float64Array): void {
  let z0 = 0, z1 = 0, z2 = 0, z3 = 0, z4 = 0, z5 = 0, z6 = 0, z7 = 0, z8 = 0, z9 = 0;
  for (let q = 0; q < idx.length; q++) {
    const b = idx[q] * M;
    const x = val[q];
    z0 += weights[b] * x;
    z1 += weights[b + 1] * x;
    z2 += weights[b + 2] * x;
    z3 += weights[b + 3] * x;
    z4 += weights[b + 4] * x;
    z5 += weights[b + 5] * x;
    z6 += weights[b + 6] * x;
    z7 += weights[b + 7] * x;
    z8 += weights[b + 8] * x;
    z9 += weights[b + 9] * x;
  }
  out[0] = z0;
  out[1] = z1;
  out[2] = z2;
  out[3] = z3;
  out[4] = z4;
  out[5] = z5;
  out[6] = z6;
  out[7] = z7;
  out[8] = z8;
  out[9] = z9;
}

// meterSums and sgdStep are written out for the ten meters of 3X10D.
if (M !== 10) throw new Error(`The meter model's SGD step is written for 10 meters, not ${M}.`);

/** One SGD step on example k at step t; true when a scale fell so low that the weights must take it in now. */
function sgdStep(
  st: SgdState,
  o: Required<InferenceOptions>,
  k: number,
  t: number,
  scale: Float64Array,
  b0: Float64Array,
  beta0: Float64Array,
  scratch: { z: Float64Array; step: Float64Array },
): boolean {
  const { weights, bias, priorCoef, active } = st;
  const i = st.ex[k];
  const yk = st.y[k];
  const ck = st.c[k];
  const { idx, val } = st.vectors[i];
  const prior = st.docs[i].prior;
  const lambda = o.l2;
  const eta = 0.5 / (1 + lambda * t + t / (4 * st.ex.length));
  const nnz = idx.length;
  const { z, step } = scratch;
  meterSums(weights, idx, val, z);
  let renorm = false;
  let moved = false;
  for (let m = 0; m < M; m++) {
    step[m] = 0;
    if (!active[m]) continue;
    let g = 0;
    if (yk[m] !== 0) {
      const zm = bias[m] + (o.prior ? priorCoef[m] * prior[m] : 0) + scale[m] * z[m];
      g = -yk[m] * ck[m] * sigmoid(-yk[m] * zm);
    }
    scale[m] *= 1 - eta * lambda;
    if (scale[m] < 1e-6) renorm = true;
    step[m] = (eta * g) / scale[m];
    if (g !== 0) {
      bias[m] -= eta * (g + lambda * 10 * (bias[m] - b0[m]));
      if (o.prior) priorCoef[m] -= eta * (g * prior[m] + lambda * 10 * (priorCoef[m] - beta0[m]));
    }
    if (step[m] !== 0) moved = true;
  }
  if (moved) {
    const s0 = step[0], s1 = step[1], s2 = step[2], s3 = step[3], s4 = step[4], s5 = step[5], s6 = step[6], s7 = step[7], s8 = step[8], s9 = step[9];
    for (let q = 0; q < nnz; q++) {
      const b = idx[q] * M;
      const x = val[q];
      weights[b] -= s0 * x;
      weights[b + 1] -= s1 * x;
      weights[b + 2] -= s2 * x;
      weights[b + 3] -= s3 * x;
      weights[b + 4] -= s4 * x;
      weights[b + 5] -= s5 * x;
      weights[b + 6] -= s6 * x;
      weights[b + 7] -= s7 * x;
      weights[b + 8] -= s8 * x;
      weights[b + 9] -= s9 * x;
    }
  }
  return renorm;
}

/** Probability, per meter, that the service is relevant to it. */
export function predictMeters(model: MeterModel, vector: SparseVector, prior: Float64Array): Float64Array {
  const z = new Float64Array(M);
  meterSums(model.weights, vector.idx, vector.val, z);
  for (let m = 0; m < M; m++) z[m] = sigmoid(z[m] + model.bias[m] + (model.usePrior ? model.priorCoef[m] * prior[m] : 0));
  return z;
}

/** Words of a service that pushed its inferred affinity to a meter up the most (for explanations). */
export function topWordsForMeter(model: MeterModel, words: readonly Word[], meter: number, limit = 3): string[] {
  const w = model.weights;
  const score = new Map<string, number>();
  for (const word of words) {
    if (score.has(word.token) || model.isIgnored(word.token)) continue;
    let s = 0;
    const id = model.vocab.get('w' + word.stem);
    if (id !== undefined) s += w[id * M + meter] * model.idf[id];
    if (model.gramSize > 0) {
      for (const g of charGrams(word.token, model.gramSize)) {
        const gid = model.vocab.get('g' + g);
        if (gid !== undefined) s += 0.5 * w[gid * M + meter] * model.idf[gid];
      }
    }
    if (model.usePrior) for (const h of priorHitsForToken(word.token)) if (h.meter === meter) s += h.weight * model.priorCoef[meter] * 0.2;
    score.set(word.token, s);
  }
  return [...score.entries()]
    .filter(([, s]) => s > 0.05)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([t]) => t);
}
