/**
 * Sentences of a run comparison and names of equity groups, in Finnish, Swedish and English.
 * The backend writes them (the API answers in the language asked for), so they live here rather
 * than in the renderer's i18n files.
 */
import type { Language } from '../model';
import type { EquityDimension } from './types';

const STRINGS = {
  'change.coverage': {
    fi: 'Tarpeiden kattavuus muuttui {before} %:sta {after} %:iin.',
    sv: 'Behovstäckningen ändrades från {before} % till {after} %.',
    en: 'Need coverage changed from {before}% to {after}%.',
  },
  'change.personaNeedCovered': {
    fi: 'Asiakasprofiilin ”{persona}” tarve ”{need}” on nyt katettu.',
    sv: 'Kundprofilens ”{persona}” behov ”{need}” är nu täckt.',
    en: 'The need “{need}” of the persona “{persona}” is now covered.',
  },
  'change.personaNeedLost': {
    fi: 'Asiakasprofiilin ”{persona}” tarve ”{need}” ei ole enää katettu.',
    sv: 'Kundprofilens ”{persona}” behov ”{need}” är inte längre täckt.',
    en: 'The need “{need}” of the persona “{persona}” is no longer covered.',
  },
  'change.gapClosed': {
    fi: 'Palveluaukko tarpeessa ”{need}” on poistunut.',
    sv: 'Tjänsteluckan för behovet ”{need}” är borta.',
    en: 'The gap for the need “{need}” is closed.',
  },
  'change.gapOpened': {
    fi: 'Tarpeeseen ”{need}” syntyi palveluaukko ({people} henkilöä vuodessa).',
    sv: 'Behovet ”{need}” har fått en tjänstelucka ({people} personer per år).',
    en: 'A gap opened for the need “{need}” ({people} people a year).',
  },
  'change.overlapResolved': {
    fi: 'Päällekkäisyys tarpeessa ”{need}” on purettu.',
    sv: 'Överlappningen för behovet ”{need}” är borta.',
    en: 'The overlap for the need “{need}” is resolved.',
  },
  'change.overlapAppeared': {
    fi: 'Tarpeeseen ”{need}” tarjoaa nyt palveluja {providers} tarjoajaa.',
    sv: 'Behovet ”{need}” betjänas nu av tjänster från {providers} anordnare.',
    en: 'The need “{need}” is now served by services of {providers} providers.',
  },
  'change.countersFewer': {
    fi: 'Asiakasprofiili ”{persona}” asioi nyt {after} asiointipaikassa ({before} ennen).',
    sv: 'Kundprofilen ”{persona}” har nu {after} kontakter att besöka ({before} förut).',
    en: 'The persona “{persona}” now has {after} places to visit ({before} before).',
  },
  'change.countersMore': {
    fi: 'Asiakasprofiili ”{persona}” joutuu nyt asioimaan {after} asiointipaikassa ({before} ennen).',
    sv: 'Kundprofilen ”{persona}” måste nu besöka {after} kontakter ({before} förut).',
    en: 'The persona “{persona}” now has to visit {after} places ({before} before).',
  },
  'counters.needsChanged': {
    fi: 'Katettuja tarpeita on nyt {after} ({before} ennen), joten lukuja ei voi verrata.',
    sv: 'Antalet täckta behov är nu {after} ({before} förut), så talen kan inte jämföras.',
    en: 'The covered needs are now {after} ({before} before), so the counts are not comparable.',
  },
  'change.serviceNowUsed': {
    fi: 'Palvelu ”{service}” palvelee nyt jonkin asiakasprofiilin tarvetta.',
    sv: 'Tjänsten ”{service}” betjänar nu någon kundprofils behov.',
    en: 'The service “{service}” now serves a need of some persona.',
  },
  'change.serviceNowUnused': {
    fi: 'Palvelu ”{service}” ei palvele enää yhdenkään asiakasprofiilin tarvetta.',
    sv: 'Tjänsten ”{service}” betjänar inte längre någon kundprofils behov.',
    en: 'The service “{service}” no longer serves a need of any persona.',
  },
  'change.equityGroup': {
    fi: '{dimension} {group} ({size}): kattavuus {before} → {after}.',
    sv: '{dimension} {group} ({size}): täckning {before} → {after}.',
    en: '{dimension} {group} ({size}): coverage {before} → {after}.',
  },
  'equity.nowFlagged': {
    fi: 'Ryhmä poikkeaa nyt muista ({diff} %-yks.).',
    sv: 'Gruppen avviker nu från de andra ({diff} p.e.).',
    en: 'The group now differs from the rest ({diff} pp).',
  },
  'equity.noLongerFlagged': {
    fi: 'Ryhmä ei enää poikkea muista.',
    sv: 'Gruppen avviker inte längre från de andra.',
    en: 'The group no longer differs from the rest.',
  },
  'equity.flagOnlyOverall': {
    fi: 'Ryhmän oma kattavuus ei muuttunut; muutos johtuu kokonaiskattavuuden muutoksesta.',
    sv: 'Gruppens egen täckning ändrades inte; skillnaden beror på att den totala täckningen ändrades.',
    en: 'The group’s own coverage did not change; the overall coverage did.',
  },
  'equity.onlyOneRun': {
    fi: 'Ryhmä on vain toisessa ajossa, joten muutosta ei voi arvioida.',
    sv: 'Gruppen finns bara i den ena körningen, så förändringen kan inte bedömas.',
    en: 'The group is in one run only, so the change cannot be judged.',
  },
  'equity.size': {
    fi: '{personas} profiilia, {people} henkilöä/v',
    sv: '{personas} profiler, {people} personer/år',
    en: '{personas} personas, {people} people a year',
  },
  'dimension.language': { fi: 'Kieli', sv: 'Språk', en: 'Language' },
  'dimension.municipality': { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  'dimension.ageGroup': { fi: 'Ikäryhmä', sv: 'Åldersgrupp', en: 'Age group' },
  'language.fi': { fi: 'suomi', sv: 'finska', en: 'Finnish' },
  'language.sv': { fi: 'ruotsi', sv: 'svenska', en: 'Swedish' },
  'language.en': { fi: 'englanti', sv: 'engelska', en: 'English' },
  'group.noMunicipality': { fi: '(ei kuntaa)', sv: '(ingen kommun)', en: '(no municipality)' },
  'group.ageBand': { fi: '{band}-vuotiaat', sv: '{band} år', en: 'aged {band}' },
  'group.ageOver': { fi: '{age} vuotta täyttäneet', sv: '{age} år och äldre', en: 'aged {age} and over' },
} as const satisfies Record<string, Record<Language, string>>;

export type MatchingTextKey = keyof typeof STRINGS;

/** Fills one template in a language. */
export function text(key: MatchingTextKey, lang: Language, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (vars[k] === undefined ? `{${k}}` : String(vars[k])));
}

/** Names a municipality code; the caller has the code lists (shared/ stays free of file access). */
export type MunicipalityName = (code: string, lang: Language) => string | undefined;

/**
 * An equity group's name as a person reads it: a language's name, a municipality's name, an age
 * band ("30–64-vuotiaat"), never the bare code.
 */
export function equityGroupName(dimension: EquityDimension, group: string, lang: Language, municipality?: MunicipalityName): string {
  if (dimension === 'language') return group === 'fi' || group === 'sv' || group === 'en' ? text(`language.${group}`, lang) : group;
  if (dimension === 'municipality') return group === '-' ? text('group.noMunicipality', lang) : (municipality?.(group, lang) ?? group);
  const over = /^(\d+)\+$/.exec(group);
  return over ? text('group.ageOver', lang, { age: over[1] }) : text('group.ageBand', lang, { band: group.replace('-', '–') });
}
