import { z } from 'zod';
import { WorkspaceJsonSchema } from '../model';
import { PictureItemSchema } from './schemas';

/**
 * A built-in example that carries a situational picture beside its ecosystem: the workspace JSON
 * the first example uses, plus the picture's items (validated by the same schemas as the API's).
 */
export const ExampleJsonSchema = WorkspaceJsonSchema.extend({
  picture: z.array(PictureItemSchema).max(100_000).default([]),
});
export type ExampleJson = z.infer<typeof ExampleJsonSchema>;
export type ExampleJsonInput = z.input<typeof ExampleJsonSchema>;
