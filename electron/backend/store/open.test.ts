import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/result';
import { up as up0010 } from './migrations/0010-create-core';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { APPLICATION_ID, openLimits } from './open';
import { validEntity, Workspace } from './workspace';
import { fixedNow, tempDir } from '../test/tmp';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A workspace file of a few hundred kilobytes (400 organisations with long names): several b-tree pages to damage. */
function fillWorkspace(file: string): void {
  const ws = Workspace.open(file, { create: true });
  ws.edit('many', (tx) => {
    for (let i = 0; i < 400; i++) tx.putEntity(validEntity({ id: `o${i}`, kind: 'organisation', name: { fi: `Organisaatio ${i} `.repeat(20) } }));
  });
  ws.close();
}

/** Scribbles over the middle pages (not the header), so SQLite can open the file but its b-trees are broken; returns the bytes written. */
function scribble(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  for (let i = 8192; i < bytes.length - 4096; i += 97) bytes[i] = 0xff;
  fs.writeFileSync(file, bytes);
  return bytes;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected a refusal');
}

function snapshot(file: string) {
  return { bytes: fs.readFileSync(file), mtime: fs.statSync(file).mtimeMs, siblings: fs.readdirSync(path.dirname(file)).sort() };
}

describe('opening workspace files', () => {
  it('refuses a file from a newer schema version and leaves it untouched', () => {
    const file = path.join(dir, 'newer.kohtaanto');
    const ws = Workspace.open(file, { create: true });
    ws.edit('x', (tx) => tx.putEntity(validEntity({ id: 'o1', kind: 'organisation', name: { fi: 'Kela' } })));
    ws.close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = snapshot(file);
    let message = '';
    try {
      Workspace.open(file);
    } catch (err) {
      expect((err as AppError).code).toBe('workspace_newer');
      message = (err as Error).message;
    }
    expect(message).toMatch(/newer Kohtaanto/);
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a damaged file and leaves it untouched', () => {
    const file = path.join(dir, 'damaged.kohtaanto');
    fillWorkspace(file);
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = scribble(file);
    const before = snapshot(file);
    expect(codeOf(() => Workspace.open(file))).toBe('workspace_damaged');
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a damaged file also with the quick check that large files get', () => {
    const file = path.join(dir, 'damaged-large.kohtaanto');
    fillWorkspace(file);
    const bytes = scribble(file);
    const was = openLimits.fullCheckMaxBytes;
    openLimits.fullCheckMaxBytes = 0;
    try {
      expect(codeOf(() => Workspace.open(file))).toBe('workspace_damaged');
      expect(fs.readFileSync(file)).toEqual(bytes);
    } finally {
      openLimits.fullCheckMaxBytes = was;
    }
  });

  it('refuses a damaged WAL-mode file without making -wal, -shm or lock files beside it', () => {
    const file = path.join(dir, 'damaged-wal.kohtaanto');
    fillWorkspace(file);
    // Closed cleanly, the file is still in WAL mode (header bytes 18–19) with nothing beside it.
    expect(fs.readFileSync(file).subarray(18, 20)).toEqual(Buffer.from([2, 2]));
    const bytes = scribble(file);
    const old = new Date('2026-01-01T00:00:00Z');
    fs.utimesSync(file, old, old);
    const listing = () => fs.readdirSync(dir).sort().map((f) => `${f} ${fs.statSync(path.join(dir, f)).mtimeMs} ${fs.statSync(path.join(dir, f)).size}`);
    const before = listing();
    expect(before).toHaveLength(1);
    expect(codeOf(() => Workspace.open(file))).toBe('workspace_damaged');
    expect(listing()).toEqual(before);
    expect(fs.readFileSync(file)).toEqual(bytes);
  });

  it('opens every file with trusted_schema off, for writing and read-only', () => {
    const file = path.join(dir, 'trust.kohtaanto');
    const ws = Workspace.open(file, { create: true });
    expect(ws.db.pragma('trusted_schema', { simple: true })).toBe(0);
    const reader = Workspace.open(file, { readOnly: true });
    expect(reader.db.pragma('trusted_schema', { simple: true })).toBe(0);
    reader.close();
    ws.close();
  });

  it('refuses a file that is not SQLite, and one that is another program’s database', () => {
    const text = path.join(dir, 'notes.kohtaanto');
    fs.writeFileSync(text, 'just some text, not a database');
    expect(codeOf(() => Workspace.open(text))).toBe('not_a_workspace');
    expect(fs.readFileSync(text, 'utf8')).toBe('just some text, not a database');

    const empty = path.join(dir, 'empty.kohtaanto');
    fs.writeFileSync(empty, '');
    expect(codeOf(() => Workspace.open(empty))).toBe('not_a_workspace');

    const foreign = path.join(dir, 'other.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(codeOf(() => Workspace.open(foreign))).toBe('not_a_workspace');
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(codeOf(() => Workspace.open(path.join(dir, 'nope.kohtaanto')))).toBe('not_found');
  });

  it('migration 0020 upgrades a version-10 workspace, keeps its data and backs it up first', () => {
    const file = path.join(dir, 'old.kohtaanto');
    const db = new Database(file);
    up0010(db);
    db.prepare("INSERT INTO entities (id, kind, data, updated_at) VALUES ('o1', 'organisation', ?, 'x')").run(
      JSON.stringify(validEntity({ id: 'o1', kind: 'organisation', name: { fi: 'Verohallinto' } })),
    );
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 10');
    db.close();

    const ws = Workspace.open(file, { now: fixedNow });
    expect(ws.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(ws.getEntity('o1')?.name.fi).toBe('Verohallinto');
    ws.edit('undoable now', (tx) => tx.putEntity(validEntity({ id: 'o2', kind: 'organisation', name: { fi: 'DVV' } })));
    expect(ws.historyState().canUndo).toBe(true);
    ws.close();

    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual(['old.kohtaanto.v10-2026-01-15T10-00-00-000Z.bak']);
    const bak = new Database(path.join(dir, backups[0]), { readonly: true });
    expect(bak.pragma('user_version', { simple: true })).toBe(10);
    expect((bak.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n).toBe(1);
    bak.close();
  });
});
