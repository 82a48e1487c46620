import { z } from 'zod';
import { EntitySchema } from './entities';
import { LinkSchema } from './links';
import { OptionalTextSchema } from './text';

/** Version of the JSON interchange format for a whole workspace; bump on breaking change. */
export const WORKSPACE_JSON_VERSION = 1;

/** A whole workspace as JSON: the built-in example and the JSON export/import use this. */
export const WorkspaceJsonSchema = z.object({
  format: z.literal('kohtaanto-workspace'),
  version: z.literal(WORKSPACE_JSON_VERSION),
  title: OptionalTextSchema.default({}),
  description: OptionalTextSchema.default({}),
  /** Where the content comes from (shown to the user; required for real data). */
  provenance: z.string().max(5000).optional(),
  entities: z.array(EntitySchema).max(500_000),
  links: z.array(LinkSchema).max(2_000_000),
});
export type WorkspaceJson = z.infer<typeof WorkspaceJsonSchema>;
export type WorkspaceJsonInput = z.input<typeof WorkspaceJsonSchema>;
