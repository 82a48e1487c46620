/**
 * Opening the map on a whole region's catalogue: workspaces of real PTV records cloned under new
 * ids (bench/canvas-scale-workspace.ts), in the built renderer (out/renderer; run
 * `npx electron-vite build` first) in the system Chromium, browser mode.
 *
 *   npx tsx bench/canvas-scale.ts [nodes …]     (default: 2000 5000 10000 20000)
 *
 * For each size, from the hash change to the first painted frame of the map (the first frame
 * with the summary, or with nodes of the map, in the DOM):
 *   - summary: the map as it opens now (above SUMMARY_ABOVE nodes a summary of groups);
 *   - full draw, first open: today's path (the summary switched off), the unplaced map laid out
 *     by life event and drawn;
 *   - full draw, reopened: the same once its places are saved (median of 3).
 * The full draw is stopped after 120 s and reported as such.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startApp } from '../e2e/harness';
import { SUMMARY_ABOVE } from '../renderer/src/features/canvas/summary';
import { median, ms } from './_util';
import { hasPtvData, largePtvWorkspace } from './canvas-scale-workspace';

const RENDERER = path.resolve(__dirname, '../out/renderer/index.html');
const LIMIT = 120_000;

/** Milliseconds from the hash change to the first frame with `selector` in the DOM (null: not within LIMIT). */
async function firstPaint(page: Page, url: string, summaryOn: boolean, selector: string): Promise<number | null> {
  await page.goto(`${url}#/overview`);
  await page.evaluate((on) => (on ? localStorage.removeItem('kohtaanto.canvas.summary') : localStorage.setItem('kohtaanto.canvas.summary', '0')), summaryOn);
  await page.reload();
  await page.locator('main h1').first().waitFor({ timeout: LIMIT });
  await page.waitForTimeout(500);
  // In-page code as text: tsx would wrap inner functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    window.location.hash = '#/canvas/map';
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => resolve(performance.now() - t0));
      else if (performance.now() - t0 > ${LIMIT}) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`) as Promise<number | null>;
}

const fmt = (v: number | null) => (v === null ? `> ${LIMIT / 1000} s (stopped)` : ms(v));

async function main() {
  if (!fs.existsSync(RENDERER)) {
    console.error('Build the renderer first: npx electron-vite build');
    process.exit(2);
  }
  if (!hasPtvData()) {
    console.error('No PTV data in ../shared/data; set KOHTAANTO_SHARED_DATA.');
    process.exit(2);
  }
  const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
  console.log(`Canvas on large workspaces of real PTV records (summary above ${SUMMARY_ABOVE.toLocaleString('en')} nodes; Chromium headless, 1440×900, ${os.cpus().length} cores)`);
  console.log(`${'nodes'.padStart(7)} ${'links'.padStart(8)}  ${'summary'.padStart(10)}  ${'full, first open'.padStart(20)}  ${'full, reopened'.padStart(20)}`);
  for (const n of sizes.length ? sizes : [2000, 5000, 10000, 20000]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-canvas-scale-'));
    const file = path.join(dir, 'workspaces', 'alue.kohtaanto');
    const size = await largePtvWorkspace(file, n);
    const app = await startApp({ dataDir: dir, openFirstRun: false });
    const browser = await launchBrowser();
    try {
      const open = await fetch(new URL('api/workspace.open', app.url), { method: 'POST', headers: app.headers, body: JSON.stringify({ path: file }) });
      if (!(await open.json()).ok) throw new Error('could not open the bench workspace');
      const page = browser.page;
      const summarised = size.nodes > SUMMARY_ABOVE;
      // The summary first: it places nothing, so the full draw after it still opens unplaced.
      const ours: number[] = [];
      for (let i = 0; i < 3 && summarised; i++) {
        const v = await firstPaint(page, app.url, true, '.map-summary');
        if (v !== null) ours.push(v);
      }
      const first = await firstPaint(page, app.url, false, '.react-flow__node');
      const placed = async () => Object.keys((await (await fetch(new URL('api/canvas.state', app.url), { method: 'POST', headers: app.headers, body: '{}' })).json()).value.positions).length;
      let reopened: number | null = null;
      if (first !== null) {
        for (let t = 0; (await placed()) < size.nodes && t < 600; t++) await new Promise((r) => setTimeout(r, 200));
        await page.waitForTimeout(1000);
        const again: number[] = [];
        for (let i = 0; i < 3; i++) {
          const v = await firstPaint(page, app.url, false, '.react-flow__node');
          if (v === null) break;
          again.push(v);
        }
        reopened = again.length === 3 ? median(again) : null;
      }
      console.log(
        `${size.nodes.toLocaleString('en').padStart(7)} ${size.links.toLocaleString('en').padStart(8)}  ${(summarised ? fmt(ours.length ? median(ours) : null) : '(full)').padStart(10)}  ${fmt(first).padStart(20)}  ${fmt(reopened).padStart(20)}`,
      );
    } finally {
      await browser.close();
      await app.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
