/**
 * What the recommender reads from a service: its words (per field and language, with stems) and
 * its classification codes. Computed once per service when the index is built.
 */
import type { Language, Service } from '../model';
import { analyse, ownCopy, stem, tokenize } from './text';

/** Where a word was found; names say more about a service than descriptions. */
export const FIELD_NAME = 0;
export const FIELD_KEYWORD = 1;
export const FIELD_DESCRIPTION = 2;
export type Field = typeof FIELD_NAME | typeof FIELD_KEYWORD | typeof FIELD_DESCRIPTION;

/** Shared between services (see `wordOf`), so never changed once made. */
export interface Word {
  readonly token: string;
  readonly stem: string;
  readonly field: Field;
  readonly lang: Language;
}

const LANGS: Language[] = ['fi', 'sv', 'en'];

/** Longest description text used; PTV descriptions can run to pages and the first part carries the meaning. */
const MAX_DESCRIPTION_CHARS = 4000;

/**
 * One Word object per token, language and field, shared by every service that has the word: a
 * region's catalogue repeats some ten thousand distinct words hundreds of thousands of times. Shared
 * objects (and so one string per token) keep its analysis small for the garbage collector, and
 * every later look-up by token compares one string with itself instead of two copies.
 */
const wordCache: Map<string, Word>[][] = [FIELD_NAME, FIELD_KEYWORD, FIELD_DESCRIPTION].map(() => LANGS.map(() => new Map()));

function wordOf(token: string, lang: Language, field: Field): Word {
  const cache = wordCache[field][LANGS.indexOf(lang)];
  let w = cache.get(token);
  if (!w) {
    const own = ownCopy(token);
    w = { token: own, stem: stem(own, lang), field, lang };
    if (cache.size > 200_000) cache.clear();
    cache.set(own, w);
  }
  return w;
}

/** The words of a service, from name, keywords and description in every language it has. */
export function serviceWords(service: Pick<Service, 'name' | 'description' | 'keywords'>): Word[] {
  const out: Word[] = [];
  for (const lang of LANGS) {
    const name = service.name?.[lang];
    if (name) for (const token of tokenize(name)) out.push(wordOf(token, lang, FIELD_NAME));
  }
  // Keywords come without a language; stem them as Finnish, Swedish and English so any query finds them.
  for (const kw of service.keywords ?? []) {
    const seen = new Set<string>();
    for (const lang of LANGS) {
      for (const a of analyse(kw, lang)) {
        const key = a.stem + '|' + a.token;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(wordOf(a.token, lang, FIELD_KEYWORD));
      }
    }
  }
  for (const lang of LANGS) {
    const d = service.description?.[lang];
    if (d) for (const token of tokenize(d.slice(0, MAX_DESCRIPTION_CHARS))) out.push(wordOf(token, lang, FIELD_DESCRIPTION));
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
