/**
 * What leaves the machine when a persona is put to a remote AuroraAI-compatible recommender.
 * The builders take only the fields they may send (meters, municipality, age range), never a
 * whole persona, so that a persona's name, description or needs cannot slip into a request body.
 */
import { METERS, type Meter, type Persona } from '../model';
import { AGE_GROUP_RANGES } from '../recommender/age';

/** Which of the persona's areas a request names: its municipality, or the region or wellbeing services county the municipality belongs to. */
export type RemoteAreaFilter = 'municipality' | 'region' | 'county' | 'none';
export type RemoteFunding = 'PubliclyFunded' | 'MarketFunded';

/** The filter settings of a remote source that shape each request. */
export interface RemoteRequestOptions {
  limit: number;
  area: RemoteAreaFilter;
  includeNational: boolean;
  targetGroupsFromAge: boolean;
  funding: RemoteFunding[];
}

/** The only persona fields a request is built from. */
export type RemotePersonaFields = Pick<Persona, 'municipality' | 'ageMin' | 'ageMax'> & { meters: Partial<Record<Meter, number>> };

/** The AuroraAI spec's ServiceFilters, as far as Kohtaanto fills them. */
export interface RemoteServiceFilters {
  include_national_services?: boolean;
  municipality_codes?: string[];
  region_codes?: string[];
  wellbeing_service_county_codes?: string[];
  target_groups?: string[];
  funding_type?: RemoteFunding[];
}

export interface RecommendServiceBody {
  life_situation_meters: Partial<Record<Meter, number[]>>;
  service_filters?: RemoteServiceFilters;
  limit: number;
}

export interface TextSearchBody {
  search_text: string;
  service_filters?: RemoteServiceFilters;
  limit: number;
}

/** Region and county of a municipality (from the bundled code lists). */
export type AreaOf = (municipality: string) => { region?: string; county?: string };

/** Citizens' target groups (PTV KR1.x) without an age of their own: disabled people, long-term ill, expatriate Finns. */
const AGE_NEUTRAL_GROUPS = ['KR1.4', 'KR1.5', 'KR1.6'];
/** PTV's age-bound citizen groups and the age ranges Kohtaanto's recommender gives them. */
const AGE_GROUPS: [string, readonly [number, number]][] = [
  ['KR1.1', AGE_GROUP_RANGES.older],
  ['KR1.2', AGE_GROUP_RANGES.children],
  ['KR1.3', AGE_GROUP_RANGES.young],
];

/**
 * The PTV citizen target groups a person of this age range can belong to: the age-bound groups
 * whose range overlaps it, and the groups that have no age.
 */
export function targetGroupsForAge(ageMin: number, ageMax: number): string[] {
  const out = AGE_GROUPS.filter(([, [lo, hi]]) => lo <= ageMax && hi >= ageMin).map(([code]) => code);
  return [...out, ...AGE_NEUTRAL_GROUPS].sort();
}

/** The service filters of a request from the persona's municipality and age, and the source's settings. */
export function serviceFilters(p: Omit<RemotePersonaFields, 'meters'>, o: RemoteRequestOptions, areaOf: AreaOf): RemoteServiceFilters | undefined {
  const f: RemoteServiceFilters = {};
  if (p.municipality && o.area !== 'none') {
    if (o.area === 'municipality') f.municipality_codes = [p.municipality];
    const a = areaOf(p.municipality);
    if (o.area === 'region' && a.region) f.region_codes = [a.region];
    if (o.area === 'county' && a.county) f.wellbeing_service_county_codes = [a.county];
  }
  if (!o.includeNational) f.include_national_services = false;
  if (o.targetGroupsFromAge) f.target_groups = targetGroupsForAge(p.ageMin, p.ageMax);
  if (o.funding.length) f.funding_type = [...o.funding];
  return Object.keys(f).length ? f : undefined;
}

/**
 * A `recommend_service` body for a persona: the ten meters (the spec's meters are lists of whole
 * answers 0–10, so a value is rounded) and the filters; nothing else of the persona.
 */
export function recommendServiceBody(p: RemotePersonaFields, o: RemoteRequestOptions, areaOf: AreaOf): RecommendServiceBody {
  const meters: Partial<Record<Meter, number[]>> = {};
  for (const m of METERS) {
    const v = p.meters[m];
    if (typeof v === 'number' && Number.isFinite(v)) meters[m] = [Math.min(10, Math.max(0, Math.round(v)))];
  }
  const filters = serviceFilters({ municipality: p.municipality, ageMin: p.ageMin, ageMax: p.ageMax }, o, areaOf);
  return { life_situation_meters: meters, ...(filters ? { service_filters: filters } : {}), limit: o.limit };
}

/** A `text_search` body: the text as typed, and the same filters. */
export function textSearchBody(text: string, p: Omit<RemotePersonaFields, 'meters'>, o: RemoteRequestOptions, areaOf: AreaOf): TextSearchBody {
  const filters = serviceFilters(p, o, areaOf);
  return { search_text: text.trim(), ...(filters ? { service_filters: filters } : {}), limit: o.limit };
}
