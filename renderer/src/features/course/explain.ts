import type { TFunction } from 'i18next';
import type { CheckResult, CheckStatus } from '../../../../shared/course/types';
import { formatParams } from './courseApi';

/** The icon shown with each status; the word beside it says the same, so colour is never alone. */
export const STATUS_ICON: Record<CheckStatus, string> = { passed: '✓', failed: '✗', review: '✎', error: '!' };

/** A check's explained result ("coverage 0.62, needed at least 0.75") in the UI language. */
export function explainText(t: TFunction, lang: string, explanation: CheckResult['explanation']): string {
  const params = formatParams(explanation.params, lang);
  // The sentence depends on the comparison (at least / at most) or on what is missing: i18next's context.
  const context = explanation.params.comparison ?? explanation.params.missing;
  return t(`course.explain.${explanation.key}`, { ...params, context: typeof context === 'string' ? context : undefined, defaultValue: t('course.ui.explainUnknown', { key: explanation.key }) });
}
