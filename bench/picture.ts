/**
 * The situational picture at a programme's scale: 200 indicators × 120 measurements, 2,000 budget
 * lines over 40 organisations, a 15-year cost–benefit analysis, 2 surveys; put through the API
 * into a real SQLite workspace.
 *
 *   npx electron-vite build && npx tsx bench/picture.ts
 *
 * Prints, each next to a baseline measured in the same run:
 *   - `kohtaanto picture FILE --json`, in process (median of 5 after a warm-up; baseline: the same
 *     command on a workspace with an empty picture), and as a whole new process (tsx start-up
 *     included; same baseline);
 *   - `kohtaanto report FILE --out PATH` (HTML), in process and as a new process (same baseline);
 *   - the dashboard's first render in Chromium, browser mode: from the hash change to #/picture
 *     until [data-testid="picture-dashboard-ready"] is visible (baseline: the overview route's
 *     first render from the same starting route), median of 3.
 * Targets: picture --json ≤ 300 ms, report HTML ≤ 2 s, dashboard first render ≤ 1 s.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startApp } from '../e2e/harness';
import { createBackend } from '../electron/backend';
import { median, ms, report } from './_util';

const ROOT = path.resolve(__dirname, '..');
const RENDERER = path.resolve(ROOT, 'out/renderer/index.html');
if (!fs.existsSync(RENDERER)) {
  console.error('Build the renderer first: npx electron-vite build');
  process.exit(2);
}

const INDICATORS = 200;
const MEASUREMENTS = 120;
const BUDGET_LINES = 2000;
const ORGANISATIONS = 40;
const FIRST_YEAR = 2020;
const YEARS = 15;

async function generate(dataDir: string, file: string, full: boolean): Promise<number> {
  const { ctx, registry } = createBackend({ dataDir, mode: 'desktop' });
  const call = async (method: string, input: unknown) => {
    const r = await registry.call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const t0 = performance.now();
  await call('workspace.create', { path: file, name: full ? 'Suuri tilannekuva' : 'Tyhjä tilannekuva' });
  if (full) {
    let seed = 20261130;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let o = 0; o < ORGANISATIONS; o++) await call('entities.create', { entity: { id: `org-${o}`, kind: 'organisation', name: { fi: `Organisaatio ${o}`, sv: `Organisation ${o}` } } });
    for (let g = 0; g < 10; g++) await call('picture.put', { item: { id: `goal-${g}`, kind: 'goal', name: { fi: `Tavoite ${g + 1}: sujuvampi asiointi elämäntapahtumassa ${g + 1}` } } });
    const stages = ['basis', 'needs', 'inputs', 'activities', 'outputs', 'results', 'impacts'];
    for (let s = 0; s < stages.length; s++) for (let b = 0; b < 4; b++) await call('picture.put', { item: { id: `box-${s}-${b}`, kind: 'impactBox', stage: stages[s], name: { fi: `${stages[s]} ${b + 1}` }, goal: `goal-${b}` } });
    for (let s = 0; s + 1 < stages.length; s++) for (let b = 0; b < 4; b++) await call('picture.put', { item: { id: `link-${s}-${b}`, kind: 'impactLink', source: `box-${s}-${b}`, target: `box-${s + 1}-${(b + 1) % 4}`, assumption: { fi: 'Organisaatiot sitoutuvat' }, assumptionStatus: ['holds', 'uncertain', 'failed'][b % 3] } });
    for (let i = 0; i < INDICATORS; i++) {
      const base = 20 + rnd() * 50;
      const higher = i % 3 !== 0;
      const measurements = Array.from({ length: MEASUREMENTS }, (_, m) => {
        const date = `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
        return { date, value: Math.round((base + (higher ? 1 : -1) * m * 0.1 * rnd() * 3) * 100) / 100 };
      });
      await call('picture.put', {
        item: {
          id: `ind-${i}`,
          kind: 'indicator',
          name: { fi: `Mittari ${i + 1}`, sv: `Indikator ${i + 1}` },
          unit: '%',
          direction: higher ? 'higher' : 'lower',
          baseline: { date: '2016-01-01', value: Math.round(base * 100) / 100 },
          target: { date: '2027-01-01', value: Math.round((base + (higher ? 15 : -15)) * 100) / 100 },
          tolerance: 0.1,
          owner: `org-${i % ORGANISATIONS}`,
          measures: i % 2 ? `goal-${i % 10}` : `box-${i % 7}-${i % 4}`,
          measurements,
        },
      });
    }
    const categories = ['Henkilöstö', 'Ohjelmistot', 'Palvelut', 'Koulutus', 'Viestintä', 'Matkat', 'Tilat', 'Muut'];
    for (let l = 0; l < BUDGET_LINES; l++) {
      const year = FIRST_YEAR + (l % YEARS);
      await call('picture.put', {
        item: { id: `bl-${l}`, kind: 'budgetLine', item: `Rivi ${l + 1}`, organisation: `org-${l % ORGANISATIONS}`, category: categories[l % categories.length], year, planned: Math.round(rnd() * 100_000), ...(year < 2026 ? { actual: Math.round(rnd() * 100_000) } : {}) },
      });
    }
    const years = (f: (y: number, k: number) => number) => Object.fromEntries(Array.from({ length: YEARS }, (_, k) => [String(FIRST_YEAR + k), f(FIRST_YEAR + k, k)]));
    await call('picture.put', { item: { id: 'cba', kind: 'cbaSettings', discountRate: 0.035, adoption: years((_, k) => Math.min(300, 10 + k * 20)), sensitivity: 0.2, assumptions: { fi: 'Säästöt kertyvät liittyneille organisaatioille.' } } });
    for (let c = 0; c < 6; c++) await call('picture.put', { item: { id: `cost-${c}`, kind: 'cbaItem', name: { fi: `Kustannus ${c + 1}` }, type: 'cost', amounts: years((_, k) => (k < 3 ? 1_000_000 : 200_000) * (c + 1)) } });
    for (let b = 0; b < 4; b++) await call('picture.put', { item: { id: `benefit-${b}`, kind: 'cbaItem', name: { fi: `Hyöty ${b + 1}` }, type: 'benefit', perOrganisation: b % 2 === 0, amounts: years((_, k) => (k < 2 ? 0 : b % 2 === 0 ? 5_000 : 400_000)) } });
    for (let s = 0; s < 2; s++) {
      const questions = Array.from({ length: 10 }, (_, q) => ({ id: `q${q}`, text: { fi: `Kysymys ${q + 1}` }, counts: { 1: 3 + q, 2: 8, 3: 20, 4: 30 - q, 5: 12 }, cannotSay: 4 }));
      await call('picture.put', { item: { id: `survey-${s}`, kind: 'survey', name: { fi: `Kysely ${s + 1}` }, date: `202${s + 1}-03-01`, questions } });
    }
  }
  ctx.close();
  return performance.now() - t0;
}

/** Runs the CLI in this process with stdout silenced; returns the wall time. */
async function inProcess(argv: string[]): Promise<number> {
  const { main } = await import('../electron/cli/main');
  const log = console.log;
  const err = console.error;
  console.log = () => {};
  console.error = () => {};
  try {
    const t0 = performance.now();
    const code = await main(argv);
    const t = performance.now() - t0;
    if (code !== 0) throw new Error(`kohtaanto ${argv.join(' ')} exited ${code}`);
    return t;
  } finally {
    console.log = log;
    console.error = err;
  }
}

function newProcess(argv: string[], dataDir: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kohtaanto.mjs'), ...argv], { encoding: 'utf8', env: { ...process.env, KOHTAANTO_DATA_DIR: dataDir }, maxBuffer: 256 * 1024 * 1024 });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`kohtaanto ${argv.join(' ')}: ${r.stderr}`);
  return t;
}

async function medianOf(n: number, f: () => Promise<number> | number): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return median(out);
}

/** From `from` to `to` by hash change, until `selector` is visible; in-page time. */
async function routeRender(page: Page, url: string, from: string, to: string, selector: string): Promise<number> {
  await page.goto(`${url}${from}`);
  await page.locator('main h1').first().waitFor();
  await page.waitForTimeout(500);
  return page.evaluate(`new Promise((resolve, reject) => {
    const t0 = performance.now();
    window.location.hash = ${JSON.stringify(to)};
    const check = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (el && el.getClientRects().length) resolve(performance.now() - t0);
      else if (performance.now() - t0 > 60000) reject(new Error('never visible: ' + ${JSON.stringify(selector)}));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`) as Promise<number>;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-picture-bench-'));
  process.env.KOHTAANTO_DATA_DIR = path.join(dir, 'cli-data');
  const big = path.join(dir, 'workspaces', 'suuri.kohtaanto');
  const empty = path.join(dir, 'workspaces', 'tyhja.kohtaanto');
  try {
    const genMs = await generate(dir, big, true);
    await generate(dir, empty, false);
    console.log(`picture: ${INDICATORS} indicators × ${MEASUREMENTS} measurements, ${BUDGET_LINES.toLocaleString('en')} budget lines, ${YEARS}-year CBA, 2 surveys; put through the API in ${ms(genMs)}; file ${(fs.statSync(big).size / 1e6).toFixed(1)} MB`);

    const json = ['picture', big, '--json'];
    const jsonEmpty = ['picture', empty, '--json'];
    await inProcess(json); // warm-up: module loading and schema compilation are not the command's
    await inProcess(jsonEmpty);
    report('picture --json (in process)', await medianOf(5, () => inProcess(json)), await medianOf(5, () => inProcess(jsonEmpty)), 300);
    report('picture --json (new process)', await medianOf(3, () => newProcess(json, process.env.KOHTAANTO_DATA_DIR!)), await medianOf(3, () => newProcess(jsonEmpty, process.env.KOHTAANTO_DATA_DIR!)));

    const out = path.join(dir, 'raportti.html');
    const rep = ['report', big, '--out', out];
    const repEmpty = ['report', empty, '--out', path.join(dir, 'tyhja.html')];
    await inProcess(rep);
    report('report HTML (in process)', await medianOf(3, () => inProcess(rep)), await medianOf(3, () => inProcess(repEmpty)), 2000);
    report('report HTML (new process)', await medianOf(3, () => newProcess(rep, process.env.KOHTAANTO_DATA_DIR!)), await medianOf(3, () => newProcess(repEmpty, process.env.KOHTAANTO_DATA_DIR!)));
    console.log(`  (report: ${(fs.statSync(out).size / 1e6).toFixed(2)} MB of HTML)`);

    const app = await startApp({ dataDir: dir, openFirstRun: false });
    const browser = await launchBrowser();
    try {
      const open = await fetch(new URL('api/workspace.open', app.url), { method: 'POST', headers: app.headers, body: JSON.stringify({ path: big }) });
      if (!(await open.json()).ok) throw new Error('could not open the bench workspace');
      const page = browser.page;
      await routeRender(page, app.url, '#/service', '#/picture', '[data-testid="picture-dashboard-ready"]'); // warm-up
      const dash: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < 3; i++) {
        base.push(await routeRender(page, app.url, '#/service', '#/overview', 'main .page p.path'));
        dash.push(await routeRender(page, app.url, '#/service', '#/picture', '[data-testid="picture-dashboard-ready"]'));
      }
      report('dashboard first render (Chromium)', median(dash), median(base), 1000);
      console.log(`  (baseline: the overview route's first render from the same route; runs ${dash.map(ms).join(', ')})`);
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
