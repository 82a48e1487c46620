import { applyEdgeChanges, applyNodeChanges, Position, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { CanvasFiltersSchema, MAIN_VIEW, type CanvasFilters, type CanvasView, type NodePosition, type Viewport } from '../../../../shared/api/canvas';
import type { Entity, EntityKind, Link, LinkType } from '../../../../shared/model';
import type { Analysis, NodeMetrics } from './analysis';
import { COLUMN } from './layout';
import type { NodeSize } from './shapes';
import type { SummaryGrouping } from './graph';
import type { SummaryGroup } from './summary';

export interface EntityNodeData extends Record<string, unknown> {
  kind: EntityKind;
  label: string;
  /** The language the label is in (it may fall back to another than the user's), for hyphenation. */
  lang: string;
  kindLabel: string;
  pinned: boolean;
  w: number;
  h: number;
  /** Radius of the analysis halo (0: none). */
  halo: number;
  /** Analysis fill colour ('' : none) and its text badge, so the grouping is never colour alone. */
  fill: string;
  badge: string;
  /** The node a keyboard connection starts from. */
  connecting: boolean;
}
export type EntityNodeT = Node<EntityNodeData, 'entity'>;

export interface LinkEdgeData extends Record<string, unknown> {
  type: LinkType;
  label: string;
  w: number;
  h: number;
  /** Whether the link shows its label (always when it touches the selection). */
  labels: boolean;
}
export type LinkEdgeT = Edge<LinkEdgeData, 'link'>;

export type SizeBy = 'none' | 'degree' | 'betweenness' | 'broker';
export type ColourBy = 'kind' | 'community' | 'component';
export interface Overlay {
  size: SizeBy;
  colour: ColourBy;
}

/** Light tints for analysis groups; every one keeps dark text readable (contrast ≥ 7:1). */
export const GROUP_FILLS = ['#fde2e4', '#dbeafe', '#dcfce7', '#fef3c7', '#ede9fe', '#cffafe', '#ffe4e6', '#e0e7ff', '#ecfccb', '#fae8ff', '#e2e8f0', '#fff7ed'];

/** Beyond this many links on screen, link labels appear only around the selection. */
export const LINK_LABEL_LIMIT = 250;
/** Beyond this many nodes, React Flow renders only what is inside the viewport. */
export const VISIBLE_ONLY_ABOVE = 300;

export interface DeriveInput {
  entities: readonly Entity[];
  links: readonly Link[];
  visible: ReadonlySet<string>;
  positions: Record<string, NodePosition>;
  size: NodeSize;
  name(e: Entity): string;
  /** The language of the name shown for an entity. */
  nameLang(e: Entity): string;
  kindLabel(k: EntityKind): string;
  linkLabel(t: LinkType): string;
  badge(colour: ColourBy, n: number): string;
  /** The node's name for screen readers: kind, name, pinned, number of links. */
  ariaLabel(kindLabel: string, name: string, pinned: boolean, links: number): string;
  metrics: Map<string, NodeMetrics> | null;
  /** The link labels' size on screen, in flow units: width of a character and height of a line. */
  labelFont: { char: number; line: number };
  overlay: Overlay;
  connectFrom: string | null;
  /** Plain React Flow nodes and edges: the benchmark's baseline on the same graph. */
  baseline: boolean;
}

function haloRadius(m: NodeMetrics | undefined, by: SizeBy, max: number, size: NodeSize): number {
  if (!m || by === 'none' || max <= 0) return 0;
  const v = by === 'degree' ? m.degree : by === 'betweenness' ? m.betweenness : (m.broker ?? 0);
  if (v <= 0) return 0;
  // Area grows with the value, so a node with twice the value has a halo of twice the area.
  return Math.round(size.w * 0.6 + 130 * Math.sqrt(v / max));
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k in b) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Which links show their label: each label sits at its link's middle, and one that would cover
 * a label already kept (links in parallel, or converging on one node) or a node is left out, so
 * labels never pile up into "vastaa tarpeesee vastaa tarpeeseen". The legend names every link
 * type, and a selected node's links show theirs anyway. Shorter links first: their labels have
 * the least room elsewhere.
 */
export function planLinkLabels(
  links: readonly { id: string; a: { x: number; y: number }; b: { x: number; y: number }; text: string }[],
  nodes: readonly { x: number; y: number }[],
  size: NodeSize,
  font: { char: number; line: number },
): Set<string> {
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = nodes.map((n) => ({ x0: n.x, y0: n.y, x1: n.x + size.w, y1: n.y + size.h }));
  const hits = (b: { x0: number; y0: number; x1: number; y1: number }) => boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1);
  const kept = new Set<string>();
  const order = [...links].sort((p, q) => Math.hypot(p.b.x - p.a.x, p.b.y - p.a.y) - Math.hypot(q.b.x - q.a.x, q.b.y - q.a.y));
  for (const l of order) {
    const mx = (l.a.x + l.b.x) / 2 + size.w / 2;
    const my = (l.a.y + l.b.y) / 2 + size.h / 2;
    const half = (l.text.length * font.char) / 2 + 3;
    const box = { x0: mx - half, y0: my - font.line / 2 - 2, x1: mx + half, y1: my + font.line / 2 + 2 };
    if (hits(box)) continue;
    boxes.push(box);
    kept.add(l.id);
  }
  return kept;
}

/**
 * Places for the nodes of a view that have none yet: a column per kind to the right of the
 * placed ones (a first layout then tidies them). Computed over every entity of the view.
 */
export function placeUnplaced(entities: readonly Entity[], positions: Record<string, NodePosition>, size: NodeSize): { id: string; x: number; y: number }[] {
  let maxX = -Infinity;
  let minY = Infinity;
  for (const e of entities) {
    const p = positions[e.id];
    if (!p) continue;
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
  }
  const x0 = maxX === -Infinity ? 0 : maxX + size.w + 240;
  const y0 = minY === Infinity ? 0 : minY;
  const rowInColumn = new Map<number, number>();
  const out: { id: string; x: number; y: number }[] = [];
  for (const e of entities) {
    if (positions[e.id]) continue;
    const col = COLUMN[e.kind];
    const row = rowInColumn.get(col) ?? 0;
    rowInColumn.set(col, row + 1);
    out.push({ id: e.id, x: x0 + col * (size.w + 120), y: y0 + row * (size.h + 28) });
  }
  return out;
}

/**
 * React Flow nodes and edges for what the view shows. Unchanged nodes and edges keep their
 * previous objects (and so their selection and measurements), so that after an edit elsewhere
 * only what changed is rendered again. Nodes of the view without a position (shown or not) are
 * reported with a provisional place (placeUnplaced), to be laid out and saved.
 */
export function deriveGraph(prevNodes: readonly Node[], prevEdges: readonly Edge[], d: DeriveInput): { nodes: Node[]; edges: Edge[]; unplaced: { id: string; x: number; y: number }[] } {
  const prev = new Map(prevNodes.map((n) => [n.id, n]));
  const shown = d.entities.filter((e) => d.visible.has(e.id));
  // Places for nodes without one are worked out over the whole view, hidden nodes included, so
  // that a filter changes neither where they go nor what they land on.
  const unplaced = placeUnplaced(d.entities, d.positions, d.size);
  const fallback = new Map(unplaced.map((u) => [u.id, u]));
  const pos = new Map<string, { x: number; y: number; pinned: boolean }>();
  for (const e of shown) {
    const p = d.positions[e.id];
    const f = fallback.get(e.id);
    pos.set(e.id, p ?? { x: f!.x, y: f!.y, pinned: false });
  }

  const degree = new Map<string, number>();
  for (const l of d.links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  let maxMetric = 0;
  if (d.metrics && d.overlay.size !== 'none') {
    for (const m of d.metrics.values()) {
      const v = d.overlay.size === 'degree' ? m.degree : d.overlay.size === 'betweenness' ? m.betweenness : (m.broker ?? 0);
      if (v > maxMetric) maxMetric = v;
    }
  }

  // Reading order for Tab: column by column (life events first), top to bottom.
  const ordered = [...shown].sort((a, b) => COLUMN[a.kind] - COLUMN[b.kind] || pos.get(a.id)!.y - pos.get(b.id)!.y || pos.get(a.id)!.x - pos.get(b.id)!.x);
  const names = new Map<string, string>();
  const nodes: Node[] = ordered.map((e) => {
    const p = pos.get(e.id)!;
    const label = d.name(e);
    names.set(e.id, label);
    const old = prev.get(e.id);
    const m = d.metrics?.get(e.id);
    const group = m && d.overlay.colour !== 'kind' ? (d.overlay.colour === 'community' ? m.community : m.component) : 0;
    const kindLabel = d.kindLabel(e.kind);
    const data: EntityNodeData = d.baseline
      ? ({ label } as unknown as EntityNodeData)
      : {
          kind: e.kind,
          label,
          lang: d.nameLang(e),
          kindLabel,
          pinned: p.pinned,
          w: d.size.w,
          h: d.size.h,
          halo: haloRadius(m, d.overlay.size, maxMetric, d.size),
          fill: group ? GROUP_FILLS[(group - 1) % GROUP_FILLS.length] : '',
          badge: group ? d.badge(d.overlay.colour, group) : '',
          connecting: d.connectFrom === e.id,
        };
    const ariaLabel = d.ariaLabel(kindLabel, label, p.pinned, degree.get(e.id) ?? 0);
    if (old && old.width === d.size.w && old.ariaLabel === ariaLabel && sameData(old.data, data) && (old.dragging || (old.position.x === p.x && old.position.y === p.y))) return old;
    const { w, h } = d.size;
    return {
      id: e.id,
      type: d.baseline ? 'default' : 'entity',
      position: old?.dragging ? old.position : { x: p.x, y: p.y },
      data,
      width: w,
      height: h,
      // Known sizes and handle places: links are drawn at once, before the browser has measured anything.
      measured: { width: w, height: h },
      handles: [
        { id: 't', type: 'target', position: Position.Left, x: 0, y: h / 2 - 0.5, width: 1, height: 1 },
        { id: 's', type: 'source', position: Position.Right, x: w - 1, y: h / 2 - 0.5, width: 1, height: 1 },
      ],
      selected: old?.selected ?? false,
      ariaLabel,
    } satisfies Node;
  });

  const prevEdgeMap = new Map(prevEdges.map((e) => [e.id, e]));
  const shownLinks = d.links.filter((l) => d.visible.has(l.source) && d.visible.has(l.target));
  const labelled =
    shownLinks.length <= LINK_LABEL_LIMIT
      ? planLinkLabels(
          shownLinks.map((l) => ({ id: l.id, a: pos.get(l.source)!, b: pos.get(l.target)!, text: d.linkLabel(l.type) })),
          [...pos.values()],
          d.size,
          d.labelFont,
        )
      : new Set<string>();
  const edges: Edge[] = shownLinks.map((l) => {
    const old = prevEdgeMap.get(l.id);
    const label = d.linkLabel(l.type);
    const data: LinkEdgeData = { type: l.type, label, w: d.size.w, h: d.size.h, labels: labelled.has(l.id) };
    const ariaLabel = `${names.get(l.source)} – ${label} – ${names.get(l.target)}`;
    if (old && old.source === l.source && old.target === l.target && old.ariaLabel === ariaLabel && sameData(old.data ?? {}, data)) return old;
    return {
      id: l.id,
      type: d.baseline ? 'default' : 'link',
      source: l.source,
      target: l.target,
      sourceHandle: 's',
      targetHandle: 't',
      data,
      selected: old?.selected ?? false,
      ariaLabel,
    } satisfies Edge;
  });
  return { nodes, edges, unplaced };
}

export interface QuickCreate {
  /** Where the node goes, in flow coordinates. */
  x: number;
  y: number;
  /** Where the form appears, relative to the canvas. */
  left: number;
  top: number;
  kind: EntityKind;
}

export interface PendingDelete {
  ids: string[];
  linkIds: string[];
  /** Links that go with the nodes (not themselves selected). */
  alsoLinks: number;
  names: string[];
}

interface CanvasStore {
  /** The workspace (its path) the state below belongs to. */
  workspace: string | null;
  view: string;
  views: CanvasView[];
  positions: Record<string, NodePosition>;
  savedViewport: Viewport | null;
  loadedView: string | null;
  filters: CanvasFilters;
  nodes: Node[];
  edges: Edge[];
  selected: ReadonlySet<string>;
  editing: string | null;
  overlay: Overlay;
  analysis: Analysis | null;
  analysisFor: string | null;
  analysing: boolean;
  interaction: 'pan' | 'select';
  connectFrom: string | null;
  quick: QuickCreate | null;
  pendingDelete: PendingDelete | null;
  layingOut: boolean;
  /** A large view's summary: the grouping chosen (null: the one that splits the map best), the groups drawn, or the whole map. */
  summary: { by: SummaryGrouping | null; expanded: string[]; all: boolean };
  /** What the summary shows now (null: the view is small enough to draw whole, or the user asked for all of it). */
  summaryShown: { by: SummaryGrouping; groups: SummaryGroup[]; total: number } | null;
  set(p: Partial<CanvasStore>): void;
  onNodesChange(changes: NodeChange[]): void;
  onEdgesChange(changes: EdgeChange[]): void;
  /** Selects exactly these nodes (and no links). */
  selectOnly(ids: readonly string[]): void;
}

export const DEFAULT_FILTERS: CanvasFilters = CanvasFiltersSchema.parse({});

export const useCanvas = create<CanvasStore>((set, get) => ({
  workspace: null,
  view: MAIN_VIEW,
  views: [],
  positions: {},
  savedViewport: null,
  loadedView: null,
  filters: DEFAULT_FILTERS,
  nodes: [],
  edges: [],
  selected: new Set(),
  editing: null,
  overlay: { size: 'none', colour: 'kind' },
  analysis: null,
  analysisFor: null,
  analysing: false,
  interaction: 'pan',
  connectFrom: null,
  quick: null,
  pendingDelete: null,
  layingOut: false,
  summary: { by: null, expanded: [], all: false },
  summaryShown: null,
  set: (p) => set(p),
  onNodesChange(changes) {
    const nodes = applyNodeChanges(changes, get().nodes);
    if (changes.some((c) => c.type === 'select')) set({ nodes, selected: new Set(nodes.filter((n) => n.selected).map((n) => n.id)) });
    else set({ nodes });
  },
  onEdgesChange(changes) {
    set({ edges: applyEdgeChanges(changes, get().edges) });
  },
  selectOnly(ids) {
    const want = new Set(ids);
    const nodes = get().nodes.map((n) => (!!n.selected === want.has(n.id) ? n : { ...n, selected: want.has(n.id) }));
    const edges = get().edges.map((e) => (e.selected ? { ...e, selected: false } : e));
    set({ nodes, edges, selected: want });
  },
}));
