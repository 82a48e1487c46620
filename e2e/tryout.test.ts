// Issue 8 in the browser: the try-out page shows the score on one 0–100 % scale (text, bar and
// tooltip agree), and a search word that matches nothing is reported instead of ignored.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { callApi, type RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;

const PERSONA = 'persona-oulu-17-lukio-kesken';

// first run: the example workspace
appAndBrowserPerFile((a, b) => {
  app = a;
  browser = b;
  page = browser.page;
});

describe('try-out page tells the truth', () => {
  it('shows each score as a percentage with a bar of the same width, never above 100 %', async () => {
    await page.goto(`${app.url}#/tryout/${PERSONA}`);
    await page.locator('.tryout-output .rec-item').first().waitFor();
    // Many low meters add up to well over one point for the first results: the old bar was full at any score.
    for (const m of ['health', 'housing', 'finance', 'friends', 'life_satisfaction']) await page.locator(`#tryout-meter-${m}`).fill('0');
    await page.waitForTimeout(300);
    const rows = await page.locator('.tryout-output .rec-item .rec-score').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent ?? '', width: (e.querySelector('.score-bar > span') as HTMLElement).style.width, title: e.getAttribute('title') ?? '' })),
    );
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      const pct = Number(/(\d+)\s?%/.exec(r.text)?.[1]);
      expect(pct).toBeGreaterThan(0);
      expect(pct).toBeLessThan(100);
      expect(Math.abs(Number.parseFloat(r.width) - pct)).toBeLessThanOrEqual(1);
      expect(r.title).toMatch(/^Osuvuus 0–100 %/);
    }
    await page.locator('.tryout-scale summary').click();
    expect(await page.locator('.tryout-scale p').textContent()).toMatch(/1 piste = 63 %/);
  });

  it('says when a search word matched no service text', async () => {
    await page.fill('#tryout-text', 'hautajaiset');
    const note = page.locator('.tryout-notes li', { hasText: 'hautajaiset' });
    await note.waitFor();
    expect(await note.textContent()).toBe('Hakusana ”hautajaiset” ei osunut yhdenkään palvelun tekstiin, joten se ei vaikuttanut tuloksiin.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('after an edit sends the worker the changed service alone, and its answers follow the edit', async () => {
    // A search word that matches nothing yet; the engine is fed and ready.
    await page.goto(`${app.url}#/tryout/${PERSONA}`);
    await page.locator('.tryout-output .rec-item').first().waitFor();
    await page.fill('#tryout-text', 'hautajaiset');
    await page.locator('.tryout-notes li', { hasText: 'hautajaiset' }).waitFor();
    const services = await callApi<{ id: string; kind: string; name: { fi?: string } }[]>(app, 'entities.list', { kind: 'service' });
    const rename = async (fi: string) => {
      const s = (await callApi<{ entity: Record<string, unknown> }>(app, 'entities.get', { id: services[0].id })).entity;
      await callApi(app, 'entities.update', { entity: { ...s, name: { ...(s.name as object), fi } } });
      await page.locator('.tryout-output .rec-item', { hasText: fi }).waitFor({ timeout: 20_000 });
    };
    // The first write of a session also names what the example's creation touched: measure the second.
    await rename('Hautajaiset');
    await page.evaluate(() => ((globalThis as { __kohtaantoEngineTraffic?: unknown[] }).__kohtaantoEngineTraffic = []));
    await rename('Hautajaiset ja muistotilaisuudet');
    expect(await page.locator('.tryout-notes li', { hasText: 'hautajaiset' }).count()).toBe(0);
    const traffic = await page.evaluate(() => (globalThis as { __kohtaantoEngineTraffic?: { kind: string; chars: number; services: number; removed: number }[] }).__kohtaantoEngineTraffic!);
    // One change with one service in it, a few kilobytes, where the catalogue is hundreds.
    expect(traffic.map(({ kind, services, removed }) => ({ kind, services, removed }))).toEqual([{ kind: 'change', services: 1, removed: 0 }]);
    const whole = JSON.stringify(services).length;
    expect(traffic[0].chars).toBeLessThan(whole / 20);
  });

  it('a large catalogue is answered by the backend: nothing is posted to the window\'s engine, answers equal the API\'s and follow an edit', async () => {
    // The example stands in for a large catalogue (the threshold is lowered for this page).
    await page.goto(`${app.url}#/tryout/${PERSONA}`);
    await page.evaluate(() => localStorage.setItem('kohtaanto.tryout.backendFrom', '0'));
    await page.reload();
    await page.evaluate(() => ((globalThis as { __kohtaantoEngineTraffic?: unknown[] }).__kohtaantoEngineTraffic = []));
    await page.locator('.tryout-output .rec-item').first().waitFor();
    for (const m of ['health', 'housing', 'finance']) await page.locator(`#tryout-meter-${m}`).fill('1');
    await page.fill('#tryout-text', 'nuoret');
    const api = await callApi<{ results: { serviceId: string; name: string }[] }>(app, 'recommend.query', { personaId: PERSONA, persona: { meters: { health: 1, housing: 1, finance: 1 } }, text: 'nuoret', top: 10, language: 'fi' });
    const ids = api.results.map((r) => r.serviceId);
    expect(ids.length).toBeGreaterThan(2);
    await expect.poll(() => page.locator('.tryout-output .rec-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-service-id')))).toEqual(ids);
    // Explanations as sentences, in the page's language.
    expect(await page.locator('.tryout-output .rec-item').first().textContent()).toMatch(/mittari|sanoista|tarve/i);
    // An edit: the backend's index follows it, and so does the page.
    const s = (await callApi<{ entity: Record<string, unknown> }>(app, 'entities.get', { id: ids[0] })).entity;
    await callApi(app, 'entities.update', { entity: { ...s, name: { ...(s.name as object), fi: 'Nuorten palvelu, nimi muutettu' } } });
    await page.locator('.tryout-output .rec-item', { hasText: 'Nuorten palvelu, nimi muutettu' }).waitFor({ timeout: 20_000 });
    // The meter model's suggestions in the service's form come from the backend too.
    await page.goto(`${app.url}#/service/${ids[1]}`);
    await expect.poll(() => page.locator('.suggestion-table tbody tr').count(), { timeout: 20_000 }).toBe(10);
    const suggested = await callApi<{ meter: string; probability: number }[]>(app, 'recommend.suggest', { service: (await callApi<{ entity: unknown }>(app, 'entities.get', { id: ids[1] })).entity });
    expect(await page.locator('.suggestion-table .suggest-confidence').count()).toBe(suggested.length);
    const traffic = await page.evaluate(() => (globalThis as { __kohtaantoEngineTraffic?: unknown[] }).__kohtaantoEngineTraffic!);
    expect(traffic).toEqual([]);
    await callApi(app, 'entities.update', { entity: s });
    await page.evaluate(() => localStorage.removeItem('kohtaanto.tryout.backendFrom'));
  });
});
