// Screenshots of every main view in Finnish and Swedish, for looking at what a user sees:
//   npx electron-vite build && npx tsx e2e/screenshots.ts /tmp/shots
// Under `xvfb-run -a` with HEADED=1 it uses a real window.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, startApp } from './harness';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'e2e/.artifacts/screenshots');
  fs.mkdirSync(out, { recursive: true });
  const app = await startApp(); // first run: the example workspace
  const b = await launchBrowser();
  const views = ['overview', 'organisation', 'service', 'channel', 'lifeEvent', 'need', 'persona'];
  try {
    for (const lang of ['fi', 'sv']) {
      await b.page.goto(app.url);
      await b.page.locator('.lang-switch select').selectOption(lang);
      for (const v of views) {
        await b.page.goto(`${app.url}#/${v}`);
        await b.page.locator('main h1').first().waitFor();
        if (v !== 'overview') {
          const first = b.page.locator('.row-link').first();
          if (await first.count()) await first.click();
          await b.page.waitForTimeout(150);
        }
        await b.page.screenshot({ path: path.join(out, `${lang}-${v}.png`) });
      }
    }
    console.log(`Screenshots in ${out}`);
  } finally {
    await b.close();
    await app.stop();
  }
}
void main();
