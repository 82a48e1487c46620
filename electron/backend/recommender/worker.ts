/**
 * The recommender's costly build work on a worker thread: analyse every service's text, train
 * the meter model, infer the unlabelled services' affinities, index the terms. It answers with
 * the snapshot's bytes (transferred, not copied); the main thread assembles the index from them
 * in short slices and keeps answering other requests meanwhile.
 */
import { parentPort } from 'node:worker_threads';
import type { Entity, Link, Service } from '../../../shared/model';
import { buildIndex, encodeSnapshot, snapshotOf } from '../../../shared/recommender';
import { buildOptionsFrom } from './options';
import type { WorkerJob, WorkerReply } from './protocol';

function run(job: WorkerJob): WorkerReply {
  const t0 = performance.now();
  const entities = job.entityRows.map((r) => JSON.parse(r) as Entity);
  const links = job.linkRows.map(([id, type, source, target, data]) => ({ id, type, source, target, data: JSON.parse(data) }) as Link);
  const services = entities.filter((e): e is Service => e.kind === 'service');
  // Needs are worked out on the main thread, where their cache lives.
  const index = buildIndex(services, links, { ...buildOptionsFrom(job.codes, entities), precomputeNeeds: false });
  const bytes = encodeSnapshot(snapshotOf(index));
  return { id: job.id, ok: true, bytes, ms: performance.now() - t0, phases: index.build.phases };
}

parentPort!.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    reply = run(job);
  } catch (e) {
    reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
