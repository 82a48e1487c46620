import type { TFunction } from 'i18next';
import type { CheckResult, CheckStatus } from '../../../../shared/course/types';
import { formatParams } from './courseApi';

/** The icon shown with each status; the word beside it says the same, so colour is never alone. */
export const STATUS_ICON: Record<CheckStatus, string> = { passed: '✓', failed: '✗', review: '✎', error: '!' };

/** A check's explained result ("coverage 0.62, needed at least 0.75") in the UI language. */
export function explainText(t: TFunction, lang: string, explanation: CheckResult['explanation']): string {
  const params = formatParams(explanation.params, lang);
  // A comparison word is a code ('atLeast'); said in words where the sentence uses it.
  if (typeof explanation.params.comparison === 'string') params.comparisonText = t(`course.ui.comparison.${explanation.params.comparison}`, { defaultValue: explanation.params.comparison });
  return t(`course.explain.${explanation.key}`, { ...params, defaultValue: t('course.ui.explainUnknown', { key: explanation.key }) });
}
