import type { TFunction } from 'i18next';
import type { Refusal } from '../../../../shared/workshop/types';

/**
 * The sentence for a refusal of a workshop method, in the UI language. Validation messages that
 * are keys of the workshop schemas (`workshop.tooLong`…) are said too; anything else keeps the
 * server's own words.
 */
export function refusalText(t: TFunction, reason: Refusal | null, details: Record<string, unknown>, message: string): string {
  if (!reason) return t('workshop.common.failed', { message });
  const retry = Number(details.retryAfterSeconds);
  const seconds = Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : null;
  if (reason === 'wait') return t('workshop.server.wait', { count: seconds ?? 1 });
  // With the seconds known, say how long to wait rather than "a moment".
  if (reason === 'rateLimited' && seconds) return t('workshop.server.rateLimitedWait', { count: seconds });
  if (reason === 'wrongCode' && seconds) return t('workshop.server.wrongCodeWait', { count: seconds });
  if (reason === 'tooManyDots') return t('workshop.server.tooManyDots', { count: Number(details.dots ?? details.dotsPerPerson ?? details.limit ?? 0) });
  if (reason === 'invalid') return t('workshop.server.invalid', { message: validationText(t, message) });
  if (reason === 'listenFailed') return t('workshop.server.listenFailed', { message });
  return t(`workshop.server.${reason}`);
}

/** Turns "field: workshop.tooLong" style messages into words; unknown text passes through. */
function validationText(t: TFunction, message: string): string {
  return message.replace(/workshop\.(empty|tooLong|controlCharacters|oneLine)/g, (_, k: string) => t(`workshop.server.${k}`));
}
