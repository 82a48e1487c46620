/**
 * Finnish-aware text normalisation for search and meter inference: diacritic folding that keeps
 * the Nordic letters, tokenising that splits hyphenated compounds, and light suffix-stripping
 * stemmers for Finnish, Swedish and English. Pure and deterministic.
 */
import type { Language } from '../model';

/**
 * Characters other than ASCII and å, ä, ö (separate letters in Finnish and Swedish; folding them
 * would merge words: tuli/tuli, säkki/sakki), by code point: everything else folds to itself.
 */
const NOT_SELF_FOLDING = /[^\u0000-\u007fåäö]/gu;
/** Nordic spellings of the same vowels, so Danish/Norwegian-typed text still matches. */
const NORDIC: Record<string, string> = { æ: 'ä', ø: 'ö', ß: 'ss' };

const foldCache = new Map<string, string>();

/** Lower-cases and strips diacritics except å, ä and ö (é→e, ü→u, æ→ä, ø→ö). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Plain ASCII plus the kept letters is by far the common case; skip the per-character work.
  if (/^[a-z0-9åäö\s.,;:!?()'"/-]*$/.test(lower)) return lower;
  // ASCII and the kept letters fold to themselves: only the other characters (by code point) are looked at.
  return lower.replace(NOT_SELF_FOLDING, foldChar);
}

function foldChar(ch: string): string {
  const nordic = NORDIC[ch];
  if (nordic) return nordic;
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    foldCache.set(ch, f);
  }
  return f;
}

/** Very common function words; they carry no meaning for matching. */
const STOPWORDS = new Set(
  [
    // fi
    'ja', 'tai', 'on', 'ei', 'se', 'ne', 'että', 'kun', 'jos', 'myös', 'sekä', 'voi', 'voit', 'ovat', 'oli', 'olla',
    'tämä', 'nämä', 'joka', 'jotka', 'mikä', 'sinä', 'sinun', 'sinulle', 'hän', 'me', 'te', 'he', 'kuin', 'mutta',
    'niin', 'vain', 'jo', 'eli', 'esim', 'mm', 'yms', 'jne', 'siitä', 'sen', 'sitä', 'heidän', 'kanssa', 'mukaan',
    'osalta', 'olevat', 'oleva', 'ole', 'sinne', 'tänne', 'tai', 'kaikki', 'kaikille', 'muun', 'muassa', 'lisäksi',
    // sv
    'och', 'eller', 'att', 'det', 'den', 'de', 'en', 'ett', 'är', 'av', 'för', 'på', 'med', 'som', 'till', 'om', 'i',
    'du', 'dig', 'din', 'ditt', 'dina', 'kan', 'har', 'inte', 'vid', 'från', 'så', 'man', 'sig', 'också',
    // en
    'the', 'and', 'or', 'of', 'to', 'a', 'an', 'in', 'on', 'for', 'is', 'are', 'be', 'you', 'your', 'with', 'can',
    'by', 'at', 'as', 'it', 'this', 'that', 'from', 'if', 'not', 'we', 'our', 'also', 'may', 'will', 'about',
  ].map((w) => w),
);

/** Whether a folded token is a stop word in any of the three languages. */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Splits text into folded word tokens; hyphenated compounds give their parts. Stop words are dropped. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  // `match` with the global flag gives the strings alone: `matchAll` makes a match object per word, and a region's catalogue has millions.
  for (const t of fold(text).match(TOKEN_RE) ?? []) {
    if (t.length < 2 || STOPWORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö']);

/**
 * Finnish endings, longest first within each step. Written from the grammar (case endings,
 * plural markers, possessive suffixes, clitics); the aim is conflation of inflected forms for
 * matching, not linguistic correctness.
 */
const FI_CLITICS = ['kaan', 'kään', 'kin', 'han', 'hän', 'pa', 'pä', 'ko', 'kö'];
const FI_POSSESSIVES = ['nsa', 'nsä', 'mme', 'nne', 'ni', 'si'];
const FI_CASES = [
  'iltaan', 'itten', 'iden', 'issa', 'issä', 'ista', 'istä', 'illa', 'illä', 'ilta', 'iltä', 'ille', 'iksi',
  'ineen', 'ihin', 'seen', 'siin', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta',
  'ttä', 'ien', 'jen', 'ine', 'iin', 'hin', 'han', 'hen', 'hon', 'hun', 'hyn', 'hän', 'hön', 'ita', 'itä', 'ina',
  'inä', 'na', 'nä', 'ta', 'tä', 'in', 'n', 't', 'a', 'ä',
];
const FI_DERIV: [string, string][] = [
  ['yyden', 'yy'],
  ['uuden', 'uu'],
  ['yyttä', 'yy'],
  ['uutta', 'uu'],
  ['yyteen', 'yy'],
  ['uuteen', 'uu'],
  ['yden', 'y'],
  ['uden', 'u'],
  ['yyt', 'yy'],
  ['uut', 'uu'],
  ['yys', 'yy'],
  ['uus', 'uu'],
  ['ys', 'y'],
  ['us', 'u'],
  ['isen', 'is'],
  ['iset', 'is'],
  ['isia', 'is'],
  ['isiä', 'is'],
  ['nen', 's'],
];

function stripOne(word: string, endings: readonly string[], minStem: number): string {
  for (const e of endings) {
    if (word.length - e.length >= minStem && word.endsWith(e)) return word.slice(0, -e.length);
  }
  return word;
}

/** Light Finnish stemmer: clitics, possessives, case and plural endings, then a final vowel and gradation. */
export function stemFi(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = stripOne(word, FI_CLITICS, 4);
  w = stripOne(w, FI_POSSESSIVES, 4);
  for (const [from, to] of FI_DERIV) {
    if (w.length - from.length >= 3 && w.endsWith(from)) {
      return gradate(w.slice(0, -from.length) + to);
    }
  }
  w = stripOne(w, FI_CASES, 4);
  // A plural marker left in front of a removed case ending (talo-i-ssa → talo-i).
  if (w.length > 5 && (w.endsWith('i') || w.endsWith('j'))) w = w.slice(0, -1);
  if (w.length > 4 && VOWELS.has(w[w.length - 1])) {
    const v = w[w.length - 1];
    w = w.slice(0, -1);
    // A long vowel (perhee-n) leaves its twin behind.
    if (w.length > 4 && w[w.length - 1] === v) w = w.slice(0, -1);
  }
  // Nouns in -us/-ys inflect through -ukse-/-ykse- (harrastus, harrastuksen, harrastukset).
  if (w.length > 5 && (w.endsWith('uks') || w.endsWith('yks'))) w = w.slice(0, -2);
  return gradate(w);
}

/** Consonant gradation makes one stem look like two (asunto/asunnon, kunta/kunnan); merge the stem-final forms. */
function gradate(w: string): string {
  if (w.length < 4) return w;
  const tail2 = w.slice(-2);
  if (tail2 === 'nn' || tail2 === 'nt') return w.slice(0, -1);
  if (tail2 === 'kk' || tail2 === 'pp' || tail2 === 'tt' || tail2 === 'll' || tail2 === 'rr' || tail2 === 'mm' || tail2 === 'ss')
    return w.slice(0, -1);
  if (tail2 === 'nk' || tail2 === 'ng') return w.slice(0, -1) + 'k';
  if (tail2 === 'mp' || tail2 === 'lt' || tail2 === 'rt') return w.slice(0, -1);
  return w;
}

const SV_ENDINGS = [
  'heterna', 'heten', 'heter', 'arnas', 'ernas', 'ornas', 'andes', 'arna', 'erna', 'orna', 'ande', 'ende', 'aste',
  'arne', 'het', 'ast', 'ens', 'ets', 'are', 'an', 'en', 'et', 'ar', 'er', 'or', 'na', 'es', 'a', 'e', 's',
];

/** Light Swedish stemmer: definite and plural endings, genitive s, common derivations. */
export function stemSv(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  return stripOne(word, SV_ENDINGS, 3);
}

/** Light English stemmer: plurals, -ing, -ed, -ly and a few derivations. */
export function stemEn(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'i';
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  for (const e of ['ational', 'ation', 'ness', 'ment', 'ing', 'ed', 'er', 'al', 'e']) {
    if (w.length - e.length >= 3 && w.endsWith(e)) {
      w = w.slice(0, -e.length);
      break;
    }
  }
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2]) w = w.slice(0, -1);
  // family/families, study/studies meet at -i.
  if (w.length > 3 && w.endsWith('y')) w = w.slice(0, -1) + 'i';
  return w;
}

const STEMMERS: Record<Language, (w: string) => string> = { fi: stemFi, sv: stemSv, en: stemEn };

/** Words repeat endlessly across a catalogue; stemming each distinct word once per language saves most of the work. */
const stemCache: Record<Language, Map<string, string>> = { fi: new Map(), sv: new Map(), en: new Map() };

/** Stems a folded token with the stemmer of the given language. */
export function stem(token: string, lang: Language): string {
  const cache = stemCache[lang];
  let s = cache.get(token);
  if (s === undefined) {
    const own = ownCopy(token);
    s = STEMMERS[lang](own);
    if (cache.size > 200_000) cache.clear();
    cache.set(own, s);
  }
  return s;
}

/**
 * A string that does not keep another alive. A token matched out of a description can be a view
 * into the whole text; a cache that lives as long as the process must not hold every text a
 * token was first seen in.
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** Tokens of a text with their stems, in order. */
export function analyse(text: string, lang: Language): { token: string; stem: string }[] {
  return tokenize(text).map((token) => ({ token, stem: stem(token, lang) }));
}

/** Character n-grams of a token, with a start marker, so compound parts and inflected forms share features. */
export function charGrams(token: string, n: number): string[] {
  const s = '^' + token;
  if (s.length <= n) return [s];
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}
