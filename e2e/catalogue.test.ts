// A large workspace opens before its whole catalogue is in: the table and the side bar counts
// answer at once; screens that need every entity and link show how far the background load is
// (in the user's language) and draw once it is complete; an edit made meanwhile is not lost.
// The example workspace stands in for a large one (localStorage kohtaanto.store.foregroundMax = 0),
// and the chunks are held back at the network until the test lets them through.
// Screenshots of the waiting state in Finnish and Swedish go to E2E_SHOTS (if set).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../shared/model';
import { callApi, type RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
// the built-in example is open
appAndBrowserPerFile((a, b) => {
  app = a;
  browser = b;
});

describe('a large workspace: the window first, the catalogue in the background', () => {
  it('shows the table and counts at once, the map waits with progress in fi and sv, and an edit meanwhile is kept', async () => {
    const { page } = browser;
    const base = app.url.split('#')[0];
    const stats = await callApi<{ entities: Record<string, number> }>(app, 'workspace.stats', {});
    await page.goto(app.url);
    await page.evaluate(() => {
      localStorage.setItem('kohtaanto.store.foregroundMax', '0');
      localStorage.setItem('kohtaanto.bench', '1'); // the page's store, read below
    });

    for (const lang of ['fi', 'sv'] as const) {
      // The first chunk of entities goes through; the rest wait until released.
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let passed = 0;
      await page.route('**/api/*.scan', async (route) => {
        if (passed++ >= 1) await released;
        await route.continue().catch(() => undefined); // a request of a page left meanwhile
      });
      await page.evaluate((l) => localStorage.setItem('kohtaanto.language', l), lang);
      await page.goto(`${base}#/canvas`);
      await page.reload();
      await page.locator('.catalogue-wait h1').waitFor();
      expect(await page.locator('.catalogue-wait h1').textContent()).toBe(lang === 'fi' ? 'Ladataan koko työtilaa' : 'Hela arbetsytan laddas');
      await expect.poll(() => page.locator('.catalogue-wait [role=status]').textContent()).toMatch(lang === 'fi' ? /^\d+ \/ \d+ kohdetta ladattu$/ : /^\d+ av \d+ objekt laddade$/);
      expect(await page.locator('.react-flow').count()).toBe(0);
      // The side bar counts come from the workspace, right away.
      expect(await page.locator('nav a[href="#/service"] .count').textContent()).toBe(stats.entities.service.toLocaleString(lang));
      if (process.env.E2E_SHOTS) {
        fs.mkdirSync(process.env.E2E_SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(process.env.E2E_SHOTS, `${lang}-catalogue-loading.png`) });
      }

      // The services table needs no catalogue: it draws now.
      await page.goto(`${base}#/service`);
      await page.locator('.row-link').first().waitFor();
      expect(await page.locator('.catalogue-wait').count()).toBe(0);

      // An edit from another client while the catalogue loads.
      const services = await callApi<Entity[]>(app, 'entities.list', { kind: 'service' });
      const target = services[0];
      const name = `Muutettu latauksen aikana ${lang}`;
      await callApi(app, 'entities.update', { entity: { ...target, name: { ...target.name, fi: name } } });
      // Opening it shows the editor's waiting state, not an editor without links.
      await page.goto(`${base}#/service/${target.id}`);
      await page.locator('.entity-view .catalogue-wait').waitFor();

      release();
      await page.unroute('**/api/*.scan');
      await page.locator('.entity-view .catalogue-wait').waitFor({ state: 'detached' });
      await page.goto(`${base}#/canvas`);
      await page.locator('.react-flow').waitFor();
      const stored = await page.evaluate(
        (id) => (globalThis as unknown as { __kohtaantoApp: { getState(): { entities: Entity[] } } }).__kohtaantoApp.getState().entities.find((e) => e.id === id)?.name.fi,
        target.id,
      );
      expect(stored).toBe(name);
    }
  });

  it('the try-out page a large catalogue gets from the backend answers before the catalogue is in, with the persona and its needs', async () => {
    const { page } = browser;
    const base = app.url.split('#')[0];
    const persona = 'persona-oulu-17-lukio-kesken';
    const needs = await callApi<{ target: string }[]>(app, 'links.list', { entityId: persona, type: 'personaNeed' });
    expect(needs.length).toBeGreaterThan(0);
    const needName = (await callApi<{ entity: Entity }>(app, 'entities.get', { id: needs[0].target })).entity.name.fi!;
    await page.goto(app.url);
    await page.evaluate(() => {
      localStorage.setItem('kohtaanto.store.foregroundMax', '0');
      localStorage.setItem('kohtaanto.tryout.backendFrom', '0');
      localStorage.setItem('kohtaanto.language', 'fi');
    });
    // No chunk of the catalogue gets through until the end.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await page.route('**/api/*.scan', async (route) => {
      await released;
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${base}#/tryout/${persona}`);
    await page.reload();
    await page.locator('.tryout-output .rec-item').first().waitFor();
    expect(await page.locator('.catalogue-wait').count()).toBe(0);
    const storeStatus = () => page.evaluate(() => (globalThis as unknown as { __kohtaantoApp: { getState(): { catalogue: { status: string } } } }).__kohtaantoApp.getState().catalogue.status);
    expect(await storeStatus()).toBe('loading');
    expect(await page.locator('#tryout-persona').inputValue()).toBe(persona);
    expect(await page.locator('.tryout-needs').textContent()).toContain(needName);

    release();
    await page.unroute('**/api/*.scan');
    await expect.poll(storeStatus).toBe('ready');
    await page.locator('.tryout-output .rec-item').first().waitFor();
    await page.evaluate(() => {
      localStorage.removeItem('kohtaanto.store.foregroundMax');
      localStorage.removeItem('kohtaanto.tryout.backendFrom');
    });
  });
});
