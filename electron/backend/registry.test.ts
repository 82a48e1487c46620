import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { createBackend } from '.';
import type { AppContext } from './context';
import type { Registry } from './registry';
import { tempDir } from './test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;
beforeEach(() => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' }));
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the method registry', () => {
  it('serves every method of the contract, and only those', () => {
    expect(registry.missing()).toEqual([]);
    expect(() => registry.register({ 'workspace.open': () => ({}) as never })).toThrow(/registered twice/);
    expect(() => registry.register({ ['nope.verb' as 'app.info']: () => ({}) as never })).toThrow(/not in the contract/);
    expect(Object.keys(contract).every((m) => /^[a-z]+\.[a-zA-Z]+$/.test(m))).toBe(true);
  });

  it('returns errors as data: unknown method, invalid input, no workspace', async () => {
    expect(await registry.call('nope.verb', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await registry.call('entities.create', { entity: { kind: 'planet' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await registry.call('entities.list', {})).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
  });

  it('never lets invalid input reach a service', async () => {
    let reached = false;
    const { ctx: c2, registry: r2 } = createBackend({ dataDir: tempDir(), mode: 'browser' });
    // A fresh registry with a spy in place of one real service.
    const spyRegistry = new (Object.getPrototypeOf(r2).constructor)(c2);
    spyRegistry.register({ 'links.delete': () => { reached = true; return null; } });
    expect(await spyRegistry.call('links.delete', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await spyRegistry.call('links.delete', { id: 'ok-id', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(reached).toBe(false);
    expect(await spyRegistry.call('links.delete', { id: 'ok-id' })).toEqual({ ok: true, value: null });
    expect(reached).toBe(true);
    c2.close();
  });

  it('says with each change what it touched, so that clients refetch only that', async () => {
    const changes: Array<{ method: string; changes?: unknown }> = [];
    ctx.subscribe((e, p) => {
      if (e === 'workspace.changed') changes.push(p as { method: string; changes?: unknown });
    });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await registry.call(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const last = () => changes.at(-1)?.changes;
    await call('workspace.create', { name: 'Muutokset' });
    expect(last()).toEqual({ all: true });
    const org = await call<{ id: string }>('entities.create', { entity: { kind: 'organisation', name: { fi: 'Kela' }, orgType: 'state' } });
    const srv = await call<{ id: string }>('entities.create', { entity: { kind: 'service', name: { fi: 'Opintotuki' } } });
    expect(last()).toEqual({ entities: [srv.id] });
    const link = await call<{ id: string }>('links.create', { type: 'provides', source: org.id, target: srv.id, data: {} });
    expect(last()).toEqual({ links: [link.id] });
    await call('canvas.move', { view: 'main', moves: [{ id: org.id, x: 10, y: 20 }] });
    expect(last()).toEqual({ canvas: true });
    await call('entities.delete', { id: srv.id });
    expect(last()).toMatchObject({ entities: [srv.id], links: [link.id] });
    await call('history.undo', {});
    expect(last()).toMatchObject({ entities: [srv.id], links: [link.id] });
    // A refused edit touched nothing, and the next change does not carry anything of it.
    expect((await registry.call('entities.update', { entity: { id: org.id, kind: 'organisation', name: { fi: '' } } })).ok).toBe(false);
    await call('matching.run', {});
    expect(last()).toEqual({});
    expect(await call('entities.getMany', { ids: [srv.id, 'svc-nope'] })).toMatchObject([{ id: srv.id }]);
    expect(await call('links.getMany', { ids: [link.id] })).toMatchObject([{ id: link.id }]);
  });

  it('runs a whole editing session through the API: create, link, update, delete, undo, redo', async () => {
    const events: string[] = [];
    ctx.subscribe((e, p) => {
      if (e === 'workspace.changed') events.push((p as { method: string }).method);
    });
    const ws = await registry.call('workspace.create', { name: 'Työpaja' });
    expect(ws).toMatchObject({ ok: true, value: { title: { fi: 'Työpaja' } } });
    const org = await registry.call('entities.create', { entity: { kind: 'organisation', name: { fi: 'Kela', sv: 'FPA' }, orgType: 'state' } });
    const srv = await registry.call('entities.create', { entity: { kind: 'service', name: { fi: 'Opintotuki' } } });
    if (!org.ok || !srv.ok) throw new Error('create failed');
    const orgId = (org.value as { id: string }).id;
    const srvId = (srv.value as { id: string }).id;
    expect(orgId).toMatch(/^org-/);
    const link = await registry.call('links.create', { type: 'provides', source: orgId, target: srvId, data: { role: 'responsible' } });
    expect(link.ok).toBe(true);
    const wrong = await registry.call('links.create', { type: 'provides', source: srvId, target: orgId });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { reason: 'link.wrongKinds' } } });
    const noName = await registry.call('entities.update', { entity: { id: orgId, kind: 'organisation', name: { fi: '' } } });
    expect(noName).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const del = await registry.call('entities.delete', { id: srvId });
    expect(del).toEqual({ ok: true, value: { deletedLinks: 1 } });
    await registry.call('history.undo', {});
    const got = await registry.call('entities.get', { id: srvId });
    expect(got).toMatchObject({ ok: true, value: { entity: { id: srvId }, links: [{ type: 'provides', source: orgId }] } });
    const stats = await registry.call('workspace.stats', {});
    expect(stats).toMatchObject({ ok: true, value: { entities: { organisation: 1, service: 1 }, links: { provides: 1 } } });
    expect(await registry.call('history.redo', {})).toMatchObject({ ok: true, value: { canRedo: false } });
    expect(events).toContain('entities.create');
    expect(events).toContain('history.undo');
  });

  it('remembers recent workspaces and reopens the last one at start', async () => {
    const created = await registry.call('workspace.create', { name: 'Ensimmäinen' });
    if (!created.ok) throw new Error(created.error.message);
    const recent = await registry.call('workspace.recent', {});
    expect(recent).toMatchObject({ ok: true, value: [{ title: { fi: 'Ensimmäinen' }, exists: true }] });
    await registry.call('workspace.close', {});
    expect(await registry.call('workspace.current', {})).toEqual({ ok: true, value: null });
  });
});
