// Placing a map a facilitator can read (issue 8, "The map"): where nodes without a place go,
// how a laid-out part keeps clear of the rest, a first layout by life event, and link labels
// that never pile up.
import { describe, expect, it } from 'vitest';
import { EntitySchema, type Entity, type Link } from '../../../../shared/model';
import { deriveGraph, placeUnplaced, planLinkLabels, type DeriveInput } from './canvasStore';
import { lifeEventGroups } from './graph';
import { blockLayout, clearOfOthers } from './layout';

const size = { w: 200, h: 72 };
const e = (raw: Record<string, unknown>): Entity => EntitySchema.parse({ name: { fi: String(raw.id) }, ...raw });
let n = 0;
const l = (type: Link['type'], source: string, target: string): Link => ({ id: `l${n++}`, type, source, target, data: {} });
const overlapping = (pos: Record<string, { x: number; y: number }>) => {
  const ids = Object.keys(pos);
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = pos[ids[i]];
      const b = pos[ids[j]];
      if (Math.abs(a.x - b.x) < size.w && Math.abs(a.y - b.y) < size.h) out.push(`${ids[i]}/${ids[j]}`);
    }
  return out;
};

const entities: Entity[] = [
  e({ id: 'death', kind: 'lifeEvent', code: 'KE14' }),
  e({ id: 'study', kind: 'lifeEvent' }),
  e({ id: 'funeral', kind: 'need' }),
  e({ id: 'grant', kind: 'service' }),
  e({ id: 'estate', kind: 'service', lifeEvents: ['KE14'] }),
  e({ id: 'loan', kind: 'service' }),
  e({ id: 'kela', kind: 'organisation' }),
  e({ id: 'web', kind: 'channel' }),
  e({ id: 'lonely', kind: 'service' }),
];
const links: Link[] = [
  l('hasNeed', 'death', 'funeral'),
  l('addresses', 'grant', 'funeral'),
  l('inLifeEvent', 'loan', 'study'),
  l('provides', 'kela', 'grant'),
  l('provides', 'kela', 'loan'),
  l('offeredThrough', 'loan', 'web'),
];

function derive(visible: string[], positions: DeriveInput['positions'] = {}) {
  return deriveGraph([], [], {
    entities,
    links,
    visible: new Set(visible),
    positions,
    size,
    name: (x) => x.id,
    nameLang: () => 'fi',
    kindLabel: (k) => k,
    linkLabel: (t) => t,
    badge: () => '',
    ariaLabel: (k, name) => `${k}: ${name}`,
    metrics: null,
    labelFont: { char: 6.6, line: 13 },
    overlay: { size: 'none', colour: 'kind' },
    connectFrom: null,
    baseline: false,
  });
}

describe('nodes without a place', () => {
  it('are reported and placed over the whole view, so a filter changes neither what is placed nor where', () => {
    const all = derive(entities.map((x) => x.id));
    const filtered = derive(['death', 'funeral', 'grant', 'estate']);
    // Before: only the four shown were reported, each placed by its row among the shown.
    expect(filtered.unplaced.map((u) => u.id).sort()).toEqual(entities.map((x) => x.id).sort());
    expect(filtered.unplaced).toEqual(all.unplaced);
    const at = new Map(all.unplaced.map((u) => [u.id, u]));
    for (const node of filtered.nodes) expect(node.position).toEqual({ x: at.get(node.id)!.x, y: at.get(node.id)!.y });
  });

  it('go to the right of everything placed, hidden nodes included, never onto them', () => {
    const positions = { kela: { x: 1000, y: 40, pinned: false }, web: { x: 0, y: 0, pinned: false } };
    const places = placeUnplaced(entities, positions, size);
    expect(places).toHaveLength(entities.length - 2);
    for (const p of places) expect(p.x).toBeGreaterThanOrEqual(1000 + size.w);
    expect(Math.min(...places.map((p) => p.y))).toBe(0);
  });
});

describe('a part laid out apart from the rest', () => {
  const others = [
    { x: 0, y: 0 },
    { x: 300, y: 200 },
    { x: 600, y: 900 },
  ];
  it('moves, as laid out, beside the others when it would cover any of them', () => {
    const part = { a: { x: 250, y: 150 }, b: { x: 550, y: 150 }, c: { x: 250, y: 300 } };
    const moved = clearOfOthers(part, others, size);
    expect(overlapping({ ...moved, o0: others[0], o1: others[1], o2: others[2] })).toEqual([]);
    expect(Math.min(...Object.values(moved).map((p) => p.x))).toBe(600 + size.w + 160);
    expect(Math.min(...Object.values(moved).map((p) => p.y))).toBe(0);
    // The shape of the part is kept.
    expect(moved.b.x - moved.a.x).toBe(300);
    expect(moved.c.y - moved.a.y).toBe(150);
  });
  it('stays where it is when it covers nothing', () => {
    const part = { a: { x: 2000, y: 0 }, b: { x: 2300, y: 100 } };
    expect(clearOfOthers(part, others, size)).toBe(part);
    expect(clearOfOthers(part, [], size)).toBe(part);
  });
});

describe('a first look at a large map, by life event', () => {
  it('groups services by link or PTV code, needs by their event, and the rest by a grouped neighbour', () => {
    const g = lifeEventGroups(entities, links);
    expect(Object.fromEntries(g)).toEqual({
      death: 'death',
      study: 'study',
      funeral: 'death',
      estate: 'death',
      loan: 'study',
      grant: 'death',
      kela: expect.stringMatching(/death|study/),
      web: 'study',
      lonely: null,
    });
  });

  it('lays blocks out without overlaps, each life event at the left of its members', () => {
    const members = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, kind: 'service' as const }));
    const pos = blockLayout(
      [
        { head: 'le1', members: members.slice(0, 120) },
        { head: 'le2', members: members.slice(120, 150) },
        { members: members.slice(150) },
      ],
      size,
    );
    expect(Object.keys(pos)).toHaveLength(302);
    expect(overlapping(pos)).toEqual([]);
    for (const m of members.slice(0, 120)) {
      expect(pos[m.id].x).toBeGreaterThan(pos.le1.x + size.w);
      expect(pos[m.id].y).toBeGreaterThanOrEqual(pos.le1.y);
    }
    // Roughly the screen's shape, not one tall column or one long row.
    const xs = Object.values(pos).map((p) => p.x);
    const ys = Object.values(pos).map((p) => p.y);
    const ratio = (Math.max(...xs) - Math.min(...xs) + size.w) / (Math.max(...ys) - Math.min(...ys) + size.h);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(4);
  });
});

describe('link labels', () => {
  it('keeps only labels that cover no other label and no node', () => {
    // Three services addressing one need from nearly the same place: their labels would pile up.
    const need = { x: 600, y: 0 };
    const links = [
      { id: 'a', a: { x: 0, y: 0 }, b: need, text: 'vastaa tarpeeseen' },
      { id: 'b', a: { x: 0, y: 10 }, b: need, text: 'vastaa tarpeeseen' },
      { id: 'c', a: { x: 0, y: 300 }, b: need, text: 'vastaa tarpeeseen' },
      { id: 'd', a: { x: 0, y: 0 }, b: { x: 0, y: 600 }, text: 'tarjoaa' },
    ];
    const kept = planLinkLabels(links, [{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 0, y: 300 }, need, { x: 0, y: 600 }], size, { char: 6.6, line: 13 });
    expect(kept.has('a') !== kept.has('b')).toBe(true);
    expect(kept.has('c')).toBe(true);
    // Its middle is on the node at (0, 300).
    expect(kept.has('d')).toBe(false);
  });
});

describe('the layered layout of a map with many unlinked nodes', () => {
  it('gives ELK only the linked ones, and still places every node without overlaps', async () => {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    const elk = new ELK();
    const seen: number[] = [];
    const spy = { layout: (g: Parameters<typeof elk.layout>[0]) => (seen.push(g.children?.length ?? 0), elk.layout(g)) };
    const nodes = [
      { id: 'le', kind: 'lifeEvent' as const, x: 0, y: 0, pinned: false },
      { id: 's0', kind: 'service' as const, x: 0, y: 0, pinned: false },
      ...Array.from({ length: 200 }, (_, i) => ({ id: `u${i}`, kind: 'service' as const, x: 0, y: 0, pinned: false })),
    ];
    const { layout } = await import('./layout');
    const pos = await layout(spy, { algorithm: 'layered', nodes, edges: [{ source: 's0', target: 'le' }], size });
    expect(seen).toEqual([2]);
    expect(Object.keys(pos)).toHaveLength(202);
    expect(overlapping(pos)).toEqual([]);
  });
});
