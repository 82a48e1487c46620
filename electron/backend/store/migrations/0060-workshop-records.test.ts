import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../open';
import { fixedNow, tempDir } from '../../test/tmp';
import { validEntity, Workspace } from '../workspace';
import { MIGRATIONS } from '.';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'w.kohtaanto');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0060 (workshop records, real SQLite file)', () => {
  it('upgrades a version-50 workspace: its data and history stay, and records can be stored', () => {
    const db = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 50)) m.up(db);
    db.prepare("INSERT INTO entities (id, kind, data, updated_at) VALUES ('o1', 'organisation', ?, 'x')").run(JSON.stringify(validEntity({ id: 'o1', kind: 'organisation', name: { fi: 'Kela' } })));
    db.prepare("INSERT INTO picture_items (id, kind, data, updated_at) VALUES ('g1', 'goal', ?, 'x')").run(JSON.stringify({ id: 'g1', kind: 'goal', name: { fi: 'Tavoite' }, description: {} }));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 50');
    db.close();

    const ws = Workspace.open(file, { now: fixedNow });
    expect(ws.schemaVersion()).toBeGreaterThanOrEqual(60);
    expect(ws.getEntity('o1')?.name.fi).toBe('Kela');
    expect(ws.getItem('g1')?.kind).toBe('goal');
    const insert = ws.db.prepare('INSERT INTO workshop_records (id, title, started_at, ended_at, data) VALUES (?, ?, ?, ?, ?)');
    insert.run('rec-1', 'Paja', '2026-01-15T09:00:00.000Z', '2026-01-15T10:00:00.000Z', '{"id":"rec-1"}');
    // The data column holds JSON only, so a damaged record cannot be written.
    expect(() => insert.run('rec-2', 'Paja', 'a', 'b', 'not json')).toThrow(/CHECK constraint/);
    expect(ws.db.prepare('SELECT count(*) AS n FROM workshop_records').get()).toEqual({ n: 1 });
    ws.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });
});
