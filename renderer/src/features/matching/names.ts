import type { TFunction } from 'i18next';
import type { MatchingRunRecord, RecommenderCodes } from '../../../../shared/api/matching';
import { pickText, type Entity, type Language } from '../../../../shared/model';
import { routeHref } from '../../app/route';

/** Names for a run's ids: the entity's name now, else the name saved with the run (runs of version 1 saved provider-less services as "service:<id>"), else the id. */
export function runNames(byId: Map<string, Entity>, record: MatchingRunRecord | null, lang: Language) {
  return (id: string): string => pickText(byId.get(id)?.name, lang) || pickText(record?.names[id] ?? record?.names[`service:${id}`], lang) || id;
}

/**
 * Where an id of a run leads: the entity's own view (its links and fields). Ids of entities
 * deleted since the run lead nowhere.
 */
export function entityHref(byId: Map<string, Entity>, id: string): string | undefined {
  const e = byId.get(id);
  return e ? routeHref({ view: 'entities', kind: e.kind, id: e.id }) : undefined;
}

export const percent = (x: number | null | undefined, lang: string, digits = 0) =>
  x === null || x === undefined ? '–' : `${(x * 100).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })}\u00a0%`;

/** An equity group's name: a language, a municipality or an age band. */
export function groupLabel(t: TFunction, dimension: string, group: string, codes: RecommenderCodes | null, lang: Language): string {
  // The language's name in the user's language ("ruotsi"), not its own name as the language menu shows it.
  if (dimension === 'language') return (['fi', 'sv', 'en'] as string[]).includes(group) ? t(`languageName.${group}`) : group;
  if (dimension === 'municipality') {
    const m = codes?.municipalities.find((x) => x.code === group);
    return m ? `${m[lang] || m.fi} (${group})` : group === '-' ? t('matching.noMunicipality') : group;
  }
  return t('matching.ageBand', { band: group.replace('-', '–') });
}
