/**
 * The second built-in example (resources/examples/auroraai-tilannekuva.json, built by
 * resources/examples/build-picture-example.ts from the AuroraAI mid-term evaluation): it validates,
 * every reference in it resolves, its figures are the evaluation's, and its critical mass is
 * computed from the stated assumptions and moves when one of them is edited.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AURORA_ADOPTION, AURORA_DISCOUNT_RATE, buildAuroraExample } from '../../../resources/examples/build-picture-example';
import { ExampleJsonSchema, type CbaItemDoc, type CbaSettings, type PictureItem, type PictureSummary } from '../../../shared/picture';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { EXAMPLE_FILES, resourcesDir } from '../resources';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'desktop', now: fixedNow }));
  await ok('workspace.create', { path: path.join(dir, 'aurora.kohtaanto'), example: 'auroraai' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);

const summary = () => ok<PictureSummary>('picture.summary', {});
const oneDecimal = (x: number) => Math.round(x * 1000) / 10;

describe('the AuroraAI situational-picture example', () => {
  it('is the builder’s output, validated by the picture schemas', () => {
    const stored = JSON.parse(fs.readFileSync(path.join(resourcesDir(), EXAMPLE_FILES.auroraai), 'utf8'));
    expect(ExampleJsonSchema.safeParse(stored).success).toBe(true);
    // The committed JSON cannot drift from the builder that documents every figure's source.
    expect(stored).toEqual(JSON.parse(JSON.stringify(ExampleJsonSchema.parse(buildAuroraExample()))));
    expect(stored.title.fi).toBe('AuroraAI-ohjelma 2020–2022: väliarvioinnin tilannekuva');
    for (const item of (stored.picture?.items ?? []) as PictureItem[]) {
      expect(item.provenance, item.id).toMatch(/AuroraAI-ohjelman väliarviointi|OLETUS/);
      if ('name' in item && typeof item.name === 'object') expect([item.id, Object.keys(item.name).sort()]).toEqual([item.id, ['en', 'fi', 'sv']]);
    }
  });

  it('passes the API’s own reference checks item by item', async () => {
    const items = await ok<PictureItem[]>('picture.list', {});
    expect(items.length).toBe(buildAuroraExample().picture!.items!.length);
    // Putting each item again runs checkReferences (goals, boxes, owners, link direction).
    for (const item of items) await ok('picture.put', { item });
    expect(await ok<PictureItem[]>('picture.list', {})).toEqual(items);
  });

  it('carries the four impact goals and the preliminary impact logic with its stated assumptions', async () => {
    const s = await summary();
    expect(s.goals.map((g) => g.name.fi)).toEqual([
      'Sujuvampi asiointi valituissa elämäntapahtumissa',
      'Johtaminen yhteisiä tilannekuvia hyödyntäen',
      'Uudet yhteistyön keinot ja tehokkaampi toiminta',
      'Tekoälyn eettinen hyödyntäminen julkisissa palveluissa',
    ]);
    const stages = Object.fromEntries(['basis', 'needs', 'inputs', 'activities', 'outputs', 'results', 'impacts'].map((st) => [st, s.impact.boxes.filter((b) => b.stage === st).length]));
    expect(stages).toEqual({ basis: 1, needs: 2, inputs: 3, activities: 3, outputs: 5, results: 1, impacts: 4 });
    expect(s.impact.boxes.filter((b) => b.stage === 'impacts').map((b) => b.goal)).toEqual(['goal-1', 'goal-2', 'goal-3', 'goal-4']);
    const withAssumption = s.impact.links.filter((l) => l.assumptionStatus);
    expect(withAssumption.map((l) => l.assumptionStatus).sort()).toEqual(['failed', 'failed', 'failed', 'holds', 'uncertain', 'uncertain', 'uncertain', 'uncertain']);
    for (const l of withAssumption) expect(l.provenance).toMatch(/luku|luvut/);
    expect(s.impact.links.find((l) => l.target === 'box-vaikutus-1')?.assumption.fi).toBe('Verkkoon liittyy riittävästi toimijoita (kriittinen massa)');
  });

  it('has Table 1’s budget exactly', async () => {
    const { budget } = await summary();
    expect(budget.planned).toBe(7_531_982);
    expect(Object.fromEntries(budget.byCategory.map((g) => [g.key, g.planned]))).toEqual({
      'AuroraAI-ydintehtävät': 418_418,
      'AuroraAI-verkko': 6_019_264,
      'AuroraAI-toimintamalli': 755_000,
      'Osaamisen ja kyvykkyyksien kehittämisohjelma': 339_300,
    });
    const share = Object.fromEntries(budget.byCategory.map((g) => [g.key, g.share]));
    // Table 1 prints 5,5 / 79,9 / 10,0 / 4,5 %: its shares are cut to one decimal ...
    const cut = (x: number) => Math.floor(x * 1000) / 10;
    expect([share['AuroraAI-ydintehtävät'], share['AuroraAI-verkko'], share['AuroraAI-toimintamalli'], share['Osaamisen ja kyvykkyyksien kehittämisohjelma']].map(cut)).toEqual([5.5, 79.9, 10.0, 4.5]);
    // ... while rounding 418 418 / 7 531 982 = 5.555… % gives 5.6: the provenance says so.
    expect(oneDecimal(share['AuroraAI-ydintehtävät'])).toBe(5.6);
    expect([share['AuroraAI-verkko'], share['AuroraAI-toimintamalli'], share['Osaamisen ja kyvykkyyksien kehittämisohjelma']].map(oneDecimal)).toEqual([79.9, 10.0, 4.5]);
    expect(budget.byYear.map((g) => g.key)).toEqual(['2020–2022']);
  });

  it('has the cost–benefit analysis’s items and a critical mass computed under the stated assumptions', async () => {
    const { cba } = await summary();
    expect(cba.problems).toEqual([]);
    expect(cba.discountRate).toBe(AURORA_DISCOUNT_RATE);
    const years = cba.result!.years;
    // Costs 31.1 M€ = 4.0 + 3.9 + 2.4 + 11.0 + 5.8 + 4.0 at the assumed adoption schedule.
    expect(years.reduce((s, y) => s + y.costs, 0)).toBeCloseTo(31_100_000, 4);
    const items = await ok<CbaItemDoc[]>('picture.list', { kind: 'cbaItem' });
    const total = (id: string) => {
      const item = items.find((i) => i.id === id)!;
      return Object.entries(item.amounts).reduce((s, [y, v]) => s + v * (item.perOrganisation ? years.find((r) => r.year === Number(y))!.organisations : 1), 0);
    };
    expect(
      ['cba-ydinkomponentit', 'cba-kayttoliittymat', 'cba-yllapito', 'cba-liittyminen', 'cba-omat-palvelut', 'cba-toimijoiden-yllapito'].map((id) => Math.round(total(id) / 1e5) / 10),
    ).toEqual([4.0, 3.9, 2.4, 11.0, 5.8, 4.0]);
    expect(Math.round(total('cba-yhteiskehittaminen'))).toBe(26_800_000);
    expect(Math.round(total('cba-kayton-saastot'))).toBe(4_800_000);
    // Customer-service savings reach 30 M€ a year in 2030 (the source's "up to"), at the assumed 50 organisations.
    const cs = items.find((i) => i.id === 'cba-asiakaspalvelu')!;
    expect(cs.amounts['2030'] * AURORA_ADOPTION[2025]).toBeCloseTo(30_000_000, 4);
    expect(years.find((y) => y.year === 2030)!.benefits).toBeCloseTo(30_000_000, 4);
    // Items the source dates keep its years.
    expect(Object.keys(items.find((i) => i.id === 'cba-kayttoliittymat')!.amounts)).toEqual(['2019', '2020', '2021', '2022']);
    expect(Object.keys(items.find((i) => i.id === 'cba-yhteiskehittaminen')!.amounts)).toEqual(['2023', '2024', '2025']);
    for (const i of items) expect(i.description.fi).toMatch(/OLETUS/);

    expect(cba.criticalMass?.organisations).toBeTypeOf('number');
    const n = cba.criticalMass!.organisations!;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(AURORA_ADOPTION[2025]);
    expect(cba.result!.npv).toBeGreaterThan(0);
  });

  it('moves the critical mass when an assumption is edited, and back on undo', async () => {
    const before = (await summary()).cba.criticalMass!.organisations!;
    // Without the customer-service savings (the source's most uncertain figure, an upper bound),
    // only the 2023–2025 per-organisation net is left to carry the fixed costs.
    const cs = (await ok<PictureItem[]>('picture.list', { kind: 'cbaItem' })).find((i) => i.id === 'cba-asiakaspalvelu') as CbaItemDoc;
    await ok('picture.put', { item: { ...cs, amounts: Object.fromEntries(Object.keys(cs.amounts).map((y) => [y, 0])) } });
    const without = (await summary()).cba.criticalMass!.organisations!;
    expect(without).toBeGreaterThan(before * 3);
    // A higher discount rate weighs the later benefits less: the critical mass grows further.
    const settings = (await ok<CbaSettings[]>('picture.list', { kind: 'cbaSettings' }))[0];
    await ok('picture.put', { item: { ...settings, discountRate: 0.08 } });
    expect((await summary()).cba.criticalMass!.organisations!).toBeGreaterThan(without);
    await ok('history.undo', {});
    await ok('history.undo', {});
    expect((await summary()).cba.criticalMass!.organisations).toBe(before);
  });

  it('leaves survey counts out and keeps the reported N', async () => {
    const s = await summary();
    expect(s.surveys.map((sv) => [sv.id, sv.reportedN])).toEqual([
      ['survey-kanavat', 66],
      ['survey-osa-alueet', 70],
      ['survey-tavoitteet', 162],
      ['survey-vaikutus', 63],
      ['survey-vaittamat', 63],
    ]);
    for (const sv of s.surveys) for (const q of sv.questions) expect([q.summary.n, q.summary.mean]).toEqual([0, null]);
  });

  it('shows "no data" for indicators the evaluation gives no baseline or target for', async () => {
    const s = await summary();
    expect(Object.fromEntries(s.indicators.map((i) => [i.id, [i.status.status, i.status.reason]]))).toEqual({
      'ind-elamantapahtumat': ['noData', 'noBaseline'],
      'ind-etiikka': ['noData', 'noMeasurements'],
      'ind-kunnat': ['noData', 'noBaseline'],
      'ind-liittyneet': ['noData', 'noMeasurements'],
      'ind-oppimateriaali': ['noData', 'noBaseline'],
      'ind-slack': ['noData', 'noBaseline'],
    });
    const items = await ok<Array<{ id: string; baseline?: unknown; target?: unknown }>>('picture.list', { kind: 'indicator' });
    expect(items.filter((i) => i.baseline).map((i) => i.id)).toEqual([]);
    expect(items.filter((i) => i.target).map((i) => i.id)).toEqual(['ind-elamantapahtumat']);
  });
});
