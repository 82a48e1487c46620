import { z } from 'zod';
import { EntityKindSchema, EntitySchema, IdSchema, OptionalTextSchema } from '../model';
import { command, query, type MethodSpec } from './contract-kit';

/** Why entities were put in one group: same normalised name, same PTV id, same PTV life-event code, or a similar name. */
export const DUPLICATE_REASONS = ['name', 'ptvId', 'code', 'similarName'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What can tell members of a group apart; listed per group when the members differ in it. */
export const DUPLICATE_TRAITS = ['organisations', 'languages', 'area', 'ptvId', 'code', 'serviceClasses', 'description', 'names'] as const;
export type DuplicateTrait = (typeof DUPLICATE_TRAITS)[number];

export const DuplicateMemberSchema = z.object({
  id: z.string(),
  name: OptionalTextSchema,
  ptvId: z.string().optional(),
  code: z.string().optional(),
  /** Providers (services) as id and name. */
  organisations: z.array(z.object({ id: z.string(), name: OptionalTextSchema })),
  languages: z.array(z.string()),
  areaType: z.string().optional(),
  areas: z.array(z.string()),
  serviceClasses: z.array(z.string()),
  /** The start of the description in each language, to compare by eye. */
  description: OptionalTextSchema,
  links: z.number().int(),
});
export type DuplicateMember = z.infer<typeof DuplicateMemberSchema>;

export const DuplicateGroupSchema = z.object({
  /** Stable for the same members: the sorted member ids joined. */
  key: z.string(),
  kind: EntityKindSchema,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  /** Nothing material tells the members apart (same provider and area), or they share a PTV id or code. */
  likely: z.boolean(),
  differences: z.array(z.enum(DUPLICATE_TRAITS)),
  members: z.array(DuplicateMemberSchema),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroupSchema>;

export const DuplicateReportSchema = z.object({
  /** Entities looked at. */
  entities: z.number().int(),
  /** Distinct normalised names among them (per kind). */
  distinctNames: z.number().int(),
  groups: z.array(DuplicateGroupSchema),
});
export type DuplicateReport = z.infer<typeof DuplicateReportSchema>;

/** How an import's records overlap with what the workspace already holds, for the import summary. */
export const ImportDuplicatesSchema = z.object({
  imported: z.number().int(),
  distinctNames: z.number().int(),
  groups: z.number().int(),
  likely: z.number().int(),
});
export type ImportDuplicates = z.infer<typeof ImportDuplicatesSchema>;

export const MergeResultSchema = z.object({
  kept: EntitySchema,
  /** Entities merged into the kept one and deleted. */
  merged: z.array(z.string()),
  movedLinks: z.number().int(),
  /** Links that would have become twins of the kept one's links, or links to itself. */
  droppedLinks: z.number().int(),
  /** Fields of the kept entity filled from the others. */
  filled: z.array(z.string()),
  label: z.string(),
});
export type MergeResult = z.infer<typeof MergeResultSchema>;

export const duplicateMethods = {
  /** Likely duplicates: same-kind entities with the same or a similar name, the same PTV id or PTV life-event code. */
  'duplicates.find': query(
    z
      .object({
        kind: EntityKindSchema.optional(),
        /** Only groups with at least one of these (the records an import just wrote). */
        ids: z.array(IdSchema).max(100_000).optional(),
      })
      .strict()
      .default({}),
    DuplicateReportSchema,
  ),
  /**
   * Keeps `keep`, moves every link of `merge` onto it (dropping twins and self-links), fills its
   * empty fields from them, and deletes them: one undoable step.
   */
  'duplicates.merge': command(
    z.object({ keep: IdSchema, merge: z.array(IdSchema).min(1).max(200) }).strict(),
    MergeResultSchema,
  ),
} satisfies Record<string, MethodSpec>;
