/**
 * The remote recommender in the app (browser mode, Chromium): set an AuroraAI-compatible endpoint
 * (a real second Kohtaanto serving the example on loopback), accept the privacy notice, save the
 * key, ask from the try-out, run the comparison on the matching screen and read its agreement
 * table; axe finds nothing serious on either screen or in the dialogs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ComparisonSummary, RequestLogEntry } from '../shared/api/remote';
import type { Service } from '../shared/model';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';
import { exampleFile, startPeer, type Peer } from './peer';

let app: RunningApp;
let peer: Peer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let removed: Service;

const PERSONA = 'persona-oulu-17-lukio-kesken';

beforeAll(async () => {
  peer = await startPeer(exampleFile('peer'));
  app = await startApp(); // first run: the example workspace
  // One service the peer has and this workspace does not: it must show as "not mapped".
  const services = await callApi<Service[]>(app, 'entities.list', { kind: 'service' });
  removed = services.find((s) => s.ptvId)!;
  await callApi(app, 'entities.delete', { id: removed.id });
  browser = await launchBrowser();
  page = browser.page;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await peer?.stop();
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
  if (peer) fs.rmSync(path.dirname(peer.file), { recursive: true, force: true });
});

async function expectAxeClean() {
  const v = await seriousViolations(page);
  expect(v, JSON.stringify(v, null, 1)).toEqual([]);
}

describe('remote recommender in Chromium', () => {
  it('sets the endpoint, shows the privacy notice before anything is sent, keeps the key for the session', async () => {
    await page.goto(`${app.url}#/matching`);
    await page.getByText('Käytössä: Sisäänrakennettu suosittelija').waitFor();
    await page.getByRole('button', { name: 'Suosittelija…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suosittelija' });
    await dialog.getByLabel('AuroraAI-yhteensopiva rajapinta').check();
    await dialog.getByLabel('Osoite (perusosoite)').fill(peer.url);
    await dialog.getByLabel('API-avaimen otsake (valinnainen)').fill('X-Kohtaanto-Key');
    await dialog.getByLabel('Samanaikaisia pyyntöjä enintään').fill('3');
    await expectAxeClean();
    await dialog.getByRole('button', { name: 'Tallenna suosittelija' }).click();

    const notice = page.getByRole('dialog', { name: 'Ennen ensimmäistä pyyntöä tähän rajapintaan' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('nimiä, kuvauksia, muistiinpanoja tai palvelutarpeita ei lähetetä koskaan');
    expect(await notice.textContent()).toContain(peer.url);
    await expectAxeClean();
    // Nothing has been sent yet.
    expect(await callApi<RequestLogEntry[]>(app, 'remote.log', {})).toEqual([]);
    await notice.getByRole('button', { name: 'Salli pyynnöt tähän rajapintaan' }).click();
    await dialog.getByText('Pyynnöt tähän rajapintaan on sallittu.').waitFor();

    await dialog.getByLabel('API-avain', { exact: true }).fill(peer.key);
    expect(await dialog.getByText(/Selaintila: avain säilyy vain tämän palvelimen muistissa/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Tallenna avain' }).click();
    await dialog.getByText(/Tälle rajapinnalle on tallennettu avain/).waitFor();
    await dialog.getByRole('button', { name: 'Sulje' }).last().click();
    await page.getByText(`Käytössä: ${peer.url}`).waitFor();
    const st = await callApi<{ source: { parallel: number; keyHeader: string }; key: string; acknowledged: boolean }>(app, 'remote.source');
    expect(st).toMatchObject({ source: { parallel: 3, keyHeader: 'X-Kohtaanto-Key' }, key: 'session', acknowledged: true });
  });

  it('the try-out asks the remote recommender on request and marks the services the workspace lacks', async () => {
    await page.goto(`${app.url}#/tryout/${PERSONA}`);
    await page.getByRole('button', { name: 'Kysy etäsuosittelijalta' }).click();
    await page.locator('.remote-results tbody tr').first().waitFor();
    const rows = await page.locator('.remote-results tbody tr').count();
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThanOrEqual(20);
    const mapped = await page.locator('.remote-results tbody tr[data-mapped="yes"]').count();
    expect(await page.getByText(`${rows} palvelua: ${mapped} työtilassa, ${rows - mapped} suositeltu mutta ei kartalla.`).count()).toBe(1);
    // The request carried the slider values and the municipality, nothing of the persona's text.
    const [last] = await callApi<RequestLogEntry[]>(app, 'remote.log', { limit: 1 });
    expect(Object.keys(last.body as object).sort()).toEqual(['life_situation_meters', 'limit', 'service_filters']);
    await expectAxeClean();
  });

  it('runs the comparison on the matching screen and reads the agreement table', async () => {
    await page.goto(`${app.url}#/matching`);
    const card = page.locator('section.remote-compare');
    await card.getByLabel('Kärkilistan pituus (k)').fill('5');
    await card.getByRole('button', { name: 'Vertaa' }).click();
    const table = card.getByRole('table', { name: 'Yhtäpitävyys asiakasprofiileittain' });
    await table.waitFor();
    const saved = await callApi<ComparisonSummary[]>(app, 'remote.comparisons');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ k: 5, complete: true, personas: 5, missing: 0 });
    // The table can show before its header row is drawn: read the header once it is there.
    await expect.poll(() => table.locator('thead th').count()).toBeGreaterThan(0);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Asiakasprofiili',
      'Päällekkäisyys@5',
      'Kendallin τ',
      'Kattavuus, sisäänrakennettu',
      'Kattavuus, etä',
      'Asiointipisteet, sisäänrakennettu',
      'Asiointipisteet, etä',
      'Vain sisäänrakennettu',
      'Vain etä',
    ]);
    expect(await table.locator('tbody tr').count()).toBe(5);
    const rec = await callApi<{ comparison: { personas: { persona: string; overlap: number; tau: number | null }[]; totals: { overlap: number } } }>(app, 'remote.getComparison', { id: saved[0].id });
    for (const p of rec.comparison.personas) {
      const cells = table.locator(`tbody tr[data-persona="${p.persona}"] td`);
      expect(await cells.nth(0).textContent()).toBe(p.overlap.toLocaleString('fi', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
      expect(await cells.nth(1).textContent()).toBe(p.tau === null ? '—' : p.tau.toLocaleString('fi', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    }
    expect(await table.locator('tfoot tr[data-persona="total"] td').first().textContent()).toBe(
      rec.comparison.totals.overlap.toLocaleString('fi', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    );
    expect(await card.getByText(/päällekkäisyys@k = \|A ∩ B\| \/ max\(\|A\|, \|B\|\)/).count()).toBe(1);
    await expectAxeClean();

    // The request log shows what was sent: meters and filters, and the try-out's request before it.
    await page.getByRole('button', { name: 'Suosittelija…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suosittelija' });
    await dialog.getByRole('button', { name: 'Näytä pyyntöloki' }).click();
    const log = dialog.locator('.remote-log-table tbody tr');
    await log.first().waitFor();
    expect(await log.count()).toBe(6);
    expect(await dialog.locator('.remote-log-table tbody tr[data-outcome="ok"]').count()).toBe(6);
    await expectAxeClean();
  });

  it('a matching run on the remote source shows where its recommendations came from', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Suorita analyysi' }).click();
    await page.getByText(`Suositukset: ${peer.url}service-recommender/v1/recommend_service (20 palvelun listat).`).waitFor();
    expect(await page.locator('[data-testid="run-incomplete"]').count()).toBe(0);
    await expectAxeClean();
  });
});
