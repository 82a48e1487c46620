/**
 * The recommender source of a workspace and the remote AuroraAI-compatible recommender behind
 * the API: settings (migration 0070; the key stays outside the file), the privacy
 * acknowledgement, the request log, remote answers for the try-out, matching runs on a remote
 * source, and saved comparisons of the built-in and the remote recommender.
 *
 * Privacy: a request body is built by shared/remote from a persona's meters, municipality and age
 * range alone (plus the source's filter settings), or from the text the user typed in the
 * try-out; names, descriptions and needs never leave the machine.
 */
import { randomUUID } from 'node:crypto';
import type { RecommendResult } from '../../../shared/api/matching';
import {
  RecommenderSourceSchema,
  type ComparisonRecord,
  type ComparisonSummary,
  type RecommenderComparison,
  type RecommenderSource,
  type RemoteEndpoint,
  type RemoteService,
  type RequestLogEntry,
  type RunSource,
  type SourceStatus,
} from '../../../shared/api/remote';
import { AppError } from '../../../shared/api/result';
import { runMatching, type MatchingParams, type MatchingRun } from '../../../shared/matching';
import { pickText, type Language, type LocalizedText, type Persona, type Service } from '../../../shared/model';
import { recommendServiceBody, textSearchBody, kendallTauB, onlyIn, overlapAtK, type AreaOf, type RemoteRequestOptions } from '../../../shared/remote';
import type { RecommenderIndex } from '../../../shared/recommender';
import type { AppContext } from '../context';
import type { Handlers } from '../registry';
import { RemoteClient, RemoteFault, normaliseBaseUrl, operationUrl, type AttemptRecord, type RemoteFaultKind, type RemoteOperation, type SpecService } from '../remote/client';
import { secretsOf } from '../remote/secrets';
import type { Workspace } from '../store/workspace';
import { matchingHandlers, recommenderCodes, recommenderFor } from './matching';
import { codedError, said } from '../messages';
import type { MessageCode } from '../../../shared/api/messages';

/** Log rows kept per workspace; older ones are dropped as new ones arrive. */
const LOG_KEEP = 5000;
/** A failed call to the remote recommender, said in the user's language (its detail stays as the server gave it). */
const FAULT_CODE: Record<RemoteFaultKind, MessageCode> = {
  timeout: 'remote.faultTimeout',
  refused: 'remote.faultRefused',
  network: 'remote.faultNetwork',
  server: 'remote.faultServer',
  rate_limited: 'remote.faultRateLimited',
  rejected: 'remote.faultRejected',
  malformed: 'remote.faultMalformed',
  spec: 'remote.faultSpec',
};

// ------------------------------------------------------------------------------------------------
// The source
// ------------------------------------------------------------------------------------------------

interface Override {
  source: RecommenderSource;
  /** The command line names its endpoint itself: that is the user's consent, and it is said on stderr. */
  acknowledged: boolean;
}
const overrides = new WeakMap<AppContext, Override>();
/** Client options tests and the bench may tighten (backoff) without changing the product's defaults. */
const clientTuning = new WeakMap<AppContext, { retries?: number; backoffMs?: number; maxBackoffMs?: number }>();

/** Uses `source` for this context instead of the workspace's (the CLI's --remote), without storing it. */
export function overrideSource(ctx: AppContext, source: RecommenderSource, acknowledged = true): void {
  overrides.set(ctx, { source: normaliseSource(source), acknowledged });
}

export function tuneRemoteClient(ctx: AppContext, t: { retries?: number; backoffMs?: number; maxBackoffMs?: number }): void {
  clientTuning.set(ctx, t);
}

function normaliseSource(s: RecommenderSource): RecommenderSource {
  return s.kind === 'remote' ? { ...s, baseUrl: normaliseBaseUrl(s.baseUrl) } : s;
}

function storedSource(ws: Workspace): RecommenderSource {
  const row = ws.db.prepare<[], { source: string }>('SELECT source FROM recommender_source WHERE id = 1').get();
  if (!row) return { kind: 'builtin' };
  const parsed = RecommenderSourceSchema.safeParse(JSON.parse(row.source));
  // A source saved by a later version with fields this one does not know falls back to the built-in recommender.
  return parsed.success ? parsed.data : { kind: 'builtin' };
}

/** The recommender source in force: the command line's, else the workspace's. */
export function activeSource(ctx: AppContext): RecommenderSource {
  return overrides.get(ctx)?.source ?? storedSource(ctx.requireWorkspace());
}

function isAcknowledged(ctx: AppContext, ws: Workspace, baseUrl: string): boolean {
  const o = overrides.get(ctx);
  if (o && o.source.kind === 'remote' && o.source.baseUrl === baseUrl) return o.acknowledged;
  return !!ws.db.prepare('SELECT 1 FROM remote_acknowledged WHERE endpoint = ?').get(baseUrl);
}

function status(ctx: AppContext): SourceStatus {
  const ws = ctx.requireWorkspace();
  const source = activeSource(ctx);
  if (source.kind !== 'remote') return { source, endpoint: null, key: 'none', acknowledged: false };
  const secrets = secretsOf(ctx);
  return {
    source,
    endpoint: operationUrl(source.baseUrl, 'recommend_service'),
    key: secrets.get(source.baseUrl) ? secrets.storage : 'none',
    acknowledged: isAcknowledged(ctx, ws, source.baseUrl),
  };
}

function requireRemote(ctx: AppContext): RemoteEndpoint {
  const ws = ctx.requireWorkspace();
  const source = activeSource(ctx);
  if (source.kind !== 'remote') throw codedError('conflict', said('remote.builtIn'));
  if (!isAcknowledged(ctx, ws, source.baseUrl)) {
    throw codedError('conflict', said('remote.privacyNotice', { url: source.baseUrl }), { details: { reason: 'privacy_notice' } });
  }
  return source;
}

// ------------------------------------------------------------------------------------------------
// The log and the client
// ------------------------------------------------------------------------------------------------

function logAttempt(ws: Workspace, a: AttemptRecord): void {
  if (ws.readOnly) return;
  try {
    ws.db
      .prepare('INSERT INTO remote_requests (at, endpoint, operation, body, attempt, status, outcome, message, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.at, a.endpoint, a.operation, JSON.stringify(a.body), a.attempt, a.status, a.outcome, a.message, a.ms);
    ws.db.prepare('DELETE FROM remote_requests WHERE id <= (SELECT MAX(id) FROM remote_requests) - ?').run(LOG_KEEP);
  } catch {
    // The workspace was closed while a request was out; the request itself is unaffected.
  }
}

function clientFor(ctx: AppContext, src: RemoteEndpoint, language?: Language): RemoteClient {
  const ws = ctx.requireWorkspace();
  return new RemoteClient({
    baseUrl: src.baseUrl,
    keyHeader: src.keyHeader,
    key: src.keyHeader ? secretsOf(ctx).get(src.baseUrl) : undefined,
    timeoutMs: src.timeoutMs,
    parallel: src.parallel,
    language,
    now: ctx.now,
    onAttempt: (a) => logAttempt(ws, a),
    ...clientTuning.get(ctx),
  });
}

function areaOf(): AreaOf {
  const table = recommenderCodes().areaTable;
  const byMunicipality = new Map<string, { region?: string; county?: string }>();
  for (const [key, list] of Object.entries(table)) {
    const [kind, code] = key.split(':');
    for (const m of list) {
      const e = byMunicipality.get(m) ?? {};
      if (kind === 'region') e.region = code;
      if (kind === 'county') e.county = code;
      byMunicipality.set(m, e);
    }
  }
  return (m) => byMunicipality.get(m) ?? {};
}

function requestOptions(src: RemoteEndpoint): RemoteRequestOptions {
  return { limit: src.limit, area: src.area, includeNational: src.includeNational, targetGroupsFromAge: src.targetGroupsFromAge, funding: src.funding };
}

/** PTV id (lower case) → the workspace's service with it (the first by id when several share one). */
function ptvMap(ws: Workspace): Map<string, string> {
  const out = new Map<string, string>();
  const services = (ws.listEntities('service') as Service[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const s of services) if (s.ptvId && !out.has(s.ptvId.toLowerCase())) out.set(s.ptvId.toLowerCase(), s.id);
  return out;
}

function mapAnswer(list: SpecService[], ptv: Map<string, string>): RemoteService[] {
  return list.map((s, i) => ({
    rank: i + 1,
    ptvId: s.service_id,
    name: s.service_name,
    score: typeof s.similarity_score === 'number' ? s.similarity_score : null,
    serviceId: ptv.get(s.service_id.toLowerCase()) ?? null,
  }));
}

type Answers = Map<string, { services: RemoteService[] } | { error: string }>;

/** Asks the remote recommender for every persona at once (the client keeps to the parallel limit). */
async function askPersonas(ctx: AppContext, src: RemoteEndpoint, personas: readonly Persona[]): Promise<Answers> {
  const ws = ctx.requireWorkspace();
  const client = clientFor(ctx, src);
  const ptv = ptvMap(ws);
  const opts = requestOptions(src);
  const area = areaOf();
  const out: Answers = new Map();
  await Promise.all(
    personas.map(async (p) => {
      const body = recommendServiceBody({ meters: p.meters, municipality: p.municipality, ageMin: p.ageMin, ageMax: p.ageMax }, opts, area);
      try {
        out.set(p.id, { services: mapAnswer(await client.call('recommend_service', body), ptv) });
      } catch (err) {
        if (err instanceof RemoteFault) out.set(p.id, { error: err.message });
        else throw err;
      }
    }),
  );
  if (ctx.workspace !== ws) throw codedError('conflict', said('remote.closed'));
  return out;
}

function unmappedOf(answers: Answers): RunSource['unmapped'] {
  const m = new Map<string, { ptvId: string; name: string; personas: string[] }>();
  for (const [persona, a] of [...answers.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (!('services' in a)) continue;
    for (const s of a.services) {
      if (s.serviceId) continue;
      const e = m.get(s.ptvId) ?? { ptvId: s.ptvId, name: s.name, personas: [] };
      if (!e.personas.includes(persona)) e.personas.push(persona);
      m.set(s.ptvId, e);
    }
  }
  return [...m.values()].sort((a, b) => b.personas.length - a.personas.length || (a.ptvId < b.ptvId ? -1 : 1));
}

function missingOf(answers: Answers): RunSource['missing'] {
  return [...answers.entries()]
    .filter((e): e is [string, { error: string }] => 'error' in e[1])
    .map(([persona, a]) => ({ persona, message: a.error }))
    .sort((a, b) => (a.persona < b.persona ? -1 : 1));
}

function candidatesOf(answers: Answers): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [persona, a] of answers) if ('services' in a) out.set(persona, new Set(a.services.flatMap((s) => (s.serviceId ? [s.serviceId] : []))));
  return out;
}

// ------------------------------------------------------------------------------------------------
// Matching on the chosen source
// ------------------------------------------------------------------------------------------------

/**
 * A matching run on the workspace's source. Built-in: the analysis as it always was. Remote: a
 * service counts for a persona only when the remote recommender put it in the persona's list
 * (mapped to the workspace by PTV id); personas it did not answer are left out of the figures
 * and named in `run.source.missing`, so the run is never taken for a complete one.
 */
export async function runMatchingOnSource(ctx: AppContext, params: Partial<MatchingParams>, index: RecommenderIndex): Promise<MatchingRun> {
  const ws = ctx.requireWorkspace();
  const source = activeSource(ctx);
  const content = () => ({ entities: ws.listEntities(), links: ws.listLinks() });
  if (source.kind !== 'remote') return runMatching(content(), params, { index });
  const src = requireRemote(ctx);
  const scope = runMatching(content(), params, { index });
  const inScope = new Set(scope.scope.personas);
  const personas = (ws.listEntities('persona') as Persona[]).filter((p) => inScope.has(p.id));
  const answers = await askPersonas(ctx, src, personas);
  const run = runMatching(content(), params, { index, candidates: candidatesOf(answers) });
  const missing = missingOf(answers);
  run.source = { kind: 'remote', endpoint: operationUrl(src.baseUrl, 'recommend_service'), complete: missing.length === 0, missing, unmapped: unmappedOf(answers), limit: src.limit };
  return run;
}

// ------------------------------------------------------------------------------------------------
// Comparison
// ------------------------------------------------------------------------------------------------

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);

async function builtinList(ctx: AppContext, personaId: string, top: number): Promise<string[]> {
  const r = (await matchingHandlers['recommend.query']!(ctx, { personaId, top, language: 'fi' } as never)) as RecommendResult;
  return r.results.map((x) => x.serviceId);
}

function side(run: MatchingRun) {
  return {
    coverage: run.totals.coverage,
    covered: run.totals.covered,
    personaNeeds: run.totals.personaNeeds,
    gaps: run.gaps.map((g) => g.need),
    counters: run.counters.reduce((n, c) => n + c.count, 0),
  };
}

async function compare(ctx: AppContext, k: number): Promise<{ comparison: RecommenderComparison; names: Record<string, LocalizedText> }> {
  const ws = ctx.requireWorkspace();
  const src = requireRemote(ctx);
  const { index } = await recommenderFor(ctx);
  const personas = (ws.listEntities('persona') as Persona[]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const top = Math.max(src.limit, k);
  const builtin = new Map<string, string[]>();
  for (const p of personas) builtin.set(p.id, await builtinList(ctx, p.id, top));
  const answers = await askPersonas(ctx, src, personas);
  const remoteItems = new Map<string, string[]>();
  for (const [id, a] of answers) if ('services' in a) remoteItems.set(id, a.services.map((s) => s.serviceId ?? `ptv:${s.ptvId}`));
  const answered = personas.filter((p) => remoteItems.has(p.id));
  const content = { entities: ws.listEntities(), links: ws.listLinks() };
  const builtinCandidates = new Map(answered.map((p) => [p.id, new Set(builtin.get(p.id)!)]));
  const runB = runMatching(content, {}, { index, candidates: builtinCandidates });
  const runR = runMatching(content, {}, { index, candidates: candidatesOf(answers) });
  const per = answered.map((p) => {
    const a = builtin.get(p.id)!;
    const b = remoteItems.get(p.id)!;
    const tau = kendallTauB(a, b, k);
    const cov = (run: MatchingRun) => run.personas.find((x) => x.persona === p.id)?.coverage ?? 0;
    const counters = (run: MatchingRun) => run.counters.find((x) => x.persona === p.id)?.count ?? 0;
    const gaps = (run: MatchingRun) => run.coverage.filter((r) => r.persona === p.id && !r.covered).map((r) => r.need);
    return {
      persona: p.id,
      builtin: a,
      remote: b,
      overlap: round(overlapAtK(a, b, k)),
      tau: tau === null ? null : round(tau),
      onlyBuiltin: onlyIn(a, b, k),
      onlyRemote: onlyIn(b, a, k),
      coverage: { builtin: cov(runB), remote: cov(runR) },
      counters: { builtin: counters(runB), remote: counters(runR) },
      gaps: { builtin: gaps(runB), remote: gaps(runR) },
    };
  });
  const taus = per.flatMap((x) => (x.tau === null ? [] : [x.tau]));
  const missing = missingOf(answers);
  const comparison: RecommenderComparison = {
    format: 'kohtaanto-recommender-comparison',
    version: 1,
    endpoint: operationUrl(src.baseUrl, 'recommend_service'),
    k,
    limit: top,
    complete: missing.length === 0,
    missing,
    personas: per,
    totals: {
      personas: per.length,
      builtin: side(runB),
      remote: side(runR),
      overlap: mean(per.map((x) => x.overlap)),
      tau: taus.length ? mean(taus) : null,
    },
    unmapped: unmappedOf(answers),
  };
  const names: Record<string, LocalizedText> = {};
  const ids = new Set<string>([...personas.map((p) => p.id), ...runB.scope.needs, ...per.flatMap((x) => [...x.builtin, ...x.remote])]);
  for (const id of ids) {
    const e = ws.getEntity(id);
    if (e) names[id] = e.name;
  }
  for (const u of comparison.unmapped) names[`ptv:${u.ptvId}`] = { fi: u.name };
  return { comparison, names };
}

interface ComparisonRow {
  id: string;
  created_at: string;
  label: string | null;
  summary: string;
  comparison: string;
  names: string;
}

function summaryOf(c: RecommenderComparison): Omit<ComparisonSummary, 'id' | 'createdAt' | 'label'> {
  return {
    endpoint: c.endpoint,
    k: c.k,
    complete: c.complete,
    personas: c.totals.personas,
    missing: c.missing.length,
    overlap: c.totals.overlap,
    tau: c.totals.tau,
    coverage: { builtin: c.totals.builtin.coverage, remote: c.totals.remote.coverage },
  };
}

const toSummary = (r: Omit<ComparisonRow, 'comparison' | 'names'>): ComparisonSummary => ({ id: r.id, createdAt: r.created_at, label: r.label, ...JSON.parse(r.summary) });
const toRecord = (r: ComparisonRow): ComparisonRecord => ({ ...toSummary(r), comparison: JSON.parse(r.comparison), names: JSON.parse(r.names) });

// ------------------------------------------------------------------------------------------------
// Handlers
// ------------------------------------------------------------------------------------------------

export const remoteHandlers: Handlers = {
  'remote.source': (ctx) => status(ctx),

  'remote.setSource': (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const source = normaliseSource(input.source);
    ws.db.prepare('INSERT INTO recommender_source (id, source) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET source = excluded.source').run(JSON.stringify(source));
    overrides.delete(ctx);
    return status(ctx);
  },

  'remote.setKey': (ctx, input) => {
    const source = activeSource(ctx);
    if (source.kind !== 'remote') throw codedError('conflict', said('remote.endpointBeforeKey'));
    if (!source.keyHeader && input.key !== null) throw codedError('invalid_input', said('remote.headerBeforeKey'));
    if (input.key === null) secretsOf(ctx).delete(source.baseUrl);
    else secretsOf(ctx).set(source.baseUrl, input.key);
    return status(ctx);
  },

  'remote.acknowledge': (ctx) => {
    const ws = ctx.requireWorkspace();
    const source = activeSource(ctx);
    if (source.kind !== 'remote') throw codedError('conflict', said('remote.nothingLeaves'));
    ws.db.prepare('INSERT OR REPLACE INTO remote_acknowledged (endpoint, acknowledged_at) VALUES (?, ?)').run(source.baseUrl, ctx.now().toISOString());
    return status(ctx);
  },

  'remote.log': (ctx, input): RequestLogEntry[] => {
    const ws = ctx.requireWorkspace();
    return ws.db
      .prepare<[number], { id: number; at: string; endpoint: string; operation: RemoteOperation; body: string; attempt: number; status: number | null; outcome: 'ok' | 'error'; message: string | null; ms: number }>(
        'SELECT * FROM remote_requests ORDER BY id DESC LIMIT ?',
      )
      .all(input.limit)
      .map((r) => ({ ...r, body: JSON.parse(r.body) }));
  },

  'remote.clearLog': (ctx) => {
    ctx.requireWorkspace().db.prepare('DELETE FROM remote_requests').run();
    return null;
  },

  'remote.recommend': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const src = requireRemote(ctx);
    let persona: Persona | undefined;
    if (input.personaId) {
      const e = ws.getEntity(input.personaId);
      if (!e || e.kind !== 'persona') throw codedError('not_found', said('matching.noPersona', { id: input.personaId }));
      persona = e;
    }
    const inline = input.persona ?? {};
    const fields = {
      meters: { ...(persona?.meters ?? {}), ...(inline.meters ?? {}) },
      municipality: inline.municipality === null ? undefined : (inline.municipality ?? persona?.municipality),
      ageMin: inline.ageMin ?? persona?.ageMin ?? 0,
      ageMax: inline.ageMax ?? persona?.ageMax ?? 120,
    };
    if (fields.ageMin > fields.ageMax) throw codedError('invalid_input', said('matching.ageOrder'));
    const text = input.text?.trim();
    const op: RemoteOperation = text ? 'text_search' : 'recommend_service';
    const body = text ? textSearchBody(text, fields, requestOptions(src), areaOf()) : recommendServiceBody(fields, requestOptions(src), areaOf());
    const client = clientFor(ctx, src, input.language);
    let list: SpecService[];
    try {
      list = await client.call(op, body);
    } catch (err) {
      if (err instanceof RemoteFault) {
        const msg = said(FAULT_CODE[err.kind], { url: err.endpoint, detail: err.detail, attempts: err.attempts });
        throw new AppError('remote_failed', err.message, { endpoint: err.endpoint, kind: err.kind, attempts: err.attempts, status: err.status }, msg);
      }
      throw err;
    }
    const services = mapAnswer(list, ptvMap(ws));
    const mapped = services.filter((s) => s.serviceId).length;
    return { endpoint: operationUrl(src.baseUrl, op), operation: op, sent: body, services, mapped, unmapped: services.length - mapped };
  },

  'remote.compare': async (ctx, input) => {
    const ws = ctx.requireWorkspace();
    const { comparison, names } = await compare(ctx, input.k);
    const row: ComparisonRow = {
      id: `cmp-${randomUUID().slice(0, 13)}`,
      created_at: ctx.now().toISOString(),
      label: input.label || null,
      summary: JSON.stringify(summaryOf(comparison)),
      comparison: JSON.stringify(comparison),
      names: JSON.stringify(names),
    };
    ws.db.prepare('INSERT INTO recommender_comparisons (id, created_at, label, summary, comparison, names) VALUES (@id, @created_at, @label, @summary, @comparison, @names)').run(row);
    return toRecord(row);
  },

  'remote.comparisons': (ctx) =>
    ctx
      .requireWorkspace()
      .db.prepare<[], Omit<ComparisonRow, 'comparison' | 'names'>>('SELECT id, created_at, label, summary FROM recommender_comparisons ORDER BY created_at DESC, rowid DESC')
      .all()
      .map(toSummary),

  'remote.getComparison': (ctx, input) => {
    const row = ctx.requireWorkspace().db.prepare<[string], ComparisonRow>('SELECT * FROM recommender_comparisons WHERE id = ?').get(input.id);
    if (!row) throw codedError('not_found', said('remote.noComparison', { id: input.id }));
    return toRecord(row);
  },

  'remote.deleteComparison': (ctx, input) => {
    if (ctx.requireWorkspace().db.prepare('DELETE FROM recommender_comparisons WHERE id = ?').run(input.id).changes === 0) {
      throw codedError('not_found', said('remote.noComparison', { id: input.id }));
    }
    return null;
  },
};

/** The names a persona's list refers to, for the CLI and tests. */
export function nameOf(names: Record<string, LocalizedText>, id: string, lang: Language = 'fi'): string {
  return pickText(names[id], lang) || id;
}
