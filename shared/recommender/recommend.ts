/** Queries a built index: filters, scores, ranks with a stable tie-break, and explains each result. */
import { METERS, type Language, type Link, type Meter, type MeterValues, type Persona } from '../model';
import { FIELD_KEYWORD } from './features';
import { areaFit, codesMatch, filterKey, inAnyArea } from './area';
import { ageAdmitted } from './age';
import { wordsOf, type RecommenderIndex } from './build';
import { topWordsForMeter } from './model';
import { needRelevance } from './needs';
import { codeUnder, priorHitsForToken } from './prior';
import { searchText, textTerms } from './search';
import { tokenize } from './text';
import type { ExplanationPart, QueryNote, RecommendAnswer, Recommendation, RecommendFilters, RecommendQuery } from './types';

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

function serviceInLifeEvent(keys: ReadonlySet<string>, le: { key: string; code?: string }): boolean {
  if (keys.has(le.key)) return true;
  if (le.code) for (const k of keys) if (codeUnder(k, le.code)) return true;
  return false;
}

/**
 * The reader's scale of a result: 1 − e^(−points), 0–1. Points add up without limit (several
 * needs, meters and words), which a bar cannot show; this keeps every added reason visible while
 * staying below 1, and keeps the order of the points.
 */
export function scoreOfPoints(points: number): number {
  return points <= 0 ? 0 : 1 - Math.exp(-points);
}

/** Ranks the catalogue for a query: the best `limit` services with their scores and explanation parts. */
export function recommend(index: RecommenderIndex, query: RecommendQuery): Recommendation[] {
  return recommendAnswer(index, query).results;
}

/** Ranks the catalogue for a query, with notes about the whole answer (query words that matched nothing, services left out for age). */
export function recommendAnswer(index: RecommenderIndex, query: RecommendQuery): RecommendAnswer {
  const W = index.weights;
  const limit = Math.max(1, Math.min(index.services.length || 1, Math.floor(query.limit ?? 10)));
  const minScore = Math.min(0.999999, Math.max(0, query.minScore ?? 0.01));
  const everything = query.everything ?? false;
  // The same threshold on the points, where the loop compares.
  const minPoints = -Math.log(1 - minScore);
  const f = query.filters;
  const eligible = eligibility(index, f);
  // With an age range, services left out only for their age are scored too, to say which of them the list lost.
  const ageGiven = f && (f.ageMin !== undefined || f.ageMax !== undefined);
  const candidates = ageGiven ? eligibility(index, { ...f, ageMin: undefined, ageMax: undefined }) : eligible;
  const need = meterNeeds(query.meters);
  const n = index.services.length;
  const aff = index.affinity;
  const norm = index.affinityNorm;
  const notes: QueryNote[] = [];

  // Query words that name a meter's theme become a meter need of their own (cross-language).
  const textMeter = new Float64Array(M);
  const textMeterWords: string[][] = Array.from({ length: M }, () => []);
  let text: ReturnType<typeof searchText> | null = null;
  if (query.text?.trim()) {
    text = searchText(index.text, textTerms(query.text, query.textLanguage));
    if (text.unmatched.length) notes.push({ kind: 'textUnmatched', words: text.unmatched });
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
      if (!candidates[i]) continue;
      for (const le of lifeEvents) if (serviceInLifeEvent(index.serviceLifeEvents[i], le)) score[i] += W.lifeEvent;
    }
  }

  // Local services get a small bonus; marked in a scratch array from the municipality's own list.
  const bonus = index.scratch.bonus;
  const local = f?.municipality ? index.byMunicipality.get(f.municipality) : undefined;
  if (local) {
    for (const i of local.region) bonus[i] = W.areaRegion;
    for (const i of local.direct) bonus[i] = W.areaMunicipality;
  }
  const collapse = (query.collapseDuplicates ?? true) && index.hasDuplicates;
  const points = (i: number): number => {
    let s = score[i];
    if (anyMeter) {
      let dot = 0;
      const base = i * M;
      for (let m = 0; m < M; m++) dot += meterWeight[m] * aff[base + m];
      s += dot / norm[i];
    }
    return s <= 0 ? 0 : s + bonus[i];
  };
  let ranked: { i: number; s: number }[] = [];
  let lost: { i: number; s: number }[] = [];
  try {
    // Duplicates take places in the bounded list until they are folded into their first record;
    // a list that comes up short after folding is ranked again with more room.
    let room = collapse ? limit * 2 + 10 : limit;
    for (;;) {
      const top = new TopList(room);
      const ageLost = new TopList(ageGiven ? limit : 0);
      for (let i = 0; i < n; i++) {
        if (!candidates[i]) continue;
        const s = points(i);
        if (!everything && (s < minPoints || s <= 0)) continue;
        if (eligible[i]) top.add(i, s);
        else ageLost.add(i, s);
      }
      ranked = collapse ? foldDuplicates(index, top.items(), limit, query.language) : top.items().slice(0, limit);
      lost = ageLost.items();
      if (!collapse || ranked.length >= limit || top.size < room || room >= n) break;
      room *= 4;
    }
  } finally {
    // The scratch array must be clean for the next query whatever happened here.
    if (local) {
      for (const i of local.region) bonus[i] = 0;
      for (const i of local.direct) bonus[i] = 0;
    }
  }
  if (ageGiven && lost.length) {
    // Those that would have taken a place in the list as shown.
    const floor = ranked.length >= limit ? ranked[ranked.length - 1].s : 0;
    const seen = new Set<number>();
    const services = lost
      .filter((x) => x.s > floor && !seen.has(index.sameAs[x.i]) && seen.add(index.sameAs[x.i]))
      .map((x) => {
        const a = index.ages[x.i]!;
        const s = index.services[x.i];
        return { serviceId: s.id, name: s.name, source: a.source, groups: a.groups, words: a.source === 'words' ? a.evidence : [], citizens: a.ranges.length > 0 };
      });
    if (services.length) notes.push({ kind: 'ageExcluded', ageMin: f!.ageMin ?? 0, ageMax: f!.ageMax ?? 120, services });
  }
  const explain = query.explain ?? true;
  const results = ranked.map(({ i, s }, r) => {
    // Every other record of the service that passes the filters, ranked or not.
    const dups = collapse ? (index.sameGroups.get(index.sameAs[i]) ?? []).filter((d) => d !== i && eligible[d]) : [];
    return {
      serviceId: index.services[i].id,
      rank: r + 1,
      score: round(scoreOfPoints(s)),
      points: round(s),
      parts: explain ? explainService(index, i, query, need, textMeter, textMeterWords, needs, text, lifeEvents) : [],
      ...(dups.length ? { duplicates: dups.map((d) => index.services[d].id) } : {}),
    };
  });
  return { results, notes };
}

/** The best entries by score, bounded; equal scores keep position order because positions are added rising. */
class TopList {
  private readonly idx: Int32Array;
  private readonly score: Float64Array;
  private count = 0;
  constructor(private readonly cap: number) {
    this.idx = new Int32Array(Math.max(0, cap));
    this.score = new Float64Array(Math.max(0, cap));
  }
  get size(): number {
    return this.count;
  }
  add(i: number, s: number): void {
    const { cap, idx, score } = this;
    if (cap <= 0) return;
    if (this.count === cap && s <= score[cap - 1]) return;
    // The new entry's place: after every entry scoring as much or more (found by halving: a list
    // with room for thousands, as when many records are one service, was walked entry by entry).
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (score[mid] < s) hi = mid;
      else lo = mid + 1;
    }
    const end = this.count === cap ? cap - 1 : this.count;
    score.copyWithin(lo + 1, lo, end);
    idx.copyWithin(lo + 1, lo, end);
    score[lo] = s;
    idx[lo] = i;
    if (this.count < cap) this.count++;
  }
  items(): { i: number; s: number }[] {
    return Array.from({ length: this.count }, (_, k) => ({ i: this.idx[k], s: this.score[k] }));
  }
}

/**
 * Keeps one record of each service: the best-ranked one with a name in the explanation's language
 * (a Swedish user sees "Jourtjänster inom psykiatrin", not a Finnish-only twin), else the best.
 */
function foldDuplicates(index: RecommenderIndex, items: { i: number; s: number }[], limit: number, lang: Language | undefined): { i: number; s: number }[] {
  const chosen = new Map<number, { i: number; s: number; order: number }>();
  items.forEach((x, order) => {
    const key = index.sameAs[x.i];
    const prev = chosen.get(key);
    if (!prev) chosen.set(key, { ...x, order });
    else if (lang && !index.services[prev.i].name?.[lang] && index.services[x.i].name?.[lang]) chosen.set(key, { ...x, order });
  });
  // Ranked by the score shown (that of the record kept), so the list never shows a lower score above a higher one.
  return [...chosen.values()]
    .sort((a, b) => a.order - b.order)
    .slice(0, limit)
    .map(({ i, s }) => ({ i, s }));
}

const LANGS: readonly Language[] = ['fi', 'sv', 'en'];

/**
 * The service's words that pointed to a meter, in one language: the explanation's when the
 * service has a name or description in it (none pointing to the meter → no words, and the
 * sentence says "inferred from similar services"), otherwise the first other language that gives
 * any, returned so that the sentence can name it. Keywords carry no language, so they are quoted
 * only when names and descriptions give nothing.
 */
function meterWords(index: RecommenderIndex, i: number, m: number, lang: Language | undefined): { words: string[]; language?: Language } {
  const all = wordsOf(index, i);
  if (!lang) return { words: topWordsForMeter(index.model, all, m) };
  const texts = all.filter((w) => w.field !== FIELD_KEYWORD);
  const own = texts.filter((w) => w.lang === lang);
  if (own.length) return { words: topWordsForMeter(index.model, own, m) };
  for (const l of LANGS) {
    if (l === lang) continue;
    const other = topWordsForMeter(index.model, texts.filter((w) => w.lang === l), m);
    if (other.length) return { words: other, language: l };
  }
  // Keywords are stored once per language; the first language's copy stands for the keyword.
  return { words: topWordsForMeter(index.model, all.filter((w) => w.field === FIELD_KEYWORD && w.lang === 'fi'), m) };
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
    const quoted = source === 'inferred' ? meterWords(index, i, m, query.language) : { words: [] };
    meterParts.push({
      kind: 'meter',
      meter,
      value: query.meters?.[meter] ?? 10,
      affinity: round(a),
      source,
      words: quoted.words,
      ...(quoted.language ? { wordsLanguage: quoted.language } : {}),
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
