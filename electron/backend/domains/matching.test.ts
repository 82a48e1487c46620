import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Evaluation, MatchingComparison, MatchingRunRecord, MatchingRunSummary, RecommendResult } from '../../../shared/api/matching';
import type { Entity, Persona, Service } from '../../../shared/model';
import { evaluatePersonas } from '../../../shared/recommender';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { APPLICATION_ID } from '../store/open';
import { up as up0010 } from '../store/migrations/0010-create-core';
import { up as up0020 } from '../store/migrations/0020-create-history';
import { up as up0030 } from '../store/migrations/0030-canvas-layout';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { callOk, fixedNow, tempDir } from '../test/tmp';
import { validEntity, Workspace } from '../store/workspace';
import { recommenderFor } from './matching';
import { buildTruthWorkspace, TRUTH } from './matching.testkit';

let dir: string;
let file: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'workspaces', 'example.kohtaanto');
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  await ok('workspace.create', { path: file, example: true });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
async function fails(method: string, input: unknown): Promise<string> {
  const r = await registry.call(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error.code;
}

const OULU_17 = 'persona-oulu-17-lukio-kesken';
const ids = (r: RecommendResult) => r.results.map((x) => x.serviceId);

describe('recommend.query on the example workspace (real SQLite file)', () => {
  it('ranks services for a stored persona with scores and explanations in the requested language', async () => {
    const fi = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, top: 5 });
    expect(fi.personaId).toBe(OULU_17);
    expect(fi.results).toHaveLength(5);
    expect(fi.results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < 5; i++) expect(fi.results[i].score).toBeLessThanOrEqual(fi.results[i - 1].score);
    expect(fi.results[0].explanation.length).toBeGreaterThan(0);
    expect(fi.results[0].explanation.join(' ')).toMatch(/tarpeeseen|Mittari/);
    // The persona lives in Oulu: the municipality is named in the explanation, not given as a code.
    expect(fi.results.flatMap((r) => r.explanation).join(' ')).toMatch(/kotikunnassasi \(Oulu\)/);
    expect(fi.results.some((r) => r.expected)).toBe(true);
    expect(fi.eligible).toBeGreaterThan(10);
    expect(fi.eligible).toBeLessThan(fi.index.services);

    const sv = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, top: 5, language: 'sv' });
    expect(ids(sv)).toEqual(ids(fi));
    expect(sv.results[0].explanation.join(' ')).toMatch(/Tjänsten|Mätaren/);
    expect(sv.results[0].name).not.toBe(fi.results[0].name);
  });

  it('follows inline meters: a very low meter brings services labelled for it to the top', async () => {
    const meters = Object.fromEntries(['health', 'resilience', 'housing', 'working_studying', 'family', 'friends', 'finance', 'improvement_of_strengths', 'self_esteem', 'life_satisfaction'].map((m) => [m, 10]));
    const housing = await ok<RecommendResult>('recommend.query', { persona: { meters: { ...meters, housing: 0 } }, top: 5 });
    const finance = await ok<RecommendResult>('recommend.query', { persona: { meters: { ...meters, finance: 0 } }, top: 5 });
    expect(ids(housing)).not.toEqual(ids(finance));
    expect(housing.results[0].parts.some((p) => p.kind === 'meter' && p.meter === 'housing')).toBe(true);
    expect(finance.results[0].parts.some((p) => p.kind === 'meter' && p.meter === 'finance')).toBe(true);
    // Overriding one meter of a stored persona changes its list too.
    const base = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, top: 10 });
    const whatIf = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, persona: { meters: { working_studying: 10, housing: 0 } }, top: 10 });
    expect(ids(whatIf)).not.toEqual(ids(base));
  });

  it('applies filters: municipality, language, nationwide only, life event, free text', async () => {
    const national = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, filters: { nationalOnly: true }, top: 50 });
    const services = (await ok<Entity[]>('entities.list', { kind: 'service' })) as Service[];
    const byId = new Map(services.map((s) => [s.id, s]));
    expect(national.results.length).toBeGreaterThan(0);
    for (const r of national.results) expect(byId.get(r.serviceId)!.areaType).not.toBe('limited');
    const turku = await ok<RecommendResult>('recommend.query', { persona: { municipality: '853' }, text: 'nuorten työpaja', top: 50 });
    for (const r of turku.results) {
      const s = byId.get(r.serviceId)!;
      if (s.areaType === 'limited') expect(s.areas).toContain('853');
    }
    const sv = await ok<RecommendResult>('recommend.query', { text: 'ungdomar', filters: { language: 'sv' }, top: 50 });
    for (const r of sv.results) expect(byId.get(r.serviceId)!.languages.length === 0 || byId.get(r.serviceId)!.languages.includes('sv')).toBe(true);
    const text = await ok<RecommendResult>('recommend.query', { text: 'verokortti', top: 3 });
    expect(text.results[0].parts.some((p) => p.kind === 'text')).toBe(true);
    const inEvent = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, filters: { lifeEventId: 'le-kotoa' }, top: 50 });
    expect(inEvent.results.length).toBeGreaterThan(0);
    expect(inEvent.results.length).toBeLessThan(national.results.length + 50);
    const unfiltered = await ok<RecommendResult>('recommend.query', { personaId: OULU_17, filters: { municipality: null, language: null }, top: 50 });
    expect(unfiltered.eligible).toBeGreaterThan((await ok<RecommendResult>('recommend.query', { personaId: OULU_17, top: 1 })).eligible);
  });

  it('refuses invalid input with clear errors', async () => {
    expect(await fails('recommend.query', { top: 51 })).toBe('invalid_input');
    expect(await fails('recommend.query', { persona: { meters: { health: 11 } } })).toBe('invalid_input');
    expect(await fails('recommend.query', { persona: { meters: { mood: 3 } } })).toBe('invalid_input');
    expect(await fails('recommend.query', { personaId: 'nobody' })).toBe('not_found');
    expect(await fails('recommend.query', { personaId: 'need-asunto' })).toBe('not_found');
    expect(await fails('recommend.query', { persona: { needs: [{ id: 'need-nope', importance: 3 }] } })).toBe('invalid_input');
    expect(await fails('recommend.query', { persona: { ageMin: 30, ageMax: 20 } })).toBe('invalid_input');
    expect(await fails('recommend.query', { filters: { lifeEventId: 'le-nope' } })).toBe('not_found');
    expect(await fails('recommend.query', { language: 'de' })).toBe('invalid_input');
  });
});

describe('the recommender index cache', () => {
  it('reuses the index until the catalogue changes, and rebuilds after an edit and after undo', async () => {
    const first = await ok<RecommendResult>('recommend.query', { text: 'kissojen hoitola', top: 3 });
    const again = await ok<RecommendResult>('recommend.query', { text: 'kissojen hoitola', top: 3 });
    expect(again.index.revision).toBe(first.index.revision);

    // A persona edit and a saved matching run touch nothing the index is built from.
    const persona = (await ok<{ entity: Persona }>('entities.get', { id: OULU_17 })).entity;
    await ok('entities.update', { entity: { ...persona, peoplePerYear: persona.peoplePerYear + 1 } });
    await ok('matching.run', {});
    expect((await ok<RecommendResult>('recommend.query', { top: 1, text: 'nuoret' })).index.revision).toBe(first.index.revision);

    const created = await ok<Service>('entities.create', {
      entity: { kind: 'service', name: { fi: 'Kissojen hoitola' }, description: { fi: 'Hoitola kissoille lomien ajaksi.' }, keywords: ['kissa'] },
    });
    const after = await ok<RecommendResult>('recommend.query', { text: 'kissojen hoitola', top: 3 });
    expect(after.index.revision).toBeGreaterThan(first.index.revision);
    expect(after.index.services).toBe(first.index.services + 1);
    expect(after.results[0].serviceId).toBe(created.id);
    expect(ids(first)).not.toContain(created.id);

    await ok('history.undo');
    const undone = await ok<RecommendResult>('recommend.query', { text: 'kissojen hoitola', top: 3 });
    expect(undone.index.services).toBe(first.index.services);
    expect(ids(undone)).not.toContain(created.id);
  });

  it('notices a change made by another connection to the same file', async () => {
    const before = await recommenderFor(ctx);
    // Another Kohtaanto cannot open the file while this one holds its lock; another SQLite tool still can.
    const other = new Database(file);
    other
      .prepare("INSERT INTO entities (id, kind, data, updated_at) VALUES ('srv-other', 'service', ?, 'x')")
      .run(JSON.stringify(validEntity({ id: 'srv-other', kind: 'service', name: { fi: 'Toisen prosessin palvelu' } })));
    other.close();
    const after = await recommenderFor(ctx);
    expect(after.info.revision).toBeGreaterThan(before.info.revision);
    expect(after.index.position.has('srv-other')).toBe(true);
  });
});

describe('recommend.evaluate', () => {
  it('reports precision, recall, nDCG and MRR per persona and overall, as the shared evaluator computes them', async () => {
    const ev = await ok<Evaluation>('recommend.evaluate', { k: 10 });
    const personas = (await ok<Entity[]>('entities.list', { kind: 'persona' })) as Persona[];
    expect(ev.k).toBe(10);
    // The example derives expected services from evidence; the English-speaking persona in Tampere has
    // none (no service in English there addresses its important needs), so it is skipped, not scored.
    const scored = personas.filter((p) => p.expectedServices.length);
    expect(scored).toHaveLength(4);
    expect(ev.cases).toHaveLength(scored.length);
    expect(ev.skipped).toEqual(['persona-tampere-24-en-kansainvalinen']);
    const { index } = await recommenderFor(ctx);
    const direct = evaluatePersonas(index, personas, await ok('links.list', { type: 'personaNeed' }), 10);
    expect(ev.overall).toEqual(direct.overall);
    for (const c of ev.cases) {
      for (const m of [c.precision, c.recall, c.ndcg, c.mrr]) expect(m).toBeGreaterThanOrEqual(0);
      expect(c.name).toBeTruthy();
      // Recall is the share of expected services found, so what was missed is the rest.
      expect(c.missed.length).toBe(Math.round(c.relevant * (1 - c.recall)));
    }
    expect(ev.overall.cases).toBe(scored.length);
    expect(await fails('recommend.evaluate', { k: 0 })).toBe('invalid_input');
  });
});

describe('matching runs (migration 0040)', () => {
  it('saves a run with its parameters and time, lists runs newest first, and keeps them across a restart', async () => {
    const a = await ok<MatchingRunRecord>('matching.run', {});
    const b = await ok<MatchingRunRecord>('matching.run', { threshold: 0.9, label: 'Tiukka kynnys' });
    expect(a.createdAt).toBe(fixedNow().toISOString());
    expect(a.params.threshold).toBe(0.5);
    expect(b.params.threshold).toBe(0.9);
    expect(b.label).toBe('Tiukka kynnys');
    expect(a.run.totals.personas).toBe(5);
    expect(a.totals.coverage).toBeGreaterThan(b.totals.coverage);
    expect(b.gaps).toBeGreaterThan(0);
    expect(a.names[OULU_17].fi).toMatch(/oululainen/);

    const list = await ok<MatchingRunSummary[]>('matching.runs');
    expect(list.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(list[0]).not.toHaveProperty('run');

    ctx.close();
    ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
    await ok('workspace.open', { path: file });
    const got = await ok<MatchingRunRecord>('matching.get', { id: b.id });
    expect(got.run).toEqual(b.run);
    expect(got.params).toEqual(b.params);
    expect((await ok<MatchingRunSummary[]>('matching.runs')).length).toBe(2);
    // Runs are results, not edits: saving one adds nothing to undo.
    expect((await ok<{ canUndo: boolean }>('history.state')).canUndo).toBe(false);
  });

  it('runs one life event: only its needs, the personas that have them, and its services', async () => {
    const all = await ok<MatchingRunRecord>('matching.run', {});
    const one = await ok<MatchingRunRecord>('matching.run', { lifeEventId: 'le-kotoa' });
    expect(one.run.scope.lifeEventId).toBe('le-kotoa');
    expect(one.run.scope.needs.length).toBeGreaterThan(0);
    expect(one.run.scope.needs.length).toBeLessThan(all.run.scope.needs.length);
    expect(one.run.scope.services.length).toBeLessThan(all.run.scope.services.length);
  });

  it('compares two runs: what improved and what got worse, as data and sentences', async () => {
    const loose = await ok<MatchingRunRecord>('matching.run', { threshold: 0.5 });
    const strict = await ok<MatchingRunRecord>('matching.run', { threshold: 0.9 });
    const worse = await ok<MatchingComparison>('matching.compare', { a: loose.id, b: strict.id });
    expect(worse.paramsChanged).toEqual(['threshold']);
    expect(worse.coverage.delta).toBeLessThan(0);
    expect(worse.worsened.some((c) => c.kind === 'gapOpened')).toBe(true);
    expect(worse.worsened.find((c) => c.kind === 'coverage')!.text).toMatch(/^Tarpeiden kattavuus muuttui 61,8 %:sta/);
    expect(worse.improved.every((c) => c.kind !== 'gapOpened')).toBe(true);
    expect(worse.personas).toHaveLength(5);
    expect(worse.personas.some((p) => p.after! < p.before!)).toBe(true);

    const better = await ok<MatchingComparison>('matching.compare', { a: strict.id, b: loose.id, language: 'sv' });
    expect(better.coverage.delta).toBe(-worse.coverage.delta);
    expect(better.improved.some((c) => c.kind === 'gapClosed')).toBe(true);
    expect(better.improved.find((c) => c.kind === 'gapClosed')!.text).toMatch(/Tjänsteluckan/);
  });

  it('deletes a run, and refuses unknown runs and invalid parameters', async () => {
    const r = await ok<MatchingRunRecord>('matching.run', {});
    await ok('matching.deleteRun', { id: r.id });
    expect(await ok<MatchingRunSummary[]>('matching.runs')).toEqual([]);
    expect(await fails('matching.deleteRun', { id: r.id })).toBe('not_found');
    expect(await fails('matching.get', { id: r.id })).toBe('not_found');
    expect(await fails('matching.compare', { a: r.id, b: r.id })).toBe('not_found');
    expect(await fails('matching.run', { threshold: 2 })).toBe('invalid_input');
    expect(await fails('matching.run', { lifeEventId: 'le-nope' })).toBe('not_found');
    expect(await fails('matching.run', { lifeEventId: OULU_17 })).toBe('not_found');
    expect(await fails('matching.run', { colour: 'red' })).toBe('invalid_input');
  });

  it('upgrades a version-30 workspace to 40 and keeps its data', () => {
    const old = path.join(dir, 'old.kohtaanto');
    const db = new Database(old);
    up0010(db);
    up0020(db);
    up0030(db);
    db.prepare("INSERT INTO entities (id, kind, data, updated_at) VALUES ('o1', 'organisation', ?, 'x')").run(
      JSON.stringify(validEntity({ id: 'o1', kind: 'organisation', name: { fi: 'Kela' } })),
    );
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 30');
    db.close();
    const ws = Workspace.open(old, { now: fixedNow });
    expect(ws.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(40);
    expect(ws.getEntity('o1')?.name.fi).toBe('Kela');
    expect(ws.db.prepare('SELECT count(*) AS n FROM matching_runs').get()).toEqual({ n: 0 });
    ws.close();
  });
});

describe('matching that tells the truth, on a hand-made workspace (issue 8)', () => {
  beforeEach(async () => {
    await ok('workspace.create', { path: path.join(dir, 'workspaces', 'truth.kohtaanto'), name: 'Kohtaanto' });
  });

  it('names services without a provider apart from organisations, keeps under-use and overlaps in agreement, and sizes equity groups', async () => {
    await buildTruthWorkspace((m, i) => ok(m, i));
    const rec = await ok<MatchingRunRecord>('matching.run', {});
    const { run } = rec;
    const money = run.overlaps.find((o) => o.need === TRUTH.money)!;
    expect(money.organisations).toEqual([TRUTH.kela, TRUTH.oulu]);
    expect(money.noProvider).toEqual([TRUTH.peer]);
    expect(money.services).toHaveLength(4);
    expect(run.coverage.find((r) => r.need === TRUTH.money)!.recommended).toHaveLength(3);
    // Four services serve a need both Finnish personas have; none of them is listed as serving no one.
    expect(run.underUse.unserved).toEqual([TRUTH.idle]);
    const svCounters = run.counters.find((c) => c.persona === TRUTH.personas[2])!;
    expect(svCounters.organisations).toHaveLength(1);
    expect(svCounters.noProvider).toEqual([TRUTH.sorg]);
    expect(svCounters.count).toBe(2);
    // Names for everything the run shows are saved with it, without "service:" stand-ins.
    expect(rec.names[TRUTH.sorg]?.fi).toBe('Sorgegrupp');
    expect(Object.keys(rec.names).some((k) => k.startsWith('service:'))).toBe(false);
    const en = run.equity.find((d) => d.dimension === 'language')!.groups.find((g) => g.group === 'en')!;
    expect(en).toMatchObject({ personas: 1, people: 5, coverage: 0, tooSmall: true, flagged: false });
    expect(rec.params.equityMinPersonas).toBe(2);
    const lowered = await ok<MatchingRunRecord>('matching.run', { equityMinPersonas: 1 });
    expect(lowered.params.equityMinPersonas).toBe(1);
    expect(lowered.run.equity.find((d) => d.dimension === 'language')!.groups.find((g) => g.group === 'en')).toMatchObject({ tooSmall: false, flagged: true });
    expect(await fails('matching.run', { equityMinPersonas: 0 })).toBe('invalid_input');
  });

  it('compares by the actual change and names groups: municipality names, languages and age bands in the user’s language', async () => {
    const { linkToCut } = await buildTruthWorkspace((m, i) => ok(m, i));
    const a = await ok<MatchingRunRecord>('matching.run', {});
    await ok('links.delete', { id: linkToCut });
    const b = await ok<MatchingRunRecord>('matching.run', {});
    const fi = await ok<MatchingComparison>('matching.compare', { a: a.id, b: b.id });
    const texts = (list: { text: string }[]) => list.map((c) => c.text).join('\n');
    // Finnish speakers' coverage stayed at 100 %: their new flag is not "worse".
    expect(texts(fi.worsened)).not.toMatch(/suomi|Oulu/);
    expect(texts(fi.unchanged)).toMatch(/^Kieli suomi \(2 profiilia, 20 henkilöä\/v\): kattavuus 100\s% → 100\s%\. Ryhmä poikkeaa nyt muista/m);
    expect(texts(fi.unchanged)).toMatch(/^Kunta Oulu \(2 profiilia/m);
    expect(texts(fi.worsened)).toMatch(/^Kieli ruotsi \(2 profiilia, 20 henkilöä\/v\): kattavuus 100\s% → 50\s%/m);
    for (const c of [...fi.improved, ...fi.worsened, ...fi.unchanged]) expect(c.text).not.toMatch(/ = |\b(564|091)\b/);
    const sv = await ok<MatchingComparison>('matching.compare', { a: a.id, b: b.id, language: 'sv' });
    expect(texts(sv.worsened)).toMatch(/^Språk svenska .*täckning 100\s% → 50\s%/m);
    expect(texts(sv.unchanged)).toMatch(/^Kommun Uleåborg /m);
    expect(texts(sv.worsened)).toMatch(/^Kommun Helsingfors /m);
  });

  it('reads a run saved by version 1 as version 2', async () => {
    const ws = ctx.requireWorkspace();
    const params = { threshold: 0.5, personalFitWeight: 0.3, perNeedTop: 3, overlapMinOrganisations: 3, equityMargin: 0.1, exactLimit: 20, underUseShare: 0.5, languageFilter: true };
    const totals = { personas: 1, needs: 1, services: 2, personaNeeds: 1, covered: 1, coverage: 1, coverageUnweighted: 1, people: 0 };
    const v1 = {
      format: 'kohtaanto-matching-run',
      version: 1,
      params,
      scope: { lifeEventId: null, personas: ['p'], needs: ['n'], services: ['s1', 's2'] },
      weighting: 'importance',
      totals,
      coverage: [],
      personas: [],
      gaps: [],
      overlaps: [],
      underUse: { notRecommended: ['s2'], recommendedTo: [{ service: 's1', personas: 1, people: 0 }], capacity: [] },
      counters: [{ persona: 'p', needs: 1, organisations: ['service:s1'], count: 1, method: 'exact', candidates: 1, lowerBound: 1, ratio: 1 }],
      equity: [],
    };
    ws.db
      .prepare('INSERT INTO matching_runs (id, created_at, label, params, summary, run, names) VALUES (?, ?, NULL, ?, ?, ?, ?)')
      .run('run-old', '2026-01-01T00:00:00.000Z', JSON.stringify(params), JSON.stringify({ totals, gaps: 0, overlaps: 0, equityFlags: 0 }), JSON.stringify(v1), JSON.stringify({ 'service:s1': { fi: 'Vanha palvelu' } }));
    const got = await ok<MatchingRunRecord>('matching.get', { id: 'run-old' });
    expect(got.run.version).toBe(2);
    expect(got.run.counters[0]).toMatchObject({ organisations: [], noProvider: ['s1'], count: 1 });
    expect(got.run.underUse).toEqual({ unserved: ['s2'], servedTo: [{ service: 's1', personas: 1, people: 0 }], capacity: [] });
    expect((await ok<MatchingRunSummary[]>('matching.runs'))[0].params.equityMinPersonas).toBe(1);
  });
});
