/**
 * The organic layout above ELK_FORCE_UP_TO nodes: our own force simulation (forceLayout, then
 * removeOverlaps, as layout() runs it) against graphology's ForceAtlas2 (then the same
 * removeOverlaps), on the same graphs from the same start.
 *
 *   npm install --no-save --prefix /tmp/fa2 graphology graphology-layout-forceatlas2
 *   FA2_DIR=/tmp/fa2/node_modules npx tsx bench/organic-layout.ts [nodes …]   (default: 500 2000 5000)
 *
 * ForceAtlas2 is not a dependency of the app: the bench loads it from FA2_DIR (or from the
 * project's node_modules when it is installed there) and says so when it is missing.
 *
 * The graphs are shaped like a workspace (deterministic): a few life events with their needs,
 * services addressing 1–3 needs each, organisations providing services, channels; each need of a
 * life event. Figures per layout (all scale-free or measured after scaling the ForceAtlas2
 * result to the same median link length as ours, since FA2 works in its own units):
 *   - time: the layout alone, and with removeOverlaps;
 *   - link CV: spread of link lengths (standard deviation / mean), lower is more even;
 *   - overlaps before: node boxes (200×72) overlapping before removeOverlaps, i.e. what the
 *     layout itself left to tidy up;
 *   - stretch: mean link length after removeOverlaps / before, how far tidying moved things;
 *   - link span: mean link length over the mean distance to the nearest node, after tidying:
 *     how many steps of local spacing a link spans, lower keeps linked things together;
 *   - area: bounding box per node after removeOverlaps, in node boxes, lower is more compact.
 *
 * Measured here (2 cores shared with other jobs, load 5–8, so times are ±40%; graphology-layout-
 * forceatlas2 0.10.1), layout ms / link CV / overlaps before / link span / area per node:
 *   2,000 nodes: ours 3,006 / 0.37 / 9,069 / 32.0 / 1.1; FA2 100 it. Barnes–Hut 2,358 / 0.56 /
 *                7,947 / 26.5 / 1.7; FA2 300 it. Barnes–Hut 6,097 / 0.57 / 6,426 / 21.3 / 1.5
 *   5,000 nodes: ours 7,925 / 0.37 / 40,555 / 64.5 / 0.8; FA2 100 it. 4,789–6,994 / 0.53 /
 *                38,646 / 60.6 / 2.0; FA2 300 it. 14,160 / 0.58 / 28,661 / 52.9 / 1.5
 * In the same time (FA2 at 100 iterations) ForceAtlas2 keeps linked nodes 5–17% closer and leaves
 * 5–12% fewer overlaps, but spreads the map over 1.5–2.5 times the area with much less even link
 * lengths; its clearer gains (30% fewer overlaps, 17–33% shorter spans) cost 2–4 times the time.
 * Neither is better on every count, so the app keeps its own simulation (no new dependency; it
 * already runs in the layout worker, so FA2's worker would add nothing).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EntityKind } from '../shared/model';
import { forceLayout, removeOverlaps, type LayoutInput, type LayoutResult } from '../renderer/src/features/canvas/layout';
import { NODE_SIZE } from '../renderer/src/features/canvas/shapes';
import { seededRandom } from '../shared/util/random';

const SIZE = NODE_SIZE.normal;

/** A workspace-shaped graph of about `n` nodes. */
function workspaceGraph(n: number, seed = 1): LayoutInput {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const counts: [EntityKind, number][] = [
    ['lifeEvent', Math.max(2, Math.round(n * 0.005))],
    ['need', Math.round(n * 0.08)],
    ['organisation', Math.round(n * 0.1)],
    ['channel', Math.round(n * 0.12)],
  ];
  counts.push(['service', n - counts.reduce((s, [, c]) => s + c, 0)]);
  const nodes: LayoutInput['nodes'] = [];
  const byKind = new Map<EntityKind, string[]>();
  for (const [kind, c] of counts) {
    const ids: string[] = [];
    for (let i = 0; i < c; i++) {
      const id = `${kind}-${i}`;
      ids.push(id);
      nodes.push({ id, kind, x: 0, y: 0, pinned: false });
    }
    byKind.set(kind, ids);
  }
  const edges: LayoutInput['edges'] = [];
  const needs = byKind.get('need')!;
  const events = byKind.get('lifeEvent')!;
  // Needs cluster by life event, services by the needs they address: the structure a map shows.
  needs.forEach((need, i) => edges.push({ source: events[i % events.length], target: need }));
  for (const s of byKind.get('service')!) {
    const home = Math.floor(r() * needs.length);
    const k = 1 + Math.floor(r() * 3);
    for (let j = 0; j < k; j++) edges.push({ source: s, target: needs[(home + Math.floor(r() * 6)) % needs.length] });
    edges.push({ source: pick(byKind.get('organisation')!), target: s });
    if (r() < 0.6) edges.push({ source: s, target: pick(byKind.get('channel')!) });
  }
  return { algorithm: 'organic', nodes, edges, size: SIZE };
}

interface Fa2 {
  assign(graph: unknown, opts: { iterations: number; settings: Record<string, unknown> }): void;
  inferSettings(graph: unknown): Record<string, unknown>;
}

function loadFa2(): { fa2: Fa2; Graph: new () => { addNode(id: string, attrs: object): void; mergeEdge(a: string, b: string): void; getNodeAttributes(id: string): { x: number; y: number } } } | null {
  const dirs = [process.env.FA2_DIR, path.resolve(__dirname, '../node_modules')].filter((d): d is string => !!d);
  for (const dir of dirs) {
    if (!fs.existsSync(path.join(dir, 'graphology-layout-forceatlas2'))) continue;
    const req = createRequire(path.join(dir, 'x.js'));
    return { fa2: req('graphology-layout-forceatlas2') as Fa2, Graph: req('graphology') };
  }
  return null;
}

/** The golden-angle spiral forceLayout starts from, so both start alike. */
function spiral(input: LayoutInput): LayoutResult {
  const n = input.nodes.length;
  const k = Math.max(input.size.w, input.size.h) * 1.3;
  const radius = k * Math.sqrt(n) * 0.6;
  const out: LayoutResult = {};
  input.nodes.forEach((node, i) => {
    const a = i * 2.399963;
    const rr = radius * Math.sqrt((i + 0.5) / n);
    out[node.id] = { x: Math.cos(a) * rr, y: Math.sin(a) * rr };
  });
  return out;
}

function linkLengths(pos: LayoutResult, input: LayoutInput): number[] {
  return input.edges.map((e) => Math.hypot(pos[e.source].x - pos[e.target].x, pos[e.source].y - pos[e.target].y));
}

function stats(xs: number[]): { mean: number; median: number; cv: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  const sorted = [...xs].sort((a, b) => a - b);
  return { mean, median: sorted[Math.floor(sorted.length / 2)], cv: sd / mean };
}

/** Pairs of node boxes that overlap (grid, so linear in practice). */
function overlaps(pos: LayoutResult): number {
  const ids = Object.keys(pos);
  const grid = new Map<string, string[]>();
  for (const id of ids) {
    const key = `${Math.floor(pos[id].x / SIZE.w)},${Math.floor(pos[id].y / SIZE.h)}`;
    (grid.get(key) ?? grid.set(key, []).get(key)!).push(id);
  }
  let count = 0;
  for (const a of ids) {
    const gx = Math.floor(pos[a].x / SIZE.w);
    const gy = Math.floor(pos[a].y / SIZE.h);
    for (let x = gx - 1; x <= gx + 1; x++)
      for (let y = gy - 1; y <= gy + 1; y++)
        for (const b of grid.get(`${x},${y}`) ?? []) if (b > a && Math.abs(pos[a].x - pos[b].x) < SIZE.w && Math.abs(pos[a].y - pos[b].y) < SIZE.h) count++;
  }
  return count;
}

/**
 * Mean link length over the mean distance from a node to its nearest other node (sampled): how
 * many "steps of local spacing" a link spans. Lower keeps linked things together.
 */
function linkSpan(pos: LayoutResult, input: LayoutInput, sample = 400): number {
  const ids = Object.keys(pos);
  const step = Math.max(1, Math.floor(ids.length / sample));
  let nn = 0;
  let count = 0;
  for (let i = 0; i < ids.length; i += step) {
    let best = Infinity;
    for (const o of ids) if (o !== ids[i]) best = Math.min(best, Math.hypot(pos[o].x - pos[ids[i]].x, pos[o].y - pos[ids[i]].y));
    nn += best;
    count++;
  }
  return stats(linkLengths(pos, input)).mean / (nn / count);
}

function area(pos: LayoutResult): number {
  const xs = Object.values(pos).map((p) => p.x);
  const ys = Object.values(pos).map((p) => p.y);
  const w = Math.max(...xs) - Math.min(...xs) + SIZE.w;
  const h = Math.max(...ys) - Math.min(...ys) + SIZE.h;
  return (w * h) / (SIZE.w * SIZE.h) / xs.length;
}

function scaleTo(pos: LayoutResult, input: LayoutInput, median: number): LayoutResult {
  const f = median / stats(linkLengths(pos, input)).median;
  return Object.fromEntries(Object.entries(pos).map(([id, p]) => [id, { x: p.x * f, y: p.y * f }]));
}

interface Row {
  name: string;
  layoutMs: number;
  totalMs: number;
  cv: number;
  overlapsBefore: number;
  stretch: number;
  span: number;
  area: number;
}

function measure(name: string, input: LayoutInput, run: () => LayoutResult, scaleMedian?: number): Row {
  const t0 = performance.now();
  let before = run();
  const t1 = performance.now();
  if (scaleMedian) before = scaleTo(before, input, scaleMedian);
  const after = removeOverlaps(before, input.size);
  const t2 = performance.now();
  const sb = stats(linkLengths(before, input));
  const sa = stats(linkLengths(after, input));
  return { name, layoutMs: t1 - t0, totalMs: t2 - t0, cv: sb.cv, overlapsBefore: overlaps(before), stretch: sa.mean / sb.mean, span: linkSpan(after, input), area: area(after) };
}

function main(): void {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const fa = loadFa2();
  if (!fa) console.log('ForceAtlas2 not found (set FA2_DIR to a node_modules holding graphology and graphology-layout-forceatlas2): only our layout is measured.');
  const rows: [number, number, Row][] = [];
  for (const n of sizes.length ? sizes : [500, 2000, 5000]) {
    const input = workspaceGraph(n);
    const ours = measure('ours (Fruchterman–Reingold + grid, 250 it.)', input, () => forceLayout(input));
    rows.push([n, input.edges.length, ours]);
    if (fa) {
      const start = spiral(input);
      const variants: { iterations: number; barnesHut?: boolean }[] = [{ iterations: 100 }, { iterations: 300 }, { iterations: 100, barnesHut: true }, { iterations: 300, barnesHut: true }];
      for (const { iterations, barnesHut } of variants) {
        rows.push([
          n,
          input.edges.length,
          measure(
            `ForceAtlas2 (${iterations} it., ${barnesHut ? 'Barnes–Hut on' : 'inferred settings'})`,
            input,
            () => {
              const g = new fa.Graph();
              for (const node of input.nodes) g.addNode(node.id, { ...start[node.id] });
              for (const e of input.edges) if (e.source !== e.target) g.mergeEdge(e.source, e.target);
              fa.fa2.assign(g, { iterations, settings: { ...fa.fa2.inferSettings(g), ...(barnesHut ? { barnesHutOptimize: true } : {}) } });
              const out: LayoutResult = {};
              for (const node of input.nodes) out[node.id] = { ...g.getNodeAttributes(node.id) };
              return out;
            },
            stats(linkLengths(forceLayoutMedianBase(ours, input), input)).median,
          ),
        ]);
      }
    }
  }
  console.log('| nodes | links | layout | layout ms | + overlaps ms | link CV | overlaps before | stretch | link span | area/node |');
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [n, m, r] of rows) {
    console.log(
      `| ${n} | ${m} | ${r.name} | ${r.layoutMs.toFixed(0)} | ${r.totalMs.toFixed(0)} | ${r.cv.toFixed(2)} | ${r.overlapsBefore} | ${r.stretch.toFixed(2)} | ${r.span.toFixed(1)} | ${r.area.toFixed(1)} |`,
    );
  }
}

/** Our layout's positions before tidying (recomputed: deterministic), whose median link length FA2 is scaled to. */
const oursCache = new Map<LayoutInput, LayoutResult>();
function forceLayoutMedianBase(_row: Row, input: LayoutInput): LayoutResult {
  if (!oursCache.has(input)) oursCache.set(input, forceLayout(input));
  return oursCache.get(input)!;
}

main();
