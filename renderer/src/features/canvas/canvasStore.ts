import { applyEdgeChanges, applyNodeChanges, Position, type Edge, type EdgeChange, type Node, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { CanvasFiltersSchema, MAIN_VIEW, type CanvasFilters, type CanvasView, type NodePosition, type Viewport } from '../../../../shared/api/canvas';
import type { Entity, EntityKind, Link, LinkType } from '../../../../shared/model';
import type { Analysis, NodeMetrics } from './analysis';
import { COLUMN } from './layout';
import type { NodeSize } from './shapes';

export interface EntityNodeData extends Record<string, unknown> {
  kind: EntityKind;
  label: string;
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
  /** Labels on every link (small maps); on large ones only around the selection. */
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
  kindLabel(k: EntityKind): string;
  linkLabel(t: LinkType): string;
  badge(colour: ColourBy, n: number): string;
  /** The node's name for screen readers: kind, name, pinned, number of links. */
  ariaLabel(kindLabel: string, name: string, pinned: boolean, links: number): string;
  metrics: Map<string, NodeMetrics> | null;
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
 * React Flow nodes and edges for what the view shows. Unchanged nodes and edges keep their
 * previous objects (and so their selection and measurements), so that after an edit elsewhere
 * only what changed is rendered again. Nodes without a position are placed in a column per kind
 * to the right of the map and reported, to be saved.
 */
export function deriveGraph(prevNodes: readonly Node[], prevEdges: readonly Edge[], d: DeriveInput): { nodes: Node[]; edges: Edge[]; unplaced: { id: string; x: number; y: number }[] } {
  const prev = new Map(prevNodes.map((n) => [n.id, n]));
  const shown = d.entities.filter((e) => d.visible.has(e.id));
  const placed = shown.filter((e) => d.positions[e.id]);
  const maxX = placed.length ? Math.max(...placed.map((e) => d.positions[e.id].x)) + d.size.w + 240 : 0;
  const minY = placed.length ? Math.min(...placed.map((e) => d.positions[e.id].y)) : 0;
  const rowInColumn = new Map<number, number>();
  const unplaced: { id: string; x: number; y: number }[] = [];
  const pos = new Map<string, { x: number; y: number; pinned: boolean }>();
  for (const e of shown) {
    const p = d.positions[e.id];
    if (p) {
      pos.set(e.id, p);
      continue;
    }
    const col = COLUMN[e.kind];
    const row = rowInColumn.get(col) ?? 0;
    rowInColumn.set(col, row + 1);
    const at = { x: maxX + col * (d.size.w + 120), y: minY + row * (d.size.h + 28) };
    unplaced.push({ id: e.id, ...at });
    pos.set(e.id, { ...at, pinned: false });
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
  const labels = shownLinks.length <= LINK_LABEL_LIMIT;
  const edges: Edge[] = shownLinks.map((l) => {
    const old = prevEdgeMap.get(l.id);
    const label = d.linkLabel(l.type);
    const data: LinkEdgeData = { type: l.type, label, w: d.size.w, h: d.size.h, labels };
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
  set(p: Partial<CanvasStore>): void;
  onNodesChange(changes: NodeChange[]): void;
  onEdgesChange(changes: EdgeChange[]): void;
  /** Selects exactly these nodes (and no links). */
  selectOnly(ids: readonly string[]): void;
}

export const DEFAULT_FILTERS: CanvasFilters = CanvasFiltersSchema.parse({});

export const useCanvas = create<CanvasStore>((set, get) => ({
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
