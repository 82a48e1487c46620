/**
 * What the recommender reads from a service: its words (per field and language, with stems) and
 * its classification codes. Computed once per service when the index is built.
 */
import type { Language, Service } from '../model';
import { analyse, stem, tokenize } from './text';

/** Where a word was found; names say more about a service than descriptions. */
export const FIELD_NAME = 0;
export const FIELD_KEYWORD = 1;
export const FIELD_DESCRIPTION = 2;
export type Field = typeof FIELD_NAME | typeof FIELD_KEYWORD | typeof FIELD_DESCRIPTION;

export interface Word {
  token: string;
  stem: string;
  field: Field;
  lang: Language;
}

const LANGS: Language[] = ['fi', 'sv', 'en'];

/** Longest description text used; PTV descriptions can run to pages and the first part carries the meaning. */
const MAX_DESCRIPTION_CHARS = 4000;

/** The words of a service, from name, keywords and description in every language it has. */
export function serviceWords(service: Pick<Service, 'name' | 'description' | 'keywords'>): Word[] {
  const out: Word[] = [];
  // Words are built directly (no intermediate objects): a region's catalogue has millions of them.
  for (const lang of LANGS) {
    const name = service.name?.[lang];
    if (name) for (const token of tokenize(name)) out.push({ token, stem: stem(token, lang), field: FIELD_NAME, lang });
  }
  // Keywords come without a language; stem them as Finnish, Swedish and English so any query finds them.
  for (const kw of service.keywords ?? []) {
    const seen = new Set<string>();
    for (const lang of LANGS) {
      for (const a of analyse(kw, lang)) {
        const key = a.stem + '|' + a.token;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ...a, field: FIELD_KEYWORD, lang });
      }
    }
  }
  for (const lang of LANGS) {
    const d = service.description?.[lang];
    if (d) for (const token of tokenize(d.slice(0, MAX_DESCRIPTION_CHARS))) out.push({ token, stem: stem(token, lang), field: FIELD_DESCRIPTION, lang });
  }
  return out;
}

/** All prefixes of a hierarchical code (P5.7.1 → P5, P5.7, P5.7.1), so a class shares features with its parent. */
export function codePrefixes(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('.'));
  return out;
}
