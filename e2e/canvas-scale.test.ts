// A whole region's catalogue on the map (issue 12): a view above SUMMARY_ABOVE nodes opens on a
// summary of groups, not a drawing of everything; a group opens onto the map on demand (laid out
// and drawn) while the rest stay counted; the summary is accessible.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasPtvData, largePtvWorkspace } from '../bench/canvas-scale-workspace';
import { SUMMARY_ABOVE } from '../renderer/src/features/canvas/summary';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let size: { nodes: number; links: number };
const SHOTS = process.env.KOHTAANTO_SHOTS;
const NODES = SUMMARY_ABOVE + 1000;
const positions = async () => Object.keys((await callApi<{ positions: Record<string, unknown> }>(app, 'canvas.state', { view: 'main' })).positions).length;

beforeAll(async () => {
  if (!hasPtvData()) return;
  app = await startApp({ openFirstRun: false });
  const file = path.join(app.dataDir, 'workspaces', 'alue.kohtaanto');
  size = await largePtvWorkspace(file, NODES);
  await callApi(app, 'workspace.open', { path: file });
  browser = await launchBrowser();
  page = browser.page;
  if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasPtvData())('a map too large to draw at once', () => {
  it('opens on a summary of groups, opens one group onto the map and keeps the rest counted', async () => {
    expect(size.nodes).toBeGreaterThan(SUMMARY_ABOVE);
    await page.goto(`${app.url}#/canvas/map`);
    const summary = page.getByRole('region', { name: 'Suuren kartan yhteenveto' });
    await summary.waitFor({ timeout: 60_000 });
    await expect.poll(() => summary.getByRole('listitem').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    // Nothing is drawn, and nothing is placed, until a group is opened.
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    expect(await summary.locator('.map-summary-lead').textContent()).toContain(`Näkymässä on ${new Intl.NumberFormat('fi').format(size.nodes)} kohdetta`);
    expect(await positions()).toBe(0);

    // The groups' counts add up to the whole view.
    const totals = await summary.locator('.map-summary-total').allTextContents();
    expect(totals.reduce((a, s) => a + Number(s.replace(/\s/g, '')), 0)).toBe(size.nodes);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'canvas-scale-summary.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // The largest group of a few hundred at most: open it.
    const groups = await summary.locator('.map-summary-groups button').evaluateAll((els) =>
      els.map((el, i) => ({ i, name: el.querySelector('.map-summary-name')!.textContent!, total: Number(el.querySelector('.map-summary-total')!.textContent!.replace(/\s/g, '')) })),
    );
    const pick = groups.filter((g) => g.total > 1 && g.total < 400).sort((a, b) => b.total - a.total)[0];
    expect(pick, JSON.stringify(groups.slice(0, 10))).toBeTruthy();
    const button = summary.locator('.map-summary-groups button').nth(pick.i);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // Its members are laid out and saved, the others stay without a place.
    await expect.poll(positions, { timeout: 60_000 }).toBe(pick.total);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThanOrEqual(pick.total);
    expect(await summary.getAttribute('class')).toContain('beside');
    expect(await summary.getByRole('button', { pressed: true }).count()).toBe(1);
    await page.waitForTimeout(600);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'canvas-scale-expanded.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Closing it again leaves the map empty; its places are kept for the next time.
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    expect(await positions()).toBe(pick.total);
  }, 240_000);
});
