import type { TFunction } from 'i18next';
import type { Refusal } from '../../../../shared/workshop/types';

/**
 * The sentence for a refusal of a workshop method, in the UI language. Validation messages that
 * are keys of the workshop schemas (`workshop.tooLong`…) are said too; anything else keeps the
 * server's own words.
 */
export function refusalText(t: TFunction, reason: Refusal | null, details: Record<string, unknown>, message: string): string {
  if (!reason) return t('workshop.common.failed', { message });
  if (reason === 'wait') return t('workshop.server.wait', { count: Math.max(1, Math.ceil(Number(details.retryAfterSeconds ?? 1))) });
  if (reason === 'tooManyDots') return t('workshop.server.tooManyDots', { count: Number(details.dots ?? details.dotsPerPerson ?? details.limit ?? 0) });
  if (reason === 'invalid') return t('workshop.server.invalid', { message: validationText(t, message) });
  if (reason === 'listenFailed') return t('workshop.server.listenFailed', { message });
  return t(`workshop.server.${reason}`);
}

/** Turns "field: workshop.tooLong" style messages into words; unknown text passes through. */
function validationText(t: TFunction, message: string): string {
  return message.replace(/workshop\.(empty|tooLong|controlCharacters|oneLine)/g, (_, k: string) => t(`workshop.server.${k}`));
}
