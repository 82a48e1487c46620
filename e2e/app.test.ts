import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import type { RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;
// undoes the link
appAndBrowserPerFile((a, b) => {
  app = a;
  browser = b;
  page = browser.page;
}, { app: { openFirstRun: false } });

async function createEntity(kind: 'organisation' | 'service', newLabel: string, name: string) {
  await page.click(`nav a[href="#/${kind}"]`);
  await page.getByRole('button', { name: newLabel }).click();
  await page.fill('#field-name-fi', name);
  await page.getByRole('button', { name: 'Luo', exact: true }).click();
  await expect.poll(() => page.locator('#panel-heading').textContent()).toBe(name);
}

describe('browser mode in Chromium', () => {
  it('starts on the start screen with no accessibility violations', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Tervetuloa Kohtaantoon' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates a workspace, adds an organisation and a service, links them, and keeps them after reload', async () => {
    await page.fill('#new-name', 'E2E-työpaja');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await page.locator('.ws-title', { hasText: 'E2E-työpaja' }).waitFor();

    await createEntity('organisation', '+ Uusi organisaatio', 'Kansaneläkelaitos');
    await createEntity('service', '+ Uusi palvelu', 'Opintotuki');

    // Link from the service's end: "provided by" this organisation.
    await page.fill('#add-provides-in', 'kansanel');
    await page.getByRole('option', { name: /Kansaneläkelaitos/ }).click();
    await page.getByRole('button', { name: 'Linkitä 1' }).click();
    await page.locator('.link-row a', { hasText: 'Kansaneläkelaitos' }).waitFor();

    await page.reload();
    await page.click('nav a[href="#/organisation"]');
    await page.getByRole('button', { name: 'Kansaneläkelaitos' }).click();
    // The same link, seen from the organisation's end.
    await page.locator('.link-row a', { hasText: 'Opintotuki' }).waitFor();
    expect(await page.locator('nav a[href="#/service"] .count').textContent()).toBe('1');
  });

  it('undoes and redoes with the keyboard and the toolbar', async () => {
    await page.locator('body').click({ position: { x: 5, y: 600 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.link-row a', { hasText: 'Opintotuki' }).count()).toBe(0);
    await page.keyboard.press('Control+z'); // undoes the service
    await expect.poll(() => page.locator('nav a[href="#/service"] .count').textContent()).toBe('0');
    await page.getByRole('button', { name: /Tee uudelleen/ }).click();
    await expect.poll(() => page.locator('nav a[href="#/service"] .count').textContent()).toBe('1');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('.link-row a', { hasText: 'Opintotuki' }).count()).toBe(1);
  });

  it('shows a clear message for invalid input and keeps the form', async () => {
    await page.click('nav a[href="#/persona"]');
    await page.getByRole('button', { name: '+ Uusi asiakasprofiili' }).click();
    await page.fill('#field-ageMin', '30');
    await page.fill('#field-ageMax', '20');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await page.getByText('Anna nimi vähintään yhdellä kielellä.').waitFor();
    await page.getByText('Yläikäraja ei voi olla alaikärajaa pienempi.').waitFor();
    expect(await page.locator('nav a[href="#/persona"] .count').textContent()).toBe('0');
    // Typed but not valid: leaving is refused, so the only way out is to discard on purpose.
    await page.getByRole('button', { name: 'Hylkää muutokset' }).click();
  });

  it('switches to Swedish and English', async () => {
    await page.selectOption('.lang-switch select', 'sv');
    await page.getByRole('link', { name: /Organisationer/ }).waitFor();
    await page.getByRole('link', { name: /Tjänster/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.reload();
    await page.getByRole('link', { name: /Översikt/ }).waitFor();
    await page.selectOption('.lang-switch select', 'en');
    await page.getByRole('link', { name: /Service needs/ }).waitFor();
    await page.selectOption('.lang-switch select', 'fi');
  });

  it('has no serious or critical accessibility violations on any view', async () => {
    const views = ['#/overview', '#/organisation', '#/service', '#/channel', '#/lifeEvent', '#/need', '#/persona'];
    for (const hash of views) {
      await page.goto(`${app.url}${hash}`);
      await page.locator('main h1').first().waitFor();
      expect({ view: hash, violations: await seriousViolations(page) }).toEqual({ view: hash, violations: [] });
    }
    // With an editor panel open too.
    await page.click('nav a[href="#/service"]');
    await page.getByRole('button', { name: 'Opintotuki' }).click();
    await page.locator('#panel-heading').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
