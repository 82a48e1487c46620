import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../shared/api/contract';
import type { Entity, Link } from '../../../shared/model';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  await ok('workspace.create', { path: path.join(dir, 'workspaces', 'a.kohtaanto'), name: 'A' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);

async function create(kind: string, fi: string, sv?: string): Promise<string> {
  return (await ok<Entity>('entities.create', { entity: { kind, name: { fi, ...(sv ? { sv } : {}) } } })).id;
}

describe('history labels carry a message key and names', () => {
  it('names both ends of a link in every language the names have, and says what undo undid', async () => {
    const kela = await create('organisation', 'Kela', 'FPA');
    const tuki = await create('service', 'Toimeentulotuki', 'Utkomststöd');
    await ok('links.create', { type: 'provides', source: kela, target: tuki });
    const state = await ok<HistoryState>('history.state', {});
    expect(state.undoLabel).toBe('Link provides Kela → Toimeentulotuki');
    expect(state.undo).toEqual({
      key: 'linkCreate',
      params: { type: 'provides', source: { fi: 'Kela', sv: 'FPA' }, target: { fi: 'Toimeentulotuki', sv: 'Utkomststöd' } },
      entity: { kind: 'organisation', id: kela },
    });
    const undone = await ok<HistoryState>('history.undo', {});
    expect(undone.done?.key).toBe('linkCreate');
    expect(undone.doneLabel).toBe('Link provides Kela → Toimeentulotuki');
    // What is now on top is the service's creation.
    expect(undone.undo).toMatchObject({ key: 'entityCreate', params: { kind: 'service', name: { fi: 'Toimeentulotuki' } } });
    const redone = await ok<HistoryState>('history.redo', {});
    expect(redone.done?.key).toBe('linkCreate');
  });

  it('marks map-only steps as such', async () => {
    const a = await create('need', 'Tarve');
    await ok('canvas.move', { view: 'main', moves: [{ id: a, x: 10, y: 20 }] });
    const state = await ok<HistoryState>('history.state', {});
    expect(state.undoLabel).toBe('Move 1 node');
    expect(state.undo).toEqual({ key: 'canvasMove', params: { reason: 'move', count: 1 }, screen: 'map' });
  });
});

describe('links.createMany', () => {
  it('links several at once as one undoable step', async () => {
    const need = await create('need', 'Hautajaiset');
    const s = [await create('service', 'Palvelu'), await create('service', 'Palvelu'), await create('service', 'Palvelu')];
    const links = await ok<Link[]>('links.createMany', { links: s.map((id) => ({ type: 'addresses', source: id, target: need })) });
    expect(links).toHaveLength(3);
    const state = await ok<HistoryState>('history.state', {});
    expect(state.undo).toMatchObject({ key: 'linkCreateMany', params: { count: 3, type: 'addresses', name: { fi: 'Hautajaiset' } } });
    await ok('history.undo', {});
    expect(await ok<Link[]>('links.list', {})).toEqual([]);
    // The services themselves are still there: one undo took exactly the three links.
    expect((await ok<Entity[]>('entities.list', { kind: 'service' })).length).toBe(3);
  });

  it('writes none when one of them is invalid', async () => {
    const need = await create('need', 'Tarve');
    const svc = await create('service', 'Palvelu');
    const r = await registry.call('links.createMany', {
      links: [
        { type: 'addresses', source: svc, target: need },
        { type: 'addresses', source: need, target: svc },
      ],
    });
    expect(r.ok).toBe(false);
    expect(await ok<Link[]>('links.list', {})).toEqual([]);
  });
});

describe('entities.create with linkTo', () => {
  it('creates a need already in a life event, undone in one step', async () => {
    const le = await create('lifeEvent', 'Läheisen kuolema');
    const need = await ok<Entity>('entities.create', { entity: { kind: 'need', name: { fi: 'Perunkirjoitus' } }, linkTo: [{ type: 'hasNeed', other: le, outgoing: false }] });
    expect(await ok<Link[]>('links.list', {})).toMatchObject([{ type: 'hasNeed', source: le, target: need.id }]);
    const state = await ok<HistoryState>('history.state', {});
    expect(state.undo).toMatchObject({ key: 'entityCreateLinked', params: { kind: 'need', otherKind: 'lifeEvent', other: { fi: 'Läheisen kuolema' } } });
    await ok('history.undo', {});
    expect(await ok<Link[]>('links.list', {})).toEqual([]);
    expect((await ok<Entity[]>('entities.list', { kind: 'need' })).length).toBe(0);
    expect((await ok<Entity[]>('entities.list', { kind: 'lifeEvent' })).length).toBe(1);
  });

  it('leaves the workspace as it was when the link is of the wrong kind', async () => {
    const le = await create('lifeEvent', 'Läheisen kuolema');
    const r = await registry.call('entities.create', { entity: { kind: 'persona', name: { fi: 'Leski' } }, linkTo: [{ type: 'hasNeed', other: le, outgoing: false }] });
    expect(r.ok).toBe(false);
    expect((await ok<Entity[]>('entities.list', { kind: 'persona' })).length).toBe(0);
    expect((await ok<HistoryState>('history.state', {})).undo?.key).toBe('entityCreate');
  });
});

describe('entities.list, links.list and their chunked scans (real SQLite file)', () => {
  it('lists by kind then id, and the scans give every object once in id order, unshifted by a delete between chunks', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await create(i % 2 ? 'service' : 'need', `E${i}`));
    const org = await create('organisation', 'Org');
    for (const s of ids.filter((_, i) => i % 2)) await ok('links.create', { type: 'provides', source: org, target: s });
    for (const [i, n] of ids.entries()) if (i % 2 === 0) await ok('links.create', { type: 'addresses', source: ids[1], target: n });

    const list = await ok<Entity[]>('entities.list', {});
    const byKindId = (a: { kind: string; id: string }, b: { kind: string; id: string }) => (a.kind + '\0' + a.id < b.kind + '\0' + b.id ? -1 : 1);
    expect(list.map((e) => e.id)).toEqual([...list].sort(byKindId).map((e) => e.id));
    expect(list.map((e) => e.kind)).toEqual(['need', 'need', 'need', 'need', 'organisation', 'service', 'service', 'service']);
    const links = await ok<Link[]>('links.list', {});
    expect(links.map((l) => l.type + l.id)).toEqual(links.map((l) => l.type + l.id).sort());
    expect(new Set(links.map((l) => l.type))).toEqual(new Set(['addresses', 'provides']));

    const sortedIds = list.map((e) => e.id).sort();
    const first = await ok<{ items: Entity[]; next: string | null }>('entities.scan', { limit: 3 });
    expect(first.items.map((e) => e.id)).toEqual(sortedIds.slice(0, 3));
    expect(first.next).toBe(sortedIds[2]);
    // An entity of the first chunk deleted before the next one is asked for shifts nothing.
    await ok('entities.delete', { id: sortedIds[0] });
    const rest: Entity[] = [];
    for (let after = first.next; after; ) {
      const chunk = await ok<{ items: Entity[]; next: string | null }>('entities.scan', { after, limit: 3 });
      rest.push(...chunk.items);
      after = chunk.next;
    }
    expect(rest.map((e) => e.id)).toEqual(sortedIds.slice(3));

    const linkChunks: Link[] = [];
    let after: string | null | undefined;
    do {
      const chunk = await ok<{ items: Link[]; next: string | null }>('links.scan', { ...(after ? { after } : {}), limit: 2 });
      linkChunks.push(...chunk.items);
      after = chunk.next;
    } while (after);
    const now = await ok<Link[]>('links.list', {});
    expect(linkChunks.map((l) => l.id)).toEqual(now.map((l) => l.id).sort());
    expect(linkChunks).toEqual(expect.arrayContaining(now));
    expect((await registry.call('links.scan', { limit: 5001 })).ok).toBe(false);
  });
});
