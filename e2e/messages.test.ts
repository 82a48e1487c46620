import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;
appAndBrowserPerFile(async (a, b) => {
  app = a;
  browser = b;
  page = browser.page;
  // A Swedish-speaking user: the UI language chosen earlier on this machine.
  await browser.context.addInitScript(() => localStorage.setItem('kohtaanto.language', 'sv'));
  await page.goto(`${app.url}#/service`);
  await page.locator('.ws-title').waitFor();
});

/** Drops a file on the window, which opens the import dialog with it. */
async function drop(name: string, text: string): Promise<void> {
  const dt = await page.evaluateHandle(
    ([n, t]) => {
      const d = new DataTransfer();
      d.items.add(new File([t], n));
      return d;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await page.locator('.modal').getByText(name).first().waitFor();
}

describe('backend messages in the user language', () => {
  it('a Swedish user reads an import warning and skipped rows in Swedish', async () => {
    await drop('rader.csv', 'id;kind;name.fi;capacity;lempiväri\nsrv-e2e-1;service;Uusi;kymmenen;sininen\n;service;Ei tunnistetta;;\n');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByText('Importen är klar.').waitFor({ timeout: 60_000 });
    const modal = page.locator('.modal');
    const skipped = await modal.locator('.skipped-list').first().innerText();
    expect(skipped).toContain('kolumn capacity: ”kymmenen” är inte ett tal');
    expect(skipped).toContain('id saknas');
    expect(skipped).not.toContain('is not a number');
    // Where each row is, in Swedish too.
    expect(skipped).toContain('rad 2, id srv-e2e-1 (rader.csv): kolumn capacity');
    expect(skipped).toContain('rad 3 (rader.csv): id saknas');
    expect(skipped).not.toMatch(/\brow\b/);
    const warnings = await modal.locator('.skipped-list').nth(1).innerText();
    expect(warnings).toContain('kolumnen är inget fält i något objekt; hoppades över (1×) rader.csv "lempiväri"');
    expect(warnings).not.toContain('ignored');
    await modal.getByRole('button', { name: 'Stäng' }).click();
  });

  it('a Swedish user reads which part of a PTV record was left out in Swedish', async () => {
    const id = 'e2e00000-0000-4000-8000-000000000001';
    const record = { id, serviceNames: [{ language: 'fi', value: 'Kotiapu', type: 'Name' }], organizations: [{ roleType: 'Producer', additionalInformation: [{ language: 'fi', value: 'Yritys Oy' }] }] };
    await drop('ptv.json', JSON.stringify([record]));
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByText('Importen är klar.').waitFor({ timeout: 60_000 });
    const modal = page.locator('.modal');
    const skipped = await modal.locator('.skipped-list').first().innerText();
    expect(skipped).toContain(`tjänst ${id}, Kotiapu, organisationsreferens 1 (ptv.json)`);
    expect(skipped).not.toMatch(/\b(service|organisation reference)\b/);
    await modal.getByRole('button', { name: 'Stäng' }).click();
  });

  it('a Swedish user reads the error that stops an import in Swedish', async () => {
    await drop('trasig.json', '{"itemList": [{"id": "trunc');
    await page.selectOption('#import-onerror', 'stop');
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    const alert = page.locator('.modal [role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Uppgifterna är inte giltiga: trasig.json: inte giltig JSON (fel vid position 27)');
    await page.locator('.modal').getByRole('button', { name: 'Stäng' }).click();
  });

  it('an error on screen is said again in the language the user switches to', async () => {
    await page.goto(`${app.url}#/start`);
    await page.fill('#open-path', '/ingen/mapp/arbetsyta.kohtaanto');
    await page.locator('#open-path').press('Enter');
    const notice = page.locator('.notice-error');
    await notice.waitFor();
    const sv = await notice.innerText();
    expect(sv).toContain('/ingen/mapp/arbetsyta.kohtaanto');
    await page.locator('.lang-switch select').selectOption('fi');
    await expect.poll(() => notice.innerText()).not.toBe(sv);
    const fi = await notice.innerText();
    expect(fi).toContain('/ingen/mapp/arbetsyta.kohtaanto');
    await page.locator('.lang-switch select').selectOption('sv');
    await expect.poll(() => notice.innerText()).toBe(sv);
  });
});
