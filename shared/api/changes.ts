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

/** Two changes as one (a burst of edits coalesced into one refetch). */
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

/**
 * A list after a change: `touched` ids were written or deleted, `found` is what the workspace
 * now holds of them (a touched id not found was deleted). Unchanged items keep their identity
 * and order, so views that memoise on them do no work. New ones go where `order` puts them
 * (the order the full list comes in, so that a layout of the same workspace is the same
 * whether it was reloaded or patched), or at the end.
 */
export function patchById<T extends { id: string }>(list: readonly T[], found: readonly T[], touched: readonly string[], order?: (a: T, b: T) => number): T[] {
  if (touched.length === 0) return list as T[];
  const fresh = new Map(found.map((x) => [x.id, x]));
  const gone = new Set(touched.filter((id) => !fresh.has(id)));
  const out: T[] = [];
  for (const x of list) {
    if (gone.has(x.id)) continue;
    const next = fresh.get(x.id);
    if (next) fresh.delete(x.id);
    out.push(next ?? x);
  }
  if (fresh.size === 0) return out;
  for (const x of fresh.values()) out.push(x);
  return order ? out.sort(order) : out;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order `entities.list` returns: by kind, then id (SQLite's binary collation). */
export const entityOrder = (a: { kind: string; id: string }, b: { kind: string; id: string }) => byKey(a.kind, b.kind) || byKey(a.id, b.id);
/** The order `links.list` returns: by type, then id. */
export const linkOrder = (a: { type: string; id: string }, b: { type: string; id: string }) => byKey(a.type, b.type) || byKey(a.id, b.id);
