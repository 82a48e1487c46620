// Issue 8 in the browser: the try-out page shows the score on one 0–100 % scale (text, bar and
// tooltip agree), and a search word that matches nothing is reported instead of ignored.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;

const PERSONA = 'persona-oulu-17-lukio-kesken';

beforeAll(async () => {
  app = await startApp(); // first run: the example workspace
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
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
});
