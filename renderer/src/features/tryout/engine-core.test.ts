import { describe, expect, it } from 'vitest';
import { recommenderCodes } from '../../../../electron/backend/domains/matching';
import { EntitySchema, LinkSchema, type Entity, type Link, type Service } from '../../../../shared/model';
import { changeOf, Engine, INDEX_LINK_TYPES, STALE, type EngineData, type EngineQuery } from './engine-core';

const codes = recommenderCodes();
const WORDS = ['asuminen', 'opiskelu', 'työnhaku', 'terveys', 'harrastus', 'velka', 'perhe', 'liikunta'];

/** A catalogue of `n` services, each about two topics, with a provider link per service. */
function catalogue(n: number): { entities: Entity[]; links: Link[] } {
  const entities: Entity[] = [EntitySchema.parse({ id: 'org-1', kind: 'organisation', name: { fi: 'Kunta' } })];
  const links: Link[] = [];
  for (let i = 0; i < n; i++) {
    const a = WORDS[i % WORDS.length];
    const b = WORDS[(i * 3 + 1) % WORDS.length];
    entities.push(EntitySchema.parse({ id: `srv-${i}`, kind: 'service', name: { fi: `Palvelu ${i}: ${a}` }, description: { fi: `Neuvontaa aiheesta ${a} ja ${b}.` } }));
    links.push(LinkSchema.parse({ id: `lnk-${i}`, type: 'provides', source: 'org-1', target: `srv-${i}` }));
  }
  return { entities, links };
}

function dataOf(entities: Entity[], links: Link[]): EngineData {
  return {
    services: entities.filter((e): e is Service => e.kind === 'service'),
    needs: [],
    lifeEvents: [],
    links: links.filter((l) => INDEX_LINK_TYPES.has(l.type)),
    codes,
  };
}

const QUERY: EngineQuery = { text: 'saunominen', lang: 'fi', limit: 5 };

/** The store after an edit of one service (fresh objects, as a reload gives) and a new linked one. */
function edited(c: { entities: Entity[]; links: Link[] }) {
  const entities = c.entities.map((e) => (e.id === 'srv-7' ? ({ ...(e as Service), name: { fi: 'Saunominen ja uinti' }, description: { fi: 'Yleinen saunominen kaupungin uimahallissa.' } } satisfies Service) : structuredClone(e)));
  entities.push(EntitySchema.parse({ id: 'srv-new', kind: 'service', name: { fi: 'Saunominen ikäihmisille' } }));
  const links = [...c.links.filter((l) => l.id !== 'lnk-3').map((l) => structuredClone(l)), LinkSchema.parse({ id: 'lnk-new', type: 'provides', source: 'org-1', target: 'srv-new' })];
  return { entities, links, changes: { entities: ['srv-7', 'srv-new'], links: ['lnk-3', 'lnk-new'] } };
}

describe('the try-out engine follows an edit by the change alone', () => {
  it('answers after the change exactly as after the whole edited catalogue', () => {
    const before = catalogue(300);
    const patched = new Engine();
    const v = patched.setData(dataOf(before.entities, before.links)).version;
    expect(patched.query(QUERY).results).toEqual([]);

    const after = edited(before);
    const change = changeOf(after.entities, after.links, after.changes, v);
    expect(change.put.services.map((s) => s.id).sort()).toEqual(['srv-7', 'srv-new']);
    expect(change.put.links.map((l) => l.id)).toEqual(['lnk-new']);
    expect(change.removed).toEqual({ entities: [], links: ['lnk-3'] });
    const built = patched.applyChange(change);
    expect(built.rebuilt).toBe(true);
    expect(built.services).toBe(301);

    const whole = new Engine();
    whole.setData(dataOf(after.entities, after.links));
    const got = patched.query(QUERY);
    const want = whole.query(QUERY);
    expect(got.results.map((r) => r.serviceId).sort()).toEqual(['srv-7', 'srv-new']);
    expect(got.results.map((r) => [r.serviceId, r.score])).toEqual(want.results.map((r) => [r.serviceId, r.score]));
    expect(got.eligible).toBe(want.eligible);

    // A removed service leaves the answers too.
    const gone = after.entities.filter((e) => e.id !== 'srv-new');
    patched.applyChange(changeOf(gone, after.links, { entities: ['srv-new'] }, built.version));
    expect(patched.query(QUERY).results.map((r) => r.serviceId)).toEqual(['srv-7']);
  });

  it('sends as much for one edit in 3,000 services as in 300, and far less than the catalogue', () => {
    const sizes = [300, 3000].map((n) => {
      const c = catalogue(n);
      const after = edited(c);
      return {
        change: JSON.stringify(changeOf(after.entities, after.links, after.changes, 1)).length,
        whole: JSON.stringify(dataOf(after.entities, after.links)).length,
      };
    });
    // The change is the same few records whatever the size of the catalogue.
    expect(Math.abs(sizes[1].change - sizes[0].change)).toBeLessThan(40);
    expect(sizes[1].change).toBeLessThan(2000);
    expect(sizes[1].whole).toBeGreaterThan(sizes[1].change * 100);
  });

  it('refuses a change made for another version of the catalogue, so that the whole one is sent instead', () => {
    const c = catalogue(20);
    const e = new Engine();
    const v = e.setData(dataOf(c.entities, c.links)).version;
    const after = edited(c);
    expect(() => e.applyChange(changeOf(after.entities, after.links, after.changes, v + 1))).toThrow(STALE);
    expect(() => new Engine().applyChange(changeOf(after.entities, after.links, after.changes, 0))).toThrow(STALE);
  });
});
