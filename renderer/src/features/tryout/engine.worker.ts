/// <reference lib="webworker" />
// The recommender index of a large catalogue takes seconds to build: here it is built and queried
// off the main thread, so sliders and typing never wait for it.
import { Engine, type EngineChange, type EngineData, type EngineQuery } from './engine-core';
import type { Service } from '../../../../shared/model';

export type EngineCall = { type: 'data'; data: EngineData } | { type: 'change'; change: EngineChange } | { type: 'query'; query: EngineQuery } | { type: 'suggest'; service: Service };
export type EngineRequest = EngineCall & { id: number };

export type EngineResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const engine = new Engine();

self.onmessage = (e: MessageEvent<EngineRequest>) => {
  const req = e.data;
  try {
    const value = req.type === 'data' ? engine.setData(req.data) : req.type === 'change' ? engine.applyChange(req.change) : req.type === 'query' ? engine.query(req.query) : engine.suggest(req.service);
    (self as unknown as Worker).postMessage({ id: req.id, ok: true, value } satisfies EngineResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id: req.id, ok: false, error: (err as Error).message } satisfies EngineResponse);
  }
};
