// Foundation benchmark: open a workspace holding 50,000 services, and commit one edit (p50, p99
// over 1,000 edits), each next to a raw better-sqlite3 baseline measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackend } from '../electron/backend';
import { validEntity, Workspace } from '../electron/backend/store/workspace';
import { median, percentile, report } from './_util';

const SERVICES = 50_000;
const EDITS = 1_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-bench-'));
// Inside the workspaces folder: browser mode's workspace.open takes no path outside it.
const file = path.join(dir, 'workspaces', 'big.kohtaanto');

function service(i: number) {
  return validEntity({
    id: `srv-${i}`,
    kind: 'service',
    name: { fi: `Palvelu ${i}`, sv: `Tjänst ${i}` },
    description: { fi: 'Palvelu, joka auttaa nuoria löytämään opiskelupaikan, työn tai harrastuksen. '.repeat(3) },
    serviceClasses: ['P10.1', 'P5'],
    targetGroups: ['KR1.2'],
    areaType: i % 3 ? 'nationwide' : 'limited',
    areas: i % 3 ? [] : ['564'],
    languages: ['fi', 'sv'],
  });
}

// Build the workspace once (not timed).
{
  const ws = Workspace.open(file, { create: true });
  ws.edit('seed', (tx) => {
    for (let i = 0; i < SERVICES; i++) tx.putEntity(service(i));
  }, { undoable: false });
  ws.close();
}
console.log(`workspace: ${SERVICES.toLocaleString('en')} services, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB`);

// ---- open ----
const openTimes: number[] = [];
const rawOpenTimes: number[] = [];
for (let run = 0; run < 5; run++) {
  let t = performance.now();
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.prepare('SELECT count(*) FROM entities').get();
  raw.close();
  rawOpenTimes.push(performance.now() - t);

  t = performance.now();
  const ws = Workspace.open(file); // header checks, integrity_check, migrations check, WAL
  ws.counts();
  ws.close();
  openTimes.push(performance.now() - t);
}
report('open (median of 5)', median(openTimes), median(rawOpenTimes), 1000);

// ---- one edit, through the whole API path (validation, transaction, undo record) ----
async function edits(): Promise<void> {
const { ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' });
await registry.call('workspace.open', { path: file });
const editTimes: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const s = service(i);
  const t = performance.now();
  const r = await registry.call('entities.update', { entity: { ...s, name: { fi: `Muokattu palvelu ${i}` } } });
  editTimes.push(performance.now() - t);
  if (!r.ok) throw new Error(r.error.message);
}
ctx.close();

const raw = new Database(file);
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = FULL');
const put = raw.prepare('UPDATE entities SET data = ?, updated_at = ? WHERE id = ?');
const rawTimes: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const s = service(i);
  const t = performance.now();
  put.run(JSON.stringify({ ...s, name: { fi: `Raaka ${i}` } }), new Date().toISOString(), s.id);
  rawTimes.push(performance.now() - t);
}
raw.close();
report('edit p50 (1,000 edits)', percentile(editTimes, 50), percentile(rawTimes, 50));
report('edit p99 (1,000 edits)', percentile(editTimes, 99), percentile(rawTimes, 99), 5);
console.log('baselines: raw better-sqlite3 open + count; raw single-statement UPDATE, same file, same synchronous=FULL');
fs.rmSync(dir, { recursive: true, force: true });
}
void edits();
