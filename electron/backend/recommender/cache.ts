/**
 * One recommender index per open workspace, kept off the server's main path.
 *
 * - The costly build work (text analysis, training, inference; seconds on a region's catalogue)
 *   runs on a worker thread, which reads the file itself and also saves its result there; the
 *   main thread meanwhile reads the same rows, parses, decodes and assembles, in slices of a few
 *   milliseconds with a pause between them, so every other request is answered meanwhile. The
 *   worker's result is used only if it was built from the rows the main thread read (equal
 *   catalogue fingerprints). For a warm open (a snapshot is saved for the catalogue) a second
 *   worker thread, the reader, reads the services and the snapshot instead, and the main thread
 *   parses them as they come (`readInputsOffThread`).
 * - Concurrent requests for recommendations wait for the one build in progress.
 * - What the worker computed is saved in the workspace file (migration 0100) under the
 *   fingerprint of the catalogue it was built from (services, life events and the links between
 *   them: all the costly part depends on): reopening the workspace, or a change elsewhere (a need
 *   linked to a service, a persona), assembles the index from it without building, and a change to
 *   the catalogue changes the fingerprint, so a stale snapshot is never used.
 * - Counters kept by triggers in the file (migration 0110) move with every write to what the index
 *   reads: while they stand still, the index in memory and the catalogue fingerprint computed at
 *   that value hold, so a reopened workspace reads its rows once (to assemble the index) and hashes
 *   none of them, and an edit elsewhere (a persona, the canvas) costs one small read.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Entity, Link, Service } from '../../../shared/model';
import { buildIndexSteps, catalogueSteps, decodeSnapshot, decodeSnapshotSteps, encodeSnapshot, snapshotOf, SNAPSHOT_VERSION, type IndexSnapshot, type RecommenderIndex } from '../../../shared/recommender';
import type { AppContext } from '../context';
import type { Workspace } from '../store/workspace';
import { byId, CATALOGUE_KINDS, CATALOGUE_LINK, CatalogueHash, ENTITY_ROWS_SQL, INDEX_KINDS, INDEX_LINKS, LEAN_ENTITY_ROWS_SQL, LINK_ROWS_SQL, linkOf, type EntityRow, type LinkRowObject } from './inputs';
import { buildOptionsFrom, type CodesForBuild } from './options';
import type { WorkerJob, WorkerLoaded, WorkerLoadJob, WorkerMessage, WorkerProgress, WorkerReply, WorkerRole, WorkerRowsJob } from './protocol';
import { writeSnapshot } from './store';
import { codedError, said } from '../messages';
import { INPUT_TRIGGERS } from '../store/migrations/0110-recommender-inputs';

/** Rows read (and parsed) per statement, and the longest stretch of main-thread work between two pauses. */
const ROWS_PER_READ = 500;
const SLICE_MS = 8;
/**
 * Below this many entities the index is built here, in slices: starting the worker thread (and
 * loading the recommender's code into it) takes longer than the whole build of a small workspace.
 */
const WORKER_FROM_ENTITIES = 3000;
/** The threshold, unless KOHTAANTO_RECOMMENDER_WORKER_FROM sets another (tests of the worker use 0). */
function workerFrom(): number {
  const set = Number(process.env.KOHTAANTO_RECOMMENDER_WORKER_FROM);
  return process.env.KOHTAANTO_RECOMMENDER_WORKER_FROM && Number.isFinite(set) ? set : WORKER_FROM_ENTITIES;
}

/**
 * Methods that cannot change what the index is built from. Anything else that mutates marks the
 * index stale; a stale index is rebuilt only if its inputs' fingerprint differs, so a persona
 * edit or an undone canvas move costs a read of the rows, not a rebuild.
 */
const KEEPS_INDEX = /^(matching\.|recommend\.|canvas\.(move|setViewport|saveView|deleteView)$|workspace\.setTitle$)/;

export interface IndexInfo {
  revision: number;
  services: number;
  labelled: number;
  inferred: number;
  buildMs: number;
  from: 'worker' | 'inline' | 'file';
  rowsReadOn: 'worker' | 'server';
}

export interface CacheEntry {
  index: RecommenderIndex;
  /** What the index was built from: the input counter (and build options) where the file keeps one, else the hash of every input row. */
  fingerprint: string;
  /** The catalogue fingerprint: the key of the costly part's snapshot in the file. */
  catalogue: string;
  info: IndexInfo;
  /** Where the costly part came from: built now (on the worker, or here if no worker could start), or read from the file. */
  source: 'worker' | 'inline' | 'file';
}

interface WorkspaceCache {
  entry?: CacheEntry;
  stale: boolean;
  /** SQLite's data_version: changes when another connection (another process) commits to the file. */
  dataVersion: number;
  /** Bumped by every change event; a read that saw it move started over. */
  generation: number;
  pending?: Promise<CacheEntry>;
}

const caches = new WeakMap<Workspace, WorkspaceCache>();
const watched = new WeakSet<AppContext>();
let builds = 0;

function cacheOf(ws: Workspace): WorkspaceCache {
  let c = caches.get(ws);
  if (!c) caches.set(ws, (c = { stale: true, dataVersion: -1, generation: 0 }));
  return c;
}

function watch(ctx: AppContext): void {
  if (watched.has(ctx)) return;
  watched.add(ctx);
  ctx.subscribe((event, payload) => {
    if (event !== 'workspace.changed' || !ctx.workspace) return;
    if (KEEPS_INDEX.test((payload as { method: string }).method)) return;
    const c = cacheOf(ctx.workspace);
    c.stale = true;
    c.generation++;
  });
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a generator to its end in slices (see `drainNow`), one generator at a time: two draining
 * at once would each take a slice of every turn of the event loop, and a request arriving
 * meanwhile would wait for both.
 */
function drain<T>(steps: Generator<void, T>): Promise<T> {
  const run = slicedWork.then(() => drainNow(steps));
  slicedWork = run.catch(() => undefined);
  return run;
}
let slicedWork: Promise<unknown> = Promise.resolve();

/** Runs a generator to its end, pausing whenever a slice has taken SLICE_MS. */
async function drainNow<T>(steps: Generator<void, T>): Promise<T> {
  let t = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - t >= SLICE_MS) {
      await pause();
      t = performance.now();
    }
  }
}

interface Inputs {
  /** Parsed as read: the rows' text is not kept beside the objects (less for the garbage collector to copy while the server answers). */
  entities: Entity[];
  links: Link[];
  /** Of everything the index is built from: equal fingerprints, equal index. */
  fingerprint: string;
  /** Of the catalogue only (CATALOGUE_KINDS): equal fingerprints, equal costly part; the key of a saved snapshot. */
  catalogue: string;
  /** The input counters the rows were read at (null where the file keeps none, or they moved while reading). */
  versions: Versions | null;
  /** Services were read without their descriptions (LEAN_ENTITY_ROWS_SQL): enough to assemble an index from a snapshot, not to build one. */
  lean: boolean;
}

/** The fingerprint of everything the index reads, where the file keeps input counters: the counter (and the options). */
const countedFingerprint = (v: Versions, codes: CodesForBuild) => `inputs@${v.index}/${optionsKey(codes)}`;

// ------------------------------------------------------------------------------------------------
// The input counters (migration 0110): a change to what the index reads moves them in the same
// transaction, so an unchanged counter proves an unchanged input without reading it.
// ------------------------------------------------------------------------------------------------

interface Versions {
  catalogue: number;
  index: number;
}

interface CounterStatements {
  versions: Database.Statement<[], { name: string; version: number }>;
  seen: Database.Statement<[string, number], { fingerprint: string }>;
  see: Database.Statement<[string, number, string]>;
}

/** Per open workspace: its statements, or null if the file lacks a trigger (then every check reads and hashes the rows, as before 0110). */
const counters = new WeakMap<Workspace, CounterStatements | null>();

function counterStatements(ws: Workspace): CounterStatements | null {
  if (!ws.db.open) return null;
  let c = counters.get(ws);
  if (c !== undefined) return c;
  const present = ws.db
    .prepare<string[], { n: number }>(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name IN (${INPUT_TRIGGERS.map(() => '?').join(', ')})`)
    .get(...INPUT_TRIGGERS)!.n;
  c =
    present === INPUT_TRIGGERS.length
      ? {
          versions: ws.db.prepare(`SELECT name, version FROM recommender_inputs WHERE name IN ('catalogue', 'index')`),
          seen: ws.db.prepare('SELECT fingerprint FROM recommender_catalogue_seen WHERE options = ? AND version = ?'),
          see: ws.db.prepare('INSERT INTO recommender_catalogue_seen (options, version, fingerprint) VALUES (?, ?, ?) ON CONFLICT(options) DO UPDATE SET version = excluded.version, fingerprint = excluded.fingerprint'),
        }
      : null;
  counters.set(ws, c);
  return c;
}

/** The input counters now, or null where the file does not keep them. */
function inputVersions(ws: Workspace): Versions | null {
  const st = counterStatements(ws);
  if (!st) return null;
  const v: Partial<Versions> = {};
  for (const r of st.versions.all()) v[r.name as keyof Versions] = r.version;
  return v.catalogue === undefined || v.index === undefined ? null : (v as Versions);
}

const sameVersions = (a: Versions | null, b: Versions | null) => !!a && !!b && a.catalogue === b.catalogue && a.index === b.index;

/** The build options a fingerprint depends on (the code lists and the snapshot version), as a short key. */
const optionKeys = new WeakMap<CodesForBuild, string>();
function optionsKey(codes: CodesForBuild): string {
  let k = optionKeys.get(codes);
  if (!k) optionKeys.set(codes, (k = createHash('sha256').update(JSON.stringify({ v: SNAPSHOT_VERSION, codes })).digest('hex').slice(0, 32)));
  return k;
}

/** The catalogue fingerprint computed at this counter value with these options, if one was. */
function seenFingerprint(ws: Workspace, codes: CodesForBuild, v: Versions | null): string | null {
  if (!v) return null;
  return counterStatements(ws)?.seen.get(optionsKey(codes), v.catalogue)?.fingerprint ?? null;
}

/** Remembers a catalogue fingerprint computed from rows read while the counter stood at `v`. */
function recordSeen(ws: Workspace, codes: CodesForBuild, v: Versions, fingerprint: string): void {
  if (ws.readOnly || !ws.db.open) return;
  try {
    counterStatements(ws)?.see.run(optionsKey(codes), v.catalogue, fingerprint);
  } catch {
    // Another process holds the write lock: the next open computes the fingerprint again, nothing worse.
  }
}

/**
 * The catalogue fingerprint of a workspace, read in one go (a file being checked, not the open
 * workspace the server keeps answering for): the key its saved index snapshot is stored under.
 */
export function catalogueFingerprint(ws: Workspace, codes: CodesForBuild): string {
  const v = inputVersions(ws);
  const seen = seenFingerprint(ws, codes, v);
  if (seen) return seen;
  const h = new CatalogueHash(codes);
  const kinds = [...CATALOGUE_KINDS].map((k) => `'${k}'`).join(',');
  for (const r of ws.db.prepare<[], { kind: string; data: string }>(`SELECT kind, data FROM entities WHERE kind IN (${kinds}) ORDER BY id`).iterate()) h.entity(r.kind, r.data);
  for (const l of ws.db.prepare<[string], { id: string; type: string; source: string; target: string }>('SELECT id, type, source, target FROM links WHERE type = ? ORDER BY id').iterate(CATALOGUE_LINK)) {
    h.link(l.id, l.type, l.source, l.target);
  }
  const fingerprint = h.digest();
  // Read in one go (one statement each, no pause): the counter read before covers what was read.
  if (v && sameVersions(v, inputVersions(ws))) recordSeen(ws, codes, v, fingerprint);
  return fingerprint;
}

/**
 * The index's inputs, read in short statements with pauses between them. Writes may land in a
 * pause: the change event moves the generation (or, from another process, the input counters)
 * and the read starts over (after three tries it keeps what it read and leaves the cache stale,
 * so the next request reads again). Where the file keeps input counters, nothing is hashed but
 * the catalogue, and that only if its fingerprint at this counter value is not known yet.
 */
async function readInputs(ws: Workspace, c: WorkspaceCache, codes: CodesForBuild, leanWanted: boolean): Promise<Inputs & { consistent: boolean }> {
  const full = ws.db.prepare<[string, number], EntityRow>(ENTITY_ROWS_SQL);
  const lks = ws.db.prepare<[string, string, string, number], LinkRowObject>(LINK_ROWS_SQL);
  for (let attempt = 0; ; attempt++) {
    const generation = c.generation;
    const versions = inputVersions(ws);
    // The last try hashes whatever it reads: if the counters move under it too, a fingerprint known for them would not be of these rows.
    const seen = attempt >= 2 ? null : seenFingerprint(ws, codes, versions);
    const hash = versions ? null : createHash('sha256');
    hash?.update(JSON.stringify({ v: SNAPSHOT_VERSION, codes }));
    const catalogue = seen ? null : new CatalogueHash(codes);
    // Records without descriptions only where nothing is hashed from them.
    const lean = leanWanted && !catalogue && !hash;
    const ents = lean ? ws.db.prepare<[string, number], EntityRow>(LEAN_ENTITY_ROWS_SQL) : full;
    const entities: Entity[] = [];
    let after = '';
    for (;;) {
      const rows = ents.all(after, ROWS_PER_READ);
      for (const r of rows) {
        entities.push(JSON.parse(r.data) as Entity);
        hash?.update(r.data);
        hash?.update('\u001f');
        catalogue?.entity(r.kind, r.data);
      }
      if (rows.length < ROWS_PER_READ) break;
      after = rows[rows.length - 1].id;
      await pause();
    }
    hash?.update('\u001e');
    const links = await readLinks(lks, (l) => {
      hash?.update(`${l.id}|${l.type}|${l.source}|${l.target}|${l.data}\u001f`);
      catalogue?.link(l.id, l.type, l.source, l.target);
    });
    const counted = versions && sameVersions(versions, inputVersions(ws)) ? versions : null;
    const consistent = c.generation === generation && (!versions || !!counted);
    if (consistent || attempt >= 2) {
      const catalogueFp = seen ?? catalogue!.digest();
      if (counted && !seen) recordSeen(ws, codes, counted, catalogueFp);
      // A read the counters moved under has no counter to stand for it: a hash it is not, so it never equals another read's.
      const fingerprint = hash ? hash.digest('hex').slice(0, 32) : counted ? countedFingerprint(counted, codes) : `unsettled@${++unsettled}`;
      return { entities, links, fingerprint, catalogue: catalogueFp, versions: counted, consistent, lean };
    }
  }
}
let unsettled = 0;

/**
 * The inputs of an index assembled from the snapshot saved for its catalogue (a warm open), read
 * by the reader thread if it runs and is idle, with the snapshot's bytes after them. SQLite's
 * share of reading a region's services (walking the id index, making the row strings: ~50 ms for
 * 22,000) is then off this thread, which parses the rows as they come and reads the links
 * meanwhile. Null when the reader cannot (not started, busy, failed) or the inputs moved
 * meanwhile: then they are read here.
 */
async function readInputsOffThread(
  ctx: AppContext,
  ws: Workspace,
  c: WorkspaceCache,
  codes: CodesForBuild,
  catalogue: string,
  versions: Versions,
): Promise<(Inputs & { consistent: true; bytes: Promise<Uint8Array | null> }) | null> {
  const w = reader.idle();
  if (!w) return null;
  const generation = c.generation;
  // The worker may send faster than this thread parses, and a port hands over all that waits in
  // one go: the texts are kept as they come and parsed in slices, like every other read here.
  const texts: string[] = [];
  let versionsRead: Versions | null = null;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const woken = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const job: WorkerRowsJob = { id: nextJob++, type: 'rows', file: ws.path, nativeBinding: ctx.nativeBinding, fingerprint: catalogue, rowsPerMessage: ROWS_PER_READ };
  const answer = reader.post(w, job, {
    keepAlive: true,
    progress: (m) => {
      texts.push(m.rows);
      if (m.versions) versionsRead = m.versions;
      woken();
    },
  });
  const bytes = answer.then((r) => {
    if (r.ok && 'loaded' in r) return r.loaded;
    throw new Error(r.ok ? 'unexpected answer' : r.message);
  });
  // An answer before the last rows is a failure (if the rows were all in, it is not looked at).
  bytes.then(
    () => ((failure ??= new Error('the rows ended early')), woken()),
    (err: Error) => ((failure ??= err), woken()),
  );
  const links = await readLinks(ws.db.prepare<[string, string, string, number], LinkRowObject>(LINK_ROWS_SQL));
  const entities: Entity[] = [];
  let read: Versions;
  try {
    let t = performance.now();
    for (let i = 0; ; ) {
      if (i < texts.length) {
        for (const e of JSON.parse(texts[i]) as Entity[]) entities.push(e);
        texts[i++] = '';
        if (performance.now() - t >= SLICE_MS) {
          await pause();
          t = performance.now();
        }
        continue;
      }
      if (versionsRead) {
        read = versionsRead;
        break;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      t = performance.now();
    }
  } catch (err) {
    console.warn(`[kohtaanto] the recommender's reader thread could not read the workspace (${(err as Error).message}); reading it on the server thread.`);
    return null;
  }
  // The rows are of the state the counters stood at when this read began, and still stand at: the links read here are of it too.
  if (c.generation !== generation || !sameVersions(read, versions) || !sameVersions(versions, inputVersions(ws))) return null;
  return { entities, links, fingerprint: countedFingerprint(versions, codes), catalogue, versions, lean: true, consistent: true, bytes };
}

/** The links the index reads, in slices, in id order (as every derived list and the fingerprints take them), each row shown to `seen` as read. */
async function readLinks(lks: Database.Statement<[string, string, string, number], LinkRowObject>, seen?: (row: LinkRowObject) => void): Promise<Link[]> {
  const rows: LinkRowObject[] = [];
  for (const type of INDEX_LINKS) {
    let [source, target] = ['', ''];
    for (;;) {
      const page = lks.all(type, source, target, ROWS_PER_READ * 5);
      for (const l of page) rows.push(l);
      if (page.length < ROWS_PER_READ * 5) break;
      ({ source, target } = page[page.length - 1]);
      await pause();
    }
  }
  // One sort: ~30 ms for a region's 53,000 links.
  rows.sort(byId);
  if (rows.length >= ROWS_PER_READ * 5) await pause();
  const links: Link[] = [];
  for (const l of rows) {
    links.push(linkOf(l));
    seen?.(l);
    if (links.length % (ROWS_PER_READ * 10) === 0) await pause();
  }
  return links;
}

// ------------------------------------------------------------------------------------------------
// The worker
// ------------------------------------------------------------------------------------------------

/**
 * Where the worker's code is: next to the bundle in the built app (electron-vite builds it as its
 * own entry of the main build), or the TypeScript source when run through tsx or vitest.
 */
function workerSpec(): { file: string; eval: boolean } | null {
  // A bench run from the sources can time the bundle the app ships (out/main) instead of the sources through tsx.
  const chosen = process.env.KOHTAANTO_RECOMMENDER_WORKER;
  if (chosen) return fs.existsSync(chosen) ? { file: path.resolve(chosen), eval: false } : null;
  const built = path.join(__dirname, 'recommender-worker.js');
  if (fs.existsSync(built)) return { file: built, eval: false };
  const source = path.join(__dirname, 'worker.ts');
  if (fs.existsSync(source)) return { file: source, eval: true };
  return null;
}

interface Waiting {
  resolve: (r: WorkerMessage) => void;
  reject: (e: Error) => void;
  /** What the job sends before its answer. */
  progress?: (m: WorkerProgress) => void;
}
let nextJob = 1;

/**
 * One worker thread running worker.ts, started on first use and again after it stopped. There
 * are two: the builder, which gives way to every other thread while it builds (worker.ts lowers
 * its priority), and the reader, which reads rows and snapshots for a warm open at the server's
 * priority: the server thread waits for those, and a reader starved by a busy machine made a warm
 * open slower than reading here (22,000 services, both cores busy: 0.5-1.1 s instead of 0.3-0.5).
 */
class RecommenderThread {
  private thread: Worker | null = null;
  /** Settles once the thread runs JavaScript; null while none is starting. */
  private online: Promise<void> | null = null;
  private isOnline = false;
  private failed = false;
  private readonly waiting = new Map<number, Waiting>();
  constructor(private readonly role: WorkerRole) {}

  /** The thread, started if it is not running, or null where no worker thread can run. */
  start(): Worker | null {
    if (this.thread) return this.thread;
    if (this.failed) return null;
    const spec = workerSpec();
    if (!spec) {
      this.failed = true;
      return null;
    }
    const workerData = { role: this.role };
    const w = spec.eval
      ? // Resolved here: the worker's own require would look from the current folder, which may be anywhere.
        new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(spec.file)});`, { eval: true, workerData })
      : new Worker(spec.file, { workerData });
    this.isOnline = false;
    this.online = new Promise<void>((resolve) => {
      w.once('online', () => {
        if (this.thread === w) this.isOnline = true;
        resolve();
      });
      w.once('exit', () => resolve());
    });
    w.on('message', (reply: WorkerMessage | WorkerProgress) => {
      const job = this.waiting.get(reply.id);
      if (!job) return;
      if ('rows' in reply) {
        job.progress?.(reply);
        return;
      }
      this.waiting.delete(reply.id);
      if (!this.waiting.size) w.unref();
      job.resolve(reply);
    });
    const fail = (e: Error) => {
      if (this.thread === w) this.thread = null;
      for (const job of this.waiting.values()) job.reject(e);
      this.waiting.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`The recommender worker stopped (exit code ${code}).`)));
    // An idle worker must not keep a CLI process alive; a busy one must, or the process would end mid-build.
    w.unref();
    this.thread = w;
    return w;
  }

  /**
   * The thread if it is up and has no job: a job for one still starting (a request right after the
   * workspace opened), or behind another job, would wait, and reading here is no slower.
   */
  idle(): Worker | null {
    return this.thread && this.isOnline && !this.waiting.size ? this.thread : null;
  }

  /** Settles when the thread started last is up (or stopped): at once if none is starting. */
  whenOnline(): Promise<void> {
    return this.online ?? Promise.resolve();
  }

  /** Posts a job; the promise settles with its answer (a failure too), or rejects if the thread stops. `keepAlive`: the process waits for it. */
  post(w: Worker, job: WorkerJob | WorkerLoadJob | WorkerRowsJob, opts: { keepAlive: boolean; progress?: (m: WorkerProgress) => void }): Promise<WorkerMessage> {
    const reply = new Promise<WorkerMessage>((resolve, reject) => this.waiting.set(job.id, { resolve, reject, progress: opts.progress }));
    if (opts.keepAlive) w.ref();
    w.postMessage(job);
    return reply;
  }

  async stop(): Promise<void> {
    const w = this.thread;
    this.thread = null;
    if (w) await w.terminate();
  }
}

const builder = new RecommenderThread('build');
const reader = new RecommenderThread('read');

/** For tests and benches that time one path: settles when the worker threads started so far are up. */
export async function recommenderThreadsOnline(): Promise<void> {
  await Promise.all([builder.whenOnline(), reader.whenOnline()]);
}

/**
 * Asks the worker to read the workspace file and build the index of what it reads (or find the
 * snapshot of it already saved), or null when no worker thread can run here.
 */
function askWorker(ctx: AppContext, ws: Workspace, codes: CodesForBuild, background = false): Promise<WorkerReply> | null {
  const w = builder.start();
  if (!w) return null;
  const save = ws.readOnly ? {} : { save: { createdAt: ctx.now().toISOString() } };
  // A build in the background must not keep a process (a CLI import) alive: cut off, it saves nothing.
  const reply = builder.post(w, { id: nextJob++, type: 'build', codes, file: ws.path, nativeBinding: ctx.nativeBinding, ...save }, { keepAlive: !background }) as Promise<WorkerReply>;
  // Awaited only if the build is wanted after all; a worker that dies meanwhile must not be an unhandled rejection.
  reply.catch(() => undefined);
  return reply;
}

type Built = Extract<WorkerReply, { ok: true }>;

/**
 * The worker's build of the catalogue this thread read: the one asked for before the read, if the
 * worker read the same catalogue, else (a write landed between the two reads) one more. Null
 * means build here: no worker, it failed, or writes kept landing.
 */
async function workerBuildOf(ctx: AppContext, ws: Workspace, codes: CodesForBuild, catalogue: string, early: Promise<WorkerReply> | null): Promise<Built | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const asked = attempt === 0 && early ? early : askWorker(ctx, ws, codes);
    if (!asked) return null;
    const reply = await asked.catch((err: Error) => ({ ok: false as const, message: err.message }));
    // The worker died (out of memory, killed) or could not read or build: build here instead, still in slices.
    if (!reply.ok) {
      console.error(`[kohtaanto] the recommender worker could not build (${reply.message}); building on the server thread instead.`);
      return null;
    }
    if (reply.fingerprint === catalogue) return reply;
  }
  return null;
}

/**
 * Starts the worker thread (loading the recommender's code into it takes a few hundred
 * milliseconds) as a workspace large enough to build there opens, so that its first build does
 * not wait for it. An idle worker does not keep the process alive.
 */
export function prepareRecommender(ws: Workspace): void {
  if (!ws.db.open || countInputs(ws) < workerFrom()) return;
  // Only the one the first recommendation needs: two starting at once take the cores from the server thread.
  (snapshotSavedForCatalogue(ws) ? reader : builder).start();
}

/** Whether the file holds an index snapshot of its catalogue as it is now (for some build options): then it is read, not built. */
function snapshotSavedForCatalogue(ws: Workspace): boolean {
  if (!counterStatements(ws)) return false;
  const sql = `SELECT 1 FROM recommender_catalogue_seen s
    JOIN recommender_inputs i ON i.name = 'catalogue' AND i.version = s.version
    JOIN recommender_index_cache c ON c.fingerprint = s.fingerprint LIMIT 1`;
  return !!ws.db.prepare(sql).get();
}

/**
 * Builds the index of a large catalogue on the worker thread in the background and saves it in
 * the file (after an import changed the catalogue), unless it is saved already: the first
 * recommendation asked later (the try-out page, matching) then reads it instead of building,
 * which takes seconds at a region's size. Nothing of it is kept on this thread.
 */
export function buildInBackground(ctx: AppContext, codes: CodesForBuild): void {
  const ws = ctx.workspace;
  if (!ws || ws.readOnly || !ws.db.open || countInputs(ws) < workerFrom()) return;
  const known = seenFingerprint(ws, codes, inputVersions(ws));
  if (known && hasSnapshot(ws, known)) return;
  askWorker(ctx, ws, codes, true)
    ?.then((reply) => {
      if (!reply.ok) {
        console.warn(`[kohtaanto] the recommender worker could not build in the background (${reply.message}); the first recommendation will build.`);
        return;
      }
      // The worker could not write the file (busy): saved from here, if the workspace is still open.
      if (reply.bytes && !reply.saved && ctx.workspace === ws && ws.db.open) saveSnapshot(ws, reply.fingerprint, reply.services, reply.ms, reply.bytes, ctx.now());
      // The first recommendation reads what was built: the reader starts now, to be up by then.
      reader.start();
    })
    .catch((err: Error) => console.warn(`[kohtaanto] the recommender worker stopped during a background build (${err.message}).`));
}

/** Stops the worker threads (tests, and a clean process exit); the next use starts new ones. */
export async function stopRecommenderWorker(): Promise<void> {
  await Promise.all([builder.stop(), reader.stop()]);
}

// ------------------------------------------------------------------------------------------------
// Snapshots in the workspace file
// ------------------------------------------------------------------------------------------------

/** The index snapshot saved in a workspace file under a catalogue fingerprint, if there is one that reads. */
export function loadSnapshot(ws: Workspace, fingerprint: string): IndexSnapshot | null {
  const bytes = savedSnapshotBytes(ws, fingerprint);
  if (!bytes) return null;
  try {
    return decodeSnapshot(bytes);
  } catch {
    // A damaged cache row costs a build, nothing more.
    return null;
  }
}

/** The snapshot bytes saved under a catalogue fingerprint, as stored (not decoded), if there are any. */
export function savedSnapshotBytes(ws: Workspace, fingerprint: string): Uint8Array | null {
  return ws.db.prepare<[string], { snapshot: Buffer }>('SELECT snapshot FROM recommender_index_cache WHERE fingerprint = ?').get(fingerprint)?.snapshot ?? null;
}

function saveSnapshot(ws: Workspace, fingerprint: string, services: number, buildMs: number, bytes: Uint8Array, now: Date): void {
  if (ws.readOnly || !ws.db.open) return;
  writeSnapshot(ws.db, { fingerprint, createdAt: now.toISOString(), services, buildMs, bytes });
}

function hasSnapshot(ws: Workspace, fingerprint: string): boolean {
  return !!ws.db.prepare<[string], { one: number }>('SELECT 1 AS one FROM recommender_index_cache WHERE fingerprint = ?').get(fingerprint);
}

/** How many entities the index reads (from the kind index, without reading a document). */
function countInputs(ws: Workspace): number {
  return ws.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM entities WHERE kind IN (${INDEX_KINDS.map((k) => `'${k}'`).join(',')})`).get()!.n;
}

/** `loadSnapshot` in slices (the decoding of a region's snapshot is tens of milliseconds), read by the worker thread when one is idle. */
async function loadSnapshotSliced(ctx: AppContext, ws: Workspace, fingerprint: string): Promise<IndexSnapshot | null> {
  const read = await snapshotBytesOffThread(ctx, ws, fingerprint);
  const bytes = read === undefined ? savedSnapshotBytes(ws, fingerprint) : read;
  if (!bytes) return null;
  return decodeSliced(bytes);
}

/**
 * The saved snapshot's bytes read by the reader thread, if it runs and is idle, or undefined: then
 * they are read here. SQLite reads a region's snapshot in one piece, which on this thread is a
 * pause of tens of milliseconds for every other request.
 */
async function snapshotBytesOffThread(ctx: AppContext, ws: Workspace, fingerprint: string): Promise<Uint8Array | null | undefined> {
  const w = reader.idle();
  if (!w) return undefined;
  const reply = reader.post(w, { id: nextJob++, type: 'load', file: ws.path, nativeBinding: ctx.nativeBinding, fingerprint }, { keepAlive: true });
  const r = await reply.catch((err: Error) => ({ ok: false as const, message: err.message }));
  if (r.ok && 'loaded' in r) return (r as WorkerLoaded).loaded;
  console.warn(`[kohtaanto] the recommender worker could not read the saved index (${r.ok ? 'unexpected answer' : r.message}); reading it on the server thread.`);
  return undefined;
}

async function decodeSliced(bytes: Uint8Array): Promise<IndexSnapshot | null> {
  try {
    return await drain(decodeSnapshotSteps(bytes));
  } catch {
    // A damaged cache row costs a build, nothing more.
    return null;
  }
}

// ------------------------------------------------------------------------------------------------
// The index
// ------------------------------------------------------------------------------------------------

async function build(ctx: AppContext, ws: Workspace, c: WorkspaceCache, codes: CodesForBuild, leanWanted = true): Promise<CacheEntry> {
  const dataVersion = ws.db.pragma('data_version', { simple: true }) as number;
  const t0 = performance.now();
  // A build is coming unless the counter's catalogue fingerprint has a saved snapshot: then the
  // worker is asked now, reads the file itself and builds while this thread reads the same rows.
  // (An undo back to a saved catalogue, which the counter cannot tell, costs the worker a read:
  // it finds the snapshot and builds nothing.) Without counters the read comes first.
  const versions = inputVersions(ws);
  const known = seenFingerprint(ws, codes, versions);
  const saved = !!known && hasSnapshot(ws, known);
  const large = countInputs(ws) >= workerFrom();
  const early = versions && !saved && large ? askWorker(ctx, ws, codes) : null;
  // A warm open reads on the reader thread if it is idle, and the snapshot's bytes come after the
  // rows; if it is not running yet, it starts for the next one.
  if (saved && large) reader.start();
  const off = leanWanted && saved && versions ? await readInputsOffThread(ctx, ws, c, codes, known!, versions) : null;
  // With a snapshot saved for the catalogue, nothing reads the services' descriptions: leaving them out halves what is read and kept.
  const input = off ?? (await readInputs(ws, c, codes, leanWanted && saved));
  const gone = () => ctx.workspace !== ws || !ws.db.open;
  if (gone()) throw codedError('no_workspace', said('matching.closedWhileBuilding'));
  if (c.entry?.fingerprint === input.fingerprint) {
    c.stale = !input.consistent;
    c.dataVersion = dataVersion;
    return c.entry;
  }
  const { entities, links } = input;
  const services = entities.filter((e): e is Service => e.kind === 'service');
  const opts = buildOptionsFrom(codes, entities);
  // The catalogue's part of the index does not wait for the costly part: it is worked out (in
  // slices) while the snapshot is read, or while the worker builds.
  const cataloguePart = drain(catalogueSteps(services, links, opts));
  cataloguePart.catch(() => undefined); // awaited below; meanwhile a failure must not count as unhandled
  // Undefined: the worker did not read them (they are read now); null: nothing is saved under the fingerprint.
  const bytes = off
    ? await off.bytes.catch((err: Error) => {
        console.warn(`[kohtaanto] the recommender's reader thread could not read the saved index (${err.message}); reading it on the server thread.`);
        return undefined;
      })
    : undefined;
  let snapshot = bytes === undefined ? await loadSnapshotSliced(ctx, ws, input.catalogue) : bytes && (await decodeSliced(bytes));
  // Records without descriptions cannot be built from: the snapshot did not read (damaged) or the catalogue moved. Read them whole.
  if (!snapshot && input.lean) return build(ctx, ws, c, codes, false);
  let source: CacheEntry['source'] = 'file';
  if (!snapshot) {
    const reply = early || input.entities.length >= workerFrom() ? await workerBuildOf(ctx, ws, codes, input.catalogue, early) : null;
    if (gone()) throw codedError('no_workspace', said('matching.closedWhileBuilding'));
    if (reply?.bytes) {
      // Saved by the worker; if it could not write the file, here (a few megabytes: the next open then need not build).
      if (!reply.saved) saveSnapshot(ws, input.catalogue, reply.services, reply.ms, reply.bytes, ctx.now());
      snapshot = await decodeSliced(reply.bytes);
      source = 'worker';
    } else if (reply) {
      // The worker found this catalogue's snapshot saved (a build that finished since this thread looked).
      snapshot = await loadSnapshotSliced(ctx, ws, input.catalogue);
    }
    if (!snapshot) source = 'inline';
  }
  const part = await cataloguePart;
  if (gone()) throw codedError('no_workspace', said('matching.closedWhileBuilding'));
  // Each need's relevance is worked out on its first use (needRelevance caches it): a query without needs does not wait for all of them.
  const index = await drain(buildIndexSteps(services, links, { ...opts, precomputeNeeds: false, ...(snapshot ? { snapshot } : {}) }, part));
  if (gone()) throw codedError('no_workspace', said('matching.closedWhileBuilding'));
  if (input.lean) index.recordOf = wholeRecordReader(ws, index);
  if (source === 'inline') {
    saveSnapshot(ws, input.catalogue, services.length, index.build.ms, encodeSnapshot(snapshotOf(index)), ctx.now());
  }
  // A snapshot is in the file now: the next open reads it, on the reader, which starts now so that it is up by then.
  if (source !== 'file' && large) reader.start();
  builds++;
  const entry: CacheEntry = {
    index,
    fingerprint: input.fingerprint,
    catalogue: input.catalogue,
    source,
    info: {
      revision: builds,
      services: services.length,
      labelled: index.build.labelled,
      inferred: index.build.inferred,
      buildMs: Math.round(performance.now() - t0),
      from: source,
      rowsReadOn: off ? 'worker' : 'server',
    },
  };
  c.entry = entry;
  c.stale = !input.consistent;
  c.dataVersion = dataVersion;
  return entry;
}

/**
 * A service's whole record, for an index assembled from records read without descriptions: an
 * explanation analyses the service's words again, descriptions included. The index is used only
 * while the file holds what it was assembled from (recommenderFor checks before every use).
 */
function wholeRecordReader(ws: Workspace, index: RecommenderIndex): (i: number) => Service {
  const row = ws.db.prepare<[string], { data: string }>(`SELECT data FROM entities WHERE id = ? AND kind = 'service'`);
  return (i) => {
    const lean = index.services[i];
    try {
      const r = ws.db.open ? row.get(lean.id) : undefined;
      return r ? (JSON.parse(r.data) as Service) : lean;
    } catch (err) {
      // The file closed or the row broke under the index: the words of the record at hand, without its description.
      console.warn(`[kohtaanto] service ${lean.id}: its whole record could not be read for an explanation (${(err as Error).message}); explaining without its description.`);
      return lean;
    }
  };
}

/**
 * The open workspace's recommender index: cached, rebuilt (off the main path) after a change to
 * services, needs, life events or their links, read from the workspace file when it was built
 * there before. Requests that arrive during a build wait for that one build.
 */
export function recommenderFor(ctx: AppContext, codes: CodesForBuild): Promise<CacheEntry> {
  watch(ctx);
  const ws = ctx.requireWorkspace();
  const c = cacheOf(ws);
  if (c.pending) return c.pending;
  const dataVersion = ws.db.pragma('data_version', { simple: true }) as number;
  if (c.entry && !c.stale && dataVersion === c.dataVersion) return Promise.resolve(c.entry);
  // Marked stale by an edit (or another process wrote the file): the counters tell in one read whether the inputs moved.
  const v = inputVersions(ws);
  if (c.entry && v && c.entry.fingerprint === countedFingerprint(v, codes)) {
    c.stale = false;
    c.dataVersion = dataVersion;
    return Promise.resolve(c.entry);
  }
  const p = build(ctx, ws, c, codes).finally(() => {
    if (c.pending === p) c.pending = undefined;
  });
  c.pending = p;
  return p;
}
