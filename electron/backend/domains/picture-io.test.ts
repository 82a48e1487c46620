/**
 * The situational picture through io.import / io.export, as the app and the CLI call them:
 * workspace JSON version 2 round trip (items and reviews), version 1 still read, a newer version
 * refused without touching the file, and the picture imports' dry run and refusals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/api/io';
import type { ReviewInfo } from '../../../shared/api/picture';
import type { PictureItem } from '../../../shared/picture';
import { translator } from '../../../renderer/src/i18n/catalogue';
import { sayRecord } from '../../../renderer/src/i18n/say';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'desktop', now: fixedNow }));
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
async function refused(method: string, input: unknown): Promise<{ code: string; message: string; details?: unknown }> {
  const r = await registry.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

const ITEMS: PictureItem[] = [
  { id: 'goal-1', kind: 'goal', name: { fi: 'Sujuvampi asiointi', sv: 'Smidigare ärenden' }, description: {} },
  {
    id: 'ind-1',
    kind: 'indicator',
    name: { fi: 'Kattavuus' },
    unit: '%',
    direction: 'higher',
    baseline: { date: '2021-01-01', value: 10 },
    target: { date: '2023-01-01', value: 20 },
    tolerance: 0.1,
    measures: 'goal-1',
    measurements: [{ date: '2022-01-01', value: 14.5, note: 'väliarvio' }],
  },
  { id: 'bud-1', kind: 'budgetLine', item: 'AuroraAI-verkko', category: 'Verkko', year: 2021, planned: 6_019_264 },
  { id: 'cba-1', kind: 'cbaItem', name: { fi: 'Ydinkomponentit' }, description: {}, type: 'cost', perOrganisation: false, amounts: { '2021': 4_000_000 } },
  { id: 'cba', kind: 'cbaSettings', discountRate: 0.035, adoption: { '2021': 3 }, sensitivity: 0.2, assumptions: {} },
  { id: 'survey-1', kind: 'survey', name: { fi: 'Kysely' }, questions: [{ id: 'q1', text: { fi: 'Tärkeys' }, counts: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 }, cannotSay: 6 }] },
];

/** A review's stored row, as text: what "byte for byte" means for a review. */
function reviewRows(): unknown[] {
  return ctx.requireWorkspace().db.prepare('SELECT id, label, created_at, summary, items FROM picture_reviews ORDER BY id').all();
}

describe('workspace JSON format version 2', () => {
  it('carries the picture items and the reviews, and imports them back unchanged (reviews byte for byte)', async () => {
    await ok('workspace.create', { path: path.join(dir, 'a.kohtaanto'), name: 'A' });
    for (const item of ITEMS) await ok('picture.put', { item });
    const review = await ok<ReviewInfo>('picture.saveReview', { label: 'Kevät 2022' });
    await ok('picture.put', { item: { ...ITEMS[1], measurements: [] } }); // an edit after the review
    const items = await ok<PictureItem[]>('picture.list', {});
    const rows = reviewRows();

    const exported = await ok<{ files: { name: string; dataBase64: string }[] }>('io.export', { format: 'json' });
    const doc = JSON.parse(Buffer.from(exported.files[0].dataBase64, 'base64').toString('utf8'));
    expect(doc.version).toBe(2);
    expect(doc.picture.items).toEqual(items);
    expect(doc.picture.reviews.map((r: { id: string; label: string }) => [r.id, r.label])).toEqual([[review.id, 'Kevät 2022']]);

    await ok('workspace.create', { path: path.join(dir, 'b.kohtaanto'), name: 'B' });
    const r = await ok<ImportSummary>('io.import', { importId: 'j', files: [{ name: 'a.json', dataBase64: exported.files[0].dataBase64 }], onError: 'stop' });
    expect(r.picture).toMatchObject({ created: { goal: 1, indicator: 1, budgetLine: 1, cbaItem: 1, cbaSettings: 1, survey: 1, review: 1 } });
    expect(await ok('picture.list', {})).toEqual(items);
    expect(reviewRows()).toEqual(rows);
    const frozen = await ok<{ items: PictureItem[] }>('picture.review', { id: review.id });
    expect((frozen.items.find((i) => i.id === 'ind-1') as { measurements: unknown[] }).measurements).toHaveLength(1);

    // Exported again from the copy: the same document.
    const again = await ok<{ files: { dataBase64: string }[] }>('io.export', { format: 'json' });
    expect(JSON.parse(Buffer.from(again.files[0].dataBase64, 'base64').toString('utf8')).picture).toEqual(doc.picture);

    // A second import changes nothing; the whole first import is one undo step for the items.
    const twice = await ok<ImportSummary>('io.import', { importId: 'k', files: [{ name: 'a.json', dataBase64: exported.files[0].dataBase64 }] });
    expect(twice.picture?.created).toEqual({});
    await ok('history.undo', {});
    expect(await ok('picture.list', {})).toEqual([]);
    expect(reviewRows()).toEqual(rows); // reviews are never changed, undo included
  });

  it('still reads a version 1 file, which gives an empty picture', async () => {
    await ok('workspace.create', { path: path.join(dir, 'c.kohtaanto'), name: 'C' });
    const v1 = { format: 'kohtaanto-workspace', version: 1, title: { fi: 'Vanha' }, entities: [{ id: 'org-1', kind: 'organisation', name: { fi: 'VM' } }], links: [] };
    const r = await ok<ImportSummary>('io.import', { importId: 'v1', files: [{ name: 'vanha.json', dataBase64: b64(JSON.stringify(v1)) }], onError: 'stop' });
    expect(r.created.organisation).toBe(1);
    expect(r.picture).toBeUndefined();
    expect(await ok('picture.list', {})).toEqual([]);
    expect(reviewRows()).toEqual([]);
  });

  it('refuses a file from a newer version with a clear message, and the workspace file stays byte for byte the same', async () => {
    const file = path.join(dir, 'd.kohtaanto');
    await ok('workspace.create', { path: file, name: 'D' });
    await ok('picture.put', { item: ITEMS[0] });
    await ok('workspace.close', {});
    const before = fs.readFileSync(file);
    await ok('workspace.open', { path: file });
    const v3 = { format: 'kohtaanto-workspace', version: 3, entities: [{ id: 'org-1', kind: 'organisation', name: { fi: 'VM' } }], links: [], picture: { items: [ITEMS[2]] } };
    const err = await refused('io.import', { importId: 'v3', files: [{ name: 'uusi.json', dataBase64: b64(JSON.stringify(v3)) }] });
    expect(err.code).toBe('workspace_newer');
    expect(err.message).toBe('uusi.json was exported by a newer Kohtaanto (format version 3; this version reads 2). Update Kohtaanto to import it.');
    await ok('workspace.close', {});
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('checks every picture item and review of a file: a bad one is named, and with stop nothing is written', async () => {
    await ok('workspace.create', { path: path.join(dir, 'e.kohtaanto'), name: 'E' });
    const doc = {
      format: 'kohtaanto-workspace',
      version: 2,
      entities: [],
      links: [],
      picture: { items: [ITEMS[0], { ...ITEMS[1], target: { date: '2023-01-01', value: 10 } }], reviews: [{ id: 'rev-x', label: 'X', createdAt: '2022-01-01T00:00:00Z', summary: {}, items: [] }] },
    };
    const err = await refused('io.import', { importId: 's', files: [{ name: 'e.json', dataBase64: b64(JSON.stringify(doc)) }], onError: 'stop' });
    expect(err.message).toBe('e.json: picture item #2, id ind-1: target.value: indicator.targetEqualsBaseline');
    expect(await ok('picture.list', {})).toEqual([]);
    const r = await ok<ImportSummary>('io.import', { importId: 't', files: [{ name: 'e.json', dataBase64: b64(JSON.stringify(doc)) }] });
    expect(r.skipped.map((s) => s.record)).toEqual(['picture item #2, id ind-1', 'review #1, id rev-x']);
    expect(r.skipped.map((s) => sayRecord(translator('fi'), s))).toEqual(['tilannekuvan kohde 2, tunniste ind-1', 'katsaus 1, tunniste rev-x']);
    expect((await ok<PictureItem[]>('picture.list', {})).map((i) => i.id)).toEqual(['goal-1']);
  });
});

describe('picture imports through io.import', () => {
  it('previews a measurements file without writing, then imports it as one undo step', async () => {
    await ok('workspace.create', { path: path.join(dir, 'f.kohtaanto'), name: 'F' });
    const { measures: _goal, ...indicator } = ITEMS[1] as Extract<PictureItem, { kind: 'indicator' }>;
    await ok('picture.put', { item: indicator });
    const file = { name: 'mittaukset.csv', dataBase64: b64('Mittari;Pvm;Arvo\nKattavuus;30.6.2022;16\nKattavuus;31.12.2022;kaksikymmentä\n') };
    const dry = await ok<ImportSummary>('io.import', { importId: 'p', files: [file], kind: 'measurements', dryRun: true, lang: 'sv' });
    expect(dry.dryRun).toBe(true);
    expect(dry.preview).toMatchObject({ mapping: { Mittari: 'indicator', Pvm: 'date', Arvo: 'value' }, missingRoles: [], totalRows: 2 });
    expect(dry.skipped).toMatchObject([{ file: 'mittaukset.csv', record: 'row 3, column "Arvo"', row: 3, column: 'Arvo', reason: '”kaksikymmentä” är inte ett tal' }]);
    expect(sayRecord(translator('sv'), dry.skipped[0])).toBe('rad 3, kolumn ”Arvo”');
    expect(dry.picture?.values).toBe(1);
    expect(await ok('picture.list', {})).toEqual([indicator]);
    expect((await ok<{ canUndo: boolean; undoLabel?: string }>('history.state', {})).undoLabel).not.toMatch(/mittaukset/);

    const r = await ok<ImportSummary>('io.import', { importId: 'q', files: [file], kind: 'measurements', lang: 'fi' });
    expect(r.skipped[0].reason).toBe('”kaksikymmentä” ei ole luku');
    expect((await ok<PictureItem[]>('picture.list', { kind: 'indicator' }))[0]).toMatchObject({ measurements: [{ date: '2022-01-01' }, { date: '2022-06-30', value: 16 }] });
    await ok('history.undo', {});
    expect(await ok('picture.list', {})).toEqual([indicator]);
  });
});
