import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntityPage, EntityPageInput } from '../../../shared/api/entities';
import type { Entity } from '../../../shared/model';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { MIGRATIONS } from '../store/migrations';
import { APPLICATION_ID } from '../store/open';
import { validEntity, Workspace } from '../store/workspace';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;
let file: string;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'workspaces', 'a.kohtaanto');
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  await ok('workspace.create', { path: file, name: 'A' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
const page = (input: Omit<EntityPageInput, 'kind'> & { kind?: EntityPageInput['kind'] }) => ok<EntityPage>('entities.page', { kind: 'service', ...input });
const names = (p: EntityPage, lang: 'fi' | 'sv' = 'fi') => p.rows.map((r) => r.entity.name[lang] ?? r.entity.name.fi);

async function service(id: string, fi: string, sv?: string): Promise<Entity> {
  return ok<Entity>('entities.create', { entity: { id, kind: 'service', name: { fi, ...(sv ? { sv } : {}) } } });
}

describe('entities.page: a table searched, sorted and paged in the database (real SQLite file)', () => {
  beforeEach(async () => {
    await service('srv-a', 'Öljylämmityksen neuvonta', 'Rådgivning om oljeuppvärmning');
    await service('srv-b', 'äitiysavustus', 'Moderskapsunderstöd');
    await service('srv-c', 'Asumistuki', 'Bostadsbidrag');
    await service('srv-d', 'Åbolands tolkkipalvelu', 'Åbolands tolktjänst');
    await service('srv-e', 'Zumba-kurssi');
    await service('srv-f', 'Bussikortti', 'Busskort');
    await ok('entities.create', { entity: { id: 'org-1', kind: 'organisation', name: { fi: 'Äänekosken kaupunki' } } });
  });

  it('sorts names in the Finnish alphabet, case-blind: … z, å, ä, ö; and reversed', async () => {
    const asc = await page({ sort: 'name', dir: 'asc', limit: 100 });
    expect(names(asc)).toEqual(['Asumistuki', 'Bussikortti', 'Zumba-kurssi', 'Åbolands tolkkipalvelu', 'äitiysavustus', 'Öljylämmityksen neuvonta']);
    expect(asc.total).toBe(6);
    const desc = await page({ sort: 'name', dir: 'desc', limit: 100 });
    expect(names(desc)).toEqual([...names(asc)].reverse());
  });

  it('sorts by the names of the language asked for, falling back to Finnish', async () => {
    const sv = await page({ lang: 'sv', limit: 100 });
    expect(names(sv, 'sv')).toEqual(['Bostadsbidrag', 'Busskort', 'Moderskapsunderstöd', 'Rådgivning om oljeuppvärmning', 'Zumba-kurssi', 'Åbolands tolktjänst']);
  });

  it('pages with a total that counts every match', async () => {
    const first = await page({ offset: 0, limit: 2 });
    const second = await page({ offset: 2, limit: 2 });
    const past = await page({ offset: 10, limit: 2 });
    expect(names(first)).toEqual(['Asumistuki', 'Bussikortti']);
    expect(names(second)).toEqual(['Zumba-kurssi', 'Åbolands tolkkipalvelu']);
    expect([first.total, second.total, past.total, past.rows.length]).toEqual([6, 6, 6, 0]);
  });

  it('searches names in every language and ids, case-blind for ä and ö, short text too', async () => {
    expect(names(await page({ search: 'ÄITIYS' }))).toEqual(['äitiysavustus']);
    expect(names(await page({ search: 'öljy' }))).toEqual(['Öljylämmityksen neuvonta']);
    expect(names(await page({ search: 'Öl' }))).toEqual(['Öljylämmityksen neuvonta']);
    // The Swedish name of Åbolands tolkkipalvelu (tolktjänst) has an ä too.
    expect(names(await page({ search: 'ä' }))).toEqual(['Åbolands tolkkipalvelu', 'äitiysavustus', 'Öljylämmityksen neuvonta']);
    expect(names(await page({ search: 'bostads' }))).toEqual(['Asumistuki']);
    expect(names(await page({ search: 'srv-f' }))).toEqual(['Bussikortti']);
    // A quote or a percent sign is text, not syntax.
    expect((await page({ search: '"a" OR b' })).total).toBe(0);
    expect((await page({ search: '%' })).total).toBe(0);
    // Only the kind asked for: the organisation named Ä… is not a service.
    expect((await page({ search: 'äänekosk' })).total).toBe(0);
    expect((await page({ kind: 'organisation', search: 'äänekosk' })).total).toBe(1);
  });

  it('follows edits, deletes and undo', async () => {
    const c = await ok<{ entity: Entity }>('entities.get', { id: 'srv-c' });
    await ok('entities.update', { entity: { ...c.entity, name: { fi: 'Yleinen asumistuki' } } });
    expect(names(await page({ search: 'yleinen' }))).toEqual(['Yleinen asumistuki']);
    expect((await page({ search: 'bostadsbidrag' })).total).toBe(0);
    expect(names(await page({ limit: 100 }))).toEqual(['Bussikortti', 'Yleinen asumistuki', 'Zumba-kurssi', 'Åbolands tolkkipalvelu', 'äitiysavustus', 'Öljylämmityksen neuvonta']);
    await ok('entities.delete', { id: 'srv-f' });
    expect((await page({ search: 'bussi' })).total).toBe(0);
    await ok('history.undo', {});
    expect(names(await page({ search: 'bussi' }))).toEqual(['Bussikortti']);
  });

  it('counts links per row and sorts by them and by a field', async () => {
    await ok('links.create', { type: 'provides', source: 'org-1', target: 'srv-e' });
    const byLinks = await page({ sort: 'links', dir: 'desc', limit: 2 });
    expect(byLinks.rows.map((r) => [r.entity.id, r.links])).toEqual([
      ['srv-e', 1],
      ['srv-c', 0],
    ]);
    const b = await ok<{ entity: Entity }>('entities.get', { id: 'srv-b' });
    await ok('entities.update', { entity: { ...b.entity, areaType: 'limited' } });
    // 'limited' before 'nationwide'; within one value by name, whichever way the column runs.
    const byArea = await page({ sort: 'areaType', dir: 'asc', limit: 100 });
    expect(byArea.rows.map((r) => r.entity.id)).toEqual(['srv-b', 'srv-c', 'srv-f', 'srv-e', 'srv-d', 'srv-a']);
    const byAreaDesc = await page({ sort: 'areaType', dir: 'desc', limit: 100 });
    expect(byAreaDesc.rows.map((r) => r.entity.id)).toEqual(['srv-c', 'srv-f', 'srv-e', 'srv-d', 'srv-a', 'srv-b']);
  });

  it('says where an entity sits in the sorted, searched table', async () => {
    expect(await ok('entities.position', { kind: 'service', id: 'srv-b' })).toEqual({ index: 4 });
    expect(await ok('entities.position', { kind: 'service', id: 'srv-b', dir: 'desc' })).toEqual({ index: 1 });
    expect(await ok('entities.position', { kind: 'service', id: 'srv-b', search: 'bussi' })).toEqual({ index: -1 });
  });

  it('rejects a page larger than the limit', async () => {
    const r = await registry.call('entities.page', { kind: 'service', limit: 501 });
    expect(r.ok).toBe(false);
  });
});

describe('migration 0090 on a workspace written before it', () => {
  it('indexes the entities already there', () => {
    ctx.close();
    const old = path.join(dir, 'old.kohtaanto');
    const db = new Database(old);
    const before = MIGRATIONS.filter((x) => x.version < 90);
    for (const m of before) m.up(db);
    const put = db.prepare("INSERT INTO entities (id, kind, data, updated_at) VALUES (?, 'service', ?, 'x')");
    put.run('srv-1', JSON.stringify(validEntity({ id: 'srv-1', kind: 'service', name: { fi: 'Äitiysneuvola' } })));
    put.run('srv-2', JSON.stringify(validEntity({ id: 'srv-2', kind: 'service', name: { fi: 'Apteekki' } })));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${before[before.length - 1].version}`);
    db.close();

    const ws = Workspace.open(old, { now: fixedNow });
    try {
      expect(ws.schemaVersion()).toBeGreaterThanOrEqual(90);
      const rows = ws.db.prepare("SELECT rowid FROM entities_search WHERE entities_search MATCH '\"neuvola\"'").all();
      expect(rows).toHaveLength(1);
      const order = ws.db.prepare("SELECT id FROM entities WHERE kind = 'service' ORDER BY sort_fi").pluck().all();
      expect(order).toEqual(['srv-2', 'srv-1']);
    } finally {
      ws.close();
    }
  });
});
