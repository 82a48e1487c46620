import type { TFunction } from 'i18next';
import { create } from 'zustand';
import { entityOrder, linkOrder, mergeChanges, patchById, touchesGraph, type WorkspaceChanges } from '../../../shared/api/changes';
import type { HistoryState, WorkspaceInfo } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import type { Entity, Link } from '../../../shared/model';
import { api } from '../api';
import { describeError } from '../i18n/errors';

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

interface AppState {
  loaded: boolean;
  info: WorkspaceInfo | null;
  entities: Entity[];
  links: Link[];
  history: HistoryState;
  notice: Notice | null;
  /**
   * What the last update of entities and links followed (null: a full load, e.g. another
   * workspace), for consumers that pass changes on (the try-out worker).
   */
  graphChanges: WorkspaceChanges | null;
  /** Reloads everything shown from the workspace (at start, or when another one opens). */
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

export const useApp = create<AppState>((set) => ({
  loaded: false,
  info: null,
  entities: [],
  links: [],
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

let waiting: WorkspaceChanges | null = null;
let running: Promise<void> | null = null;
let seq = 0;
let applied = 0;
/** A load failed: what it was to bring in is unknown, so the next one reloads everything. */
let lost = false;

/** Set with localStorage `kohtaanto.store.patch` = `0` (bench/app-scale): every graph change reloads everything, as before patches. */
const fullReloadOnly = (): boolean => globalThis.localStorage?.getItem('kohtaanto.store.patch') === '0';

function enqueue(changes: WorkspaceChanges): Promise<void> {
  seq++;
  waiting = mergeChanges(waiting, lost ? { all: true } : changes);
  lost = false;
  running ??= (async () => {
    try {
      while (waiting) {
        const next = waiting;
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
  const entityIds = changes.entities ?? [];
  const linkIds = changes.links ?? [];
  const [info, history, entities, links] = await Promise.all([
    api.call('workspace.current', {}),
    api.call('history.state', {}),
    entityIds.length ? api.call('entities.getMany', { ids: entityIds }) : null,
    linkIds.length ? api.call('links.getMany', { ids: linkIds }) : null,
  ]);
  // Another workspace opened meanwhile (its own change, `all`, is then on its way): load it whole.
  if (info?.path !== get().info?.path) return reloadAll(upTo);
  if (upTo <= applied) return;
  applied = upTo;
  const s = get();
  set({
    info,
    history,
    ...(entities ? { entities: patchById(s.entities, entities, entityIds, entityOrder) } : {}),
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
    applied = upTo;
    set({ loaded: true, info: null, entities: [], links: [], history: NO_HISTORY, graphChanges: null, ...stale });
    return;
  }
  const [entities, links, history] = await Promise.all([api.call('entities.list', {}), api.call('links.list', {}), api.call('history.state', {})]);
  if (upTo <= applied) return;
  applied = upTo;
  set({ loaded: true, info, entities, links, history, graphChanges: null, ...stale });
}

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
