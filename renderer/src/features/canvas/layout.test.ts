import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../../../shared/model';
import { COLUMN, forceLayout, keepPinned, layeredGraph, layout, removeOverlaps, wrapColumns, type LayoutInput } from './layout';

const elk = new ELK();
const size = { w: 200, h: 72 };

function graph(kinds: EntityKind[], edges: [number, number][], pinned: Record<number, { x: number; y: number }> = {}): LayoutInput {
  return {
    algorithm: 'layered',
    nodes: kinds.map((kind, i) => ({ id: `n${i}`, kind, x: pinned[i]?.x ?? 0, y: pinned[i]?.y ?? 0, pinned: i in pinned })),
    edges: edges.map(([a, b]) => ({ source: `n${a}`, target: `n${b}` })),
    size,
  };
}

function overlapping(pos: Record<string, { x: number; y: number }>): [string, string][] {
  const ids = Object.keys(pos);
  const out: [string, string][] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = pos[ids[i]];
      const b = pos[ids[j]];
      if (Math.abs(a.x - b.x) < size.w && Math.abs(a.y - b.y) < size.h) out.push([ids[i], ids[j]]);
    }
  return out;
}

// life event → need → service ← organisation, service → channel, persona → need.
const small = graph(['lifeEvent', 'need', 'need', 'service', 'service', 'organisation', 'channel', 'persona'], [
  [0, 1],
  [0, 2],
  [3, 1],
  [4, 2],
  [5, 3],
  [5, 4],
  [3, 6],
  [7, 1],
  [3, 4], // refers to: inside a column, not given to ELK
]);

describe('automatic layout', () => {
  it('layered: columns run life event → needs → services → organisations → channels, left to right', async () => {
    const pos = await layout(elk, small);
    const x = (i: number) => pos[`n${i}`].x;
    expect(x(0)).toBeLessThan(x(1));
    expect(x(1)).toBe(x(2));
    expect(x(1)).toBeLessThan(x(3));
    expect(x(3)).toBe(x(4));
    expect(x(3)).toBeLessThan(x(5));
    expect(x(5)).toBeLessThan(x(6));
    expect(x(7)).toBe(x(0));
    expect(overlapping(pos)).toEqual([]);
  });

  it('layered: links inside a column are left out, links against the flow are turned round', () => {
    const g = layeredGraph(small);
    expect(g.edges!.map((e) => `${e.sources[0]}>${e.targets[0]}`)).toEqual(['n0>n1', 'n0>n2', 'n1>n3', 'n2>n4', 'n3>n5', 'n4>n5', 'n3>n6', 'n7>n1']);
    expect(COLUMN.lifeEvent).toBeLessThan(COLUMN.need);
  });

  it('keeps pinned nodes exactly where they are, and moves the rest off them', async () => {
    const input = graph(small.nodes.map((n) => n.kind), small.edges.map((e) => [Number(e.source.slice(1)), Number(e.target.slice(1))]), { 3: { x: 5000, y: 4000 } });
    const pos = await layout(elk, input);
    expect(pos.n3).toEqual({ x: 5000, y: 4000 });
    // The rest of the layout follows the pinned node instead of staying at the origin.
    expect(pos.n5.x).toBeGreaterThan(5000);
    expect(overlapping(pos)).toEqual([]);
  });

  it('without pins the layout keeps its old top-left corner', () => {
    const input = graph(['need', 'service'], [[1, 0]]);
    input.nodes[0].x = 300;
    input.nodes[0].y = 900;
    input.nodes[1].x = 800;
    input.nodes[1].y = 950;
    expect(keepPinned({ n0: { x: 0, y: 10 }, n1: { x: 340, y: 0 } }, input)).toEqual({ n0: { x: 300, y: 910 }, n1: { x: 640, y: 900 } });
  });

  it('organic: lays out a small graph with ELK force, without overlaps', async () => {
    const pos = await layout(elk, { ...small, algorithm: 'organic' });
    expect(Object.keys(pos).sort()).toEqual(small.nodes.map((n) => n.id).sort());
    expect(overlapping(pos)).toEqual([]);
  });

  it('organic: a large graph uses the grid force layout, deterministic, pins fixed, linked nodes closer', () => {
    const kinds: EntityKind[] = Array.from({ length: 400 }, (_, i) => (['service', 'need', 'organisation'] as const)[i % 3]);
    // Two rings of 200 joined by one link.
    const edges: [number, number][] = [];
    for (let i = 0; i < 200; i++) edges.push([i, (i + 1) % 200], [200 + i, 200 + ((i + 1) % 200)]);
    edges.push([0, 200]);
    const input = { ...graph(kinds, edges, { 10: { x: -3000, y: 2000 } }), algorithm: 'organic' as const };
    const a = forceLayout(input, 60);
    expect(forceLayout(input, 60)).toEqual(a);
    expect(a.n10).toEqual({ x: -3000, y: 2000 });
    const d = (p: string, q: string) => Math.hypot(a[p].x - a[q].x, a[p].y - a[q].y);
    let linked = 0;
    let far = 0;
    for (let i = 20; i < 60; i++) {
      linked += d(`n${i}`, `n${i + 1}`);
      far += d(`n${i}`, `n${i + 100}`);
    }
    expect(linked).toBeLessThan(far);
  });

  it('folds a tall column into several, keeping ELK\'s order row by row, towards a wide screen\'s shape', () => {
    const kinds: EntityKind[] = [...Array(50).fill('service'), ...Array(10).fill('need')];
    const input = graph(kinds, []);
    // ELK's answer: two columns, in index order from top to bottom.
    const elk = Object.fromEntries(input.nodes.map((node, i) => [node.id, { x: node.kind === 'need' ? 0 : 400, y: i * 100 }]));
    const pos = wrapColumns(elk, input);
    const serviceXs = new Set(input.nodes.filter((x) => x.kind === 'service').map((x) => pos[x.id].x));
    expect(serviceXs.size).toBeGreaterThan(2);
    // Row-major: the first services sit on the first row, left to right.
    expect(pos.n0.y).toBe(pos.n1.y);
    expect(pos.n1.x).toBeGreaterThan(pos.n0.x);
    expect(Math.max(...Object.values(pos).map((p) => p.y))).toBeLessThan(50 * 100);
    // Needs stay left of services.
    expect(Math.max(...input.nodes.filter((x) => x.kind === 'need').map((x) => pos[x.id].x))).toBeLessThan(Math.min(...serviceXs));
    expect(overlapping(pos)).toEqual([]);
  });

  it('removes overlaps and never moves fixed boxes', () => {
    const pos = removeOverlaps({ a: { x: 0, y: 0 }, b: { x: 10, y: 5 }, c: { x: 20, y: 0 } }, size, new Set(['a']));
    expect(pos.a).toEqual({ x: 0, y: 0 });
    expect(overlapping(pos)).toEqual([]);
  });
});
