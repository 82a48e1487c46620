// The second built-in example (the AuroraAI programme's situational picture) from the start
// screen: a leader opens it with one click and finds its indicators, each saying "no data" where
// the evaluation gives no baseline or target; and an edit is undone with a label in Finnish.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { callApi, type RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;
const SHOTS = process.env.SCREENSHOTS_DIR;

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

appAndBrowserPerFile((a, b) => {
  app = a;
  browser = b;
  page = browser.page;
}, { app: { openFirstRun: false } });

describe('the AuroraAI situational-picture example', () => {
  it('opens from the start screen and shows its indicators with their status', async () => {
    await page.goto(app.url);
    const button = page.getByRole('button', { name: 'Avaa esimerkki: AuroraAI-ohjelma 2020–2022, väliarvioinnin tilannekuva' });
    await shot('start-fi');
    await button.click();
    await expect.poll(async () => (await callApi<{ title: { fi: string } } | null>(app, 'workspace.current'))?.title.fi).toBe('AuroraAI-ohjelma 2020–2022: väliarvioinnin tilannekuva');

    await page.goto(`${app.url}#/picture`);
    await page.waitForSelector('[data-testid="picture-dashboard-ready"]');
    const rows = page.locator('[data-testid="picture-dashboard-ready"] li.indicator-row');
    await expect.poll(() => rows.count()).toBe(6);
    const learning = rows.filter({ hasText: 'Oppimateriaalien avulla tavoitetut ihmiset' });
    await expect.poll(() => learning.textContent()).toContain('31.3.2021');
    await expect.poll(() => learning.locator('.status-badge').textContent()).toContain('Ei tietoa');
    const lifeEvents = rows.filter({ hasText: 'Elämäntapahtumat, joissa AuroraAI-verkko on hyödynnettävissä' });
    await expect.poll(() => lifeEvents.textContent()).toContain('31.12.2022');
    // No baseline anywhere in the evaluation: no indicator may claim a status.
    for (const badge of await rows.locator('.status-badge').allTextContents()) expect(badge).not.toMatch(/Tavoitteessa|Vaarassa|Jäljessä/);
    await shot('picture-example-fi');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says an edit of the picture in the undo history in Finnish', async () => {
    const items = await callApi<Array<{ id: string; kind: string }>>(app, 'picture.list', { kind: 'indicator' });
    const slack = items.find((i) => i.id === 'ind-slack')!;
    await callApi(app, 'picture.put', { item: { ...slack, unit: 'seuraajaa' } });
    const state = await callApi<{ undo?: { key: string; params: Record<string, unknown> } }>(app, 'history.state');
    expect(state.undo).toEqual({ key: 'pictureEdit', params: { pictureKind: 'indicator', name: { fi: 'Ohjelman Slack-kanavan seuraajat', sv: 'Följare på programmets Slack-kanal', en: 'Followers of the programme’s Slack channel' } } });
  });
});
