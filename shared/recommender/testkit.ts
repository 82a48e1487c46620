/**
 * Small builders for hand-made workspaces in the recommender and matching tests. Kept out of the
 * public API (index.ts); they only fill in the defaults the zod schemas would.
 */
import type { LifeEvent, Link, Need, Organisation, Persona, Service } from '../model';
import { METERS, type MeterValues } from '../model';

/** A service with schema defaults; name and description default to Finnish. */
export function svc(id: string, fi: string, extra: Partial<Service> & { descFi?: string } = {}): Service {
  const { descFi, ...rest } = extra;
  return {
    id,
    kind: 'service',
    name: { fi },
    description: descFi ? { fi: descFi } : {},
    tags: [],
    serviceClasses: [],
    targetGroups: [],
    lifeEvents: [],
    ontologyTerms: [],
    areaType: 'nationwide',
    areas: [],
    languages: [],
    fundingType: 'public',
    keywords: [],
    excluded: false,
    ...rest,
  };
}

/** A need with schema defaults. */
export function need(id: string, fi: string, extra: Partial<Need> = {}): Need {
  return { id, kind: 'need', name: { fi }, description: {}, tags: [], serviceClasses: [], keywords: [], ...extra };
}

/** Meters at one value, with some overridden. */
export function meters(base: number, over: Partial<MeterValues> = {}): MeterValues {
  return { ...(Object.fromEntries(METERS.map((m) => [m, base])) as MeterValues), ...over };
}

/** A persona with schema defaults (all meters at 10 unless given). */
export function persona(id: string, extra: Partial<Persona> = {}): Persona {
  return {
    id,
    kind: 'persona',
    name: { fi: id },
    description: {},
    tags: [],
    ageMin: 20,
    ageMax: 30,
    language: 'fi',
    meters: meters(10),
    peoplePerYear: 0,
    expectedServices: [],
    ...extra,
  } as Persona;
}

/** An organisation with schema defaults. */
export function org(id: string, fi = id): Organisation {
  return { id, kind: 'organisation', name: { fi }, description: {}, tags: [], orgType: 'other' };
}

/** A life event with schema defaults. */
export function lifeEvent(id: string, fi: string, code?: string): LifeEvent {
  return { id, kind: 'lifeEvent', name: { fi }, description: {}, tags: [], code };
}

let linkSeq = 0;
/** A link; ids are sequential so link order is the order of creation. */
export function link(type: Link['type'], source: string, target: string, data: Link['data'] = {}): Link {
  linkSeq++;
  return { id: `l${String(linkSeq).padStart(5, '0')}`, type, source, target, data };
}
