/**
 * The try-out page at a region's scale, in Chromium (browser mode, as the e2e harness runs it),
 * with a workspace of 50,000 real PTV services under new ids (see _ptv-workspace.ts).
 *
 * From 3,000 services the page is answered by the backend, which keeps the workspace's
 * recommender index (saved in the file); below that the window builds its own index in a Web
 * Worker from the catalogue it holds. The baseline is that in-window engine on the same workspace
 * in the same run (forced with localStorage kohtaanto.tryout.backendFrom).
 *
 * Printed: from opening the page until the first answer is shown (the in-window engine first
 * waits for the window's background load of the whole catalogue, printed on its own), and the
 * round trip of a slider move as the page measures it (query sent → answer back, median of 10).
 *
 *   npx electron-vite build && npx tsx bench/tryout-scale.ts [count]
 *   KOHTAANTO_BENCH_WORKSPACE=/path/region.kohtaanto reuses a workspace an earlier run built.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { callApi } from '../e2e/harness';
import { median } from './_util';
import { regionWorkspace, startRegionBench } from './_ptv-workspace';

const COUNT = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 50_000);
const MOVES = 10;

interface Figures {
  /** Page opened → the window's store holds the whole catalogue (the in-window engine waits for it). */
  catalogue: number;
  /** Page opened → the first answer is drawn. */
  firstAnswer: number;
  /** A slider moved: the page's round trip from query to answer (median). */
  move: number;
}

async function measure(page: Page, base: string, backendFrom: number): Promise<Figures> {
  await page.goto('about:blank');
  await page.goto(`${base}#/service`);
  await page.evaluate((n) => localStorage.setItem('kohtaanto.tryout.backendFrom', String(n)), backendFrom);
  await page.goto('about:blank');
  const t0 = Date.now();
  await page.goto(`${base}#/tryout`);
  await page.locator('.tryout-status').waitFor({ timeout: 600_000 });
  const firstAnswer = Date.now() - t0;
  await page.waitForFunction(() => (globalThis as unknown as { __kohtaantoApp: { getState(): { catalogue: { status: string } } } }).__kohtaantoApp.getState().catalogue.status === 'ready', null, { timeout: 600_000, polling: 100 });
  const catalogue = Date.now() - t0;
  // Each move changes the query: wait until the answer is drawn again, then read the round trip
  // the page itself measured (query sent → answer back), which leaves out the browser driver's own time.
  const moves: number[] = [];
  for (let i = 0; i < MOVES; i++) {
    const before = await page.locator('.tryout-output').innerHTML();
    await page.locator('#tryout-meter-finance').fill(String(i % 2 === 0 ? 1 : 2));
    await page.waitForFunction((html) => document.querySelector('.tryout-output')?.innerHTML !== html, before, { timeout: 120_000, polling: 'raf' });
    moves.push(Number(/(\d+)/.exec((await page.locator('.tryout-ms').textContent()) ?? '')?.[1]));
  }
  await page.evaluate(() => localStorage.removeItem('kohtaanto.tryout.backendFrom'));
  return { catalogue, firstAnswer, move: median(moves) };
}

async function main(): Promise<void> {
  const { app, browser, big } = await startRegionBench();
  try {
    await regionWorkspace(big, COUNT);
    await callApi(app, 'workspace.open', { path: big });
    // The backend's index saved in the file, as on any day after the first: built once, then the workspace reopened.
    let t = Date.now();
    await callApi(app, 'recommend.query', { persona: { meters: { finance: 1 } }, top: 10 });
    const coldMs = Date.now() - t;
    await callApi(app, 'workspace.close', {});
    await callApi(app, 'workspace.open', { path: big });
    const { page } = browser;
    await page.goto(app.url); // takes the launch key into the tab
    await page.evaluate(() => localStorage.setItem('kohtaanto.bench', '1'));
    const base = app.url.split('#')[0];
    t = Date.now();
    const viaBackend = await measure(page, base, 3000);
    const inWindow = await measure(page, base, Number.MAX_SAFE_INTEGER);
    console.log(`tryout-scale: ${COUNT.toLocaleString('en')} real PTV services (the backend's first build of its index: ${(coldMs / 1000).toFixed(1)} s, then saved; measured in ${((Date.now() - t) / 1000).toFixed(0)} s)`);
    const row = (label: string, v: number, b: number) => console.log(`${label.padEnd(58)} ${`${v.toLocaleString('en')} ms`.padStart(10)}   in-window engine ${`${b.toLocaleString('en')} ms`.padStart(10)}`);
    row('page opened → first answer shown', viaBackend.firstAnswer, inWindow.firstAnswer);
    row('page opened → whole catalogue in the window', viaBackend.catalogue, inWindow.catalogue);
    row(`slider moved → answer back (median of ${MOVES})`, viaBackend.move, inWindow.move);
  } finally {
    await browser.close();
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
