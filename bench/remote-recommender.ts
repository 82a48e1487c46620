/**
 * The remote recommender under load: 200 personas through a real second Kohtaanto
 * (`kohtaanto serve` of the example catalogue on loopback) with 8 requests in flight, next to the
 * built-in recommender on the same personas in the same run. Run: npx tsx bench/remote-recommender.ts
 *
 * Figures:
 * - matching.run on the remote source (200 recommend_service requests, parallel 8): wall time and
 *   requests per second; the same with parallel 1 to show what the parallelism buys;
 * - matching.run on the built-in source, and 200 built-in recommend.query calls (one per persona,
 *   the built-in counterpart of the 200 requests), as the baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { METERS, type Need, type Persona } from '../shared/model';
import { createBackend } from '../electron/backend';
import { exampleFile, startPeer } from '../e2e/peer';
import { seededRandom } from './recommender-data';

const N = Number(process.env.BENCH_PERSONAS ?? 200);
const PARALLEL = 8;
const rand = seededRandom(11);

async function main() {
  const peer = await startPeer(exampleFile('bench-peer'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-bench-remote-'));
  const { ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' });
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await registry.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    await call('workspace.create', { path: path.join(dir, 'workspaces', 'bench.kohtaanto'), example: true });
    const existing = await call<Persona[]>('entities.list', { kind: 'persona' });
    const needs = await call<Need[]>('entities.list', { kind: 'need' });
    const municipalities = [...new Set(existing.map((p) => p.municipality).filter((m): m is string => !!m))];
    for (let i = existing.length; i < N; i++) {
      const ageMin = 15 + Math.floor(rand() * 15);
      const p = await call<Persona>('entities.create', {
        entity: {
          kind: 'persona',
          name: { fi: `Kuormaprofiili ${i}` },
          ageMin,
          ageMax: ageMin + 4,
          municipality: municipalities[i % municipalities.length],
          language: 'fi',
          meters: Object.fromEntries(METERS.map((m) => [m, Math.floor(rand() * 11)])),
          peoplePerYear: 10 + Math.floor(rand() * 200),
        },
      });
      const picked = [...new Set([needs[Math.floor(rand() * needs.length)].id, needs[Math.floor(rand() * needs.length)].id])];
      await call('links.createMany', { links: picked.map((n) => ({ type: 'personaNeed', source: p.id, target: n, data: { importance: 3 } })) });
    }
    const personas = await call<Persona[]>('entities.list', { kind: 'persona' });
    console.log(`${personas.length} personas; remote: ${peer.url} (kohtaanto serve, process ${peer.pid}); ${os.cpus().length} cores.\n`);

    // Built-in first (warm the index with one query so its build is not counted).
    await call('recommend.query', { personaId: personas[0].id, top: 20 });
    let t0 = performance.now();
    for (const p of personas) await call('recommend.query', { personaId: p.id, top: 20 });
    const builtinQueries = performance.now() - t0;
    t0 = performance.now();
    const builtinRun = await call<{ run: { totals: { personas: number; coverage: number } } }>('matching.run', {});
    const builtinMatch = performance.now() - t0;

    const remote = async (parallel: number) => {
      await call('remote.setSource', { source: { kind: 'remote', baseUrl: peer.url, keyHeader: 'X-Kohtaanto-Key', parallel, limit: 20, timeoutMs: 30_000 } });
      await call('remote.setKey', { key: peer.key });
      await call('remote.acknowledge');
      await call('remote.clearLog');
      const t = performance.now();
      const rec = await call<{ run: { totals: { personas: number; coverage: number }; source: { complete: boolean; missing: unknown[] } } }>('matching.run', {});
      const ms = performance.now() - t;
      const log = await call<{ outcome: string; ms: number }[]>('remote.log', { limit: 1000 });
      const lat = log.map((e) => e.ms).sort((a, b) => a - b);
      return { ms, rec, requests: log.length, failed: log.filter((e) => e.outcome !== 'ok').length, p50: lat[Math.floor(lat.length / 2)], p95: lat[Math.floor(lat.length * 0.95)] };
    };
    // One unmeasured pass warms the peer (its index, its JIT) so that neither measured pass pays for it.
    await remote(PARALLEL);
    const r8 = await remote(PARALLEL);
    const r1 = await remote(1);

    const rps = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
    const line = (label: string, ms: number, n: number, extra = '') => console.log(`${label.padEnd(48)} ${ms.toFixed(0).padStart(7)} ms  ${rps(n, ms).padStart(8)} req/s${extra}`);
    line(`remote matching.run, parallel ${PARALLEL}`, r8.ms, r8.requests, `  (${r8.requests} requests, ${r8.failed} failed; latency p50 ${r8.p50} ms, p95 ${r8.p95} ms; complete: ${r8.rec.run.source.complete})`);
    line('remote matching.run, parallel 1', r1.ms, r1.requests, `  (${r1.requests} requests; latency p50 ${r1.p50} ms, p95 ${r1.p95} ms)`);
    line(`built-in: ${personas.length} × recommend.query (baseline)`, builtinQueries, personas.length);
    line('built-in matching.run (baseline)', builtinMatch, personas.length);
    console.log(`\ncoverage: built-in ${(builtinRun.run.totals.coverage * 100).toFixed(1)} %, remote ${(r8.rec.run.totals.coverage * 100).toFixed(1)} % over ${r8.rec.run.totals.personas} personas`);
    console.log(`speed-up of parallel ${PARALLEL} over 1: ${(r1.ms / r8.ms).toFixed(2)}×`);
  } finally {
    ctx.close();
    await peer.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(peer.file), { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
