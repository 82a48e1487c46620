/**
 * Course packs (issue 11), each figure next to a baseline from the same run:
 * - the checks of a 10-exercise pack on a 2,000-entity workspace (target ≤ 1 s), against reading
 *   the same workspace's content, three ways: with the recommender index built for the check (a
 *   catalogue never indexed before), assembled from the index snapshot saved under the catalogue's
 *   fingerprint (a reopened copy, or one whose participant linked needs since), and at hand (the
 *   open workspace's cached index); and one exercise's course.check through the API, as the
 *   participant's "check my work" button calls it (first, later, and after linking a need);
 * - the results table for 30 participant files (target ≤ 10 s), against opening and reading the
 *   same 30 files the same way (temporary copy, open, read) without checking.
 * Services are the real rows of the AuroraAI labelling sheet where ../shared/data has them,
 * synthetic otherwise. Run: npm run bench course
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { METERS, type Entity, type Link, type Persona, type Service } from '../shared/model';
import { CheckRunner } from '../shared/course/checks';
import { COURSE_FORMAT, COURSE_FORMAT_VERSION, CourseManifestSchema, type CoursePack } from '../shared/course/types';
import { IndicatorSchema, type PictureItem } from '../shared/picture';
import { createBackend } from '../electron/backend';
import { collect, withTempWorkspace } from '../electron/backend/course/results';
import { checkIndexOptions, snapshotOfWorkspace } from '../electron/backend/course/run';
import { recommenderCodes } from '../electron/backend/domains/matching';
import { catalogueFingerprint } from '../electron/backend/recommender/cache';
import { decodeSnapshot, encodeSnapshot, snapshotOf, type IndexSnapshot, type RecommenderIndex } from '../shared/recommender';
import { createCopy } from '../electron/backend/domains/course';
import { openAsCurrent } from '../electron/backend/domains/workspace';
import { Workspace } from '../electron/backend/store/workspace';
import { median, report } from './_util';
import { labelRowToService, loadLabelRows, seededRandom } from './recommender-data';

const rand = seededRandom(11);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-bench-course-'));

// ---- a 2,000-entity workspace: 1,400 services, 100 organisations, 200 needs, 200 channels, 60 personas, 40 life events ----
const real = loadLabelRows().map((r) => labelRowToService(r, true));
const base = (id: string, kind: Entity['kind'], fi: string) => ({ id, kind, name: { fi }, description: {}, tags: [] });
const entities: Entity[] = [];
const links: Link[] = [];
let linkSeq = 0;
const link = (type: Link['type'], source: string, target: string, data: Link['data'] = {}) => void links.push({ id: `l${++linkSeq}`, type, source, target, data });
for (let i = 0; i < 100; i++) entities.push({ ...base(`org-${i}`, 'organisation', `Organisaatio ${i}`), kind: 'organisation', orgType: 'municipality' });
for (let i = 0; i < 200; i++) entities.push({ ...base(`need-${i}`, 'need', `Tarve ${i}`), kind: 'need', serviceClasses: [], keywords: [] });
for (let i = 0; i < 40; i++) entities.push({ ...base(`le-${i}`, 'lifeEvent', `Elämäntapahtuma ${i}`), kind: 'lifeEvent' });
for (let i = 0; i < 1400; i++) {
  const t = real.length ? real[i % real.length] : undefined;
  const s: Service = t
    ? { ...t, id: `svc-${i}` }
    : { ...base(`svc-${i}`, 'service', `Palvelu ${i}`), kind: 'service', serviceClasses: [], targetGroups: [], lifeEvents: [], ontologyTerms: [], areaType: 'nationwide', areas: [], languages: ['fi'], fundingType: 'public', keywords: [], excluded: false };
  entities.push(s);
  link('provides', `org-${i % 100}`, s.id);
  link('addresses', s.id, `need-${Math.floor(rand() * 200)}`);
  if (rand() < 0.5) link('addresses', s.id, `need-${Math.floor(rand() * 200)}`);
}
for (let i = 0; i < 200; i++) {
  entities.push({ ...base(`ch-${i}`, 'channel', `Kanava ${i}`), kind: 'channel', channelType: 'webPage', languages: ['fi'] });
  link('offeredThrough', `svc-${i}`, `ch-${i}`);
}
for (let i = 0; i < 40; i++) for (let k = 0; k < 5; k++) link('hasNeed', `le-${i}`, `need-${i * 5 + k}`);
for (let i = 0; i < 60; i++) {
  const ageMin = 15 + Math.floor(rand() * 50);
  const p: Persona = {
    ...base(`per-${i}`, 'persona', `Persoona ${i}`),
    kind: 'persona',
    ageMin,
    ageMax: ageMin + 6,
    municipality: pick(['091', '564', '837', '853']),
    language: 'fi',
    meters: Object.fromEntries(METERS.map((m) => [m, Math.floor(rand() * 11)])) as Persona['meters'],
    peoplePerYear: 10 + Math.floor(rand() * 500),
    expectedServices: [],
  };
  entities.push(p);
  const le = i % 40;
  for (let k = 0; k < 3; k++) link('personaNeed', p.id, `need-${le * 5 + ((i + k) % 5)}`, { importance: 1 + ((i + k) % 5) });
}
// Two life events' needs share a link type twice: the set must not hold duplicate (type, source, target).
const seen = new Set<string>();
const uniqueLinks = links.filter((l) => {
  const k = `${l.type}|${l.source}|${l.target}`;
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
});
const items: PictureItem[] = [IndicatorSchema.parse({ id: 'ind-1', kind: 'indicator', name: { fi: 'Kattavuus' }, direction: 'higher', baseline: { date: '2025-01-01', value: 0.5 }, target: { date: '2027-01-01', value: 0.8 } }) as PictureItem];
const doc = { format: 'kohtaanto-workspace' as const, version: 2 as const, title: { fi: 'Penkki' }, description: {}, entities, links: uniqueLinks, picture: { items, reviews: [] } };
console.log(`workspace: ${entities.length.toLocaleString('en')} entities, ${uniqueLinks.length.toLocaleString('en')} links (${real.length ? 'real AuroraAI services' : 'synthetic services'})`);

// ---- a 10-exercise pack: every rule kind, 4–5 checks each ----
const exercises = Array.from({ length: 10 }, (_, i) => ({
  id: `ex-${i + 1}`,
  title: { fi: `Harjoitus ${i + 1}` },
  instructions: { fi: 'Tee muutos.' },
  start: i === 0 ? { from: 'workspace', workspace: 'start' } : { from: 'continue' },
  checks: [
    { id: 'cov', title: { fi: 'Kattavuus' }, rule: { type: 'matching', lifeEvent: { id: `le-${i}` }, measure: 'coverage', comparison: 'atLeast', value: 0.5 } },
    { id: 'gaps', title: { fi: 'Aukot' }, rule: { type: 'matching', lifeEvent: { id: `le-${i + 10}` }, measure: 'gaps', comparison: 'atMost', value: 2 } },
    { id: 'counters', title: { fi: 'Asiointipisteet' }, rule: { type: 'matching', lifeEvent: { id: `le-${i}` }, measure: 'countersToVisit', persona: { id: `per-${i}` }, comparison: 'atMost', value: 3 } },
    { id: 'rec', title: { fi: 'Suositus' }, rule: { type: 'recommenderTopK', persona: { id: `per-${i}` }, service: { id: `svc-${i * 7}` }, k: 10 } },
    { id: 'exists', title: { fi: 'Persoona' }, rule: { type: 'entityExists', match: { kind: 'persona', ageMin: 18, ageMax: 40, municipality: '564' } } },
    { id: 'link', title: { fi: 'Linkki' }, rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service', linkedTo: { id: `org-${i}` } }, target: { kind: 'need' } } },
    ...(i % 2 ? [{ id: 'ind', title: { fi: 'Mittari' }, rule: { type: 'indicator', nameContains: 'kattav' } }] : [{ id: 'why', title: { fi: 'Perustelu' }, rule: { type: 'freeAnswer', prompt: { fi: 'Miksi?' } } }]),
  ],
}));
const pack: CoursePack = {
  manifest: CourseManifestSchema.parse({ format: COURSE_FORMAT, formatVersion: COURSE_FORMAT_VERSION, id: 'bench-pack', title: { fi: 'Penkkikurssi' }, workspaces: [{ id: 'start', title: { fi: 'Alku' } }], exercises }),
  workspaces: { start: doc },
  answers: {},
};
const checks = pack.manifest.exercises.reduce((n, e) => n + e.checks.length, 0);

// ---- participants' copies (not timed) ----
const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser' });
const files: string[] = [];
for (let i = 0; i < 30; i++) files.push(createCopy(ctx, pack, `Osallistuja ${i + 1}`, { path: path.join(dir, `osallistuja-${i + 1}.kohtaanto`) }));
// Each participant did something different: a few services linked to another need.
for (const [i, f] of files.entries()) {
  const ws = Workspace.open(f);
  ws.edit('work', (tx) => {
    for (let k = 0; k < 5; k++) {
      const [source, target] = [`svc-${(i * 37 + k * 11) % 1400}`, `need-${(i + k) % 200}`];
      if (!ws.findLink('addresses', source, target)) tx.putLink({ id: `work-${i}-${k}`, type: 'addresses', source, target, data: {} });
    }
  });
  ws.close();
}
console.log(`pack: ${exercises.length} exercises, ${checks} checks; ${files.length} participant files of ${(fs.statSync(files[0]).size / 1e6).toFixed(1)} MB`);

// ---- checks of the whole pack on one workspace ----
// Three ways the index is there: built for this check (a catalogue never indexed before), assembled
// from the index snapshot saved under the catalogue's fingerprint (a reopened copy, or one whose
// participant linked needs since), or at hand (the open workspace's cached index, as course.check has it).
const builtTimes: number[] = [];
const savedTimes: number[] = [];
const atHandTimes: number[] = [];
const readTimes: number[] = [];
{
  const ws = Workspace.open(files[0]);
  const fingerprint = catalogueFingerprint(ws, recommenderCodes());
  let saved: IndexSnapshot | undefined;
  let atHand: RecommenderIndex | undefined;
  const all = (runner: CheckRunner) => pack.manifest.exercises.map((ex) => runner.exercise(ex));
  let first = '';
  for (let run = 0; run < 5; run++) {
    let t = performance.now();
    snapshotOfWorkspace(ws);
    readTimes.push(performance.now() - t);
    t = performance.now();
    const built = new CheckRunner(snapshotOfWorkspace(ws), { index: checkIndexOptions() });
    const results = all(built);
    builtTimes.push(performance.now() - t);
    const line = results.map((r) => `${r.passed}/${r.total}`).join(' ');
    if (run === 0) {
      first = line;
      console.log(`  results: ${line}`);
      saved = decodeSnapshot(encodeSnapshot(snapshotOf(built.index)))!;
      atHand = built.index;
    }
    t = performance.now();
    const fromSaved = all(new CheckRunner(snapshotOfWorkspace(ws), { index: checkIndexOptions(), snapshot: saved }));
    savedTimes.push(performance.now() - t);
    t = performance.now();
    const withIndex = all(new CheckRunner(snapshotOfWorkspace(ws), { index: checkIndexOptions(), prebuilt: atHand }));
    atHandTimes.push(performance.now() - t);
    // The same results whichever way the index came.
    if (JSON.stringify(fromSaved) !== JSON.stringify(results) || JSON.stringify(withIndex) !== JSON.stringify(results)) throw new Error('results differ by where the index came from');
    if (line !== first) throw new Error('results differ between runs');
  }
  console.log(`  (catalogue fingerprint ${fingerprint.slice(0, 8)}; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores while measuring)`);
  ws.close();
}
report('10 exercises, index built', median(builtTimes), median(readTimes), 1000);
report('10 exercises, index from snapshot', median(savedTimes), median(readTimes), 1000);
report('10 exercises, index at hand', median(atHandTimes), median(readTimes), 1000);

// ---- one exercise through the API, as the participant's button calls it ----
async function viaApi(): Promise<void> {
  openAsCurrent(ctx, files[1]);
  let t = performance.now();
  const first = await registry.call('course.check', { exercise: 'ex-1' });
  const cold = performance.now() - t;
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  const apiTimes: number[] = [];
  const stateTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    t = performance.now();
    await registry.call('workspace.stats', {});
    await registry.call('entities.list', {});
    stateTimes.push(performance.now() - t);
    t = performance.now();
    const r = await registry.call('course.check', { exercise: `ex-${run + 2}` });
    apiTimes.push(performance.now() - t);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  // The participant links a service to a need (what exercises ask for): the index is assembled from the saved snapshot.
  const linkedTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const made = await registry.call('links.create', { type: 'addresses', source: `svc-${700 + run}`, target: `need-${run}` });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    t = performance.now();
    const r = await registry.call('course.check', { exercise: `ex-${run + 7}` });
    linkedTimes.push(performance.now() - t);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
  ctx.close();
  report('course.check, first (builds index)', cold, median(stateTimes), 1000);
  report('course.check, later (median of 5)', median(apiTimes), median(stateTimes), 1000);
  report('course.check after a link (median 3)', median(linkedTimes), median(stateTimes), 1000);
}

// ---- results for 30 participant files ----
function results(): void {
  const inputs = files.map((f) => ({ name: f, bytes: fs.readFileSync(f) }));
  let t = performance.now();
  for (const f of inputs) withTempWorkspace(f, {}, (ws) => snapshotOfWorkspace(ws));
  const baseline = performance.now() - t;
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const rows = collect(pack, inputs);
  const took = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  console.log(`  process CPU time ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  const counted = rows.filter((r) => !r.error).length;
  console.log(`  ${counted} of ${rows.length} files counted`);
  report('results for 30 files', took, baseline, 10_000);
}

viaApi()
  .then(results)
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
