/**
 * Free-text relevance: BM25 over stems, with inflection and compound matching for Finnish and
 * Swedish (a query stem also finds longer stems that start with it, and, from five letters,
 * compounds that contain it: "orkesteri" finds "kaupunginorkesteri").
 */
import { FIELD_DESCRIPTION, FIELD_KEYWORD, FIELD_NAME, type Word } from './features';
import { translateToken } from './concepts';
import { stemEn, stemFi, stemSv, tokenize } from './text';
import type { Language } from '../model';

const K1 = 1.2;
/** Service texts are short and uneven (a name, a summary); length normalisation is kept mild. */
const B = 0.5;
const FIELD_WEIGHT: Record<number, number> = { [FIELD_NAME]: 3, [FIELD_KEYWORD]: 2, [FIELD_DESCRIPTION]: 1 };
const PREFIX_WEIGHT = 0.8;
const INFIX_WEIGHT = 0.6;
const MIN_PREFIX = 3;
const MIN_INFIX = 5;
/**
 * A light stemmer sometimes strips one ending too many from an inflected form ("hautajaisiin" →
 * "hautaj") and too few from another ("hautajaiset" → "hautajais"). A vocabulary stem that the
 * query stem starts with, at most this many letters shorter and five letters or more, counts too.
 */
const MAX_TRIM = 3;
const TRIM_WEIGHT = 0.7;
/** A word found through the concept table counts a little less than the user's own word. */
const ALT_WEIGHT = 0.5;

interface Postings {
  docs: Int32Array;
  tf: Float32Array;
}

/** An inverted index of stems over the services of a catalogue. */
export interface TextIndex {
  n: number;
  postings: Map<string, Postings>;
  /** Sorted vocabulary, for prefix look-ups by binary search. */
  vocab: string[];
  docLen: Float32Array;
  avgLen: number;
  /** Query stem → matching vocabulary stems with their weights; the infix scan is the slow part. */
  expansionCache: Map<string, [string, number][]>;
}

/** Builds the text index from each service's words (documents in index order). */
export function buildTextIndex(docs: readonly (readonly Word[])[]): TextIndex {
  const tmp = new Map<string, { docs: number[]; tf: number[] }>();
  const docLen = new Float32Array(docs.length);
  docs.forEach((words, d) => {
    const local = new Map<string, number>();
    for (const w of words) {
      const fw = FIELD_WEIGHT[w.field];
      local.set(w.stem, (local.get(w.stem) ?? 0) + fw);
      docLen[d] += fw;
    }
    for (const [stem, tf] of local) {
      let p = tmp.get(stem);
      if (!p) tmp.set(stem, (p = { docs: [], tf: [] }));
      p.docs.push(d);
      p.tf.push(tf);
    }
  });
  const postings = new Map<string, Postings>();
  for (const [k, p] of tmp) postings.set(k, { docs: Int32Array.from(p.docs), tf: Float32Array.from(p.tf) });
  const vocab = [...postings.keys()].sort();
  let total = 0;
  for (const l of docLen) total += l;
  return { n: docs.length, postings, vocab, docLen, avgLen: docs.length ? total / docs.length : 1, expansionCache: new Map() };
}

function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Vocabulary stems a query stem stands for: itself, longer stems starting with it, compounds containing it. */
export function expandStem(index: TextIndex, stem: string): [string, number][] {
  const cached = index.expansionCache.get(stem);
  if (cached) return cached;
  const out = new Map<string, number>();
  if (index.postings.has(stem)) out.set(stem, 1);
  if (stem.length >= MIN_PREFIX) {
    for (let i = lowerBound(index.vocab, stem); i < index.vocab.length && index.vocab[i].startsWith(stem); i++) {
      const v = index.vocab[i];
      if (!out.has(v)) out.set(v, PREFIX_WEIGHT);
    }
  }
  for (let k = stem.length - 1; k >= Math.max(MIN_INFIX, stem.length - MAX_TRIM); k--) {
    const v = stem.slice(0, k);
    if (!out.has(v) && index.postings.has(v)) out.set(v, TRIM_WEIGHT);
  }
  if (stem.length >= MIN_INFIX) {
    for (const v of index.vocab) if (!out.has(v) && v.length > stem.length && v.includes(stem)) out.set(v, INFIX_WEIGHT);
  }
  const list = [...out.entries()];
  if (index.expansionCache.size > 10_000) index.expansionCache.clear();
  index.expansionCache.set(stem, list);
  return list;
}

/** The stems a query word may stand for: in its language, or in all three when the language is unknown. */
export function queryStems(token: string, lang: Language | undefined): string[] {
  if (lang === 'fi') return [stemFi(token)];
  if (lang === 'sv') return [stemSv(token)];
  if (lang === 'en') return [stemEn(token)];
  return [...new Set([stemFi(token), stemSv(token), stemEn(token)])];
}

/** Text relevance of every matching document: score 0..1 (share of an ideal match) and the query words it matched. */
export interface TextHits {
  score: Map<number, number>;
  /** Query words found in the document as written (or inflected). */
  words: Map<number, string[]>;
  /** Query words found only through their equivalents in another language. */
  translated: Map<number, string[]>;
  /** Query words found in no document at all, in any form or language. */
  unmatched: string[];
}

/** One query word: its own stems, and stems of the same concept in the other languages. */
export interface QueryTerm {
  word: string;
  stems: string[];
  alt?: string[];
  weight: number;
  /** Language the word was written in, when known. */
  lang?: Language;
}

/** Scores documents against a query with BM25; weighted terms let callers stress some words (need keywords over need names). */
export function searchText(index: TextIndex, terms: readonly QueryTerm[]): TextHits {
  const score = new Map<number, number>();
  const words = new Map<number, string[]>();
  const translated = new Map<number, string[]>();
  const unmatched: string[] = [];
  let ideal = 0;
  const accumulate = (stems: readonly string[], tf: Map<number, number>) => {
    for (const st of stems) {
      for (const [v, w] of expandStem(index, st)) {
        const p = index.postings.get(v)!;
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i];
          const prev = tf.get(d) ?? 0;
          // Several expansions of one word do not add up beyond the best one plus a little.
          const add = p.tf[i] * w;
          tf.set(d, prev === 0 ? add : Math.max(prev, add) + 0.25 * Math.min(prev, add));
        }
      }
    }
  };
  for (const term of terms) {
    const own = new Map<number, number>();
    const alt = new Map<number, number>();
    accumulate(term.stems, own);
    if (term.alt?.length) accumulate(term.alt, alt);
    const docs = new Set([...own.keys(), ...alt.keys()]);
    const df = docs.size;
    const idf = Math.log(1 + (index.n - df + 0.5) / (df + 0.5));
    ideal += term.weight * idf * (K1 + 1);
    if (!df) {
      if (!unmatched.includes(term.word)) unmatched.push(term.word);
      continue;
    }
    for (const d of docs) {
      const norm = K1 * (1 - B + (B * index.docLen[d]) / index.avgLen);
      const sat = (f: number) => (f * (K1 + 1)) / (f + norm);
      // A word found only through translation is worth at most ALT_WEIGHT of the user's own word, however often it occurs.
      const fo = sat(own.get(d) ?? 0);
      const fa = ALT_WEIGHT * sat(alt.get(d) ?? 0);
      score.set(d, (score.get(d) ?? 0) + term.weight * idf * Math.max(fo, fa));
      const target = fo >= fa ? words : translated;
      const list = target.get(d);
      if (list) {
        if (!list.includes(term.word)) list.push(term.word);
      } else target.set(d, [term.word]);
    }
  }
  if (ideal > 0) for (const [d, s] of score) score.set(d, Math.min(1, s / ideal));
  return { score, words, translated, unmatched };
}

/** Turns free text into weighted query terms. */
export function textTerms(text: string, lang: Language | undefined, weight = 1): QueryTerm[] {
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const token of tokenize(text)) {
    if (seen.has(token)) continue;
    seen.add(token);
    const stems = queryStems(token, lang);
    out.push({ word: token, stems, alt: translateToken(token).filter((s) => !stems.includes(s)), weight, ...(lang ? { lang } : {}) });
  }
  return out;
}
