/**
 * The recommender's costly build work on a worker thread: analyse every service's text, train
 * the meter model, infer the unlabelled services' affinities, index the terms. It saves the
 * snapshot in the workspace file itself (its own connection: the write of a few megabytes waits
 * for the disk) and answers with its bytes (transferred, not copied); the main thread assembles
 * the index from them in short slices and keeps answering other requests meanwhile.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Entity, Link, Service } from '../../../shared/model';
import { buildIndex, encodeSnapshot, snapshotOf } from '../../../shared/recommender';
import { buildOptionsFrom } from './options';
import type { LinkRow, SaveTo, WorkerJob, WorkerReply } from './protocol';
import { writeSnapshot } from './store';

// On Linux a thread has a nice value of its own (setpriority on 0 is the calling thread): a build
// gives way to the server thread, which answers requests in milliseconds and is idle otherwise.
// Elsewhere it would lower the whole process, so it is left alone there.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // Not allowed here: the build just runs at the process's priority.
  }
}

/** Rows received (parsed on arrival, while the main thread reads the next ones) for each job not built yet. */
const received = new Map<number, { entities: Entity[]; links: Link[] }>();

/** Jobs whose rows did not read: already answered, their build message is ignored. */
const failed = new Set<number>();

function receive(id: number, entityRows: readonly string[], linkRows: readonly LinkRow[]): void {
  let got = received.get(id);
  if (!got) received.set(id, (got = { entities: [], links: [] }));
  for (const r of entityRows) got.entities.push(JSON.parse(r) as Entity);
  for (const [lid, type, source, target, data] of linkRows) got.links.push({ id: lid, type, source, target, data: JSON.parse(data) } as Link);
}

function save(to: SaveTo, services: number, buildMs: number, bytes: Uint8Array): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(to.file, { fileMustExist: true, nativeBinding: to.nativeBinding });
    db.pragma('busy_timeout = 2000');
    db.pragma('synchronous = FULL');
    writeSnapshot(db, { fingerprint: to.fingerprint, createdAt: to.createdAt, services, buildMs, bytes });
    return true;
  } catch {
    // The file is busy or gone: the main thread saves it instead, or the next open builds again.
    return false;
  } finally {
    db?.close();
  }
}

function run(id: number, codes: Extract<WorkerJob, { type: 'build' }>['codes'], to: SaveTo | undefined): WorkerReply {
  const t0 = performance.now();
  const { entities, links } = received.get(id) ?? { entities: [], links: [] };
  received.delete(id);
  const services = entities.filter((e): e is Service => e.kind === 'service');
  // Needs are worked out on the main thread, where their cache lives.
  const index = buildIndex(services, links, { ...buildOptionsFrom(codes, entities), precomputeNeeds: false });
  const bytes = encodeSnapshot(snapshotOf(index));
  const ms = performance.now() - t0;
  const saved = to ? save(to, index.services.length, ms, bytes) : false;
  return { id, ok: true, bytes, ms, phases: index.build.phases, services: index.services.length, saved };
}

parentPort!.on('message', (job: WorkerJob) => {
  if (job.type === 'drop') {
    received.delete(job.id);
    failed.delete(job.id);
    return;
  }
  let reply: WorkerReply;
  if (job.type === 'rows') {
    try {
      receive(job.id, job.entityRows, job.linkRows);
      return;
    } catch (e) {
      // Answered at once; the build message that follows is ignored.
      received.delete(job.id);
      failed.add(job.id);
      reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
      parentPort!.postMessage(reply);
      return;
    }
  }
  if (failed.delete(job.id)) return;
  try {
    reply = run(job.id, job.codes, job.save);
  } catch (e) {
    received.delete(job.id);
    reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
