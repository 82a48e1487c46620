import { describe, expect, it } from 'vitest';
import { CanvasFiltersSchema, type CanvasFiltersInput } from '../../../../shared/api/canvas';
import { EntitySchema, type Entity, type Link } from '../../../../shared/model';
import { adjacency, isFiltered, neighbourhood, visibleIds } from './graph';

const e = (raw: Record<string, unknown>): Entity => EntitySchema.parse({ name: { fi: String(raw.id) }, ...raw });
const entities: Entity[] = [
  e({ id: 'le1', kind: 'lifeEvent', code: 'KE1' }),
  e({ id: 'le2', kind: 'lifeEvent' }),
  e({ id: 'n1', kind: 'need' }),
  e({ id: 'n2', kind: 'need' }),
  e({ id: 's1', kind: 'service' }),
  e({ id: 's2', kind: 'service', areaType: 'limited', areas: ['564'] }),
  e({ id: 's3', kind: 'service', lifeEvents: ['KE1'] }),
  e({ id: 's4', kind: 'service', areaType: 'limited', areas: ['17'] }),
  e({ id: 'o1', kind: 'organisation', municipality: '564' }),
  e({ id: 'o2', kind: 'organisation', municipality: '091' }),
  e({ id: 'o3', kind: 'organisation' }),
  e({ id: 'c1', kind: 'channel' }),
  e({ id: 'p1', kind: 'persona', ageMin: 16, ageMax: 20, meters: Object.fromEntries(['health', 'resilience', 'housing', 'working_studying', 'family', 'friends', 'finance', 'improvement_of_strengths', 'self_esteem', 'life_satisfaction'].map((m) => [m, 5])) }),
];
let n = 0;
const l = (type: Link['type'], source: string, target: string): Link => ({ id: `l${n++}`, type, source, target, data: {} });
const links: Link[] = [
  l('hasNeed', 'le1', 'n1'),
  l('hasNeed', 'le2', 'n2'),
  l('addresses', 's1', 'n1'),
  l('addresses', 's2', 'n2'),
  l('provides', 'o1', 's1'),
  l('provides', 'o2', 's2'),
  l('offeredThrough', 's1', 'c1'),
  l('personaNeed', 'p1', 'n1'),
  l('collaborates', 'o1', 'o3'),
];
const byId = new Map(entities.map((x) => [x.id, x]));
const adj = adjacency(links);
const show = (f: CanvasFiltersInput, areaCodes?: (m: string) => string[]) => [...visibleIds({ entities, byId, adj, filters: CanvasFiltersSchema.parse(f), areaCodes })].sort();

describe('what a view shows', () => {
  it('shows everything without filters', () => {
    expect(show({})).toHaveLength(entities.length);
    expect(isFiltered(CanvasFiltersSchema.parse({}))).toBe(false);
    // No kinds listed means every kind (a view saved by another client may say so).
    expect(show({ kinds: [] })).toHaveLength(entities.length);
    expect(isFiltered(CanvasFiltersSchema.parse({ kinds: [] }))).toBe(false);
  });

  it('filters by kind', () => {
    expect(show({ kinds: ['organisation'] })).toEqual(['o1', 'o2', 'o3']);
  });

  it('a life event brings its needs, their services, providers, channels and personas, and services naming its code', () => {
    expect(show({ lifeEvents: ['le1'] })).toEqual(['c1', 'le1', 'n1', 'o1', 'p1', 's1', 's3']);
  });

  it('an organisation brings its partners, its services and what those link to', () => {
    expect(show({ organisations: ['o1'] })).toEqual(['c1', 'n1', 'o1', 'o3', 's1']);
  });

  it('a municipality keeps national actors and nationwide services, and services by region or county', () => {
    expect(show({ municipalities: ['564'], kinds: ['organisation', 'service'] })).toEqual(['o1', 'o3', 's1', 's2', 's3']);
    expect(show({ municipalities: ['564'], kinds: ['service'] }, (m) => (m === '564' ? ['17'] : []))).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('focus keeps the neighbourhood to a depth, and the focused node even if its kind is hidden', () => {
    expect(show({ focus: { id: 'n1', depth: 1 } })).toEqual(['le1', 'n1', 'p1', 's1']);
    expect(show({ focus: { id: 'n1', depth: 2 } })).toEqual(['c1', 'le1', 'n1', 'o1', 'p1', 's1']);
    expect(show({ focus: { id: 'n1', depth: 1 }, kinds: ['service'] })).toEqual(['n1', 's1']);
    expect([...neighbourhood('o3', 3, adj)].sort()).toEqual(['n1', 'o1', 'o3', 's1', 'c1'].sort());
  });

  it('filters combine: all must hold', () => {
    expect(show({ lifeEvents: ['le1'], kinds: ['service'], municipalities: ['091'] })).toEqual(['s1', 's3']);
  });
});
