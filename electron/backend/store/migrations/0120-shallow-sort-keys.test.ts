import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../open';
import { fixedNow, workspaceFileEach } from '../../test/tmp';
import { validEntity, Workspace } from '../workspace';
import { MIGRATIONS } from './index';

const tmp = workspaceFileEach();

const NAMES = ['Öljy', 'aamu', 'Zeta', 'Äiti', 'Åland', 'émile', 'Ängel', 'öky', 'Bertil', 'ERA'];
/** Finnish alphabetical order, case-blind, é with e, å ä ö after z. */
const FINNISH = ['aamu', 'Bertil', 'émile', 'ERA', 'Zeta', 'Åland', 'Äiti', 'Ängel', 'öky', 'Öljy'];

/** How deep parentheses nest in the file's schema: the sqlite3 shell's parser refused a file at 27 calls deep. */
function deepestSchema(db: Database.Database): number {
  let worst = 0;
  for (const sql of db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL').pluck().all() as string[]) {
    let depth = 0;
    for (const ch of sql.replace(/'[^']*'/g, "''")) {
      if (ch === '(') worst = Math.max(worst, ++depth);
      else if (ch === ')') depth--;
    }
  }
  return worst;
}

describe('migration 0120: sort keys other SQLite tools can read', () => {
  it('upgrades a version-110 workspace: the same order, and a schema nesting no deeper than 20', () => {
    const db = new Database(tmp.file);
    for (const m of MIGRATIONS.filter((m) => m.version <= 110)) m.up(db);
    const put = db.prepare('INSERT INTO entities (id, kind, data, updated_at) VALUES (?, ?, ?, ?)');
    NAMES.forEach((n, i) => put.run(`s${i}`, 'service', JSON.stringify(validEntity({ id: `s${i}`, kind: 'service', name: { fi: n } })), 'x'));
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma('user_version = 110');
    const before = db.prepare("SELECT json_extract(data, '$.name.fi') FROM entities WHERE kind = 'service' ORDER BY sort_fi, id").pluck().all();
    expect(deepestSchema(db)).toBeGreaterThan(20);
    db.close();
    expect(before).toEqual(FINNISH);

    const ws = Workspace.open(tmp.file, { now: fixedNow });
    expect(ws.schemaVersion()).toBe(120);
    const order = (lang: string) => ws.db.prepare(`SELECT json_extract(data, '$.name.fi') FROM entities WHERE kind = 'service' ORDER BY sort_${lang}, id`).pluck().all();
    expect(order('fi')).toEqual(FINNISH);
    // No Swedish or English names: those tables fall back to the Finnish one.
    expect(order('sv')).toEqual(FINNISH);
    expect(deepestSchema(ws.db)).toBeLessThanOrEqual(20);
    // The index still serves the table's order: no sort in a temporary B-tree.
    const plan = ws.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM entities WHERE kind = 'service' ORDER BY sort_fi, id").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('entities_sort_fi');
    ws.edit('rename', (tx) => tx.putEntity(validEntity({ id: 's0', kind: 'service', name: { fi: 'Aalto' } })));
    expect(order('fi')[0]).toBe('Aalto');
    ws.close();
  });

  it('a new workspace is read by the sqlite3 shell where one is installed', () => {
    const ws = Workspace.open(tmp.file, { create: true, now: fixedNow });
    ws.edit('add', (tx) => tx.putEntity(validEntity({ id: 'o1', kind: 'organisation', name: { fi: 'Kela' } })));
    expect(deepestSchema(ws.db)).toBeLessThanOrEqual(20);
    ws.close();
    const shell = spawnSync('sqlite3', [tmp.file, 'SELECT count(*) FROM entities; SELECT sort_fi FROM entities;'], { encoding: 'utf8' });
    if (shell.error) return; // no sqlite3 shell here: the nesting bound above is what holds it
    expect(shell.stderr).toBe('');
    expect(shell.stdout.trim().split('\n')).toEqual(['1', 'kela']);
  });
});
