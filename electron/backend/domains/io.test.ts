import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import ExcelJS from 'exceljs';
import type { MatchingRunRecord } from '../../../shared/api/matching';
import { neutralMeters } from '../../../shared/model';
import { tempDir } from '../test/tmp';

const SHARED_DATA = path.resolve(__dirname, '../../../../shared/data');
const HAS_DATA = fs.existsSync(SHARED_DATA);

let dir: string;
let ctx: AppContext;
let registry: Registry;
beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'browser' }));
  const r = await registry.call('workspace.create', { name: 'Tuonti' });
  expect(r.ok).toBe(true);
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

async function state() {
  const e = await registry.call('entities.list', {});
  const l = await registry.call('links.list', {});
  return { e, l };
}

describe('io methods through the registry', () => {
  it.skipIf(!HAS_DATA)('imports a real PTV v11 service as one undo step, reporting progress (reads ../shared/data)', async () => {
    const progress: number[] = [];
    ctx.subscribe((e, p) => {
      if (e === 'io.progress') progress.push((p as { done: number }).done);
    });
    const bytes = fs.readFileSync(path.join(SHARED_DATA, 'ptv/v11/service-etalukio.json'));
    const r = await registry.call('io.import', { importId: 'i1', files: [{ name: 'service-etalukio.json', dataBase64: b64(bytes) }] });
    expect(r).toMatchObject({ ok: true, value: { created: { service: 1 } } });
    expect(progress.length).toBeGreaterThan(0);
    const stats = await registry.call('workspace.stats', {});
    expect(stats.ok && (stats.value as { entities: Record<string, number> }).entities.service).toBe(1);
    await registry.call('history.undo', {});
    const after = await registry.call('workspace.stats', {});
    expect(after.ok && (after.value as { entities: Record<string, number> }).entities.service).toBeUndefined();
  });

  it('with onError stop, a bad record leaves the workspace exactly as it was', async () => {
    await registry.call('entities.create', { entity: { kind: 'organisation', name: { fi: 'Kela' } } });
    const before = await state();
    const bad = JSON.stringify([{ id: '11111111-1111-1111-1111-111111111111', serviceNames: [{ language: 'fi', value: 'Hyvä', type: 'Name' }] }, { id: 42, serviceNames: 'rikki' }]);
    const r = await registry.call('io.import', { importId: 'i2', files: [{ name: 'bad.json', dataBase64: b64(bad) }], format: 'ptv', onError: 'stop' });
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.error.message.length).toBeGreaterThan(10);
    expect(await state()).toEqual(before);
  });

  it('refuses truncated JSON with a clear message and writes nothing', async () => {
    const before = await state();
    const stop = await registry.call('io.import', { importId: 'i3', files: [{ name: 'cut.json', dataBase64: b64('{"itemList": [{"id": "a') }], onError: 'stop' });
    expect(stop).toMatchObject({ ok: false });
    expect(stop.ok === false && stop.error.message).toMatch(/cut\.json/);
    // With skip the file is reported as skipped, still with nothing written.
    const skip = await registry.call('io.import', { importId: 'i4', files: [{ name: 'cut.json', dataBase64: b64('{"itemList": [{"id": "a') }], onError: 'skip' });
    expect(skip).toMatchObject({ ok: true, value: { skippedTotal: 1, skipped: [{ file: 'cut.json' }] } });
    expect(await state()).toEqual(before);
  });

  it('exports every format as files the UI can save', async () => {
    await registry.call('entities.create', { entity: { kind: 'organisation', name: { fi: '=SUMMA(A1)' } } });
    for (const format of ['json', 'csv', 'xlsx', 'graphml', 'gexf'] as const) {
      const r = await registry.call('io.export', { format });
      if (!r.ok) throw new Error(r.error.message);
      const files = (r.value as { files: { name: string; dataBase64: string }[] }).files;
      expect(files.length).toBeGreaterThan(0);
      expect(Buffer.from(files[0].dataBase64, 'base64').length).toBeGreaterThan(50);
      if (format === 'csv') {
        const org = files.find((f) => f.name.startsWith('organisation'))!;
        expect(Buffer.from(org.dataBase64, 'base64').toString('utf8')).toContain("'=SUMMA(A1)");
      }
    }
  });

  it('names the export after the workspace and the day, and writes XLSX headings in the language asked for', async () => {
    await registry.call('workspace.setTitle', { title: { fi: 'Läheisen kuolema: työpaja 2', sv: 'När en anhörig dör' } });
    const now = new Date();
    const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const names: Record<string, string> = {};
    for (const format of ['json', 'xlsx', 'graphml', 'gexf'] as const) {
      const r = await registry.call('io.export', { format });
      if (!r.ok) throw new Error(r.error.message);
      names[format] = (r.value as { files: { name: string }[] }).files[0].name;
    }
    expect(names).toEqual({ json: `laheisen-kuolema-tyopaja-2-${day}.json`, xlsx: `laheisen-kuolema-tyopaja-2-${day}.xlsx`, graphml: `laheisen-kuolema-tyopaja-2-${day}.graphml`, gexf: `laheisen-kuolema-tyopaja-2-${day}.gexf` });
    const sv = await registry.call('io.export', { format: 'xlsx', lang: 'sv' });
    if (!sv.ok) throw new Error(sv.error.message);
    const file = (sv.value as { files: { name: string; dataBase64: string }[] }).files[0];
    expect(file.name).toBe(`nar-en-anhorig-dor-${day}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].name).toBe('Organisationer');
  });

  it('exports the latest matching run as a workbook of its figures, with names, in the language asked for', async () => {
    const create = async (entity: Record<string, unknown>) => {
      const r = await registry.call('entities.create', { entity });
      if (!r.ok) throw new Error(r.error.message);
    };
    const none = await registry.call('io.export', { format: 'xlsx', run: 'latest' });
    expect(none.ok === false && none.error.code).toBe('not_found');
    await create({ id: 'org-srk', kind: 'organisation', name: { fi: 'Seurakunta', sv: 'Församlingen' } });
    await create({ id: 'need-h', kind: 'need', name: { fi: 'Hautajaisjärjestelyt', sv: 'Begravningsarrangemang' }, keywords: ['hautajaiset'] });
    await create({ id: 'need-p', kind: 'need', name: { fi: 'Perunkirjoitus', sv: 'Bouppteckning' } });
    await create({ id: 'srv-h', kind: 'service', name: { fi: 'Hautaan siunaaminen', sv: 'Jordfästning' } });
    await create({ id: 'per-a', kind: 'persona', name: { fi: 'Leski, 72', sv: 'Änka, 72' }, ageMin: 70, ageMax: 75, meters: neutralMeters(), peoplePerYear: 300 });
    for (const [type, source, target, data] of [
      ['provides', 'org-srk', 'srv-h', {}],
      ['addresses', 'srv-h', 'need-h', {}],
      ['personaNeed', 'per-a', 'need-h', { importance: 5 }],
      ['personaNeed', 'per-a', 'need-p', { importance: 4 }],
    ] as const) {
      const r = await registry.call('links.create', { type, source, target, data });
      if (!r.ok) throw new Error(r.error.message);
    }
    const run = await registry.call('matching.run', {});
    if (!run.ok) throw new Error(run.error.message);
    const rec = run.value as MatchingRunRecord;
    const r = await registry.call('io.export', { format: 'xlsx', run: 'latest', lang: 'sv' });
    if (!r.ok) throw new Error(r.error.message);
    const file = (r.value as { files: { name: string; dataBase64: string }[] }).files[0];
    expect(file.name).toMatch(/^tuonti-matchningsanalys-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Kundprofiler', 'Täckning', 'Luckor i utbudet', 'Överlappningar', 'Organisationer att besöka']);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const summary = Object.fromEntries(rows('Sammanfattning').slice(1).map(([k, v]) => [k, v]));
    expect(summary).toMatchObject({ Körning: rec.id, 'Täckning (viktad)': rec.run.totals.coverage, 'Par profil × behov': 2, Luckor: rec.run.gaps.length });
    expect(rows('Kundprofiler')[1]).toEqual(['Änka, 72', 300, 2, rec.run.personas[0].covered, rec.run.personas[0].coverage]);
    expect(rows('Täckning').slice(1).map((r) => r.slice(0, 2))).toEqual(expect.arrayContaining([['Änka, 72', 'Bouppteckning'], ['Änka, 72', 'Begravningsarrangemang']]));
    const gaps = rows('Luckor i utbudet').slice(1);
    expect(gaps.map((g) => g[0])).toContain('Bouppteckning');
    expect(rows('Organisationer att besöka')[1].slice(0, 2)).toEqual(['Änka, 72', rec.run.counters[0].count]);
    // A run is a workbook only; asking another format for it is refused.
    const json = await registry.call('io.export', { format: 'json', run: rec.id });
    expect(json.ok === false && json.error.message).toMatch(/xlsx only/);
    const unknown = await registry.call('io.export', { format: 'xlsx', run: 'run-nope' });
    expect(unknown.ok === false && unknown.error.code).toBe('not_found');
  });

  it('lists code lists for pickers', async () => {
    const r = await registry.call('codes.list', { list: 'municipalities' });
    if (!r.ok) throw new Error(r.error.message);
    const items = r.value as { code: string; label: { fi?: string; sv?: string } }[];
    expect(items.find((i) => i.code === '853')?.label).toMatchObject({ fi: 'Turku', sv: 'Åbo' });
  });

  it('cancel of an unknown import says so', async () => {
    expect(await registry.call('io.cancelImport', { importId: 'nope' })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
