/**
 * The recommender and the matching analysis behind the API: one recommender index per open
 * workspace, built on first use and rebuilt only after the catalogue really changed; matching
 * runs saved in the workspace file (migration 0040).
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  codeLabeler,
  MAX_TOP,
  type MatchingComparison,
  type MatchingRunRecord,
  type MatchingRunSummary,
  type RecommenderCodes,
} from '../../../shared/api/matching';
import { encodeLabel } from '../../../shared/api/history';
import { compareRuns, describeChange, upgradeParams, upgradeRun, type MatchingRun } from '../../../shared/matching';
import { pickText, type Language, type LocalizedText, type Persona } from '../../../shared/model';
import {
  codeUnder,
  eligibility,
  evaluatePersonas,
  explainNotes,
  explainSentences,
  personaQuery,
  recommend,
  recommendAnswer,
  suggestAffinities,
  type QueryNeed,
  type RecommenderIndex,
  type RecommendFilters,
} from '../../../shared/recommender';
import { figureFromRun, type Indicator } from '../../../shared/picture';
import type { AppContext } from '../context';
import { codeLists } from '../io/codes';
import type { Handlers } from '../registry';
import type { Workspace } from '../store/workspace';
import { runMatchingOnSource } from './remote';
import { buildInBackground, recommenderFor as indexFor, type CacheEntry } from '../recommender/cache';
import { buildOptionsFrom } from '../recommender/options';
import { codedError, said } from '../messages';

/**
 * Every saved run adds a measurement to the indicators bound to one of its figures, so that
 * "how well needs and supply match" becomes a time series in the situational picture. One
 * undoable step, named after the run.
 */
function measureBoundIndicators(ws: Workspace, run: MatchingRun, row: RunRow): void {
  const updates = ws
    .listItems('indicator')
    .filter((i): i is Indicator => i.kind === 'indicator' && !!i.binding)
    .flatMap((ind) => {
      const value = figureFromRun(ind.binding!, run);
      if (value === undefined) return [];
      const measurement = { date: row.created_at.slice(0, 10), value, source: `matching run ${row.id}` };
      return [{ ...ind, measurements: [...ind.measurements, measurement] }];
    });
  if (!updates.length) return;
  ws.edit(encodeLabel(`Measure ${updates.length} indicator(s) from matching run ${row.id}`, { key: 'measureFromRun', params: { count: updates.length } }), (tx) => {
    for (const ind of updates) tx.putItem(ind);
  });
}

// ------------------------------------------------------------------------------------------------
// Code lists the recommender needs
// ------------------------------------------------------------------------------------------------

let codesCache: RecommenderCodes | undefined;

/** Area table, code names and the words the meter model must not learn from, from the bundled code lists. */
export function recommenderCodes(): RecommenderCodes {
  if (codesCache) return codesCache;
  const c = codeLists();
  const label = (i: { code: string; fi: string; sv?: string; en?: string }) => ({ code: i.code, fi: i.fi, ...(i.sv ? { sv: i.sv } : {}), ...(i.en ? { en: i.en } : {}) });
  const municipalities = c.items('municipalities');
  const areaTable: Record<string, string[]> = {};
  // Region and county codes look alike ("01"): the prefixes keep them apart in service areas.
  for (const m of municipalities) {
    if (m.region) (areaTable[`region:${m.region}`] ??= []).push(m.code);
    if (m.county) (areaTable[`county:${m.county}`] ??= []).push(m.code);
  }
  // Labelled services come from a few municipalities; their names must not become evidence for a meter.
  const ignoreWords = [...new Set(municipalities.flatMap((m) => [m.fi, m.sv].filter((x): x is string => !!x)))].sort();
  codesCache = {
    municipalities: municipalities.map(label),
    regions: c.items('regions').map(label),
    counties: c.items('wellbeingCounties').map(label),
    serviceClasses: c.items('serviceClasses').map(label),
    lifeEvents: c.items('lifeEvents').map(label),
    areaTable,
    ignoreWords,
  };
  return codesCache;
}

// ------------------------------------------------------------------------------------------------
// The index (built off the main path and kept in the workspace file: ../recommender/cache.ts)
// ------------------------------------------------------------------------------------------------

export { buildOptionsFrom };

/** The open workspace's recommender index, built on a worker thread or read from the file; see ../recommender/cache.ts. */
export function recommenderFor(ctx: AppContext): Promise<CacheEntry> {
  return indexFor(ctx, recommenderCodes());
}

/** After a large catalogue changed (an import): its index built and saved on the worker thread, before anyone asks (see ../recommender/cache.ts). */
export function prebuildRecommender(ctx: AppContext): void {
  buildInBackground(ctx, recommenderCodes());
}

// ------------------------------------------------------------------------------------------------
// recommend.*
// ------------------------------------------------------------------------------------------------

function getPersona(ws: Workspace, id: string): Persona {
  const e = ws.getEntity(id);
  if (!e || e.kind !== 'persona') throw codedError('not_found', said('matching.noPersona', { id }));
  return e;
}

function personaNeeds(ws: Workspace, personaId: string): QueryNeed[] {
  return ws
    .linksOf(personaId)
    .filter((l) => l.type === 'personaNeed' && l.source === personaId)
    .map((l) => ({ id: l.target, importance: l.data.importance ?? 3 }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Positions of a life event's services: linked to it, or carrying its PTV code or one under it. */
function lifeEventServices(ws: Workspace, index: RecommenderIndex, lifeEventId: string): Set<string> {
  const le = ws.getEntity(lifeEventId);
  if (!le || le.kind !== 'lifeEvent') throw codedError('not_found', said('matching.noLifeEvent', { id: lifeEventId }));
  const out = new Set<string>();
  for (const l of ws.linksOf(lifeEventId)) if (l.type === 'inLifeEvent' && l.target === lifeEventId) out.add(l.source);
  if (le.code) for (const s of index.services) if ((s.lifeEvents ?? []).some((c) => codeUnder(c, le.code!))) out.add(s.id);
  return out;
}

type RecommendInput = Parameters<NonNullable<Handlers['recommend.query']>>[1];

/** The number of results asked for: `all` is the whole catalogue; a `top` beyond MAX_TOP must not pass the catalogue's size. */
function topOf(index: RecommenderIndex, input: RecommendInput): number {
  const n = index.services.length;
  if (input.all) return Math.max(1, n);
  if (input.top > MAX_TOP && input.top > n) {
    throw codedError('invalid_input', said('matching.topTooLarge', { top: input.top, services: n, max: Math.max(MAX_TOP, n) }), {
      details: { top: input.top, services: n },
    });
  }
  return input.top;
}

/** Turns the API's query into the recommender's, with the stored persona as the base. */
function buildQuery(ws: Workspace, index: RecommenderIndex, input: RecommendInput) {
  const persona = input.personaId ? getPersona(ws, input.personaId) : undefined;
  const inline = input.persona ?? {};
  const needs = inline.needs ?? (persona ? personaNeeds(ws, persona.id) : []);
  for (const n of needs) {
    const e = ws.getEntity(n.id);
    if (!e || e.kind !== 'need') throw codedError('invalid_input', said('matching.noNeed', { id: n.id }));
  }
  const ageMin = inline.age ?? inline.ageMin ?? persona?.ageMin;
  const ageMax = inline.age ?? inline.ageMax ?? persona?.ageMax;
  const f = input.filters ?? {};
  const filters: RecommendFilters = {
    municipality: f.municipality === null ? undefined : (f.municipality ?? inline.municipality ?? persona?.municipality),
    language: f.language === null ? undefined : (f.language ?? inline.language ?? persona?.language),
    ageMin: f.ageMin ?? ageMin,
    ageMax: f.ageMax ?? ageMax,
    includeNational: f.includeNational,
    areas: f.areas,
    serviceClasses: f.serviceClasses,
    targetGroups: f.targetGroups,
    fundingTypes: f.fundingTypes,
  };
  if (filters.ageMin !== undefined && filters.ageMax !== undefined && filters.ageMin > filters.ageMax) {
    throw codedError('invalid_input', said('matching.ageOrder'));
  }
  // Restrictions the recommender has no filter of its own for become a list of allowed services.
  let allowed: Set<string> | undefined;
  if (f.nationalOnly) allowed = new Set(index.services.filter((_, i) => index.areas[i].nationwide).map((s) => s.id));
  if (f.lifeEventId) {
    const inEvent = lifeEventServices(ws, index, f.lifeEventId);
    allowed = allowed ? new Set([...allowed].filter((id) => inEvent.has(id))) : inEvent;
  }
  if (allowed) filters.serviceIds = [...allowed].sort();
  return {
    persona,
    query: {
      meters: { ...(persona?.meters ?? {}), ...(inline.meters ?? {}) },
      needs,
      text: input.text?.trim() || undefined,
      lifeEvents: input.lifeEvents,
      filters,
      limit: topOf(index, input),
      // All means every service that passes the filters, also those with nothing in their favour.
      ...(input.all ? { everything: true } : {}),
    },
  };
}

/** Explanation sentences with codes named from the bundled lists. */
export function sentences(parts: Parameters<typeof explainSentences>[0], lang: Language): string[] {
  return explainSentences(parts, lang, { label: codeLabeler(recommenderCodes()) });
}

// ------------------------------------------------------------------------------------------------
// matching.*
// ------------------------------------------------------------------------------------------------

interface RunRow {
  id: string;
  created_at: string;
  label: string | null;
  params: string;
  summary: string;
  run: string;
  names: string;
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepareRuns>>();
function prepareRuns(db: Database.Database) {
  return {
    insert: db.prepare('INSERT INTO matching_runs (id, created_at, label, params, summary, run, names) VALUES (@id, @created_at, @label, @params, @summary, @run, @names)'),
    list: db.prepare<[], Omit<RunRow, 'run' | 'names'>>('SELECT id, created_at, label, params, summary FROM matching_runs ORDER BY created_at DESC, rowid DESC'),
    get: db.prepare<[string], RunRow>('SELECT id, created_at, label, params, summary, run, names FROM matching_runs WHERE id = ?'),
    del: db.prepare('DELETE FROM matching_runs WHERE id = ?'),
  };
}
function runs(ws: Workspace) {
  let s = statements.get(ws.db);
  if (!s) statements.set(ws.db, (s = prepareRuns(ws.db)));
  return s;
}

function summaryOf(run: MatchingRun) {
  return {
    totals: run.totals,
    gaps: run.gaps.length,
    overlaps: run.overlaps.length,
    equityFlags: run.equity.reduce((n, d) => n + d.groups.filter((g) => g.flagged).length, 0),
  };
}

function toSummary(row: Omit<RunRow, 'run' | 'names'>): MatchingRunSummary {
  return { id: row.id, createdAt: row.created_at, label: row.label, params: upgradeParams(JSON.parse(row.params)), ...JSON.parse(row.summary) };
}

function toRecord(row: RunRow): MatchingRunRecord {
  return { ...toSummary(row), run: upgradeRun(JSON.parse(row.run)), names: JSON.parse(row.names) };
}

function getRun(ws: Workspace, id: string): MatchingRunRecord {
  const row = runs(ws).get.get(id);
  if (!row) throw codedError('not_found', said('matching.noRun', { id }));
  return toRecord(row);
}

/** Names of everything a run refers to, as they are now. */
function namesFor(ws: Workspace, run: MatchingRun): Record<string, LocalizedText> {
  const ids = new Set<string>([...run.scope.personas, ...run.scope.needs, ...run.scope.services]);
  if (run.scope.lifeEventId) ids.add(run.scope.lifeEventId);
  for (const o of run.overlaps) o.organisations.forEach((x) => ids.add(x));
  for (const c of run.counters) c.organisations.forEach((x) => ids.add(x));
  const out: Record<string, LocalizedText> = {};
  for (const id of ids) {
    const e = ws.getEntity(id);
    if (e) out[id] = e.name;
  }
  return out;
}

export const matchingHandlers: Handlers = {
  'recommend.codes': () => recommenderCodes(),

  'recommend.suggest': async (ctx, input) => suggestAffinities((await recommenderFor(ctx)).index, input.service),

  'recommend.query': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const { index, info } = await recommenderFor(ctx);
    const { persona, query } = buildQuery(ws, index, input);
    const lang = input.language;
    const eligible = eligibility(index, query.filters).reduce((n, x) => n + x, 0);
    const answer = recommendAnswer(index, { ...query, language: lang });
    const results = answer.results.map((r) => {
      const s = index.services[index.position.get(r.serviceId)!];
      return {
        serviceId: r.serviceId,
        ...(s.ptvId ? { ptvId: s.ptvId } : {}),
        name: pickText(s.name, lang) || s.id,
        rank: r.rank,
        score: r.score,
        points: r.points,
        ...(r.duplicates ? { duplicates: r.duplicates } : {}),
        explanation: sentences(r.parts, lang),
        parts: r.parts,
        expected: persona?.expectedServices.includes(r.serviceId) ?? false,
      };
    });
    const unmatchedWords = answer.notes.flatMap((n) => (n.kind === 'textUnmatched' ? n.words : []));
    return { personaId: persona?.id ?? null, language: lang, eligible, results, notes: explainNotes(answer.notes, lang), unmatchedWords, index: info };
  },

  'recommend.evaluate': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const { index } = await recommenderFor(ctx);
    const personas = ws.listEntities('persona') as Persona[];
    const links = ws.listLinks({ type: 'personaNeed' });
    const result = evaluatePersonas(index, personas, links, input.k);
    const byId = new Map(personas.map((p) => [p.id, p]));
    return {
      k: result.k,
      cases: result.cases.map((c) => {
        const p = byId.get(c.id)!;
        // The same query evaluatePersonas ran (deterministic), to say which expected services it missed.
        const ranked = new Set(recommend(index, { ...personaQuery(p, links), limit: input.k, explain: false, collapseDuplicates: false }).map((r) => r.serviceId));
        return { ...c, name: pickText(p.name, 'fi') || p.id, missed: p.expectedServices.filter((s) => !ranked.has(s)) };
      }),
      overall: result.overall,
      skipped: personas.filter((p) => !p.expectedServices.length).map((p) => p.id),
    };
  },

  'matching.run': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const { label, ...params } = input;
    if (params.lifeEventId) {
      const le = ws.getEntity(params.lifeEventId);
      if (!le || le.kind !== 'lifeEvent') throw codedError('not_found', said('matching.noLifeEvent', { id: params.lifeEventId }));
    }
    const { index } = await recommenderFor(ctx);
    const run = await runMatchingOnSource(ctx, params, index);
    const row: RunRow = {
      id: `run-${randomUUID().slice(0, 13)}`,
      created_at: ctx.now().toISOString(),
      label: label || null,
      params: JSON.stringify(run.params),
      summary: JSON.stringify(summaryOf(run)),
      run: JSON.stringify(run),
      names: JSON.stringify(namesFor(ws, run)),
    };
    runs(ws).insert.run(row);
    // A run the remote recommender answered only in part would measure a figure it does not have.
    if (!run.source || run.source.complete) measureBoundIndicators(ws, run, row);
    return toRecord(row);
  },

  'matching.runs': (ctx) => runs(ctx.requireWorkspace()).list.all().map(toSummary),

  'matching.get': (ctx, input) => getRun(ctx.requireWorkspace(), input.id),

  'matching.compare': (ctx, input): MatchingComparison => {
    const ws = ctx.requireWorkspace();
    const a = getRun(ws, input.a);
    const b = getRun(ws, input.b);
    const cmp = compareRuns(a.run as MatchingRun, b.run as MatchingRun);
    // Current names first; names saved with the runs for what was renamed away or deleted since.
    // Runs of version 1 saved names under "service:<id>" too.
    const name = (id: string): LocalizedText | undefined => ws.getEntity(id)?.name ?? b.names[id] ?? a.names[id] ?? b.names[`service:${id}`] ?? a.names[`service:${id}`];
    const lang = input.language;
    const label = codeLabeler(recommenderCodes());
    const municipality = (code: string, l: Language) => label(code, l);
    const withText = <T extends Parameters<typeof describeChange>[0]>(c: T) => ({ ...c, text: describeChange(c, lang, name, municipality) });
    const ids = [...new Set([...a.run.personas.map((p) => p.persona), ...b.run.personas.map((p) => p.persona)])];
    const { run: _a, names: _an, ...aSummary } = a;
    const { run: _b, names: _bn, ...bSummary } = b;
    return {
      a: aSummary,
      b: bSummary,
      paramsChanged: cmp.paramsChanged,
      coverage: cmp.coverage,
      improved: cmp.improved.map(withText),
      worsened: cmp.worsened.map(withText),
      unchanged: cmp.unchanged.map(withText),
      personas: ids.map((id) => ({
        persona: id,
        name: pickText(name(id), lang) || id,
        before: a.run.personas.find((p) => p.persona === id)?.coverage ?? null,
        after: b.run.personas.find((p) => p.persona === id)?.coverage ?? null,
      })),
    };
  },

  'matching.deleteRun': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    if (runs(ws).del.run(input.id).changes === 0) throw codedError('not_found', said('matching.noRun', { id: input.id }));
    return null;
  },
};
