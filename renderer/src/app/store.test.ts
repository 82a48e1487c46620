import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Entity, Link } from '../../../shared/model';

// A fake workspace behind the API: what the store asks for, answered from these maps.
const db = { entities: new Map<string, Entity>(), links: new Map<string, Link>(), path: '/w/a.kohtaanto' as string | null };
const calls: string[] = [];
let gate: Promise<void> | null = null;
let failNext = false;
let failList = false;
/** Scans after the first `scanPass` wait for `scanGate`; `scanFail` makes the next scan fail. */
let scanPass = Infinity;
let scanCount = 0;
let scanGate: Promise<void> | null = null;
let scanFail = false;

vi.mock('../api', () => ({
  api: {
    async call(method: string, input: { ids?: string[]; after?: string; limit?: number }) {
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
      if (method.endsWith('.scan')) {
        if (scanCount++ >= scanPass) await scanGate;
        if (scanFail) {
          scanFail = false;
          throw new Error('offline');
        }
        const m: Map<string, { id: string }> = method === 'entities.scan' ? db.entities : db.links;
        const items = [...m.keys()]
          .sort()
          .filter((id) => !input.after || id > input.after)
          .slice(0, input.limit)
          .map((id) => m.get(id)!);
        return { items, next: items.length === input.limit ? items[items.length - 1].id : null };
      }
      const count = <T,>(m: Map<string, T>, key: (x: T) => string) => {
        const out: Record<string, number> = {};
        for (const x of m.values()) out[key(x)] = (out[key(x)] ?? 0) + 1;
        return out;
      };
      switch (method) {
        case 'workspace.stats':
          return { schemaVersion: 1, entities: count(db.entities, (e) => e.kind), links: count(db.links, (l) => l.type) };
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

const { useApp, loadLimits } = await import('./store');
const defaults = { ...loadLimits };

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
  scanPass = Infinity;
  scanCount = 0;
  scanGate = null;
  scanFail = false;
  Object.assign(loadLimits, defaults);
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

  it('keeps info, undo state and counts the same objects for an edit that changed none of them (the shell is not drawn again)', async () => {
    const before = useApp.getState();
    expect(before.counts).toEqual({ need: 1, service: 2 });
    db.entities.set('s2', svc('s2', 'renamed'));
    await useApp.getState().applyChanges({ entities: ['s2'] });
    const after = useApp.getState();
    expect(after.entities).not.toBe(before.entities);
    expect(after.info).toBe(before.info);
    expect(after.history).toBe(before.history);
    expect(after.counts).toBe(before.counts);
    db.entities.set('s3', svc('s3', 'new'));
    await useApp.getState().applyChanges({ entities: ['s3'] });
    expect(useApp.getState().counts).toEqual({ need: 1, service: 3 });
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

describe('a large workspace: the window first, the catalogue in the background', () => {
  const ready = () => vi.waitFor(() => expect(useApp.getState().catalogue.status).toBe('ready'));
  /** Every entities list the store held while the test ran (never a part of the catalogue). */
  const seen: string[][] = [];
  let unsubscribe = () => {};
  beforeEach(async () => {
    // Everything counts as large here, and chunks are small enough to interleave with edits.
    loadLimits.foregroundMax = 0;
    loadLimits.entityChunk = 1;
    loadLimits.linkChunk = 1;
    seen.length = 0;
    unsubscribe();
    unsubscribe = useApp.subscribe((s, prev) => {
      if (s.entities !== prev.entities) seen.push(s.entities.map((e) => e.id));
    });
  });

  it('shows the window with counts at once and installs the whole catalogue, in list order, once', async () => {
    let open!: () => void;
    scanGate = new Promise((r) => (open = r));
    scanPass = 0;
    await useApp.getState().refresh();
    let s = useApp.getState();
    expect(s.loaded).toBe(true);
    expect(s.info?.path).toBe('/w/a.kohtaanto');
    expect(s.counts).toEqual({ service: 2, need: 1 });
    expect(s.catalogue).toEqual({ status: 'loading', done: 0, total: 4 });
    expect(s.entities).toEqual([]);
    expect(calls).not.toContain('entities.list');
    open();
    await ready();
    s = useApp.getState();
    expect(s.entities.map((e) => e.id)).toEqual(['n1', 's1', 's2']);
    expect(s.links.map((l) => l.id)).toEqual(['l1']);
    expect(s.counts).toEqual({ service: 2, need: 1 });
    expect(seen).toEqual([[], ['n1', 's1', 's2']]);
  });

  it('keeps edits made while it loads: patched in when it is installed, counts right meanwhile', async () => {
    let open!: () => void;
    scanGate = new Promise((r) => (open = r));
    scanPass = 1; // n1 comes in the first chunk, then the load waits
    await useApp.getState().refresh();
    await vi.waitFor(() => expect(scanCount).toBe(2));
    // n1 (already fetched) renamed, s2 (not yet) deleted, s0 new, a link added.
    db.entities.set('n1', need('n1'));
    (db.entities.get('n1')!.name as { fi: string }).fi = 'renamed';
    db.entities.delete('s2');
    db.entities.set('s0', svc('s0', 'zero'));
    db.links.set('l2', link('l2', 's0', 'n1'));
    await useApp.getState().applyChanges({ entities: ['n1', 's2', 's0'], links: ['l2'] });
    let s = useApp.getState();
    expect(s.entities).toEqual([]);
    expect(s.counts).toEqual({ service: 2, need: 1 });
    expect(s.catalogue.status).toBe('loading');
    expect(calls).not.toContain('entities.getMany');
    open();
    await ready();
    s = useApp.getState();
    expect(s.entities.map((e) => e.id)).toEqual(['n1', 's0', 's1']);
    expect(s.entities[0].name.fi).toBe('renamed');
    expect(s.links.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(s.counts).toEqual({ service: 2, need: 1 });
    // What a full reload gives.
    const installed = s.entities;
    loadLimits.foregroundMax = 1000;
    await useApp.getState().refresh();
    expect(useApp.getState().entities).toEqual(installed);
    expect(seen.filter((ids) => ids.length > 0 && ids.length < 3)).toEqual([]);
  });

  it('after a failed chunk, shows the failure (not a part) and loads again on retry', async () => {
    scanFail = true;
    await useApp.getState().refresh();
    await vi.waitFor(() => expect(useApp.getState().catalogue.status).toBe('failed'));
    expect(useApp.getState().entities).toEqual([]);
    // An edit meanwhile reloads everything, since nothing partial is kept to patch.
    calls.length = 0;
    await useApp.getState().applyChanges({ entities: ['s1'] });
    expect(calls).toContain('workspace.stats');
    await ready();
    expect(useApp.getState().entities.map((e) => e.id)).toEqual(['n1', 's1', 's2']);
    // The retry the waiting screens offer is a refresh.
    scanFail = true;
    await useApp.getState().refresh();
    await vi.waitFor(() => expect(useApp.getState().catalogue.status).toBe('failed'));
    await useApp.getState().refresh();
    await ready();
    expect(useApp.getState().links.map((l) => l.id)).toEqual(['l1']);
  });

  it('installs nothing when refetching the edits made meanwhile fails, and offers the retry', async () => {
    let open!: () => void;
    scanGate = new Promise((r) => (open = r));
    scanPass = 1;
    await useApp.getState().refresh();
    await vi.waitFor(() => expect(scanCount).toBe(2));
    db.entities.set('s1', svc('s1', 'edited meanwhile'));
    await useApp.getState().applyChanges({ entities: ['s1'] });
    failNext = true; // the refetch of s1 at installation
    open();
    await vi.waitFor(() => expect(useApp.getState().catalogue.status).toBe('failed'));
    expect(useApp.getState().entities).toEqual([]);
    scanPass = Infinity;
    await useApp.getState().refresh();
    await ready();
    expect(useApp.getState().entities.find((e) => e.id === 's1')!.name.fi).toBe('edited meanwhile');
    expect(seen.filter((ids) => ids.length > 0).every((ids) => ids.join() === 'n1,s1,s2')).toBe(true);
  });

  it('drops the load of a workspace that was closed for another meanwhile', async () => {
    let open!: () => void;
    scanGate = new Promise((r) => (open = r));
    scanPass = 1;
    await useApp.getState().refresh();
    await vi.waitFor(() => expect(scanCount).toBe(2));
    db.path = '/w/b.kohtaanto';
    db.entities = new Map([need('n9'), need('n8')].map((e) => [e.id, e]));
    db.links = new Map();
    scanPass = Infinity;
    await useApp.getState().applyChanges({ all: true });
    await ready();
    expect(useApp.getState().info?.path).toBe('/w/b.kohtaanto');
    expect(useApp.getState().entities.map((e) => e.id)).toEqual(['n8', 'n9']);
    expect(useApp.getState().counts).toEqual({ need: 2 });
    // The first load's last chunks answer now, too late to count.
    open();
    await new Promise((r) => setTimeout(r, 20));
    expect(useApp.getState().entities.map((e) => e.id)).toEqual(['n8', 'n9']);
    expect(seen.every((ids) => ids.length === 0 || ids.join() === 'n8,n9')).toBe(true);
  });
});
