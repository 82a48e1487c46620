import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/api/result';
import { sayWithPlace } from './say';

/** A user-facing sentence for an API error, in the UI language, keeping the backend's detail. */
export function describeError(t: TFunction, e: AppError): string {
  if (e.code === 'invalid_input') {
    // The situational picture's refusals say what is wrong item by item: better than any summary.
    const said = validationText(t, e);
    if (said) return said;
  }
  // The file (and the record, for an import stopped by one) come first, as in the English sentence.
  const message = sayWithPlace(t, e);
  if (message) return t(`error.${e.code}`, { message, defaultValue: t('error.generic', { message }) });
  return t(`error.${e.code}`, { message: e.message, defaultValue: t('error.generic', { message: e.message }) });
}

interface Issue {
  path?: unknown[];
  message?: string;
}

/** Where in an item an issue is (measurement 2, year 2021, question 3), from its path. */
function where(t: TFunction, path: unknown[]): string | undefined {
  const at = (key: string) => {
    const i = path.indexOf(key);
    return i >= 0 && i + 1 < path.length ? String(path[i + 1]) : undefined;
  };
  const measurement = at('measurements');
  if (measurement !== undefined) return t('picture.validation.where.measurement', { n: Number(measurement) + 1 });
  const year = at('amounts') ?? at('adoption');
  if (year !== undefined) return t('picture.validation.where.year', { year });
  const question = at('questions');
  if (question !== undefined) return t('picture.validation.where.question', { n: Number(question) + 1 });
  return undefined;
}

/**
 * Refusals whose issues are codes the situational picture knows (picture.validation.*): said in
 * the UI language with where each problem is. Undefined when none of them is such a code.
 */
function validationText(t: TFunction, e: AppError): string | undefined {
  const details = (e.details ?? {}) as { issues?: Issue[]; reason?: string; field?: string; id?: string };
  const problems: string[] = [];
  if (typeof details.reason === 'string') {
    const text = t(`picture.validation.${details.reason}`, { field: details.field, id: details.id, defaultValue: '' });
    if (text) problems.push(text);
  }
  for (const issue of details.issues ?? []) {
    if (typeof issue.message !== 'string' || !/^[a-z]+\.[A-Za-z]+$/.test(issue.message)) continue;
    const text = t(`picture.validation.${issue.message}`, { defaultValue: '' });
    if (!text) continue;
    const place = where(t, Array.isArray(issue.path) ? issue.path : []);
    problems.push(place ? `${place}: ${text}` : text);
  }
  return problems.length ? t('picture.validation.refused', { problems: [...new Set(problems)].join(' ') }) : undefined;
}
