// Screenshots of the try-out panel, the persona and service forms and the matching screen in
// Finnish and Swedish, for looking at what a facilitator sees:
//   npx electron-vite build && npx tsx e2e/matching-screenshots.ts /tmp
// Writes matching-<view>-<lang>.png. Under `xvfb-run -a` with HEADED=1 it uses a real window.
import fs from 'node:fs';
import path from 'node:path';
import { buildTruthWorkspace } from '../electron/backend/domains/matching.testkit';
import { launchBrowser, startApp } from './harness';

const PERSONA = 'persona-oulu-17-lukio-kesken';
const SERVICE = 'srv-9def3348';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? '/tmp');
  fs.mkdirSync(out, { recursive: true });
  const app = await startApp();
  const b = await launchBrowser();
  const page = b.page;
  const shot = (name: string) => page.screenshot({ path: path.join(out, `matching-${name}.png`) });
  try {
    for (const lang of ['fi', 'sv']) {
      await page.goto(app.url);
      await page.locator('.lang-switch select').selectOption(lang);
      await page.goto(`${app.url}#/tryout/${PERSONA}`);
      await page.locator('.tryout-output .rec-item').first().waitFor();
      await shot(`tryout-${lang}`);
      await page.goto(`${app.url}#/persona/${PERSONA}`);
      await page.locator('.tryout-panel .rec-item').first().waitFor();
      await page.locator('.entity-form fieldset.meters').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(`persona-panel-${lang}`);
      await page.goto(`${app.url}#/service/${SERVICE}`);
      await page.locator('.suggestion-table').waitFor();
      await page.locator('.entity-form fieldset.meters').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(`service-suggestions-${lang}`);
      await page.goto(`${app.url}#/matching`);
      await page.locator('main h1').waitFor();
      if (lang === 'fi') {
        await page.locator('.matching-form button[type=submit]').click();
        await page.locator('.matching-figure[data-figure=coverage]').waitFor();
        await page.locator('#matching-threshold').fill('0.9');
        await page.locator('#matching-label').fill('Tiukka kynnys');
        await page.locator('.matching-form button[type=submit]').click();
        await page.locator('.run-label').waitFor();
      } else {
        await page.locator('.matching-figure[data-figure=coverage]').waitFor();
      }
      await page.locator('.compare-form button').click();
      await page.locator('.comparison').waitFor();
      await page.waitForTimeout(300);
      // The page scrolls inside the app shell, so each part is brought into view in turn.
      for (const [part, selector] of [
        ['top', 'main h1'],
        ['heatmap', '#heatmap-heading'],
        ['lists', '#gaps-heading'],
        ['equity', '#equity-heading'],
        ['compare', '.comparison'],
      ] as const) {
        await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(100);
        await shot(`matching-${part}-${lang}`);
      }
    }
    // A small hand-made workspace with services without a provider, a group of one and a comparison
    // where one group's flag comes only from the overall change.
    const api = async (method: string, input: unknown = {}) => {
      const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: app.headers, body: JSON.stringify(input) });
      const body = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value;
    };
    await api('workspace.create', { name: 'Kohtaantotesti' });
    const { linkToCut } = await buildTruthWorkspace(api);
    await page.goto(`${app.url}#/matching`);
    await page.locator('.lang-switch select').selectOption('fi');
    await page.locator('.matching-form button[type=submit]').click();
    await page.locator('.matching-figure[data-figure=coverage]').waitFor();
    await api('links.delete', { id: linkToCut });
    await page.locator('.matching-form button[type=submit]').click();
    await page.locator('#history-heading', { hasText: '(2)' }).waitFor();
    for (const lang of ['fi', 'sv']) {
      await page.locator('.lang-switch select').selectOption(lang);
      await page.locator('.compare-form button').click();
      await page.locator('.comparison').waitFor();
      await page.waitForTimeout(300);
      for (const [part, selector] of [
        ['form', 'main h1'],
        ['counters', '.matching-figures'],
        ['lists', '#gaps-heading'],
        ['equity', '#equity-heading'],
        ['compare', '.comparison'],
      ] as const) {
        await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(100);
        await shot(`truth-${part}-${lang}`);
      }
    }
    console.log(`Screenshots in ${out}/matching-*.png`);
  } finally {
    await b.close();
    await app.stop();
  }
}
void main();
