/** Types of a matching run: a plain, serialisable object the backend can save and compare. */

/** Parameters of a run; every figure of the result depends only on them and the workspace. */
export interface MatchingParams {
  /** Analyse one life event (its needs and the personas that have them); undefined = whole workspace. */
  lifeEventId?: string;
  /** A service serves a need when its serve score reaches this (0..1). */
  threshold: number;
  /** How much the persona's meter profile can lower a serve score (0 = ignore meters). */
  personalFitWeight: number;
  /** Services counted as recommended per persona × need (the best ones above the threshold). */
  perNeedTop: number;
  /** A need is an overlap when served by services of at least this many providers (organisations; a service without a provider counts as one of its own). */
  overlapMinOrganisations: number;
  /** A group's coverage differing from everyone's by more than this (0..1) is flagged. */
  equityMargin: number;
  /** Groups of fewer personas than this are shown but never flagged: one persona is an anecdote, not a group. */
  equityMinPersonas: number;
  /** Counters to visit: exact set cover up to this many candidate organisations, greedy beyond. */
  exactLimit: number;
  /** Utilisation below this share of capacity counts as under-used. */
  underUseShare: number;
  /** Drop services that are not offered in the persona's language (as the recommender does). */
  languageFilter: boolean;
}

/** One persona × need: how well the supply serves it. */
export interface PersonaNeedResult {
  persona: string;
  need: string;
  importance: number;
  people: number;
  /** importance × people (or importance alone when no persona states people per year). */
  weight: number;
  bestService: string | null;
  bestScore: number;
  /** Services whose serve score reaches the threshold. */
  servicesAbove: number;
  covered: boolean;
  /** The best services above the threshold (at most perNeedTop), best first. */
  recommended: string[];
}

export interface PersonaSummary {
  persona: string;
  people: number;
  needs: number;
  covered: number;
  /** Importance-weighted share of the persona's needs covered. */
  coverage: number;
}

export interface Gap {
  need: string;
  /** Personas for whom no service reaches the threshold. */
  personas: string[];
  people: number;
  weight: number;
  /** The best score any service reached for an affected persona (how near the threshold supply is). */
  bestScore: number;
  bestService: string | null;
}

export interface Overlap {
  need: string;
  /** Organisations that provide a serving service. */
  organisations: string[];
  /** Serving services no organisation is linked to provide: each counts as a provider of its own, but is not an organisation. */
  noProvider: string[];
  /** Every service that serves the need for some persona, best first; `organisations` empty when it has no provider. */
  services: { service: string; organisations: string[]; bestScore: number }[];
}

export interface CapacityUse {
  service: string;
  capacity: number;
  /** People a year whose need this service is the best one for. */
  demand: number;
  /** demand / capacity; null when capacity is 0. */
  utilisation: number | null;
  status: 'over' | 'under' | 'ok';
}

export interface UnderUse {
  /** Services in scope that serve no persona's need (see `serves`). */
  unserved: string[];
  /** Per service in scope that serves someone: the personas it serves and their people per year. */
  servedTo: { service: string; personas: number; people: number }[];
  capacity: CapacityUse[];
}

export interface CounterPlan {
  persona: string;
  /** Covered needs the plan covers. */
  needs: number;
  /** Organisations to visit. */
  organisations: string[];
  /** Services without a provider the persona must also use, each a counter of its own. */
  noProvider: string[];
  /** Places to visit: organisations + services without a provider. */
  count: number;
  method: 'exact' | 'greedy';
  candidates: number;
  /** The minimum is at least this; equals count when exact. */
  lowerBound: number;
  /** Greedy guarantee: count ≤ ratio × minimum (1 when exact). */
  ratio: number;
}

export type EquityDimension = 'language' | 'municipality' | 'ageGroup';

export interface EquityGroup {
  group: string;
  personas: number;
  people: number;
  /** Weighted covered share; null when the group's personas weigh nothing (0 people a year while others have people). */
  coverage: number | null;
  /** coverage − overall coverage; null with coverage. */
  diff: number | null;
  /** Fewer personas than `equityMinPersonas`: shown, never flagged. */
  tooSmall: boolean;
  flagged: boolean;
}

export interface EquityResult {
  dimension: EquityDimension;
  groups: EquityGroup[];
  /** Best minus worst group (groups with coverage and enough personas). */
  spread: number;
  flagged: boolean;
}

/** The whole result of a run. */
export interface MatchingRun {
  format: 'kohtaanto-matching-run';
  /** 2: services serve by one definition everywhere, providers and group sizes made explicit. Older runs are upgraded on reading (`upgradeRun`). */
  version: 2;
  params: MatchingParams;
  scope: { lifeEventId: string | null; personas: string[]; needs: string[]; services: string[] };
  /** How persona × need pairs are weighted. */
  weighting: 'importance×people' | 'importance';
  totals: {
    personas: number;
    needs: number;
    services: number;
    personaNeeds: number;
    covered: number;
    /** Weighted share of persona × need pairs covered. */
    coverage: number;
    coverageUnweighted: number;
    people: number;
  };
  coverage: PersonaNeedResult[];
  personas: PersonaSummary[];
  gaps: Gap[];
  overlaps: Overlap[];
  underUse: UnderUse;
  counters: CounterPlan[];
  equity: EquityResult[];
  /** Set when the recommendations came from a remote recommender (see shared/api/remote RunSourceSchema); absent: built-in. */
  source?: {
    kind: 'remote';
    endpoint: string;
    complete: boolean;
    missing: { persona: string; message: string }[];
    unmapped: { ptvId: string; name: string; personas: string[] }[];
    limit: number;
  };
}
