import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { seriousViolations } from './axe';
import type { RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

const SHARED_DATA = path.resolve(__dirname, '../../shared/data');
let app: RunningApp;
let browser: Browser;
let page: Page;
// first run: the example workspace
appAndBrowserPerFile(async (a, b) => {
  app = a;
  browser = b;
  page = browser.page;
  await page.goto(`${app.url}#/service`);
  await page.locator('.ws-title').waitFor();
});

const serviceCount = async () => Number((await page.locator('nav a[href="#/service"] .count').textContent())?.replace(/\s/g, ''));

describe('import and export in the browser', () => {
  it.skipIf(!fs.existsSync(SHARED_DATA))('imports real PTV files through the dialog, shows the summary, and undoes it as one step (reads ../shared/data)', async () => {
    const before = await serviceCount();
    await page.getByRole('button', { name: /Työtila/ }).click();
    await page.getByRole('menuitem', { name: /^Tuonti/ }).click();
    const dir = path.join(SHARED_DATA, 'ptv/legacy/services');
    const files = fs.readdirSync(dir).slice(0, 12).map((f) => path.join(dir, f));
    await page.setInputFiles('#import-files', files);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await page.getByText('Tuonti valmis.').waitFor({ timeout: 60_000 });
    const createdCell = page.locator('.modal tr', { hasText: 'Palvelut' }).locator('td').nth(1);
    expect(Number(await createdCell.textContent())).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.modal').getByRole('button', { name: 'Sulje' }).click();
    await expect.poll(serviceCount).toBe(before + 12);
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await expect.poll(serviceCount).toBe(before);
  });

  it('opens the import dialog for files dropped on the window, and reports a broken file without writing', async () => {
    const before = await serviceCount();
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File(['{"itemList": [{"id": "trunc'], 'rikki.json', { type: 'application/json' }));
      return d;
    });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await page.locator('.modal').getByText('rikki.json').waitFor();
    await page.selectOption('#import-onerror', 'stop');
    await page.getByRole('button', { name: 'Tuo', exact: true }).click();
    await page.locator('.modal [role=alert]').waitFor();
    expect(await page.locator('.modal [role=alert]').textContent()).toMatch(/rikki\.json/);
    await page.locator('.modal').getByRole('button', { name: 'Sulje' }).click();
    expect(await serviceCount()).toBe(before);
  });

  it('opens the dialog again for a file dropped the moment the last one was closed', async () => {
    await page.getByRole('button', { name: /Työtila/ }).click();
    await page.getByRole('menuitem', { name: /^Tuonti/ }).click();
    await page.locator('#import-files').waitFor();
    // Closed and dropped on in one task: the dialog's close event (a task later) comes after the new opening.
    await page.evaluate(async () => {
      [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((b) => b.textContent === 'Peruuta' || b.textContent === 'Sulje')!.click();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const d = new DataTransfer();
      d.items.add(new File(['id;kind;name.fi'], 'myöhään.csv'));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: d, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: d, bubbles: true, cancelable: true }));
    });
    await page.waitForTimeout(300);
    await page.locator('dialog[open]').getByText('myöhään.csv').waitFor({ timeout: 5000 });
    await page.locator('dialog[open]').getByRole('button', { name: 'Peruuta' }).click();
  });

  it('exports the workspace as JSON that holds its services', async () => {
    await page.getByRole('button', { name: /Työtila/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /JSON \(koko työtila\)/ }).click()]);
    const file = await download.path();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.format).toBe('kohtaanto-workspace');
    expect(doc.entities.filter((e: { kind: string }) => e.kind === 'service').length).toBe(await serviceCount());
  });

  it('exports XLSX named after the workspace, with Finnish sheet names, and a matching run from the matching screen', async () => {
    await page.goto(`${app.url}#/service`);
    await page.getByRole('button', { name: /Työtila/ }).click();
    const [book] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel \(XLSX\)/ }).click()]);
    expect(book.suggestedFilename()).toMatch(/^nuoret-kiinni-yhteiskunnassa-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await book.path()) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Palvelut');
    expect(wb.getWorksheet('Palvelut')!.getRow(2).getCell(3).value).toBe('name.fi');

    await page.goto(`${app.url}#/matching`);
    await page.getByRole('button', { name: 'Suorita analyysi' }).click();
    const button = page.getByRole('button', { name: 'Vie Exceliin' });
    await button.waitFor({ timeout: 30_000 });
    const [run] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(run.suggestedFilename()).toMatch(/^nuoret-kiinni-yhteiskunnassa-kohtaantoanalyysi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(fs.readFileSync(await run.path()) as unknown as ExcelJS.Buffer);
    expect(rb.worksheets.map((w) => w.name)).toEqual(['Yhteenveto', 'Profiilit', 'Kattavuus', 'Aukot', 'Päällekkäisyydet', 'Asiointiluukut']);
    expect(rb.getWorksheet('Profiilit')!.rowCount).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.url}#/service`);
  });

  it('picks service classes and municipalities from the code lists by name', async () => {
    await page.getByRole('button', { name: '+ Uusi palvelu' }).click();
    await page.fill('#field-name-fi', 'Nuorten talousneuvonta');
    await page.fill('#field-serviceClasses', 'velka');
    // Keyboard: the first match is "Henkilön talous- ja velkaneuvonta"; Enter picks it.
    await page.locator('.picker-options [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.fill('#field-areas', 'Oulu');
    await page.locator('.picker-options [role=option]', { hasText: /^564 Oulu$/ }).click();
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await expect.poll(() => page.locator('#panel-heading').textContent()).toBe('Nuorten talousneuvonta');
    const chips = await page.locator('.chip').allTextContents();
    expect(chips.some((c) => c.includes('564') && c.includes('Oulu'))).toBe(true);
    expect(chips.some((c) => /P\d+(\.\d+)* Henkilön talous- ja velkaneuvonta/.test(c))).toBe(true);
    expect(chips.length).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
