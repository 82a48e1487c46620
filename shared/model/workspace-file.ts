import { z } from 'zod';
import { EntitySchema } from './entities';
import { LinkSchema } from './links';
import { OptionalTextSchema } from './text';
import { PictureItemSchema } from '../picture/schemas';

/**
 * Version of the JSON interchange format for a whole workspace; bump on breaking change.
 * 2 added the situational picture (items and reviews); version 1 files still read, with an empty picture.
 */
export const WORKSPACE_JSON_VERSION = 2;
/** Every version this build reads. */
export const WORKSPACE_JSON_VERSIONS = [1, 2] as const;

/** A saved review as the file carries it: the summary and items exactly as frozen. */
export const ReviewJsonSchema = z
  .object({
    id: z.string().min(1).max(100),
    label: z.string().min(1).max(200),
    createdAt: z.string().min(1).max(40),
    summary: z.record(z.string(), z.unknown()).refine((s) => 'indicators' in s, { message: 'review.summary' }),
    items: z.array(z.record(z.string(), z.unknown())).max(1_000_000),
  })
  .strict();
export type ReviewJson = z.infer<typeof ReviewJsonSchema>;

/** The situational picture of a version 2 file. */
export const PictureJsonSchema = z
  .object({
    items: z.array(PictureItemSchema).max(1_000_000).default([]),
    reviews: z.array(ReviewJsonSchema).max(10_000).default([]),
  })
  .strict();

/** A whole workspace as JSON: the built-in example and the JSON export/import use this. */
export const WorkspaceJsonSchema = z.object({
  format: z.literal('kohtaanto-workspace'),
  version: z.union([z.literal(1), z.literal(WORKSPACE_JSON_VERSION)]),
  title: OptionalTextSchema.default({}),
  description: OptionalTextSchema.default({}),
  /** Where the content comes from (shown to the user; required for real data). */
  provenance: z.string().max(5000).optional(),
  entities: z.array(EntitySchema).max(500_000),
  links: z.array(LinkSchema).max(2_000_000),
  /** Version 2: the situational picture. */
  picture: PictureJsonSchema.optional(),
});
export type WorkspaceJson = z.infer<typeof WorkspaceJsonSchema>;
export type WorkspaceJsonInput = z.input<typeof WorkspaceJsonSchema>;
