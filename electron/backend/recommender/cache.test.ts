import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecommendResult } from '../../../shared/api/matching';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

// The workspaces here are small; below a size the index is built in-process, so the worker is asked for.
process.env.KOHTAANTO_RECOMMENDER_WORKER_FROM = '0';

let dir: string;
let file: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'workspaces', 'example.kohtaanto');
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  await ok('workspace.create', { path: file, example: true });
}, 60_000);
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
const savedRows = () => ctx.requireWorkspace().db.prepare('SELECT fingerprint, services FROM recommender_index_cache ORDER BY created_at, rowid').all() as { fingerprint: string; services: number }[];

describe('the recommender index off the main path (real SQLite file, real worker thread)', () => {
  it('builds once on the worker for concurrent requests while other calls answer at once, and saves it in the file', async () => {
    ctx.requireWorkspace().db.prepare('DELETE FROM recommender_index_cache').run();
    const done: string[] = [];
    const a = ok<RecommendResult>('recommend.query', { persona: { meters: { housing: 0 } }, top: 5 }).then((r) => (done.push('a'), r));
    const b = ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 }).then((r) => (done.push('b'), r));
    const stats = ok('workspace.stats').then((r) => (done.push('stats'), r));
    const [ra, rb] = await Promise.all([a, b, stats]);
    // Starting the worker alone takes longer than a stats call: it answered first, not after the build.
    expect(done[0]).toBe('stats');
    expect(ra.index.from).toBe('worker');
    expect(rb.index.revision).toBe(ra.index.revision);
    expect(savedRows()).toEqual([{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), services: 50 }]);
  }, 120_000);

  it('reads the saved index after reopening, and builds again (keeping the previous one) when the catalogue changes', async () => {
    const first = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    const [saved] = savedRows();
    await ok('workspace.close');
    await ok('workspace.open', { path: file });
    const reopened = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(reopened.index.from).toBe('file');
    expect(reopened.results.map((r) => [r.serviceId, r.score])).toEqual(first.results.map((r) => [r.serviceId, r.score]));

    await ok('entities.create', { entity: { kind: 'service', name: { fi: 'Velkaneuvonnan uusi palvelu' } } });
    const changed = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(changed.index.from).toBe('worker');
    expect(changed.index.services).toBe(51);
    const rows = savedRows();
    expect(rows).toHaveLength(2);
    expect(rows[0].fingerprint).toBe(saved.fingerprint);
    expect(rows[1].services).toBe(51);
    // Undo brings the catalogue back to the first fingerprint: its snapshot is still there.
    await ok('history.undo');
    const undone = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(undone.index.from).toBe('file');
    expect(undone.index.services).toBe(50);
  }, 180_000);

  it('assembles the index from the saved snapshot, without a build, after a change outside the catalogue (a need linked to a service)', async () => {
    const first = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    const need = await ok<{ id: string }>('entities.create', { entity: { kind: 'need', name: { fi: 'Velkojen hoito' } } });
    await ok('links.create', { type: 'addresses', source: first.results[0].serviceId, target: need.id });
    const after = await ok<RecommendResult>('recommend.query', { text: 'velkaneuvonta', top: 5 });
    expect(after.index.from).toBe('file');
    expect(after.index.revision).toBeGreaterThan(first.index.revision);
    expect(after.results.map((r) => [r.serviceId, r.score])).toEqual(first.results.map((r) => [r.serviceId, r.score]));
    expect(savedRows()).toHaveLength(1);
  }, 180_000);
});
