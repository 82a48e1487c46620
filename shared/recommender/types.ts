/** Public types of the recommender: query, filters, results and their explanation parts. */
import type { FUNDING_TYPES, Language, LocalizedText, Meter, MeterValues, OptionalText } from '../model';
import type { AgeGroup } from './age';

/**
 * Expands an area code (region, wellbeing county, hospital district…) into municipality codes.
 * Returns undefined for a code it does not know: such a code is taken to be a municipality code.
 * The caller owns the code lists (and any prefixing that tells region 01 from county 01 apart).
 */
export type AreaLookup = (code: string) => readonly string[] | undefined;

export type FundingType = (typeof FUNDING_TYPES)[number];

/** Weights of the score's parts; see `DEFAULT_WEIGHTS` for why each has its value. */
export interface ScoreWeights {
  meter: number;
  need: number;
  text: number;
  /** Query words that name a meter's theme (in any of fi/sv/en) turn into a meter need. */
  textMeter: number;
  lifeEvent: number;
  /** Small bonus for a service offered in the persona's own municipality rather than nationwide. */
  areaMunicipality: number;
  areaRegion: number;
}

/** Hard filters: a service failing one never appears. */
export interface RecommendFilters {
  /** The persona's municipality code: services limited to other areas are left out. */
  municipality?: string;
  /** Keep nationwide services (default true). */
  includeNational?: boolean;
  /** Restrict to services offered in any of these areas (municipality, region or county codes, expanded by the area lookup). */
  areas?: readonly string[];
  /** Keep services offered in this language, or that do not say which languages they use. */
  language?: string;
  /**
   * The persona's age range: services meant only for other ages are left out. A service's age
   * comes from its PTV target groups (`AGE_TARGET_GROUPS`) or, where those do not limit age, from
   * the age words of its names and keywords (see age.ts). Left out rather than ranked lower: a
   * pensioner shown children's psychiatry loses trust in every other result. The answer's notes
   * say which services this removed from the list.
   */
  ageMin?: number;
  ageMax?: number;
  /** Service classes; a class includes its sub-classes (P5 includes P5.1). */
  serviceClasses?: readonly string[];
  /** Target groups; a group includes its sub-groups. */
  targetGroups?: readonly string[];
  fundingTypes?: readonly FundingType[];
  /** Only these services (e.g. the services of one life event). */
  serviceIds?: readonly string[];
}

/** A need the persona has, with how important it is (1–5, default 3). */
export interface QueryNeed {
  id: string;
  importance?: number;
}

/** What to recommend for: meters, needs, words, life events, and filters. Every part is optional. */
export interface RecommendQuery {
  /** 3X10D meters, 0 (worst) to 10 (best); missing meters count as fine (no need). */
  meters?: Partial<MeterValues>;
  needs?: readonly QueryNeed[];
  /** Free text in Finnish, Swedish or English. */
  text?: string;
  /** Language of the free text; when missing, words are stemmed in all three languages. */
  textLanguage?: Language;
  /** Life events (entity ids or PTV codes such as KE8) the persona is in. */
  lifeEvents?: readonly string[];
  filters?: RecommendFilters;
  /** Results wanted (default 10; at most the catalogue, for evaluation work that ranks every service). */
  limit?: number;
  /** Results scoring below this are left out (default 0.01). */
  minScore?: number;
  /**
   * Rank every service that passes the filters, those with no points at all included (after the
   * rest, in id order): evaluation work that needs a position for each service. Default false.
   */
  everything?: boolean;
  /** Build explanation parts (default true); batch callers turn it off for speed. */
  explain?: boolean;
  /**
   * Language of the explanation: words quoted from a service come from its text in this language,
   * and from another (named in the part) only where that language has none to give.
   */
  language?: Language;
  /**
   * Show records that are the same service once (same name, providers and area, such as one PTV
   * general description imported in several versions); the others are listed in `duplicates`.
   * Default true; evaluation turns it off to score the ranking itself.
   */
  collapseDuplicates?: boolean;
}

/** Why a service relates to a need. */
export type NeedVia =
  | { type: 'link' }
  | { type: 'class'; codes: string[] }
  | {
      type: 'keyword';
      words: string[];
      /** Language of each word ('' for a need keyword, which has none), to quote the user's language first. */
      langs?: ('' | Language)[];
    }
  | { type: 'ontology'; codes: string[] }
  | { type: 'lifeEvent'; lifeEvent: string; name?: OptionalText };

/** One contribution to a result's score, renderable in fi/sv/en by `explain`. */
export type ExplanationPart =
  | {
      kind: 'meter';
      meter: Meter;
      /** The persona's answer, 0–10. */
      value: number;
      /** The service's relevance to the meter, 0–1. */
      affinity: number;
      source: 'label' | 'inferred';
      /** For inferred affinities: the service's words that pointed to the meter, in the explanation's language where it has any. */
      words: string[];
      /** Set when the words are in another language than the explanation's (the service had none in it to quote). */
      wordsLanguage?: Language;
      points: number;
    }
  | { kind: 'need'; need: string; name?: LocalizedText; importance: number; strength: number; via: NeedVia[]; points: number }
  | { kind: 'text'; words: string[]; /** Words found only through their fi/sv/en equivalents. */ translated: string[]; points: number }
  | { kind: 'textMeter'; meter: Meter; words: string[]; points: number }
  | { kind: 'lifeEvent'; lifeEvent: string; name?: OptionalText; points: number }
  | { kind: 'area'; fit: 'municipality' | 'region' | 'nationwide'; area?: string; points: number };

/** One recommended service. */
export interface Recommendation {
  serviceId: string;
  rank: number;
  /**
   * 0–1 (shown as 0–100 %): the reasons' points mapped by 1 − e^(−points), so each reason adds
   * and the score approaches but never passes 1. One point (a need of importance 5 that the
   * service certainly meets, or a meter at 0 that the service is made for) gives 63 %, two 86 %,
   * three 95 %. Monotone in the points, so the order is the order of the points.
   */
  score: number;
  /** The sum of the parts' points, before the mapping (the parts add up to it). */
  points: number;
  parts: ExplanationPart[];
  /** Other records of the same service (same name, providers and area), left out of the list. */
  duplicates?: string[];
}

/** Something the user should know about the whole answer rather than one result. */
export type QueryNote =
  /** Query words found in no service's text (in any language): they could not affect the ranking. */
  | { kind: 'textUnmatched'; words: string[] }
  /** Services that would have made the list but are meant for another age (persona age range given). */
  | {
      kind: 'ageExcluded';
      ageMin: number;
      ageMax: number;
      services: {
        serviceId: string;
        name?: OptionalText;
        source: 'targetGroups' | 'words';
        groups: AgeGroup[];
        words: string[];
        /** False when the target groups name no citizens at all (businesses, authorities). */
        citizens: boolean;
      }[];
    };

/** Results with the notes about the whole query. */
export interface RecommendAnswer {
  results: Recommendation[];
  notes: QueryNote[];
}
