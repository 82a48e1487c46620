import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../../electron/backend';
import { recommenderCodes } from '../../../../electron/backend/domains/matching';
import { callOk, tempDir } from '../../../../electron/backend/test/tmp';
import type { RecommendResult } from '../../../../shared/api/matching';
import { EntitySchema, LinkSchema, type Entity, type LifeEvent, type Link, type Need, type Service } from '../../../../shared/model';
import type { MeterSuggestion } from '../../../../shared/recommender';
import { answerFromBackend, backendQueryOf, changeOf, Engine, INDEX_LINK_TYPES, STALE, type EngineData, type EngineQuery } from './engine-core';

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

  it('keeps the costly part when only needs and their links change, and answers exactly as a whole build; a service edit builds it again', () => {
    const c = catalogue(200);
    const need = EntitySchema.parse({ id: 'need-1', kind: 'need', name: { fi: 'Harrastus' }, keywords: ['liikunta'] });
    const e = new Engine();
    let v = e.setData(dataOf(c.entities, c.links)).version;
    const entities = [...c.entities, need];
    const links = [...c.links, LinkSchema.parse({ id: 'lnk-need', type: 'addresses', source: 'srv-5', target: 'need-1' })];
    const withNeed = { ...dataOf(entities, links), needs: [need as Extract<Entity, { kind: 'need' }>] };
    const built = e.applyChange(changeOf(entities, links, { entities: ['need-1'], links: ['lnk-need'] }, v));
    expect(built).toMatchObject({ rebuilt: true, keptCostly: true });
    v = built.version;
    const q: EngineQuery = { needs: [{ id: 'need-1', importance: 5 }], meters: { family: 2 }, lang: 'fi', limit: 8 };
    const whole = new Engine();
    whole.setData(withNeed);
    const kept = e.query(q);
    expect(kept.results.length).toBeGreaterThan(0);
    expect(kept.results.map((r) => [r.serviceId, r.score, r.sentences])).toEqual(whole.query(q).results.map((r) => [r.serviceId, r.score, r.sentences]));

    const after = edited({ entities, links });
    expect(e.applyChange(changeOf(after.entities, after.links, after.changes, v))).toMatchObject({ rebuilt: true, keptCostly: false });
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

describe('a large catalogue is answered by the backend, as the engine would answer it', () => {
  it('recommend.query with the engine\'s query gives the engine\'s answer, and recommend.suggest its suggestions', async () => {
    const dir = tempDir();
    const { ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' });
    try {
      await callOk(registry, 'workspace.create', { path: path.join(dir, 'workspaces', 'x.kohtaanto'), example: true });
      // The store's records, as the renderer gets them over the API.
      const entities = JSON.parse(JSON.stringify(await callOk<Entity[]>(registry, 'entities.list', {}))) as Entity[];
      const links = JSON.parse(JSON.stringify(await callOk<Link[]>(registry, 'links.list', {}))) as Link[];
      const data: EngineData = {
        services: entities.filter((e): e is Service => e.kind === 'service'),
        needs: entities.filter((e): e is Need => e.kind === 'need'),
        lifeEvents: entities.filter((e): e is LifeEvent => e.kind === 'lifeEvent'),
        links: links.filter((l) => INDEX_LINK_TYPES.has(l.type)),
        codes: await callOk(registry, 'recommend.codes'),
      };
      const engine = new Engine();
      engine.setData(data);
      const persona = entities.find((e) => e.kind === 'persona' && links.some((l) => l.type === 'personaNeed' && l.source === e.id))!;
      const needs = links.filter((l) => l.type === 'personaNeed' && l.source === persona.id).map((l) => ({ id: l.target, importance: l.data.importance ?? 3 }));
      expect(needs.length).toBeGreaterThan(0);
      const municipality = data.services.flatMap((s) => (s.areaType === 'limited' ? s.areas : []))[0];
      expect(municipality).toBeDefined();
      const queries: EngineQuery[] = [
        { meters: { housing: 1, working_studying: 2 }, text: 'nuoret', lang: 'fi', limit: 10 },
        { meters: { finance: 0 }, needs, filters: { municipality, includeNational: false }, lang: 'sv', limit: 5 },
        { meters: { health: 3 }, needs: [{ id: needs[0].id }], filters: { language: 'sv', ageMin: 16, ageMax: 17 }, lang: 'en', limit: 50 },
        { meters: {}, text: 'ei mitään tällaista sanaa', lang: 'fi', limit: 20 },
      ];
      for (const q of queries) {
        const local = engine.query(q);
        const remote = answerFromBackend(await callOk<RecommendResult>(registry, 'recommend.query', backendQueryOf(q)), local.revision, 0);
        expect(remote.results.length, JSON.stringify(q)).toBe(local.results.length);
        expect(remote.results).toEqual(local.results);
        expect(remote.notes).toEqual(local.notes);
        expect(remote.eligible).toBe(local.eligible);
      }
      expect(engine.query(queries[0]).results.length).toBeGreaterThan(0);
      expect(engine.query(queries[3]).notes.length).toBeGreaterThan(0);

      // A saved service, and a draft that is in no index.
      const draft = { ...data.services[0], id: 'draft', name: { fi: 'Velkaneuvonta nuorille' }, description: { fi: 'Apua velkoihin ja vuokranmaksuun.' } };
      for (const service of [data.services[0], draft]) {
        expect(await callOk<MeterSuggestion[]>(registry, 'recommend.suggest', { service })).toEqual(engine.suggest(service));
      }
    } finally {
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
