/**
 * The shared recommender on the renderer's side: the same index the backend builds (same code,
 * same build options from `recommend.codes`), so a facilitator's what-if answers equal what the
 * API, the CLI and the AuroraAI endpoint answer. Runs inside a Web Worker (engine.worker.ts), or
 * on the main thread where a worker cannot start.
 */
import { codeLabeler, type RecommenderCodes } from '../../../../shared/api/matching';
import { pickText, type Language, type LifeEvent, type Link, type Need, type Service } from '../../../../shared/model';
import {
  areaLookupFromTable,
  buildIndex,
  eligibility,
  explainNotes,
  explainSentences,
  recommendAnswer,
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

export class Engine {
  private index?: RecommenderIndex;
  private fingerprint = '';
  private label?: ReturnType<typeof codeLabeler>;
  private revision = 0;
  private services = 0;

  /** Builds the index unless the data is what it was built from (the store reloads everything after any edit). */
  setData(d: EngineData): BuildInfo {
    const t0 = performance.now();
    const fp = hash(JSON.stringify([d.services, d.needs, d.lifeEvents, d.links]));
    if (this.index && fp === this.fingerprint) return { revision: this.revision, services: this.services, ms: 0, rebuilt: false };
    this.index = buildIndex(d.services, d.links, {
      needs: d.needs,
      lifeEvents: d.lifeEvents,
      areaLookup: areaLookupFromTable(d.codes.areaTable),
      inference: { ignoreWords: d.codes.ignoreWords },
    });
    this.label = codeLabeler(d.codes);
    this.fingerprint = fp;
    this.revision++;
    this.services = d.services.length;
    return { revision: this.revision, services: this.services, ms: Math.round(performance.now() - t0), rebuilt: true };
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
