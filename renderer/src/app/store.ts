import { create } from 'zustand';
import { touchesGraph, type WorkspaceChanges } from '../../../shared/api/changes';
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
  /** What the last reload of entities and links followed (null: a full load, e.g. another workspace), for consumers that pass changes on. */
  graphChanges: WorkspaceChanges | null;
  /** Reloads everything shown from the workspace (at start, or when another one opens), after `changes` if given. */
  refresh(changes?: WorkspaceChanges): Promise<void>;
  /** Follows one `workspace.changed`: reloads only what the change can have touched. */
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
  graphChanges: null,
  async refresh(changes) {
    const info = await api.call('workspace.current', {});
    // An error shown about the workspace that was open is stale once another one opens (or it closes).
    const stale = get().notice?.kind === 'error' && (get().info?.path ?? null) !== (info?.path ?? null) ? { notice: null } : {};
    if (!info) {
      set({ loaded: true, info: null, entities: [], links: [], history: NO_HISTORY, graphChanges: null, ...stale });
      return;
    }
    const [entities, links, history] = await Promise.all([
      api.call('entities.list', {}),
      api.call('links.list', {}),
      api.call('history.state', {}),
    ]);
    const sameWorkspace = info.path === get().info?.path;
    set({ loaded: true, info, entities, links, history, graphChanges: sameWorkspace && changes && !changes.all ? changes : null, ...stale });
  },
  async applyChanges(changes) {
    // A change to the graph reloads it whole (a patch by ids is the next step: the canvas still
    // relies on fresh objects after a graph change); a change that touches neither entities nor
    // links (a matching run, a picture edit, a saved view) only refreshes the undo state.
    if (touchesGraph(changes) || !get().info) return get().refresh(changes);
    const [info, history] = await Promise.all([api.call('workspace.current', {}), api.call('history.state', {})]);
    if (info?.path !== get().info?.path) return get().refresh();
    set({ info, history });
  },
  notify(notice) {
    set({ notice });
  },
}));

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
