import type { TFunction } from 'i18next';
import type { HistoryLabel } from '../../../shared/api/history';
import type { Language } from '../../../shared/model';

/**
 * One history step in the user's language. Steps recorded before labels carried structure
 * (older workspaces) have only their English sentence, which is shown as it is.
 */
export function historyText(t: TFunction, lang: Language, label: HistoryLabel | undefined, fallback: string | undefined): string {
  if (!label) return fallback ?? '';
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(label.params)) {
    if (typeof v === 'object') values[k] = v[lang] || v.fi || v.sv || v.en || '';
    else if (k === 'kind' || k === 'otherKind') values[k] = t(`kind.${v}.one`).toLocaleLowerCase(lang);
    else if (k === 'type') values[k] = t(`link.${v}.name`);
    else if (k === 'reason') values[k] = t(`history.reason.${v}`);
    else if (k === 'pictureKind') values[k] = t(`history.pictureKind.${v}`);
    else values[k] = v;
  }
  const text = t(`history.${label.key}`, { ...values, defaultValue: '' });
  // A key this client does not know (a newer client wrote it): the English sentence still says it.
  return text || fallback || label.key;
}
