import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Indicator } from '../shared/picture';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let files: string;

const indicator = {
  id: 'ind-youth',
  kind: 'indicator',
  name: { fi: 'Nuorten palvelukattavuus', sv: 'Ungas servicetäckning' },
  unit: '%',
  direction: 'higher',
  baseline: { date: '2024-01-01', value: 40 },
  target: { date: '2025-12-31', value: 60 },
  measurements: [],
};

beforeAll(async () => {
  app = await startApp(); // first run: the example workspace
  await callApi(app, 'picture.put', { item: indicator });
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-pic-e2e-'));
  fs.writeFileSync(path.join(files, 'mittaukset.csv'), 'Mittari;Päivämäärä;Arvo\nNuorten palvelukattavuus;31.3.2024;42,5\nNuorten palvelukattavuus;30.6.2024;47\n');
  fs.writeFileSync(path.join(files, 'mätningar.csv'), 'Indikator;Datum;Värde\nUngas servicetäckning;30.9.2024;51\nUngas servicetäckning;31.12.2024;mycket\n');
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${app.url}#/service`);
  await page.locator('.ws-title').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
  fs.rmSync(files, { recursive: true, force: true });
});

const measurements = async () => ((await callApi<Indicator[]>(app, 'picture.list', { kind: 'indicator' })).find((i) => i.id === 'ind-youth')!).measurements;

describe('situational-picture import in the browser', () => {
  it('imports indicator measurements from a CSV through the dialog: mapping, preview, import, stored', async () => {
    await page.getByRole('button', { name: /Työtila/ }).click();
    await page.getByRole('menuitem', { name: /^Tuonti/ }).click();
    await page.selectOption('#import-kind', 'measurements');
    await page.setInputFiles('#import-files', path.join(files, 'mittaukset.csv'));
    await page.getByRole('button', { name: 'Tarkista sarakkeet' }).click();
    await page.getByRole('heading', { name: 'Esikatselu' }).waitFor();
    expect(await page.locator('#pmap-0').inputValue()).toBe('indicator');
    expect(await page.locator('#pmap-1').inputValue()).toBe('date');
    expect(await page.locator('#pmap-2').inputValue()).toBe('value');
    expect(await page.locator('.picture-preview tbody tr').count()).toBe(2);
    await page.getByText('Ongelmia ei löytynyt.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await measurements()).toEqual([]); // the preview wrote nothing

    await page.locator('.modal').getByRole('button', { name: 'Tuo', exact: true }).click();
    await page.getByText('Tuonti valmis.').waitFor({ timeout: 30_000 });
    await page.getByText('Lisätyt tai muuttuneet mittaukset: 2').waitFor();
    expect(await page.locator('.modal tr', { hasText: 'Mittarit' }).locator('td').nth(2).textContent()).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await measurements()).toEqual([
      { date: '2024-03-31', value: 42.5 },
      { date: '2024-06-30', value: 47 },
    ]);
    await page.locator('.modal').getByRole('button', { name: 'Sulje' }).click();
  });

  it('shows a Swedish user the bad row in Swedish, naming row and column, and imports nothing with "stop"', async () => {
    await page.locator('select[aria-label="Kieli"]').selectOption('sv');
    await page.getByRole('button', { name: /Arbetsyta/ }).click();
    await page.getByRole('menuitem', { name: /^Import/ }).click();
    await page.selectOption('#import-kind', 'measurements');
    await page.selectOption('#import-onerror', 'stop');
    await page.setInputFiles('#import-files', path.join(files, 'mätningar.csv'));
    await page.getByRole('button', { name: 'Kontrollera kolumnerna' }).click();
    await page.getByRole('heading', { name: 'Förhandsvisning' }).waitFor();
    const bad = page.locator('.picture-preview tr.row-problem');
    expect(await bad.count()).toBe(1);
    expect(await bad.locator('td').first().textContent()).toBe('3');
    expect(await bad.locator('td').last().textContent()).toBe('Värde: ”mycket” är inte ett tal');
    expect(await page.locator('.picture-problems li').first().textContent()).toBe('rad 3, kolumn ”Värde” (mätningar.csv): ”mycket” är inte ett tal');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.modal').getByRole('button', { name: 'Importera', exact: true }).click();
    const alert = page.locator('.modal [role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('mätningar.csv: rad 3, kolumn ”Värde”: ”mycket” är inte ett tal');
    expect(await measurements()).toHaveLength(2); // nothing of the refused file went in
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.modal').getByRole('button', { name: 'Stäng' }).click();
  });
});
