import { create } from 'zustand';
import { entityOrder, linkOrder, mergeChanges, patchById, type WorkspaceChanges } from '../../../shared/api/changes';
import type { HistoryState, WorkspaceInfo } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/result';
import type { Entity, Link } from '../../../shared/model';
import { api } from '../api';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
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
  /** Reloads everything shown from the workspace (at start, or when another one opens). */
  refresh(): Promise<void>;
  /**
   * Follows one `workspace.changed`: refetches only the entities and links it names (or, for
   * a change that names none, such as a viewport or a matching run, only the undo state).
   */
  applyChanges(changes: WorkspaceChanges | undefined): Promise<void>;
  notify(n: Notice | null): void;
}

const NO_HISTORY: HistoryState = { canUndo: false, canRedo: false };

export const useApp = create<AppState>((set, get) => ({
  loaded: false,
  info: null,
  entities: [],
  links: [],
  history: NO_HISTORY,
  notice: null,
  async refresh() {
    const info = await api.call('workspace.current', {});
    // An error shown about the workspace that was open is stale once another one opens (or it closes).
    const stale = get().notice?.kind === 'error' && (get().info?.path ?? null) !== (info?.path ?? null) ? { notice: null } : {};
    if (!info) {
      set({ loaded: true, info: null, entities: [], links: [], history: NO_HISTORY, ...stale });
      return;
    }
    const [entities, links, history] = await Promise.all([
      api.call('entities.list', {}),
      api.call('links.list', {}),
      api.call('history.state', {}),
    ]);
    set({ loaded: true, info, entities, links, history, ...stale });
  },
  applyChanges(changes) {
    // One patch at a time, so that a later one is never overtaken by an earlier, slower one
    // (the out-of-order guard for patches, which cannot simply be skipped); changes that come
    // meanwhile (a script's burst of edits) are coalesced into the next single refetch.
    waiting = mergeChanges(waiting, changes);
    running ??= (async () => {
      try {
        while (waiting) {
          const next = waiting;
          waiting = null;
          await patch(next, get, set);
        }
      } finally {
        waiting = null;
        running = null;
      }
    })();
    return running;
  },
  notify(notice) {
    set({ notice });
  },
}));

let waiting: WorkspaceChanges | null = null;
let running: Promise<void> | null = null;

async function patch(changes: WorkspaceChanges, get: () => AppState, set: (s: Partial<AppState>) => void): Promise<void> {
  if (changes.all || !get().info) return get().refresh();
  const entityIds = changes.entities ?? [];
  const linkIds = changes.links ?? [];
  const [info, history, entities, links] = await Promise.all([
    api.call('workspace.current', {}),
    api.call('history.state', {}),
    entityIds.length ? api.call('entities.getMany', { ids: entityIds }) : [],
    linkIds.length ? api.call('links.getMany', { ids: linkIds }) : [],
  ]);
  if (info?.path !== get().info?.path) return get().refresh();
  set({
    info,
    history,
    entities: patchById(get().entities, entities, entityIds, entityOrder),
    links: patchById(get().links, links, linkIds, linkOrder),
  });
}

/** Runs an API call for a user action; failures become a visible notice instead of being lost. */
export async function attempt<T>(action: () => Promise<T>, describe: (e: AppError) => string): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('internal', (err as Error).message);
    useApp.getState().notify({ kind: 'error', text: describe(e) });
    return undefined;
  }
}

/** Entities by id, rebuilt only when the list changes. */
let byIdCache: { src: Entity[]; map: Map<string, Entity> } | undefined;
export function entityIndex(entities: Entity[]): Map<string, Entity> {
  if (byIdCache?.src !== entities) byIdCache = { src: entities, map: new Map(entities.map((e) => [e.id, e])) };
  return byIdCache.map;
}
