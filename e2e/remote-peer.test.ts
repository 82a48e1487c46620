/**
 * The remote recommender against a real second Kohtaanto process (`kohtaanto serve` of the
 * example catalogue on loopback), through the API and the CLI. The local workspace is the same
 * catalogue with the peer's first two answers for a persona deleted, so those two must come back
 * as "recommended but not mapped" and every other answer mapped to the service of the same PTV id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchingRunRecord } from '../shared/api/matching';
import type { ComparisonRecord, RemoteRecommendResult, RequestLogEntry } from '../shared/api/remote';
import { METERS, type Persona, type Service } from '../shared/model';
import { createBackend } from '../electron/backend';
import type { AppContext } from '../electron/backend/context';
import { openWorkspaceFile } from '../electron/backend/domains/workspace';
import type { Registry } from '../electron/backend/registry';
import { exampleFile, kohtaanto, startPeer, type Peer } from './peer';

let peer: Peer;
let dir: string;
let localFile: string;
let persona: Persona;
let peerAnswer: { service_id: string; service_name: string }[];
let deleted: Service[];

async function withLocal<T>(fn: (registry: Registry, ctx: AppContext) => Promise<T>): Promise<T> {
  const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser' });
  ctx.workspace = openWorkspaceFile(ctx, localFile);
  try {
    return await fn(registry, ctx);
  } finally {
    ctx.close();
  }
}
async function ok<T>(registry: Registry, method: string, input: unknown = {}): Promise<T> {
  const r = await registry.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  peer = await startPeer(exampleFile('peer'));
  localFile = exampleFile('local');
  dir = path.dirname(localFile);
  await withLocal(async (registry) => {
    persona = (await ok<Persona[]>(registry, 'entities.list', { kind: 'persona' })).find((p) => p.municipality)!;
    // The peer's own answer for the persona, asked directly with its key.
    const res = await fetch(`${peer.url}service-recommender/v1/recommend_service`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kohtaanto-Key': peer.key },
      body: JSON.stringify({ life_situation_meters: Object.fromEntries(METERS.map((m) => [m, [persona.meters[m]]])), service_filters: { municipality_codes: [persona.municipality] }, limit: 20 }),
    });
    expect(res.status).toBe(200);
    peerAnswer = ((await res.json()) as { recommended_services: { service_id: string; service_name: string }[] }).recommended_services;
    expect(peerAnswer.length).toBeGreaterThan(5);
    const services = await ok<Service[]>(registry, 'entities.list', { kind: 'service' });
    deleted = peerAnswer.slice(0, 2).map((a) => services.find((s) => s.ptvId === a.service_id)!);
    for (const s of deleted) await ok(registry, 'entities.delete', { id: s.id });
  });
}, 180_000);

afterAll(async () => {
  await peer?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('remote recommender: a real second Kohtaanto serving the example catalogue', () => {
  it('maps the answers by PTV id; the services the local workspace lacks are listed as recommended but not mapped', async () => {
    await withLocal(async (registry) => {
      const services = await ok<Service[]>(registry, 'entities.list', { kind: 'service' });
      await ok(registry, 'remote.setSource', { source: { kind: 'remote', baseUrl: peer.url, keyHeader: 'X-Kohtaanto-Key', limit: 20 } });
      await ok(registry, 'remote.setKey', { key: peer.key });
      await ok(registry, 'remote.acknowledge');
      const r = await ok<RemoteRecommendResult>(registry, 'remote.recommend', { personaId: persona.id });
      expect(r.services.map((s) => s.ptvId)).toEqual(peerAnswer.map((a) => a.service_id));
      const byPtv = new Map(services.map((s) => [s.ptvId, s.id]));
      expect(r.services.map((s) => s.serviceId)).toEqual(peerAnswer.map((a) => byPtv.get(a.service_id) ?? null));
      expect(r.services.filter((s) => !s.serviceId).map((s) => s.ptvId)).toEqual(deleted.map((d) => d.ptvId));
      expect([r.mapped, r.unmapped]).toEqual([peerAnswer.length - 2, 2]);
      // The matching run on the remote source lists the unmapped services among its findings.
      const run = await ok<MatchingRunRecord>(registry, 'matching.run', {});
      expect(run.run.source).toMatchObject({ kind: 'remote', complete: true, missing: [] });
      const unmapped = run.run.source!.unmapped.find((u) => u.ptvId === deleted[0].ptvId)!;
      expect(unmapped.personas).toContain(persona.id);
      const log = await ok<RequestLogEntry[]>(registry, 'remote.log', {});
      expect(log.every((e) => e.outcome === 'ok' && e.status === 200)).toBe(true);
    });
  });

  it('a wrong key is refused by the peer with a clear message naming the endpoint', async () => {
    await withLocal(async (registry) => {
      await ok(registry, 'remote.setSource', { source: { kind: 'remote', baseUrl: peer.url, keyHeader: 'X-Kohtaanto-Key' } });
      await ok(registry, 'remote.setKey', { key: 'väärä' });
      const r = await registry.call('remote.recommend', { personaId: persona.id });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(new RegExp(`^${peer.url.replace(/[.]/g, '\\.')}service-recommender/v1/recommend_service: the server answered 401 Unauthorized: .*\\(check the API key and the name of its header\\)\\.$`));
    });
  });

  it('CLI: compare-recommenders, match and recommend with --remote; the key from KOHTAANTO_REMOTE_KEY', async () => {
    const env = { KOHTAANTO_REMOTE_KEY: peer.key };
    const data = path.join(dir, 'cli-data');
    const cmp = kohtaanto(data, ['compare-recommenders', localFile, '--remote', peer.url, '--key-header', 'X-Kohtaanto-Key', '--k', '5', '--parallel', '3', '--json'], env);
    expect(cmp.err).toContain('only life-situation meters and filters');
    expect(cmp.code).toBe(0);
    const rec = JSON.parse(cmp.out) as ComparisonRecord;
    expect(rec.comparison.complete).toBe(true);
    expect(rec.comparison.k).toBe(5);
    expect(rec.comparison.personas.length).toBe(5);
    for (const p of rec.comparison.personas) {
      expect(p.overlap).toBeGreaterThanOrEqual(0);
      expect(p.overlap).toBeLessThanOrEqual(1);
    }
    const mine = rec.comparison.personas.find((p) => p.persona === persona.id)!;
    // The peer's top answers for the persona are the two the local workspace lacks.
    expect(mine.remote.slice(0, 2)).toEqual(deleted.map((d) => `ptv:${d.ptvId}`));
    expect(mine.onlyRemote).toEqual(expect.arrayContaining(deleted.map((d) => `ptv:${d.ptvId}`)));
    expect(rec.comparison.unmapped.map((u) => u.ptvId)).toEqual(expect.arrayContaining(deleted.map((d) => d.ptvId!)));

    const text = kohtaanto(data, ['compare-recommenders', localFile, '--remote', peer.url, '--key-header', 'X-Kohtaanto-Key'], env);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/5 personas; mean overlap@10 \d\.\d{3}; mean Kendall tau-b (-?\d\.\d{3}|—)/);
    expect(text.out).toContain('[not mapped]');
    // The same in Finnish: the app's words, decimal commas, and the note of what leaves the machine.
    const fi = kohtaanto(data, ['compare-recommenders', localFile, '--remote', peer.url, '--key-header', 'X-Kohtaanto-Key', '--lang', 'fi'], env);
    expect(fi.code).toBe(0);
    expect(fi.out).toMatch(/5 profiilia; päällekkäisyys@10 keskimäärin \d,\d{3}; Kendallin tau-b keskimäärin (-?\d,\d{3}|—)/);
    expect(fi.out).toContain('[ei kartalla]');
    expect(fi.err).toContain(`huom.: kysytään osoitteesta ${peer.url}`);

    const match = kohtaanto(data, ['match', localFile, '--remote', peer.url, '--key-header', 'X-Kohtaanto-Key'], env);
    expect(match.code).toBe(0);
    expect(match.out).toContain(`Recommendations from ${peer.url}service-recommender/v1/recommend_service (lists of 20).`);
    expect(match.out).toContain(`Recommended but not mapped`);

    const one = kohtaanto(data, ['recommend', localFile, '--persona', persona.id, '--remote', peer.url, '--key-header', 'X-Kohtaanto-Key', '--top', '20'], env);
    expect(one.code).toBe(0);
    expect(one.out).toContain(`recommend_service at ${peer.url}service-recommender/v1/recommend_service: ${peerAnswer.length} services: ${peerAnswer.length - 2} in the workspace, 2 recommended but not mapped.`);
    expect(one.out).toContain(`not mapped: PTV ${deleted[0].ptvId}`);

    const noKey = kohtaanto(data, ['recommend', localFile, '--persona', persona.id, '--remote', peer.url, '--key-header', 'X-Kohtaanto-Key'], { KOHTAANTO_REMOTE_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.err).toContain('needs the key in the environment variable KOHTAANTO_REMOTE_KEY');

    // The command line used the endpoint for its runs only: the workspace keeps the source set through the API above, unacknowledged state and all.
    await withLocal(async (registry) => {
      const st = await ok<{ source: { kind: string; timeoutMs: number; parallel: number } }>(registry, 'remote.source');
      expect(st.source).toMatchObject({ kind: 'remote', timeoutMs: 10_000, parallel: 4 });
      const runs = await ok<unknown[]>(registry, 'remote.comparisons');
      // The API's comparison and the command line's two (English and Finnish).
      expect(runs.length).toBe(3);
    });
  }, 400_000);

  it('a peer that stops mid-run gives an incomplete run naming every persona (refused connections)', async () => {
    const other = await startPeer(exampleFile('peer2'));
    await withLocal(async (registry, ctx) => {
      const { tuneRemoteClient } = await import('../electron/backend/domains/remote');
      tuneRemoteClient(ctx, { backoffMs: 10, maxBackoffMs: 20 });
      await ok(registry, 'remote.setSource', { source: { kind: 'remote', baseUrl: other.url, keyHeader: 'X-Kohtaanto-Key' } });
      await ok(registry, 'remote.setKey', { key: other.key });
      await ok(registry, 'remote.acknowledge');
      await other.stop();
      const run = await ok<MatchingRunRecord>(registry, 'matching.run', {});
      expect(run.run.source!.complete).toBe(false);
      expect(run.run.source!.missing.length).toBe(5);
      expect(run.run.totals.personas).toBe(0);
      for (const m of run.run.source!.missing) expect(m.message).toBe(`${other.url}service-recommender/v1/recommend_service: the connection was refused (is the service running at this address?) (gave up after 3 attempts).`);
    });
  });
});
