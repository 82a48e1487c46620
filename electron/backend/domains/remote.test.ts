import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MatchingRunRecord } from '../../../shared/api/matching';
import type { ComparisonRecord, ComparisonSummary, RemoteRecommendResult, RequestLogEntry, SourceStatus } from '../../../shared/api/remote';
import { pickText, type Persona, type Service } from '../../../shared/model';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { startFaultServer, type Behaviour, type FaultServer } from '../remote/faultserver.testkit';
import { specValidators } from '../remote/spec';
import { callOk, fixedNow, tempDir } from '../test/tmp';
import { tuneRemoteClient } from './remote';

let dir: string;
let file: string;
let ctx: AppContext;
let registry: Registry;
let srv: FaultServer | undefined;
let services: Service[];
let personas: Persona[];

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'workspaces', 'example.kohtaanto');
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow }));
  await ok('workspace.create', { path: file, example: true });
  // Short backoff so that retry tests take milliseconds; the counts and messages are what matter.
  tuneRemoteClient(ctx, { backoffMs: 5, maxBackoffMs: 20 });
  services = (await ok<Service[]>('entities.list', { kind: 'service' })).sort((a, b) => (a.id < b.id ? -1 : 1));
  personas = (await ok<Persona[]>('entities.list', { kind: 'persona' })).sort((a, b) => (a.id < b.id ? -1 : 1));
});
afterEach(async () => {
  await srv?.close();
  srv = undefined;
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
async function failure(method: string, input: unknown = {}) {
  const r = await registry.call(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

const UNKNOWN = '00000000-aaaa-4bbb-8ccc-000000000001';

async function useServer(behave: (req: any, n: number) => Behaviour, extra: Record<string, unknown> = {}, acknowledge = true) {
  srv = await startFaultServer(behave);
  await ok('remote.setSource', { source: { kind: 'remote', baseUrl: srv.url, timeoutMs: 400, parallel: 2, ...extra } });
  if (acknowledge) await ok('remote.acknowledge');
  return srv;
}

describe('remote recommender source: settings, privacy notice, mapping by PTV id', () => {
  it('stores the source in the workspace (not the key), and a new endpoint needs the privacy notice before anything is sent', async () => {
    expect((await ok<SourceStatus>('remote.source')).source).toEqual({ kind: 'builtin' });
    const s = await useServer(() => ({ kind: 'ok', services: [] }), { keyHeader: 'X-Api-Key' }, false);
    const st = await ok<SourceStatus>('remote.source');
    expect(st.source).toMatchObject({ kind: 'remote', baseUrl: s.url, keyHeader: 'X-Api-Key', timeoutMs: 400, parallel: 2, limit: 20 });
    expect(st.endpoint).toBe(`${s.url}service-recommender/v1/recommend_service`);
    expect(st.acknowledged).toBe(false);
    const err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('privacy notice');
    expect(s.received).toHaveLength(0);

    await ok('remote.setKey', { key: 'sala-1234-avain' });
    expect((await ok<SourceStatus>('remote.source')).key).toBe('session');
    await ok('remote.acknowledge');
    await ok('remote.recommend', { personaId: personas[0].id });
    expect(s.received).toHaveLength(1);
    expect(s.received[0].headers['x-api-key']).toBe('sala-1234-avain');
    ctx.close();
    // The key never reaches the file (nor its WAL).
    const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
    expect(bytes.includes(Buffer.from('sala-1234-avain'))).toBe(false);
    expect(bytes.includes(Buffer.from(s.url))).toBe(true);
  });

  it('maps returned services to the workspace by PTV id and lists the others as recommended but not mapped', async () => {
    const known = services.slice(0, 3);
    await useServer(() => ({
      kind: 'ok',
      services: [
        { id: known[0].ptvId!, name: 'Eka' },
        { id: UNKNOWN, name: 'Työpajatoiminta (ei kartalla)' },
        { id: known[1].ptvId!.toUpperCase(), name: 'Toka' },
      ],
    }));
    const r = await ok<RemoteRecommendResult>('remote.recommend', { personaId: personas[0].id });
    expect(r.services.map((s) => [s.rank, s.serviceId])).toEqual([
      [1, known[0].id],
      [2, null],
      [3, known[1].id],
    ]);
    expect(r.services[1]).toMatchObject({ ptvId: UNKNOWN, name: 'Työpajatoiminta (ei kartalla)' });
    expect([r.mapped, r.unmapped]).toEqual([2, 1]);
  });

  it('free text goes to text_search; a persona goes to recommend_service with its meters and municipality', async () => {
    const s = await useServer(() => ({ kind: 'ok', services: [] }));
    const p = personas.find((x) => x.municipality)!;
    await ok('remote.recommend', { personaId: p.id });
    await ok('remote.recommend', { personaId: p.id, text: 'asunto  ' });
    expect(s.received.map((r) => r.path)).toEqual(['/service-recommender/v1/recommend_service', '/service-recommender/v1/text_search']);
    expect(s.received[0].body.service_filters).toEqual({ municipality_codes: [p.municipality] });
    expect(s.received[0].body.life_situation_meters.health).toEqual([Math.round(p.meters.health)]);
    expect(s.received[1].body).toEqual({ search_text: 'asunto', service_filters: { municipality_codes: [p.municipality] }, limit: 20 });
    const v = specValidators();
    expect(v.RecommendServiceInput(s.received[0].body), JSON.stringify(v.RecommendServiceInput.errors)).toBe(true);
    expect(v.TextSearchInput(s.received[1].body)).toBe(true);
  });

  it('privacy: the request bodies of a whole matching run and comparison carry meters and filters only, never names, notes or needs', async () => {
    const s = await useServer(() => ({ kind: 'ok', services: services.slice(0, 5).map((x) => ({ id: x.ptvId!, name: 'x' })) }), { area: 'county', targetGroupsFromAge: true, funding: ['PubliclyFunded'] });
    await ok('matching.run', {});
    await ok('remote.compare', { k: 5 });
    expect(s.received.length).toBe(personas.length + personas.length);
    const needs = await ok<{ name: Record<string, string> }[]>('entities.list', { kind: 'need' });
    const secrets = [
      ...personas.flatMap((p) => [...Object.values(p.name), ...Object.values(p.description ?? {})]),
      ...personas.map((p) => p.id),
      ...needs.flatMap((n) => Object.values(n.name)),
    ].filter((x) => typeof x === 'string' && x.length > 3);
    expect(secrets.length).toBeGreaterThan(10);
    for (const r of s.received) {
      expect(Object.keys(r.body).sort()).toEqual(['life_situation_meters', 'limit', 'service_filters']);
      expect(Object.keys(r.body.service_filters).sort()).toEqual(['funding_type', 'target_groups', 'wellbeing_service_county_codes'].filter((k) => k !== 'wellbeing_service_county_codes' || r.body.service_filters[k]));
      for (const x of secrets) expect(r.raw.includes(x), `"${x}" left the machine`).toBe(false);
      for (const h of Object.values(r.headers)) for (const x of secrets) expect(String(h).includes(x)).toBe(false);
    }
  });
});

describe('remote recommender faults (loopback server that misbehaves)', () => {
  const log = () => ok<RequestLogEntry[]>('remote.log', {});

  it('500: retried with backoff, gives up after three attempts with a message naming the endpoint; every attempt is logged', async () => {
    const s = await useServer(() => ({ kind: 'status', status: 500, body: JSON.stringify({ message: 'tietokanta alhaalla' }) }));
    const err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.code).toBe('remote_failed');
    expect(err.message).toBe(`${s.url}service-recommender/v1/recommend_service: the server answered 500 Internal Server Error: tietokanta alhaalla (gave up after 3 attempts).`);
    // Coded for the user's language; the server's own words stay as they came.
    expect(err.msg).toEqual({
      code: 'remote.faultServer',
      params: { url: `${s.url}service-recommender/v1/recommend_service`, detail: 'the server answered 500 Internal Server Error: tietokanta alhaalla', attempts: 3 },
    });
    expect(s.received).toHaveLength(3);
    const entries = await log();
    expect(entries.map((e) => [e.attempt, e.status, e.outcome])).toEqual([
      [3, 500, 'error'],
      [2, 500, 'error'],
      [1, 500, 'error'],
    ]);
    expect(entries[0].body).toEqual(s.received[0].body);
    expect(entries[0].at).toBe('2026-01-15T10:00:00.000Z');
  });

  it('429 then an answer: the second attempt succeeds', async () => {
    const s = await useServer((_, n) => (n === 1 ? { kind: 'status', status: 429, headers: { 'Retry-After': '0' } } : { kind: 'ok', services: [{ id: services[0].ptvId!, name: 'x' }] }));
    const r = await ok<RemoteRecommendResult>('remote.recommend', { personaId: personas[0].id });
    expect(r.services[0].serviceId).toBe(services[0].id);
    expect(s.received).toHaveLength(2);
    expect((await log()).map((e) => [e.attempt, e.status, e.outcome])).toEqual([
      [2, 200, 'ok'],
      [1, 429, 'error'],
    ]);
  });

  it('a slow answer times out, is retried, and fails with "no answer within"', async () => {
    const s = await useServer(() => ({ kind: 'delay', ms: 1500 }), { timeoutMs: 200 });
    const err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.message).toBe(`${s.url}service-recommender/v1/recommend_service: no answer within 200 ms (gave up after 3 attempts).`);
    expect(s.received).toHaveLength(3);
  });

  it('a dropped connection is retried and named', async () => {
    const s = await useServer(() => ({ kind: 'drop' }));
    const err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.message).toMatch(/recommend_service: (the connection was dropped before a complete answer arrived|the request failed: .*) \(gave up after 3 attempts\)\.$/);
    expect(s.received).toHaveLength(3);
  });

  it('a refused connection names the endpoint', async () => {
    const s = await useServer(() => ({ kind: 'ok', services: [] }));
    await s.close();
    srv = undefined;
    const err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.message).toBe(`${s.url}service-recommender/v1/recommend_service: the connection was refused (is the service running at this address?) (gave up after 3 attempts).`);
  });

  it('malformed JSON and spec-violating answers are not retried and say what is wrong', async () => {
    let s = await useServer(() => ({ kind: 'malformed' }));
    let err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.message).toBe(`${s.url}service-recommender/v1/recommend_service: the answer is not valid JSON (it starts "{"recommended_services": [ {"service_id": "x", ").`);
    expect(s.received).toHaveLength(1);
    await s.close();
    s = await useServer(() => ({ kind: 'spec' }));
    err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.message).toContain('the answer does not match the AuroraAI spec: ');
    expect(err.message).toContain("/recommended_services/0 must have required property 'service_id'");
    expect(err.message).toContain('/recommended_services/0/similarity_score must be number');
    expect(s.received).toHaveLength(1);
  });

  it('401 is not retried and points at the key', async () => {
    const s = await useServer(() => ({ kind: 'status', status: 401, body: '{"message":"bad key"}' }), { keyHeader: 'Authorization' });
    const err = await failure('remote.recommend', { personaId: personas[0].id });
    expect(err.message).toBe(`${s.url}service-recommender/v1/recommend_service: the server answered 401 Unauthorized: bad key (check the API key and the name of its header).`);
    expect(s.received).toHaveLength(1);
  });

  it('keeps to the parallel limit', async () => {
    const s = await useServer(() => ({ kind: 'delay', ms: 60, services: [] }), { parallel: 2 });
    await ok('matching.run', {});
    expect(s.received.length).toBe(personas.length);
    expect(s.maxInFlight).toBe(2);
  });

  it("the log times each request from when it leaves, not from when it joined the queue for a free slot", async () => {
    await useServer(() => ({ kind: 'delay', ms: 150, services: [] }), { parallel: 1 });
    const t0 = performance.now();
    await ok('matching.run', {});
    const total = performance.now() - t0;
    const entries = await log();
    expect(entries).toHaveLength(personas.length);
    expect(total).toBeGreaterThan(150 * personas.length);
    // Queued behind four others, the last request would show ~750 ms if the wait were counted.
    for (const e of entries) expect(e.ms).toBeLessThan(150 * 3);
  });

  it('a partly answered matching run names exactly the personas without an answer, leaves them out and is not complete', async () => {
    const failing = personas[1];
    const failingMeters = JSON.stringify(Object.fromEntries(Object.entries(failing.meters).map(([m, v]) => [m, [Math.round(v)]])));
    const s = await useServer((req) =>
      JSON.stringify(req.body.life_situation_meters) === failingMeters ? { kind: 'status', status: 503 } : { kind: 'ok', services: services.map((x) => ({ id: x.ptvId!, name: 'x' })).slice(0, 20) },
    );
    const other = personas.filter((p) => JSON.stringify(Object.fromEntries(Object.entries(p.meters).map(([m, v]) => [m, [Math.round(v)]]))) === failingMeters);
    expect(other.map((p) => p.id)).toEqual([failing.id]);
    const rec = await ok<MatchingRunRecord>('matching.run', {});
    expect(rec.run.source).toMatchObject({ kind: 'remote', complete: false });
    expect(rec.run.source!.missing.map((m) => m.persona)).toEqual([failing.id]);
    expect(rec.run.source!.missing[0].message).toBe(`${s.url}service-recommender/v1/recommend_service: the server answered 503 Service Unavailable: planned 503 (gave up after 3 attempts).`);
    expect(rec.run.scope.personas).not.toContain(failing.id);
    expect(rec.run.scope.personas.length).toBe(personas.length - 1);
    // Saved and read back the same.
    const again = await ok<MatchingRunRecord>('matching.get', { id: rec.id });
    expect(again.run.source!.complete).toBe(false);
  });
});

describe('comparison of the built-in and the remote recommender', () => {
  it('is saved like a matching run, with agreement per persona and the unmapped services', async () => {
    // The remote recommender answers every persona with the built-in's own top 10 reversed, plus one unknown service.
    const builtinTop = new Map<string, string[]>();
    for (const p of personas) {
      const r = await ok<{ results: { serviceId: string }[] }>('recommend.query', { personaId: p.id, top: 10 });
      builtinTop.set(p.id, r.results.map((x) => x.serviceId));
    }
    const ptvOf = new Map(services.map((x) => [x.id, x.ptvId!]));
    const byMeters = new Map(personas.map((p) => [JSON.stringify(Object.fromEntries(Object.entries(p.meters).map(([m, v]) => [m, [Math.round(v)]]))), p.id]));
    await useServer((req) => {
      const pid = byMeters.get(JSON.stringify(req.body.life_situation_meters))!;
      const list = [...builtinTop.get(pid)!].reverse().map((id) => ({ id: ptvOf.get(id)!, name: 'x' }));
      return { kind: 'ok', services: [{ id: UNKNOWN, name: 'Ei kartalla' }, ...list] };
    }, { limit: 10 });
    const rec = await ok<ComparisonRecord>('remote.compare', { k: 10, label: 'kokeilu' });
    const c = rec.comparison;
    expect(c.complete).toBe(true);
    expect(c.personas).toHaveLength(personas.length);
    for (const p of c.personas) {
      const a = builtinTop.get(p.persona)!;
      expect(p.builtin.slice(0, 10)).toEqual(a);
      expect(p.remote[0]).toBe(`ptv:${UNKNOWN}`);
      // Remote top 10: the unknown service, then the built-in's list reversed. A full built-in list
      // (10) loses its best to the unknown service: 9/10 in common; a shorter one (n) keeps all: n/(n+1).
      const n = a.length;
      expect(n).toBeGreaterThan(1);
      expect(p.overlap).toBeCloseTo(n === 10 ? 0.9 : n / (n + 1), 6);
      expect(p.onlyRemote).toEqual([`ptv:${UNKNOWN}`]);
      expect(p.onlyBuiltin).toEqual(n === 10 ? [a[0]] : []);
      expect(p.tau).not.toBeNull();
      expect(p.tau!).toBeLessThan(0);
    }
    expect(c.unmapped).toEqual([{ ptvId: UNKNOWN, name: 'Ei kartalla', personas: personas.map((p) => p.id) }]);
    expect(rec.names[`ptv:${UNKNOWN}`]).toEqual({ fi: 'Ei kartalla' });
    expect(pickText(rec.names[personas[0].id], 'fi')).toBe(pickText(personas[0].name, 'fi'));
    const list = await ok<ComparisonSummary[]>('remote.comparisons');
    expect(list.map((x) => [x.id, x.label, x.complete, x.personas])).toEqual([[rec.id, 'kokeilu', true, personas.length]]);
    expect((await ok<ComparisonRecord>('remote.getComparison', { id: rec.id })).comparison).toEqual(c);
    await ok('remote.deleteComparison', { id: rec.id });
    expect(await ok('remote.comparisons')).toEqual([]);
  });
});
