import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model';
import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

export const SUPPORTED: Language[] = ['fi', 'sv', 'en'];
const STORAGE_KEY = 'kohtaanto.language';

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return (SUPPORTED as string[]).includes(saved ?? '') ? (saved as Language) : 'fi';
}

void i18next.use(initReactI18next).init({
  resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'fi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;
// The desktop menu follows the UI language (a browser tab has no such menu).
window.kohtaanto?.setLanguage?.(i18next.language);

/** Switches the UI language and remembers it on this machine. */
export function setLanguage(lang: Language): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  window.kohtaanto?.setLanguage?.(lang);
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
}

export default i18next;
