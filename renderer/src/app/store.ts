import type { TFunction } from 'i18next';
import { create } from 'zustand';
import { entityOrder, linkOrder, mergeChanges, patchById, replaceInPlace, touchesGraph, type WorkspaceChanges } from '../../../shared/api/changes';
import type { HistoryState, WorkspaceInfo } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import type { Entity, Link } from '../../../shared/model';
import { api } from '../api';
import { describeError } from '../i18n/errors';
import { groupInOrder } from '../../../shared/util/group';

export interface Notice {
  kind: 'error' | 'info';
  /**
   * What to say; as a function of the notice bar's `t`, said again whenever it is drawn, so that
   * an error shown before the user switches language is then read in the new one.
   */
  text: string | ((t: TFunction) => string);
  /** A link that goes where the notice is about (e.g. the map, after undoing a move there). */
  action?: { label: string; href: string };
}

/**
 * Whether `entities` and `links` hold the whole workspace. A large one shows its window first
 * and brings them in the background: until then both stay empty (never a part of the catalogue).
 */
export type CatalogueState = { status: 'ready' } | { status: 'loading'; done: number; total: number } | { status: 'failed' };

interface AppState {
  loaded: boolean;
  info: WorkspaceInfo | null;
  /** Every entity, in `entities.list` order, once `catalogue` is ready (empty before). */
  entities: Entity[];
  /** Every link, the same way. */
  links: Link[];
  /** Entities of each kind, right from the first load (the side bar), whether or not the catalogue is in. */
  counts: Record<string, number>;
  catalogue: CatalogueState;
  history: HistoryState;
  notice: Notice | null;
  /**
   * What the last update of entities and links followed (null: a full load, e.g. another
   * workspace), for consumers that pass changes on (the try-out worker).
   */
  graphChanges: WorkspaceChanges | null;
  /** Reloads everything shown from the workspace (at start, or when another one opens, or after a failed load). */
  refresh(): Promise<void>;
  /**
   * Follows one `workspace.changed`: refetches only the entities and links it names and patches
   * them into the lists (or, for a change that names none, such as a viewport or a matching run,
   * only the undo state); `all`, or more than MAX_LISTED_CHANGES ids, reloads everything.
   */
  applyChanges(changes: WorkspaceChanges | undefined): Promise<void>;
  notify(n: Notice | null): void;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false };
const READY: CatalogueState = { status: 'ready' };

export const useApp = create<AppState>((set) => ({
  loaded: false,
  info: null,
  entities: [],
  links: [],
  counts: {},
  catalogue: READY,
  history: NO_HISTORY,
  notice: null,
  graphChanges: null,
  refresh() {
    return enqueue({ all: true });
  },
  applyChanges(changes) {
    return enqueue(changes ?? { all: true });
  },
  notify(notice) {
    set({ notice });
  },
}));

// bench/app-scale times an edit until the store holds it: with localStorage `kohtaanto.bench` = `1`
// the page can read the store (nothing else changes).
if (globalThis.localStorage?.getItem('kohtaanto.bench') === '1') (globalThis as { __kohtaantoApp?: typeof useApp }).__kohtaantoApp = useApp;

// ---- loading: one load at a time ----
//
// Every load (a full reload or a patch) runs alone, in the order the changes came: a patch
// cannot be overtaken by an older, slower answer, which for a patch (unlike a full reload) could
// not simply be dropped. Changes that arrive meanwhile (a script's burst of edits, an undo of
// many steps) are merged into the next single load. `seq` numbers the changes asked for and
// `applied` the last one whose answer is in the store: an answer for changes at or below
// `applied` is never applied again.
//
// A large workspace's catalogue (every entity and link) comes in the background, outside this
// queue, a chunk at a time (see `fetchCatalogue`), so that the window and its table answer at
// once and the server answers them between chunks. Loads meanwhile keep the rest (workspace,
// undo state, counts) current and note which entities and links changed; the finished
// catalogue is then installed by the queue, with those refetched, so no edit made while it
// loaded is lost, and no consumer ever sees a part of it.

export const loadLimits = {
  /**
   * Up to this many entities and links together, the catalogue loads with the window, in one
   * request each, as it always has: a small workspace opens whole, without a loading state.
   */
  foregroundMax: 20_000,
  /** Chunk sizes of the background load (about 1 MB of JSON each, a few tens of ms of the server). */
  entityChunk: 1000,
  linkChunk: 5000,
};

interface CatalogueJob {
  path: string;
  /** What changed since the job began: refetched by id when it is installed. */
  missed: WorkspaceChanges | null;
  result?: { entities: Entity[]; links: Link[] };
}

let waiting: WorkspaceChanges | null = null;
let running: Promise<void> | null = null;
let seq = 0;
let applied = 0;
/** A load failed: what it was to bring in is unknown, so the next one reloads everything. */
let lost = false;
/** The background load of the open workspace's catalogue, while one runs. */
let job: CatalogueJob | null = null;
/** A finished background load, for the queue to install. */
let finished: CatalogueJob | null = null;

/** Set with localStorage `kohtaanto.store.patch` = `0` (bench/app-scale): every graph change reloads everything, as before patches. */
const fullReloadOnly = (): boolean => globalThis.localStorage?.getItem('kohtaanto.store.patch') === '0';

function enqueue(changes: WorkspaceChanges): Promise<void> {
  seq++;
  waiting = mergeChanges(waiting, lost ? { all: true } : changes);
  lost = false;
  return drain();
}

function drain(): Promise<void> {
  running ??= (async () => {
    try {
      while (waiting || finished) {
        // A finished catalogue first: the changes waiting are then patched into it.
        if (finished) {
          const done = finished;
          finished = null;
          await install(done);
          continue;
        }
        const next = waiting!;
        const upTo = seq;
        waiting = null;
        try {
          await load(next, upTo);
        } catch (err) {
          // What the failed load was to bring in is unknown: reload everything at once (a patch
          // fails, e.g., when the workspace closed under it, and the close's own change may be
          // merged into this very loop). Only a full reload that fails with nothing new waiting
          // gives up, leaving the next change to reload everything.
          if (!next.all || waiting) {
            waiting = { all: true };
            continue;
          }
          lost = true;
          throw err;
        }
      }
    } finally {
      waiting = null;
      running = null;
    }
  })();
  return running;
}

async function load(changes: WorkspaceChanges, upTo: number): Promise<void> {
  const get = useApp.getState;
  const set = useApp.setState;
  if (upTo <= applied) return;
  const before = get().info;
  if (!before || changes.all || (touchesGraph(changes) && fullReloadOnly())) return reloadAll(upTo);
  const whole = get().catalogue.status === 'ready';
  // Without the whole catalogue there is nothing to patch: the counts tell what changed in size.
  const entityIds = whole ? (changes.entities ?? []) : [];
  const linkIds = whole ? (changes.links ?? []) : [];
  const [info, history, entities, links, stats] = await Promise.all([
    api.call('workspace.current', {}),
    api.call('history.state', {}),
    entityIds.length ? api.call('entities.getMany', { ids: entityIds }) : null,
    linkIds.length ? api.call('links.getMany', { ids: linkIds }) : null,
    !whole && changes.entities ? api.call('workspace.stats', {}) : null,
  ]);
  // Another workspace opened meanwhile (its own change, `all`, is then on its way): load it whole.
  if (info?.path !== get().info?.path) return reloadAll(upTo);
  if (upTo <= applied) return;
  applied = upTo;
  if (!whole && job && touchesGraph(changes)) job.missed = mergeChanges(job.missed, { ...(changes.entities ? { entities: changes.entities } : {}), ...(changes.links ? { links: changes.links } : {}) });
  const s = get();
  // An edit of entities already held keeps every place and kind: no pass over 50,000 entities to patch or count them.
  const inPlace = entities ? replaceInPlace(s.entities, entities, entityIds, entityOrder) : null;
  const patched = inPlace ?? (entities ? patchById(s.entities, entities, entityIds, entityOrder) : null);
  const counts = inPlace ? s.counts : patched ? countKinds(patched) : stats?.entities;
  // Equal values keep their identity: the shell (and the table in it) is not drawn again for an edit that changed neither.
  set({
    info: same(s.info, info),
    history: same(s.history, history),
    ...(counts ? { counts: same(s.counts, counts) } : {}),
    ...(patched ? { entities: patched } : {}),
    ...(links ? { links: patchById(s.links, links, linkIds, linkOrder) } : {}),
    ...(entities || links ? { graphChanges: changes } : {}),
  });
}

async function reloadAll(upTo: number): Promise<void> {
  const get = useApp.getState;
  const set = useApp.setState;
  const info = await api.call('workspace.current', {});
  // An error shown about the workspace that was open is stale once another one opens (or it closes).
  const stale = get().notice?.kind === 'error' && (get().info?.path ?? null) !== (info?.path ?? null) ? { notice: null } : {};
  if (!info) {
    if (upTo <= applied) return;
    applied = upTo;
    job = null;
    set({ loaded: true, info: null, entities: [], links: [], counts: {}, catalogue: READY, history: NO_HISTORY, graphChanges: null, ...stale });
    return;
  }
  const [history, stats] = await Promise.all([api.call('history.state', {}), api.call('workspace.stats', {})]);
  const size = sum(stats.entities) + sum(stats.links);
  // localStorage `kohtaanto.store.foregroundMax` (e2e tests, screenshots): a small workspace loads as a large one would.
  const knob = globalThis.localStorage?.getItem('kohtaanto.store.foregroundMax');
  if (size <= (knob ? Number(knob) : loadLimits.foregroundMax)) {
    const [entities, links] = await Promise.all([api.call('entities.list', {}), api.call('links.list', {})]);
    if (upTo <= applied) return;
    applied = upTo;
    job = null;
    set({ loaded: true, info, entities, links, counts: countKinds(entities), catalogue: READY, history, graphChanges: null, ...stale });
    return;
  }
  if (upTo <= applied) return;
  applied = upTo;
  const mine: CatalogueJob = { path: info.path, missed: null };
  job = mine;
  set({ loaded: true, info, entities: [], links: [], counts: stats.entities, catalogue: { status: 'loading', done: 0, total: size }, history, graphChanges: null, ...stale });
  // After the frame this draws: the screen's own first requests (a table's first page) reach the server before the first chunk.
  afterNextFrame(() => void fetchCatalogue(mine));
}

/**
 * Brings a large workspace's every entity and link a chunk at a time, in id order (so a write
 * between chunks shifts nothing), collected here and handed to the queue whole. A newer load
 * (another workspace, a full reload) replaces `job`, and this one then stops.
 */
async function fetchCatalogue(mine: CatalogueJob): Promise<void> {
  const set = useApp.setState;
  const entities: Entity[] = [];
  const links: Link[] = [];
  const progress = () => {
    const c = useApp.getState().catalogue;
    if (job === mine && c.status === 'loading') set({ catalogue: { ...c, done: entities.length + links.length } });
  };
  try {
    for (let after: string | undefined; job === mine; ) {
      const chunk = await api.call('entities.scan', { ...(after ? { after } : {}), limit: loadLimits.entityChunk });
      for (const e of chunk.items) entities.push(e);
      progress();
      if (!chunk.next) break;
      after = chunk.next;
    }
    for (let after: string | undefined; job === mine; ) {
      const chunk = await api.call('links.scan', { ...(after ? { after } : {}), limit: loadLimits.linkChunk });
      for (const l of chunk.items) links.push(l);
      progress();
      if (!chunk.next) break;
      after = chunk.next;
    }
  } catch {
    if (job !== mine) return;
    job = null;
    // The screens waiting for it say so and offer to try again; the next change loads it again too.
    lost = true;
    set({ catalogue: { status: 'failed' } });
    return;
  }
  if (job !== mine) return;
  mine.result = { entities: groupInOrder(entities, (e) => e.kind), links: groupInOrder(links, (l) => l.type) };
  finished = mine;
  drain().catch(() => {
    // The queue's own failure is reported where its loads were asked for; the next change reloads.
  });
}

/** Puts a finished catalogue in the store, with what changed while it loaded fetched again. */
async function install(done: CatalogueJob): Promise<void> {
  if (job !== done || !done.result) return;
  let { entities, links } = done.result;
  const missed = done.missed;
  if (missed?.all) {
    // Too much changed to patch: load it again.
    done.missed = null;
    const again: CatalogueJob = { path: done.path, missed: null };
    job = again;
    void fetchCatalogue(again);
    return;
  }
  if (missed) {
    let e: Entity[] | null;
    let l: Link[] | null;
    try {
      [e, l] = await Promise.all([
        missed.entities?.length ? api.call('entities.getMany', { ids: missed.entities }) : null,
        missed.links?.length ? api.call('links.getMany', { ids: missed.links }) : null,
      ]);
    } catch {
      // As a failed chunk: nothing partial is installed, and the waiting screens offer to try again.
      if (job !== done) return;
      job = null;
      lost = true;
      useApp.setState({ catalogue: { status: 'failed' } });
      return;
    }
    if (job !== done) return;
    if (e) entities = patchById(entities, e, missed.entities!, entityOrder);
    if (l) links = patchById(links, l, missed.links!, linkOrder);
  }
  job = null;
  useApp.setState({ entities, links, counts: same(useApp.getState().counts, countKinds(entities)), catalogue: READY, graphChanges: null });
}

function countKinds(entities: readonly Entity[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entities) out[e.kind] = (out[e.kind] ?? 0) + 1;
  return out;
}

function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

/** `next`, or `prev` when it holds the same (small, JSON) value. */
function same<T>(prev: T, next: T): T {
  return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

/**
 * Runs an API call for a user action; failures become a visible notice instead of being lost,
 * said by `describe` (by default the error's own sentence) in the window's language of the moment.
 */
export async function attempt<T>(action: () => Promise<T>, describe: (e: AppError, t: TFunction) => string = (e, t) => describeError(t, e)): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('internal', (err as Error).message);
    useApp.getState().notify({ kind: 'error', text: (t) => describe(e, t) });
    return undefined;
  }
}

/** Entities by id, rebuilt only when the list changes. */
let byIdCache: { src: Entity[]; map: Map<string, Entity> } | undefined;
export function entityIndex(entities: Entity[]): Map<string, Entity> {
  if (byIdCache?.src !== entities) byIdCache = { src: entities, map: new Map(entities.map((e) => [e.id, e])) };
  return byIdCache.map;
}
