/**
 * The shared recommender on the renderer's side: the same index the backend builds (same code,
 * same build options from `recommend.codes`), so a facilitator's what-if answers equal what the
 * API, the CLI and the AuroraAI endpoint answer. Runs inside a Web Worker (engine.worker.ts), or
 * on the main thread where a worker cannot start.
 */
import { codeLabeler, type RecommendQueryInput, type RecommendResult, type RecommenderCodes } from '../../../../shared/api/matching';
import { pickText, type Entity, type Language, type LifeEvent, type Link, type Need, type Service } from '../../../../shared/model';
import {
  areaLookupFromTable,
  buildIndex,
  eligibility,
  explainNotes,
  explainSentences,
  recommendAnswer,
  snapshotOf,
  suggestAffinities,
  type ExplanationPart,
  type MeterSuggestion,
  type RecommendQuery,
  type RecommenderIndex,
} from '../../../../shared/recommender';

/** What the index is built from. */
export interface EngineData {
  services: Service[];
  needs: Need[];
  lifeEvents: LifeEvent[];
  /** Links of the types the index reads (addresses, inLifeEvent, hasNeed, provides). */
  links: Link[];
  codes: RecommenderCodes;
}

export const INDEX_LINK_TYPES: ReadonlySet<string> = new Set(['addresses', 'inLifeEvent', 'hasNeed', 'provides']);

export interface EngineQuery extends Omit<RecommendQuery, 'explain'> {
  lang: Language;
}

export interface EngineResult {
  serviceId: string;
  name: string;
  rank: number;
  /** 0–1, shown as 0–100 % (see Recommendation.score). */
  score: number;
  points: number;
  sentences: string[];
  parts: ExplanationPart[];
  /** Other records of the same service, shown once. */
  duplicates: string[];
}

export interface EngineAnswer {
  results: EngineResult[];
  /** Sentences about the whole answer (search words that matched nothing, services left out for age). */
  notes: string[];
  eligible: number;
  revision: number;
  /** Time the recommender itself took, in milliseconds. */
  ms: number;
}

export interface BuildInfo {
  revision: number;
  services: number;
  ms: number;
  rebuilt: boolean;
  /** The costly part (text analysis, model, inferred affinities) was not built: taken over from the index held (only needs and links changed). */
  keptCostly: boolean;
}

/** FNV-1a of a string: enough to tell whether the catalogue changed since the last build. */
function hash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}`;
}

/**
 * What changed in the catalogue since the engine's last data: entities and links written (the
 * kinds and types the index reads) and ids removed. The engine applies it to the catalogue it
 * holds, so an edit sends one service, not 20,000.
 */
export interface EngineChange {
  /** The engine's catalogue version the change applies to; another one answers STALE. */
  base: number;
  put: { services: Service[]; needs: Need[]; lifeEvents: LifeEvent[]; links: Link[] };
  removed: { entities: string[]; links: string[] };
}

/** Thrown (as its message) by an engine whose catalogue is not the one a change was made for. */
export const STALE = 'stale-catalogue';

/**
 * The change to send after the store reloaded following `changes` (the ids a `workspace.changed`
 * named): each named entity or link as the store has it now, or its id as removed when the store
 * no longer has it (or it is of a kind or type the index does not read).
 */
export function changeOf(entities: readonly Entity[], links: readonly Link[], changes: { entities?: readonly string[]; links?: readonly string[] }, base: number): EngineChange {
  const out: EngineChange = { base, put: { services: [], needs: [], lifeEvents: [], links: [] }, removed: { entities: [], links: [] } };
  const wantE = new Set(changes.entities ?? []);
  const wantL = new Set(changes.links ?? []);
  const foundE = new Set<string>();
  const foundL = new Set<string>();
  if (wantE.size) {
    for (const e of entities) {
      if (!wantE.has(e.id)) continue;
      foundE.add(e.id);
      if (e.kind === 'service') out.put.services.push(e);
      else if (e.kind === 'need') out.put.needs.push(e);
      else if (e.kind === 'lifeEvent') out.put.lifeEvents.push(e);
      else foundE.delete(e.id);
    }
  }
  if (wantL.size) {
    for (const l of links) {
      if (!wantL.has(l.id)) continue;
      // Links of other types (channels, collaboration) are never in the engine: neither sent nor removed.
      foundL.add(l.id);
      if (INDEX_LINK_TYPES.has(l.type)) out.put.links.push(l);
    }
  }
  for (const id of wantE) if (!foundE.has(id)) out.removed.entities.push(id);
  for (const id of wantL) if (!foundL.has(id)) out.removed.links.push(id);
  return out;
}

/** Whether a change has nothing in it. */
export function isEmptyChange(c: EngineChange): boolean {
  const { put, removed } = c;
  return !put.services.length && !put.needs.length && !put.lifeEvents.length && !put.links.length && !removed.entities.length && !removed.links.length;
}

export class Engine {
  private index?: RecommenderIndex;
  /** Of what the costly part of the index is built from (services, life events, `inLifeEvent` links), and of the rest. */
  private fingerprint = { catalogue: '', rest: '' };
  private label?: ReturnType<typeof codeLabeler>;
  private revision = 0;
  private services = 0;
  /** The catalogue the index is built from, by id in the order it came, and its version (one per data or change). */
  private catalogue?: { services: Map<string, Service>; needs: Map<string, Need>; lifeEvents: Map<string, LifeEvent>; links: Map<string, Link>; codes: RecommenderCodes };
  private version = 0;

  /** The version of the catalogue held, which a change must be based on. */
  get catalogueVersion(): number {
    return this.version;
  }

  /** Takes a whole catalogue, and builds the index unless it is what it was built from. */
  setData(d: EngineData): BuildInfo & { version: number } {
    const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
    this.catalogue = { services: byId(d.services), needs: byId(d.needs), lifeEvents: byId(d.lifeEvents), links: byId(d.links), codes: d.codes };
    this.version++;
    return { ...this.build(d), version: this.version };
  }

  /** Applies a change to the catalogue held and rebuilds the index from it; throws STALE if the change was made for another version. */
  applyChange(c: EngineChange): BuildInfo & { version: number } {
    const cat = this.catalogue;
    if (!cat || c.base !== this.version) throw new Error(STALE);
    for (const id of c.removed.entities) {
      cat.services.delete(id);
      cat.needs.delete(id);
      cat.lifeEvents.delete(id);
    }
    for (const id of c.removed.links) cat.links.delete(id);
    for (const s of c.put.services) cat.services.set(s.id, s);
    for (const n of c.put.needs) cat.needs.set(n.id, n);
    for (const e of c.put.lifeEvents) cat.lifeEvents.set(e.id, e);
    for (const l of c.put.links) cat.links.set(l.id, l);
    this.version++;
    const d: EngineData = { services: [...cat.services.values()], needs: [...cat.needs.values()], lifeEvents: [...cat.lifeEvents.values()], links: [...cat.links.values()], codes: cat.codes };
    return { ...this.build(d), version: this.version };
  }

  /**
   * Builds the index unless the data is what it was built from. When only needs and the links
   * around them changed (a need linked to a service, an organisation as provider), the costly
   * part (text analysis, the trained model, inferred affinities) is taken over from the index
   * held, as the backend does from its saved snapshot.
   */
  private build(d: EngineData): BuildInfo {
    const t0 = performance.now();
    const lifeEventLinks = d.links.filter((l) => l.type === 'inLifeEvent');
    const fp = { catalogue: hash(JSON.stringify([d.services, d.lifeEvents, lifeEventLinks, d.codes.ignoreWords, d.codes.areaTable])), rest: hash(JSON.stringify([d.needs, d.links])) };
    if (this.index && fp.catalogue === this.fingerprint.catalogue && fp.rest === this.fingerprint.rest) return { revision: this.revision, services: this.services, ms: 0, rebuilt: false, keptCostly: true };
    const snapshot = this.index && fp.catalogue === this.fingerprint.catalogue ? snapshotOf(this.index) : undefined;
    this.index = buildIndex(d.services, d.links, {
      needs: d.needs,
      lifeEvents: d.lifeEvents,
      areaLookup: areaLookupFromTable(d.codes.areaTable),
      inference: { ignoreWords: d.codes.ignoreWords },
      ...(snapshot ? { snapshot } : {}),
    });
    this.label = codeLabeler(d.codes);
    this.fingerprint = fp;
    this.revision++;
    this.services = d.services.length;
    return { revision: this.revision, services: this.services, ms: Math.round(performance.now() - t0), rebuilt: true, keptCostly: !!snapshot };
  }

  query(q: EngineQuery): EngineAnswer {
    const index = this.require();
    const t0 = performance.now();
    const { lang, ...query } = q;
    const answer = recommendAnswer(index, { ...query, explain: true, language: lang });
    const eligible = eligibility(index, query.filters).reduce((n, x) => n + x, 0);
    const results = answer.results.map((r) => {
      const s = index.services[index.position.get(r.serviceId)!];
      return {
        serviceId: r.serviceId,
        name: pickText(s.name, lang) || s.id,
        rank: r.rank,
        score: r.score,
        points: r.points,
        sentences: explainSentences(r.parts, lang, { label: this.label }),
        parts: r.parts,
        duplicates: r.duplicates ?? [],
      };
    });
    return { results, notes: explainNotes(answer.notes, lang), eligible, revision: this.revision, ms: performance.now() - t0 };
  }

  suggest(service: Service): MeterSuggestion[] {
    return suggestAffinities(this.require(), service);
  }

  private require(): RecommenderIndex {
    if (!this.index) throw new Error('The recommender index is not built yet.');
    return this.index;
  }
}

/**
 * The backend's `recommend.query` asked what the engine's `query` answers: the controls as an
 * inline persona (no stored one, so nothing of a persona is added), its filters as they are.
 */
export function backendQueryOf(q: EngineQuery): RecommendQueryInput {
  const f = q.filters ?? {};
  return {
    persona: { meters: q.meters ?? {}, needs: (q.needs ?? []).map((n) => ({ id: n.id, importance: n.importance ?? 3 })) },
    ...(q.text ? { text: q.text } : {}),
    filters: {
      municipality: f.municipality ?? null,
      language: f.language ?? null,
      ...(f.includeNational !== undefined ? { includeNational: f.includeNational } : {}),
      ...(f.ageMin !== undefined ? { ageMin: f.ageMin } : {}),
      ...(f.ageMax !== undefined ? { ageMax: f.ageMax } : {}),
    },
    top: q.limit ?? 10,
    language: q.lang,
  };
}

/** The backend's answer in the engine's shape (`ms`: the whole round trip, which is what the user waited). */
export function answerFromBackend(r: RecommendResult, revision: number, ms: number): EngineAnswer {
  return {
    results: r.results.map((x) => ({ serviceId: x.serviceId, name: x.name, rank: x.rank, score: x.score, points: x.points, sentences: x.explanation, parts: x.parts as ExplanationPart[], duplicates: x.duplicates ?? [] })),
    notes: r.notes,
    eligible: r.eligible,
    revision,
    ms,
  };
}
