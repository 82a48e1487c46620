/**
 * An AuroraAI-compatible service recommender on the local server: the request and response
 * shapes of the AuroraAI network's published OpenAPI spec (`POST /service-recommender/v1/
 * recommend_service` and `/text_search`), answered by Kohtaanto's recommender from the open
 * workspace's catalogue. A client written for AuroraAI can so be pointed at a workshop's own
 * catalogue and its recommendations compared with the workshop's expectations.
 *
 * Where the spec and Kohtaanto differ:
 * - Callers must carry the server's per-launch key, as `X-Kohtaanto-Key: KEY` or
 *   `Authorization: Bearer KEY` (401 otherwise). The routes read the open workspace, whose
 *   unfinished plans are not for every local process or web page to query.
 * - `rerank` is accepted and ignored: there is no feedback to rerank with.
 * - `hospital_district_codes` and `service_collections` are refused with 400: the bundled code
 *   lists map no hospital districts to municipalities, and workspaces have no service collections.
 * - The spec types a channel's `phone_numbers`, `emails`, `web_pages`, `service_hours` and
 *   `location` as strings (its examples show arrays); the schema wins, lists are joined with ", ".
 * - Each service carries `kohtaanto_explanation`, the reasons as sentences (the spec allows
 *   extra properties), because every recommendation must be explainable.
 */
import type http from 'node:http';
import { z } from 'zod';
import type { RecommendFiltersInput, RecommendResult } from '../../shared/api/matching';
import { METERS, pickText, type Channel, type Language, type Meter, type Organisation, type Service } from '../../shared/model';
import type { AppContext } from '../backend/context';
import { recommenderCodes } from '../backend/domains/matching';
import type { Registry } from '../backend/registry';

export const AURORAAI_PREFIX = '/service-recommender/v1/';
const MAX_BODY = 64 * 1024;
const SERVICE_CLASS_URI = 'http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/';

export interface AuroraAiDeps {
  registry: Registry;
  ctx: AppContext;
  /** The request body, or null when it is larger than `max` bytes. */
  readBody(max: number): Promise<Buffer | null>;
  send(status: number, body: unknown): void;
}

class BadRequest extends Error {}

const meterValue = z.number().min(0).max(10);
const answers = z.union([meterValue, z.array(meterValue).min(1).max(100)]);
/** The spec's meters are lists of answers (its example: `"family": [8]`); a plain number is taken too. */
const MetersSchema = z
  .object(Object.fromEntries(METERS.map((m) => [m, answers])) as Record<Meter, typeof answers>)
  .partial()
  .strict();

const ServiceFiltersSchema = z
  .object({
    only_national_services: z.boolean().optional(),
    include_national_services: z.boolean().optional(),
    municipality_codes: z.array(z.string().regex(/^\d{3}$/, 'a municipality code has three digits')).max(400).optional(),
    region_codes: z.array(z.string().length(2)).max(30).optional(),
    hospital_district_codes: z.array(z.string().length(2)).max(30).optional(),
    service_classes: z.array(z.string().min(1).max(300)).max(300).optional(),
    target_groups: z.array(z.string().min(1).max(100)).max(100).optional(),
    service_collections: z.array(z.string().max(100)).max(100).optional(),
    funding_type: z.array(z.enum(['PubliclyFunded', 'MarketFunded'])).max(2).optional(),
    wellbeing_service_county_codes: z.array(z.string().min(1).max(3)).max(30).optional(),
  })
  .strict();

const limit = z.number().int().min(1).max(50).optional();
const common = { service_filters: ServiceFiltersSchema.optional(), limit, rerank: z.boolean().optional() };

const RecommendServiceInput = z.object({ life_situation_meters: MetersSchema, session_id: z.string().max(500).optional(), ...common }).strict();
const TextSearchInput = z.object({ search_text: z.string().trim().min(1, 'search_text is empty').max(2000), ...common }).strict();

function check(codes: string[] | undefined, known: Set<string>, what: string): string[] {
  for (const c of codes ?? []) if (!known.has(c)) throw new BadRequest(`Unknown ${what} code "${c}".`);
  return codes ?? [];
}

/** The spec's service_filters as Kohtaanto's recommend filters. */
export function toFilters(f: z.infer<typeof ServiceFiltersSchema> | undefined): RecommendFiltersInput {
  if (!f) return {};
  if (f.hospital_district_codes?.length) throw new BadRequest('hospital_district_codes are not supported: the code lists map no hospital districts to municipalities. Use region_codes or wellbeing_service_county_codes.');
  if (f.service_collections?.length) throw new BadRequest('service_collections are not supported: a Kohtaanto workspace has no service collections.');
  const codes = recommenderCodes();
  const municipalities = check(f.municipality_codes, new Set(codes.municipalities.map((m) => m.code)), 'municipality');
  const regions = check(f.region_codes, new Set(codes.regions.map((m) => m.code)), 'region');
  const counties = check(f.wellbeing_service_county_codes, new Set(codes.counties.map((m) => m.code)), 'wellbeing services county');
  const areas = [...municipalities, ...regions.map((r) => `region:${r}`), ...counties.map((c) => `county:${c}`)];
  if (f.only_national_services && areas.length) throw new BadRequest('only_national_services cannot be combined with area filters (as in the AuroraAI spec).');
  const serviceClasses = (f.service_classes ?? []).map((uri) => {
    const code = uri.startsWith('http') ? /\/code\/([^/?#]+)\/?$/.exec(uri)?.[1] : uri;
    if (!code || !/^P\d+(\.\d+)*$/.test(code)) throw new BadRequest(`"${uri}" is not a PTV service class URI (${SERVICE_CLASS_URI}P1.2).`);
    return code;
  });
  return {
    ...(f.only_national_services ? { nationalOnly: true } : {}),
    ...(f.include_national_services !== undefined ? { includeNational: f.include_national_services } : {}),
    ...(areas.length ? { areas } : {}),
    ...(serviceClasses.length ? { serviceClasses } : {}),
    ...(f.target_groups?.length ? { targetGroups: f.target_groups } : {}),
    ...(f.funding_type?.length ? { fundingTypes: f.funding_type.map((t) => (t === 'PubliclyFunded' ? 'public' : 'market')) } : {}),
  };
}

/** The first language of Accept-Language that Kohtaanto speaks, else Finnish (AuroraAI's own language). */
function languageOf(req: http.IncomingMessage): Language {
  for (const part of String(req.headers['accept-language'] ?? '').split(',')) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (l === 'fi' || l === 'sv' || l === 'en') return l;
  }
  return 'fi';
}

const AREA_TYPE = { nationwide: 'Nationwide', nationwideExceptAland: 'NationwideExceptAlandIslands', limited: 'LimitedType' } as const;
const CHANNEL_TYPE = { webPage: 'WebPage', eChannel: 'EChannel', phone: 'Phone', serviceLocation: 'ServiceLocation', printableForm: 'PrintableForm' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first sentence (at most 300 characters): the spec's short description. */
function summaryOf(text: string): string {
  const first = /^(.+?[.!?])(\s|$)/s.exec(text)?.[1] ?? text;
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}

function channelOut(c: Channel, lang: Language) {
  const description = pickText(c.description, lang);
  const name = pickText(c.name, lang) || c.id;
  return {
    service_channel_id: c.ptvId ?? c.id,
    service_name: name,
    service_channel_name: name,
    service_channel_type: CHANNEL_TYPE[c.channelType],
    session_transfer: false,
    ...(description ? { service_channel_description: description, service_channel_description_summary: summaryOf(description) } : {}),
    ...(c.address ? { address: c.address } : {}),
    ...(c.phone ? { phone_numbers: c.phone } : {}),
    ...(c.url ? { web_pages: c.url } : {}),
  };
}

/** A recommended service in the spec's shape, with its channels and responsible organisation from the workspace. */
function serviceOut(ctx: AppContext, r: RecommendResult['results'][number], lang: Language) {
  const ws = ctx.requireWorkspace();
  const s = ws.getEntity(r.serviceId) as Service;
  const links = ws.linksOf(s.id);
  const channels = links
    .filter((l) => l.type === 'offeredThrough' && l.source === s.id)
    .map((l) => ws.getEntity(l.target))
    .filter((e): e is Channel => e?.kind === 'channel');
  const providers = links.filter((l) => l.type === 'provides' && l.target === s.id);
  const responsible = providers.find((l) => l.data.role === 'responsible') ?? providers[0];
  const org = responsible ? (ws.getEntity(responsible.source) as Organisation | undefined) : undefined;
  const description = pickText(s.description, lang);
  const names = recommenderCodes();
  const municipalityName = new Map(names.municipalities.map((m) => [m.code, m]));
  const areaMunicipalities = [...new Set(s.areas.flatMap((a) => names.areaTable[a] ?? [a]))];
  return {
    service_id: s.ptvId ?? s.id,
    service_name: r.name,
    ...(description ? { service_description: description, service_description_summary: summaryOf(description) } : {}),
    ...(org ? { responsible_organization: { name: pickText(org.name, lang) || org.id, ...(org.ptvId && UUID.test(org.ptvId) ? { id: org.ptvId } : {}) } } : {}),
    ...(s.fundingType !== 'other' ? { funding_type: s.fundingType === 'public' ? 'PubliclyFunded' : 'MarketFunded' } : {}),
    area_type: AREA_TYPE[s.areaType],
    ...(s.areaType === 'limited'
      ? {
          areas: areaMunicipalities.map((code) => {
            const m = municipalityName.get(code);
            return { type: 'Municipality', code, name: m ? (['fi', 'sv', 'en'] as const).filter((l) => m[l]).map((l) => ({ language: l, value: m[l]! })) : [] };
          }),
        }
      : {}),
    similarity_score: r.score,
    rank: r.rank,
    service_class_uris: s.serviceClasses.map((c) => SERVICE_CLASS_URI + c),
    service_channels: channels.map((c) => channelOut(c, lang)),
    kohtaanto_explanation: r.explanation,
  };
}

let recommendationId = 0;

/** Answers a request under /service-recommender/v1/; always sends a response. */
export async function handleAuroraAi(req: http.IncomingMessage, url: URL, deps: AuroraAiDeps): Promise<void> {
  const { send } = deps;
  const endpoint = url.pathname.slice(AURORAAI_PREFIX.length);
  if (endpoint !== 'recommend_service' && endpoint !== 'text_search') {
    return send(404, { error: 'Not Found', message: `Kohtaanto answers only recommend_service and text_search under ${AURORAAI_PREFIX}.` });
  }
  if (req.method !== 'POST') return send(405, { error: 'Method Not Allowed', message: 'Use POST with a JSON body.' });
  try {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new BadRequest('The body must be application/json.');
    const body = await deps.readBody(MAX_BODY);
    if (body === null) return send(413, { error: 'Payload Too Large', message: `The request body is larger than ${MAX_BODY} bytes.` });
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BadRequest('The body is not valid JSON.');
    }
    const lang = languageOf(req);
    let query: Record<string, unknown>;
    if (endpoint === 'recommend_service') {
      const parsed = RecommendServiceInput.safeParse(raw);
      if (!parsed.success) throw new BadRequest(describe(parsed.error));
      const meters = Object.fromEntries(
        Object.entries(parsed.data.life_situation_meters).map(([m, v]) => [m, Array.isArray(v) ? v.reduce((a, b) => a + b, 0) / v.length : v]),
      );
      query = { persona: { meters }, filters: toFilters(parsed.data.service_filters), top: parsed.data.limit ?? 5, language: lang };
    } else {
      const parsed = TextSearchInput.safeParse(raw);
      if (!parsed.success) throw new BadRequest(describe(parsed.error));
      query = { text: parsed.data.search_text, filters: toFilters(parsed.data.service_filters), top: parsed.data.limit ?? 5, language: lang };
    }
    const result = await deps.registry.call('recommend.query', query);
    if (!result.ok) {
      const status = result.error.code === 'invalid_input' ? 400 : result.error.code === 'no_workspace' ? 409 : result.error.code === 'not_found' ? 404 : 500;
      return send(status, { error: status === 400 ? 'Bad Request' : 'Error', message: result.error.message });
    }
    const value = result.value as RecommendResult;
    return send(200, {
      auroraai_recommendation_id: ++recommendationId,
      recommended_services: value.results.map((r) => serviceOut(deps.ctx, r, lang)),
    });
  } catch (err) {
    if (err instanceof BadRequest) return send(400, { error: 'Bad Request', message: err.message });
    throw err;
  }
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const where = i.path.join('.') || '(body)';
      if (i.code === 'unrecognized_keys') return `${where}: unknown field(s) ${i.keys.join(', ')}`;
      return `${where}: ${i.message}`;
    })
    .join('; ')
    .slice(0, 500);
}
