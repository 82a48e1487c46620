import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPORT_FIXTURE_ITEMS } from '../shared/picture/report/fixture.testkit';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

beforeAll(async () => {
  app = await startApp(); // first run: the example workspace is open
  for (const item of REPORT_FIXTURE_ITEMS) await callApi(app, 'picture.put', { item });
  await callApi(app, 'picture.saveReview', { label: 'Kevään katselmointi' });
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${app.url}#/picture`);
  await page.locator('[data-testid="picture-dashboard-ready"]').waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

/** Clicks the export button and returns the downloaded report's name and visible text. */
async function download(): Promise<{ name: string; html: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-html').click()]);
  const html = fs.readFileSync((await dl.path())!, 'utf8');
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
  return { name: dl.suggestedFilename(), html, text };
}

describe('the situational-picture report in the browser', () => {
  it('downloads the HTML report in the chosen language, then the saved review', async () => {
    const group = page.getByRole('group', { name: 'Raportti' });
    await group.getByText('PDF:n saat avaamalla HTML-tiedoston selaimessa ja tulostamalla sen.').waitFor();
    expect(await page.getByTestId('report-pdf').count()).toBe(0); // PDF is the desktop window's; a browser prints the HTML
    expect(await seriousViolations(page)).toEqual([]);

    // The report's language follows the UI's until one is picked for it.
    expect(await group.getByLabel('Raportin kieli').inputValue()).toBe('fi');
    await page.locator('.lang-switch select').selectOption('sv');
    expect(await page.getByRole('group', { name: 'Rapport' }).getByLabel('Rapportens språk').inputValue()).toBe('sv');
    await page.locator('.lang-switch select').selectOption('fi');

    await group.getByLabel('Raportin kieli').selectOption('sv');
    const sv = await download();
    expect(sv.name).toMatch(/^lagesbild-\d{4}-\d{2}-\d{2}\.html$/);
    expect(sv.html).toContain('<html lang="sv">');
    for (const s of ['Mål och indikatorer', 'Smidigare ärenden', 'I riskzonen', 'Kostnads–nyttoanalys', '3 organisationer', 'Programmet är nyttigt', 'N = 20', 'Den aktuella lägesbilden']) expect(sv.text, s).toContain(s);
    expect(sv.text).toContain('<script>alert("x")</script> & Co');
    expect(sv.html).not.toMatch(/<script|https?:/i);
    await page.getByTestId('report-status').getByText(`Raportti ladattu: ${sv.name}`).waitFor();

    await group.getByLabel('Raportin kieli').selectOption('fi');
    await group.getByLabel('Sisältö').selectOption({ label: 'Katselmointi: Kevään katselmointi' });
    const fi = await download();
    expect(fi.name).toMatch(/^tilannekuva-/);
    expect(fi.text).toContain('Katselmointi ”Kevään katselmointi”');
    expect(fi.text).toContain('Tavoitteet ja mittarit');
  }, 120_000);
});
