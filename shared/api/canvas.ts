import { z } from 'zod';
import { ENTITY_KINDS, EntityKindSchema, EntitySchema, IdSchema, LinkSchema, LocalizedTextSchema } from '../model';
import { command, query, type MethodSpec } from './contract-kit';

/** The id of the workspace's main canvas; saved views have ids of their own. */
export const MAIN_VIEW = 'main';

const coord = z.number().finite().min(-1e7).max(1e7);

/** Where a node sits on one view; pinned nodes stay put when the view is laid out again. */
export const NodePositionSchema = z.object({ x: coord, y: coord, pinned: z.boolean().default(false) }).strict();
export type NodePosition = z.infer<typeof NodePositionSchema>;

export const ViewportSchema = z.object({ x: coord, y: coord, zoom: z.number().min(0.01).max(20) }).strict();
export type Viewport = z.infer<typeof ViewportSchema>;

/** What a view shows: entity kinds, and optional restrictions that all must hold (AND). */
export const CanvasFiltersSchema = z
  .object({
    kinds: z.array(EntityKindSchema).max(ENTITY_KINDS.length).default([...ENTITY_KINDS]),
    lifeEvents: z.array(IdSchema).max(200).default([]),
    organisations: z.array(IdSchema).max(1000).default([]),
    municipalities: z.array(z.string().min(1).max(100)).max(500).default([]),
    /** Only this node and what lies within `depth` links of it. */
    focus: z.object({ id: IdSchema, depth: z.number().int().min(1).max(6) }).strict().nullable().default(null),
  })
  .strict();
export type CanvasFilters = z.infer<typeof CanvasFiltersSchema>;
export type CanvasFiltersInput = z.input<typeof CanvasFiltersSchema>;

/** A saved, named view: its own filters here, its own positions and viewport beside it. */
export const CanvasViewSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    filters: CanvasFiltersSchema,
    createdAt: z.string().max(40),
  })
  .strict();
export type CanvasView = z.infer<typeof CanvasViewSchema>;

export const CLIP_FORMAT = 'kohtaanto-canvas-clip';

/**
 * What copy puts on the clipboard, as JSON: whole entities, the links among them, and their
 * positions, so a paste works in another workspace (or another Kohtaanto) just as in this one.
 */
export const CanvasClipSchema = z
  .object({
    format: z.literal(CLIP_FORMAT),
    version: z.literal(1),
    entities: z.array(EntitySchema).min(1).max(2000),
    links: z.array(LinkSchema).max(10_000).default([]),
    positions: z.record(z.string(), z.object({ x: coord, y: coord }).strict()).default({}),
  })
  .strict();
export type CanvasClip = z.infer<typeof CanvasClipSchema>;

/** Why a set of positions changed; becomes the undo entry's label. */
export const MOVE_REASONS = ['move', 'layout', 'align', 'distribute', 'pin', 'unpin', 'nudge', 'place'] as const;

const ViewIdSchema = IdSchema;

export const CanvasStateSchema = z.object({
  view: ViewIdSchema,
  views: z.array(CanvasViewSchema),
  /** Positions of the requested view; a saved view falls back to the main canvas for nodes it lacks. */
  positions: z.record(z.string(), NodePositionSchema),
  viewport: ViewportSchema.nullable(),
});
export type CanvasState = z.infer<typeof CanvasStateSchema>;

export const canvasMethods = {
  'canvas.state': query(z.object({ view: ViewIdSchema.default(MAIN_VIEW) }).strict().default({ view: MAIN_VIEW }), CanvasStateSchema),

  /** Moves (and pins or unpins) nodes of one view as one undoable step. */
  'canvas.move': command(
    z
      .object({
        view: ViewIdSchema,
        moves: z.array(z.object({ id: IdSchema, x: coord, y: coord, pinned: z.boolean().optional() }).strict()).min(1).max(50_000),
        reason: z.enum(MOVE_REASONS).default('move'),
        /** false for placing nodes that had no position yet: not a user's edit, so not undoable. */
        undoable: z.boolean().default(true),
      })
      .strict(),
    z.object({ moved: z.number().int() }),
    // A layout of a few thousand nodes is larger than the default request body.
    { maxBodyBytes: 8 * 1024 * 1024 },
  ),

  // Pan and zoom are not edits: they are neither undoable nor announced to other clients
  // (announcing them would make every connected laptop reload at every scroll).
  'canvas.setViewport': query(z.object({ view: ViewIdSchema, viewport: ViewportSchema }).strict(), z.null()),

  /** Creates an entity where it was put on the canvas: entity and position are one undo step. */
  'canvas.createNode': command(
    z
      .object({
        view: ViewIdSchema,
        entity: z.looseObject({ id: IdSchema.optional(), kind: EntityKindSchema }),
        x: coord,
        y: coord,
      })
      .strict(),
    EntitySchema,
  ),

  /** Deletes nodes (with every link touching them) and links, as one undo step. */
  'canvas.deleteNodes': command(
    z.object({ ids: z.array(IdSchema).max(10_000).default([]), linkIds: z.array(IdSchema).max(50_000).default([]) }).strict(),
    z.object({ deletedEntities: z.number().int(), deletedLinks: z.number().int() }),
  ),

  /** Pastes a clip with fresh ids at a point of a view, as one undo step. */
  'canvas.paste': command(
    z.object({ view: ViewIdSchema, clip: CanvasClipSchema, x: coord, y: coord }).strict(),
    z.object({ ids: z.array(IdSchema), linkIds: z.array(IdSchema) }),
    { maxBodyBytes: 8 * 1024 * 1024 },
  ),

  /**
   * Saves a named view (new when `id` is absent). A new view starts with the positions the given
   * nodes have in `copyFrom`, so it looks exactly as the canvas did when it was saved.
   */
  'canvas.saveView': command(
    z
      .object({
        id: ViewIdSchema.optional(),
        name: LocalizedTextSchema,
        filters: CanvasFiltersSchema,
        copyFrom: ViewIdSchema.default(MAIN_VIEW),
        ids: z.array(IdSchema).max(50_000).default([]),
        viewport: ViewportSchema.optional(),
      })
      .strict(),
    CanvasViewSchema,
  ),
  'canvas.deleteView': command(z.object({ id: ViewIdSchema }).strict(), z.null()),
} satisfies Record<string, MethodSpec>;
