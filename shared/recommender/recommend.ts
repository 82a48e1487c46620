/** Queries a built index: filters, scores, ranks with a stable tie-break, and explains each result. */
import { METERS, type Link, type Meter, type MeterValues, type Persona } from '../model';
import { ageAdmitted, areaFit, codesMatch, filterKey, inAnyArea } from './area';
import { wordsOf, type RecommenderIndex } from './build';
import { topWordsForMeter } from './model';
import { needRelevance } from './needs';
import { codeUnder, priorHitsForToken } from './prior';
import { searchText, textTerms } from './search';
import { tokenize } from './text';
import type { ExplanationPart, Recommendation, RecommendFilters, RecommendQuery } from './types';

const M = METERS.length;

/**
 * How much help a meter answer calls for, 0..1. Absolute, unlike AuroraAI's cosine: 0 is the
 * most, 9 and 10 nothing. The power 1.5 makes the worst answers stand out (1 → 0.84, 2 → 0.69, 7 → 0.10).
 */
export function meterNeed(value: number | undefined): number {
  if (value === undefined || Number.isNaN(value)) return 0;
  const v = Math.min(10, Math.max(0, value));
  return Math.pow(Math.max(0, (9 - v) / 9), 1.5);
}

/** Need levels of all ten meters. */
export function meterNeeds(meters: Partial<MeterValues> | undefined): Float64Array {
  const out = new Float64Array(M);
  if (meters) METERS.forEach((m, j) => (out[j] = meterNeed(meters[m])));
  return out;
}

/** Which services pass the hard filters (1) and which do not (0); excluded services never pass. */
export function eligibility(index: RecommenderIndex, filters: RecommendFilters | undefined): Uint8Array {
  const key = filterKey(filters);
  const cached = index.eligibilityCache.get(key);
  if (cached) return cached;
  const f = filters ?? {};
  const n = index.services.length;
  const { masks } = index;
  const includeNational = f.includeNational ?? true;
  // Area first, from precomputed masks and the municipality's own list: no per-service look-ups.
  let out: Uint8Array;
  if (f.municipality) {
    out = includeNational ? (index.aland.has(f.municipality) ? masks.nationwideOutsideAland : masks.nationwide).slice() : new Uint8Array(n);
    const local = index.byMunicipality.get(f.municipality);
    if (local) {
      for (const i of local.direct) out[i] = 1;
      for (const i of local.region) out[i] = 1;
    }
  } else out = (includeNational ? masks.open : masks.limited).slice();
  if (f.language) {
    let lm = masks.language.get(f.language);
    if (!lm) {
      lm = new Uint8Array(n);
      for (let i = 0; i < n; i++) lm[i] = !index.languages[i] || index.languages[i]!.has(f.language) ? 1 : 0;
      masks.language.set(f.language, lm);
    }
    for (let i = 0; i < n; i++) out[i] &= lm[i];
  }
  if (f.ageMin !== undefined || f.ageMax !== undefined) {
    const lo = f.ageMin ?? 0;
    const hi = f.ageMax ?? 120;
    for (const i of index.ageLimited) if (out[i] && !ageAdmitted(index.ages[i], lo, hi)) out[i] = 0;
  }
  const rare = f.serviceIds || f.areas?.length || f.serviceClasses?.length || f.targetGroups?.length || f.fundingTypes?.length;
  if (rare) {
    const ids = f.serviceIds ? new Set(f.serviceIds) : null;
    const funding = f.fundingTypes?.length ? new Set<string>(f.fundingTypes) : null;
    for (let i = 0; i < n; i++) {
      if (!out[i]) continue;
      const s = index.services[i];
      if (
        (ids && !ids.has(s.id)) ||
        (f.areas?.length && !inAnyArea(index.areas[i], f.areas, index.areaLookup, index.aland)) ||
        (f.serviceClasses?.length && !codesMatch(s.serviceClasses ?? [], f.serviceClasses)) ||
        (f.targetGroups?.length && !codesMatch(s.targetGroups ?? [], f.targetGroups)) ||
        (funding && !funding.has(s.fundingType))
      )
        out[i] = 0;
    }
  }
  if (index.eligibilityCache.size > 2000) index.eligibilityCache.clear();
  index.eligibilityCache.set(key, out);
  return out;
}

/** The query for a persona: its meters, its needs (personaNeed links with importance), and its municipality, language and age as filters. */
export function personaQuery(
  persona: Persona,
  links: readonly Link[],
  extra: Omit<RecommendQuery, 'meters' | 'needs'> & { languageFilter?: boolean } = {},
): RecommendQuery {
  const { languageFilter = true, ...rest } = extra;
  const needs = links
    .filter((l) => l.type === 'personaNeed' && l.source === persona.id)
    .map((l) => ({ id: l.target, importance: l.data?.importance ?? 3 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    ...rest,
    meters: persona.meters,
    needs,
    textLanguage: rest.textLanguage ?? persona.language,
    filters: {
      municipality: persona.municipality,
      language: languageFilter ? persona.language : undefined,
      ageMin: persona.ageMin,
      ageMax: persona.ageMax,
      ...rest.filters,
    },
  };
}

/** Life-event keys a query names, with the PTV codes of life-event entities so codes and ids both match. */
function queryLifeEvents(index: RecommenderIndex, keys: readonly string[]): { key: string; code?: string }[] {
  return keys.map((k) => ({ key: k, code: index.lifeEventById.get(k)?.code ?? (/^KE\d/.test(k) ? k : undefined) }));
}

function serviceInLifeEvent(keys: Set<string>, le: { key: string; code?: string }): boolean {
  if (keys.has(le.key)) return true;
  if (le.code) for (const k of keys) if (codeUnder(k, le.code)) return true;
  return false;
}

/** Ranks the catalogue for a query: the best `limit` services with their scores and explanation parts. */
export function recommend(index: RecommenderIndex, query: RecommendQuery): Recommendation[] {
  const W = index.weights;
  const limit = Math.max(1, Math.min(1000, Math.floor(query.limit ?? 10)));
  const minScore = query.minScore ?? 0.01;
  const eligible = eligibility(index, query.filters);
  const need = meterNeeds(query.meters);
  const n = index.services.length;
  const aff = index.affinity;
  const norm = index.affinityNorm;

  // Query words that name a meter's theme become a meter need of their own (cross-language).
  const textMeter = new Float64Array(M);
  const textMeterWords: string[][] = Array.from({ length: M }, () => []);
  let text: ReturnType<typeof searchText> | null = null;
  if (query.text?.trim()) {
    text = searchText(index.text, textTerms(query.text, query.textLanguage));
    for (const token of tokenize(query.text)) {
      for (const h of priorHitsForToken(token)) {
        // Only words that name the theme (weight ≥ 0.5), not faint hints such as "young" for self-esteem.
        if (h.weight < 0.5) continue;
        textMeter[h.meter] = Math.max(textMeter[h.meter], h.weight);
        if (!textMeterWords[h.meter].includes(token)) textMeterWords[h.meter].push(token);
      }
    }
  }
  const meterWeight = new Float64Array(M);
  let anyMeter = false;
  for (let m = 0; m < M; m++) {
    meterWeight[m] = W.meter * need[m] + W.textMeter * textMeter[m];
    if (meterWeight[m] > 0) anyMeter = true;
  }

  const needs = (query.needs ?? []).map((q) => ({
    id: q.id,
    importance: Math.min(5, Math.max(1, q.importance ?? 3)),
    rel: needRelevance(index, q.id),
  }));
  const lifeEvents = queryLifeEvents(index, query.lifeEvents ?? []);

  const score = index.scratch.score;
  score.fill(0);
  // Sparse parts first, so the dense meter loop is the only pass over the whole catalogue.
  for (const q of needs) {
    const w = (W.need * q.importance) / 5;
    for (const [i, s] of q.rel.strength) score[i] += w * s;
  }
  if (text) for (const [i, s] of text.score) score[i] += W.text * s;
  if (lifeEvents.length) {
    for (let i = 0; i < n; i++) {
      if (!eligible[i]) continue;
      for (const le of lifeEvents) if (serviceInLifeEvent(index.serviceLifeEvents[i], le)) score[i] += W.lifeEvent;
    }
  }

  const f = query.filters;
  // Local services get a small bonus; marked in a scratch array from the municipality's own list.
  const bonus = index.scratch.bonus;
  const local = f?.municipality ? index.byMunicipality.get(f.municipality) : undefined;
  if (local) {
    for (const i of local.region) bonus[i] = W.areaRegion;
    for (const i of local.direct) bonus[i] = W.areaMunicipality;
  }
  const topIdx: number[] = [];
  const topScore: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      if (!eligible[i]) continue;
      let s = score[i];
      if (anyMeter) {
        let dot = 0;
        const base = i * M;
        for (let m = 0; m < M; m++) dot += meterWeight[m] * aff[base + m];
        s += dot / norm[i];
      }
      if (s <= 0) continue;
      s += bonus[i];
      if (s < minScore) continue;
      // Bounded insertion keeps the best `limit`; equal scores keep id order because i rises.
      if (topIdx.length === limit && s <= topScore[limit - 1]) continue;
      let k = topIdx.length === limit ? limit - 1 : topIdx.length;
      while (k > 0 && topScore[k - 1] < s) {
        topScore[k] = topScore[k - 1];
        topIdx[k] = topIdx[k - 1];
        k--;
      }
      topScore[k] = s;
      topIdx[k] = i;
      if (topIdx.length > limit) {
        topIdx.length = limit;
        topScore.length = limit;
      }
    }
  } finally {
    // The scratch array must be clean for the next query whatever happened here.
    if (local) {
      for (const i of local.region) bonus[i] = 0;
      for (const i of local.direct) bonus[i] = 0;
    }
  }
  const explain = query.explain ?? true;
  return topIdx.map((i, r) => ({
    serviceId: index.services[i].id,
    rank: r + 1,
    score: round(topScore[r]),
    parts: explain ? explainService(index, i, query, need, textMeter, textMeterWords, needs, text, lifeEvents) : [],
  }));
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function explainService(
  index: RecommenderIndex,
  i: number,
  query: RecommendQuery,
  need: Float64Array,
  textMeter: Float64Array,
  textMeterWords: string[][],
  needs: { id: string; importance: number; rel: ReturnType<typeof needRelevance> }[],
  text: ReturnType<typeof searchText> | null,
  lifeEvents: { key: string; code?: string }[],
): ExplanationPart[] {
  const W = index.weights;
  const parts: ExplanationPart[] = [];
  const base = i * M;
  const meterParts: ExplanationPart[] = [];
  for (let m = 0; m < M; m++) {
    const a = index.affinity[base + m];
    const points = (W.meter * need[m] * a) / index.affinityNorm[i];
    if (points < 0.02) continue;
    const source = index.affinitySource[base + m] === 1 ? 'label' : 'inferred';
    const meter = METERS[m] as Meter;
    meterParts.push({
      kind: 'meter',
      meter,
      value: query.meters?.[meter] ?? 10,
      affinity: round(a),
      source,
      words: source === 'inferred' ? topWordsForMeter(index.model, wordsOf(index, i), m) : [],
      points: round(points),
    });
  }
  meterParts.sort((a, b) => b.points - a.points);
  // A meter that adds a sliver next to the main reason (a fairly good 8/10) would only distract.
  const strongest = meterParts[0]?.points ?? 0;
  parts.push(...meterParts.filter((p) => p.points >= 0.15 * strongest).slice(0, 3));
  for (const q of needs) {
    const s = q.rel.strength.get(i);
    if (!s) continue;
    const info = index.needs.get(q.id);
    parts.push({
      kind: 'need',
      need: q.id,
      name: info?.need.name,
      importance: q.importance,
      strength: round(s),
      via: q.rel.via.get(i) ?? [],
      points: round((W.need * q.importance * s) / 5),
    });
  }
  const ts = text?.score.get(i);
  if (ts) parts.push({ kind: 'text', words: text!.words.get(i) ?? [], translated: text!.translated.get(i) ?? [], points: round(W.text * ts) });
  for (let m = 0; m < M; m++) {
    if (!textMeter[m]) continue;
    const points = (W.textMeter * textMeter[m] * index.affinity[base + m]) / index.affinityNorm[i];
    if (points >= 0.05) parts.push({ kind: 'textMeter', meter: METERS[m], words: textMeterWords[m], points: round(points) });
  }
  for (const le of lifeEvents) {
    if (serviceInLifeEvent(index.serviceLifeEvents[i], le)) {
      parts.push({ kind: 'lifeEvent', lifeEvent: le.key, name: index.lifeEventById.get(le.key)?.name, points: W.lifeEvent });
    }
  }
  parts.sort((a, b) => b.points - a.points);
  const f = query.filters;
  const fit = areaFit(index.areas[i], f?.municipality, f?.includeNational ?? true, index.aland);
  if (fit === 'municipality' || fit === 'region') {
    parts.push({ kind: 'area', fit, area: f?.municipality, points: fit === 'municipality' ? W.areaMunicipality : W.areaRegion });
  } else if (fit === 'nationwide') parts.push({ kind: 'area', fit, points: 0 });
  return parts;
}
