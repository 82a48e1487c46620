import type { TFunction } from 'i18next';
import type { Entity } from '../../../../shared/model';

/** The text of one table cell; enumerations are translated, lists joined. */
export function cellText(e: Entity, column: string, t: TFunction, municipalityName?: (code: string) => string | undefined): string {
  const rec = e as unknown as Record<string, unknown>;
  if (column === 'ages' && e.kind === 'persona') return `${e.ageMin}–${e.ageMax}`;
  const v = rec[column];
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? (v.length > 4 ? `${v.slice(0, 4).join(', ')} +${v.length - 4}` : v.join(', ')) : '—';
  if (column === 'orgType' || column === 'areaType' || column === 'fundingType' || column === 'channelType') return t(`${column}.${String(v)}`);
  if (column === 'language') return t(`language.${String(v)}`);
  if (column === 'municipality') return municipalityName?.(String(v)) ?? String(v);
  if (typeof v === 'number') return v.toLocaleString();
  return String(v);
}
