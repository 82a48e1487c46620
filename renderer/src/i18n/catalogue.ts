import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/model';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

/** The UI's translations, as i18next resources. */
export const RESOURCES = { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } } as const;

const cache = new Map<Language, TFunction>();

/**
 * A translate function for one language without React or a DOM: the CLI and the backend say
 * messages with the same catalogue and the same i18next rules (plurals, placeholders) as the UI.
 */
export function translator(lang: Language): TFunction {
  let t = cache.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({ resources: RESOURCES, lng: lang, fallbackLng: 'fi', initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
    t = instance.t.bind(instance) as TFunction;
    cache.set(lang, t);
  }
  return t;
}
