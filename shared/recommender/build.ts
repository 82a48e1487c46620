/** Builds the recommender index of a catalogue once; queries then only read it. */
import { METERS, type LifeEvent, type Link, type Need, type Service } from '../model';
import { ALAND_MUNICIPALITIES, AGE_TARGET_GROUPS, resolveArea, type ServiceArea } from './area';
import { serviceAge, type ServiceAge } from './age';
import { serviceWords, type Word } from './features';
import { FeatureSpace, predictMeters, priorEvidence, rawFeatures, trainMeterModel, type InferenceOptions, type MeterModel, type TrainingDoc, WordFilter } from './model';
import { needRelevance } from './needs';
import { buildTextIndex, type TextIndex } from './search';
import { fold } from './text';
import type { AreaLookup, NeedVia, ScoreWeights } from './types';
import { SNAPSHOT_VERSION, type IndexSnapshot } from './snapshot';

const M = METERS.length;

/**
 * Default weights. A fully relevant need counts as much as a very low meter met by a service
 * made for it (both 1); free text that matches fully counts as much again; meter words in the
 * text and life events are hints (0.5, 0.3); the area bonus only reorders near-equal results.
 */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  meter: 1,
  need: 1,
  text: 1,
  textMeter: 0.5,
  lifeEvent: 0.3,
  areaMunicipality: 0.05,
  areaRegion: 0.03,
};

/** Options of `buildIndex`. */
export interface BuildOptions {
  /** Need entities (their classes and keywords relate them to services). */
  needs?: readonly Need[];
  /** Life-event entities (their PTV codes relate them to services' life events). */
  lifeEvents?: readonly LifeEvent[];
  /** Expands region and wellbeing-county codes to municipalities. */
  areaLookup?: AreaLookup;
  alandMunicipalities?: readonly string[];
  ageTargetGroups?: Readonly<Record<string, readonly [number, number]>>;
  inference?: InferenceOptions;
  weights?: Partial<ScoreWeights>;
  /** Work out every need's relevant services while building, so the first query on a need is as fast as the rest (default true). */
  precomputeNeeds?: boolean;
  /**
   * The costly parts (inferred affinities, the trained model, the text index's term statistics)
   * from an earlier build of the same catalogue with the same options: the build then only does
   * the cheap per-service work. The caller guarantees it belongs to this catalogue (see snapshot.ts).
   */
  snapshot?: IndexSnapshot;
}

/** What the index knows about one need. */
export interface NeedInfo {
  need: Need;
  /** Services linked with `addresses`. */
  linked: Set<number>;
  /** Life events (entity ids) the need belongs to, with their PTV codes. */
  lifeEvents: { id: string; code?: string; name?: LifeEvent['name'] }[];
}

/** A built index: services in id order with their resolved areas, meter affinities, text index and the need graph. */
export interface RecommenderIndex {
  services: Service[];
  /** Service id → position. */
  position: Map<string, number>;
  areas: ServiceArea[];
  /** The age each service is for (PTV target groups, else the age words of its names); null = any age. */
  ages: (ServiceAge | null)[];
  languages: (ReadonlySet<string> | null)[];
  /** n × 10 meter affinities (label where known, otherwise inferred). */
  affinity: Float32Array;
  /** n × 10: 1 labelled, 2 inferred. */
  affinitySource: Uint8Array;
  /** max(1, |affinity|): a service relevant to every meter is not ten times as relevant to each. */
  affinityNorm: Float32Array;
  /** Life-event keys per service: entity ids from `inLifeEvent` links and PTV codes. */
  serviceLifeEvents: ReadonlySet<string>[];
  /** Organisations that provide each service (from `provides` links). */
  providers: string[][];
  text: TextIndex;
  model: MeterModel;
  needs: Map<string, NeedInfo>;
  lifeEventById: Map<string, LifeEvent>;
  areaLookup?: AreaLookup;
  aland: Set<string>;
  weights: ScoreWeights;
  /** Per-need relevance, computed on first use. */
  needCache: Map<string, NeedRelevance>;
  /** Service words, kept only for services whose explanation was asked for. */
  wordCache: Map<number, Word[]>;
  /**
   * The whole record of a service, where `services` holds records without descriptions (the
   * backend assembles an index from a saved snapshot that way): explanations analyse its words.
   */
  recordOf?: (i: number) => Pick<Service, 'name' | 'keywords' | 'description'>;
  /** Eligibility per filter combination, computed on first use. */
  eligibilityCache: Map<string, Uint8Array>;
  /** Precomputed masks the eligibility filter combines: not excluded; nationwide; nationwide outside Åland; limited. */
  masks: { open: Uint8Array; nationwide: Uint8Array; nationwideOutsideAland: Uint8Array; limited: Uint8Array; language: Map<string, Uint8Array> };
  /** Municipality → limited services offered there, listed directly or through a region/county code. */
  byMunicipality: Map<string, { direct: number[]; region: number[] }>;
  /** Services whose target groups or age words limit the age they serve. */
  ageLimited: number[];
  /**
   * Position of the first record of the same service (same folded name, providers and area), or
   * the service's own position: PTV general descriptions come in several versions with one name.
   */
  sameAs: Int32Array;
  /** Whether any service has another record of itself (so queries can skip the collapsing work). */
  hasDuplicates: boolean;
  /** First record → every record of the same service, for services that have more than one. */
  sameGroups: Map<number, number[]>;
  /** Scratch buffers reused by queries (the index is used from one thread at a time). */
  scratch: { score: Float64Array; bonus: Float64Array };
  /** Build statistics: total and per-phase milliseconds, labelled and inferred services, training examples per meter. */
  build: { ms: number; phases: Record<string, number>; labelled: number; inferred: number; examples: MeterModel['examples'] };
}

/** Sparse relevance of services to one need: position → strength 0..1 and the reasons. */
export interface NeedRelevance {
  strength: Map<number, number>;
  via: Map<number, NeedVia[]>;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Builds the index of a catalogue: resolves areas, trains the meter model on labelled services and infers the rest. */
export function buildIndex(services: readonly Service[], links: readonly Link[], opts: BuildOptions = {}): RecommenderIndex {
  const steps = buildIndexSteps(services, links, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Services handled between two pauses of `buildIndexSteps`. */
const SLICE = 1500;

/**
 * `buildIndex` in slices: the generator pauses every ~1,500 services, so a caller on a server's
 * event loop can answer other requests between slices (see the backend's recommender domain).
 * Run to the end it returns exactly what `buildIndex` returns. A caller that already has the
 * catalogue's part (`catalogueSteps` of the same services, links and options) passes it in.
 */
export function* buildIndexSteps(services: readonly Service[], links: readonly Link[], opts: BuildOptions = {}, part?: CataloguePart): Generator<void, RecommenderIndex> {
  const t0 = now();
  const cat = part ?? (yield* catalogueSteps(services, links, opts));
  const { sorted, position, n, lifeEventById, serviceLifeEvents, providers, needs, areas, masks, byMunicipality, sameAs, hasDuplicates, sameGroups, languages } = cat;
  const { phases, lap } = stopwatch(now(), { ...cat.phases });
  yield;
  const snap = opts.snapshot;
  if (snap && snap.n !== n) throw new Error(`The saved index is of ${snap.n} services, the catalogue has ${n}.`);
  const costly = snap ? costlyFromSnapshot(snap, opts) : yield* costlyParts(sorted, serviceLifeEvents, opts, lap);
  const { affinity, affinitySource, affinityNorm, text, model, labelled, inferred, ages } = costly;
  if (snap) lap('snapshot');
  const ageLimited: number[] = [];
  for (let i = 0; i < n; i++) if (masks.open[i] && ages[i] !== null) ageLimited.push(i);
  const index: RecommenderIndex = {
    services: sorted,
    position,
    areas,
    ages,
    languages,
    affinity,
    affinitySource,
    affinityNorm,
    serviceLifeEvents,
    providers,
    text,
    model,
    needs,
    lifeEventById,
    areaLookup: opts.areaLookup,
    aland: new Set(opts.alandMunicipalities ?? ALAND_MUNICIPALITIES),
    weights: { ...DEFAULT_WEIGHTS, ...opts.weights },
    needCache: new Map(),
    wordCache: new Map(),
    eligibilityCache: new Map(),
    masks,
    byMunicipality,
    ageLimited,
    sameAs,
    hasDuplicates,
    sameGroups,
    scratch: { score: new Float64Array(n), bonus: new Float64Array(n) },
    build: { ms: 0, phases, labelled, inferred, examples: model.examples },
  };
  lap('filters');
  if (opts.precomputeNeeds ?? true) for (const id of [...needs.keys()].sort()) {
    needRelevance(index, id);
    yield;
  }
  lap('needs');
  index.build.ms = cat.ms + now() - t0;
  return index;
}

/**
 * What an index knows of the catalogue's records and links alone, without its costly part: the
 * service order, areas and filter masks, providers and which records are one service. The
 * backend works it out while the worker thread builds the costly part.
 */
export interface CataloguePart extends CatalogueLinks {
  areas: ServiceArea[];
  masks: RecommenderIndex['masks'];
  byMunicipality: RecommenderIndex['byMunicipality'];
  sameAs: Int32Array;
  hasDuplicates: boolean;
  sameGroups: Map<number, number[]>;
  languages: (ReadonlySet<string> | null)[];
  phases: Record<string, number>;
  ms: number;
}

/** The catalogue's part of an index, in slices (see `buildIndexSteps`). */
export function* catalogueSteps(services: readonly Service[], links: readonly Link[], opts: BuildOptions = {}): Generator<void, CataloguePart> {
  const t0 = now();
  const { phases, lap } = stopwatch(t0);
  const cat = yield* catalogueOf(services, links, opts);
  const { sorted, n, providers } = cat;
  lap('links');
  yield;
  const areas: ServiceArea[] = [];
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) yield;
    areas.push(resolveArea(sorted[i], opts.areaLookup));
  }
  lap('areas');
  const masks = {
    open: new Uint8Array(n),
    nationwide: new Uint8Array(n),
    nationwideOutsideAland: new Uint8Array(n),
    limited: new Uint8Array(n),
    language: new Map<string, Uint8Array>(),
  };
  const byMunicipality = new Map<string, { direct: number[]; region: number[] }>();
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) yield;
    if (sorted[i].excluded) continue;
    masks.open[i] = 1;
    const a = areas[i];
    if (a.nationwide) {
      masks.nationwide[i] = 1;
      if (a.exceptAland) continue;
      masks.nationwideOutsideAland[i] = 1;
      continue;
    }
    masks.limited[i] = 1;
    for (const [m, how] of a.municipalities) {
      let e = byMunicipality.get(m);
      if (!e) byMunicipality.set(m, (e = { direct: [], region: [] }));
      (how === 'municipality' ? e.direct : e.region).push(i);
    }
  }
  lap('masks');
  // Not in a snapshot: records are the same service by their providers too, and `provides` links are not part of what a snapshot is keyed on.
  const sameAs = yield* sameAsOf(sorted, providers);
  lap('sameAs');
  yield;
  let hasDuplicates = false;
  const sameGroups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const first = sameAs[i];
    if (first === i) continue;
    hasDuplicates = true;
    const g = sameGroups.get(first);
    if (g) g.push(i);
    else sameGroups.set(first, [first, i]);
  }
  yield;
  const languages = languageSets(sorted);
  return { ...cat, areas, masks, byMunicipality, sameAs, hasDuplicates, sameGroups, languages, phases, ms: now() - t0 };
}

/** Services by id, the first record of each id only. A store's rows come in id order already: then this is a copy. */
function inIdOrder(services: readonly Service[]): Service[] {
  let ordered = true;
  for (let i = 1; i < services.length && ordered; i++) ordered = services[i - 1].id < services[i].id;
  if (ordered) return services.slice();
  const unique = new Map<string, Service>();
  for (const s of services) if (!unique.has(s.id)) unique.set(s.id, s);
  return [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Each service's languages (null: any), one shared set per distinct list: a catalogue has a handful of lists and many services. */
function languageSets(sorted: readonly Service[]): (ReadonlySet<string> | null)[] {
  const byList = new Map<string, ReadonlySet<string>>();
  return sorted.map((s) => {
    if (!s.languages?.length) return null;
    const key = JSON.stringify(s.languages);
    let set = byList.get(key);
    if (!set) byList.set(key, (set = new Set(s.languages)));
    return set;
  });
}

const NO_LIFE_EVENTS: ReadonlySet<string> = new Set();

/** What `catalogueOf` gives. */
type CatalogueLinks = ReturnType<typeof catalogueOf> extends Generator<void, infer R> ? R : never;

/** The catalogue in id order, with what links say of each service and need (the start of every build). */
function* catalogueOf(services: readonly Service[], links: readonly Link[], opts: BuildOptions) {
  // Id order makes positions, ties and the model's example order independent of input order.
  // One record per id: a caller that passes a service twice must not see it twice in a list.
  const sorted = inIdOrder(services);
  const position = new Map<string, number>();
  sorted.forEach((s, i) => position.set(s.id, i));
  const n = sorted.length;

  yield;
  const lifeEventById = new Map<string, LifeEvent>();
  for (const le of opts.lifeEvents ?? []) lifeEventById.set(le.id, le);
  // Services without life events share one empty set (most of a catalogue: one object each is work for the collector); a link gives a service its own.
  const ownLifeEvents = sorted.map((s) => (s.lifeEvents?.length ? new Set(s.lifeEvents) : undefined));
  const providers: string[][] = sorted.map(() => []);
  const needs = new Map<string, NeedInfo>();
  for (const need of opts.needs ?? []) needs.set(need.id, { need, linked: new Set(), lifeEvents: [] });
  // Links sorted by id so every derived list has one order whatever order the store returned.
  const sortedLinks = [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  yield;
  let seen = 0;
  for (const l of sortedLinks) {
    if (++seen % (SLICE * 4) === 0) yield;
    if (l.type === 'addresses') {
      const i = position.get(l.source);
      const info = needs.get(l.target);
      if (i !== undefined && info) info.linked.add(i);
    } else if (l.type === 'inLifeEvent') {
      const i = position.get(l.source);
      if (i === undefined) continue;
      const keys = (ownLifeEvents[i] ??= new Set()).add(l.target);
      const code = lifeEventById.get(l.target)?.code;
      if (code) keys.add(code);
    } else if (l.type === 'hasNeed') {
      const info = needs.get(l.target);
      if (!info) continue;
      const le = lifeEventById.get(l.source);
      if (!info.lifeEvents.some((x) => x.id === l.source)) info.lifeEvents.push({ id: l.source, code: le?.code, name: le?.name });
    } else if (l.type === 'provides') {
      const i = position.get(l.target);
      if (i !== undefined && !providers[i].includes(l.source)) providers[i].push(l.source);
    }
  }
  for (const p of providers) p.sort();
  const serviceLifeEvents: ReadonlySet<string>[] = ownLifeEvents.map((keys) => keys ?? NO_LIFE_EVENTS);
  return { sorted, position, n, lifeEventById, serviceLifeEvents, providers, needs };
}

/** Position of each service's first record of the same service (same folded name, providers and area). */
function* sameAsOf(sorted: readonly Service[], providers: readonly string[][]): Generator<void, Int32Array> {
  const n = sorted.length;
  const sameAs = new Int32Array(n);
  // A region's catalogue repeats its names (a municipal service in every municipality): each
  // written name is folded once, and records are compared by the rest only among their name's.
  const nameOf = new Map<string, Map<string, number> | null>();
  const byFolded = new Map<string, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) yield;
    const s = sorted[i];
    const written = s.name?.fi || s.name?.sv || s.name?.en || '';
    let firstOf = nameOf.get(written);
    if (firstOf === undefined) {
      const name = collapseSpaces(fold(written));
      firstOf = null;
      if (name) {
        firstOf = byFolded.get(name) ?? null;
        if (!firstOf) byFolded.set(name, (firstOf = new Map()));
      }
      nameOf.set(written, firstOf);
    }
    if (!firstOf) {
      sameAs[i] = i;
      continue;
    }
    const key = sameServiceKey(providers[i], s.areaType, s.areas ?? []);
    const first = firstOf.get(key);
    if (first === undefined) {
      firstOf.set(key, i);
      sameAs[i] = i;
    } else sameAs[i] = first;
  }
  return sameAs;
}

/** Trimmed, every run of white space one space (names differ in spacing, not in meaning). */
function collapseSpaces(text: string): string {
  const t = text.trim();
  // Most names have single spaces only: test before replacing, which would copy every one of them.
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/**
 * What makes two records of one name one service, as a map key: the parts joined with control
 * characters (built for every record, so it is cheap), or as JSON where a part holds such a
 * character. The first letter tells the two forms apart, so keys are equal exactly when the parts are.
 */
function sameServiceKey(providers: readonly string[], areaType: string | undefined, areas: readonly string[]): string {
  const sortedAreas = areas.length > 1 ? [...areas].sort() : areas;
  if (providers.some(hasSeparator) || sortedAreas.some(hasSeparator) || (areaType !== undefined && hasSeparator(areaType))) return 'j' + JSON.stringify([providers, areaType, sortedAreas]);
  // Lists carry their length: [] and [''] join alike.
  return `c${providers.length}\u0001${providers.join('\u0001')}\u0000${areaType ?? ''}\u0000${sortedAreas.length}\u0001${sortedAreas.join('\u0001')}`;
}
const hasSeparator = (part: string) => part.includes('\u0000') || part.includes('\u0001');

/** Milliseconds per phase of a build, each lap measured from the one before. */
function stopwatch(t0: number, phases: Record<string, number> = {}) {
  let tp = t0;
  const lap = (name: string) => {
    const t = now();
    phases[name] = Math.round(t - tp);
    tp = t;
  };
  return { phases, lap };
}

/**
 * Only the costly part of an index (what a snapshot keeps), for a build whose index is assembled
 * elsewhere: the backend's worker thread builds this and the server thread assembles the rest.
 * Equal to `snapshotOf(buildIndex(services, links, opts))`, without the work that would be thrown away.
 */
export function buildSnapshot(services: readonly Service[], links: readonly Link[], opts: BuildOptions = {}): { snapshot: IndexSnapshot; phases: Record<string, number> } {
  const { phases, lap } = stopwatch(now());
  const steps = (function* () {
    const { sorted, serviceLifeEvents, n } = yield* catalogueOf(services, links, opts);
    lap('links');
    const costly = yield* costlyParts(sorted, serviceLifeEvents, opts, lap);
    const { isIgnored: _ignored, ...model } = costly.model;
    const { expansionCache: _cache, ...text } = costly.text;
    const snapshot: IndexSnapshot = {
      version: SNAPSHOT_VERSION,
      n,
      labelled: costly.labelled,
      inferred: costly.inferred,
      affinity: costly.affinity,
      affinitySource: costly.affinitySource,
      affinityNorm: costly.affinityNorm,
      text,
      model,
      ages: costly.ages,
    };
    return snapshot;
  })();
  for (;;) {
    const r = steps.next();
    if (r.done) return { snapshot: r.value, phases };
  }
}

/** What a build learns at a cost: the part a snapshot keeps. */
export interface CostlyParts {
  affinity: Float32Array;
  affinitySource: Uint8Array;
  affinityNorm: Float32Array;
  text: TextIndex;
  model: MeterModel;
  labelled: number;
  inferred: number;
  /** Reading age words from names is as slow as the rest of the text analysis, so it is kept too. */
  ages: (ServiceAge | null)[];
}

/** Known meter labels of a service, NaN where unknown. */
function labelsOf(affinities: NonNullable<Service['meterAffinities']>): Float64Array {
  const labels = new Float64Array(M).fill(NaN);
  METERS.forEach((m, j) => {
    const v = affinities[m];
    if (v !== undefined) labels[j] = v;
  });
  return labels;
}
/** Shared by every service nobody labelled (most of a region's catalogue); read only. */
const UNLABELLED = new Float64Array(M).fill(NaN);

/** Analyses every service's text, trains the meter model, infers unlabelled affinities and builds the text index. */
function* costlyParts(
  sorted: readonly Service[],
  serviceLifeEvents: readonly ReadonlySet<string>[],
  opts: BuildOptions,
  lap: (name: string) => void,
): Generator<void, CostlyParts> {
  const n = sorted.length;
  const words: Word[][] = [];
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) yield;
    words.push(serviceWords(sorted[i]));
  }
  lap('analyse');
  const inference = { gramSize: 4, ...opts.inference };
  // Life events reached through links count like the service's own PTV life-event codes.
  const codesOf = (i: number) => ({
    serviceClasses: sorted[i].serviceClasses ?? [],
    lifeEvents: [...serviceLifeEvents[i]],
    targetGroups: sorted[i].targetGroups ?? [],
    ontologyTerms: sorted[i].ontologyTerms ?? [],
  });
  const space = new FeatureSpace(inference.gramSize, inference.ignoreWords);
  const docs: TrainingDoc[] = [];
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) yield;
    const s = sorted[i];
    const labels = s.meterAffinities && !s.excluded ? labelsOf(s.meterAffinities) : UNLABELLED;
    const codes = codesOf(i);
    docs.push({ raw: rawFeatures(words[i], codes, space), prior: priorEvidence(words[i], codes).score, labels, excluded: s.excluded });
  }
  lap('features');
  yield;
  const { model, vectors } = trainMeterModel(docs, space, inference);
  lap('train');
  yield;

  const affinity = new Float32Array(n * M);
  const affinitySource = new Uint8Array(n * M);
  const affinityNorm = new Float32Array(n);
  let labelled = 0;
  let inferred = 0;
  for (let i = 0; i < n; i++) {
    const d = docs[i];
    const needsInference = d.labels.some((l) => Number.isNaN(l));
    const p = needsInference ? predictMeters(model, vectors[i], d.prior) : null;
    if (needsInference) inferred++;
    else labelled++;
    let sq = 0;
    for (let m = 0; m < M; m++) {
      const known = !Number.isNaN(d.labels[m]);
      const a = known ? d.labels[m] : p![m];
      affinity[i * M + m] = a;
      affinitySource[i * M + m] = known ? 1 : 2;
      sq += a * a;
    }
    affinityNorm[i] = Math.max(1, Math.sqrt(sq));
  }
  lap('infer');
  yield;
  const text = buildTextIndex(words);
  lap('textIndex');
  const ageTable = opts.ageTargetGroups ?? AGE_TARGET_GROUPS;
  const ages: (ServiceAge | null)[] = [];
  for (let i = 0; i < n; i++) {
    if (i % SLICE === SLICE - 1) yield;
    ages.push(serviceAge(sorted[i], ageTable));
  }
  lap('ages');
  return { affinity, affinitySource, affinityNorm, text, model, labelled, inferred, ages };
}

/** The costly parts as a snapshot saved them; the model's ignore test comes from the options, as in a build. */
function costlyFromSnapshot(s: IndexSnapshot, opts: BuildOptions): CostlyParts {
  const ignore = new WordFilter(opts.inference?.ignoreWords ?? []);
  return {
    affinity: s.affinity,
    affinitySource: s.affinitySource,
    affinityNorm: s.affinityNorm,
    text: { ...s.text, expansionCache: new Map() },
    model: { ...s.model, isIgnored: (t) => ignore.has(t) },
    labelled: s.labelled,
    inferred: s.inferred,
    ages: s.ages,
  };
}

/** The words of an indexed service, analysed again on demand (kept for a bounded number of services). */
export function wordsOf(index: RecommenderIndex, i: number): Word[] {
  let w = index.wordCache.get(i);
  if (!w) {
    w = serviceWords(index.recordOf?.(i) ?? index.services[i]);
    if (index.wordCache.size > 5000) index.wordCache.clear();
    index.wordCache.set(i, w);
  }
  return w;
}
