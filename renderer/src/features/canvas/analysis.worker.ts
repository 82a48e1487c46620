/// <reference lib="webworker" />
// Betweenness on a large map takes a noticeable moment; computed here so the canvas never stalls.
import { analyse, type Analysis, type AnalysisLink, type AnalysisNode } from './analysis';

export type AnalysisRequest = { id: number; nodes: AnalysisNode[]; links: AnalysisLink[] };
export type AnalysisResponse = { id: number; ok: true; result: Analysis } | { id: number; ok: false; error: string };

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const { id, nodes, links } = e.data;
  try {
    (self as unknown as Worker).postMessage({ id, ok: true, result: analyse(nodes, links) } satisfies AnalysisResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: (err as Error).message ?? String(err) } satisfies AnalysisResponse);
  }
};
