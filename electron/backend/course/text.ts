import type { Language } from '../../../shared/model';
import type { CheckResult } from '../../../shared/course/types';
import { fill, messages } from '../io/labels';

/** A check's explanation as a sentence (as the UI says it: i18next context from comparison or missing). */
export function explainText(r: Pick<CheckResult, 'explanation'>, lang: Language): string {
  const table = messages(lang).course.explain as Record<string, string>;
  const { key, params } = r.explanation;
  const context = params.comparison ?? params.missing;
  const template = (context !== undefined ? table[`${key}_${context}`] : undefined) ?? table[key] ?? key;
  return fill(template, params);
}

/** A course.error code as a sentence. */
export function errorText(code: string, params: Record<string, string | number>, lang: Language): string {
  const table = messages(lang).course.error as Record<string, string>;
  return fill(table[code] ?? code, params);
}
