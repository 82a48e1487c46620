import { z } from 'zod';

/**
 * What one change to the workspace touched, sent with `workspace.changed`, so that a client
 * refetches only that instead of re-reading every entity and link after a node drag.
 */
export const WorkspaceChangesSchema = z.object({
  /** Anything may have changed (another workspace opened, a very large import): reload everything. */
  all: z.boolean().optional(),
  /** Ids of entities written or deleted: a client fetches them, and those not found are gone. */
  entities: z.array(z.string()).optional(),
  /** Ids of links written or deleted, the same way. */
  links: z.array(z.string()).optional(),
  /** Node positions or saved views. */
  canvas: z.boolean().optional(),
  /** Items of the situational picture. */
  picture: z.boolean().optional(),
});
export type WorkspaceChanges = z.infer<typeof WorkspaceChangesSchema>;

/** Above this many changed ids a client is better off reloading everything in one request. */
export const MAX_LISTED_CHANGES = 5000;

/** Whether the change touches entities or links at all (a viewport or a matching run does not). */
export function touchesGraph(c: WorkspaceChanges | undefined): boolean {
  return !c || !!c.all || !!c.entities || !!c.links;
}

/** Two changes as one (a burst of edits coalesced into one refetch); too many ids becomes `all`. */
export function mergeChanges(a: WorkspaceChanges | null, b: WorkspaceChanges | undefined): WorkspaceChanges {
  if (!b || b.all || a?.all) return { all: true };
  if (!a) return b;
  const union = (x: string[] = [], y: string[] = []) => (x.length || y.length ? [...new Set([...x, ...y])] : undefined);
  const entities = union(a.entities, b.entities);
  const links = union(a.links, b.links);
  if ((entities?.length ?? 0) + (links?.length ?? 0) > MAX_LISTED_CHANGES) return { all: true };
  return {
    ...(entities ? { entities } : {}),
    ...(links ? { links } : {}),
    ...(a.canvas || b.canvas ? { canvas: true } : {}),
    ...(a.picture || b.picture ? { picture: true } : {}),
  };
}

/** Above this many new items a patch sorts once instead of inserting each in place. */
const INSERT_ONE_BY_ONE = 64;

/**
 * A list after a change: `touched` ids were written or deleted, `found` is what the workspace
 * now holds of them (a touched id not found was deleted). Unchanged items keep their identity
 * and place, so views that memoise on them do no work; the list itself is a new array whenever
 * anything was touched. New items go where `order` puts them (the order the full list comes in,
 * so a patched list equals a reloaded one), or at the end. `list` must already be in that order.
 */
export function patchById<T extends { id: string }>(list: readonly T[], found: readonly T[], touched: readonly string[], order?: (a: T, b: T) => number): T[] {
  if (touched.length === 0) return list as T[];
  if (order) {
    const inPlace = replaceInPlace(list, found, touched, order);
    if (inPlace) return inPlace;
  }
  const fresh = new Map(found.map((x) => [x.id, x]));
  const hit = new Set(touched);
  const out: T[] = [];
  for (const x of list) {
    if (!hit.has(x.id)) {
      out.push(x);
      continue;
    }
    const next = fresh.get(x.id);
    // Gone, or (deleted and made again under the same id) of another kind: placed anew below.
    if (!next || (order && order(x, next) !== 0)) continue;
    fresh.delete(x.id);
    out.push(next);
  }
  if (fresh.size === 0) return out;
  if (!order) {
    for (const x of fresh.values()) out.push(x);
    return out;
  }
  if (fresh.size > INSERT_ONE_BY_ONE) {
    for (const x of fresh.values()) out.push(x);
    return out.sort(order);
  }
  for (const x of fresh.values()) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(out[mid], x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
  }
  return out;
}

/**
 * The common case of an edit, without a pass over the whole list: every touched item is found,
 * and each sits where `order` puts it (its kind or type is the same), so a binary search finds it
 * and the copy takes the new item at that place (so nothing was added, removed or moved: counts by
 * kind stay as they were). Null when any touched item was deleted, is new or moved: patchById then
 * makes a pass over the list. At 50,000 entities the pass is the
 * larger part of following an edit.
 */
export function replaceInPlace<T extends { id: string }>(list: readonly T[], found: readonly T[], touched: readonly string[], order: (a: T, b: T) => number): T[] | null {
  if (touched.length === 0 || found.length !== touched.length || found.length > INSERT_ONE_BY_ONE) return null;
  const wanted = new Set(touched);
  if (wanted.size !== touched.length || !found.every((x) => wanted.has(x.id))) return null;
  const at: number[] = [];
  for (const x of found) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(list[mid], x) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= list.length || list[lo].id !== x.id || order(list[lo], x) !== 0) return null;
    at.push(lo);
  }
  const out = list.slice();
  found.forEach((x, i) => (out[at[i]] = x));
  return out;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order `entities.list` returns: by kind, then id (SQLite's binary collation, for the ASCII ids used). */
export const entityOrder = (a: { kind: string; id: string }, b: { kind: string; id: string }): number => byKey(a.kind, b.kind) || byKey(a.id, b.id);
/** The order `links.list` returns: by type, then id. */
export const linkOrder = (a: { type: string; id: string }, b: { type: string; id: string }): number => byKey(a.type, b.type) || byKey(a.id, b.id);
