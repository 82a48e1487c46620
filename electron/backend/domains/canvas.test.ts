import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanvasClip } from '../../../shared/api/canvas';
import type { Entity, Link } from '../../../shared/model';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;
let events: string[];

beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  events = [];
  ctx.subscribe((e, p) => {
    if (e === 'workspace.changed') events.push((p as { method: string }).method);
  });
  await ok('workspace.create', { path: path.join(dir, 'workspaces', 'a.kohtaanto'), name: 'A' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Calls a method and returns its value, failing the test with the error otherwise. */
const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);

async function node(kind: string, fi: string, x: number, y: number): Promise<string> {
  return (await ok<Entity>('canvas.createNode', { view: 'main', entity: { kind, name: { fi } }, x, y })).id;
}

async function positions(view = 'main') {
  return (await ok<{ positions: Record<string, { x: number; y: number; pinned: boolean }> }>('canvas.state', { view })).positions;
}

describe('canvas domain services', () => {
  it('creates a node with its position as one undo step', async () => {
    const id = await node('service', 'Opintotuki', 120, 40);
    expect(id).toMatch(/^srv-/);
    expect(await positions()).toEqual({ [id]: { x: 120, y: 40, pinned: false } });
    await ok('history.undo', {});
    expect(await ok<Entity[]>('entities.list', {})).toEqual([]);
    expect(await positions()).toEqual({});
    await ok('history.redo', {});
    expect(await positions()).toEqual({ [id]: { x: 120, y: 40, pinned: false } });
  });

  it('moves nodes as one undoable step, keeping the pin unless told otherwise', async () => {
    const a = await node('organisation', 'Kela', 0, 0);
    const b = await node('organisation', 'DVV', 0, 100);
    await ok('canvas.move', { view: 'main', moves: [{ id: a, x: 10, y: 10, pinned: true }], reason: 'pin' });
    const r = await ok('canvas.move', { view: 'main', moves: [{ id: a, x: 50, y: 60 }, { id: b, x: 70, y: 80 }, { id: 'gone-1', x: 1, y: 1 }] });
    expect(r).toEqual({ moved: 2 });
    expect(await positions()).toEqual({ [a]: { x: 50, y: 60, pinned: true }, [b]: { x: 70, y: 80, pinned: false } });
    expect(await ok('history.state', {})).toMatchObject({ undoLabel: 'Move 2 nodes' });
    await ok('history.undo', {});
    expect(await positions()).toEqual({ [a]: { x: 10, y: 10, pinned: true }, [b]: { x: 0, y: 100, pinned: false } });
    expect(events).toContain('canvas.move');
  });

  it('places nodes that had no position without an undo entry', async () => {
    const created = await ok<Entity>('entities.create', { entity: { kind: 'need', name: { fi: 'Asunto' } } });
    const before = await ok('history.state', {});
    await ok('canvas.move', { view: 'main', moves: [{ id: created.id, x: 5, y: 6 }], reason: 'place', undoable: false });
    expect(await ok('history.state', {})).toEqual(before);
    expect((await positions())[created.id]).toEqual({ x: 5, y: 6, pinned: false });
  });

  it('deletes nodes with their links, and undo restores nodes, links and positions', async () => {
    const org = await node('organisation', 'Kela', 0, 0);
    const srv = await node('service', 'Opintotuki', 300, 0);
    const need = await node('need', 'Toimeentulo', 600, 0);
    const l1 = await ok<Link>('links.create', { type: 'provides', source: org, target: srv });
    await ok<Link>('links.create', { type: 'addresses', source: srv, target: need });
    const r = await ok('canvas.deleteNodes', { ids: [srv], linkIds: [l1.id] });
    expect(r).toEqual({ deletedEntities: 1, deletedLinks: 2 });
    expect(await ok<Link[]>('links.list', {})).toEqual([]);
    expect(await ok('history.state', {})).toMatchObject({ undoLabel: 'Delete 1 node' });
    await ok('history.undo', {});
    expect((await ok<Link[]>('links.list', {})).map((l) => l.type).sort()).toEqual(['addresses', 'provides']);
    expect((await positions())[srv]).toEqual({ x: 300, y: 0, pinned: false });
    expect(await registry.call('canvas.deleteNodes', { ids: ['nope-1'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('pastes a clip under fresh ids, with its links and arrangement, as one undo step — also into another workspace', async () => {
    const org = await node('organisation', 'Kela', 100, 100);
    const srv = await node('service', 'Opintotuki', 400, 200);
    await ok<Link>('links.create', { type: 'provides', source: org, target: srv });
    const entities = await ok<Entity[]>('entities.list', {});
    const links = await ok<Link[]>('links.list', {});
    const clip: CanvasClip = {
      format: 'kohtaanto-canvas-clip',
      version: 1,
      entities,
      // A link to something outside the clip is left out rather than failing the paste.
      links: [...links, { id: 'x-1', type: 'provides', source: org, target: 'srv-outside', data: {} }],
      positions: { [org]: { x: 100, y: 100 }, [srv]: { x: 400, y: 200 } },
    };
    const pasted = await ok<{ ids: string[]; linkIds: string[] }>('canvas.paste', { view: 'main', clip, x: 1000, y: 1000 });
    expect(pasted.ids).toHaveLength(2);
    expect(pasted.ids).not.toContain(org);
    expect(pasted.linkIds).toHaveLength(1);
    const pos = await positions();
    const byName = new Map((await ok<Entity[]>('entities.list', {})).filter((e) => pasted.ids.includes(e.id)).map((e) => [e.name.fi, e.id]));
    expect(pos[byName.get('Kela')!]).toEqual({ x: 1000, y: 1000, pinned: false });
    expect(pos[byName.get('Opintotuki')!]).toEqual({ x: 1300, y: 1100, pinned: false });
    const newLink = (await ok<Link[]>('links.list', {})).find((l) => l.id === pasted.linkIds[0])!;
    expect([newLink.source, newLink.target]).toEqual([byName.get('Kela'), byName.get('Opintotuki')]);
    await ok('history.undo', {});
    expect(await ok<Entity[]>('entities.list', {})).toHaveLength(2);

    // Between workspaces: the same clip in a fresh one.
    await ok('workspace.create', { path: path.join(dir, 'workspaces', 'b.kohtaanto'), name: 'B' });
    const other = await ok<{ ids: string[] }>('canvas.paste', { view: 'main', clip, x: 0, y: 0 });
    expect(other.ids).toHaveLength(2);
    expect(await ok<Link[]>('links.list', {})).toHaveLength(1);
  });

  it('saves a named view with its own positions and viewport; the main canvas is untouched', async () => {
    const a = await node('organisation', 'Kela', 0, 0);
    const b = await node('organisation', 'DVV', 300, 0);
    const c = await node('service', 'Opintotuki', 600, 0);
    const view = await ok<{ id: string; name: { fi: string } }>('canvas.saveView', {
      name: { fi: 'Organisaatiot' },
      filters: { kinds: ['organisation'] },
      ids: [a, b],
      viewport: { x: -10, y: -20, zoom: 1.5 },
    });
    expect(view.id).toMatch(/^view-/);
    await ok('canvas.move', { view: view.id, moves: [{ id: a, x: 999, y: 999 }] });
    const state = await ok<{ views: unknown[]; positions: Record<string, unknown>; viewport: unknown }>('canvas.state', { view: view.id });
    expect(state.views).toEqual([{ id: view.id, name: { fi: 'Organisaatiot' }, filters: { kinds: ['organisation'], lifeEvents: [], organisations: [], municipalities: [], focus: null }, createdAt: '2026-01-15T10:00:00.000Z' }]);
    expect(state.positions).toEqual({ [a]: { x: 999, y: 999, pinned: false }, [b]: { x: 300, y: 0, pinned: false }, [c]: { x: 600, y: 0, pinned: false } });
    expect(state.viewport).toEqual({ x: -10, y: -20, zoom: 1.5 });
    expect((await positions())[a]).toEqual({ x: 0, y: 0, pinned: false });

    // Renaming keeps the view's positions.
    await ok('canvas.saveView', { id: view.id, name: { fi: 'Toimijat' }, filters: { kinds: ['organisation', 'service'] } });
    expect((await positions(view.id))[a]).toEqual({ x: 999, y: 999, pinned: false });

    await ok('canvas.deleteView', { id: view.id });
    expect(await registry.call('canvas.state', { view: view.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await ok('history.undo', {});
    expect((await positions(view.id))[a]).toEqual({ x: 999, y: 999, pinned: false });
  });

  it('keeps a saved view’s pan and zoom through undo and redo of saving and deleting it', async () => {
    const a = await node('organisation', 'Kela', 0, 0);
    const viewport = { x: -120, y: 40, zoom: 0.6 };
    const view = await ok<{ id: string }>('canvas.saveView', { name: { fi: 'Kela' }, filters: {}, ids: [a], viewport });
    const vp = async () => (await ok<{ viewport: unknown }>('canvas.state', { view: view.id })).viewport;
    expect(await vp()).toEqual(viewport);

    await ok('history.undo', {});
    expect(await registry.call('canvas.state', { view: view.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await ok('history.redo', {});
    expect(await vp()).toEqual(viewport);

    // Panned later (not an edit), then deleted: undo brings the view back as it was left.
    await ok('canvas.setViewport', { view: view.id, viewport: { x: 5, y: 6, zoom: 2 } });
    await ok('canvas.deleteView', { id: view.id });
    await ok('history.undo', {});
    expect(await vp()).toEqual({ x: 5, y: 6, zoom: 2 });
    await ok('history.redo', {});
    await ok('history.undo', {});
    expect(await vp()).toEqual({ x: 5, y: 6, zoom: 2 });

    // Renaming with a new viewport, undone, gives the earlier one back.
    await ok('canvas.saveView', { id: view.id, name: { fi: 'Kela 2' }, filters: {}, viewport: { x: 0, y: 0, zoom: 1 } });
    expect(await vp()).toEqual({ x: 0, y: 0, zoom: 1 });
    await ok('history.undo', {});
    expect(await vp()).toEqual({ x: 5, y: 6, zoom: 2 });
  });

  it('deletes an entity’s positions on every view with it, and undo puts them back', async () => {
    const a = await node('organisation', 'Kela', 10, 20);
    const view = await ok<{ id: string }>('canvas.saveView', { name: { fi: 'Näkymä' }, filters: {}, ids: [a] });
    await ok('canvas.move', { view: view.id, moves: [{ id: a, x: 500, y: 600 }] });
    await ok('entities.delete', { id: a });
    expect(await positions()).toEqual({});
    expect(await positions(view.id)).toEqual({});
    expect(ctx.requireWorkspace().viewsPlacing(a)).toEqual([]);

    // A new entity under the same id starts unplaced rather than jumping to the old place.
    await ok('entities.create', { entity: { id: a, kind: 'organisation', name: { fi: 'Uusi' } } });
    expect(await positions()).toEqual({});
    await ok('history.undo', {});

    await ok('history.undo', {});
    expect((await positions())[a]).toEqual({ x: 10, y: 20, pinned: false });
    expect((await positions(view.id))[a]).toEqual({ x: 500, y: 600, pinned: false });
    await ok('history.redo', {});
    expect(await positions()).toEqual({});
  });

  it('remembers the viewport without an undo entry and without telling other clients', async () => {
    events.length = 0;
    await ok('canvas.setViewport', { view: 'main', viewport: { x: 1, y: 2, zoom: 0.75 } });
    expect(events).toEqual([]);
    expect(await ok('history.state', {})).toMatchObject({ canUndo: false });
    expect((await ok<{ viewport: unknown }>('canvas.state', {})).viewport).toEqual({ x: 1, y: 2, zoom: 0.75 });
    expect(await registry.call('canvas.setViewport', { view: 'view-nope', viewport: { x: 0, y: 0, zoom: 1 } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses input the contract does not allow', async () => {
    expect(await registry.call('canvas.move', { view: 'main', moves: [{ id: 'a', x: Number.NaN, y: 0 }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await registry.call('canvas.paste', { view: 'main', clip: { format: 'other', version: 1, entities: [] }, x: 0, y: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await registry.call('canvas.saveView', { id: 'main', name: { fi: 'x' }, filters: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
