import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Analysis, AnalysisLink, AnalysisNode } from './analysis';
import type { AnalysisRequest, AnalysisResponse } from './analysis.worker';
import type { LayoutInput, LayoutResult } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout.worker';

type Pending<T> = Map<number, { resolve(v: T): void; reject(e: Error): void }>;

let layoutWorker: Worker | undefined;
let analysisWorker: Worker | undefined;
const layoutPending: Pending<LayoutResult> = new Map();
const analysisPending: Pending<Analysis> = new Map();
let seq = 0;
const warmups = new Set<number>();

function getLayoutWorker(): Worker {
  if (!layoutWorker) {
    layoutWorker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    layoutWorker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const p = layoutPending.get(e.data.id);
      layoutPending.delete(e.data.id);
      if (!p) return;
      if (e.data.ok) {
        // Recorded so that the benchmark (and anyone with dev tools) can read the worker's own time.
        if (!warmups.delete(e.data.id)) performance.measure('kohtaanto:layout-worker', { start: 0, duration: e.data.ms });
        p.resolve(e.data.result);
      } else p.reject(new Error(e.data.error));
    };
  }
  return layoutWorker;
}

function getAnalysisWorker(): Worker {
  if (!analysisWorker) {
    analysisWorker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    analysisWorker.onmessage = (e: MessageEvent<AnalysisResponse>) => {
      const p = analysisPending.get(e.data.id);
      analysisPending.delete(e.data.id);
      if (!p) return;
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
  }
  return analysisWorker;
}

/** Lays out in the worker; resolves with the new top-left position of every node. */
export function layoutInWorker(input: LayoutInput): Promise<LayoutResult> {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    layoutPending.set(id, { resolve, reject });
    getLayoutWorker().postMessage({ id, type: 'layout', input } satisfies LayoutRequest);
  });
}

/**
 * Lays out a ready-made ELK graph in the same worker (the impact logic's columns use it), so the
 * app carries one ELK and its warmed-up JIT; not timed as the map's layout.
 */
export function layoutGraphInWorker(graph: ElkNode): Promise<LayoutResult> {
  const id = ++seq;
  warmups.add(id);
  return new Promise((resolve, reject) => {
    layoutPending.set(id, { resolve, reject });
    getLayoutWorker().postMessage({ id, type: 'graph', graph } satisfies LayoutRequest);
  });
}

/**
 * Runs one layout of a made-up map in the worker while people are still looking at theirs: ELK is
 * compiled Java, and until the JIT has warmed up its first large layout runs two to three times
 * slower (measured here: 2,000 nodes cold 4.4 s, after a 700-node warm-up 1.7 s, warm 1.2 s).
 * The made-up map has the shape of a real one (columns of kinds, links between neighbouring
 * columns), scaled to the real map's size.
 */
export function warmUpLayout(mapSize: number): void {
  const n = Math.max(60, Math.min(800, Math.round(mapSize / 2.5)));
  const share: [LayoutInput['nodes'][number]['kind'], number][] = [
    ['lifeEvent', 0.01],
    ['persona', 0.04],
    ['need', 0.08],
    ['service', 0.6],
    ['organisation', 0.15],
    ['channel', 0.12],
  ];
  const nodes: LayoutInput['nodes'] = [];
  const byKind = new Map<string, string[]>();
  for (const [kind, f] of share) {
    const ids = Array.from({ length: Math.max(2, Math.round(n * f)) }, (_, i) => `w-${kind}-${i}`);
    byKind.set(kind, ids);
    for (const id of ids) nodes.push({ id, kind, x: 0, y: 0, pinned: false });
  }
  const edges: LayoutInput['edges'] = [];
  const at = (kind: string, i: number) => byKind.get(kind)![i % byKind.get(kind)!.length];
  byKind.get('service')!.forEach((s, i) => {
    edges.push({ source: s, target: at('need', i * 7) }, { source: at('organisation', i * 3), target: s });
    if (i % 2) edges.push({ source: s, target: at('channel', i * 5) });
  });
  byKind.get('need')!.forEach((need, i) => edges.push({ source: at('lifeEvent', i), target: need }, { source: at('persona', i * 3), target: need }));
  const id = ++seq;
  warmups.add(id);
  layoutPending.set(id, { resolve: () => undefined, reject: () => undefined });
  getLayoutWorker().postMessage({ id, type: 'warmup', input: { algorithm: 'layered', nodes, edges, size: { w: 240, h: 92 } } } satisfies LayoutRequest);
}

export function analyseInWorker(nodes: AnalysisNode[], links: AnalysisLink[]): Promise<Analysis> {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    analysisPending.set(id, { resolve, reject });
    getAnalysisWorker().postMessage({ id, nodes, links } satisfies AnalysisRequest);
  });
}
