import { z } from 'zod';
import {
  EntityKindSchema,
  EntitySchema,
  IdSchema,
  LinkDataSchema,
  LinkSchema,
  LinkTypeSchema,
  OptionalTextSchema,
} from '../model';
import { canvasMethods } from './canvas';
import { matchingMethods } from './matching';
import { command, Empty, query, type MethodSpec } from './contract-kit';
import { ioMethods } from './io';
import { duplicateMethods } from './duplicates';

export { command, Empty, query, type MethodSpec } from './contract-kit';

const PathSchema = z.string().min(1).max(4096);

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  title: OptionalTextSchema,
  schemaVersion: z.number().int(),
  readOnly: z.boolean(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const WorkspaceStatsSchema = z.object({
  schemaVersion: z.number().int(),
  entities: z.record(z.string(), z.number().int()),
  links: z.record(z.string(), z.number().int()),
});
export type WorkspaceStats = z.infer<typeof WorkspaceStatsSchema>;

export const RecentEntrySchema = z.object({
  path: z.string(),
  title: OptionalTextSchema,
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentEntry = z.infer<typeof RecentEntrySchema>;

export const HistoryStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().optional(),
  redoLabel: z.string().optional(),
});
export type HistoryState = z.infer<typeof HistoryStateSchema>;

/** An entity to create: like a stored entity, but the id may be left for the workspace to assign. */
export const NewEntitySchema = z.looseObject({ id: IdSchema.optional(), kind: EntityKindSchema });

export const EntityWithLinksSchema = z.object({ entity: EntitySchema, links: z.array(LinkSchema) });

export const workspaceMethods = {
  'app.info': query(
    Empty,
    z.object({ version: z.string(), mode: z.enum(['desktop', 'browser']), workspacesDir: z.string() }),
  ),

  'workspace.current': query(Empty, WorkspaceInfoSchema.nullable()),
  'workspace.create': command(
    z.object({ path: PathSchema.optional(), name: z.string().min(1).max(200).optional(), example: z.boolean().default(false) }).strict(),
    WorkspaceInfoSchema,
  ),
  'workspace.open': command(z.object({ path: PathSchema }).strict(), WorkspaceInfoSchema),
  'workspace.close': command(Empty, z.null()),
  'workspace.recent': query(Empty, z.array(RecentEntrySchema)),
  'workspace.forgetRecent': command(z.object({ path: PathSchema }).strict(), z.array(RecentEntrySchema)),
  'workspace.stats': query(Empty, WorkspaceStatsSchema),
  'workspace.setTitle': command(z.object({ title: OptionalTextSchema }).strict(), WorkspaceInfoSchema),
} satisfies Record<string, MethodSpec>;

export const entityMethods = {
  'entities.list': query(
    z.object({ kind: EntityKindSchema.optional() }).strict().default({}),
    z.array(EntitySchema),
  ),
  'entities.get': query(z.object({ id: IdSchema }).strict(), EntityWithLinksSchema),
  'entities.create': command(z.object({ entity: NewEntitySchema }).strict(), EntitySchema),
  'entities.update': command(z.object({ entity: NewEntitySchema.extend({ id: IdSchema }) }).strict(), EntitySchema),
  'entities.delete': command(z.object({ id: IdSchema }).strict(), z.object({ deletedLinks: z.number().int() })),

  'links.list': query(
    z.object({ entityId: IdSchema.optional(), type: LinkTypeSchema.optional() }).strict().default({}),
    z.array(LinkSchema),
  ),
  'links.create': command(
    z.object({ type: LinkTypeSchema, source: IdSchema, target: IdSchema, data: LinkDataSchema.default({}) }).strict(),
    LinkSchema,
  ),
  'links.update': command(z.object({ id: IdSchema, data: LinkDataSchema }).strict(), LinkSchema),
  'links.delete': command(z.object({ id: IdSchema }).strict(), z.null()),

  'history.state': query(Empty, HistoryStateSchema),
  'history.undo': command(Empty, HistoryStateSchema),
  'history.redo': command(Empty, HistoryStateSchema),
} satisfies Record<string, MethodSpec>;

/** Every method of the API, `domain.verb` → input and output schemas. The registry serves exactly these. */
export const contract = {
  ...workspaceMethods,
  ...entityMethods,
  ...ioMethods,
  ...canvasMethods,
  ...matchingMethods,
  ...duplicateMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Events the backend pushes to every connected client. */
export interface ApiEvents {
  'workspace.changed': { method: string };
  /** Progress of a long import, for its progress bar. */
  'io.progress': { importId: string; done: number; total: number; phase: 'read' | 'write' };
}
export type EventName = keyof ApiEvents;
