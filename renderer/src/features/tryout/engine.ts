/**
 * The renderer's recommender: one worker per window holding the index of the open workspace's
 * catalogue, fed from the app store whenever the workspace changes, and hooks for components.
 * A large catalogue is not indexed here: the backend already keeps its index (built on a worker
 * thread, saved in the file), and answers the same queries with the same code.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { RecommenderCodes } from '../../../../shared/api/matching';
import type { Entity, LifeEvent, Link, Need, Service } from '../../../../shared/model';
import type { MeterSuggestion } from '../../../../shared/recommender';
import { api } from '../../api';
import { useApp } from '../../app/store';
import type { WorkspaceChanges } from '../../../../shared/api/changes';
import { answerFromBackend, backendQueryOf, changeOf, Engine, INDEX_LINK_TYPES, isEmptyChange, STALE, type BuildInfo, type EngineAnswer, type EngineChange, type EngineData, type EngineQuery } from './engine-core';
import type { EngineCall, EngineRequest, EngineResponse } from './engine.worker';

export interface EngineStatus {
  state: 'idle' | 'building' | 'ready' | 'error';
  revision: number;
  services: number;
  buildMs: number;
  error?: string;
}

/** The index's state, for components that show it or re-query when it is rebuilt. */
export const useEngineStatus = create<EngineStatus>(() => ({ state: 'idle', revision: 0, services: 0, buildMs: 0 }));

type Call = <T>(req: EngineCall) => Promise<T>;

/** A worker when one starts; otherwise the same engine on this thread (fine for workshop-sized catalogues). */
function startEngine(): Call {
  let seq = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void; req: EngineCall }>();
  let local: Engine | undefined;
  const runLocally = (req: EngineCall): unknown => {
    local ??= new Engine();
    if (req.type === 'data') return local.setData(req.data);
    if (req.type === 'change') return local.applyChange(req.change);
    if (req.type === 'query') return local.query(req.query);
    return local.suggest(req.service);
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<EngineResponse>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (!p) return;
      if (e.data.ok) p.resolve(e.data.value);
      else p.reject(new Error(e.data.error));
    };
    // A worker that cannot load (a file:// page that refuses module workers) fails here: fall back.
    worker.onerror = (e) => {
      e.preventDefault();
      console.warn('[kohtaanto] recommender worker failed, running on the main thread:', e.message);
      worker?.terminate();
      worker = undefined;
      for (const [id, p] of pending) {
        pending.delete(id);
        try {
          p.resolve(runLocally(p.req));
        } catch (err) {
          p.reject(err as Error);
        }
      }
    };
  } catch {
    worker = undefined;
  }
  return <T,>(req: EngineCall) =>
    new Promise<T>((resolve, reject) => {
      if (!worker) {
        try {
          resolve(runLocally(req) as T);
        } catch (err) {
          reject(err as Error);
        }
        return;
      }
      const id = ++seq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, req });
      worker.postMessage({ ...req, id } as EngineRequest);
    });
}

/**
 * From this many services the backend answers: a copy of the index here costs the window seconds
 * to get and a second copy of the catalogue in memory. At 50,000 services the window's own index,
 * even assembled from the backend's 25 MB snapshot, took 3–6 s after the catalogue had loaded;
 * the backend answers within a second of it (bench/tryout-scale).
 */
const BACKEND_FROM = 3000;
/** Whether the open workspace's catalogue is large enough for the backend to answer (see BACKEND_FROM). */
let backend = false;

/** Whether a catalogue of this many services is answered by the backend (then the try-out page need not wait for the whole catalogue in the window). */
export function answeredByBackend(services: number): boolean {
  // localStorage `kohtaanto.tryout.backendFrom` (e2e tests): a small workspace is answered as a large one would be.
  const knob = globalThis.localStorage?.getItem('kohtaanto.tryout.backendFrom');
  return services >= (knob ? Number(knob) : BACKEND_FROM);
}

let call: Call | undefined;
let codes: Promise<RecommenderCodes> | undefined;
let lastSent: { entities: Entity[]; links: Link[]; path: string } | undefined;
/** The engine's catalogue version after the last data or change sent (0: none yet). */
let engineVersion = 0;
/** Ids named by the changes the store has reloaded after since the last send; null: send everything. */
let pending: { entities: Set<string>; links: Set<string> } | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function dataOf(entities: Entity[], links: Link[], c: RecommenderCodes): EngineData {
  return {
    services: entities.filter((e): e is Service => e.kind === 'service'),
    needs: entities.filter((e): e is Need => e.kind === 'need'),
    lifeEvents: entities.filter((e): e is LifeEvent => e.kind === 'lifeEvent'),
    links: links.filter((l) => INDEX_LINK_TYPES.has(l.type)),
    codes: c,
  };
}

/** Collects what a reload of the store followed; a full load (or none named) means everything. */
function note(changes: WorkspaceChanges | null): void {
  if (!changes || changes.all || (!changes.entities && !changes.links)) {
    pending = null;
    lastSent = undefined;
    return;
  }
  if (!lastSent) return;
  pending ??= { entities: new Set(), links: new Set() };
  for (const id of changes.entities ?? []) pending.entities.add(id);
  for (const id of changes.links ?? []) pending.links.add(id);
}

/** A test or bench that puts an array at globalThis.__kohtaantoEngineTraffic sees what is posted to the engine (kind, characters of its JSON). */
function track(req: { type: 'data'; data: EngineData } | { type: 'change'; change: EngineChange }): void {
  const log = (globalThis as { __kohtaantoEngineTraffic?: unknown[] }).__kohtaantoEngineTraffic;
  if (!Array.isArray(log)) return;
  const d = req.type === 'data' ? req.data : req.change.put;
  log.push({ kind: req.type, chars: JSON.stringify(req).length, services: d.services.length, links: d.links.length, removed: req.type === 'change' ? req.change.removed.entities.length + req.change.removed.links.length : 0 });
}

/**
 * Keeps the engine's catalogue in step with the store: the whole catalogue the first time (or
 * after another workspace opened, or a change too large to name), afterwards only the entities
 * and links the store's reloads were about.
 */
let syncing: Promise<void> = Promise.resolve();
function sync(): Promise<void> {
  // One at a time, so that each change is based on the version the last one left.
  syncing = syncing.then(syncNow, syncNow);
  return syncing;
}

async function syncNow(): Promise<void> {
  const { entities, links, info, catalogue, counts } = useApp.getState();
  if (!info || (lastSent?.entities === entities && lastSent.links === links)) return;
  // While a large catalogue loads, the workspace's counts tell its size.
  const whole = catalogue.status === 'ready';
  const services = whole ? entities.reduce((n, e) => (e.kind === 'service' ? n + 1 : n), 0) : (counts.service ?? 0);
  backend = answeredByBackend(services);
  // The window's engine needs the whole catalogue: the store's next change (the catalogue put in) syncs again.
  if (!backend && !whole) return;
  if (backend) {
    // Nothing to send: the backend reads the file. A new revision makes the pages ask again after an edit.
    lastSent = undefined;
    pending = null;
    engineVersion = 0;
    const { revision } = useEngineStatus.getState();
    useEngineStatus.setState({ state: 'ready', revision: revision + 1, services, buildMs: 0, error: undefined });
    return;
  }
  const named = lastSent && lastSent.path === info.path && engineVersion > 0 ? pending : null;
  const change = named ? changeOf(entities, links, { entities: [...named.entities], links: [...named.links] }, engineVersion) : null;
  lastSent = { entities, links, path: info.path };
  pending = { entities: new Set(), links: new Set() };
  if (change && isEmptyChange(change)) return;
  const status = useEngineStatus.getState();
  if (status.state !== 'ready') useEngineStatus.setState({ state: 'building' });
  try {
    codes ??= api.call('recommend.codes', {});
    let built: BuildInfo & { version: number };
    try {
      if (!change) throw new Error(STALE);
      const req = { type: 'change' as const, change };
      track(req);
      built = await call!<BuildInfo & { version: number }>(req);
    } catch (err) {
      if ((err as Error).message !== STALE) throw err;
      // The engine holds another catalogue than the change was made for: send it whole.
      const req = { type: 'data' as const, data: dataOf(entities, links, await codes) };
      track(req);
      built = await call!<BuildInfo & { version: number }>(req);
    }
    engineVersion = built.version;
    useEngineStatus.setState({ state: 'ready', revision: built.revision, services: built.services, buildMs: built.rebuilt ? built.ms : status.buildMs, error: undefined });
  } catch (err) {
    codes = undefined;
    lastSent = undefined;
    engineVersion = 0;
    useEngineStatus.setState({ state: 'error', error: (err as Error).message });
  }
}

/** A query or a suggestion answered by the backend (a large catalogue: see BACKEND_FROM). */
async function askBackend<T>(req: EngineCall): Promise<T> {
  if (req.type === 'query') {
    const t0 = performance.now();
    const answer = await api.call('recommend.query', backendQueryOf(req.query));
    return answerFromBackend(answer, useEngineStatus.getState().revision, performance.now() - t0) as T;
  }
  if (req.type === 'suggest') return (await api.call('recommend.suggest', { service: req.service })) as T;
  throw new Error(`The backend has no engine call "${req.type}".`);
}

/** Starts the engine on first use and keeps it fed; later calls do nothing. */
function ensureEngine(): Call {
  if (call) return call;
  const worker = startEngine();
  call = <T,>(req: EngineCall) => (backend && (req.type === 'query' || req.type === 'suggest') ? askBackend<T>(req) : worker<T>(req));
  void sync();
  useApp.subscribe((s, prev) => {
    if (s.entities === prev.entities && s.links === prev.links) return;
    note(s.info?.path === prev.info?.path ? s.graphChanges : null);
    // Edits arrive in bursts (an import, an undo of many steps): one send after the burst.
    clearTimeout(timer);
    timer = setTimeout(() => void sync(), 120);
  });
  return call;
}

/** Recommendations for a query, recomputed when the query or the index changes; the latest query wins. */
export function useRecommendations(query: EngineQuery | null): { answer: EngineAnswer | null; roundTripMs: number | null; error: string | null } {
  const status = useEngineStatus();
  const [state, setState] = useState<{ answer: EngineAnswer | null; roundTripMs: number | null; error: string | null }>({ answer: null, roundTripMs: null, error: null });
  const latest = useRef(0);
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    const run = ensureEngine();
    if (!query || status.state !== 'ready') return;
    const mine = ++latest.current;
    const t0 = performance.now();
    run<EngineAnswer>({ type: 'query', query })
      .then((answer) => {
        if (mine === latest.current) setState({ answer, roundTripMs: performance.now() - t0, error: null });
      })
      .catch((err: Error) => {
        if (mine === latest.current) setState((s) => ({ ...s, error: err.message }));
      });
    // The serialised query stands for the query object, which is new on every render.
  }, [key, status.revision, status.state]);
  return state;
}

/** The meter model's suggestions for a service (also one being edited), after typing pauses. */
export function useSuggestions(service: Service | null): MeterSuggestion[] | null {
  const status = useEngineStatus();
  const [out, setOut] = useState<MeterSuggestion[] | null>(null);
  const key = service ? JSON.stringify(service) : '';
  useEffect(() => {
    const run = ensureEngine();
    if (!service || status.state !== 'ready') return;
    let live = true;
    const t = setTimeout(() => {
      run<MeterSuggestion[]>({ type: 'suggest', service })
        .then((s) => live && setOut(s))
        .catch(() => live && setOut(null));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // The serialised service stands for the draft object, which is new on every render.
  }, [key, status.revision, status.state]);
  return out;
}

/** The code lists (municipality names for the filters), once per session. */
export function useRecommenderCodes(): RecommenderCodes | null {
  const [c, setC] = useState<RecommenderCodes | null>(null);
  useEffect(() => {
    let live = true;
    codes ??= api.call('recommend.codes', {});
    codes.then((x) => live && setC(x)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return c;
}
