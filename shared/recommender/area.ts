/** Area, language, age and classification filters, precomputed per service so queries stay cheap. */
import type { Service } from '../model';
import { codeUnder } from './prior';
import type { AreaLookup, RecommendFilters } from './types';

/** Municipalities of Åland (region 21), for services that are nationwide except Åland. */
export const ALAND_MUNICIPALITIES: readonly string[] = [
  '035', '043', '060', '062', '065', '076', '170', '295', '318', '417', '438', '478', '736', '766', '771', '941',
];

/**
 * Age ranges of the PTV citizen target groups that depend on age: KR1.1 "Ikäihmiset / De äldre /
 * Seniors", KR1.2 "Lapset ja lapsiperheet / Barn och barnfamiljer / Children and families with
 * children" (up to working age, because parents belong to it too), KR1.3 "Nuoret / De unga /
 * Young people". Groups not listed (long-term ill, disabled, expatriates) are open to any age.
 */
export const AGE_TARGET_GROUPS: Readonly<Record<string, readonly [number, number]>> = {
  'KR1.1': [63, 120],
  'KR1.2': [0, 64],
  'KR1.3': [13, 29],
};

/** Builds an area lookup from a plain code → municipality codes table. */
export function areaLookupFromTable(table: Readonly<Record<string, readonly string[]>> | ReadonlyMap<string, readonly string[]>): AreaLookup {
  const map = table instanceof Map ? table : new Map(Object.entries(table));
  return (code) => map.get(code);
}

/** Where a service is offered, resolved to municipalities. */
export interface ServiceArea {
  readonly nationwide: boolean;
  readonly exceptAland: boolean;
  /** Municipality → 'municipality' when listed directly, 'region' when reached through a region/county code. */
  readonly municipalities: ReadonlyMap<string, 'municipality' | 'region'>;
}

/** The areas of nationwide services, shared by all of them (a region's catalogue has thousands). */
const NATIONWIDE: ServiceArea = Object.freeze({ nationwide: true, exceptAland: false, municipalities: new Map() });
const NATIONWIDE_EXCEPT_ALAND: ServiceArea = Object.freeze({ nationwide: true, exceptAland: true, municipalities: new Map() });

/** Resolves a service's area codes to municipalities with the caller's lookup. */
export function resolveArea(service: Service, lookup: AreaLookup | undefined): ServiceArea {
  if (service.areaType !== 'limited') return service.areaType === 'nationwideExceptAland' ? NATIONWIDE_EXCEPT_ALAND : NATIONWIDE;
  const municipalities = new Map<string, 'municipality' | 'region'>();
  for (const code of service.areas ?? []) {
    const expanded = lookup?.(code);
    if (expanded) {
      for (const m of expanded) if (!municipalities.has(m)) municipalities.set(m, 'region');
    } else municipalities.set(code, 'municipality');
  }
  return { nationwide: false, exceptAland: false, municipalities };
}

/** How a service's area fits a municipality: null when it is not offered there. */
export function areaFit(
  area: ServiceArea,
  municipality: string | undefined,
  includeNational: boolean,
  aland: ReadonlySet<string>,
): 'municipality' | 'region' | 'nationwide' | 'any' | null {
  // Without a municipality there is nothing to compare a limited area with: keep the service, no bonus.
  if (!municipality) return area.nationwide ? (includeNational ? 'nationwide' : null) : 'any';
  if (area.nationwide) {
    if (!includeNational) return null;
    if (area.exceptAland && aland.has(municipality)) return null;
    return 'nationwide';
  }
  return area.municipalities.get(municipality) ?? null;
}

/** Whether a service is offered in any of the given areas (expanded to municipalities). */
export function inAnyArea(area: ServiceArea, codes: readonly string[], lookup: AreaLookup | undefined, aland: ReadonlySet<string>): boolean {
  for (const code of codes) {
    const munis = lookup?.(code) ?? [code];
    for (const m of munis) {
      if (area.nationwide) {
        if (!(area.exceptAland && aland.has(m))) return true;
      } else if (area.municipalities.has(m)) return true;
    }
  }
  return false;
}

/** Whether any of the service's codes falls under any of the wanted codes (hierarchical by '.'). */
export function codesMatch(serviceCodes: readonly string[], wanted: readonly string[]): boolean {
  for (const w of wanted) for (const c of serviceCodes) if (codeUnder(c, w)) return true;
  return false;
}

/** A stable key for the filters that decide eligibility, for caching eligibility per persona group. */
export function filterKey(f: RecommendFilters | undefined): string {
  if (!f) return '';
  return JSON.stringify([
    f.municipality ?? null,
    f.includeNational ?? true,
    f.areas ?? null,
    f.language ?? null,
    f.ageMin ?? null,
    f.ageMax ?? null,
    f.serviceClasses ?? null,
    f.targetGroups ?? null,
    f.fundingTypes ?? null,
    f.serviceIds ?? null,
  ]);
}
