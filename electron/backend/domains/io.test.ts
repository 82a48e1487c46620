import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
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
