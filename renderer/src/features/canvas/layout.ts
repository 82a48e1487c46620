import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { EntityKind } from '../../../../shared/model';

export type LayoutAlgorithm = 'layered' | 'organic';

export interface LayoutInput {
  algorithm: LayoutAlgorithm;
  nodes: { id: string; kind: EntityKind; x: number; y: number; pinned: boolean }[];
  edges: { source: string; target: string }[];
  size: { w: number; h: number };
}
export type LayoutResult = Record<string, { x: number; y: number }>;

/** Anything that lays out an ELK graph: elkjs itself, in the worker or in a test. */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/** Columns of the layered layout, left to right: life event → needs → services → organisations. */
export const COLUMN: Record<EntityKind, number> = { lifeEvent: 0, persona: 0, need: 1, service: 2, organisation: 3, channel: 4 };

/**
 * Above this many nodes the layered layout gives ELK only links between neighbouring columns.
 * Measured here: ELK's layered algorithm spends most of its time on long links (each becomes a
 * chain of dummy nodes to route); with them, 2,000 nodes take 4–7 s, without them about 1.3 s.
 * Nodes left without any link to lay out by are placed afterwards beside their neighbours.
 */
export const FULL_LINKS_UP_TO = 600;
/** Above this many nodes the organic layout runs our own force simulation instead of ELK's force
 * algorithm, which is quadratic per iteration (500 nodes took 4.7 s here, 2,000 over 90 s). */
export const ELK_FORCE_UP_TO = 300;

const LAYER_GAP = 140;
const NODE_GAP = 28;

/** The ELK graph for the layered layout: columns by kind, only links that cross columns. */
export function layeredGraph(input: LayoutInput): ElkNode {
  const { w, h } = input.size;
  const kind = new Map(input.nodes.map((n) => [n.id, n.kind]));
  const large = input.nodes.length > FULL_LINKS_UP_TO;
  const seen = new Set<string>();
  const edges: ElkExtendedEdge[] = [];
  for (const e of input.edges) {
    const a = kind.get(e.source);
    const b = kind.get(e.target);
    if (!a || !b) continue;
    const span = COLUMN[b] - COLUMN[a];
    // Links inside a column (refers to, collaborates) would only push nodes into extra layers.
    if (span === 0 || (large && Math.abs(span) > 1)) continue;
    const [s, t] = span > 0 ? [e.source, e.target] : [e.target, e.source];
    const key = `${s}\u0000${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, sources: [s], targets: [t] });
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      // Layers come from the kind's column (via x), not from ELK's own layering: the picture
      // always reads life event → needs → services → organisations.
      'elk.layered.layering.strategy': 'INTERACTIVE',
      'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
      'elk.layered.thoroughness': large ? '1' : '7',
      // ELK's vertical positions and link routes are not used (wrapColumns regrids each column
      // in ELK's order; links are drawn straight): the cheapest placement and routing will do,
      // which saves a quarter of the time on 2,000 nodes.
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.layered.mergeEdges': 'true',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.spacing.componentComponent': '80',
      'elk.separateConnectedComponents': 'true',
    },
    children: input.nodes.map((n, i) => ({ id: n.id, width: w, height: h, x: COLUMN[n.kind] * (w + LAYER_GAP * 2), y: i })),
    edges,
  };
}

/** The ELK graph for the organic layout of a small graph (ELK's force-directed algorithm). */
export function forceGraph(input: LayoutInput): ElkNode {
  const { w, h } = input.size;
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'force',
      'elk.force.model': 'FRUCHTERMAN_REINGOLD',
      'elk.force.iterations': '400',
      'elk.spacing.nodeNode': String(Math.round(w * 0.6)),
      'elk.randomSeed': '7',
      'elk.separateConnectedComponents': 'true',
      'elk.spacing.componentComponent': '120',
    },
    children: input.nodes.map((n) => ({ id: n.id, width: w, height: h })),
    edges: input.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  };
}

function fromElk(g: ElkNode): LayoutResult {
  const out: LayoutResult = {};
  for (const c of g.children ?? []) out[c.id] = { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) };
  return out;
}

/**
 * Our own force-directed layout for large graphs (Fruchterman–Reingold with a grid for repulsion,
 * so each step is linear in the graph's size). Pinned nodes do not move. Deterministic.
 */
export function forceLayout(input: LayoutInput, iterations = 250): LayoutResult {
  const n = input.nodes.length;
  const { w, h } = input.size;
  const k = Math.max(w, h) * 1.3; // ideal link length
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const fixed = input.nodes.map((node) => node.pinned);
  // Start on a golden-angle spiral (even, seedless), or from pinned positions.
  const radius = k * Math.sqrt(n) * 0.6;
  input.nodes.forEach((node, i) => {
    if (node.pinned) {
      px[i] = node.x;
      py[i] = node.y;
    } else {
      const a = i * 2.399963;
      const r = radius * Math.sqrt((i + 0.5) / n);
      px[i] = Math.cos(a) * r;
      py[i] = Math.sin(a) * r;
    }
  });
  const edges = input.edges.map((e) => [index.get(e.source), index.get(e.target)]).filter((e): e is [number, number] => e[0] !== undefined && e[1] !== undefined && e[0] !== e[1]);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cell = k * 2;
  let temp = radius / 4;
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    const grid = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = `${Math.floor(px[i] / cell)},${Math.floor(py[i] / cell)}`;
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    }
    for (let i = 0; i < n; i++) {
      const cx = Math.floor(px[i] / cell);
      const cy = Math.floor(py[i] / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of grid.get(`${gx},${gy}`) ?? []) {
            if (j <= i) continue;
            let ddx = px[i] - px[j];
            let ddy = py[i] - py[j];
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 < 1e-6) {
              ddx = ((i * 7) % 13) - 6 || 1;
              ddy = ((j * 5) % 11) - 5 || 1;
              d2 = ddx * ddx + ddy * ddy;
            }
            if (d2 > cell * cell) continue;
            const f = (k * k) / d2;
            dx[i] += ddx * f;
            dy[i] += ddy * f;
            dx[j] -= ddx * f;
            dy[j] -= ddy * f;
          }
        }
      }
    }
    for (const [a, b] of edges) {
      const ddx = px[a] - px[b];
      const ddy = py[a] - py[b];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = d / k;
      dx[a] -= ddx * f;
      dy[a] -= ddy * f;
      dx[b] += ddx * f;
      dy[b] += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      // A weak pull to the centre keeps separate components from drifting apart forever.
      dx[i] -= px[i] * 0.01;
      dy[i] -= py[i] * 0.01;
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (d > 0) {
        const step = Math.min(d, temp);
        px[i] += (dx[i] / d) * step;
        py[i] += (dy[i] / d) * step;
      }
    }
    temp = Math.max(temp * 0.97, k * 0.02);
  }
  const out: LayoutResult = {};
  input.nodes.forEach((node, i) => (out[node.id] = { x: Math.round(px[i]), y: Math.round(py[i]) }));
  return out;
}

/** Nudges boxes apart until none overlap (with a margin); fixed ones do not move. */
export function removeOverlaps(pos: LayoutResult, size: { w: number; h: number }, fixed: ReadonlySet<string> = new Set(), margin = 16): LayoutResult {
  const out: LayoutResult = Object.fromEntries(Object.entries(pos).map(([id, p]) => [id, { ...p }]));
  const ids = Object.keys(out);
  const W = size.w + margin;
  const H = size.h + margin;
  for (let pass = 0; pass < 50; pass++) {
    let moved = false;
    const grid = new Map<string, string[]>();
    for (const id of ids) {
      const key = `${Math.floor(out[id].x / W)},${Math.floor(out[id].y / H)}`;
      (grid.get(key) ?? grid.set(key, []).get(key)!).push(id);
    }
    for (const a of ids) {
      const gx = Math.floor(out[a].x / W);
      const gy = Math.floor(out[a].y / H);
      for (let x = gx - 1; x <= gx + 1; x++) {
        for (let y = gy - 1; y <= gy + 1; y++) {
          for (const b of grid.get(`${x},${y}`) ?? []) {
            if (b <= a) continue;
            const ox = W - Math.abs(out[a].x - out[b].x);
            const oy = H - Math.abs(out[a].y - out[b].y);
            if (ox <= 0 || oy <= 0) continue;
            const fa = fixed.has(a);
            const fb = fixed.has(b);
            if (fa && fb) continue;
            moved = true;
            // Push apart along the axis that needs the smaller move.
            const horizontal = ox * H < oy * W;
            const amount = (horizontal ? ox : oy) + 1;
            const sign = horizontal ? Math.sign(out[b].x - out[a].x || (a < b ? 1 : -1)) : Math.sign(out[b].y - out[a].y || (a < b ? 1 : -1));
            const share = fa || fb ? 1 : 0.5;
            const axis = horizontal ? 'x' : 'y';
            if (!fa) out[a][axis] -= sign * amount * share;
            if (!fb) out[b][axis] += sign * amount * share;
          }
        }
      }
    }
    if (!moved) break;
  }
  for (const id of ids) out[id] = { x: Math.round(out[id].x), y: Math.round(out[id].y) };
  return out;
}

/**
 * Places nodes that had no link in the layout input (long links dropped for speed) in their
 * column beside the average height of their neighbours, instead of in a heap at the side.
 */
export function placeByNeighbours(pos: LayoutResult, input: LayoutInput, laidOut: ReadonlySet<string>): LayoutResult {
  const out = { ...pos };
  const colX = new Map<number, number>();
  for (const n of input.nodes) if (laidOut.has(n.id)) colX.set(COLUMN[n.kind], Math.min(colX.get(COLUMN[n.kind]) ?? Infinity, pos[n.id].x));
  const neighbours = new Map<string, string[]>();
  for (const e of input.edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  for (const n of input.nodes) {
    if (laidOut.has(n.id)) continue;
    const ys = (neighbours.get(n.id) ?? []).filter((m) => laidOut.has(m)).map((m) => pos[m].y);
    if (!ys.length) continue;
    const x = colX.get(COLUMN[n.kind]) ?? Math.max(...[...colX.values()], 0) + input.size.w + LAYER_GAP;
    out[n.id] = { x, y: ys.reduce((s, y) => s + y, 0) / ys.length };
  }
  return out;
}

/**
 * Folds tall columns into several side by side, so the layered picture fits a wide screen: ELK
 * puts all fifty services of a workshop map in one column, readable only when zoomed far in.
 * The order ELK chose (which keeps crossings down) is kept, row by row, so each node stays at
 * about the same height as its neighbours in the next column.
 */
export function wrapColumns(pos: LayoutResult, input: LayoutInput, aspect = 16 / 9): LayoutResult {
  const { w, h } = input.size;
  const cellW = w + 40;
  const cellH = h + NODE_GAP;
  const cols = new Map<number, string[]>();
  for (const n of input.nodes) {
    if (!pos[n.id]) continue;
    const c = COLUMN[n.kind];
    (cols.get(c) ?? cols.set(c, []).get(c)!).push(n.id);
  }
  const order = [...cols.keys()].sort((a, b) => a - b);
  for (const c of order) cols.get(c)!.sort((a, b) => pos[a].y - pos[b].y || pos[a].x - pos[b].x);
  const tallest = Math.max(0, ...[...cols.values()].map((l) => l.length));
  if (!tallest) return pos;
  let best = tallest;
  let bestScore = Infinity;
  for (let rows = Math.min(tallest, 4); rows <= tallest; rows++) {
    const width = order.reduce((s, c) => s + Math.ceil(cols.get(c)!.length / rows) * cellW, 0) + (order.length - 1) * LAYER_GAP;
    const score = Math.abs(Math.log(width / (rows * cellH) / aspect));
    if (score < bestScore) {
      bestScore = score;
      best = rows;
    }
  }
  const out: LayoutResult = {};
  let x = 0;
  for (const c of order) {
    const list = cols.get(c)!;
    const per = Math.ceil(list.length / best);
    const rows = Math.ceil(list.length / per);
    // Each column is centred on the tallest one.
    const top = ((best - rows) * cellH) / 2;
    list.forEach((id, i) => (out[id] = { x: x + (i % per) * cellW, y: Math.round(top + Math.floor(i / per) * cellH) }));
    x += per * cellW + LAYER_GAP;
  }
  return out;
}

/**
 * Keeps pinned nodes where they are: the new layout is shifted so that, on average, it puts the
 * pinned nodes where they already stand; then the pinned ones are put back exactly and the rest
 * moved off them. Without pins the layout keeps its old top-left corner, so it does not jump away.
 */
export function keepPinned(result: LayoutResult, input: LayoutInput): LayoutResult {
  const pinned = input.nodes.filter((n) => n.pinned && result[n.id]);
  let ox = 0;
  let oy = 0;
  if (pinned.length) {
    for (const n of pinned) {
      ox += n.x - result[n.id].x;
      oy += n.y - result[n.id].y;
    }
    ox /= pinned.length;
    oy /= pinned.length;
  } else if (input.nodes.length) {
    const rs = Object.values(result);
    ox = Math.min(...input.nodes.map((n) => n.x)) - Math.min(...rs.map((p) => p.x));
    oy = Math.min(...input.nodes.map((n) => n.y)) - Math.min(...rs.map((p) => p.y));
  }
  const out: LayoutResult = {};
  for (const [id, p] of Object.entries(result)) out[id] = { x: Math.round(p.x + ox), y: Math.round(p.y + oy) };
  for (const n of pinned) out[n.id] = { x: n.x, y: n.y };
  return pinned.length ? removeOverlaps(out, input.size, new Set(pinned.map((n) => n.id))) : out;
}

/** Lays out the graph: ELK layered or force for what ELK handles in time, our force layout above that. */
export async function layout(elk: ElkLike, input: LayoutInput): Promise<LayoutResult> {
  if (!input.nodes.length) return {};
  if (input.algorithm === 'layered') {
    const linked = new Set<string>();
    for (const e of input.edges) {
      linked.add(e.source);
      linked.add(e.target);
    }
    // Nodes without any link go after the rest of their column (wrapColumns) instead of into
    // ELK: hundreds of unlinked imported services made ELK take over ten seconds, each a
    // component of its own.
    const g = layeredGraph({ ...input, nodes: input.nodes.filter((n) => linked.has(n.id)) });
    const laidOut = new Set<string>();
    for (const e of g.edges ?? []) {
      laidOut.add(e.sources[0]);
      laidOut.add(e.targets[0]);
    }
    let pos = g.children?.length ? fromElk(await elk.layout(g)) : {};
    const below = Math.max(0, ...Object.values(pos).map((p) => p.y)) + 1;
    input.nodes.forEach((n, i) => {
      if (!pos[n.id]) pos[n.id] = { x: COLUMN[n.kind] * (input.size.w + LAYER_GAP * 2), y: below + i };
    });
    // Isolated in the layout input only because their links were dropped: placed by their
    // neighbours' height, then wrapColumns puts every column on a grid (no overlaps to remove).
    if (input.nodes.length > FULL_LINKS_UP_TO) pos = placeByNeighbours(pos, input, laidOut);
    return keepPinned(wrapColumns(pos, input), input);
  }
  if (input.nodes.length <= ELK_FORCE_UP_TO) {
    const pos = removeOverlaps(fromElk(await elk.layout(forceGraph(input))), input.size);
    return keepPinned(pos, input);
  }
  const pos = forceLayout(input);
  const pinned = new Set(input.nodes.filter((n) => n.pinned).map((n) => n.id));
  return removeOverlaps(pos, input.size, pinned);
}

/** A first layout of a large map, block by block: one block per life event, then one for the rest. */
export interface Block {
  /** The life event the block is about, drawn at its top left (none for the rest). */
  head?: string;
  members: { id: string; kind: EntityKind }[];
}

/**
 * Lays out blocks (one per life event) as readable groups instead of one grid of hundreds of
 * nodes: each block has its life event at the left and its members in a few columns beside it,
 * by kind (needs, services, organisations, channels); blocks are packed in rows about as wide as
 * the screen's aspect asks. Cheap and deterministic, so a freshly imported map opens at once.
 */
export function blockLayout(blocks: readonly Block[], size: { w: number; h: number }, aspect = 16 / 9): LayoutResult {
  const cellW = size.w + 40;
  const cellH = size.h + NODE_GAP;
  const GAP = 160;
  const boxes = blocks
    .filter((b) => b.head || b.members.length)
    .map((b) => {
      const members = [...b.members].sort((a, c) => COLUMN[a.kind] - COLUMN[c.kind]);
      // About three rows for each column, so a block is wider than tall, like the screen.
      const cols = Math.max(1, Math.ceil(Math.sqrt(members.length / 3)));
      const rows = Math.max(1, Math.ceil(members.length / cols));
      const headW = b.head ? cellW + 60 : 0;
      return { b, members, cols, w: headW + cols * cellW, h: rows * cellH, headW };
    });
  const area = boxes.reduce((s, x) => s + (x.w + GAP) * (x.h + GAP), 0);
  const rowWidth = Math.max(Math.sqrt(area * aspect), ...boxes.map((x) => x.w));
  const out: LayoutResult = {};
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const box of boxes) {
    if (x > 0 && x + box.w > rowWidth) {
      x = 0;
      y += rowH + GAP;
      rowH = 0;
    }
    if (box.b.head) out[box.b.head] = { x, y };
    box.members.forEach((m, i) => (out[m.id] = { x: x + box.headW + (i % box.cols) * cellW, y: y + Math.floor(i / box.cols) * cellH }));
    x += box.w + GAP;
    rowH = Math.max(rowH, box.h);
  }
  return out;
}

/** The bounding box of nodes of one size (or null for none). */
export function bounds(pos: Iterable<{ x: number; y: number }>, size: { w: number; h: number }): { x0: number; y0: number; x1: number; y1: number } | null {
  let b: { x0: number; y0: number; x1: number; y1: number } | null = null;
  for (const p of pos) {
    if (!b) b = { x0: p.x, y0: p.y, x1: p.x + size.w, y1: p.y + size.h };
    else {
      b.x0 = Math.min(b.x0, p.x);
      b.y0 = Math.min(b.y0, p.y);
      b.x1 = Math.max(b.x1, p.x + size.w);
      b.y1 = Math.max(b.y1, p.y + size.h);
    }
  }
  return b;
}

/**
 * Keeps a laid-out part of the map (a filtered view, or newly imported nodes) off the nodes that
 * were not part of it: where the part's area would cover any of them, the whole part moves, as
 * laid out, into the free space to the right of everything else, top-aligned with it. Nothing
 * else moves, and a part that already stands clear stays where it is.
 */
export function clearOfOthers(part: LayoutResult, others: readonly { x: number; y: number }[], size: { w: number; h: number }, gap = 160): LayoutResult {
  const mine = bounds(Object.values(part), size);
  const rest = bounds(others, size);
  if (!mine || !rest) return part;
  const covers = others.some((o) => o.x + size.w + 24 > mine.x0 && o.x - 24 < mine.x1 && o.y + size.h + 20 > mine.y0 && o.y - 20 < mine.y1);
  if (!covers) return part;
  const dx = rest.x1 + gap - mine.x0;
  const dy = rest.y0 - mine.y0;
  return Object.fromEntries(Object.entries(part).map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
}
