/**
 * Bad input to picture.put: each refusal carries a code the UI says in its language
 * (picture.validation.* in renderer/src/i18n/sections/picture.ts), names where the problem is,
 * and leaves the workspace exactly as it was. A saved review's stored bytes never change.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewInfo } from '../../../shared/api/picture';
import type { AppError } from '../../../shared/api/result';
import { en } from '../../../renderer/src/i18n/en';
import { describeError } from '../../../renderer/src/i18n/errors';
import { fi } from '../../../renderer/src/i18n/fi';
import { sv } from '../../../renderer/src/i18n/sv';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let file: string;
let ctx: AppContext;
let registry: Registry;

beforeEach(async () => {
  dir = tempDir();
  file = path.join(dir, 'v.kohtaanto');
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'desktop', now: fixedNow }));
  await ok('workspace.create', { path: file, name: 'V' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);

interface Issue {
  path: string[];
  message: string;
}
/** The refusal's issues as `path: code`, after checking that nothing was written. */
async function refusal(item: unknown): Promise<string[]> {
  const before = JSON.stringify(await ok('picture.list', {}));
  const history = JSON.stringify(await ok('history.state', {}));
  const r = await registry.call('picture.put', { item });
  if (r.ok) throw new Error('picture.put should have been refused');
  expect(r.error.code).toBe('invalid_input');
  expect(JSON.stringify(await ok('picture.list', {}))).toBe(before);
  expect(JSON.stringify(await ok('history.state', {}))).toBe(history);
  return ((r.error.details as { issues: Issue[] }).issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

const indicator = {
  id: 'ind',
  kind: 'indicator',
  name: { fi: 'Kattavuus' },
  direction: 'higher',
  baseline: { date: '2021-01-01', value: 10 },
  target: { date: '2023-01-01', value: 20 },
  measurements: [{ date: '2022-01-01', value: 14 }],
};

describe('picture.put refuses bad input with a code and writes nothing', () => {
  it('indicator values that are not numbers', async () => {
    expect(await refusal({ ...indicator, measurements: [{ date: '2022-01-01', value: 14 }, { date: '2022-02-01', value: '15,5' }] })).toEqual(['item.measurements.1.value: value.notNumber']);
    expect(await refusal({ ...indicator, baseline: { date: '2021-01-01', value: null } })).toEqual(['item.baseline.value: value.notNumber']);
    expect(await refusal({ ...indicator, target: { date: '2023-01-01', value: 'paljon' } })).toEqual(['item.target.value: value.notNumber']);
  });

  it('measurement and plan dates that are not dates', async () => {
    expect(await refusal({ ...indicator, measurements: [{ date: '2022-02-30', value: 14 }] })).toEqual(['item.measurements.0.date: date.invalid']);
    expect(await refusal({ ...indicator, measurements: [{ date: '1.2.2022', value: 14 }] })).toEqual(['item.measurements.0.date: date.invalid']);
    expect(await refusal({ ...indicator, measurements: [{ date: 20220101, value: 14 }] })).toEqual(['item.measurements.0.date: date.invalid']);
    expect(await refusal({ ...indicator, baseline: { date: '2021-13-01', value: 10 } })).toEqual(['item.baseline.date: date.invalid']);
  });

  it('a target equal to its baseline, and a target dated before (or on) its baseline', async () => {
    expect(await refusal({ ...indicator, target: { date: '2023-01-01', value: 10 } })).toEqual(['item.target.value: indicator.targetEqualsBaseline']);
    expect(await refusal({ ...indicator, target: { date: '2020-06-30', value: 20 } })).toEqual(['item.target.date: indicator.targetBeforeBaseline']);
    expect(await refusal({ ...indicator, target: { date: '2021-01-01', value: 20 } })).toEqual(['item.target.date: indicator.targetBeforeBaseline']);
  });

  it('a cost–benefit item with no years, a bad year, and discount rates at or below −100 %', async () => {
    const item = { id: 'c', kind: 'cbaItem', name: { fi: 'Kulu' }, type: 'cost', amounts: {} };
    expect(await refusal(item)).toEqual(['item.amounts: cba.noYears']);
    expect(await refusal({ ...item, amounts: { '21': 5 } })).toEqual(['item.amounts.21: year.invalid']);
    expect(await refusal({ ...item, amounts: { 2021: 'x' } })).toEqual(['item.amounts.2021: value.notNumber']);
    const settings = { id: 'cba', kind: 'cbaSettings', discountRate: -1 };
    expect(await refusal(settings)).toEqual(['item.discountRate: cba.discountRateTooLow']);
    expect(await refusal({ ...settings, discountRate: -1.5 })).toEqual(['item.discountRate: cba.discountRateTooLow']);
    expect(await refusal({ ...settings, discountRate: '3 %' })).toEqual(['item.discountRate: value.notNumber']);
    expect(await refusal({ ...settings, discountRate: 0.03, adoption: { 2023: -2 } })).toEqual(['item.adoption.2023: cba.adoptionNegative']);
    // −99.9 % is a rate the formulas can take.
    await ok('picture.put', { item: { ...settings, discountRate: -0.999 } });
  });

  it('budget lines whose span ends before it starts, and survey counts off the scale', async () => {
    expect(await refusal({ id: 'b', kind: 'budgetLine', item: 'Verkko', category: 'Verkko', year: 2022, yearTo: 2020, planned: 1 })).toEqual(['item.yearTo: budget.yearToBeforeYear']);
    const q = { id: 'q', text: { fi: 'K' }, counts: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0 } };
    expect(await refusal({ id: 's', kind: 'survey', name: { fi: 'S' }, questions: [{ ...q, counts: { ...q.counts, 2: -1 } }] })).toEqual(['item.questions.0.counts.2: survey.countInvalid']);
    expect(await refusal({ id: 's', kind: 'survey', name: { fi: 'S' }, questions: [{ ...q, counts: { ...q.counts, 3: 1.5 } }] })).toEqual(['item.questions.0.counts.3: survey.countInvalid']);
  });
});

describe('the UI says each refusal in its language', () => {
  async function said(method: string, input: unknown): Promise<Record<'fi' | 'sv' | 'en', string>> {
    const r = await registry.call(method, input);
    if (r.ok) throw new Error(`${method} should have been refused`);
    const out = {} as Record<'fi' | 'sv' | 'en', string>;
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const i = i18next.createInstance();
      await i.init({ resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } }, lng: lang, fallbackLng: 'fi', interpolation: { escapeValue: false } });
      out[lang] = describeError(i.t.bind(i) as TFunction, r.error as AppError);
    }
    return out;
  }

  it('names the measurement, the year or the plan that is wrong', async () => {
    expect(await said('picture.put', { item: { ...indicator, measurements: [{ date: '2022-01-01', value: 1 }, { date: '2022-02-30', value: 'x' }] } })).toEqual({
      fi: 'Mitään ei tallennettu. Mittaus 2: Anna oikea päivämäärä (vuosi-kuukausi-päivä). Mittaus 2: Arvo ei ole luku.',
      sv: 'Ingenting sparades. Mätning 2: Ange ett riktigt datum (år-månad-dag). Mätning 2: Värdet är inte ett tal.',
      en: 'Nothing was saved. Measurement 2: Give a real date (year-month-day). Measurement 2: The value is not a number.',
    });
    expect((await said('picture.put', { item: { ...indicator, target: { date: '2023-01-01', value: 10 } } })).fi).toBe(
      'Mitään ei tallennettu. Tavoite on sama kuin lähtötaso: seurattavaa muutosta ei ole.',
    );
    expect((await said('picture.put', { item: { ...indicator, target: { date: '2020-01-01', value: 20 } } })).sv).toBe('Ingenting sparades. Måldatumet måste infalla efter utgångslägets datum.');
    expect((await said('picture.put', { item: { id: 'c', kind: 'cbaItem', name: { fi: 'K' }, type: 'cost', amounts: {} } })).en).toBe(
      'Nothing was saved. A cost–benefit item needs an amount for at least one year.',
    );
    expect((await said('picture.put', { item: { id: 'c', kind: 'cbaItem', name: { fi: 'K' }, type: 'cost', amounts: { 2021: 'x' } } })).fi).toBe('Mitään ei tallennettu. Vuosi 2021: Arvo ei ole luku.');
    expect((await said('picture.put', { item: { id: 'cba', kind: 'cbaSettings', discountRate: -1 } })).fi).toBe('Mitään ei tallennettu. Diskonttokoron pitää olla suurempi kuin −100 %.');
  });

  it('says the service’s own refusals (references, link direction) too, and leaves other errors as they were', async () => {
    expect((await said('picture.put', { item: { ...indicator, measures: 'goal-x' } })).fi).toBe('Mitään ei tallennettu. Kohdetta goal-x (measures) ei ole tässä työtilassa.');
    await ok('picture.put', { item: { id: 'a', kind: 'impactBox', stage: 'outputs', name: { fi: 'A' } } });
    await ok('picture.put', { item: { id: 'b', kind: 'impactBox', stage: 'needs', name: { fi: 'B' } } });
    expect((await said('picture.put', { item: { id: 'l', kind: 'impactLink', source: 'a', target: 'b' } })).en).toBe(
      'Nothing was saved. An impact-logic link must lead from an earlier stage to a later one.',
    );
    expect((await said('picture.review', { id: 'rev-none' })).en).toBe('Not found: No review rev-none.');
  });
});

describe('a saved review', () => {
  it('keeps its stored JSON byte for byte through later edits, deletes, undo and reopening', async () => {
    await ok('picture.put', { item: { id: 'g', kind: 'goal', name: { fi: 'Tavoite' } } });
    await ok('picture.put', { item: { ...indicator, measures: 'g' } });
    await ok('picture.put', { item: { id: 'cba', kind: 'cbaSettings', discountRate: 0.03, adoption: { 2022: 4 } } });
    await ok('picture.put', { item: { id: 'c', kind: 'cbaItem', name: { fi: 'Kulu' }, type: 'cost', amounts: { 2021: 100 } } });
    const review = await ok<ReviewInfo>('picture.saveReview', { label: 'Syksy' });
    const stored = () => ctx.requireWorkspace().db.prepare('SELECT id, label, created_at, summary, items FROM picture_reviews WHERE id = ?').get(review.id);
    const bytes = JSON.stringify(stored());

    await ok('picture.put', { item: { ...indicator, measures: 'g', measurements: [...indicator.measurements, { date: '2022-06-01', value: 18 }] } });
    await ok('picture.put', { item: { id: 'c', kind: 'cbaItem', name: { fi: 'Kulu' }, type: 'cost', amounts: { 2021: 250 } } });
    await ok('picture.delete', { id: 'g' });
    await ok('history.undo', {});
    await ok('picture.saveReview', { label: 'Kevät' });
    expect(JSON.stringify(stored())).toBe(bytes);

    // A refused edit does not touch it either, and neither does closing and reopening the file.
    await registry.call('picture.put', { item: { ...indicator, target: { date: '2023-01-01', value: 10 } } });
    await ok('workspace.close', {});
    await ok('workspace.open', { path: file });
    expect(JSON.stringify(stored())).toBe(bytes);
    expect(JSON.parse((stored() as { summary: string }).summary).cba.result.pvCosts).toBeCloseTo(100, 6);
  });
});
