import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../open';
import { fixedNow, tempDir } from '../../test/tmp';
import { validEntity, Workspace } from '../workspace';
import { up as up0010 } from './0010-create-core';
import { up as up0020 } from './0020-create-history';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'w.kohtaanto');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const org = (id: string) => validEntity({ id, kind: 'organisation', name: { fi: id } });
const view = { id: 'view-1', name: { fi: 'Kela ja DVV' }, filters: { kinds: ['organisation' as const], lifeEvents: [], organisations: [], municipalities: [], focus: null }, createdAt: '2026-01-15T10:00:00.000Z' };

describe('migration 0030 and layout ops (real SQLite file)', () => {
  it('upgrades a version-20 workspace: its data stays, and positions can be stored', () => {
    const db = new Database(file);
    up0010(db);
    up0020(db);
    db.prepare("INSERT INTO entities (id, kind, data, updated_at) VALUES ('o1', 'organisation', ?, 'x')").run(JSON.stringify(org('o1')));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 20');
    db.close();

    const ws = Workspace.open(file, { now: fixedNow });
    expect(ws.schemaVersion()).toBeGreaterThanOrEqual(30);
    expect(ws.getEntity('o1')?.name.fi).toBe('o1');
    expect(ws.listPositions('main').size).toBe(0);
    ws.edit('move', (tx) => tx.putPosition('main', 'o1', { x: 10, y: 20, pinned: false }));
    expect(ws.getPosition('main', 'o1')).toEqual({ x: 10, y: 20, pinned: false });
    ws.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('moving a node is undoable and redoable, and both survive a restart', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => tx.putEntity(org('o1')));
    ws.edit('place', (tx) => tx.putPosition('main', 'o1', { x: 0, y: 0, pinned: false }));
    ws.edit('move', (tx) => tx.putPosition('main', 'o1', { x: 300, y: -40, pinned: true }));
    ws.close();

    const ws2 = Workspace.open(file);
    expect(ws2.historyState()).toMatchObject({ canUndo: true, undoLabel: 'move' });
    ws2.undo();
    expect(ws2.getPosition('main', 'o1')).toEqual({ x: 0, y: 0, pinned: false });
    ws2.undo();
    expect(ws2.getPosition('main', 'o1')).toBeUndefined();
    expect(ws2.getEntity('o1')).toBeDefined();
    ws2.redo();
    ws2.redo();
    expect(ws2.getPosition('main', 'o1')).toEqual({ x: 300, y: -40, pinned: true });
    ws2.close();
  });

  it('a move to where the node already is records nothing', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => {
      tx.putEntity(org('o1'));
      tx.putPosition('main', 'o1', { x: 5, y: 5, pinned: false });
    });
    ws.edit('same place', (tx) => tx.putPosition('main', 'o1', { x: 5, y: 5, pinned: false }));
    expect(ws.historyState().undoLabel).toBe('setup');
    ws.close();
  });

  it('deleting a saved view takes its positions along, and undo brings back both', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => {
      tx.putEntity(org('o1'));
      tx.putEntity(org('o2'));
      tx.putView(view);
      tx.putPosition('view-1', 'o1', { x: 1, y: 2, pinned: false });
      tx.putPosition('view-1', 'o2', { x: 3, y: 4, pinned: true });
    });
    ws.edit('delete view', (tx) => tx.deleteView('view-1'));
    expect(ws.getView('view-1')).toBeUndefined();
    expect(ws.listPositions('view-1').size).toBe(0);
    ws.undo();
    expect(ws.listViews()).toEqual([view]);
    expect(Object.fromEntries(ws.listPositions('view-1'))).toEqual({ o1: { x: 1, y: 2, pinned: false }, o2: { x: 3, y: 4, pinned: true } });
    ws.close();
  });

  it('a deleted node keeps its position, so undoing the delete puts it back where it was', () => {
    const ws = Workspace.open(file, { create: true });
    ws.edit('setup', (tx) => {
      tx.putEntity(org('o1'));
      tx.putPosition('main', 'o1', { x: 70, y: 80, pinned: false });
    });
    ws.edit('delete', (tx) => tx.deleteEntity('o1'));
    ws.undo();
    expect(ws.getEntity('o1')).toBeDefined();
    expect(ws.getPosition('main', 'o1')).toEqual({ x: 70, y: 80, pinned: false });
    ws.close();
  });

  it('viewports are remembered but never enter the undo log', () => {
    const ws = Workspace.open(file, { create: true });
    ws.setViewport('main', { x: 1, y: 2, zoom: 0.5 });
    expect(ws.getViewport('main')).toEqual({ x: 1, y: 2, zoom: 0.5 });
    expect(ws.historyState().canUndo).toBe(false);
    ws.close();
  });
});
