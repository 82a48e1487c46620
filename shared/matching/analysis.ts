/**
 * The matching analysis of a life event or a whole workspace: coverage, gaps, overlaps,
 * under-use, counters to visit and equity, as one serialisable run.
 *
 * When does a service serve a need for a persona? Its serve score must reach the threshold:
 *
 *   serve(p, N, s) = eligible(p, s) × strength(N, s) × (1 − μ + μ × fit(p, s))
 *
 * - eligible: the recommender's hard filters for the persona (area with national services,
 *   language, target group from age; excluded services never).
 * - strength: the recommender's need relevance, 0..1, combined from an `addresses` link (1),
 *   a shared service class (0.8, 0.4 when the service's class is broader), the need's keywords
 *   in the service's text (up to 0.6), ontology terms shared with the need's linked services
 *   (up to 0.5) and the need's life event (0.3).
 * - fit: how well the service's meter profile points where the persona's meters are low,
 *   0..1 (1 when the persona has no low meter); μ = personalFitWeight (default 0.3), so the
 *   meters can lower a score by at most 30 % but never make an unrelated service serve a need.
 *
 * With the default threshold 0.5: a linked service always serves (≥ 0.7); a service of the need's
 * class always serves (≥ 0.56); a broader class alone never does (≤ 0.4); keywords alone serve
 * only when they match nearly fully and the service's meter profile fits the persona. Several
 * weaker kinds of evidence together can pass (noisy-or).
 *
 * Scope: with a life event, the needs are the life event's (`hasNeed`), the personas those that
 * have any of them, and the supply the life event's services (`inLifeEvent` links, PTV life-event
 * codes at or under the life event's code, and services linked to its needs). Without one, all.
 */
import { METERS, type Entity, type LifeEvent, type Link, type Need, type Persona, type Service } from '../model';
import {
  buildIndex,
  codeUnder,
  eligibility,
  meterNeeds,
  needRelevance,
  personaQuery,
  type AreaLookup,
  type InferenceOptions,
  type RecommenderIndex,
} from '../recommender';
import { minimumCover } from './setcover';
import type {
  CapacityUse,
  CounterPlan,
  EquityDimension,
  EquityResult,
  Gap,
  MatchingParams,
  MatchingRun,
  Overlap,
  PersonaNeedResult,
  PersonaSummary,
} from './types';

const M = METERS.length;

/** Default parameters; see `MatchingParams` for what each means. */
export const DEFAULT_MATCHING_PARAMS: MatchingParams = {
  threshold: 0.5,
  personalFitWeight: 0.3,
  perNeedTop: 3,
  overlapMinOrganisations: 3,
  equityMargin: 0.1,
  equityMinPersonas: 2,
  exactLimit: 20,
  underUseShare: 0.5,
  languageFilter: true,
};

/** The workspace content a run reads. */
export interface MatchingWorkspace {
  entities: readonly Entity[];
  links: readonly Link[];
}

/** Options that are not part of the result: a prebuilt index (reused across runs) or what to build one with. */
export interface MatchingOptions {
  index?: RecommenderIndex;
  areaLookup?: AreaLookup;
  inference?: InferenceOptions;
  /**
   * A recommender's lists: only these services count for each persona, and personas not in the
   * map are left out. Without it every eligible service counts (the built-in analysis).
   */
  candidates?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Lists derived from `ws` (entities of a kind by id, links of a type), kept between runs on the
   * same, unchanged content: a caller that runs many life events on one snapshot passes one memo.
   */
  memo?: MatchingMemo;
}

/** What runs on one unchanged workspace content share (see MatchingOptions.memo); opaque to callers. */
export class MatchingMemo {
  private readonly lists = new Map<string, unknown>();
  /** The list under `key`, made once. */
  get<T>(key: string, make: () => T): T {
    if (!this.lists.has(key)) this.lists.set(key, make());
    return this.lists.get(key) as T;
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Age band of a persona by the middle of its age range. */
export function ageGroup(p: Pick<Persona, 'ageMin' | 'ageMax'>): string {
  const mid = (p.ageMin + p.ageMax) / 2;
  if (mid < 18) return '0-17';
  if (mid < 30) return '18-29';
  if (mid < 65) return '30-64';
  return '65+';
}

/**
 * The one definition of "a service serves a persona's need": its serve score reaches the
 * threshold. Coverage, gaps, overlaps, counters to visit and under-use all use it, so no two
 * lists on the matching screen can disagree about whether a service serves someone.
 */
export function serves(score: number, threshold: number): boolean {
  return score >= threshold;
}

/** Serve score of one service for one persona and need (see the module comment for the formula). */
export function serveScore(strength: number, fit: number, personalFitWeight: number): number {
  return strength * (1 - personalFitWeight + personalFitWeight * fit);
}

/** Runs the matching analysis and returns a plain object with its parameters. */
export function runMatching(ws: MatchingWorkspace, params: Partial<MatchingParams> = {}, opts: MatchingOptions = {}): MatchingRun {
  const P: MatchingParams = { ...DEFAULT_MATCHING_PARAMS, ...params };
  // Without a memo every list is made afresh (a throwaway memo); with one, once per content.
  const memo = opts.memo ?? new MatchingMemo();
  const kind = <K extends Entity['kind']>(k: K): readonly Extract<Entity, { kind: K }>[] =>
    memo.get(`kind:${k}`, () => ws.entities.filter((e): e is Extract<Entity, { kind: K }> => e.kind === k).sort(byId));
  // Subsequences of ws.links in its own order (or by id), so every loop below sees the links it did.
  const linksOf = (key: string, types: readonly Link['type'][], sorted: boolean): readonly Link[] =>
    memo.get(`links:${key}`, () => {
      const out = ws.links.filter((l) => types.includes(l.type));
      return sorted ? out.sort(byId) : out;
    });
  const services = kind('service') as Service[];
  const allNeeds = kind('need') as Need[];
  const lifeEvents = kind('lifeEvent') as LifeEvent[];
  const personasAll = kind('persona') as Persona[];
  const index =
    opts.index ?? buildIndex(services, ws.links, { needs: allNeeds, lifeEvents, areaLookup: opts.areaLookup, inference: opts.inference });

  // Scope: the life event's needs and the personas that have them, or everything.
  const needIds = new Set(allNeeds.map((n) => n.id));
  let scopeNeeds: string[];
  let scopeServices: Set<number>;
  if (P.lifeEventId) {
    const le = lifeEvents.find((l) => l.id === P.lifeEventId);
    scopeNeeds = [...new Set(linksOf('hasNeed', ['hasNeed'], false).filter((l) => l.source === P.lifeEventId && needIds.has(l.target)).map((l) => l.target))].sort();
    scopeServices = new Set();
    const wanted = new Set(scopeNeeds);
    for (const l of linksOf('scope', ['inLifeEvent', 'addresses'], false)) {
      if (l.type === 'inLifeEvent' && l.target === P.lifeEventId) addPos(index, scopeServices, l.source);
      if (l.type === 'addresses' && wanted.has(l.target)) addPos(index, scopeServices, l.source);
    }
    if (le?.code) index.services.forEach((s, i) => (s.lifeEvents ?? []).some((c) => codeUnder(c, le.code!)) && scopeServices.add(i));
  } else {
    scopeNeeds = allNeeds.map((n) => n.id);
    scopeServices = new Set(index.services.map((_, i) => i));
  }
  for (const i of [...scopeServices]) if (index.services[i].excluded) scopeServices.delete(i);
  const scopeNeedSet = new Set(scopeNeeds);
  const personaNeeds = new Map<string, { need: string; importance: number }[]>();
  for (const l of linksOf('personaNeed', ['personaNeed'], true)) {
    if (l.type !== 'personaNeed' || !scopeNeedSet.has(l.target)) continue;
    const list = personaNeeds.get(l.source) ?? [];
    if (!list.some((x) => x.need === l.target)) list.push({ need: l.target, importance: l.data?.importance ?? 3 });
    personaNeeds.set(l.source, list);
  }
  const personas = personasAll.filter((p) => personaNeeds.has(p.id) && (!opts.candidates || opts.candidates.has(p.id)));
  for (const list of personaNeeds.values()) list.sort((a, b) => (a.need < b.need ? -1 : 1));
  const weighting: MatchingRun['weighting'] = personas.some((p) => p.peoplePerYear > 0) ? 'importance×people' : 'importance';

  const coverage: PersonaNeedResult[] = [];
  /** Per persona × need: every service above the threshold with its score (for overlaps and counters). */
  const above = new Map<string, { i: number; score: number }[]>();
  const fit = new Float64Array(index.services.length);
  for (const p of personas) {
    const q = personaQuery(p, [], { languageFilter: P.languageFilter });
    const eligible = eligibility(index, q.filters);
    const need = meterNeeds(p.meters);
    let nn = 0;
    for (let m = 0; m < M; m++) nn += need[m] * need[m];
    const needNorm = Math.sqrt(nn);
    fit.fill(-1);
    const people = p.peoplePerYear;
    const listed = opts.candidates?.get(p.id);
    for (const { need: nid, importance } of personaNeeds.get(p.id)!) {
      const rel = needRelevance(index, nid);
      let best = -1;
      let bestScore = 0;
      const list: { i: number; score: number }[] = [];
      for (const [i, strength] of rel.strength) {
        if (!eligible[i] || !scopeOrAll(P, scopeServices, i)) continue;
        if (listed && !listed.has(index.services[i].id)) continue;
        let f = fit[i];
        if (f < 0) {
          if (needNorm === 0) f = 1;
          else {
            let dot = 0;
            for (let m = 0; m < M; m++) dot += need[m] * index.affinity[i * M + m];
            f = dot / (needNorm * index.affinityNorm[i]);
          }
          fit[i] = f;
        }
        const s = serveScore(strength, f, P.personalFitWeight);
        if (s > bestScore || (s === bestScore && s > 0 && i < best)) {
          bestScore = s;
          best = i;
        }
        if (serves(s, P.threshold)) list.push({ i, score: s });
      }
      list.sort((a, b) => b.score - a.score || a.i - b.i);
      above.set(p.id + '\u0000' + nid, list);
      const weight = weighting === 'importance×people' ? importance * people : importance;
      coverage.push({
        persona: p.id,
        need: nid,
        importance,
        people,
        weight,
        bestService: best >= 0 ? index.services[best].id : null,
        bestScore: round(bestScore),
        servicesAbove: list.length,
        covered: list.length > 0,
        recommended: list.slice(0, P.perNeedTop).map((x) => index.services[x.i].id),
      });
    }
  }

  /** Weighted covered share, or null when the rows weigh nothing (e.g. personas of 0 people a year). */
  const share = (rows: PersonaNeedResult[]): number | null => {
    const total = rows.reduce((s, r) => s + r.weight, 0);
    return total > 0 ? round(rows.filter((r) => r.covered).reduce((s, r) => s + r.weight, 0) / total) : null;
  };
  const byPersona = new Map<string, PersonaNeedResult[]>();
  for (const r of coverage) {
    const list = byPersona.get(r.persona) ?? [];
    list.push(r);
    byPersona.set(r.persona, list);
  }
  const personaSummaries: PersonaSummary[] = personas.map((p) => {
    const rows = byPersona.get(p.id)!;
    const total = rows.reduce((s, r) => s + r.importance, 0);
    return {
      persona: p.id,
      people: p.peoplePerYear,
      needs: rows.length,
      covered: rows.filter((r) => r.covered).length,
      coverage: total ? round(rows.filter((r) => r.covered).reduce((s, r) => s + r.importance, 0) / total) : 0,
    };
  });

  // Gaps: needs some persona has with no service above the threshold, most people first.
  const gapMap = new Map<string, Gap>();
  for (const r of coverage) {
    if (r.covered) continue;
    const g = gapMap.get(r.need) ?? { need: r.need, personas: [], people: 0, weight: 0, bestScore: 0, bestService: null };
    g.personas.push(r.persona);
    g.people += r.people;
    g.weight += r.weight;
    if (r.bestScore > g.bestScore) {
      g.bestScore = r.bestScore;
      g.bestService = r.bestService;
    }
    gapMap.set(r.need, g);
  }
  const gaps = [...gapMap.values()].sort((a, b) => b.people - a.people || b.weight - a.weight || (a.need < b.need ? -1 : 1));

  // Overlaps: one need, served by services of several providers. A service no organisation is
  // linked to provide is a provider of its own (someone runs it), but it is kept apart from the
  // organisations so that the screen never calls a service an organisation.
  const orgsOf = (i: number) => index.providers[i];
  const overlaps: Overlap[] = [];
  for (const nid of scopeNeeds) {
    const best = new Map<number, number>();
    for (const p of personas) for (const x of above.get(p.id + '\u0000' + nid) ?? []) best.set(x.i, Math.max(best.get(x.i) ?? 0, x.score));
    if (best.size < P.overlapMinOrganisations) continue;
    const orgs = new Set<string>();
    const noProvider: string[] = [];
    for (const i of best.keys()) {
      for (const o of orgsOf(i)) orgs.add(o);
      if (!orgsOf(i).length) noProvider.push(index.services[i].id);
    }
    if (orgs.size + noProvider.length < P.overlapMinOrganisations) continue;
    overlaps.push({
      need: nid,
      organisations: [...orgs].sort(),
      noProvider: noProvider.sort(),
      services: [...best.entries()]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .map(([i, s]) => ({ service: index.services[i].id, organisations: [...orgsOf(i)], bestScore: round(s) })),
    });
  }
  const providers = (o: Overlap) => o.organisations.length + o.noProvider.length;
  overlaps.sort((a, b) => providers(b) - providers(a) || (a.need < b.need ? -1 : 1));

  // Under-use: services that serve no persona's need, by the same `serves` as overlaps and counters.
  const servedPersonas = new Map<string, Set<string>>();
  const demand = new Map<string, number>();
  for (const r of coverage) {
    for (const x of above.get(r.persona + '\u0000' + r.need) ?? []) {
      const id = index.services[x.i].id;
      const set = servedPersonas.get(id) ?? new Set();
      set.add(r.persona);
      servedPersonas.set(id, set);
    }
  }
  const people = new Map(personas.map((p) => [p.id, p.peoplePerYear]));
  // Demand: a persona's people go to the best service of each covered need, counted once per service.
  for (const p of personas) {
    const routed = new Set(byPersona.get(p.id)!.filter((r) => r.covered).map((r) => r.recommended[0]));
    for (const s of routed) demand.set(s, (demand.get(s) ?? 0) + p.peoplePerYear);
  }
  const scopeIds = [...scopeServices].sort((a, b) => a - b).map((i) => index.services[i].id);
  const capacity: CapacityUse[] = [];
  for (const i of [...scopeServices].sort((a, b) => a - b)) {
    const s = index.services[i];
    if (s.capacity === undefined) continue;
    const d = demand.get(s.id) ?? 0;
    const utilisation = s.capacity > 0 ? round(d / s.capacity) : null;
    const status = utilisation === null ? (d > 0 ? 'over' : 'under') : utilisation > 1 ? 'over' : utilisation < P.underUseShare ? 'under' : 'ok';
    capacity.push({ service: s.id, capacity: s.capacity, demand: d, utilisation, status });
  }
  const underUse = {
    unserved: scopeIds.filter((id) => !servedPersonas.has(id)),
    servedTo: scopeIds
      .filter((id) => servedPersonas.has(id))
      .map((id) => {
        const ps = [...servedPersonas.get(id)!];
        return { service: id, personas: ps.length, people: ps.reduce((s, p) => s + (people.get(p) ?? 0), 0) };
      }),
    capacity,
  };

  // Counters to visit: fewest places covering each persona's covered needs. A service without a
  // provider is a place of its own; its candidate id is marked so the plan can tell it apart.
  const NO_PROVIDER = '\uffffservice:'; // sorts last: on a tie an organisation is chosen
  const counters: CounterPlan[] = personas.map((p) => {
    const cands = new Map<string, Set<string>>();
    for (const r of byPersona.get(p.id)!) {
      for (const x of above.get(p.id + '\u0000' + r.need) ?? []) {
        const places = orgsOf(x.i).length ? orgsOf(x.i) : [NO_PROVIDER + index.services[x.i].id];
        for (const o of places) {
          const set = cands.get(o) ?? new Set();
          set.add(r.need);
          cands.set(o, set);
        }
      }
    }
    const res = minimumCover(
      [...cands.entries()].map(([id, s]) => ({ id, covers: [...s] })),
      P.exactLimit,
    );
    return {
      persona: p.id,
      needs: byPersona.get(p.id)!.filter((r) => r.covered).length,
      organisations: res.chosen.filter((o) => !o.startsWith(NO_PROVIDER)),
      noProvider: res.chosen.filter((o) => o.startsWith(NO_PROVIDER)).map((o) => o.slice(NO_PROVIDER.length)).sort(),
      count: res.chosen.length,
      method: res.method,
      candidates: res.candidates,
      lowerBound: res.lowerBound,
      ratio: round(res.ratio),
    };
  });

  const overall = share(coverage) ?? 0;
  const equity = (['language', 'municipality', 'ageGroup'] as EquityDimension[]).map((dimension) => {
    const keyOf = (p: Persona) => (dimension === 'language' ? p.language : dimension === 'municipality' ? (p.municipality ?? '-') : ageGroup(p));
    const groups = new Map<string, Persona[]>();
    for (const p of personas) {
      const k = keyOf(p);
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    const list = [...groups.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([group, ps]) => {
        const rows = ps.flatMap((p) => byPersona.get(p.id)!);
        const c = share(rows);
        const diff = c === null ? null : round(c - overall);
        const tooSmall = ps.length < P.equityMinPersonas;
        return {
          group,
          personas: ps.length,
          people: ps.reduce((s, p) => s + p.peoplePerYear, 0),
          coverage: c,
          diff,
          tooSmall,
          // One group alone has nothing to be compared with; a group of nobody has no coverage to
          // compare; a group below the minimum size says more about one persona than about a group.
          flagged: groups.size > 1 && !tooSmall && diff !== null && Math.abs(diff) > P.equityMargin,
        };
      });
    const known = list.filter((g) => g.coverage !== null && !g.tooSmall).map((g) => g.coverage!);
    const spread = known.length ? round(Math.max(...known) - Math.min(...known)) : 0;
    return { dimension, groups: list, spread, flagged: known.length > 1 && spread > P.equityMargin } satisfies EquityResult;
  });

  return {
    format: 'kohtaanto-matching-run',
    version: 2,
    params: P,
    scope: { lifeEventId: P.lifeEventId ?? null, personas: personas.map((p) => p.id), needs: scopeNeeds, services: scopeIds },
    weighting,
    totals: {
      personas: personas.length,
      needs: scopeNeeds.length,
      services: scopeIds.length,
      personaNeeds: coverage.length,
      covered: coverage.filter((r) => r.covered).length,
      coverage: overall,
      coverageUnweighted: coverage.length ? round(coverage.filter((r) => r.covered).length / coverage.length) : 0,
      people: personas.reduce((s, p) => s + p.peoplePerYear, 0),
    },
    coverage,
    personas: personaSummaries,
    gaps,
    overlaps,
    underUse,
    counters,
    equity,
  };
}

function addPos(index: RecommenderIndex, set: Set<number>, id: string) {
  const i = index.position.get(id);
  if (i !== undefined) set.add(i);
}

/** In a life-event run the supply is the life event's services; otherwise every service counts. */
function scopeOrAll(P: MatchingParams, scope: Set<number>, i: number): boolean {
  return !P.lifeEventId || scope.has(i);
}
