import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { pickText, type Entity } from '../../../shared/model';
import type { PictureSummary, ReviewComparison } from '../../../shared/picture';
import type { ReviewInfo } from '../../../shared/api/picture';
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
  await ok('workspace.create', { path: path.join(dir, 'p.kohtaanto'), name: 'P' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);
async function refused(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const r = await registry.call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

const indicator = {
  id: 'ind-coverage',
  kind: 'indicator',
  name: { fi: 'Kattavuus' },
  unit: '%',
  direction: 'higher',
  baseline: { date: '2021-01-01', value: 10 },
  target: { date: '2023-01-01', value: 20 },
  tolerance: 0.1,
  measurements: [{ date: '2022-01-01', value: 14.5 }],
};

describe('situational picture service', () => {
  it('stores items as undoable edits and computes statuses with the rule', async () => {
    await ok('picture.put', { item: { id: 'goal-1', kind: 'goal', name: { fi: 'Sujuvampi asiointi' } } });
    await ok('picture.put', { item: { ...indicator, measures: 'goal-1' } });
    const s = await ok<PictureSummary>('picture.summary', {});
    expect(s.goals.map((g) => g.id)).toEqual(['goal-1']);
    expect(s.indicators[0].status).toMatchObject({ status: 'atRisk', expected: 15, allowed: 1 });
    await ok('history.undo', {});
    expect((await ok<unknown[]>('picture.list', { kind: 'indicator' })).length).toBe(0);
    await ok('history.redo', {});
    expect((await ok<unknown[]>('picture.list', { kind: 'indicator' })).length).toBe(1);
  });

  it('refuses bad plans and references with a clear error and writes nothing', async () => {
    const same = await refused('picture.put', { item: { ...indicator, target: { date: '2023-01-01', value: 10 } } });
    expect(same.message).toMatch(/indicator.targetEqualsBaseline/);
    expect((await refused('picture.put', { item: { ...indicator, measurements: [{ date: '2022-13-01', value: 1 }] } })).message).toMatch(/date.invalid/);
    expect((await refused('picture.put', { item: { ...indicator, measures: 'nothing' } })).message).toMatch(/no goal or impactBox nothing/);
    expect((await refused('picture.put', { item: { id: 'cba', kind: 'cbaSettings', discountRate: -1 } })).message).toMatch(/discountRateTooLow/);
    expect(await ok<unknown[]>('picture.list', {})).toEqual([]);
    expect((await ok<{ canUndo: boolean }>('history.state', {})).canUndo).toBe(false);
  });

  it('keeps impact links left to right and deletes them with their box in one undo step', async () => {
    const org = await ok<Entity>('entities.create', { entity: { kind: 'need', name: { fi: 'Asunto' } } });
    await ok('picture.put', { item: { id: 'b-need', kind: 'impactBox', stage: 'needs', name: { fi: 'Tarve' }, refs: [org.id] } });
    await ok('picture.put', { item: { id: 'b-act', kind: 'impactBox', stage: 'activities', name: { fi: 'Toiminta' } } });
    expect((await refused('picture.put', { item: { id: 'l-back', kind: 'impactLink', source: 'b-act', target: 'b-need' } })).message).toMatch(/earlier stage/);
    await ok('picture.put', { item: { id: 'l-1', kind: 'impactLink', source: 'b-need', target: 'b-act', assumption: { fi: 'Palvelut löytyvät' }, assumptionStatus: 'uncertain' } });
    expect(await ok('picture.delete', { id: 'b-need' })).toEqual({ deletedLinks: 1 });
    expect((await ok<unknown[]>('picture.list', {})).length).toBe(1);
    await ok('history.undo', {});
    expect((await ok<Array<{ id: string }>>('picture.list', {})).map((i) => i.id)).toEqual(['b-act', 'b-need', 'l-1']);
  });

  it('computes the CBA with critical mass from stored items', async () => {
    await ok('picture.put', { item: { id: 'cba', kind: 'cbaSettings', discountRate: 0.1, adoption: { 2021: 2, 2022: 5 }, sensitivity: 0.1 } });
    await ok('picture.put', { item: { id: 'c-build', kind: 'cbaItem', name: { fi: 'Rakentaminen' }, type: 'cost', amounts: { 2020: 100 } } });
    await ok('picture.put', { item: { id: 'b-save', kind: 'cbaItem', name: { fi: 'Säästöt' }, type: 'benefit', perOrganisation: true, amounts: { 2021: 10, 2022: 10 } } });
    const s = await ok<PictureSummary>('picture.summary', {});
    expect(s.cba.problems).toEqual([]);
    expect(s.cba.result?.npv).toBeCloseTo(-40.49587, 4);
    expect(s.cba.criticalMass?.organisations).toBe(9);
    expect(s.cba.tornado?.bars[0].id).toBe('c-build');
  });

  it('freezes a review byte for byte and compares two', async () => {
    await ok('picture.put', { item: indicator });
    const first = await ok<ReviewInfo>('picture.saveReview', { label: 'Syksy 2026' });
    const frozen = JSON.stringify(await ok('picture.review', { id: first.id }));
    await ok('picture.put', { item: { ...indicator, measurements: [...indicator.measurements, { date: '2022-06-01', value: 19 }] } });
    expect(JSON.stringify(await ok('picture.review', { id: first.id }))).toBe(frozen);
    const second = await ok<ReviewInfo>('picture.saveReview', { label: 'Kevät 2027' });
    const cmp = await ok<ReviewComparison>('picture.compareReviews', { a: first.id, b: second.id });
    expect(cmp.indicators).toEqual([
      { id: 'ind-coverage', before: { status: 'atRisk', value: 14.5 }, after: { status: 'onTrack', value: 19 }, statusChanged: true, delta: 4.5 },
    ]);
    expect((await ok<ReviewInfo[]>('picture.reviews', {})).map((r) => r.label).sort()).toEqual(['Kevät 2027', 'Syksy 2026']);
    expect((await refused('picture.review', { id: 'rev-none' })).code).toBe('not_found');
  });

  it('adds a measurement to bound indicators at every saved matching run, as one undoable step', async () => {
    await ok('workspace.create', { path: path.join(dir, 'ex.kohtaanto'), example: true });
    const lifeEvent = (await ok<Entity[]>('entities.list', { kind: 'lifeEvent' }))[0].id;
    const bound = { ...indicator, id: 'ind-match', measurements: [], binding: { figure: 'coverage' } };
    await ok('picture.put', { item: bound });
    await ok('picture.put', { item: { ...bound, id: 'ind-le', binding: { figure: 'coverage', lifeEvent } } });
    await ok('picture.put', { item: { ...bound, id: 'ind-gaps', direction: 'lower', binding: { figure: 'peopleInGaps' } } });
    const run = await ok<{ id: string; run: { totals: { coverage: number }; gaps: Array<{ people: number }> } }>('matching.run', {});
    const items = await ok<Array<{ id: string; measurements: Array<{ date: string; value: number; source: string }> }>>('picture.list', { kind: 'indicator' });
    const byId = Object.fromEntries(items.map((i) => [i.id, i.measurements]));
    expect(byId['ind-match']).toEqual([{ date: '2026-01-15', value: Math.round(run.run.totals.coverage * 1e6) / 1e4, source: `matching run ${run.id}` }]);
    expect(byId['ind-gaps'][0].value).toBe(run.run.gaps.reduce((s, g) => s + g.people, 0));
    // A whole-workspace run does not measure one life event's coverage.
    expect(byId['ind-le']).toEqual([]);
    expect((await ok<{ undoLabel?: string }>('history.state', {})).undoLabel).toMatch(/^Measure 2 indicator/);
    await ok('matching.run', { lifeEventId: lifeEvent });
    expect((await ok<Array<{ id: string; measurements: unknown[] }>>('picture.list', { kind: 'indicator' })).find((i) => i.id === 'ind-le')!.measurements).toHaveLength(1);
  });
  it('freezes the latest matching run in a review and tells opened gaps from closed ones', async () => {
    await ok('workspace.create', { path: path.join(dir, 'gaps.kohtaanto'), example: true });
    const first = await ok<{ run: { gaps: Array<{ need: string }> } }>('matching.run', {});
    expect(first.run.gaps.length).toBeGreaterThan(0);
    const a = await ok<ReviewInfo>('picture.saveReview', { label: 'A' });
    const frozen = await ok<{ summary: PictureSummary }>('picture.review', { id: a.id });
    expect(frozen.summary.matching?.gaps.map((g) => g.need).sort()).toEqual(first.run.gaps.map((g) => g.need).sort());
    // The need is dropped from the map: its gap is gone from the next run.
    const closed = frozen.summary.matching!.gaps[0];
    expect(pickText(closed.name, 'fi')).not.toBe('');
    await ok('entities.delete', { id: closed.need });
    await ok('matching.run', {});
    const b = await ok<ReviewInfo>('picture.saveReview', { label: 'B' });
    const cmp = await ok<ReviewComparison>('picture.compareReviews', { a: a.id, b: b.id });
    expect(cmp.gaps?.closed).toEqual([closed]);
    expect(cmp.gaps?.coverageBefore).toBe(frozen.summary.matching!.coverage);
    expect(cmp.gaps?.opened).toEqual([]);
  });

  it('exports a dashboard table as CSV (BOM, semicolons, formulas defused) and as a one-sheet workbook', async () => {
    const table = { title: 'Budjetti luokittain', headers: ['Luokka', 'Suunniteltu'], rows: [['Ydintehtävät', 418418], ['=SUM(A1)', null]] };
    const csv = await ok<{ name: string; dataBase64: string }>('picture.exportTable', { ...table, format: 'csv' });
    expect(csv.name).toBe('budjetti-luokittain.csv');
    expect(Buffer.from(csv.dataBase64, 'base64').toString('utf8')).toBe('\uFEFFLuokka;Suunniteltu\r\nYdintehtävät;418418\r\n\'=SUM(A1);\r\n');
    const xlsx = await ok<{ name: string; dataBase64: string }>('picture.exportTable', { ...table, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].name).toBe('Budjetti luokittain');
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, 'Ydintehtävät', 418418]);
  });
});
