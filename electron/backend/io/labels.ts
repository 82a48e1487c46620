/**
 * The UI's own translations, reused for what the backend writes for people to read (spreadsheet
 * headers, sheet names), so a column is called what the app calls the field, in one place.
 */
import type { Language } from '../../../shared/model';
import { en, type Messages } from '../../../renderer/src/i18n/en';
import { fi } from '../../../renderer/src/i18n/fi';
import { sv } from '../../../renderer/src/i18n/sv';

const MESSAGES: Record<Language, Messages> = { fi, sv, en };

export function messages(lang: Language): Messages {
  return MESSAGES[lang] ?? fi;
}

/** `{{name}}` placeholders filled in, as i18next would. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ''));
}
