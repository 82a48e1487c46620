/**
 * The recommender's costly build work on a worker thread: read the index's inputs from the
 * workspace file (a connection of its own, one transaction), analyse every service's text, train
 * the meter model, infer the unlabelled services' affinities, index the terms. It saves the
 * snapshot in the file itself and answers with its bytes (transferred, not copied); the main
 * thread, which has read the same rows in slices meanwhile, assembles the index from them.
 * For a warm open it reads instead: the rows and the saved snapshot an index is assembled from.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Service } from '../../../shared/model';
import { buildSnapshot, encodeSnapshot } from '../../../shared/recommender';
import { LEAN_ENTITY_ROWS_SQL, readInputsAtOnce } from './inputs';
import { buildOptionsFrom } from './options';
import type { WorkerJob, WorkerLoaded, WorkerLoadJob, WorkerMessage, WorkerReply, WorkerRole, WorkerRows, WorkerRowsJob } from './protocol';
import { writeSnapshot } from './store';

// On Linux a thread has a nice value of its own (setpriority on 0 is the calling thread): a build
// gives way to the server thread, which answers requests in milliseconds and is idle otherwise.
// Elsewhere it would lower the whole process, so it is left alone there. A reader is not lowered:
// the server thread waits for what it reads, and a thread cannot raise its priority again.
if (process.platform === 'linux' && (workerData as { role?: WorkerRole } | null)?.role !== 'read') {
  try {
    os.setPriority(0, 10);
  } catch {
    // Not allowed here: the build just runs at the process's priority.
  }
}

function run(job: WorkerJob): WorkerReply {
  const t0 = performance.now();
  const db = new Database(job.file, { fileMustExist: true, readonly: !job.save, nativeBinding: job.nativeBinding });
  try {
    db.pragma('busy_timeout = 2000');
    const { entities, links, catalogue } = readInputsAtOnce(db, job.codes);
    const none = { id: job.id, ok: true, fingerprint: catalogue, saved: false, ms: 0, phases: {}, services: 0 } as const;
    // Built before (another build finished first, or an undo went back to a saved catalogue): nothing to do.
    if (db.prepare('SELECT 1 FROM recommender_index_cache WHERE fingerprint = ?').get(catalogue)) return { ...none, bytes: null };
    const services = entities.filter((e): e is Service => e.kind === 'service');
    // Only the costly part: the main thread assembles the rest of the index (and works out needs, whose cache lives there).
    const { snapshot, phases } = buildSnapshot(services, links, buildOptionsFrom(job.codes, entities));
    const bytes = encodeSnapshot(snapshot);
    const ms = performance.now() - t0;
    let saved = false;
    if (job.save) {
      try {
        db.pragma('synchronous = FULL');
        writeSnapshot(db, { fingerprint: catalogue, createdAt: job.save.createdAt, services: snapshot.n, buildMs: ms, bytes });
        saved = true;
      } catch {
        // The file is busy: the main thread saves it instead, or the next open builds again.
      }
    }
    return { ...none, bytes, saved, ms, phases, services: snapshot.n };
  } finally {
    db.close();
  }
}

function load(job: WorkerLoadJob | WorkerRowsJob, db?: Database.Database): WorkerLoaded {
  const conn = db ?? new Database(job.file, { fileMustExist: true, readonly: true, nativeBinding: job.nativeBinding });
  try {
    conn.pragma('busy_timeout = 2000');
    const blob = conn.prepare<[string], { snapshot: Buffer }>('SELECT snapshot FROM recommender_index_cache WHERE fingerprint = ?').get(job.fingerprint)?.snapshot;
    // Its own buffer, so it can be handed over without a copy (a Buffer may be a view into a shared pool).
    return { id: job.id, ok: true, loaded: blob ? new Uint8Array(blob) : null };
  } finally {
    if (!db) conn.close();
  }
}

/** The rows of a warm open, sent as they are read (one transaction: one state of the file, and the counters of that state), then the snapshot. */
function rows(job: WorkerRowsJob): WorkerLoaded {
  const db = new Database(job.file, { fileMustExist: true, readonly: true, nativeBinding: job.nativeBinding });
  try {
    db.pragma('busy_timeout = 2000');
    const read = db.prepare<[string, number], [string, string, string]>(LEAN_ENTITY_ROWS_SQL).raw();
    const counters = db.prepare<[], { name: string; version: number }>(`SELECT name, version FROM recommender_inputs WHERE name IN ('catalogue', 'index')`);
    db.transaction(() => {
      const v = Object.fromEntries(counters.all().map((r) => [r.name, r.version]));
      if (v.catalogue === undefined || v.index === undefined) throw new Error('The file keeps no input counters.');
      for (let after = ''; ; ) {
        const page = read.all(after, job.rowsPerMessage);
        const last = page.length < job.rowsPerMessage;
        // The documents joined as they are stored: the server thread parses them, nothing is parsed twice.
        const message: WorkerRows = { id: job.id, ok: true, rows: `[${page.map((r) => r[2]).join(',')}]` };
        if (last) message.versions = { catalogue: v.catalogue, index: v.index };
        parentPort!.postMessage(message);
        if (last) break;
        after = page[page.length - 1][0];
      }
    })();
    return load(job, db);
  } finally {
    db.close();
  }
}

parentPort!.on('message', (job: WorkerJob | WorkerLoadJob | WorkerRowsJob) => {
  let reply: WorkerMessage;
  try {
    reply = job.type === 'load' ? load(job) : job.type === 'rows' ? rows(job) : run(job);
  } catch (e) {
    reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const bytes = !reply.ok ? null : 'loaded' in reply ? reply.loaded : reply.bytes;
  parentPort!.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
});
