import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Entity } from '../shared/model';
import { validEntity, Workspace } from '../electron/backend/store/workspace';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

const COUNT = 3000;
const WORDS = ['Asumistuki', 'Bussikortti', 'Kotihoito', 'Perhetyö', 'Zumba', 'Åbolands tolkkipalvelu', 'Äitiysneuvola', 'Öljylämmityksen neuvonta'];

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let file: string;

beforeAll(async () => {
  app = await startApp({ openFirstRun: false });
  // Written straight to the file: creating 3,000 services through the API would take minutes.
  file = path.join(app.dataDir, 'workspaces', 'tables.kohtaanto');
  const ws = Workspace.open(file, { create: true });
  ws.edit(
    'seed',
    (tx) => {
      for (let i = 0; i < COUNT; i++) {
        const word = WORDS[i % WORDS.length];
        tx.putEntity(validEntity({ id: `srv-${i}`, kind: 'service', name: { fi: `${word} ${String(i).padStart(4, '0')}`, sv: `Tjänst ${i}` }, areaType: i % 2 ? 'nationwide' : 'limited' }));
      }
    },
    { undoable: false },
  );
  ws.close();
  await callApi(app, 'workspace.open', { path: file });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

const rowNames = () => page.locator('.data-table.virtual .row-link').allTextContents();
const shown = () => page.locator('.filter-row .muted').textContent();

describe(`a table of ${COUNT.toLocaleString('en')} services`, () => {
  it('draws only the rows in view, in Finnish alphabetical order, and scrolls to the end', async () => {
    await page.goto(app.url);
    await page.goto(`${app.url.split('#')[0]}#/service`);
    await page.locator('.row-link').first().waitFor();
    await expect.poll(shown).toBe(`${COUNT} näkyvissä`);
    const first = await rowNames();
    expect(first[0]).toBe('Asumistuki 0000');
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(120);
    expect(await page.locator('.data-table.virtual').getAttribute('aria-rowcount')).toBe(String(COUNT + 1));

    await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => (await rowNames()).at(-1)).toBe('Öljylämmityksen neuvonta 2999');
    // Å, Ä, Ö come after Z, in that order.
    const tail = await rowNames();
    expect(tail.filter((n) => n.startsWith('Ö')).length).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('searches in the backend, by any language, with ä and ö case-blind', async () => {
    await page.fill('#entity-search', 'ÄITIYSNEUVOLA 29');
    await expect.poll(rowNames).toEqual(['Äitiysneuvola 2902', 'Äitiysneuvola 2910', 'Äitiysneuvola 2918', 'Äitiysneuvola 2926', 'Äitiysneuvola 2934', 'Äitiysneuvola 2942', 'Äitiysneuvola 2950', 'Äitiysneuvola 2958', 'Äitiysneuvola 2966', 'Äitiysneuvola 2974', 'Äitiysneuvola 2982', 'Äitiysneuvola 2990', 'Äitiysneuvola 2998']);
    expect(await shown()).toBe('13 näkyvissä');
    await page.fill('#entity-search', 'tjänst 1237');
    await expect.poll(rowNames).toEqual(['Åbolands tolkkipalvelu 1237']);
    await page.fill('#entity-search', 'ei tällaista');
    await page.getByText('Haulla ei löytynyt mitään.').waitFor();
    await page.fill('#entity-search', '');
    await expect.poll(shown).toBe(`${COUNT} näkyvissä`);
  });

  it('sorts by a column header, both ways', async () => {
    await page.getByRole('button', { name: /^Nimi/ }).click();
    await expect.poll(async () => (await rowNames())[0]).toBe('Öljylämmityksen neuvonta 2999');
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Nimi/);
    await page.getByRole('button', { name: /^Alue/ }).click();
    await expect.poll(async () => (await rowNames())[0]).toBe('Asumistuki 0000');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toMatch(/^Alue/);
    await page.getByRole('button', { name: /^Alue/ }).click();
    await expect.poll(async () => (await rowNames())[0]).toBe('Bussikortti 0001');
    await page.getByRole('button', { name: /^Nimi/ }).click();
    await expect.poll(async () => (await rowNames())[0]).toBe('Asumistuki 0000');
  });

  it('moves between rows with the keyboard, opens one, and shows an edit from another client', async () => {
    await page.locator('.row-link').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Asumistuki 0016');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Öljylämmityksen neuvonta 2999');
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Asumistuki 0000');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel-heading').textContent()).toBe('Asumistuki 0008');
    expect(await page.locator('tr.selected .row-link').textContent()).toBe('Asumistuki 0008');
    expect(await seriousViolations(page)).toEqual([]);

    const { entity } = await callApi<{ entity: Entity }>(app, 'entities.get', { id: 'srv-16' });
    await callApi(app, 'entities.update', { entity: { ...entity, name: { ...entity.name, fi: 'Asumistuki 0016 (muutettu)' } } });
    await page.locator('.row-link', { hasText: 'Asumistuki 0016 (muutettu)' }).waitFor();
  });

  it('scrolls to an entity opened by its address, far down the table', async () => {
    await page.goto(`${app.url.split('#')[0]}#/service/srv-2997`);
    await page.locator('tr.selected .row-link', { hasText: 'Åbolands tolkkipalvelu 2997' }).waitFor();
    expect(await page.locator('.table-scroll').evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  });
});
