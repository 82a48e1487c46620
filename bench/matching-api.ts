/**
 * The API's recommender cache and the try-out engine on a 22,000-service workspace file made
 * from the real rows of the AuroraAI labelling sheet and the legacy PTV services (copied with new
 * ids over real municipalities). Run: npx tsx bench/matching-api.ts
 *
 * Figures, each next to a baseline from the same run:
 * - recommend.query through the registry with the cached index, against the first query (which builds it);
 * - the first query after a persona edit (the index's inputs are re-read and found unchanged),
 *   against the first query after a service edit (the index is rebuilt);
 * - a try-out query in the renderer's engine (target 100 ms per slider move), against building its index;
 * - matching.run (saved to the file) over 100 personas.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { METERS, type Link, type Persona, type Service } from '../shared/model';
import { Engine } from '../renderer/src/features/tryout/engine-core';
import { createBackend } from '../electron/backend';
import { recommenderCodes } from '../electron/backend/domains/matching';
import { Workspace } from '../electron/backend/store/workspace';
import { median, report } from './_util';
import { labelRowToService, loadLabelRows, loadLegacyServices, seededRandom } from './recommender-data';

const N = Number(process.env.BENCH_SERVICES ?? 22_000);
const rand = seededRandom(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const codes = recommenderCodes();
const municipalities = codes.municipalities.map((m) => m.code);
const templates: Service[] = [...loadLabelRows().map((r) => labelRowToService(r, true)), ...loadLegacyServices().map((l) => l.service)];
if (!templates.length) {
  console.log('No data in ../shared/data: nothing to measure.');
  process.exit(0);
}
const services: Service[] = [];
for (let k = 0; services.length < N; k++) {
  for (const t of templates) {
    if (services.length >= N) break;
    const s: Service = { ...t, id: `svc-${String(services.length).padStart(6, '0')}` };
    if (k > 0 && s.areaType === 'limited') s.areas = [pick(municipalities)];
    services.push(s);
  }
}
const personas: Persona[] = Array.from({ length: 100 }, (_, i) => {
  const ageMin = 15 + Math.floor(rand() * 50);
  return {
    id: `per-${i}`,
    kind: 'persona',
    name: { fi: `Profiili ${i}` },
    description: {},
    tags: [],
    ageMin,
    ageMax: ageMin + 5,
    municipality: pick(municipalities.slice(0, 40)),
    language: 'fi',
    meters: Object.fromEntries(METERS.map((m) => [m, Math.floor(rand() * 11)])) as Persona['meters'],
    peoplePerYear: 10 + Math.floor(rand() * 500),
    expectedServices: [],
  };
});
const needs = Array.from({ length: 20 }, (_, i) => ({
  id: `need-${i}`,
  kind: 'need' as const,
  name: { fi: `Tarve ${i}` },
  description: {},
  tags: [],
  serviceClasses: [],
  keywords: [['asunto', 'velka', 'terveys', 'työ', 'opiskelu'][i % 5]],
}));
const links: Link[] = [];
for (const p of personas) for (let j = 0; j < 4; j++) links.push({ id: `l-pn-${p.id}-${j}`, type: 'personaNeed', source: p.id, target: needs[(Number(p.id.slice(4)) + j * 5) % 20].id, data: { importance: 3 } });
for (const n of needs) for (let j = 0; j < 5; j++) links.push({ id: `l-ad-${n.id}-${j}`, type: 'addresses', source: pick(services).id, target: n.id, data: {} });

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-bench-'));
  try {
    const file = path.join(dir, 'workspaces', 'big.kohtaanto');
    const ws = Workspace.open(file, { create: true });
    ws.edit('seed', (tx) => {
      for (const e of [...services, ...needs, ...personas]) tx.putEntity(e);
      for (const l of links) tx.putLink(l);
    }, { undoable: false });
    ws.close();
    console.log(`Workspace: ${services.length} services, ${personas.length} personas, ${needs.length} needs, ${links.length} links. Node ${process.version}, ${os.cpus().length} cores.`);

    const { ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' });
    const call = async (method: string, input: unknown) => {
      const t0 = performance.now();
      const r = await registry.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return performance.now() - t0;
    };
    await call('workspace.open', { path: file });
    const q = (i: number) => ({ personaId: personas[i % personas.length].id, top: 10 });
    const first = await call('recommend.query', q(0));
    const cached: number[] = [];
    for (let i = 1; i <= 50; i++) cached.push(await call('recommend.query', q(i)));
    report('recommend.query, cached index', median(cached), first, 100);

    const p = personas[0];
    await call('entities.update', { entity: { ...p, peoplePerYear: p.peoplePerYear + 1 } });
    const afterPersona = await call('recommend.query', q(1));
    await call('entities.update', { entity: { ...services[0], keywords: ['uusi'] } });
    const afterService = await call('recommend.query', q(1));
    report('query after a persona edit', afterPersona, afterService);

    const t0 = performance.now();
    const engine = new Engine();
    engine.setData({ services, needs, lifeEvents: [], links: links.filter((l) => l.type !== 'personaNeed'), codes });
    const build = performance.now() - t0;
    const moves: number[] = [];
    for (let i = 0; i < 100; i++) {
      const persona = personas[i];
      const t1 = performance.now();
      engine.query({ meters: { ...persona.meters, housing: i % 11 }, filters: { municipality: persona.municipality, language: 'fi', ageMin: persona.ageMin, ageMax: persona.ageMax }, limit: 10, lang: 'fi' });
      moves.push(performance.now() - t1);
    }
    report('try-out query in the engine', median(moves), build, 100);

    const runs: number[] = [];
    for (const threshold of [0.5, 0.7, 0.9]) runs.push(await call('matching.run', { threshold }));
    report('matching.run (100 personas, saved)', median(runs), first);
    ctx.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
void main();
