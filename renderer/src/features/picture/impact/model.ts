import type { ElkNode } from 'elkjs/lib/elk-api';
import { IMPACT_STAGES, type Goal, type ImpactBox, type ImpactLink, type ImpactStage, type PictureItem } from '../../../../../shared/picture';

/**
 * The impact logic's pure rules and geometry: what may link to what, where each stage's column
 * stands, and the ELK graph that orders boxes inside their columns. No React, no API: the canvas,
 * the outline and the tests share these.
 */

export interface ImpactModel {
  boxes: ImpactBox[];
  links: ImpactLink[];
  goals: Goal[];
}

/** The impact-logic items of a picture, in a stable order (stage, then name as stored). */
export function impactModel(items: readonly PictureItem[]): ImpactModel {
  const boxes = items.filter((i): i is ImpactBox => i.kind === 'impactBox');
  boxes.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
  return {
    boxes,
    links: items.filter((i): i is ImpactLink => i.kind === 'impactLink'),
    goals: items.filter((i): i is Goal => i.kind === 'goal'),
  };
}

export function stageIndex(stage: ImpactStage): number {
  return IMPACT_STAGES.indexOf(stage);
}

/** Why a link from one box to another is not allowed, or null when it is (left to right only). */
export type LinkRefusal = 'self' | 'sameStage' | 'backwards' | 'duplicate';

export function linkRefusal(from: Pick<ImpactBox, 'id' | 'stage'>, to: Pick<ImpactBox, 'id' | 'stage'>, links: readonly Pick<ImpactLink, 'source' | 'target'>[] = []): LinkRefusal | null {
  if (from.id === to.id) return 'self';
  const d = stageIndex(to.stage) - stageIndex(from.stage);
  if (d === 0) return 'sameStage';
  if (d < 0) return 'backwards';
  if (links.some((l) => l.source === from.id && l.target === to.id)) return 'duplicate';
  return null;
}

/** Boxes a box may lead to: those in later stages it does not lead to yet, stage by stage. */
export function linkCandidates(from: ImpactBox, boxes: readonly ImpactBox[], links: readonly ImpactLink[]): ImpactBox[] {
  return boxes.filter((b) => linkRefusal(from, b, links) === null).sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
}

/**
 * The links that moving a box to another stage would turn backwards or into its own stage: such a
 * move is refused with their names, rather than leaving links that break the chain's direction.
 */
export function linksBrokenByStage(box: ImpactBox, stage: ImpactStage, boxes: readonly ImpactBox[], links: readonly ImpactLink[]): ImpactLink[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const moved = { ...box, stage };
  return links.filter((l) => {
    if (l.source !== box.id && l.target !== box.id) return false;
    const from = l.source === box.id ? moved : byId.get(l.source);
    const to = l.target === box.id ? moved : byId.get(l.target);
    if (!from || !to) return false;
    const d = stageIndex(to.stage) - stageIndex(from.stage);
    return d <= 0;
  });
}

/** Geometry of the drawing, in flow units. */
export const BOX = { w: 200, h: 108 } as const;
/** Space between columns: wide enough for an assumption's label on a link between neighbours. */
export const COLUMN_GAP = 116;
export const ROW_GAP = 26;
/** Where the first box of a column starts, below the column's header. */
export const TOP = 70;

export function columnX(stage: ImpactStage): number {
  return stageIndex(stage) * (BOX.w + COLUMN_GAP);
}

/**
 * The ELK graph: one partition per stage, so ELK's layered algorithm keeps the stages in order,
 * left to right, and orders boxes inside each column to keep crossings down.
 */
export function elkGraph(boxes: readonly ImpactBox[], links: readonly ImpactLink[]): ElkNode {
  const ids = new Set(boxes.map((b) => b.id));
  return {
    id: 'impact',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
      'elk.spacing.nodeNode': String(ROW_GAP),
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.thoroughness': '10',
      // One picture, not islands: unlinked boxes stay in their column with the rest.
      'elk.separateConnectedComponents': 'false',
    },
    children: boxes.map((b) => ({ id: b.id, width: BOX.w, height: BOX.h, layoutOptions: { 'elk.partitioning.partition': String(stageIndex(b.stage)) } })),
    edges: links
      .filter((l) => ids.has(l.source) && ids.has(l.target))
      .map((l) => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  };
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Puts every box in its stage's column (ELK may spread one partition over several layers when a
 * link skips stages) and keeps ELK's vertical order, pushing boxes down only where they would
 * overlap. Empty stages keep their column, so the headers stand in the same place whatever is drawn.
 */
export function snapToColumns(elkPos: Positions, boxes: readonly ImpactBox[]): Positions {
  const out: Positions = {};
  const minY = Math.min(0, ...Object.values(elkPos).map((p) => p.y));
  for (const stage of IMPACT_STAGES) {
    const column = boxes
      .filter((b) => b.stage === stage)
      .map((b, i) => ({ id: b.id, y: (elkPos[b.id]?.y ?? Infinity) - minY, i }))
      // Boxes ELK did not place (none, normally) go last, in stored order.
      .sort((a, b) => a.y - b.y || a.i - b.i);
    let next = TOP;
    for (const b of column) {
      const y = Number.isFinite(b.y) ? Math.max(TOP + b.y, next) : next;
      out[b.id] = { x: columnX(stage), y: Math.round(y) };
      next = y + BOX.h + ROW_GAP;
    }
  }
  return out;
}

/** Anything that lays out an ELK graph: the canvas's layout worker, or elkjs itself in a test. */
export type ElkRun = (graph: ElkNode) => Promise<Positions>;

/** Positions of every box: ELK's order, snapped into stage columns. */
export async function impactLayout(run: ElkRun, boxes: readonly ImpactBox[], links: readonly ImpactLink[]): Promise<Positions> {
  if (!boxes.length) return {};
  return snapToColumns(await run(elkGraph(boxes, links)), boxes);
}

/** Until ELK answers (or if it fails), boxes stand in their columns in stored order. */
export function plainLayout(boxes: readonly ImpactBox[]): Positions {
  return snapToColumns({}, boxes);
}

/** Below this zoom a box's name is too small to read (15 px type at 0.62 is about 9 px). */
export const READABLE_ZOOM = 0.62;
const MARGIN = 16;

/**
 * The viewport that opens the diagram: every column when they fit at a readable zoom (never
 * above 1), otherwise readable from the first column on; vertically centred, or from the top
 * when the columns are taller than the pane.
 */
export function startViewport(paneW: number, paneH: number, contentH: number): { x: number; y: number; zoom: number } {
  const left = columnX('basis') - 12;
  const width = columnX('impacts') + BOX.w + 12 - left;
  const zoom = Math.round(Math.min(1, Math.max(READABLE_ZOOM, Math.min((paneW - 2 * MARGIN) / width, (paneH - 2 * MARGIN) / contentH))) * 1000) / 1000;
  const x = MARGIN - left * zoom;
  const y = Math.max(MARGIN, (paneH - contentH * zoom) / 2);
  return { x: Math.round(x), y: Math.round(y), zoom };
}

/** The stage whose column contains a point on the flow (a double-click there adds a box to it). */
export function stageAt(x: number): ImpactStage | null {
  const i = Math.floor((x + COLUMN_GAP / 2) / (BOX.w + COLUMN_GAP));
  return i >= 0 && i < IMPACT_STAGES.length ? IMPACT_STAGES[i] : null;
}

/** The next box in a direction from one box, for moving through the drawing with the arrow keys. */
export function neighbour(fromId: string, dir: 'left' | 'right' | 'up' | 'down', boxes: readonly ImpactBox[], pos: Positions): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from || !pos[fromId]) return null;
  const here = pos[fromId];
  if (dir === 'up' || dir === 'down') {
    const column = boxes.filter((b) => b.stage === from.stage && pos[b.id]).sort((a, b) => pos[a.id].y - pos[b.id].y);
    const i = column.findIndex((b) => b.id === fromId);
    return column[dir === 'up' ? i - 1 : i + 1]?.id ?? null;
  }
  const step = dir === 'left' ? -1 : 1;
  for (let s = stageIndex(from.stage) + step; s >= 0 && s < IMPACT_STAGES.length; s += step) {
    const column = boxes.filter((b) => b.stage === IMPACT_STAGES[s] && pos[b.id]);
    if (!column.length) continue;
    column.sort((a, b) => Math.abs(pos[a.id].y - here.y) - Math.abs(pos[b.id].y - here.y));
    return column[0].id;
  }
  return null;
}

/** A fresh id for a new picture item, readable in exports (`impactBox-…`). */
export function newItemId(kind: 'impactBox' | 'impactLink' | 'goal'): string {
  return `${kind}-${crypto.randomUUID()}`;
}

type Pt = { x: number; y: number };

/**
 * Where a link's label stands: on the curve, in the middle of the first gap after its source box.
 * Between neighbouring stages that is the link's middle; a link that skips stages keeps its label
 * in a gap too, rather than on top of the boxes of the stages it passes.
 */
export function labelPoint(p0: Pt, c1: Pt, c2: Pt, p3: Pt): Pt {
  const at = (t: number) => {
    const u = 1 - t;
    return {
      x: u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p3.x,
      y: u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p3.y,
    };
  };
  const wantX = p0.x + Math.min(COLUMN_GAP, p3.x - p0.x) / 2;
  // x grows with t along these left-to-right curves: bisection finds the point.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid).x < wantX) lo = mid;
    else hi = mid;
  }
  const p = at((lo + hi) / 2);
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
