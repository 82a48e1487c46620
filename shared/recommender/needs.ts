/**
 * How strongly a service relates to a need, from the workspace's own structure: an explicit
 * `addresses` link, shared service classes, the need's keywords in the service's text, ontology
 * terms shared with the services linked to the need, and the need's life events.
 */
import { codeUnder } from './prior';
import { searchText, textTerms } from './search';
import type { NeedRelevance, RecommenderIndex } from './build';
import type { NeedVia } from './types';
import type { Language } from '../model';

/**
 * Strength of each kind of evidence (0..1), combined as independent evidence (noisy-or). A link
 * is the workshop's own statement, so it is certain; a shared class is strong; words and shared
 * ontology terms are weaker; a shared life event alone is a weak hint, since a life event has many needs.
 */
export const NEED_EVIDENCE = {
  link: 1,
  classSame: 0.8,
  classBroader: 0.4,
  keyword: 0.6,
  ontology: 0.5,
  /**
   * Sitting in the same life event says only that the service and the need may be related (a
   * life event has many needs and many services): a tenth of a link, far below any direct
   * evidence, and explained as a weak hint, never as the service meeting the need.
   */
  lifeEvent: 0.1,
} as const;

/** Below this share of an ideal text match, keyword evidence is noise. */
const MIN_KEYWORD_MATCH = 0.15;

/** Relevance of every service to one need (computed once per need and index, then cached). */
export function needRelevance(index: RecommenderIndex, needId: string): NeedRelevance {
  const cached = index.needCache.get(needId);
  if (cached) return cached;
  const strength = new Map<number, number>();
  const via = new Map<number, NeedVia[]>();
  const add = (i: number, s: number, v: NeedVia) => {
    const prev = strength.get(i) ?? 0;
    strength.set(i, 1 - (1 - prev) * (1 - s));
    const list = via.get(i);
    if (list) list.push(v);
    else via.set(i, [v]);
  };
  const info = index.needs.get(needId);
  const rel: NeedRelevance = { strength, via };
  index.needCache.set(needId, rel);
  if (!info) return rel;
  const need = info.need;

  for (const i of info.linked) add(i, NEED_EVIDENCE.link, { type: 'link' });

  const needClasses = need.serviceClasses ?? [];
  if (needClasses.length) {
    index.services.forEach((s, i) => {
      let best = 0;
      const codes: string[] = [];
      for (const c of s.serviceClasses ?? []) {
        for (const nc of needClasses) {
          const v = codeUnder(c, nc) ? NEED_EVIDENCE.classSame : codeUnder(nc, c) ? NEED_EVIDENCE.classBroader : 0;
          if (v > 0 && !codes.includes(c)) codes.push(c);
          best = Math.max(best, v);
        }
      }
      if (best > 0) add(i, best, { type: 'class', codes: codes.sort() });
    });
  }

  // Keywords say what the need is about; the name helps but contains generic words.
  const terms = [
    ...(need.keywords ?? []).flatMap((k) => textTerms(k, undefined, 1)),
    ...(['fi', 'sv', 'en'] as const).flatMap((l) => (need.name?.[l] ? textTerms(need.name[l]!, l, 0.5) : [])),
  ];
  if (terms.length) {
    const hits = searchText(index.text, terms);
    // A word of the need's name in one language is quoted in that language's explanations first.
    const langOf = new Map<string, '' | Language>();
    for (const term of terms) {
      const l = term.lang ?? '';
      const prev = langOf.get(term.word);
      langOf.set(term.word, prev === undefined || prev === l ? l : '');
    }
    for (const [i, sc] of [...hits.score.entries()].sort((a, b) => a[0] - b[0])) {
      if (sc < MIN_KEYWORD_MATCH) continue;
      const words = [...(hits.words.get(i) ?? []), ...(hits.translated.get(i) ?? [])];
      add(i, NEED_EVIDENCE.keyword * sc, { type: 'keyword', words, langs: words.map((w) => langOf.get(w) ?? '') });
    }
  }

  // Ontology terms of the services the workshop linked to the need describe the need in PTV's vocabulary.
  const profile = new Set<string>();
  for (const i of info.linked) for (const o of index.services[i].ontologyTerms ?? []) profile.add(o);
  if (profile.size) {
    index.services.forEach((s, i) => {
      if (info.linked.has(i) || !s.ontologyTerms?.length) return;
      const shared = s.ontologyTerms.filter((o) => profile.has(o));
      if (!shared.length) return;
      const overlap = shared.length / Math.min(profile.size, s.ontologyTerms.length);
      add(i, NEED_EVIDENCE.ontology * overlap, { type: 'ontology', codes: [...new Set(shared)].sort() });
    });
  }

  for (const le of info.lifeEvents) {
    index.serviceLifeEvents.forEach((keys, i) => {
      let hit = keys.has(le.id);
      if (!hit && le.code) for (const k of keys) if (codeUnder(k, le.code)) hit = true;
      if (hit) add(i, NEED_EVIDENCE.lifeEvent, { type: 'lifeEvent', lifeEvent: le.id, name: le.name });
    });
  }
  return rel;
}
