import { z } from 'zod';
import { WorkspaceJsonSchema } from '../model';

/**
 * A built-in example: a workspace JSON file (format version 2 carries the situational picture
 * beside the ecosystem), validated by the same schemas as an imported file.
 */
export const ExampleJsonSchema = WorkspaceJsonSchema;
export type ExampleJson = z.infer<typeof ExampleJsonSchema>;
export type ExampleJsonInput = z.input<typeof ExampleJsonSchema>;
