// A trainer receives participants' course files live through a workshop session, in Chromium:
// the trainer's Collect screen and two participants, each in their own browser context, who send
// their course copies (made with the course API) from the session's page; the trainer's table
// shows both rows as they arrive, and a file of another kind is refused on the participant's page.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePack } from '../shared/course/testkit';
import { writePack } from '../electron/backend/course/pack';
import { seriousViolations } from './axe';
import { CHROMIUM, callApi, startApp, type RunningApp } from './harness';

const SHOTS = path.resolve(__dirname, '.artifacts/course-workshop');
const PHONE = { width: 390, height: 844 };

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let trainer: Page;
let aino: Page;
let bertil: Page;
let packPath = '';
let code = '';
const copies: Record<string, Buffer> = {};

const api = <T = unknown>(method: string, input: unknown = {}) => callApi<T>(app, method, input);
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const norm = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

async function newPage(viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'fi-FI', colorScheme: 'light' });
  contexts.push(context);
  return context.newPage();
}

async function joinAs(page: Page, name: string): Promise<void> {
  await page.goto(new URL('w/', app.url).href);
  await page.locator('#join-code').fill(code);
  await page.locator('#join-name').fill(name);
  await page.getByRole('button', { name: 'Liity', exact: true }).click();
  await page.getByTestId('me').waitFor();
}

async function send(page: Page, name: string, bytes: Buffer, lang: 'fi' | 'sv' = 'fi'): Promise<void> {
  await page.getByLabel(lang === 'fi' ? 'Kurssitiedostosi' : 'Din kursfil').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByRole('button', { name: lang === 'fi' ? 'Lähetä tiedosto' : 'Skicka filen' }).click();
}

const sessionRows = () => trainer.locator('.course-results-table tbody tr[data-source="session"]');

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  app = await startApp({ openFirstRun: false });
  const pack = samplePack({ id: 'e2e-tyopaja' });
  packPath = path.join(app.dataDir, 'Testikurssi.kohtaanto-course');
  fs.writeFileSync(packPath, await writePack(pack));
  const packInput = { name: path.basename(packPath), dataBase64: fs.readFileSync(packPath).toString('base64') };
  // Each participant's own copy, as the course API makes it (course.join is new-copy plus opening it).
  const made: Record<string, string> = {};
  for (const who of ['Aino Virtanen', 'Bertil Berg']) made[who] = (await api<{ path: string }>('course.join', { pack: packInput, participant: who })).path;
  // The trainer's own workspace for the session; opening it closes the last copy.
  await api('workspace.create', { name: 'Kurssipäivä' });
  for (const [who, file] of Object.entries(made)) copies[who] = fs.readFileSync(file);
  const s = await api<{ code: string }>('workshop.start', { settings: { title: 'Kurssipäivä', maxParticipants: 40, allowAnonymous: true, namesInRecord: false, language: 'fi' } });
  code = s.code;

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  trainer = await newPage({ width: 1440, height: 900 });
  aino = await newPage();
  bertil = await newPage();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('course files through a workshop session', () => {
  it('the trainer starts receiving for the loaded pack; participants then see the send section, and only then', async () => {
    await joinAs(aino, 'Aino V.');
    await joinAs(bertil, 'Bertil');
    expect(await aino.getByTestId('course-send').count()).toBe(0);
    await trainer.goto(`${app.url}#/course/collect`);
    await trainer.getByLabel('Kurssipaketti', { exact: true }).setInputFiles(packPath);
    const start = trainer.getByRole('button', { name: 'Ota vastaan tiedostoja työpajasta' });
    await start.waitFor();
    await start.click();
    await poll(async () => norm(await trainer.locator('.course-session [role="status"]').textContent())).toBe('Tämän kurssin tiedostoja otetaan vastaan työpajassa ”Kurssipäivä”: 0 tiedostoa vastaanotettu.');
    for (const p of [aino, bertil]) {
      await p.getByTestId('course-send').waitFor();
      expect(norm(await p.getByTestId('course-send').locator('p.muted').first().textContent())).toContain('Kouluttaja kerää kurssin ”Testikurssi” tiedostot.');
    }
    expect(await seriousViolations(aino)).toEqual([]);
    await shot(aino, 'fi-01-participant-send');
  });

  it('refuses a file that is not a course copy on the participant page, in Finnish, and the table stays empty', async () => {
    await send(bertil, 'muistiinpanot.txt', Buffer.from('ei tietokanta'));
    const err = bertil.locator('.p-course-error');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('notWorkspace');
    expect(norm(await err.textContent())).toBe('Tiedosto ei ole Kohtaanto-työtila. Lähetä kurssikopio, jossa teit harjoitukset (.kohtaanto-tiedosto).');
    expect(await sessionRows().count()).toBe(0);
    expect((await api<{ rows: unknown[] }>('course.sessionInbox')).rows).toEqual([]);
  });

  it('both participants send their copies and the trainer\'s table shows both rows live, named by who sent them', async () => {
    await send(aino, 'minun-kopioni.kohtaanto', copies['Aino Virtanen']);
    await poll(async () => norm(await aino.getByTestId('course-sent').textContent())).toMatch(/^Tiedostosi vastaanotettiin klo [\d.:]+: \d+\/\d+ tarkistusta läpäisty\./);
    await poll(() => sessionRows().count()).toBe(1);
    await send(bertil, 'bertil.kohtaanto', copies['Bertil Berg']);
    await bertil.getByTestId('course-sent').waitFor();
    await poll(() => sessionRows().count()).toBe(2);
    const table = trainer.locator('.course-results-table');
    expect(norm(await table.locator('tr', { hasText: 'Aino Virtanen' }).locator('td').first().textContent())).toBe('Työpajasta: Aino V.');
    expect(norm(await table.locator('tr', { hasText: 'Bertil Berg' }).locator('td').first().textContent())).toBe('Työpajasta: Bertil');
    expect(norm(await trainer.locator('#collect-table-title').textContent())).toBe('Tulokset: 2/2 tiedostoa laskettu');
    expect(norm(await trainer.locator('.course-session [role="status"]').textContent())).toContain('2 tiedostoa vastaanotettu');
    // A resend replaces the sender's row: still two.
    await send(aino, 'minun-kopioni.kohtaanto', copies['Aino Virtanen']);
    await poll(async () => norm(await aino.getByTestId('course-sent').textContent())).toContain('Tiedostosi vastaanotettiin');
    await trainer.waitForTimeout(500);
    expect(await sessionRows().count()).toBe(2);
    // Sorting works on these rows as on dropped ones.
    await table.getByRole('button', { name: 'Osallistuja' }).click();
    expect(norm(await sessionRows().nth(0).locator('th').textContent())).toBe('Bertil Berg');
    await table.getByRole('button', { name: 'Osallistuja' }).click();
    expect(norm(await sessionRows().nth(0).locator('th').textContent())).toBe('Aino Virtanen');
    expect(await seriousViolations(trainer)).toEqual([]);
    expect(await seriousViolations(aino)).toEqual([]);
    await shot(trainer, 'fi-02-trainer-session-rows');
    await shot(aino, 'fi-03-participant-sent');
  });

  it('says it all in Swedish too', async () => {
    await trainer.locator('.lang-switch select').selectOption('sv');
    await poll(async () => norm(await trainer.locator('.course-results-table tr', { hasText: 'Aino Virtanen' }).locator('td').first().textContent())).toBe('Från workshoppen: Aino V.');
    expect(norm(await trainer.locator('.course-session [role="status"]').textContent())).toBe('Tar emot filer för den här kursen i workshoppen ”Kurssipäivä”: 2 filer mottagna.');
    await bertil.locator('.p-lang').selectOption('sv');
    await bertil.getByRole('heading', { name: 'Skicka min kursfil' }).waitFor();
    await send(bertil, 'fel.txt', Buffer.from('inte en databas'), 'sv');
    await poll(async () => norm(await bertil.locator('.p-course-error').textContent())).toBe('Filen är inte en arbetsyta i Kohtaanto. Skicka kurskopian du arbetade i (en .kohtaanto-fil).');
    expect(await seriousViolations(bertil)).toEqual([]);
    await shot(bertil, 'sv-01-participant-refused');
    await shot(trainer, 'sv-02-trainer-session-rows');
    await trainer.locator('.lang-switch select').selectOption('fi');
  });

  it('counts dropped files in the same table, and compares a received file with the model answer', async () => {
    await trainer.getByLabel('Osallistujien tiedostot').setInputFiles({ name: 'bertil-sahkopostista.kohtaanto', mimeType: 'application/octet-stream', buffer: copies['Bertil Berg'] });
    await poll(async () => norm(await trainer.locator('#collect-table-title').textContent())).toBe('Tulokset: 3/3 tiedostoa laskettu');
    expect(await sessionRows().count()).toBe(2);
    expect(norm(await trainer.locator('.course-results-table tr[data-source="file"] td').first().textContent())).toBe('bertil-sahkopostista.kohtaanto');
    await trainer.selectOption('#compare-other', { label: 'Aino Virtanen' });
    await trainer.getByRole('button', { name: 'Vertaa', exact: true }).click();
    await trainer.locator('.course-diff').waitFor();
    expect(await trainer.locator('.course-compare [role="alert"]').count()).toBe(0);
  });

  it('stopping hides the send section on participants\' pages and keeps the rows', async () => {
    await trainer.getByRole('button', { name: 'Lopeta vastaanotto' }).click();
    await poll(() => aino.getByTestId('course-send').count()).toBe(0);
    expect(await sessionRows().count()).toBe(2);
    expect(norm(await trainer.locator('.course-session [role="status"]').textContent())).toBe('Tiedostoja ei nyt oteta vastaan. Työpajasta vastaanotetut 2 tiedostoa ovat yhä taulukossa.');
  });
});
