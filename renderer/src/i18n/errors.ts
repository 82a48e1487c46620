import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/api/result';

/** A user-facing sentence for an API error, in the UI language, keeping the backend's detail. */
export function describeError(t: TFunction, e: AppError): string {
  return t(`error.${e.code}`, { message: e.message, defaultValue: t('error.generic', { message: e.message }) });
}
