import { z } from 'zod';

/** One API method: the schemas its input and output must satisfy. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Changes the workspace: adapters announce `workspace.changed` after it succeeds. */
  mutates: boolean;
  /** A larger request body than the HTTP door's default (imports). */
  maxBodyBytes?: number;
}

// Domain contract files import these from here, not from contract.ts, so that contract.ts can
// import every domain file without a cycle.

/** A method that only reads. */
export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, extra: Partial<MethodSpec> = {}): MethodSpec<I, O> {
  return { ...extra, input, output, mutates: false };
}

/** A method that changes the workspace (or the app's state). */
export function command<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, extra: Partial<MethodSpec> = {}): MethodSpec<I, O> {
  return { ...extra, input, output, mutates: true };
}

/** Input of a method that takes nothing. */
export const Empty = z.object({}).strict().default({});
