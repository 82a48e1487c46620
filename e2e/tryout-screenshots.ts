// Screenshots of the try-out page for a 70-year-old persona over the real PTV general
// descriptions, in Finnish and Swedish (issue 8: age, duplicates, score scale, notes, language):
//   npx electron-vite build && npx tsx e2e/tryout-screenshots.ts WORKSPACE.kohtaanto /tmp/shots
// WORKSPACE is a workspace with ../shared/data/ptv/general-descriptions.json imported
// (kohtaanto new + kohtaanto import); it is copied, never written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, startApp } from './harness';

async function main(): Promise<void> {
  const source = path.resolve(process.argv[2] ?? '');
  const out = path.resolve(process.argv[3] ?? 'e2e/.artifacts/tryout');
  if (!fs.existsSync(source)) throw new Error(`No workspace ${source}`);
  fs.mkdirSync(out, { recursive: true });
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-tryout-')), 'gd.kohtaanto');
  fs.copyFileSync(source, copy);
  const app = await startApp({ openFirstRun: false });
  const api = async <T,>(method: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: app.headers, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  await api('workspace.open', { path: copy });
  const meters = { health: 2, resilience: 6, housing: 8, working_studying: 8, family: 7, friends: 3, finance: 6, improvement_of_strengths: 7, self_esteem: 6, life_satisfaction: 3 };
  const persona = await api<{ id: string }>('entities.create', {
    entity: { kind: 'persona', name: { fi: 'Eläkeläinen, 70 v', sv: 'Pensionär, 70 år' }, ageMin: 70, ageMax: 70, language: 'fi', municipality: '091', meters },
  });
  const b = await launchBrowser();
  try {
    for (const lang of ['fi', 'sv']) {
      await b.page.goto(app.url);
      await b.page.locator('.lang-switch select').selectOption(lang);
      await b.page.goto(`${app.url}#/tryout/${persona.id}`);
      await b.page.locator('.tryout-output .rec-item').first().waitFor({ timeout: 120_000 });
      await b.page.screenshot({ path: path.join(out, `tryout-70-${lang}.png`), fullPage: true });
      await b.page.fill('#tryout-text', 'hautajaiset');
      await b.page.locator('.tryout-notes li', { hasText: 'hautajaiset' }).waitFor({ timeout: 60_000 });
      await b.page.locator('.tryout-notes').screenshot({ path: path.join(out, `tryout-70-${lang}-text.png`) });
    }
    console.log(`Screenshots in ${out}`);
  } finally {
    await b.close();
    await app.stop();
  }
}
void main();
