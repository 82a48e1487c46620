// The matching screen on a small hand-made workspace (not the built-in example, whose figures
// change as its data does): providers, under-use, equity group sizes, run comparison and the
// Swedish wording, in Chromium, axe clean.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildTruthWorkspace } from '../electron/backend/domains/matching.testkit';
import { seriousViolations } from './axe';
import { launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let linkToCut: string;

async function api<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: app.headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

beforeAll(async () => {
  app = await startApp({ openFirstRun: false });
  await api('workspace.create', { name: 'Kohtaantotesti' });
  ({ linkToCut } = await buildTruthWorkspace(api));
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

const runs = () => api<unknown[]>('matching.runs');
async function runAnalysis(count: number) {
  await page.locator('.matching-form button[type=submit]').click();
  await expect.poll(async () => (await runs()).length).toBe(count);
  await expect.poll(() => page.locator('#history-heading').textContent()).toMatch(new RegExp(`\\(${count}\\)$`));
}
const headers = (table: string) => page.locator(`${table} thead th`).allTextContents();
const row = (dimension: number, group: string) => page.locator('.equity-grid table').nth(dimension).locator(`tr[data-group="${group}"]`);

describe('the matching screen tells the truth (issue 8)', () => {
  it('in Finnish: no provider said and counted, under-use agrees with overlaps, group sizes and a minimum, comparison by the real change', async () => {
    await page.goto(`${app.url}#/matching`);
    await page.getByRole('heading', { name: 'Tarpeiden ja tarjonnan kohtaanto' }).waitFor();
    expect(await page.locator('#matching-equity-min').inputValue()).toBe('2');
    await runAnalysis(1);

    // Counters: a count column and a "where" column with distinct headings; the Swedish speakers visit Kela and a service with no provider.
    expect(await headers('#counters-heading ~ table')).toEqual(['Asiakasprofiili', 'Asiointipaikkoja', 'Organisaatiot ja palvelut']);
    const grieving = page.locator('#counters-heading ~ table tr', { hasText: 'Helsingforsare i sorg' });
    expect(await grieving.locator('td.num').textContent()).toBe('2');
    expect(await grieving.locator('td').last().textContent()).toBe('KelaEi tarjoajaa (1 palvelu): Sorgegrupp');

    // Overlaps: two organisations and one service with no provider, each said as such.
    const money = page.locator('#overlaps-heading ~ table tr', { hasText: 'Toimeentulo' });
    expect(await money.locator('td').nth(1).textContent()).toBe('KelaOulun kaupunkiEi tarjoajaa (1 palvelu): Vertaistukiryhmä');
    // Under-use lists only the service no persona needs, none of the four serving the shared need.
    expect(await page.locator('[data-list=unserved] li').allTextContents()).toEqual(['Kaatuneiden omaisten tuki']);
    expect(await page.locator('.matching-figure[data-figure=unused] .figure-value').textContent()).toBe('1');

    // Equity: sizes beside every group; the one-persona group is shown, not flagged.
    expect(await headers('.equity-grid table:first-of-type')).toEqual(['Ryhmä', 'Profiilit', 'Henkilöä vuodessa', 'Kattavuus', 'Ero']);
    const en = row(0, 'en');
    expect(await en.locator('td').nth(1).textContent()).toBe('1');
    expect(await en.locator('td').nth(2).textContent()).toBe('5');
    expect(await en.textContent()).toContain('alle 2 profiilia: ei verrata');
    expect(await en.getAttribute('class')).toBeNull();
    // Groups are named in the user's language: "Ruotsi", "Helsinki", "30–64 v", never only a code.
    expect(await row(0, 'sv').locator('td').first().textContent()).toBe('Ruotsi');
    expect(await row(1, '091').locator('td').first().textContent()).toMatch(/^Helsinki \(091\)/);
    expect(await row(2, '30-64').locator('td').first().textContent()).toBe('30–64 v');

    // The Swedish group loses its grief service; the Finnish group's coverage stays at 100 %.
    await api('links.delete', { id: linkToCut });
    await runAnalysis(2);
    await page.getByRole('button', { name: 'Vertaa', exact: true }).click();
    await page.locator('.comparison').waitFor();
    const worse = await page.locator('#worsened-heading ~ ul li, #worsened-heading ~ details li').allTextContents();
    const same = await page.locator('#unchanged-heading ~ ul li').allTextContents();
    expect(worse.join('\n')).toMatch(/Kieli ruotsi \(2 profiilia, 20 henkilöä\/v\): kattavuus 100\s% → 50\s%/);
    expect(worse.join('\n')).toMatch(/Kunta Helsinki \(3 profiilia/);
    expect(worse.join('\n')).not.toMatch(/suomi|Oulu/);
    expect(same.join('\n')).toMatch(/Kieli suomi \(2 profiilia, 20 henkilöä\/v\): kattavuus 100\s% → 100\s%\. Ryhmä poikkeaa nyt muista/);
    expect(same.join('\n')).toMatch(/Kunta Oulu/);
    for (const t of [...worse, ...same]) expect(t).not.toMatch(/ = |\b(564|091)\b/);
    expect(await seriousViolations(page)).toEqual([]);

    // Lowering the minimum to one persona flags the group of one, and the run says so.
    await page.locator('#matching-equity-min').fill('1');
    await runAnalysis(3);
    await expect.poll(() => row(0, 'en').getAttribute('class')).toBe('flagged');
    expect(await page.locator('.matching-run > p.muted').textContent()).toMatch(/pienin merkittävä ryhmä 1 profiilia/);
  });

  it('in Swedish: counters are "kontakter", gaps alone are "luckor", importance is "betydelse"', async () => {
    await page.locator('.lang-switch select').selectOption('sv');
    await page.getByRole('heading', { name: 'Matchning av behov och utbud' }).waitFor();
    expect(await page.locator('#counters-heading').textContent()).toBe('Kontakter att besöka');
    expect(await headers('#counters-heading ~ table')).toEqual(['Kundprofil', 'Antal kontakter', 'Organisationer och tjänster']);
    expect(await page.locator('#overlaps-heading ~ table thead th').nth(1).textContent()).toBe('Anordnare');
    expect(await row(0, 'fi').locator('td').first().textContent()).toMatch(/^Finska/);
    expect(await page.locator('#overlaps-heading ~ table tr', { hasText: 'Försörjning' }).locator('td').nth(1).textContent()).toBe('FPAUleåborgs stadIngen anordnare (1 tjänst): Kamratstödsgrupp');
    const text = (await page.locator('.matching-page').textContent())!;
    // "luckor" only ever for gaps; "vikt" only for the meters' weight.
    expect(text).not.toMatch(/luckor att besöka/i);
    expect(text).toMatch(/Mätarnas vikt/);
    expect(text.match(/(?<!mätarnas )\bvikt\b/gi) ?? []).toEqual([]);
    expect(await page.locator('.matching-run > p.muted').textContent()).toMatch(/mätarnas vikt .*viktade med betydelse × personer per år/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
