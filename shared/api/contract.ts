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
import { MAX_LISTED_CHANGES, type WorkspaceChanges } from './changes';
import { duplicateMethods } from './duplicates';
import { workshopMethods } from './workshop';
import type { WorkshopEvent } from '../workshop/types';
import { remoteMethods } from './remote';
import { courseMethods } from './course';
import { entityPageMethods } from './entities';

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

/** The built-in examples: the youth ecosystem, and the AuroraAI programme's situational picture. */
export const EXAMPLE_IDS = ['nuoret', 'auroraai'] as const;
export type ExampleId = (typeof EXAMPLE_IDS)[number];

export const workspaceMethods = {
  'app.info': query(
    Empty,
    z.object({ version: z.string(), mode: z.enum(['desktop', 'browser']), workspacesDir: z.string() }),
  ),

  'workspace.current': query(Empty, WorkspaceInfoSchema.nullable()),
  /** `example`: true or 'nuoret' for the ecosystem example, 'auroraai' for the situational-picture example. */
  'workspace.create': command(
    z.object({ path: PathSchema.optional(), name: z.string().min(1).max(200).optional(), example: z.union([z.boolean(), z.enum(EXAMPLE_IDS)]).default(false) }).strict(),
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
  /** The entities of these ids that exist (a client refetching what `workspace.changed` named). */
  'entities.getMany': query(z.object({ ids: z.array(IdSchema).max(MAX_LISTED_CHANGES) }).strict(), z.array(EntitySchema)),
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
  /** The links of these ids that exist. */
  'links.getMany': query(z.object({ ids: z.array(IdSchema).max(MAX_LISTED_CHANGES) }).strict(), z.array(LinkSchema)),
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
  ...entityPageMethods,
  ...ioMethods,
  ...canvasMethods,
  ...matchingMethods,
  ...pictureMethods,
  ...duplicateMethods,
  ...workshopMethods,
  ...remoteMethods,
  ...courseMethods,
} satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** Events the backend pushes to every connected client. */
export interface ApiEvents {
  /** `changes` says what to refetch; without it (an older server), reload everything. */
  'workspace.changed': { method: string; changes?: WorkspaceChanges };
  /** Progress of a long import, for its progress bar. */
  'io.progress': { importId: string; done: number; total: number; phase: 'read' | 'write' };
  /** A workshop session's live event (the facilitator's copy; ids as in workshop.events). */
  'workshop.event': WorkshopEvent;
}
export type EventName = keyof ApiEvents;
