import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { callApi, type RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;
// first run: the example workspace, which has organisations but no picture
appAndBrowserPerFile(async (a, b) => {
  app = a;
  browser = b;
  page = browser.page;
  await page.goto(`${app.url}#/picture`);
  await page.getByTestId('picture-dashboard-ready').waitFor();
});

const editor = () => page.locator('.picture-editor');
const save = async () => {
  await editor().locator('button[type=submit]').click();
  await editor().waitFor({ state: 'detached' });
};
/** Types once the field a click moves focus to has it: keys typed before would go to the button. */
const typeInto = async (field: RegExp, text: string) => {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(field);
  await page.keyboard.type(text);
};
const norm = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const text = async (selector: string) => norm(await page.locator(selector).first().textContent());
const indicator = () => page.locator('.indicator-row[data-indicator]', { hasText: 'Kattavuus' }).first();

describe('situational picture in the browser', () => {
  it('starts from first steps in a workspace with no picture, without accessibility violations', async () => {
    await page.getByRole('heading', { name: 'Kokoa tilannekuva' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('builds a goal and an indicator by keyboard and mouse; a target equal to the baseline is refused at the field', async () => {
    await page.getByRole('button', { name: 'Lisää tavoite' }).click();
    // The panel puts the cursor in the first field: the goal's Finnish name.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pe-name-fi');
    await page.keyboard.type('Sujuvampi asiointi');
    await page.keyboard.press('Enter');
    await editor().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Sujuvampi asiointi', level: 3 }).waitFor();

    await page.getByRole('button', { name: 'Uusi mittari tavoitteelle Sujuvampi asiointi' }).click();
    await typeInto(/^pe-name-fi$/, 'Kattavuus');
    await page.fill('#pe-unit', '%');
    await page.fill('#pe-baseline-value', '10');
    await page.fill('#pe-baseline-date', '2021-01-01');
    await page.fill('#pe-target-value', '10');
    await page.fill('#pe-target-date', '2023-01-01');
    await page.selectOption('#pe-owner', { index: 1 });
    await editor().getByRole('button', { name: '+ Lisää mittaus' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pe-measurements-0-value');
    await page.keyboard.type('12');
    await page.fill('#pe-measurements-0-date', '2021-06-01');
    await editor().getByRole('button', { name: '+ Lisää mittaus' }).click();
    await typeInto(/^pe-measurements-1-value$/, '14,5');
    await page.fill('#pe-measurements-1-date', '2022-01-01');
    await editor().locator('button[type=submit]').click();
    expect(await text('#pe-target-value-error')).toBe('Tavoite on sama kuin lähtötaso: seurattavaa muutosta ei ole.');
    expect(await page.locator('#pe-target-value').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('pe-target-value');
    expect(await seriousViolations(page)).toEqual([]);
    await page.fill('#pe-target-value', '20');
    await save();

    // 14.5 on 1.1.2022, halfway along the path 10 → 20: 15 expected, 0.5 behind, up to 1 allowed.
    const row = indicator();
    expect(norm(await row.locator('.status-badge').textContent())).toBe('Vaarassa');
    expect(norm(await row.locator('.rule').textContent())).toContain('odotettiin 1.1.2022 arvoa 15 %; viimeisin arvo jää siitä 0,5 %. Enintään 1 % jäljessä (10 % suunnitellusta muutoksesta) on vaarassa');
    expect(norm(await row.locator('.indicator-figures').textContent())).toContain('14,5 % (1.1.2022)');
  });

  it('adds budget lines and shows totals and shares', async () => {
    for (const [item, year, planned, actual] of [
      ['Ydintehtävät', '2020', '418 418', ''],
      ['AuroraAI-verkko', '2021', '6019264', '5800000'],
    ]) {
      await page.getByRole('button', { name: '+ Uusi budjettirivi' }).click();
      await typeInto(/^pe-item$/, item);
      await page.fill('#pe-category', item);
      await page.fill('#pe-year', year);
      await page.fill('#pe-planned', planned);
      await page.fill('#pe-actual', actual);
      await page.keyboard.press('Enter');
      await editor().waitFor({ state: 'detached' });
    }
    const budget = page.locator('section[aria-labelledby="dash-budget"]');
    await expect.poll(async () => norm(await budget.locator('.figures').textContent())).toContain('Suunniteltu yhteensä6 437 682 €');
    expect(norm(await budget.locator('.figures').textContent())).toContain('Toteutunut yhteensä5 800 000 €');
  });

  it('sets up a cost–benefit analysis and shows NPV, payback and critical mass with their rules', async () => {
    await page.getByRole('button', { name: 'Aloita analyysi' }).click();
    await page.fill('#pe-discountRate', '10');
    // The new row's field has the focus as the click that adds it ends, not a moment later (when typing may have begun elsewhere).
    const focused = await page.evaluate(async () => {
      [...document.querySelectorAll<HTMLButtonElement>('.picture-editor button')].find((b) => b.textContent === '+ Lisää vuosi')!.click();
      await Promise.resolve(); // React renders a click's update in a microtask; a timer would come after it
      return document.activeElement?.id;
    });
    expect(focused).toBe('pe-adoption-0-value');
    await page.fill('#pe-adoption-0-year', '2021');
    await page.fill('#pe-adoption-0-value', '2');
    await editor().getByRole('button', { name: '+ Lisää vuosi' }).click();
    await page.fill('#pe-adoption-1-year', '2022');
    await page.fill('#pe-adoption-1-value', '5');
    await save();

    await page.getByRole('button', { name: '+ Uusi kustannus tai hyöty' }).click();
    await typeInto(/^pe-name-fi$/, 'Rakentaminen');
    await page.fill('#pe-amounts-0-year', '2020');
    await page.fill('#pe-amounts-0-value', '100');
    await save();
    await page.getByRole('button', { name: '+ Uusi kustannus tai hyöty' }).click();
    await typeInto(/^pe-name-fi$/, 'Säästöt');
    await page.selectOption('#pe-type', 'benefit');
    await editor().getByLabel('Summa liittynyttä organisaatiota kohden vuodessa').check();
    await page.fill('#pe-amounts-0-year', '2021');
    await page.fill('#pe-amounts-0-value', '10');
    await editor().getByRole('button', { name: '+ Lisää vuosi' }).click();
    await page.fill('#pe-amounts-1-value', '10');
    await save();

    // NPV = −100 + 2·10/1.1 + 5·10/1.1² = −40.50; 9 organisations are the smallest number that pays off.
    const cba = page.locator('section[aria-labelledby="dash-cba"]');
    await expect.poll(async () => norm(await cba.locator('dl.figures').textContent())).toContain('Nettonykyarvo (NPV)−40 €');
    const figures = norm(await cba.locator('dl.figures').textContent());
    expect(figures).toContain('NPV = PV(hyödyt) − PV(kustannukset) = 60 € − 100 €');
    expect(figures).toContain('TakaisinmaksuvuosiEi vuoteen 2022 mennessä');
    expect(figures).toContain('Kriittinen massa9 organisaatiota');
    expect(norm(await cba.locator('.pv-rule').textContent())).toContain('r = 10 % ja ensimmäinen vuosi t₀ = 2020');
    // The tornado follows the ± the user sets.
    await page.fill('#tornado-x', '50');
    await cba.getByRole('heading', { name: 'NPV:n herkkyys (± 50 %)' }).waitFor();
  });

  it('types in a survey’s counts and shows N, the share of 4–5 and the mean without "cannot say"', async () => {
    await page.getByRole('button', { name: '+ Uusi kysely' }).click();
    await typeInto(/^pe-name-fi$/, 'Sidosryhmäkysely');
    await editor().getByRole('button', { name: '+ Lisää kysymys' }).click();
    await typeInto(/^pe-questions-0-text-fi$/, 'Tavoite on tärkeä');
    const counts: Record<string, string> = { 1: '1', 2: '2', 3: '3', 4: '10', 5: '20' };
    for (const [k, v] of Object.entries(counts)) await page.fill(`#pe-questions-0-counts-${k}`, v);
    await page.fill('#pe-questions-0-cannotSay', '4');
    await save();
    await expect.poll(() => text('.survey-figures li')).toBe('Tavoite on tärkeä N = 40, en osaa sanoa 4; 4–5: 83,3 %; keskiarvo 4,28');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('saves a review, edits, saves a second and reads what changed; an old review opens read-only', async () => {
    await page.focus('#review-label');
    await page.keyboard.type('Syksy');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Muuttunut katsauksen Syksy/ }).waitFor();
    await expect.poll(() => text('section[aria-labelledby="dash-changes"]')).toContain('Mikään ei ole muuttunut.');

    await indicator().getByRole('button', { name: 'Muokkaa: Kattavuus' }).click();
    await editor().getByRole('button', { name: '+ Lisää mittaus' }).click();
    await typeInto(/^pe-measurements-\d+-value$/, '19');
    await page.fill('#pe-measurements-2-date', '2022-06-01');
    await save();
    await expect.poll(async () => norm(await indicator().locator('.status-badge').textContent())).toBe('Tavoitteessa');
    const change = 'Kattavuus: viimeisin arvo 14,5 % → 19 % (+4,5 %); tila Vaarassa → Tavoitteessa';
    await expect.poll(() => text('section[aria-labelledby="dash-changes"]')).toContain(change);

    await page.fill('#review-label', 'Kevät');
    await page.getByRole('button', { name: 'Tallenna katsaus' }).click();
    await page.getByRole('heading', { name: /Muuttunut katsauksen Kevät/ }).waitFor();
    await page.getByRole('button', { name: 'Vertaa', exact: true }).click();
    await page.getByRole('heading', { name: 'Katsauksesta Syksy katsaukseen Kevät' }).waitFor();
    expect(norm(await page.locator('.comparison-box').textContent())).toContain(change);

    await page.locator('.review-list summary').click();
    await page.getByRole('button', { name: 'Avaa katsaus Syksy' }).click();
    await page.locator('.review-banner').waitFor();
    expect(norm(await indicator().locator('.status-badge').textContent())).toBe('Vaarassa');
    expect(await page.locator('.picture-dashboard').getByRole('button', { name: /^Muokkaa/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Takaisin nykyiseen tilannekuvaan' }).click();
    await expect.poll(async () => norm(await indicator().locator('.status-badge').textContent())).toBe('Tavoitteessa');
  });

  it('exports a chart’s numbers as CSV, and undo takes back the last steps one at a time', async () => {
    const figure = page.locator('figure', { has: page.getByRole('heading', { name: 'Budjetti luokittain' }) });
    await figure.locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Vie Budjetti luokittain CSV-tiedostoksi' }).click()]);
    expect(download.suggestedFilename()).toBe('budjetti-luokittain.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toBe(
      '\uFEFFLuokka;Suunniteltu (EUR);Osuus suunnitellusta (%);Toteutunut (EUR);Rivejä ilman toteumaa\r\nAuroraAI-verkko;6019264;93.5;5800000;0\r\nYdintehtävät;418418;6.5;0;1\r\n',
    );
    // Saving the second review was the last step: undo takes it back first, then the edit before it.
    const reviews = async () => (await callApi<unknown[]>(app, 'picture.reviews')).length;
    const before = await reviews();
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await expect.poll(reviews).toBe(before - 1);
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await expect.poll(async () => norm(await indicator().locator('.status-badge').textContent())).toBe('Vaarassa');
  });
});
