/// <reference lib="webworker" />
// Automatic layout off the UI thread: ELK (and our force layout for large graphs) can take
// seconds on a big workshop map, and the canvas must keep panning meanwhile.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { layout, type LayoutInput } from './layout';

const elk = new ELK();

export type LayoutRequest = { id: number; type: 'layout'; input: LayoutInput } | { id: number; type: 'warmup'; input: LayoutInput } | { id: number; type: 'graph'; graph: ElkNode };
export type LayoutResponse = { id: number; ok: true; result: Record<string, { x: number; y: number }>; ms: number } | { id: number; ok: false; error: string };

self.onmessage = async (e: MessageEvent<LayoutRequest>) => {
  const { id } = e.data;
  const t0 = performance.now();
  try {
    // A ready-made ELK graph (the impact logic's) is laid out as given: top-level positions back.
    const result = e.data.type === 'graph' ? positionsOf(await elk.layout(e.data.graph)) : await layout(elk, e.data.input);
    (self as unknown as Worker).postMessage({ id, ok: true, result, ms: performance.now() - t0 } satisfies LayoutResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message ?? String(err) } satisfies LayoutResponse);
  }
};

function positionsOf(g: ElkNode): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  for (const c of g.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}
