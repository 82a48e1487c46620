import type { CanvasFilters } from '../../../../shared/api/canvas';
import { ENTITY_KINDS, type Entity, type Link } from '../../../../shared/model';

/** Links of each entity, both directions, built once per change of the link list. */
export function adjacency(links: readonly Link[]): Map<string, Link[]> {
  const adj = new Map<string, Link[]>();
  const add = (id: string, l: Link) => {
    const list = adj.get(id);
    if (list) list.push(l);
    else adj.set(id, [l]);
  };
  for (const l of links) {
    add(l.source, l);
    add(l.target, l);
  }
  return adj;
}

const other = (l: Link, id: string) => (l.source === id ? l.target : l.source);

/** Everything within `depth` links of `start`, whatever the direction of the links. */
export function neighbourhood(start: string, depth: number, adj: Map<string, Link[]>): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const l of adj.get(id) ?? []) {
        const o = other(l, id);
        if (!seen.has(o)) {
          seen.add(o);
          next.push(o);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

function linked(ids: Iterable<string>, adj: Map<string, Link[]>, type: Link['type'], from: 'source' | 'target'): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const l of adj.get(id) ?? []) if (l.type === type && l[from] === id) out.add(from === 'source' ? l.target : l.source);
  return out;
}

/**
 * The part of the ecosystem around some life events: the events, their needs, the services in
 * them or addressing those needs, those services' providers and channels, and the personas who
 * have those needs.
 */
export function lifeEventScope(eventIds: readonly string[], byId: Map<string, Entity>, adj: Map<string, Link[]>): Set<string> {
  const events = new Set(eventIds.filter((id) => byId.get(id)?.kind === 'lifeEvent'));
  const needs = linked(events, adj, 'hasNeed', 'source');
  const services = new Set([...linked(events, adj, 'inLifeEvent', 'target'), ...linked(needs, adj, 'addresses', 'target')]);
  // Services imported from PTV name their life events by code rather than by a link.
  const codes = new Set([...events].map((id) => (byId.get(id) as Extract<Entity, { kind: 'lifeEvent' }>).code).filter(Boolean) as string[]);
  if (codes.size) for (const e of byId.values()) if (e.kind === 'service' && e.lifeEvents.some((c) => codes.has(c))) services.add(e.id);
  const orgs = linked(services, adj, 'provides', 'target');
  const channels = linked(services, adj, 'offeredThrough', 'source');
  const personas = linked(needs, adj, 'personaNeed', 'target');
  return new Set([...events, ...needs, ...services, ...orgs, ...channels, ...personas]);
}

/**
 * The part of the ecosystem around some organisations: them, their collaboration partners, the
 * services they provide, and those services' channels, needs and life events.
 */
export function organisationScope(orgIds: readonly string[], byId: Map<string, Entity>, adj: Map<string, Link[]>): Set<string> {
  const orgs = new Set(orgIds.filter((id) => byId.get(id)?.kind === 'organisation'));
  const partners = new Set([...linked(orgs, adj, 'collaborates', 'source'), ...linked(orgs, adj, 'collaborates', 'target')]);
  const services = linked(orgs, adj, 'provides', 'source');
  const around = [
    ...linked(services, adj, 'offeredThrough', 'source'),
    ...linked(services, adj, 'addresses', 'source'),
    ...linked(services, adj, 'inLifeEvent', 'source'),
  ];
  return new Set([...orgs, ...partners, ...services, ...around]);
}

/**
 * Whether an entity is available in one of the municipalities: organisations and personas by
 * their own municipality (none given = national), services by their area (nationwide, or a
 * listed municipality, region or wellbeing county). Other kinds have no place.
 */
export function inMunicipalities(e: Entity, municipalities: readonly string[], areaCodes: (municipality: string) => string[]): boolean {
  if (e.kind === 'organisation' || e.kind === 'persona') return !e.municipality || municipalities.includes(e.municipality);
  if (e.kind === 'service') {
    if (e.areaType !== 'limited') return true;
    const wanted = new Set(municipalities.flatMap((m) => [m, ...areaCodes(m)]));
    return e.areas.some((a) => wanted.has(a));
  }
  return true;
}

export interface GraphInput {
  entities: readonly Entity[];
  byId: Map<string, Entity>;
  adj: Map<string, Link[]>;
  filters: CanvasFilters;
  areaCodes?: (municipality: string) => string[];
}

/** Ids of the entities a view shows: every filter must hold; a focus keeps its node's neighbourhood. */
export function visibleIds({ entities, byId, adj, filters, areaCodes = () => [] }: GraphInput): Set<string> {
  const kinds = new Set(filters.kinds.length ? filters.kinds : ENTITY_KINDS);
  const le = filters.lifeEvents.length ? lifeEventScope(filters.lifeEvents, byId, adj) : null;
  const org = filters.organisations.length ? organisationScope(filters.organisations, byId, adj) : null;
  const focus = filters.focus && byId.has(filters.focus.id) ? neighbourhood(filters.focus.id, filters.focus.depth, adj) : null;
  const out = new Set<string>();
  for (const e of entities) {
    if (!kinds.has(e.kind)) continue;
    if (le && !le.has(e.id)) continue;
    if (org && !org.has(e.id)) continue;
    if (filters.municipalities.length && !inMunicipalities(e, filters.municipalities, areaCodes)) continue;
    if (focus && !focus.has(e.id)) continue;
    out.add(e.id);
  }
  // The focused node itself is always shown, even if its kind is filtered out.
  if (focus && filters.focus) out.add(filters.focus.id);
  return out;
}

/** Whether filters restrict anything (an unfiltered view shows the whole graph). */
export function isFiltered(f: CanvasFilters): boolean {
  return (f.kinds.length > 0 && f.kinds.length < ENTITY_KINDS.length) || f.lifeEvents.length > 0 || f.organisations.length > 0 || f.municipalities.length > 0 || !!f.focus;
}

/**
 * The life event each entity belongs to, for a first look at a large map: a service by its
 * "in life event" link or its PTV life-event code, a need by the event that has it, and the rest
 * (organisations, channels, personas, services only linked to needs) by the first neighbour that
 * already has one. Life events are their own group; entities reached by none stay out (null).
 */
export function lifeEventGroups(entities: readonly Entity[], links: readonly Link[]): Map<string, string | null> {
  const group = new Map<string, string | null>();
  const byCode = new Map<string, string>();
  for (const e of entities) {
    if (e.kind !== 'lifeEvent') continue;
    group.set(e.id, e.id);
    if (e.code && !byCode.has(e.code)) byCode.set(e.code, e.id);
  }
  const adj = adjacency(links);
  for (const e of entities) {
    if (group.has(e.id)) continue;
    let g: string | undefined;
    for (const l of adj.get(e.id) ?? []) {
      if ((l.type === 'inLifeEvent' && l.source === e.id) || (l.type === 'hasNeed' && l.target === e.id)) {
        g = other(l, e.id);
        break;
      }
    }
    if (!g && e.kind === 'service') g = e.lifeEvents.map((c) => byCode.get(c)).find(Boolean);
    if (g && group.get(g) === g) group.set(e.id, g);
  }
  return spreadGroups(entities, adj, group);
}

/**
 * Neighbours of grouped entities join their group, a ring at a time (service → organisation,
 * channel; need → persona); entities reached by none are left in no group (null).
 */
function spreadGroups(entities: readonly Entity[], adj: Map<string, Link[]>, group: Map<string, string | null>): Map<string, string | null> {
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of entities) {
      if (group.get(e.id)) continue;
      for (const l of adj.get(e.id) ?? []) {
        const g = group.get(other(l, e.id));
        if (g) {
          group.set(e.id, g);
          changed = true;
          break;
        }
      }
    }
  }
  for (const e of entities) if (!group.has(e.id)) group.set(e.id, null);
  return group;
}

/** The ways a large map's summary groups its entities. */
export const SUMMARY_GROUPINGS = ['lifeEvent', 'organisation', 'serviceClass'] as const;
export type SummaryGrouping = (typeof SUMMARY_GROUPINGS)[number];

/**
 * The group of each entity in a large map's summary: its life event (lifeEventGroups), the
 * organisation that provides it, or a service's first PTV service class (`class:P2.1`). The rest
 * join the group of a neighbour; what none reaches has no group (null).
 */
export function summaryGroups(entities: readonly Entity[], links: readonly Link[], by: SummaryGrouping): Map<string, string | null> {
  if (by === 'lifeEvent') return lifeEventGroups(entities, links);
  const adj = adjacency(links);
  const group = new Map<string, string | null>();
  if (by === 'organisation') {
    for (const e of entities) if (e.kind === 'organisation') group.set(e.id, e.id);
    // A service provided by several organisations goes with the first that provides it.
    for (const l of links) if (l.type === 'provides' && group.get(l.source) === l.source && !group.has(l.target)) group.set(l.target, l.source);
  } else {
    for (const e of entities) if (e.kind === 'service' && e.serviceClasses.length) group.set(e.id, `class:${e.serviceClasses[0]}`);
  }
  return spreadGroups(entities, adj, group);
}
