/// <reference lib="webworker" />
// Automatic layout off the UI thread: ELK (and our force layout for large graphs) can take
// seconds on a big workshop map, and the canvas must keep panning meanwhile.
import ELK from 'elkjs/lib/elk.bundled.js';
import { layout, type LayoutInput } from './layout';

const elk = new ELK();

export type LayoutRequest = { id: number; type: 'layout'; input: LayoutInput } | { id: number; type: 'warmup'; input: LayoutInput };
export type LayoutResponse = { id: number; ok: true; result: Record<string, { x: number; y: number }>; ms: number } | { id: number; ok: false; error: string };

self.onmessage = async (e: MessageEvent<LayoutRequest>) => {
  const { id, input } = e.data;
  const t0 = performance.now();
  try {
    const result = await layout(elk, input);
    (self as unknown as Worker).postMessage({ id, ok: true, result, ms: performance.now() - t0 } satisfies LayoutResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message ?? String(err) } satisfies LayoutResponse);
  }
};
