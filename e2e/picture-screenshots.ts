// Screenshots of the situational picture in Finnish and Swedish, for looking at what a leader sees:
//   npx electron-vite build && npx tsx e2e/picture-screenshots.ts [out-dir]
import fs from 'node:fs';
import path from 'node:path';
import { callApi, launchBrowser, startApp } from './harness';
import { seedPicture } from './picture-fixture';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'e2e/.artifacts/picture');
  fs.mkdirSync(out, { recursive: true });
  const app = await startApp(); // first run: the example workspace
  const b = await launchBrowser();
  try {
    await seedPicture(app);
    await callApi(app, 'matching.run', {});
    await callApi(app, 'picture.saveReview', { label: 'Syksy 2026' });
    await callApi(app, 'picture.put', { item: { id: 'b-9', kind: 'budgetLine', item: 'Lisärahoitus', category: 'AuroraAI-verkko', year: 2022, planned: 500000 } });
    const items = await callApi<Array<{ id: string; measurements?: unknown[] }>>(app, 'picture.list', { kind: 'indicator' });
    const coverage = items.find((i) => i.id === 'i-coverage')!;
    await callApi(app, 'picture.put', { item: { ...coverage, measurements: [...(coverage.measurements ?? []), { date: '2022-06-01', value: 74 }] } });
    await callApi(app, 'picture.saveReview', { label: 'Kevät 2027' });
    for (const lang of ['fi', 'sv']) {
      await b.page.goto(app.url);
      await b.page.locator('.lang-switch select').selectOption(lang);
      await b.page.goto(`${app.url}#/picture`);
      await b.page.getByTestId('picture-dashboard-ready').waitFor();
      await b.page.waitForTimeout(400);
      await b.page.screenshot({ path: path.join(out, `${lang}-dashboard.png`) });
      for (const id of ['dash-goals', 'dash-budget', 'dash-cba', 'dash-surveys', 'dash-matching', 'dash-changes']) {
        const section = b.page.locator(`section[aria-labelledby="${id}"]`);
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: path.join(out, `${lang}-${id}.png`) });
      }
      // An indicator's form with a mistake in it: the target equals the baseline.
      await b.page.locator('.indicator-row[data-indicator="i-coverage"] button.small-button').click();
      await b.page.locator('.picture-editor').waitFor();
      await b.page.fill('#pe-target-value', '40');
      await b.page.locator('.picture-editor button[type=submit]').click();
      await b.page.locator('#pe-target-value-error').scrollIntoViewIfNeeded();
      await b.page.screenshot({ path: path.join(out, `${lang}-editor.png`) });
      await b.page.locator('.picture-editor').getByRole('button', { name: /Peruuta|Avbryt|Cancel/ }).click();
      await b.page.getByRole('button', { name: /Vertaa|Jämför/ }).last().click();
      await b.page.locator('.comparison-box').waitFor();
      await b.page.locator('section[aria-labelledby="dash-reviews"]').screenshot({ path: path.join(out, `${lang}-reviews.png`) });
    }
    console.log(`Screenshots in ${out}`);
  } finally {
    await b.close();
    await app.stop();
  }
}
void main();
