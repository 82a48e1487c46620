/**
 * Field errors of a picture form, from the same zod schemas the backend checks with. The schemas'
 * own messages are codes ('indicator.targetEqualsBaseline'); zod's built-in checks are turned into
 * codes too, so that every message reaches the user in the UI language (`picture.validation.*`).
 */
import type { z } from 'zod';

export interface FieldError {
  /** A key under `picture.validation`. */
  code: string;
  values?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

/** Codes the schemas of shared/picture and shared/model write as messages. */
export const SCHEMA_CODES = ['text.empty', 'date.invalid', 'year.invalid', 'indicator.targetEqualsBaseline', 'indicator.targetBeforeBaseline', 'cba.discountRateTooLow'] as const;

/** A form field's key: the zod path joined with dots (`baseline.value`, `measurements.2.date`). */
export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** One error per field (the first zod reports), keyed by path. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (out[key]) continue;
    out[key] = issueToError(issue);
  }
  return out;
}

function issueToError(issue: z.core.$ZodIssue): FieldError {
  if ((SCHEMA_CODES as readonly string[]).includes(issue.message)) return { code: issue.message };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return { code: 'required' };
      return { code: issue.inclusive === false ? 'greaterThan' : 'atLeast', values: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'tooLong', values: { max: Number(issue.maximum) } };
      return { code: 'atMost', values: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { code: issue.expected === 'number' ? 'number' : issue.expected === 'int' ? 'wholeNumber' : 'required' };
    default:
      return { code: 'invalid' };
  }
}

/**
 * Reads a number field: records `number` (not a number) or `required` at `key` and returns
 * undefined for both, so a form can collect every field's problem in one pass.
 */
export function readNumber(errors: FieldErrors, key: string, parsed: { ok: true; value: number | undefined } | { ok: false }, required: boolean): number | undefined {
  if (!parsed.ok) {
    errors[key] = { code: 'number' };
    return undefined;
  }
  if (parsed.value === undefined && required) errors[key] = { code: 'required' };
  return parsed.value;
}
