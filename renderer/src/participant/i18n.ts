import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model';
import * as workshop from '../i18n/sections/workshop';

/**
 * The participants' page loads only the workshop strings (same keys as in the app:
 * `t('workshop.…')`), so a phone downloads a few kilobytes of text, not the whole app's.
 */
export const SUPPORTED: Language[] = ['fi', 'sv', 'en'];
const STORAGE_KEY = 'kohtaanto.language';

function initialLanguage(): Language {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    /* storage off */
  }
  if ((SUPPORTED as string[]).includes(saved ?? '')) return saved as Language;
  // A phone set to Swedish or English gets its language before anyone chooses.
  const browser = (navigator.language || 'fi').slice(0, 2);
  return (SUPPORTED as string[]).includes(browser) ? (browser as Language) : 'fi';
}

void i18next.use(initReactI18next).init({
  resources: { fi: { translation: { workshop: workshop.fi } }, sv: { translation: { workshop: workshop.sv } }, en: { translation: { workshop: workshop.en } } },
  lng: initialLanguage(),
  fallbackLng: 'fi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage off: the choice lasts until reload */
  }
}

export default i18next;
