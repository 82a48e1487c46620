import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecommendResult } from '../../../shared/api/matching';
import { METERS, type Entity, type Link, type Service } from '../../../shared/model';
import { createBackend } from '..';
import { recommenderFor } from '../domains/matching';
import { Worker } from 'node:worker_threads';
import { recommenderThreadsOnline, savedSnapshotBytes, stopRecommenderWorker } from './cache';
import type { WorkerLoadJob, WorkerMessage, WorkerProgress, WorkerRowsJob } from './protocol';
import { ENTITY_ROWS_SQL, LEAN_ENTITY_ROWS_SQL, LINK_ROWS_SQL } from './inputs';
import { wordsOf } from '../../../shared/recommender/build';
import { FIELD_DESCRIPTION } from '../../../shared/recommender/features';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

// The workspaces here are small; below a size the index is built in-process, so the worker is asked for.
process.env.KOHTAANTO_RECOMMENDER_WORKER_FROM = '0';

let dir: string;
let file: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'workspaces', 'example.kohtaanto');
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  await ok('workspace.create', { path: file, example: true });
}, 60_000);
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
const savedRows = () => ctx.requireWorkspace().db.prepare('SELECT fingerprint, services FROM recommender_index_cache ORDER BY created_at, rowid').all() as { fingerprint: string; services: number }[];

describe('the recommender index off the main path (real SQLite file, real worker thread)', () => {
  it('builds once on the worker for concurrent requests while other calls answer at once, and saves it in the file', async () => {
    ctx.requireWorkspace().db.prepare('DELETE FROM recommender_index_cache').run();
    const done: string[] = [];
    const a = ok<RecommendResult>('recommend.query', { persona: { meters: { housing: 0 } }, top: 5 }).then((r) => (done.push('a'), r));
    const b = ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 }).then((r) => (done.push('b'), r));
    const stats = ok('workspace.stats').then((r) => (done.push('stats'), r));
    const [ra, rb] = await Promise.all([a, b, stats]);
    // Starting the worker alone takes longer than a stats call: it answered first, not after the build.
    expect(done[0]).toBe('stats');
    expect(ra.index.from).toBe('worker');
    expect(rb.index.revision).toBe(ra.index.revision);
    expect(savedRows()).toEqual([{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), services: 50 }]);
  }, 120_000);

  it('an import that changes the catalogue builds and saves its index in the background, before anyone asks', async () => {
    expect(savedRows()).toEqual([]);
    const bytes = fs.readFileSync(path.resolve(__dirname, '../../../../shared/data/ptv/v11/service-etalukio.json'));
    await ok('io.import', { importId: 'bg', files: [{ name: 'service-etalukio.json', dataBase64: bytes.toString('base64') }] });
    // No recommendation asked: the worker builds the new catalogue's index and saves it meanwhile.
    await expect.poll(() => savedRows().length, { timeout: 60_000, interval: 100 }).toBe(1);
    expect(savedRows()[0].services).toBe((await ok<{ entities: Record<string, number> }>('workspace.stats')).entities.service);
    const r = await ok<RecommendResult>('recommend.query', { text: 'lukio', top: 5 });
    expect(r.index.from).toBe('file');
    expect(r.results.length).toBeGreaterThan(0);
    // The same file again changes no service: nothing is built.
    await ok('io.import', { importId: 'bg2', files: [{ name: 'service-etalukio.json', dataBase64: bytes.toString('base64') }] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(savedRows()).toHaveLength(1);
  }, 120_000);

  it('reads the saved index after reopening, and builds again (keeping the previous one) when the catalogue changes', async () => {
    const first = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    const [saved] = savedRows();
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    const reopened = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(reopened.index.from).toBe('file');
    expect(reopened.results.map((r) => [r.serviceId, r.score])).toEqual(first.results.map((r) => [r.serviceId, r.score]));

    await ok('entities.create', { entity: { kind: 'service', name: { fi: 'Velkaneuvonnan uusi palvelu' } } });
    const changed = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(changed.index.from).toBe('worker');
    expect(changed.index.services).toBe(51);
    const rows = savedRows();
    expect(rows).toHaveLength(2);
    expect(rows[0].fingerprint).toBe(saved.fingerprint);
    expect(rows[1].services).toBe(51);
    // Undo brings the catalogue back to the first fingerprint: its snapshot is still there.
    await ok('history.undo');
    const undone = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(undone.index.from).toBe('file');
    expect(undone.index.services).toBe(50);
  }, 180_000);

  it('lets the worker thread read a saved snapshot for the server thread (byte for byte, null when there is none)', async () => {
    await ok('recommend.query', { text: 'velkaneuvonta', top: 5 });
    const [saved] = savedRows();
    const expected = savedSnapshotBytes(ctx.requireWorkspace(), saved.fingerprint)!;
    const thread = new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(path.join(__dirname, 'worker.ts'))});`, { eval: true });
    const ask = (job: WorkerLoadJob) =>
      new Promise<WorkerMessage>((resolve) => {
        thread.once('message', resolve);
        thread.postMessage(job);
      });
    try {
      const found = await ask({ id: 1, type: 'load', file, fingerprint: saved.fingerprint });
      expect(found.ok && 'loaded' in found && Buffer.from(found.loaded!).equals(Buffer.from(expected))).toBe(true);
      const none = await ask({ id: 2, type: 'load', file, fingerprint: 'f'.repeat(32) });
      expect(none).toEqual({ id: 2, ok: true, loaded: null });
      const broken = await ask({ id: 3, type: 'load', file: path.join(dir, 'no-such.kohtaanto'), fingerprint: saved.fingerprint });
      expect(broken.ok).toBe(false);
      // A warm open's rows: every lean row in id order, 20 a message, the counters on the last, then the snapshot.
      const sent: (WorkerMessage | WorkerProgress)[] = [];
      await new Promise<void>((resolve) => {
        const take = (m: WorkerMessage | WorkerProgress) => {
          sent.push(m);
          if ('rows' in m) return;
          thread.off('message', take);
          resolve();
        };
        thread.on('message', take);
        thread.postMessage({ id: 4, type: 'rows', file, fingerprint: saved.fingerprint, rowsPerMessage: 20 } satisfies WorkerRowsJob);
      });
      const db = ctx.requireWorkspace().db;
      const lean = (db.prepare(LEAN_ENTITY_ROWS_SQL).all('', -1) as { data: string }[]).map((r) => JSON.parse(r.data) as unknown);
      const pages = sent.filter((m): m is WorkerProgress => 'rows' in m);
      expect(pages.length).toBe(Math.floor(lean.length / 20) + 1);
      expect(pages.flatMap((m) => JSON.parse(m.rows) as unknown[])).toEqual(lean);
      const counters = Object.fromEntries((db.prepare("SELECT name, version FROM recommender_inputs WHERE name IN ('catalogue', 'index')").all() as { name: string; version: number }[]).map((r) => [r.name, r.version]));
      expect(pages.map((m) => m.versions)).toEqual([...pages.slice(1).map(() => undefined), counters]);
      const last = sent[sent.length - 1];
      expect(last.ok && 'loaded' in last && Buffer.from(last.loaded!).equals(Buffer.from(expected))).toBe(true);
    } finally {
      await thread.terminate();
    }
  }, 120_000);

  it('after reopening, assembles the index from services read without descriptions; explanations still read the description, and a snapshot that does not read brings the whole records back', async () => {
    const first = await recommenderFor(ctx);
    const withText = first.index.services.findIndex((s) => (s.description?.fi ?? '').length > 40);
    expect(withText).toBeGreaterThanOrEqual(0);
    const descriptionWords = (index: typeof first.index) => wordsOf(index, withText).filter((w) => w.field === FIELD_DESCRIPTION).map((w) => w.token);
    const expected = descriptionWords(first.index);
    expect(expected.length).toBeGreaterThan(3);
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    const reopened = await recommenderFor(ctx);
    expect(reopened.source).toBe('file');
    expect(reopened.index.services[withText].description).toBeUndefined();
    expect(reopened.index.services[withText].name).toEqual(first.index.services[withText].name);
    expect(descriptionWords(reopened.index)).toEqual(expected);
    const query = { persona: { meters: { finance: 1, housing: 2 } }, text: 'velkaneuvonta', top: 10 };
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    const lean = await ok<RecommendResult>('recommend.query', query);
    // A damaged snapshot: the lean read is not enough to build from, so the records are read whole and the index is built.
    await ok('workspace.close');
    const raw = new Database(file);
    raw.prepare("UPDATE recommender_index_cache SET snapshot = x'00010203'").run();
    raw.close();
    await ok('workspace.open', { path: file });
    const rebuilt = await ok<RecommendResult>('recommend.query', query);
    expect(rebuilt.index.from).not.toBe('file');
    expect(rebuilt.results.map((r) => [r.serviceId, r.score, r.explanation])).toEqual(lean.results.map((r) => [r.serviceId, r.score, r.explanation]));
    const after = await recommenderFor(ctx);
    expect(after.index.services[withText].description).toEqual(first.index.services[withText].description);
  }, 180_000);

  it('a warm open has its rows read on the reader thread: the same index as rows read here, and rows of another state than the links read here are not mixed in', async () => {
    const query = { persona: { meters: { finance: 1, housing: 2 } }, text: 'velkaneuvonta', top: 10 };
    const built = await recommenderFor(ctx);
    const first = await ok<RecommendResult>('recommend.query', query);
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    // The opening started the reader thread (the file holds this catalogue's snapshot); once it is up it reads the rows, then the snapshot.
    await recommenderThreadsOnline();
    const warm = await ok<RecommendResult>('recommend.query', query);
    expect(warm.index).toMatchObject({ from: 'file', rowsReadOn: 'worker' });
    expect(warm.results.map((r) => [r.serviceId, r.score, r.explanation])).toEqual(first.results.map((r) => [r.serviceId, r.score, r.explanation]));
    const entry = await recommenderFor(ctx);
    expect(entry.index.services.map((s) => [s.id, s.name, s.areas, s.languages])).toEqual(built.index.services.map((s) => [s.id, s.name, s.areas, s.languages]));
    expect([...entry.index.sameAs]).toEqual([...built.index.sameAs]);
    expect(entry.index.providers).toEqual(built.index.providers);

    // Another process renames a service while the index is read: the worker's rows and this thread's links would be of two states.
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    await recommenderThreadsOnline();
    const [target] = await services();
    const pending = recommenderFor(ctx);
    const other = new Database(file);
    other.prepare("UPDATE entities SET data = json_set(data, '$.name.fi', 'Toisen prosessin nimi') WHERE id = ?").run(target.id);
    other.close();
    const after = await pending;
    expect(after.info.rowsReadOn).toBe('server');
    expect(after.index.services[after.index.position.get(target.id)!].name.fi).toBe('Toisen prosessin nimi');
  }, 180_000);

  it('reads the catalogue page by page along an index, without sorting all rows of the kind again for every page or walking past other links', () => {
    const db = ctx.requireWorkspace().db;
    const planOf = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' / ');
    for (const sql of [ENTITY_ROWS_SQL, LEAN_ENTITY_ROWS_SQL]) {
      const plan = planOf(sql, '', 500);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(plan).toMatch(/sqlite_autoindex_entities_1 \(id>\?\)/);
    }
    // Links of one type from after a (source, target) pair: a seek in the (type, source, target) index, not a walk of every link.
    const plan = planOf(LINK_ROWS_SQL, 'provides', '', '', 500);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(/sqlite_autoindex_links_2 \(type=\? AND \(source,target\)>\(\?,\?\)\)/);
  });

  it('uses the worker\'s build only if the worker read the catalogue this thread read: a write from another process between the two reads is not mixed in', async () => {
    ctx.requireWorkspace().db.prepare('DELETE FROM recommender_index_cache').run();
    const [target] = await services();
    // A worker that has to start first reads the file only after the write below; this thread has read the small catalogue by the next turn of the event loop.
    await stopRecommenderWorker();
    const pending = recommenderFor(ctx);
    await new Promise((resolve) => setImmediate(resolve));
    const other = new Database(file);
    other.prepare("UPDATE entities SET data = json_set(data, '$.name.fi', 'Toisen prosessin nimi') WHERE id = ?").run(target.id);
    other.close();
    const first = await pending;
    expect(first.source).toBe('inline');
    expect(first.index.services[first.index.position.get(target.id)!].name.fi).toBe(target.name.fi);
    // The write is seen on the next request; the worker's build of it was saved under its own fingerprint, so it is not built again.
    const next = await recommenderFor(ctx);
    expect(next.index.services[next.index.position.get(target.id)!].name.fi).toBe('Toisen prosessin nimi');
    expect(next.source).toBe('file');
  }, 180_000);

  it('a change of providers, which the saved snapshot does not key on, still changes which records are the same service', async () => {
    const make = async (kind: string, name: string) => (await ok<{ id: string }>('entities.create', { entity: { kind, name: { fi: name } } })).id;
    const [a, b] = [await make('service', 'Sama nimi, eri tarjoajat'), await make('service', 'Sama nimi, eri tarjoajat')];
    const [orgA, orgB] = [await make('organisation', 'Tarjoaja A'), await make('organisation', 'Tarjoaja B')];
    await ok('links.create', { type: 'provides', source: orgA, target: a });
    const toCut = await ok<{ id: string }>('links.create', { type: 'provides', source: orgB, target: b });
    const sameAs = async (id: string) => {
      const { index } = await recommenderFor(ctx);
      return index.services[index.sameAs[index.position.get(id)!]].id;
    };
    expect(await sameAs(b)).toBe(b);
    // Now both are offered by no one but A: one service in two records.
    await ok('links.delete', { id: toCut.id });
    await ok('links.create', { type: 'provides', source: orgA, target: b });
    const entry = await recommenderFor(ctx);
    expect(entry.source).toBe('file');
    expect(await sameAs(b)).toBe(a < b ? a : b);
    expect(await sameAs(a)).toBe(a < b ? a : b);
  }, 180_000);

  it('assembles the index from the saved snapshot, without a build, after a change outside the catalogue (a need linked to a service)', async () => {
    const first = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    const need = await ok<{ id: string }>('entities.create', { entity: { kind: 'need', name: { fi: 'Velkojen hoito' } } });
    await ok('links.create', { type: 'addresses', source: first.results[0].serviceId, target: need.id });
    const after = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(after.index.from).toBe('file');
    expect(after.index.revision).toBeGreaterThan(first.index.revision);
    expect(after.results.map((r) => [r.serviceId, r.score])).toEqual(first.results.map((r) => [r.serviceId, r.score]));
    expect(savedRows()).toHaveLength(1);
  }, 180_000);
});

const PERSONA = { kind: 'persona', name: { fi: 'Testi' }, ageMin: 20, ageMax: 30, meters: Object.fromEntries(METERS.map((m) => [m, 5])) };
const counters = () =>
  Object.fromEntries((ctx.requireWorkspace().db.prepare('SELECT name, version FROM recommender_inputs').all() as { name: string; version: number }[]).map((r) => [r.name, r.version]));
const services = async () => (await ok<Entity[]>('entities.list', { kind: 'service' })) as Service[];
const lifeEventLinks = async () => (await ok<Link[]>('links.list', { type: 'inLifeEvent' })).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the input counters (migration 0110) that stand for the catalogue between reads', () => {
  it('move with every change the index reads, and with nothing else', async () => {
    const moved = async (what: () => Promise<unknown>) => {
      const before = counters();
      await what();
      const after = counters();
      return { catalogue: after.catalogue - before.catalogue > 0, index: after.index - before.index > 0 };
    };
    const [s0] = await services();
    expect(await moved(() => ok('entities.update', { entity: { ...s0, name: { fi: 'Uusi nimi' } } }))).toEqual({ catalogue: true, index: true });
    // The same document written again (only updated_at changes) is no change.
    const again = (await ok<{ entity: Service }>('entities.get', { id: s0.id })).entity;
    expect(await moved(() => ok('entities.update', { entity: again }))).toEqual({ catalogue: false, index: false });
    let need = '';
    expect(await moved(async () => (need = (await ok<{ id: string }>('entities.create', { entity: { kind: 'need', name: { fi: 'Uusi tarve' } } })).id))).toEqual({ catalogue: false, index: true });
    expect(await moved(() => ok('links.create', { type: 'addresses', source: s0.id, target: need }))).toEqual({ catalogue: false, index: true });
    const [le] = await lifeEventLinks();
    expect(await moved(() => ok('links.delete', { id: le.id }))).toEqual({ catalogue: true, index: true });
    expect(await moved(() => ok('history.undo'))).toEqual({ catalogue: true, index: true });
    let lifeEvent = '';
    expect(await moved(async () => (lifeEvent = (await ok<{ id: string }>('entities.create', { entity: { kind: 'lifeEvent', name: { fi: 'Muutto' } } })).id))).toEqual({ catalogue: true, index: true });
    expect(await moved(() => ok('links.create', { type: 'hasNeed', source: lifeEvent, target: need }))).toEqual({ catalogue: false, index: true });
    // Personas, organisations, the canvas and the title are not read by the index; who provides a service is.
    expect(await moved(() => ok('entities.create', { entity: PERSONA }))).toEqual({ catalogue: false, index: false });
    let org = '';
    expect(await moved(async () => (org = (await ok<{ id: string }>('entities.create', { entity: { kind: 'organisation', name: { fi: 'Kunta' } } })).id))).toEqual({ catalogue: false, index: false });
    expect(await moved(() => ok('links.create', { type: 'provides', source: org, target: s0.id }))).toEqual({ catalogue: false, index: true });
    expect(await moved(() => ok('canvas.setViewport', { view: 'main', viewport: { x: 10, y: 20, zoom: 0.5 } }))).toEqual({ catalogue: false, index: false });
    // Another SQLite connection's write moves them too: the triggers are in the file.
    expect(
      await moved(async () => {
        const other = new Database(file);
        other.prepare("UPDATE entities SET data = json_set(data, '$.name.fi', 'Toisen työkalun nimi') WHERE id = ?").run(s0.id);
        other.close();
      }),
    ).toEqual({ catalogue: true, index: true });
  }, 120_000);

  it('rebuilds after an edit, after an unlink and a link, and after undo, each time with what the file now holds; an unrelated write keeps the index', async () => {
    const first = await recommenderFor(ctx);
    // Unrelated writes: the counters say nothing the index reads moved, so no rows are read again.
    await ok('canvas.setViewport', { view: 'main', viewport: { x: 1, y: 2, zoom: 1 } });
    await ok('entities.create', { entity: { ...PERSONA, name: { fi: 'Ei vaikuta' } } });
    const kept = await recommenderFor(ctx);
    expect(kept).toBe(first);

    const target = first.index.services[3];
    await ok('entities.update', { entity: { ...target, name: { fi: 'Zorblaksin neuvonta' } } });
    const edited = await recommenderFor(ctx);
    expect(edited.info.revision).toBeGreaterThan(first.info.revision);
    expect(edited.source).toBe('worker');
    expect(edited.index.services[edited.index.position.get(target.id)!].name.fi).toBe('Zorblaksin neuvonta');
    expect((await ok<RecommendResult>('recommend.query', { text: 'zorblaksin', top: 1 })).results[0].serviceId).toBe(target.id);

    // Move a service's life event to another service: unlink, then link.
    const [le] = await lifeEventLinks();
    const other = edited.index.services.find((s) => s.id !== le.source && !edited.index.serviceLifeEvents[edited.index.position.get(s.id)!].has(le.target))!;
    expect(edited.index.serviceLifeEvents[edited.index.position.get(le.source)!].has(le.target)).toBe(true);
    await ok('links.delete', { id: le.id });
    await ok('links.create', { type: 'inLifeEvent', source: other.id, target: le.target });
    const moved = await recommenderFor(ctx);
    expect(moved.info.revision).toBeGreaterThan(edited.info.revision);
    expect(moved.source).toBe('worker');
    expect(moved.index.serviceLifeEvents[moved.index.position.get(le.source)!].has(le.target)).toBe(false);
    expect(moved.index.serviceLifeEvents[moved.index.position.get(other.id)!].has(le.target)).toBe(true);

    // Undo both: the catalogue is as after the edit again, and that snapshot is still in the file.
    await ok('history.undo');
    await ok('history.undo');
    const undone = await recommenderFor(ctx);
    expect(undone.info.revision).toBeGreaterThan(moved.info.revision);
    expect(undone.source).toBe('file');
    expect(undone.index.serviceLifeEvents[undone.index.position.get(le.source)!].has(le.target)).toBe(true);
    expect(undone.index.serviceLifeEvents[undone.index.position.get(other.id)!].has(le.target)).toBe(false);
    expect([...undone.index.affinity]).toEqual([...edited.index.affinity]);

    // And the edit itself undone: the original name, the original affinities.
    await ok('history.undo');
    const original = await recommenderFor(ctx);
    expect(original.index.services[original.index.position.get(target.id)!].name.fi).toBe(target.name.fi);
    expect([...original.index.affinity]).toEqual([...first.index.affinity]);
  }, 180_000);

  it('after reopening, takes the catalogue fingerprint the counter stands for instead of hashing the rows', async () => {
    await recommenderFor(ctx);
    const db = () => ctx.requireWorkspace().db;
    const seen = db().prepare('SELECT version, fingerprint FROM recommender_catalogue_seen').all() as { version: number; fingerprint: string }[];
    expect(seen).toEqual([{ version: counters().catalogue, fingerprint: savedRows()[0].fingerprint }]);
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    expect((await recommenderFor(ctx)).source).toBe('file');

    // Proof that the rows were not hashed: a fingerprint the counter is said to stand for, that no snapshot has, makes it build.
    // (Here, not on the worker: the worker hashes the rows it reads itself, so its build is of another catalogue than this thread's.)
    await ok('workspace.close');
    const raw = new Database(file);
    raw.prepare("UPDATE recommender_catalogue_seen SET fingerprint = 'not-a-saved-fingerprint'").run();
    raw.close();
    await ok('workspace.open', { path: file });
    expect((await recommenderFor(ctx)).source).toBe('inline');
    expect(savedRows().map((r) => r.fingerprint)).toContain('not-a-saved-fingerprint');
  }, 180_000);

  it('without its triggers (a file some tool changed), reads and hashes the rows as before, and still sees every change', async () => {
    const first = await recommenderFor(ctx);
    await ok('workspace.close');
    const raw = new Database(file);
    raw.exec('DROP TRIGGER recommender_inputs_link_insert');
    raw.close();
    await ok('workspace.open', { path: file });
    const reopened = await recommenderFor(ctx);
    expect(reopened.source).toBe('file');
    const [le] = await lifeEventLinks();
    const other = first.index.services.find((s) => s.id !== le.source && !first.index.serviceLifeEvents[first.index.position.get(s.id)!].has(le.target))!;
    const before = counters();
    await ok('links.create', { type: 'inLifeEvent', source: other.id, target: le.target });
    expect(counters()).toEqual(before);
    const after = await recommenderFor(ctx);
    expect(after.source).toBe('worker');
    expect(after.index.serviceLifeEvents[after.index.position.get(other.id)!].has(le.target)).toBe(true);
  }, 180_000);
});

