import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity, Link } from '../../../shared/model';

// A fake workspace behind the API: what the store asks for, answered from these maps.
const db = { entities: new Map<string, Entity>(), links: new Map<string, Link>(), path: '/w/a.kohtaanto' as string | null };
const calls: string[] = [];
let gate: Promise<void> | null = null;
let failNext = false;
let failList = false;

vi.mock('../api', () => ({
  api: {
    async call(method: string, input: { ids?: string[] }) {
      calls.push(method);
      if (failNext && method === 'entities.getMany') {
        failNext = false;
        throw new Error('offline');
      }
      if (failList && method === 'entities.list') {
        failList = false;
        throw new Error('offline');
      }
      if (gate && method === 'entities.getMany') await gate;
      const sorted = <T extends { id: string }>(m: Map<string, T>, key: (x: T) => string) => [...m.values()].sort((a, b) => (key(a) + a.id < key(b) + b.id ? -1 : 1));
      switch (method) {
        case 'workspace.current':
          return db.path ? { path: db.path, title: null } : null;
        case 'history.state':
          return { canUndo: true, canRedo: false };
        case 'entities.list':
          return sorted(db.entities, (e) => e.kind);
        case 'links.list':
          return sorted(db.links, (l) => l.type);
        case 'entities.getMany':
          return input.ids!.flatMap((id) => db.entities.get(id) ?? []);
        case 'links.getMany':
          return input.ids!.flatMap((id) => db.links.get(id) ?? []);
      }
      throw new Error(`unexpected ${method}`);
    },
  },
}));

const { useApp } = await import('./store');

const svc = (id: string, name: string) => ({ id, kind: 'service', name: { fi: name } }) as unknown as Entity;
const need = (id: string) => ({ id, kind: 'need', name: { fi: id } }) as unknown as Entity;
const link = (id: string, source: string, target: string) => ({ id, type: 'addresses', source, target, data: {} }) as unknown as Link;

beforeEach(async () => {
  db.path = '/w/a.kohtaanto';
  db.entities = new Map([svc('s1', 'one'), svc('s2', 'two'), need('n1')].map((e) => [e.id, e]));
  db.links = new Map([link('l1', 's1', 'n1')].map((l) => [l.id, l]));
  gate = null;
  failNext = false;
  failList = false;
  await useApp.getState().refresh();
  calls.length = 0;
});

describe('the window store follows workspace.changed by id', () => {
  it('refetches only the named entity, keeping every other object and the links as they were', async () => {
    const before = useApp.getState();
    db.entities.set('s2', svc('s2', 'renamed'));
    await useApp.getState().applyChanges({ entities: ['s2'] });
    const after = useApp.getState();
    expect(calls.sort()).toEqual(['entities.getMany', 'history.state', 'workspace.current']);
    expect(after.entities).not.toBe(before.entities);
    expect(after.entities.map((e) => e.id)).toEqual(['n1', 's1', 's2']);
    expect(after.entities[1]).toBe(before.entities[1]);
    expect(after.entities[2].name.fi).toBe('renamed');
    expect(after.links).toBe(before.links);
    expect(after.graphChanges).toEqual({ entities: ['s2'] });
  });

  it('inserts new entities in list order and removes deleted ones with their links', async () => {
    db.entities.set('s0', svc('s0', 'zero'));
    db.entities.delete('n1');
    db.links.delete('l1');
    await useApp.getState().applyChanges({ entities: ['s0', 'n1'], links: ['l1'] });
    const s = useApp.getState();
    expect(s.entities.map((e) => e.id)).toEqual(['s0', 's1', 's2']);
    expect(s.links).toEqual([]);
    // The same as a full reload would give.
    const patched = s.entities;
    await useApp.getState().refresh();
    expect(useApp.getState().entities).toEqual(patched);
  });

  it('reloads everything for `all`, and touches neither list for a change without ids', async () => {
    await useApp.getState().applyChanges({ all: true });
    expect(calls).toContain('entities.list');
    expect(useApp.getState().graphChanges).toBeNull();
    calls.length = 0;
    const before = useApp.getState();
    await useApp.getState().applyChanges({ canvas: true });
    expect(calls.sort()).toEqual(['history.state', 'workspace.current']);
    expect(useApp.getState().entities).toBe(before.entities);
    expect(useApp.getState().links).toBe(before.links);
  });

  it('runs one load at a time and merges the changes that came meanwhile into the next', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    db.entities.set('s1', svc('s1', 'first'));
    const first = useApp.getState().applyChanges({ entities: ['s1'] });
    db.entities.set('s1', svc('s1', 'second'));
    db.entities.set('s2', svc('s2', 'second too'));
    const second = useApp.getState().applyChanges({ entities: ['s1'] });
    const third = useApp.getState().applyChanges({ entities: ['s2'] });
    open();
    await Promise.all([first, second, third]);
    expect(calls.filter((c) => c === 'entities.getMany')).toHaveLength(2);
    const s = useApp.getState();
    expect(s.entities.find((e) => e.id === 's1')!.name.fi).toBe('second');
    expect(s.entities.find((e) => e.id === 's2')!.name.fi).toBe('second too');
    expect(s.graphChanges).toEqual({ entities: ['s1', 's2'] });
  });

  it('loads another workspace whole when it opened under a patch', async () => {
    db.path = '/w/b.kohtaanto';
    db.entities = new Map([need('n9')].map((e) => [e.id, e]));
    db.links = new Map();
    await useApp.getState().applyChanges({ entities: ['s1'] });
    expect(calls).toContain('entities.list');
    expect(useApp.getState().entities.map((e) => e.id)).toEqual(['n9']);
    expect(useApp.getState().info?.path).toBe('/w/b.kohtaanto');
  });

  it('reloads everything at once after a patch that failed, since what it was to bring is unknown', async () => {
    db.entities.set('s1', svc('s1', 'lost edit'));
    failNext = true;
    await useApp.getState().applyChanges({ entities: ['s1'] });
    expect(calls).toContain('entities.list');
    expect(useApp.getState().entities.find((e) => e.id === 's1')!.name.fi).toBe('lost edit');
  });

  it('shows the workspace closed when it closed under a patch (the patch fails, the close is not lost)', async () => {
    let open!: () => void;
    gate = new Promise((r) => (open = r));
    failNext = true;
    const patch = useApp.getState().applyChanges({ entities: ['s1'] });
    db.path = null;
    const close = useApp.getState().applyChanges({ all: true });
    open();
    await Promise.all([patch, close]);
    expect(useApp.getState().info).toBeNull();
    expect(useApp.getState().entities).toEqual([]);
  });

  it('gives up when a full reload fails with nothing else waiting, and the next change reloads everything', async () => {
    failList = true;
    await expect(useApp.getState().applyChanges({ all: true })).rejects.toThrow('offline');
    db.entities.set('s1', svc('s1', 'after'));
    calls.length = 0;
    await useApp.getState().applyChanges({ links: ['l1'] });
    expect(calls).toContain('entities.list');
    expect(useApp.getState().entities.find((e) => e.id === 's1')!.name.fi).toBe('after');
  });
});
