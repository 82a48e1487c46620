import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METERS } from '../../shared/model';
import { createBackend } from '../backend';
import type { AppContext } from '../backend/context';
import { validatorsFor } from '../backend/remote/spec';
import { fixedNow, tempDir } from '../backend/test/tmp';
import { startHttpServer } from './http';

/** The AuroraAI network's published OpenAPI spec (real data beside the checkout). */
const SPEC = path.resolve(__dirname, '../../../shared/data/auroraai/recommender-openapi.json');
const HAVE_SPEC = fs.existsSync(SPEC);

let dir: string;
let ctx: AppContext;
let srv: Awaited<ReturnType<typeof startHttpServer>>;

beforeAll(async () => {
  dir = tempDir();
  const backend = createBackend({ dataDir: dir, mode: 'browser', now: fixedNow });
  ctx = backend.ctx;
  const r = await backend.registry.call('workspace.create', { path: path.join(dir, 'workspaces', 'x.kohtaanto'), example: true });
  expect(r.ok).toBe(true);
  srv = await startHttpServer({ registry: backend.registry, ctx });
});
afterAll(async () => {
  await srv.close();
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post(endpoint: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${srv.url}service-recommender/v1/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kohtaanto-Key': srv.key, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const meters = (over: Partial<Record<(typeof METERS)[number], number[]>> = {}) => ({
  ...Object.fromEntries(METERS.map((m) => [m, [8]])),
  ...over,
});

function expectValid(v: ValidateFunction, data: unknown) {
  const ok = v(data);
  expect(ok, JSON.stringify(v.errors?.slice(0, 5), null, 1)).toBe(true);
}

describe.skipIf(!HAVE_SPEC)('AuroraAI-compatible endpoints against the published spec (reads ../shared/data)', () => {
  const v = HAVE_SPEC ? validatorsFor(SPEC) : ({} as Record<string, ValidateFunction>);

  it('recommend_service: the spec\'s request example (without the filters Kohtaanto refuses) gets a spec-valid answer', async () => {
    const spec = JSON.parse(fs.readFileSync(SPEC, 'utf8'));
    const example = structuredClone(spec.paths['/service-recommender/v1/recommend_service'].post.requestBody.content['application/json'].example);
    delete example.service_filters.hospital_district_codes;
    delete example.service_filters.service_collections;
    // The example's filters select nothing in a youth workspace of four cities: widen them to places it covers.
    example.service_filters.municipality_codes = ['564', '853'];
    example.service_filters.region_codes = ['10'];
    example.service_filters.wellbeing_service_county_codes = ['09'];
    example.service_filters.service_classes = [];
    example.service_filters.target_groups = [];
    example.service_filters.include_national_services = true;
    expectValid(v.RecommendServiceInput, example);
    const r = await post('recommend_service', example);
    expect(r.status).toBe(200);
    expectValid(v.RecommendServiceOutput, r.body);
    expect(r.body.recommended_services).toHaveLength(5);
  });

  it('recommend_service: the lowest meters lead, scores fall with rank, and services carry channels and providers', async () => {
    const req = { life_situation_meters: meters({ housing: [1], finance: [2, 3] }), limit: 10 };
    expectValid(v.RecommendServiceInput, req);
    const r = await post('recommend_service', req);
    expect(r.status).toBe(200);
    expectValid(v.RecommendServiceOutput, r.body);
    const list = r.body.recommended_services as any[];
    expect(list).toHaveLength(10);
    expect(list.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let i = 1; i < list.length; i++) expect(list[i].similarity_score).toBeLessThanOrEqual(list[i - 1].similarity_score);
    for (const s of list) expect(s.service_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(list[0].kohtaanto_explanation.join(' ')).toMatch(/asuminen|raha-asiat/);
    expect(list.some((s) => s.service_channels.length > 0)).toBe(true);
    expect(list.some((s) => s.responsible_organization?.name)).toBe(true);
    expect(typeof r.body.auroraai_recommendation_id).toBe('number');
  });

  it('recommend_service: area filters and national services as the spec defines them', async () => {
    const turkuOnly = await post('recommend_service', {
      life_situation_meters: meters({ working_studying: [1] }),
      service_filters: { municipality_codes: ['853'], include_national_services: false },
      limit: 50,
    });
    expect(turkuOnly.status).toBe(200);
    expectValid(v.RecommendServiceOutput, turkuOnly.body);
    expect(turkuOnly.body.recommended_services.length).toBeGreaterThan(0);
    for (const s of turkuOnly.body.recommended_services) {
      expect(s.area_type).toBe('LimitedType');
      expect(s.areas.map((a: { code: string }) => a.code)).toContain('853');
    }
    const national = await post('recommend_service', { life_situation_meters: meters({ working_studying: [1] }), service_filters: { only_national_services: true }, limit: 50 });
    expectValid(v.RecommendServiceOutput, national.body);
    for (const s of national.body.recommended_services) expect(s.area_type).not.toBe('LimitedType');
    // A region is expanded to its municipalities: Pohjois-Pohjanmaa (17) holds Oulu (564).
    const region = await post('recommend_service', {
      life_situation_meters: meters({ working_studying: [1] }),
      service_filters: { region_codes: ['17'], include_national_services: false },
      limit: 50,
    });
    expect(region.body.recommended_services.length).toBeGreaterThan(0);
    for (const s of region.body.recommended_services) expect(s.areas.map((a: { code: string }) => a.code)).toContain('564');
  });

  it('text_search: finds by words, answers in the language asked for, and matches the spec', async () => {
    const req = { search_text: 'verokortti', limit: 3 };
    expectValid(v.TextSearchInput, req);
    const fi = await post('text_search', req);
    expect(fi.status).toBe(200);
    expectValid(v.TextSearchOutput, fi.body);
    const names = (r: { body: Record<string, any> }) => (r.body.recommended_services as { service_name: string }[]).map((s) => s.service_name);
    // The example marks the "Verokortti" service itself as excluded (the sheet's EI MUKAAN), so the tax office's e-services lead.
    expect(names(fi)[0]).toBe('Verohallinnon verkkoasiointipalvelut');
    expect(names(fi)).not.toContain('Verokortti');
    expect(fi.body.recommended_services[0].kohtaanto_explanation.join(' ')).toMatch(/verokortti/);
    const sv = await post('text_search', req, { 'Accept-Language': 'sv-FI,sv;q=0.9' });
    expectValid(v.TextSearchOutput, sv.body);
    const ids = (r: { body: Record<string, any> }) => (r.body.recommended_services as { service_id: string }[]).map((s) => s.service_id);
    expect(ids(sv)).toEqual(ids(fi));
    expect(names(sv)[0]).toBe('Skatteförvaltningens e-tjänster');
  });
});

describe('AuroraAI-compatible endpoints refuse what they cannot answer', () => {
  it('answers invalid requests with 400 and a message', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['recommend_service', '{not json', /not valid JSON/],
      ['recommend_service', {}, /life_situation_meters/],
      ['recommend_service', { life_situation_meters: { health: [11] } }, /life_situation_meters\.health/],
      ['recommend_service', { life_situation_meters: { mood: [3] } }, /unknown field\(s\) mood/],
      ['recommend_service', { life_situation_meters: meters(), limit: 51 }, /limit/],
      ['recommend_service', { life_situation_meters: meters(), service_filters: { hospital_district_codes: ['04'] } }, /hospital_district_codes are not supported/],
      ['recommend_service', { life_situation_meters: meters(), service_filters: { only_national_services: true, municipality_codes: ['853'] } }, /cannot be combined/],
      ['recommend_service', { life_situation_meters: meters(), service_filters: { municipality_codes: ['999'] } }, /Unknown municipality code "999"/],
      ['recommend_service', { life_situation_meters: meters(), service_filters: { service_classes: ['http://example.com/x'] } }, /not a PTV service class/],
      ['text_search', { search_text: '   ' }, /search_text is empty/],
      ['text_search', { search_text: 'x', service_filters: { funding_type: ['Free'] } }, /funding_type/],
    ];
    for (const [endpoint, body, message] of cases) {
      const r = await post(endpoint, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.message).toMatch(message);
    }
    const notJson = await fetch(`${srv.url}service-recommender/v1/text_search`, { method: 'POST', headers: { 'Content-Type': 'text/plain', 'X-Kohtaanto-Key': srv.key }, body: 'x' });
    expect(notJson.status).toBe(400);
  });

  it('answers other methods and paths with 405 and 404, and a closed workspace with 409', async () => {
    expect((await fetch(`${srv.url}service-recommender/v1/text_search`, { headers: { 'X-Kohtaanto-Key': srv.key } })).status).toBe(405);
    expect((await post('recommendation_feedback', {})).status).toBe(404);
    const open = ctx.workspace;
    ctx.workspace = null;
    try {
      const r = await post('text_search', { search_text: 'nuoret' });
      expect(r.status).toBe(409);
      expect(r.body.message).toMatch(/No workspace/);
    } finally {
      ctx.workspace = open;
    }
  });

  it('answers only callers that carry the launch key, as X-Kohtaanto-Key or a bearer token', async () => {
    const search = { search_text: 'nuoret' };
    const missing = await post('text_search', search, { 'X-Kohtaanto-Key': '' });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: 'Unauthorized' });
    const bare = await fetch(`${srv.url}service-recommender/v1/text_search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(search) });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await bare.json()).message).toMatch(/X-Kohtaanto-Key/);
    expect((await post('text_search', search, { 'X-Kohtaanto-Key': `${srv.key}x` })).status).toBe(401);
    const bearer = await fetch(`${srv.url}service-recommender/v1/text_search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${srv.key}` },
      body: JSON.stringify(search),
    });
    expect(bearer.status).toBe(200);
    expect((await bearer.json()).recommended_services.length).toBeGreaterThan(0);
  });
});
