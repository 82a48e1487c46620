import { analysisInputKey } from './analysisKey';
import type { ReactFlowInstance } from '@xyflow/react';
import { MAIN_VIEW, type CanvasClip, type CanvasFilters, MOVE_REASONS } from '../../../../shared/api/canvas';
import { AppError } from '../../../../shared/api/result';
import { LINK_TYPES, linkTypesBetween, neutralMeters, pickText, type Entity, type EntityKind, type Language, type LinkType } from '../../../../shared/model';
import { api } from '../../api';
import { navigate } from '../../app/route';
import { attempt, entityIndex, useApp } from '../../app/store';
import i18n from '../../i18n';
import { describeError } from '../../i18n/errors';
import { align, distribute, type AlignMode, type Box, type DistributeMode } from './align';
import { DEFAULT_FILTERS, useCanvas, type PendingDelete } from './canvasStore';
import { buildClip, parseClip } from './clipboard';
import { adjacency, lifeEventGroups, neighbourhood, visibleIds } from './graph';
import { blockLayout, clearOfOthers, removeOverlaps, type Block, type LayoutAlgorithm, type LayoutResult } from './layout';
import { areaCodesOf } from './municipalities';
import { NODE_SIZE, type NodeSize } from './shapes';
import { useCanvasUi } from './uiStore';
import { analyseInWorker, layoutInWorker } from './workers';

type Flow = ReactFlowInstance;
let flow: Flow | null = null;
let paneEl: HTMLElement | null = null;

/** The canvas registers its React Flow instance and pane here for actions that need the viewport. */
export function attachFlow(instance: Flow | null, pane: HTMLElement | null): void {
  flow = instance;
  paneEl = pane;
}
export function getFlow(): Flow | null {
  return flow;
}
export function getPane(): HTMLElement | null {
  return paneEl;
}

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts) as string;
const lang = () => i18n.language as Language;
const notify = (kind: 'info' | 'error', text: string) => useApp.getState().notify({ kind, text });
const fail = (e: AppError) => describeError(i18n.t, e);

/** Room around a fitted map: the legend sits at the bottom left, larger when presenting. */
export function fitPadding() {
  const presenting = useCanvasUi.getState().presenting;
  // Presenting, the title stands over the top of the map.
  return { top: presenting ? '84px' : '28px', left: '28px', right: '28px', bottom: presenting ? '120px' : '84px' } as const;
}

export function nodeSize(): NodeSize {
  return useCanvasUi.getState().presenting ? NODE_SIZE.presenting : NODE_SIZE.normal;
}
/** Layouts leave room for presentation-size nodes, so switching to presentation never makes them overlap. */
const LAYOUT_SIZE = NODE_SIZE.presenting;

export function entityName(e: Entity | undefined): string {
  return e ? pickText(e.name, lang()) || e.id : '?';
}

function byId(): Map<string, Entity> {
  return entityIndex(useApp.getState().entities);
}

/** What the current view shows (filters applied). */
export function currentVisible(filters: CanvasFilters = useCanvas.getState().filters): Set<string> {
  const { entities, links } = useApp.getState();
  return visibleIds({ entities, byId: entityIndex(entities), adj: adjacency(links), filters, areaCodes: areaCodesOf });
}

// ---- loading and views ----

let loadSeq = 0;
/** The last load whose answer (or failure) is in: below loadSeq, positions are on their way. */
let loadDone = 0;
/** Whether the map held back an update while positions were on their way (see positionsPending). */
let heldBack = false;

/**
 * Whether positions asked for are still on their way. A change that adds nodes with their places
 * (a paste, a node created on the map) reaches the entity list and the positions by separate
 * requests; nodes new to the list are not placed (or drawn at a provisional place) until the
 * positions that came with them are in.
 */
export function positionsPending(): boolean {
  if (loadDone >= loadSeq) return false;
  heldBack = true;
  return true;
}

/**
 * Loads the positions, saved views and viewport of a view from the workspace. Only the answer to
 * the latest request is applied: a reload set off by a change event must not land after (and
 * undo) the switch to a newly saved view.
 */
export async function loadState(view: string): Promise<boolean> {
  const mine = ++loadSeq;
  const startedIn = useCanvas.getState().workspace;
  let state;
  try {
    state = await api.call('canvas.state', { view });
  } catch (err) {
    if (mine !== loadSeq) return true;
    loadDone = mine;
    // The map waited for these positions: it draws (and places) with what it has.
    if (heldBack) useCanvas.getState().set({ positions: { ...useCanvas.getState().positions } });
    heldBack = false;
    const e = err instanceof AppError ? err : new AppError('internal', (err as Error).message);
    // The workspace was closed under the map (the menu's "open or create another"): the map
    // goes with it, and there is nothing wrong to report.
    if (e.code === 'no_workspace') return true;
    // Another workspace opened under the map: its change reached this load (of the last
    // workspace's saved view) before the screen moved to the new one's main view. Not an error.
    if (e.code === 'not_found' && view !== MAIN_VIEW) {
      const now = await api.call('workspace.current', {}).catch(() => null);
      if ((now?.path ?? null) !== startedIn) return true;
    }
    notify('error', fail(e));
    // A view that is gone (deleted elsewhere, or of another workspace) leaves the main view on
    // screen, whichever load found out.
    if (e.code === 'not_found' && view !== MAIN_VIEW) switchView(MAIN_VIEW);
    return false;
  }
  if (mine !== loadSeq) return true;
  loadDone = mine;
  heldBack = false;
  const cur = useCanvas.getState();
  const switching = cur.loadedView !== view;
  const saved = state.views.find((v) => v.id === view);
  useCanvas.getState().set({
    view,
    views: state.views,
    positions: state.positions,
    savedViewport: state.viewport,
    loadedView: view,
    // Switching to a saved view brings its filters; a reload of the same view keeps what the user has set.
    ...(switching ? { filters: saved ? saved.filters : cur.view === view ? cur.filters : DEFAULT_FILTERS } : {}),
  });
  return true;
}

export function switchView(view: string): void {
  const mode = (window.location.hash.split('/')[2] as 'map' | 'outline' | 'analysis' | undefined) ?? 'map';
  navigate({ view: 'canvas', mode: ['map', 'outline', 'analysis'].includes(mode) ? mode : 'map', canvasView: view === MAIN_VIEW ? undefined : view });
}

export async function saveViewAs(name: string): Promise<void> {
  const s = useCanvas.getState();
  const vp = flow?.getViewport();
  const view = await attempt(
    () =>
      api.call('canvas.saveView', {
        name: { [lang()]: name },
        filters: s.filters,
        copyFrom: s.view,
        ids: s.nodes.map((n) => n.id),
        viewport: vp ? { x: vp.x, y: vp.y, zoom: vp.zoom } : undefined,
      }),
    fail,
  );
  if (view) {
    notify('info', t('canvas.views.saved', { name }));
    switchView(view.id);
  }
}

/** Stores the current filters in the active saved view (or renames it). */
export async function updateView(name?: string): Promise<void> {
  const s = useCanvas.getState();
  const v = s.views.find((x) => x.id === s.view);
  if (!v) return;
  const ok = await attempt(() => api.call('canvas.saveView', { id: v.id, name: name ? { ...v.name, [lang()]: name } : v.name, filters: s.filters }), fail);
  if (ok) notify('info', t('canvas.views.updated', { name: pickText(ok.name, lang()) }));
}

export async function deleteView(): Promise<void> {
  const s = useCanvas.getState();
  const v = s.views.find((x) => x.id === s.view);
  if (!v) return;
  const ok = await attempt(() => api.call('canvas.deleteView', { id: v.id }), fail);
  if (ok !== undefined) {
    notify('info', t('canvas.views.deleted', { name: pickText(v.name, lang()) }));
    switchView(MAIN_VIEW);
  }
}

let viewportTimer: ReturnType<typeof setTimeout> | undefined;
/** Remembers pan and zoom per view, a moment after the user stops moving. */
export function rememberViewport(): void {
  clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => {
    const vp = flow?.getViewport();
    const view = useCanvas.getState().view;
    if (vp && useApp.getState().info) void api.call('canvas.setViewport', { view, viewport: { x: vp.x, y: vp.y, zoom: vp.zoom } }).catch(() => undefined);
  }, 700);
}

// ---- moving ----

export async function moveNodes(moves: { id: string; x: number; y: number; pinned?: boolean }[], reason: (typeof MOVE_REASONS)[number], undoable = true): Promise<void> {
  if (!moves.length) return;
  const s = useCanvas.getState();
  // Shown at once; the workspace confirms (or another client's change overrides) right after.
  const positions = { ...s.positions };
  for (const m of moves) positions[m.id] = { x: Math.round(m.x), y: Math.round(m.y), pinned: m.pinned ?? positions[m.id]?.pinned ?? false };
  s.set({ positions });
  await attempt(() => api.call('canvas.move', { view: s.view, moves: moves.map((m) => ({ ...m, x: Math.round(m.x), y: Math.round(m.y) })), reason, undoable }), fail);
}

function selectedBoxes(): Box[] {
  const s = useCanvas.getState();
  const { w, h } = nodeSize();
  return s.nodes.filter((n) => s.selected.has(n.id)).map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, w, h }));
}

export async function alignSelected(mode: AlignMode): Promise<void> {
  await moveNodes(align(selectedBoxes(), mode), 'align');
}
export async function distributeSelected(mode: DistributeMode): Promise<void> {
  await moveNodes(distribute(selectedBoxes(), mode), 'distribute');
}
export async function nudge(dx: number, dy: number): Promise<void> {
  await moveNodes(selectedBoxes().map((b) => ({ id: b.id, x: b.x + dx, y: b.y + dy })), 'nudge');
}
export async function togglePin(): Promise<void> {
  const s = useCanvas.getState();
  const ids = [...s.selected];
  if (!ids.length) return;
  const pin = ids.some((id) => !s.positions[id]?.pinned);
  const moves = s.nodes.filter((n) => s.selected.has(n.id)).map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, pinned: pin }));
  await moveNodes(moves, pin ? 'pin' : 'unpin');
  notify('info', t(pin ? 'canvas.notice.pinned' : 'canvas.notice.unpinned', { count: moves.length }));
}

/** Below this zoom a map's names are hidden (see FlowCanvas): a first view should not open there. */
export const READABLE_ZOOM = 0.35;
/** From this many nodes without a place, a first layout groups them by life event (blockLayout). */
export const BLOCKS_FROM = 150;

/**
 * Fits the map to what the view shows; a first look at a map too large to read whole fits the
 * first life event's block instead (the minimap shows the rest).
 */
export function fitShown(opts: { readable?: readonly string[]; duration?: number; placed?: LayoutResult } = {}): void {
  // After a layout, waits (a few seconds at most) until the map shows the new places: a reload of
  // the view's state answered late can briefly put back the old ones.
  // Also waits for the map itself: a first layout can finish before React Flow has started.
  const check = Object.entries(opts.placed ?? {}).slice(0, 40);
  let frames = 0;
  const ready = () =>
    !!flow &&
    check.every(([id, p]) => {
      const n = flow!.getNode(id);
      return !n || (n.position.x === p.x && n.position.y === p.y);
    });
  fitsPending++;
  const go = async () => {
    if (!ready() && ++frames < 240) return void requestAnimationFrame(() => void go());
    try {
      // No map (it never started, or closed meanwhile): nothing to fit.
      if (!flow) return;
      await flow.fitView({ padding: fitPadding(), duration: opts.duration });
      if (flow && opts.readable?.length && flow.getZoom() < READABLE_ZOOM) await flow.fitView({ padding: fitPadding(), nodes: opts.readable.map((id) => ({ id })), maxZoom: 1 });
    } catch (err) {
      // A fit is no edit: a map that fails to fit stays where it was, and says why in the console.
      console.error('[kohtaanto] fitting the map failed:', err);
    } finally {
      // Also when there was no map to fit: a count left up would make every later opening fit stand down.
      fitsPending--;
    }
  };
  requestAnimationFrame(() => requestAnimationFrame(() => void go()));
}

let fitsPending = 0;
/** A fit after a layout is on its way: a view's opening fit stands down (fitting the whole map after it would undo a first look's readable part). */
export const fitOnItsWay = (): boolean => fitsPending > 0;

let layoutsStarted = 0;
/** How many layouts have started in this window: a view's opening fit stands down once one has (it fits the map itself). */
export const layoutsSoFar = (): number => layoutsStarted;

/**
 * Lays out nodes of the view in the worker (the ones it shows, unless told which); pinned nodes
 * stay. The part laid out never lands on nodes left out of it (hidden by a filter, or placed
 * before): it moves beside them instead (clearOfOthers). One undo step, unless it is the first
 * placement of nodes that had no place ('blocks' groups those by life event).
 */
export async function runLayout(algorithm: LayoutAlgorithm | 'blocks', opts: { undoable?: boolean; ids?: readonly string[]; provisional?: readonly { id: string; x: number; y: number }[]; firstLook?: boolean } = {}): Promise<void> {
  const s = useCanvas.getState();
  const ids = new Set(opts.ids ?? s.nodes.map((n) => n.id));
  if (s.layingOut || !ids.size) return;
  s.set({ layingOut: true });
  layoutsStarted++;
  try {
    const { entities, links } = useApp.getState();
    const kinds = byId();
    const shownAt = new Map(s.nodes.map((n) => [n.id, n.position]));
    const provisional = new Map((opts.provisional ?? []).map((p) => [p.id, p]));
    const nodes = [...ids]
      .filter((id) => kinds.has(id))
      .map((id) => {
        const at = s.positions[id] ?? provisional.get(id) ?? shownAt.get(id) ?? { x: 0, y: 0 };
        return { id, kind: kinds.get(id)!.kind, x: at.x, y: at.y, pinned: s.positions[id]?.pinned ?? false };
      });
    const t0 = performance.now();
    let result: LayoutResult;
    let readable: string[] | undefined;
    if (algorithm === 'blocks') {
      const group = lifeEventGroups(entities, links);
      const byGroup = new Map<string, { id: string; kind: EntityKind }[]>();
      const rest: { id: string; kind: EntityKind }[] = [];
      for (const n of nodes) {
        const g = group.get(n.id);
        if (n.kind === 'lifeEvent' && ids.has(n.id)) byGroup.set(n.id, byGroup.get(n.id) ?? []);
        else if (g && ids.has(g)) (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push({ id: n.id, kind: n.kind });
        else rest.push({ id: n.id, kind: n.kind });
      }
      // Largest life events first; what belongs to none comes last.
      const blocks: Block[] = [...byGroup].sort((a, b) => b[1].length - a[1].length).map(([head, members]) => ({ head, members }));
      blocks.push({ members: rest });
      const laid = blockLayout(blocks, LAYOUT_SIZE);
      const x0 = Math.min(...nodes.map((n) => n.x));
      const y0 = Math.min(...nodes.map((n) => n.y));
      result = Object.fromEntries(Object.entries(laid).map(([id, p]) => [id, { x: p.x + x0, y: p.y + y0 }]));
      // The first screen: the largest life event and the first rows of what belongs to it.
      const head = blocks.find((b) => b.head && b.members.length)?.head;
      if (head) {
        const h = laid[head];
        readable = Object.keys(laid).filter((id) => laid[id].x >= h.x && laid[id].x < h.x + 1800 && laid[id].y >= h.y && laid[id].y < h.y + 560);
      }
    } else {
      result = await layoutInWorker({
        algorithm,
        nodes,
        edges: links.filter((l) => ids.has(l.source) && ids.has(l.target)).map((l) => ({ source: l.source, target: l.target })),
        size: LAYOUT_SIZE,
      });
    }
    performance.measure('kohtaanto:layout', { start: t0, end: performance.now() });
    const others = entities.filter((e) => !ids.has(e.id) && s.positions[e.id]).map((e) => ({ id: e.id, ...s.positions[e.id] }));
    const pinned = nodes.filter((n) => n.pinned);
    if (others.length && pinned.length) {
      // Pinned nodes hold the part in place: only what would cover a left-out node moves off it.
      const fixed = new Set([...others.map((o) => o.id), ...pinned.map((n) => n.id)]);
      const apart = removeOverlaps({ ...Object.fromEntries(others.map((o) => [o.id, { x: o.x, y: o.y }])), ...result }, LAYOUT_SIZE, fixed);
      result = Object.fromEntries(Object.keys(result).map((id) => [id, apart[id]]));
    } else result = clearOfOthers(result, others, LAYOUT_SIZE);
    await moveNodes(
      Object.entries(result).map(([id, p]) => ({ id, ...p })),
      opts.undoable === false ? 'place' : 'layout',
      opts.undoable !== false,
    );
    const placed = Object.fromEntries(Object.entries(result).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
    fitShown({ readable: opts.firstLook ? readable : undefined, duration: opts.firstLook ? undefined : 300, placed });
  } catch (err) {
    notify('error', t('canvas.layout.failed', { message: (err as Error).message }));
  } finally {
    useCanvas.getState().set({ layingOut: false });
  }
}

// ---- creating, connecting, deleting ----

export function centreOfView(): { x: number; y: number } {
  const r = paneEl?.getBoundingClientRect();
  if (!flow || !r) return { x: 0, y: 0 };
  return flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
}

/** Opens the little "new node" form at a point of the canvas (screen coordinates), or at its centre. */
export function openQuickCreate(kind: EntityKind, at?: { clientX: number; clientY: number }): void {
  const r = paneEl?.getBoundingClientRect();
  if (!flow || !r) return;
  const client = at ?? { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
  const p = flow.screenToFlowPosition({ x: client.clientX, y: client.clientY });
  const { w, h } = nodeSize();
  useCanvas.getState().set({
    quick: {
      kind,
      x: Math.round(p.x - w / 2),
      y: Math.round(p.y - h / 2),
      left: Math.min(Math.max(8, client.clientX - r.left - 150), r.width - 320),
      top: Math.min(Math.max(8, client.clientY - r.top - 20), r.height - 200),
    },
  });
}

/** A new entity with just a name; a persona also gets the defaults its required fields need (as in the entity form). */
export function newEntityDraft(kind: EntityKind, name: string): { kind: EntityKind; name: Record<string, string> } & Record<string, unknown> {
  const base = { kind, name: { [lang()]: name } };
  return kind === 'persona' ? { ...base, ageMin: 16, ageMax: 29, language: 'fi', peoplePerYear: 0, meters: neutralMeters() } : base;
}

/** The nearest place to (x, y) where a new node covers no other (searched in widening rings). */
export function freeSpot(x: number, y: number, taken: readonly { x: number; y: number }[], size: NodeSize): { x: number; y: number } {
  const gapX = size.w + 24;
  const gapY = size.h + 20;
  const free = (px: number, py: number) => taken.every((p) => Math.abs(p.x - px) >= gapX || Math.abs(p.y - py) >= gapY);
  if (free(x, y)) return { x, y };
  for (let ring = 1; ring < 40; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const px = x + dx * gapX;
        const py = y + dy * gapY;
        if (free(px, py)) return { x: px, y: py };
      }
    }
  }
  return { x, y };
}

export async function createNode(kind: EntityKind, name: string, at: number, atY: number): Promise<string | undefined> {
  const s = useCanvas.getState();
  // A new node never lands on top of another, where it could not be seen or clicked.
  const { x, y } = freeSpot(at, atY, s.nodes.map((n) => n.position), LAYOUT_SIZE);
  const entity = await attempt(() => api.call('canvas.createNode', { view: s.view, entity: newEntityDraft(kind, name), x, y }), fail);
  if (!entity) return undefined;
  useCanvas.getState().set({ positions: { ...useCanvas.getState().positions, [entity.id]: { x, y, pinned: false } }, quick: null });
  notify('info', t('canvas.notice.created', { name }));
  // Selected once it is on the canvas (after the workspace refresh brings it in).
  pendingSelect = [entity.id];
  return entity.id;
}

let pendingSelect: string[] | null = null;
/** Called after each rebuild of the graph: selects nodes that an action created. */
export function applyPendingSelection(): void {
  if (!pendingSelect) return;
  const s = useCanvas.getState();
  const present = pendingSelect.filter((id) => s.nodes.some((n) => n.id === id));
  if (present.length !== pendingSelect.length) return;
  pendingSelect = null;
  s.selectOnly(present);
  if (present.length === 1) focusNodeElement(present[0]);
}

/** The reason a link between two nodes is refused, in words, or null when it is fine. */
export function refusal(a: Entity, b: Entity): string | null {
  if (a.id === b.id) return t('canvas.refused.self');
  const types = linkTypesBetween(a.kind, b.kind);
  if (!types.length) {
    const allowed = (Object.entries(LINK_TYPES) as [LinkType, { source: EntityKind; target: EntityKind }][])
      .filter(([, r]) => r.source === a.kind || r.target === a.kind)
      .map(([type, r]) => `${t(`kind.${r.source}.one`)} → ${t(`kind.${r.target}.one`)} (${t(`link.${type}.name`)})`)
      .join('; ');
    return t('canvas.refused.kinds', { from: t(`kind.${a.kind}.one`), to: t(`kind.${b.kind}.one`), allowed });
  }
  const { links } = useApp.getState();
  const free = types.filter(({ type, reversed }) => {
    const [src, dst] = reversed ? [b.id, a.id] : [a.id, b.id];
    return !links.some((l) => l.type === type && l.source === src && l.target === dst);
  });
  if (!free.length) return t('canvas.refused.duplicate');
  return null;
}

/** Links two nodes with the one link type their kinds allow, in the right direction; refuses with a reason otherwise. */
export async function connect(sourceId: string, targetId: string): Promise<boolean> {
  const ents = byId();
  const a = ents.get(sourceId);
  const b = ents.get(targetId);
  if (!a || !b) return false;
  const why = refusal(a, b);
  if (why) {
    notify('error', why);
    return false;
  }
  const { links } = useApp.getState();
  const choice = linkTypesBetween(a.kind, b.kind).find(({ type, reversed }) => {
    const [src, dst] = reversed ? [b.id, a.id] : [a.id, b.id];
    return !links.some((l) => l.type === type && l.source === src && l.target === dst);
  })!;
  const [source, target] = choice.reversed ? [b.id, a.id] : [a.id, b.id];
  const data = choice.type === 'personaNeed' ? { importance: 3 } : {};
  const link = await attempt(() => api.call('links.create', { type: choice.type, source, target, data }), (e) => {
    const reason = (e.details as { reason?: string } | undefined)?.reason;
    return reason ? t(`canvas.refused.${reason.replace('link.', '')}`, { defaultValue: fail(e), from: t(`kind.${a.kind}.one`), to: t(`kind.${b.kind}.one`), allowed: '' }) : fail(e);
  });
  if (link) notify('info', t('canvas.notice.linked', { from: entityName(ents.get(source)), link: t(`link.${choice.type}.name`), to: entityName(ents.get(target)) }));
  return !!link;
}

/** Starts deleting the selection: asks first when links go with the nodes. */
export function requestDelete(): void {
  const s = useCanvas.getState();
  const ids = [...s.selected];
  const linkIds = s.edges.filter((e) => e.selected).map((e) => e.id);
  if (!ids.length && !linkIds.length) return;
  const idSet = new Set(ids);
  const linkSet = new Set(linkIds);
  const alsoLinks = useApp.getState().links.filter((l) => (idSet.has(l.source) || idSet.has(l.target)) && !linkSet.has(l.id)).length;
  const p: PendingDelete = { ids, linkIds, alsoLinks, names: ids.map((id) => entityName(byId().get(id))) };
  if (alsoLinks > 0) s.set({ pendingDelete: p });
  else void performDelete(p);
}

export async function performDelete(p: PendingDelete): Promise<void> {
  useCanvas.getState().set({ pendingDelete: null });
  const r = await attempt(() => api.call('canvas.deleteNodes', { ids: p.ids, linkIds: p.linkIds }), fail);
  if (!r) return;
  const s = useCanvas.getState();
  if (s.editing && p.ids.includes(s.editing)) s.set({ editing: null });
  notify('info', r.deletedEntities ? t('canvas.notice.deleted', { count: r.deletedEntities, links: r.deletedLinks }) : t('canvas.notice.deletedLinks', { count: r.deletedLinks }));
  paneEl?.closest<HTMLElement>('.canvas-flow')?.focus();
}

// ---- clipboard ----

let lastClip: CanvasClip | null = null;

export function copySelection(): CanvasClip | null {
  const s = useCanvas.getState();
  const clip = buildClip([...s.selected], byId(), useApp.getState().links, Object.fromEntries(s.nodes.map((n) => [n.id, n.position])));
  if (clip) {
    lastClip = clip;
    notify('info', t('canvas.notice.copied', { count: clip.entities.length }));
  }
  return clip;
}

/** Pastes a clip (fresh ids, same arrangement), at a point or offset from where it was copied. */
export async function pasteClip(clip: CanvasClip | null, at?: { x: number; y: number }): Promise<void> {
  if (!clip) {
    notify('error', t('canvas.notice.nothingToPaste'));
    return;
  }
  lastClip = clip;
  const xs = Object.values(clip.positions);
  const origin = at ?? (xs.length ? { x: Math.min(...xs.map((p) => p.x)) + 40, y: Math.min(...xs.map((p) => p.y)) + 40 } : centreOfView());
  const r = await attempt(() => api.call('canvas.paste', { view: useCanvas.getState().view, clip, x: Math.round(origin.x), y: Math.round(origin.y) }), fail);
  if (!r) return;
  pendingSelect = r.ids;
  notify('info', t('canvas.notice.pasted', { count: r.ids.length }));
}

/** Reads the system clipboard where allowed, else what this window copied last. */
export async function pasteFromClipboard(): Promise<void> {
  let clip: CanvasClip | null = null;
  try {
    clip = parseClip(await navigator.clipboard.readText());
  } catch {
    // Reading the clipboard needs a permission a browser may refuse; the last copy here still works.
  }
  await pasteClip(clip ?? lastClip);
}

export async function duplicateSelection(): Promise<void> {
  const clip = copySelection();
  if (clip) await pasteClip(clip);
}

export async function writeClipboard(clip: CanvasClip): Promise<void> {
  try {
    await navigator.clipboard.writeText(JSON.stringify(clip));
  } catch {
    // Without clipboard permission the copy still pastes within this window.
  }
}

// ---- navigation on the canvas ----

/** Moves keyboard focus to a node's element (centring it first if it is off screen). */
export function focusNodeElement(id: string): void {
  const find = () => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  const el = find();
  const r = paneEl?.getBoundingClientRect();
  const box = el?.getBoundingClientRect();
  const inside = r && box && box.left >= r.left && box.right <= r.right && box.top >= r.top && box.bottom <= r.bottom;
  if (!inside) centreOn(id);
  requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus({ preventScroll: true })));
}

export function centreOn(id: string): void {
  const n = useCanvas.getState().nodes.find((x) => x.id === id);
  if (!n || !flow) return;
  const { w, h } = nodeSize();
  flow.setCenter(n.position.x + w / 2, n.position.y + h / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 250 });
}

/** Shows a node: clears filters that hide it, selects it, centres it and gives it keyboard focus. */
export function jumpTo(id: string): void {
  const s = useCanvas.getState();
  if (!s.nodes.some((n) => n.id === id)) s.set({ filters: { ...DEFAULT_FILTERS } });
  if (!window.location.hash.startsWith('#/canvas/map') && window.location.hash !== '#/canvas') switchMode('map');
  pendingSelect = [id];
  // After the graph is rebuilt with the node in it (applyPendingSelection), or now if it is there.
  setTimeout(() => {
    applyPendingSelection();
    centreOn(id);
  }, 50);
}

export function switchMode(mode: 'map' | 'outline' | 'analysis'): void {
  const v = useCanvas.getState().view;
  navigate({ view: 'canvas', mode, canvasView: v === MAIN_VIEW ? undefined : v });
}

/** Selects the nearest node in a direction from the selected (or focused) one: arrow-key navigation. */
export function selectNeighbour(dir: 'left' | 'right' | 'up' | 'down', fromId?: string): void {
  const s = useCanvas.getState();
  const from = fromId ?? [...s.selected][0];
  const here = s.nodes.find((n) => n.id === from);
  if (!here) {
    const first = s.nodes[0];
    if (first) {
      s.selectOnly([first.id]);
      focusNodeElement(first.id);
    }
    return;
  }
  const [vx, vy] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[dir];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const n of s.nodes) {
    if (n.id === here.id) continue;
    const dx = n.position.x - here.position.x;
    const dy = n.position.y - here.position.y;
    const along = dx * vx + dy * vy;
    if (along <= 0) continue;
    const across = Math.abs(dx * vy - dy * vx);
    // Prefer what is straight ahead over what is merely close.
    const score = along + across * 2.5;
    if (score < bestScore) {
      bestScore = score;
      best = n.id;
    }
  }
  if (best) {
    s.selectOnly([best]);
    focusNodeElement(best);
  }
}

export function setFocus(depth: number | null): void {
  const s = useCanvas.getState();
  const id = [...s.selected][0];
  if (depth === null) s.set({ filters: { ...s.filters, focus: null } });
  else if (id) s.set({ filters: { ...s.filters, focus: { id, depth } } });
  requestAnimationFrame(() => requestAnimationFrame(() => flow?.fitView({ padding: fitPadding(), duration: 250 })));
}

/** Ids within `depth` links of a node (for the outline's and analysis's own use). */
export function neighboursOf(id: string, depth: number): Set<string> {
  return neighbourhood(id, depth, adjacency(useApp.getState().links));
}

// ---- analysis ----

/** Runs the network analysis of what the view shows, in a worker. */
export async function runAnalysis(): Promise<void> {
  const s = useCanvas.getState();
  const { entities, links } = useApp.getState();
  const visible = currentVisible();
  const nodes = entities.filter((e) => visible.has(e.id)).map((e) => ({ id: e.id, kind: e.kind }));
  const edges = links.map((l) => ({ type: l.type, source: l.source, target: l.target }));
  const key = analysisInputKey(nodes, edges, `${s.view}:${JSON.stringify(s.filters)}`);
  if (s.analysing || (s.analysis && s.analysisFor === key)) return;
  s.set({ analysing: true });
  try {
    const result = await analyseInWorker(nodes, edges);
    useCanvas.getState().set({ analysis: result, analysisFor: key });
  } catch (err) {
    notify('error', t('canvas.analysis.failed', { message: (err as Error).message }));
  } finally {
    useCanvas.getState().set({ analysing: false });
  }
}
