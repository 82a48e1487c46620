/**
 * The renderer's recommender: one worker per window holding the index of the open workspace's
 * catalogue, fed from the app store whenever the workspace changes, and hooks for components.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { RecommenderCodes } from '../../../../shared/api/matching';
import type { Entity, LifeEvent, Link, Need, Service } from '../../../../shared/model';
import type { MeterSuggestion } from '../../../../shared/recommender';
import { api } from '../../api';
import { useApp } from '../../app/store';
import { Engine, INDEX_LINK_TYPES, type BuildInfo, type EngineAnswer, type EngineData, type EngineQuery } from './engine-core';
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

let call: Call | undefined;
let codes: Promise<RecommenderCodes> | undefined;
let lastSent: { entities: Entity[]; links: Link[] } | undefined;
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

/** Sends the store's catalogue to the engine; the engine rebuilds only when it differs from the last one. */
async function sync(): Promise<void> {
  const { entities, links, info } = useApp.getState();
  if (!info || (lastSent?.entities === entities && lastSent.links === links)) return;
  lastSent = { entities, links };
  const status = useEngineStatus.getState();
  if (status.state !== 'ready') useEngineStatus.setState({ state: 'building' });
  try {
    codes ??= api.call('recommend.codes', {});
    const built = await call!<BuildInfo>({ type: 'data', data: dataOf(entities, links, await codes) });
    useEngineStatus.setState({ state: 'ready', revision: built.revision, services: built.services, buildMs: built.rebuilt ? built.ms : status.buildMs, error: undefined });
  } catch (err) {
    codes = undefined;
    lastSent = undefined;
    useEngineStatus.setState({ state: 'error', error: (err as Error).message });
  }
}

/** Starts the engine on first use and keeps it fed; later calls do nothing. */
function ensureEngine(): Call {
  if (call) return call;
  call = startEngine();
  void sync();
  useApp.subscribe((s, prev) => {
    if (s.entities === prev.entities && s.links === prev.links) return;
    // Edits arrive in bursts (an import, an undo of many steps): one rebuild check after the burst.
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
