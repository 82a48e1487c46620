// Screenshots of the remote recommender's views in Finnish and Swedish, for looking at what a
// facilitator sees: npx electron-vite build && npx tsx e2e/remote-screenshots.ts /tmp
// Writes remote-<view>-<lang>.png; a real second Kohtaanto serves the example as the remote.
import fs from 'node:fs';
import path from 'node:path';
import type { Service } from '../shared/model';
import { callApi, launchBrowser, startApp } from './harness';
import { exampleFile, startPeer } from './peer';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? '/tmp');
  fs.mkdirSync(out, { recursive: true });
  const peer = await startPeer(exampleFile('shots-peer'));
  const app = await startApp();
  const services = await callApi<Service[]>(app, 'entities.list', { kind: 'service' });
  await callApi(app, 'entities.delete', { id: services[0].id });
  const b = await launchBrowser();
  const page = b.page;
  const shot = (name: string) => page.screenshot({ path: path.join(out, `remote-${name}.png`), fullPage: name.startsWith('compare') });
  try {
    await callApi(app, 'remote.setSource', { source: { kind: 'remote', baseUrl: peer.url, keyHeader: 'X-Kohtaanto-Key' } });
    for (const lang of ['fi', 'sv']) {
      await page.goto(app.url);
      await page.locator('.lang-switch select').selectOption(lang);
      await page.goto(`${app.url}#/matching`);
      await page.locator('.remote-source-line button').first().click();
      await page.locator('.remote-dialog .remote-form').waitFor();
      await shot(`settings-${lang}`);
      if (lang === 'fi') {
        await page.locator('.remote-form > button').first().click();
        await page.locator('.remote-privacy').waitFor();
        await shot(`privacy-${lang}`);
        await page.locator('.remote-privacy button.primary').click();
        await page.keyboard.press('Escape');
        await callApi(app, 'remote.setKey', { key: peer.key });
        await callApi(app, 'remote.compare', { k: 5 });
      }
      await page.goto(`${app.url}#/overview`);
      await page.goto(`${app.url}#/matching`);
      await page.locator('.remote-agreement-table').waitFor({ timeout: 8000 }).catch(async (e) => {
        await shot(`failed-${lang}`);
        throw e;
      });
      await page.locator('.remote-saved').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(`compare-${lang}`);
    }
  } finally {
    await b.close();
    await app.stop();
    await peer.stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
