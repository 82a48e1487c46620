/**
 * Picture edits in the undo history: each put, delete and saved review is one step whose label
 * carries its structure (shared/api/history.ts), so the client says it in the user's language.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../shared/api/contract';
import { decodeLabel } from '../../../shared/api/history';
import type { ReviewInfo } from '../../../shared/api/picture';
import type { Language } from '../../../shared/model';
import { historyText } from '../../../renderer/src/app/historyText';
import { en } from '../../../renderer/src/i18n/en';
import { fi } from '../../../renderer/src/i18n/fi';
import { sv } from '../../../renderer/src/i18n/sv';
import { createBackend } from '..';
import type { AppContext } from '../context';
import type { Registry } from '../registry';
import { callOk, fixedNow, tempDir } from '../test/tmp';

let dir: string;
let ctx: AppContext;
let registry: Registry;
const t: Partial<Record<Language, TFunction>> = {};

beforeAll(async () => {
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const i = i18next.createInstance();
    await i.init({ resources: { fi: { translation: fi }, sv: { translation: sv }, en: { translation: en } }, lng: lang, fallbackLng: 'fi', interpolation: { escapeValue: false } });
    t[lang] = i.t.bind(i) as TFunction;
  }
});
beforeEach(async () => {
  dir = tempDir();
  ({ ctx, registry } = createBackend({ dataDir: dir, mode: 'desktop', now: fixedNow }));
  await ok('workspace.create', { path: path.join(dir, 'h.kohtaanto'), name: 'H' });
});
afterEach(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ok = <T = unknown>(method: string, input: unknown = {}) => callOk<T>(registry, method, input);

/** "Undo: …" for the last step, in each language, as the app's history menu says it. */
async function undoText(): Promise<Record<Language, string>> {
  const state = await ok<HistoryState>('history.state', {});
  const out = {} as Record<Language, string>;
  for (const lang of ['fi', 'sv', 'en'] as const) out[lang] = t[lang]!('history.undoWhat', { what: historyText(t[lang]!, lang, state.undo, state.undoLabel) });
  return out;
}

const name = (fi: string, sv: string, en: string) => ({ fi, sv, en });

describe('picture edits in the undo history', () => {
  it('labels a put, an edit and a delete of an indicator in fi, sv and en', async () => {
    const indicator = { id: 'ind-1', kind: 'indicator', name: name('Kattavuus', 'Täckning', 'Coverage'), direction: 'higher' };
    await ok('picture.put', { item: indicator });
    expect(await undoText()).toEqual({ fi: 'Kumoa: uusi mittari ”Kattavuus”', sv: 'Ångra: skapande av indikator ”Täckning”', en: 'Undo: new indicator “Coverage”' });
    await ok('picture.put', { item: { ...indicator, unit: '%' } });
    expect(await undoText()).toEqual({ fi: 'Kumoa: muokkaus (mittari ”Kattavuus”)', sv: 'Ångra: ändring av indikator ”Täckning”', en: 'Undo: edit of indicator “Coverage”' });
    await ok('picture.delete', { id: 'ind-1' });
    expect(await undoText()).toEqual({ fi: 'Kumoa: poisto (mittari ”Kattavuus”)', sv: 'Ångra: borttagning av indikator ”Täckning”', en: 'Undo: deletion of indicator “Coverage”' });
    // The English sentence stays readable for the CLI and older clients.
    expect((await ok<HistoryState>('history.state', {})).undoLabel).toBe('Delete indicator "Coverage"');
    expect(decodeLabel(ctx.requireWorkspace().historyState().undoLabel!).label).toEqual({ key: 'pictureDelete', params: { pictureKind: 'indicator', name: name('Kattavuus', 'Täckning', 'Coverage') } });
    // Undo says what it undid.
    const undone = await ok<HistoryState>('history.undo', {});
    expect(historyText(t.fi!, 'fi', undone.done, undone.doneLabel)).toBe('poisto (mittari ”Kattavuus”)');
  });

  it('names every item kind, links by their two boxes, and the CBA settings', async () => {
    const cases: Array<[unknown, string]> = [
      [{ id: 'g', kind: 'goal', name: name('Sujuvuus', 'Smidighet', 'Smoothness') }, 'Undo: new goal “Smoothness”'],
      [{ id: 'b1', kind: 'impactBox', stage: 'needs', name: name('Tarve', 'Behov', 'Need') }, 'Undo: new impact-logic box “Need”'],
      [{ id: 'b2', kind: 'impactBox', stage: 'outputs', name: name('Tuotos', 'Prestation', 'Output') }, 'Undo: new impact-logic box “Output”'],
      [{ id: 'l', kind: 'impactLink', source: 'b1', target: 'b2' }, 'Undo: new impact-logic link “Need → Output”'],
      [{ id: 'bl', kind: 'budgetLine', item: 'Verkko', category: 'Verkko', year: 2021, planned: 10 }, 'Undo: new budget line “Verkko”'],
      [{ id: 'c', kind: 'cbaItem', name: name('Säästö', 'Besparing', 'Saving'), type: 'benefit', amounts: { 2021: 1 } }, 'Undo: new cost–benefit item “Saving”'],
      [{ id: 'cba', kind: 'cbaSettings', discountRate: 0.03 }, 'Undo: change of the cost–benefit settings'],
      [{ id: 's', kind: 'survey', name: name('Kysely', 'Enkät', 'Survey'), questions: [] }, 'Undo: new survey “Survey”'],
    ];
    for (const [item, expected] of cases) {
      await ok('picture.put', { item });
      expect((await undoText()).en).toBe(expected);
    }
    await ok('picture.put', { item: cases[3][0] });
    expect((await undoText()).fi).toBe('Kumoa: muokkaus (vaikutuslogiikan yhteys ”Tarve → Tuotos”)');
    await ok('picture.delete', { id: 'b1' });
    expect((await undoText()).sv).toBe('Ångra: borttagning av ruta i effektlogiken ”Behov”');
  });

  it('makes saving a review one step: undo removes it, redo brings back the same bytes', async () => {
    await ok('picture.put', { item: { id: 'g', kind: 'goal', name: name('Sujuvuus', 'Smidighet', 'Smoothness') } });
    const review = await ok<ReviewInfo>('picture.saveReview', { label: 'Kevät 2026' });
    const frozen = JSON.stringify(await ok('picture.review', { id: review.id }));
    expect(await undoText()).toEqual({ fi: 'Kumoa: tilannekatsauksen ”Kevät 2026” tallennus', sv: 'Ångra: sparande av lägesöversikten ”Kevät 2026”', en: 'Undo: saving review “Kevät 2026”' });
    await ok('history.undo', {});
    expect(await ok<ReviewInfo[]>('picture.reviews', {})).toEqual([]);
    await ok('history.redo', {});
    expect(JSON.stringify(await ok('picture.review', { id: review.id }))).toBe(frozen);
  });
});
