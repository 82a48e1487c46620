import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/result';
import { validEntity, Workspace } from './workspace';
import { fixedNow, tempDir } from '../test/tmp';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'w.kohtaanto');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const org = (id: string, fi = 'Kela') => validEntity({ id, kind: 'organisation', name: { fi } });
const srv = (id: string, fi = 'Opintotuki') => validEntity({ id, kind: 'service', name: { fi } });

describe('Workspace store (real SQLite file)', () => {
  it('keeps entities and links across close and reopen', () => {
    const ws = Workspace.open(file, { create: true, now: fixedNow });
    ws.edit('add', (tx) => {
      tx.putEntity(org('org-1'));
      tx.putEntity(srv('srv-1'));
      tx.putLink({ id: 'l1', type: 'provides', source: 'org-1', target: 'srv-1', data: { role: 'responsible' } });
    });
    ws.close();
    const again = Workspace.open(file);
    expect(again.listEntities().map((e) => e.id)).toEqual(['org-1', 'srv-1']);
    expect(again.listLinks()).toEqual([{ id: 'l1', type: 'provides', source: 'org-1', target: 'srv-1', data: { role: 'responsible' } }]);
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.db.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });

  it('undoes and redoes edits, and the log survives a restart', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('create org', (tx) => tx.putEntity(org('org-1', 'Kela')));
    ws.edit('rename org', (tx) => tx.putEntity(org('org-1', 'Kansaneläkelaitos')));
    ws.close();

    const ws2 = Workspace.open(file);
    expect(ws2.historyState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'rename org' });
    ws2.undo();
    expect(ws2.getEntity('org-1')?.name.fi).toBe('Kela');
    ws2.undo();
    expect(ws2.getEntity('org-1')).toBeUndefined();
    expect(() => ws2.undo()).toThrow(AppError);
    ws2.close();

    const ws3 = Workspace.open(file);
    expect(ws3.historyState()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'create org' });
    ws3.redo();
    ws3.redo();
    expect(ws3.getEntity('org-1')?.name.fi).toBe('Kansaneläkelaitos');
    ws3.close();
  });

  it('a new edit after undo drops the redo branch', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('a', (tx) => tx.putEntity(org('org-1')));
    ws.undo();
    ws.edit('b', (tx) => tx.putEntity(org('org-2')));
    expect(ws.historyState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'b' });
    ws.close();
  });

  it('deleting an entity takes its links with it, and undo restores both', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => {
      tx.putEntity(org('org-1'));
      tx.putEntity(srv('srv-1'));
      tx.putLink({ id: 'l1', type: 'provides', source: 'org-1', target: 'srv-1', data: {} });
    });
    const removed = ws.edit('delete', (tx) => tx.deleteEntity('srv-1'));
    expect(removed).toBe(1);
    expect(ws.listLinks()).toHaveLength(0);
    ws.undo();
    expect(ws.getEntity('srv-1')?.name.fi).toBe('Opintotuki');
    expect(ws.listLinks().map((l) => l.id)).toEqual(['l1']);
    ws.close();
  });

  it('refuses a link between the wrong kinds and a duplicate link, writing nothing', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => {
      tx.putEntity(org('org-1'));
      tx.putEntity(srv('srv-1'));
    });
    expect(() => ws.edit('bad', (tx) => tx.putLink({ id: 'l1', type: 'provides', source: 'srv-1', target: 'org-1', data: {} }))).toThrow(/goes from a organisation to a service/);
    ws.edit('ok', (tx) => tx.putLink({ id: 'l1', type: 'provides', source: 'org-1', target: 'srv-1', data: {} }));
    expect(() => ws.edit('dup', (tx) => tx.putLink({ id: 'l2', type: 'provides', source: 'org-1', target: 'srv-1', data: {} }))).toThrow(/already linked/);
    expect(ws.listLinks()).toHaveLength(1);
    ws.close();
  });

  it('an edit that fails half-way leaves the workspace and its history exactly as they were', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => tx.putEntity(org('org-1')));
    const before = { entities: ws.listEntities(), links: ws.listLinks(), history: ws.historyState() };
    expect(() =>
      ws.edit('half', (tx) => {
        tx.putEntity(srv('srv-1'));
        tx.putEntity(org('org-1', 'Muutettu'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect({ entities: ws.listEntities(), links: ws.listLinks(), history: ws.historyState() }).toEqual(before);
    ws.close();
  });

  it('refuses to turn an id into another kind', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => tx.putEntity(org('x-1')));
    expect(() => ws.edit('bad', (tx) => tx.putEntity(srv('x-1')))).toThrow(/already belongs to a organisation/);
    ws.close();
  });
});

describe('the undo state of a workspace after a large import', () => {
  it('is read without the steps themselves (an import of a region records hundreds of MB to undo)', () => {
    const ws = Workspace.open(path.join(dir, 'big-history.kohtaanto'), { create: true, now: fixedNow });
    try {
      ws.edit('Create', (tx) => tx.putEntity(org('o1')));
      // The step on top as large as a 50,000-service import's (50 MB each way).
      ws.db.prepare("UPDATE history SET forward = printf('[%.*c]', 50000000, ' '), backward = printf('[%.*c]', 50000000, ' ')").run();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        expect(ws.historyState()).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Create' });
        times.push(performance.now() - t0);
      }
      // Reading 100 MB of steps takes tens of ms at the very least; a label, well under one.
      expect(Math.min(...times)).toBeLessThan(10);
    } finally {
      ws.close();
    }
  });
});
