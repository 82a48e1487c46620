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
import { pictureMethods } from './picture';
import { command, Empty, query, type MethodSpec } from './contract-kit';
import { ioMethods } from './io';
import { HistoryLabelSchema } from './history';
import { duplicateMethods } from './duplicates';
import { remoteMethods } from './remote';

export { command, Empty, query, type MethodSpec } from './contract-kit';

/** A file path from a caller: no control characters (SQLite would cut the name at a NUL and open another file). */
export const PathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !/[\u0000-\u001f\u007f-\u009f]/.test(p), { message: 'A file path cannot contain control characters (such as a NUL byte or a line break).' });

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
  /** The same steps as message keys with names, for saying them in the user's language. */
  undo: HistoryLabelSchema.optional(),
  redo: HistoryLabelSchema.optional(),
  /** After history.undo / history.redo: the step just undone or redone. */
  done: HistoryLabelSchema.optional(),
  doneLabel: z.string().optional(),
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
  /**
   * `linkTo` links the new entity to existing ones in the same undoable step (a need created
   * from a life event's panel is already in that life event).
   */
  'entities.create': command(
    z
      .object({
        entity: NewEntitySchema,
        linkTo: z.array(z.object({ type: LinkTypeSchema, other: IdSchema, outgoing: z.boolean(), data: LinkDataSchema.default({}) }).strict()).max(500).optional(),
        /** The entity the new one was made from (a life event's panel), named in the undo label. */
        context: IdSchema.optional(),
      })
      .strict(),
    EntitySchema,
  ),
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
  /** Several links at once, as one undoable step (a picker's multi-select). */
  'links.createMany': command(
    z
      .object({
        links: z
          .array(z.object({ type: LinkTypeSchema, source: IdSchema, target: IdSchema, data: LinkDataSchema.default({}) }).strict())
          .min(1)
          .max(2000),
      })
      .strict(),
    z.array(LinkSchema),
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
  ...pictureMethods,
  ...duplicateMethods,
  ...remoteMethods,
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
