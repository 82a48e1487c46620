/**
 * A workshop session under load: 40 simulated participants each send 2 operations a second for
 * 60 s (brainstorm notes, comments on map items, proposals) over loopback HTTP, and each holds a
 * live event stream. Every operation is checked at every other client. Run:
 *   npx tsx --expose-gc bench/workshop.ts      (BENCH_SECONDS, BENCH_CLIENTS, BENCH_RATE to change)
 *
 * Figures:
 * - lost: (operation, other client) pairs where the client never saw the operation's event (target 0);
 * - duplicated: events a client received twice (target 0);
 * - p50/p99/max from submit to seen by all other clients (target p99 ≤ 200 ms), and to the answer;
 * - the server's memory (its own process): at start, peak, and after the run;
 * - the same operations applied straight to the session and store in one process, no HTTP (baseline).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventReader, join, pcall, startRig } from '../electron/server/workshop.testkit';
import { workshopHub } from '../electron/backend/workshop/hub';
import { percentile, ms } from './_util';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 40);
const RATE = Number(process.env.BENCH_RATE ?? 2);
const ENTITIES = ['need-ohjaus', 'need-toimeentulo', 'need-opiskelupaikka', 'le-nuoret', 'org-vm'];

type Kind = 'note' | 'comment' | 'propose';
interface Op {
  client: number;
  kind: Kind;
  seq: number;
  t0: number;
  tAck?: number;
  id?: string;
  refused?: string;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function opInput(kind: Kind, client: number, seq: number): [string, unknown] {
  const text = `asiakas ${client} toimi ${seq}`;
  if (kind === 'note') return ['participant.note', { stepId: 'ideas', text }];
  if (kind === 'comment') return ['participant.comment', { target: { kind: 'entity', id: ENTITIES[seq % ENTITIES.length] }, text }];
  return ['participant.propose', { proposal: { kind: 'need', name: text } }];
}

function plan(): { client: number; kind: Kind; seq: number; at: number }[] {
  const rand = seeded(42);
  const out: { client: number; kind: Kind; seq: number; at: number }[] = [];
  const period = 1000 / RATE;
  for (let c = 0; c < CLIENTS; c++) {
    const phase = rand() * period;
    for (let k = 0; k < SECONDS * RATE; k++) {
      const r = rand();
      out.push({ client: c, seq: k, kind: r < 0.5 ? 'note' : r < 0.8 ? 'comment' : 'propose', at: phase + k * period + (rand() - 0.5) * period * 0.4 });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

async function overHttp(): Promise<void> {
  const server = fork(path.join(__dirname, '_workshop-server.ts'), [], { execArgv: ['--expose-gc', '--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { cmd: string }) => {
        if (m.cmd === cmd || (cmd === 'stop' && m.cmd === 'stopped')) {
          server.off('message', on);
          resolve(m as T);
        }
      };
      server.on('message', on);
      server.send({ cmd });
    });
  const ready = await new Promise<{ url: string; code: string; rss: number }>((resolve) => server.once('message', (m) => resolve(m as never)));
  const base = ready.url;

  const agents = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const people: { token: string; reader: EventReader; seen: Map<string, number>; eventIds: Set<number>; dups: number }[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const j = await join(base, ready.code, `Osallistuja ${c + 1}`);
    const reader = new EventReader(base, j.token);
    const person = { token: j.token, reader, seen: new Map<string, number>(), eventIds: new Set<number>(), dups: 0 };
    reader.onEvent = (e) => {
      const now = performance.now();
      if (person.eventIds.has(e.id)) person.dups++;
      person.eventIds.add(e.id);
      if (e.type === 'note' || e.type === 'comment' || e.type === 'proposal') {
        if (person.seen.has(e.data.id)) person.dups++;
        else person.seen.set(e.data.id, now);
      }
    };
    people.push(person);
  }
  // Streams open after everyone has joined, each from the state it read, as pages do.
  for (const p of people) await p.reader.open({ since: 0 });
  // Warm-up outside the measurement: the first call of each kind loads code on both sides.
  for (let c = 0; c < CLIENTS; c++) for (const kind of ['note', 'comment', 'propose'] as Kind[]) await pcall(base, ...opInput(kind, c, -1), people[c].token, agents[c]);
  await new Promise((r) => setTimeout(r, 1500));
  const memStart = await ask<{ rss: number; heapUsed: number; cpuMs: number }>('memory');
  const clientCpu0 = process.cpuUsage();

  const schedule = plan();
  const ops: Op[] = [];
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (const s of schedule) {
    const wait = t0 + s.at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const op: Op = { client: s.client, kind: s.kind, seq: s.seq, t0: performance.now() };
    ops.push(op);
    const [method, input] = opInput(s.kind, s.client, s.seq);
    inflight.push(
      pcall(base, method, input, people[s.client].token, agents[s.client]).then(
        (r) => {
          op.tAck = performance.now();
          if (r.body.ok) op.id = (r.body.value as Record<string, string>)[s.kind === 'note' ? 'noteId' : s.kind === 'comment' ? 'commentId' : 'proposalId'];
          else op.refused = `${r.status} ${r.body.error.details?.reason ?? r.body.error.code}`;
        },
        (err: NodeJS.ErrnoException) => {
          op.refused = `network ${err.code ?? err.message}`;
        },
      ),
    );
  }
  await Promise.all(inflight);
  const sendSeconds = (performance.now() - t0) / 1000;
  const memPeak = await ask<{ rss: number; heapUsed: number; peak: number; cpuMs: number }>('memory');
  const clientCpu = process.cpuUsage(clientCpu0);
  // Let the last events arrive (up to 15 s), then judge.
  const done = () => ops.every((o) => !o.id || people.every((p, i) => i === o.client || p.seen.has(o.id!)));
  const until = performance.now() + 15_000;
  while (!done() && performance.now() < until) await new Promise((r) => setTimeout(r, 100));

  let lost = 0;
  const toAll: number[] = [];
  const toAck: number[] = [];
  for (const o of ops) {
    if (!o.id) continue;
    toAck.push(o.tAck! - o.t0);
    let last = 0;
    let missing = 0;
    for (let i = 0; i < people.length; i++) {
      if (i === o.client) continue;
      const at = people[i].seen.get(o.id);
      if (at === undefined) missing++;
      else last = Math.max(last, at);
    }
    lost += missing;
    if (!missing) toAll.push(last - o.t0);
  }
  const dups = people.reduce((a, p) => a + p.dups, 0);
  const refused = ops.filter((o) => o.refused);
  const received = people.reduce((a, p) => a + p.eventIds.size, 0);
  for (const p of people) p.reader.close();
  for (const a of agents) a.destroy();
  const memEnd = await ask<{ rss: number; heapUsed: number; peak: number }>('memory');
  await ask('stop');

  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(`Over loopback HTTP + SSE: ${CLIENTS} participants × ${RATE} ops/s × ${SECONDS} s (sent in ${sendSeconds.toFixed(1)} s)`);
  console.log(`  operations            ${ops.length} sent, ${ops.length - refused.length} accepted, ${refused.length} refused${refused.length ? ` (${[...new Set(refused.map((o) => o.refused))].join(', ')})` : ''}`);
  console.log(`  checks                ${(ops.length - refused.length) * (CLIENTS - 1)} (operation × other client); events received ${received}`);
  console.log(`  lost                  ${lost}   (target 0)`);
  console.log(`  duplicated            ${dups}   (target 0)`);
  console.log(`  submit → seen by all  p50 ${ms(percentile(toAll, 50))}  p99 ${ms(percentile(toAll, 99))}  max ${ms(Math.max(...toAll))}   (target p99 ≤ 200 ms: ${percentile(toAll, 99) <= 200 ? 'met' : 'MISSED'})`);
  console.log(`  submit → answer       p50 ${ms(percentile(toAck, 50))}  p99 ${ms(percentile(toAck, 99))}`);
  console.log(`  CPU while sending     server ${((memPeak.cpuMs - memStart.cpuMs) / 1000).toFixed(1)} s, the ${CLIENTS} simulated clients ${((clientCpu.user + clientCpu.system) / 1e6).toFixed(1)} s (of ${sendSeconds.toFixed(1)} s wall; 2 cores shared with other work)`);
  console.log(`  server memory (RSS)   start ${mb(memStart.rss)}, peak ${mb(memPeak.peak)}, after ${mb(memEnd.rss)} (heap after ${mb(memEnd.heapUsed)})`);
}

/** The same operations applied straight to the session and its store: no HTTP, no streams. */
async function straight(): Promise<void> {
  const rig = await startRig({ realClock: true, hub: { limits: { writeBurst: 1e9, writePerSecond: 1e9, readBurst: 1e9, readPerSecond: 1e9 } } });
  const hub = workshopHub(rig.ctx);
  const s = await hub.start({
    settings: { maxParticipants: 60, allowAnonymous: true, namesInRecord: false, language: 'fi', title: 'Bench' },
    agenda: [{ id: 'ideas', kind: 'brainstorm', title: 'Ideat', minutes: 30 }],
  });
  const persons = Array.from({ length: CLIENTS }, (_, c) => s.join({ displayName: `Osallistuja ${c + 1}`, anonymous: false, role: 'participant' }).person);
  const times: number[] = [];
  const t0 = performance.now();
  for (const p of plan()) {
    const a = performance.now();
    const person = persons[p.client];
    const text = `asiakas ${p.client} toimi ${p.seq}`;
    if (p.kind === 'note') s.note(person, 'ideas', text);
    else if (p.kind === 'comment') s.comment(person, { kind: 'entity', id: ENTITIES[p.seq % ENTITIES.length] }, text);
    else s.propose(person, { kind: 'need', name: text }, 'fi');
    times.push(performance.now() - a);
  }
  const total = performance.now() - t0;
  await hub.end(true);
  await rig.close();
  console.log(`Straight to the session and store (baseline, same ${times.length} operations, no HTTP):`);
  console.log(`  per operation         p50 ${ms(percentile(times, 50))}  p99 ${ms(percentile(times, 99))}; all in ${ms(total)}`);
}

async function main(): Promise<void> {
  process.on('uncaughtException', (err) => {
    console.error('bench: uncaught', err);
  });
  await overHttp();
  await straight();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
