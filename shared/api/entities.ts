import { z } from 'zod';
import { EntityKindSchema, EntitySchema, LinkSchema } from '../model';
import { query, type MethodSpec } from './contract-kit';

/** Columns a table can sort by: the name, the link count, or a field the table shows. */
export const ENTITY_SORTS = [
  'name',
  'links',
  'orgType',
  'municipality',
  'areaType',
  'languages',
  'serviceClasses',
  'channelType',
  'url',
  'code',
  'ages',
  'language',
  'peoplePerYear',
] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

/** The most rows one page request returns (a table asks for a screenful and a margin). */
export const MAX_PAGE_ROWS = 500;

export const EntityPageInputSchema = z
  .object({
    kind: EntityKindSchema,
    /** Part of a name in any language, or of an id; case-blind. */
    search: z.string().max(200).default(''),
    sort: z.enum(ENTITY_SORTS).default('name'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    /** The language whose names are shown, sorted by and (for the name) fallen back from. */
    lang: z.enum(['fi', 'sv', 'en']).default('fi'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(0).max(MAX_PAGE_ROWS).default(100),
  })
  .strict();
export type EntityPageInput = z.input<typeof EntityPageInputSchema>;

export const EntityPageSchema = z.object({
  /** The rows from `offset`, each with how many links it has (either end). */
  rows: z.array(z.object({ entity: EntitySchema, links: z.number().int() })),
  /** How many rows match in all. */
  total: z.number().int(),
});
export type EntityPage = z.infer<typeof EntityPageSchema>;

/** The most entities or links one `*.scan` request returns. */
export const MAX_SCAN_ROWS = 5000;

const ScanInputSchema = z
  .object({
    /** The id the previous chunk ended at (its `next`); none: from the start. */
    after: z.string().min(1).max(200).optional(),
    limit: z.number().int().min(1).max(MAX_SCAN_ROWS).default(1000),
  })
  .strict()
  .default({ limit: 1000 });
export type ScanInput = z.input<typeof ScanInputSchema>;

/** One chunk of a scan in id order; `next` is where the next chunk starts (null: none left). */
const scanOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() });

export const entityPageMethods = {
  /**
   * Every entity, a chunk at a time in id order (a window loading a large catalogue in the
   * background, so that no single request holds the server for seconds). Chunks follow each
   * other by id, not by position: an entity written or deleted meanwhile shifts no other one.
   */
  'entities.scan': query(ScanInputSchema, scanOf(EntitySchema)),
  /** Every link, the same way. */
  'links.scan': query(ScanInputSchema, scanOf(LinkSchema)),
  /** One page of an entity table, searched and sorted in the database. */
  'entities.page': query(EntityPageInputSchema, EntityPageSchema),
  /** Where an entity sits in a table as it is sorted and searched (-1: not in it), to scroll to it. */
  'entities.position': query(EntityPageInputSchema.omit({ offset: true, limit: true }).extend({ id: z.string().min(1).max(200) }), z.object({ index: z.number().int() })),
} satisfies Record<string, MethodSpec>;
