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
