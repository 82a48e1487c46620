import type { z } from 'zod';
import type { TFunction } from 'i18next';
import type { courseMethods } from '../../../../shared/api/course';
import { AppError } from '../../../../shared/api/result';
import { api } from '../../api';
import { describeError } from '../../i18n/errors';
import { fileToBase64 } from '../io/files';

type Methods = typeof courseMethods;
export type CourseMethod = keyof Methods;
export type CourseInput<M extends CourseMethod> = z.input<Methods[M]['input']>;
export type CourseOutput<M extends CourseMethod> = z.output<Methods[M]['output']>;

/** A course.* call, typed by the course contract (shared/api/course.ts). */
export function courseCall<M extends CourseMethod>(method: M, input: CourseInput<M>): Promise<CourseOutput<M>> {
  return (api.call as unknown as (m: string, i: unknown) => Promise<CourseOutput<M>>)(method, input);
}

/** A file as the course methods take it. */
export async function packFile(file: File): Promise<{ name: string; dataBase64: string }> {
  return { name: file.name, dataBase64: await fileToBase64(file) };
}

/**
 * A refusal of a course method in words: its `course.error.*` code with params when it has one,
 * else the app's usual sentence for the error.
 */
export function courseErrorText(t: TFunction, e: AppError, lang?: string): string {
  const details = (e.details ?? {}) as { reason?: unknown; params?: Record<string, string | number> };
  if (typeof details.reason === 'string') {
    const text = codeText(t, details.reason, details.params ?? {}, lang);
    if (text) return text;
  }
  return describeError(t, e);
}

/** A message code under course.error.* (with or without the prefix) in words, or '' when unknown. */
export function codeText(t: TFunction, code: string, params: Record<string, unknown> = {}, lang?: string): string {
  const key = code.startsWith('course.error.') ? code : `course.error.${code}`;
  return t(key, { ...formatParams(params, lang), defaultValue: '' });
}

/** Numbers said the language's way (0,62 in Finnish); the rest as they are. */
export function formatParams(params: Record<string, unknown>, lang?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? v.toLocaleString(lang, { maximumFractionDigits: 2 }) : v;
  }
  return out;
}
