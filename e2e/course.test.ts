import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

const SHOTS = path.resolve(__dirname, '.artifacts/course');
let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
let tmp: string;
let packPath: string;
let trainerPath: string;
const files: Record<string, string> = {};

const api = <T = unknown>(method: string, input: unknown = {}) => callApi<T>(app, method, input);
const node = (name: string): Locator => page.locator('.react-flow__node', { hasText: name });
const panel = () => page.getByTestId('course-panel');
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const norm = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const shot = async (name: string) => {
  // Whatever moves (a notice, the layout's animation) settles first, so the picture shows what stays.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};
const language = async (lang: 'fi' | 'sv') => {
  await page.locator('.lang-switch select').selectOption(lang);
  await poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
};
/** What the open workspace holds, by kind and Finnish name. */
const needs = async () => (await api<{ kind: string; name: { fi?: string } }[]>('entities.list', { kind: 'need' })).map((e) => e.name.fi);

const MANIFEST = {
  format: 'kohtaanto-course',
  formatVersion: 1,
  id: 'e2e-asuminen',
  revision: 1,
  title: { fi: 'Opiskelijan asuminen', sv: 'Studerandes boende', en: 'Student housing' },
  description: { fi: 'Kaksi lyhyttä harjoitusta.', sv: 'Två korta övningar.', en: 'Two short exercises.' },
  learningGoals: [{ fi: 'Osaat lisätä palvelutarpeen ja kytkeä sen palveluun.', sv: 'Du kan lägga till ett servicebehov och koppla det till en tjänst.', en: 'You can add a need and link it to a service.' }],
  workspaces: [{ id: 'start', title: { fi: 'Lähtötilanne', sv: 'Utgångsläge', en: 'Start' } }],
  exercises: [
    {
      id: 'ex1',
      title: { fi: 'Lisää asumisen tarve', sv: 'Lägg till behovet av boende', en: 'Add the need for housing' },
      instructions: { fi: 'Opiskelijalla on tarve löytää asunto. Lisää kartalle palvelutarve ”Asuminen”.', sv: 'Studeranden behöver hitta en bostad. Lägg till servicebehovet ”Asuminen” på kartan.', en: 'The student needs a home. Add the need “Asuminen” to the map.' },
      hints: [
        { fi: 'Palvelutarve lisätään vasemman reunan paletista.', sv: 'Ett servicebehov läggs till från paletten till vänster.', en: 'Add a need from the palette on the left.' },
        { fi: 'Nimen pitää sisältää sana Asuminen.', sv: 'Namnet ska innehålla ordet Asuminen.', en: 'The name must contain the word Asuminen.' },
      ],
      start: { from: 'workspace', workspace: 'start' },
      checks: [
        {
          id: 'need',
          title: { fi: 'Kartalla on palvelutarve Asuminen', sv: 'Kartan har servicebehovet Asuminen', en: 'The map has the need Asuminen' },
          hint: { fi: 'Valitse paletista Palvelutarve ja anna nimeksi Asuminen.', sv: 'Välj Servicebehov i paletten och ge det namnet Asuminen.', en: 'Choose Need in the palette and name it Asuminen.' },
          rule: { type: 'entityExists', match: { kind: 'need', nameContains: 'Asuminen' }, min: 1 },
        },
      ],
    },
    {
      id: 'ex2',
      title: { fi: 'Kytke tarve palveluun', sv: 'Koppla behovet till en tjänst', en: 'Link the need to a service' },
      instructions: { fi: 'Mikä palvelu vastaa asumisen tarpeeseen? Kytke se tarpeeseen ja perustele.', sv: 'Vilken tjänst svarar på behovet av boende? Koppla den och motivera.', en: 'Which service meets the need? Link it and explain.' },
      hints: [],
      start: { from: 'continue' },
      checks: [
        {
          id: 'link',
          title: { fi: 'Palvelu vastaa tarpeeseen Asuminen', sv: 'En tjänst svarar på behovet Asuminen', en: 'A service addresses Asuminen' },
          hint: { fi: 'Vedä yhteys palvelusta tarpeeseen.', sv: 'Dra en koppling från tjänsten till behovet.', en: 'Drag a link from the service to the need.' },
          rule: { type: 'linkExists', linkType: 'addresses', source: { kind: 'service' }, target: { kind: 'need', nameContains: 'Asuminen' }, min: 1 },
        },
        { id: 'why', title: { fi: 'Perustelu', sv: 'Motivering', en: 'Reasoning' }, hint: {}, rule: { type: 'freeAnswer', prompt: { fi: 'Miksi valitsit tämän palvelun?', sv: 'Varför valde du den här tjänsten?', en: 'Why did you choose this service?' } } },
      ],
    },
  ],
  provenance: [{ source: 'e2e test', handEntered: true }],
};

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-course-e2e-'));
  app = await startApp({ openFirstRun: false });

  // The trainer's pack, authored through the API the authoring screen uses.
  await api('workspace.create', { name: 'Kurssipohja' });
  trainerPath = (await api<{ path: string }>('workspace.current')).path;
  const mk = async (kind: string, fi: string, extra: object = {}) => (await api<{ id: string }>('entities.create', { entity: { kind, name: { fi }, ...extra } })).id;
  const kela = await mk('organisation', 'Kela');
  const tuki = await mk('service', 'Opintotuki');
  await api('links.create', { type: 'provides', source: kela, target: tuki });
  await api('course.draftPut', { manifest: MANIFEST });
  await api('course.draftRecord', { as: { workspace: 'start' } });
  const asuminen = await mk('need', 'Asuminen');
  await api('course.draftRecord', { as: { answer: 'ex1' } });
  await api('links.create', { type: 'addresses', source: tuki, target: asuminen });
  await api('course.draftRecord', { as: { answer: 'ex2' } });
  const out = await api<{ file: { name: string; dataBase64: string } }>('course.draftExport');
  packPath = path.join(tmp, out.file.name);
  fs.writeFileSync(packPath, Buffer.from(out.file.dataBase64, 'base64'));

  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${app.url}#/start`);
  await page.getByRole('heading', { name: 'Avaa kurssipaketti' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('course packs in the browser: participant', () => {
  it('opens a pack from the start screen, takes a name and opens the copy on the map with the exercise panel', async () => {
    await page.getByLabel('Kurssipakettitiedosto').setInputFiles(packPath);
    await page.getByRole('heading', { name: 'Opiskelijan asuminen' }).waitFor();
    expect(norm(await page.locator('.course-join').textContent())).toContain('2 harjoitusta');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-01-open-pack');
    await page.getByLabel('Nimesi').fill('Aino Osallistuja');
    await page.getByRole('button', { name: 'Tee oma kopio ja aloita' }).click();
    await panel().waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    expect(page.url()).toContain('#/canvas/map');
    expect(norm(await panel().locator('h2').textContent())).toBe('Harjoitus 1/2: Lisää asumisen tarve');
    expect(norm(await panel().textContent())).toContain('0/2 harjoitusta tehty');
    files.aino = (await api<{ path: string }>('workspace.current')).path;
    expect(files.aino).not.toBe(trainerPath);
    // The panel fits beside the map at 1440×900: nothing of it is cut off sideways.
    const box = (await panel().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    expect((await page.locator('.react-flow').boundingBox())!.width).toBeGreaterThan(500);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('checks the work: a failed check says why and shows its hint; hints open one by one', async () => {
    await panel().getByRole('button', { name: 'Tarkista työni' }).click();
    const row = panel().locator('.course-check[data-check="need"]');
    await row.waitFor();
    expect(norm(await row.locator('.course-check-status').textContent())).toBe('✗ Ei vielä');
    expect(norm(await row.locator('.course-check-explain').textContent())).toMatch(/0.*1/);
    expect(norm(await row.locator('.course-check-hint').textContent())).toBe('Vihje: Valitse paletista Palvelutarve ja anna nimeksi Asuminen.');
    expect(norm(await panel().locator('#course-results-title').textContent())).toMatch(/^0\/1 tarkistusta kunnossa/);

    await panel().getByRole('button', { name: 'Näytä vihje' }).click();
    expect(await panel().locator('.course-hint-list li').allTextContents()).toEqual(['Palvelutarve lisätään vasemman reunan paletista.']);
    await panel().getByRole('button', { name: 'Näytä seuraava vihje (2/2)' }).click();
    expect(await panel().locator('.course-hint-list li').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-02-check-failed');
  });

  it('does the exercise on the map and the check passes in under a second', async () => {
    await page.locator('.palette button', { hasText: 'Palvelutarve' }).click();
    await page.fill('#quick-name', 'Asuminen');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await node('Asuminen').waitFor();
    await panel().getByRole('button', { name: 'Tarkista työni' }).click();
    const row = panel().locator('.course-check[data-check="need"].status-passed');
    await row.waitFor();
    expect(norm(await row.locator('.course-check-status').textContent())).toBe('✓ Läpäisty');
    expect(await row.locator('.course-check-hint').count()).toBe(0);
    const title = norm(await panel().locator('#course-results-title').textContent());
    expect(title).toMatch(/^1\/1 tarkistusta kunnossa/);
    const ms = Number(/(\d+) ms/.exec(title)?.[1]);
    expect(ms).toBeLessThan(1000);
    await poll(async () => norm(await panel().textContent())).toContain('1/2 harjoitusta tehty');
    await shot('fi-03-check-passed');
  });

  it('resets the exercise after asking, as one step that undo takes back', async () => {
    await panel().getByRole('button', { name: 'Aloita harjoitus alusta' }).click();
    const dialog = panel().getByRole('alertdialog');
    expect(norm(await dialog.textContent())).toContain('Kartta palaa harjoituksen ”Lisää asumisen tarve” lähtötilanteeseen');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Aloita alusta' }).click();
    await poll(() => node('Asuminen').count()).toBe(0);
    expect(await needs()).toEqual([]);
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await node('Asuminen').waitFor();
    expect(await needs()).toEqual(['Asuminen']);
  });

  it('moves to the next exercise with a free answer kept in the copy, and reads in Swedish', async () => {
    await panel().getByRole('button', { name: /Seuraava/ }).click();
    await poll(async () => norm(await panel().locator('h2').textContent())).toBe('Harjoitus 2/2: Kytke tarve palveluun');
    const answer = panel().getByLabel('Miksi valitsit tämän palvelun?');
    await answer.fill('Opintotuen asumislisä auttaa vuokrassa.');
    await panel().getByRole('button', { name: 'Tallenna vastaus' }).click();
    await poll(async () => norm(await panel().textContent())).toContain('Vastaus tallennettu.');
    await panel().getByRole('button', { name: 'Tarkista työni' }).click();
    await panel().locator('.course-check[data-check="link"].status-failed').waitFor();
    expect(norm(await panel().locator('.course-check[data-check="why"] .course-check-status').textContent())).toBe('✎ Kouluttaja arvioi');
    await shot('fi-04-exercise-2');

    await language('sv');
    expect(norm(await panel().locator('h2').textContent())).toBe('Övning 2/2: Koppla behovet till en tjänst');
    expect(norm(await panel().locator('.course-check[data-check="link"] .course-check-status').textContent())).toBe('✗ Inte ännu');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('sv-04-exercise-2');
    await language('fi');
  });
});

describe('course packs in the browser: trainer', () => {
  beforeAll(async () => {
    // A second participant, through the same API: a need of the wrong name.
    const pack = { name: path.basename(packPath), dataBase64: fs.readFileSync(packPath).toString('base64') };
    await api('course.join', { pack, participant: 'Bertta Vertailu' });
    files.bertta = (await api<{ path: string }>('workspace.current')).path;
    await api('entities.create', { entity: { kind: 'need', name: { fi: 'Asunto' } } });
    // Back to the trainer's workspace: both copies are closed (and complete on disk).
    await api('workspace.open', { path: trainerPath });
    files.broken = path.join(tmp, 'rikki.kohtaanto');
    fs.writeFileSync(files.broken, 'tämä ei ole työtila');
  }, 60_000);

  it('collects three files at once into a results table, the broken one with its own message', async () => {
    await page.goto(`${app.url}#/course/collect`);
    await page.getByRole('heading', { name: 'Kurssipaketit kouluttajalle' }).waitFor();
    await page.getByLabel('Kurssipaketti', { exact: true }).setInputFiles(packPath);
    await page.getByLabel('Osallistujien tiedostot').setInputFiles([files.aino, files.bertta, files.broken]);
    const table = page.locator('.course-results-table');
    await table.waitFor();
    expect(norm(await page.locator('#collect-table-title').textContent())).toBe('Tulokset: 2/3 tiedostoa laskettu');
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const aino = table.locator('tr', { hasText: 'Aino Osallistuja' });
    const bertta = table.locator('tr', { hasText: 'Bertta Vertailu' });
    expect(norm(await aino.locator('td[data-exercise="ex1"]').textContent())).toMatch(/^✓ 1\/1 · \d+ min$/);
    expect(norm(await bertta.locator('td[data-exercise="ex1"]').textContent())).toMatch(/^0\/1 · \d+ min$/);
    const broken = table.locator('tr.course-row-error');
    expect(norm(await broken.textContent())).toContain('rikki.kohtaanto');
    expect(norm(await broken.locator('td').last().textContent()).length).toBeGreaterThan(15);
    // The broken file stays last; sorting by name both ways puts Aino and Bertta in order.
    await table.getByRole('button', { name: 'Osallistuja' }).click();
    expect(await table.locator('thead th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(norm(await rows.nth(0).locator('th').textContent())).toBe('Bertta Vertailu');
    expect(await rows.nth(2).getAttribute('class')).toContain('course-row-error');
    await table.getByRole('button', { name: 'Osallistuja' }).click();
    expect(norm(await rows.nth(0).locator('th').textContent())).toBe('Aino Osallistuja');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-05-results');
  });

  it('compares a participant with the model answer and shows the difference on the map', async () => {
    await page.selectOption('#compare-other', { label: 'Bertta Vertailu' });
    await page.selectOption('#compare-base', { label: 'Harjoituksen 2 mallivastaus: Kytke tarve palveluun' });
    await page.getByRole('button', { name: 'Vertaa', exact: true }).click();
    const diff = page.locator('.course-diff');
    await diff.waitFor();
    expect(norm(await diff.locator('.diff-added').first().textContent())).toContain('Asunto');
    expect(norm(await diff.locator('.diff-removed').first().textContent())).toContain('Asuminen');
    expect(norm(await diff.locator('.course-diff-col', { hasText: 'yhteys puuttuu' }).textContent())).toContain('Opintotuki → Asuminen');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-06-compare');
    await language('sv');
    await poll(async () => norm(await page.locator('#collect-table-title').textContent())).toBe('Resultat: 2 av 3 filer räknade');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('sv-05-results');
    await page.locator('.course-compare').scrollIntoViewIfNeeded();
    await shot('sv-06-compare');
    await language('fi');

    // Only what the open (trainer's) workspace has can be shown: Asuminen, not Bertta's Asunto.
    await page.getByRole('button', { name: /Näytä \d+ kartalla/ }).click();
    await node('Asuminen').waitFor();
    await poll(() => node('Asuminen').evaluate((el) => el.classList.contains('selected'))).toBe(true);
    await shot('fi-07-compare-on-map');
  });

  it('shows the draft in the authoring screen, and previews it as a participant', async () => {
    await page.goto(`${app.url}#/course`);
    await page.getByRole('heading', { name: 'Paketti' }).waitFor();
    expect(await page.locator('#pack-title-fi').inputValue()).toBe('Opiskelijan asuminen');
    expect(await page.locator('.course-author-list li').count()).toBe(2);
    expect(norm(await page.locator('.course-author-list li').first().textContent())).toContain('Mallivastaus');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-08-author');
    await page.getByRole('button', { name: 'Esikatsele osallistujana' }).click();
    await panel().waitFor();
    expect(norm(await panel().locator('h2').textContent())).toBe('Harjoitus 1/2: Lisää asumisen tarve');
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-09-preview');
    await language('sv');
    await shot('sv-08-author');
    await language('fi');
  });

  it('refuses to export a pack whose model answer fails its own checks, listing the failing check', async () => {
    const checkTitle = page.locator('#chk-need-title-fi');
    // The first exercise now asks for two needs named Asuminen; its model answer has one.
    await page.locator('#chk-need-min').fill('2');
    await poll(async () => norm(await page.locator('.course-save-state').textContent())).toBe('Luonnos tallennettu tähän työtilaan.');
    await page.getByRole('button', { name: 'Vie paketti' }).click();
    const refusal = page.locator('.course-refusal');
    await refusal.waitFor();
    expect(norm(await refusal.textContent())).toContain(`Lisää asumisen tarve: ${await checkTitle.inputValue()}`);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-10-export-refused');
  });
});

describe('course packs shipped with the app', () => {
  it('lists the four packs on the start screen in Finnish; starting one makes a copy whose exercise panel checks the work', async () => {
    const before = (await api<{ path: string }>('workspace.current')).path;
    await page.goto(`${app.url}#/start`);
    const list = page.locator('.course-shipped-list');
    await list.waitFor();
    expect(norm(await page.locator('.course-shipped h3').textContent())).toBe('Kohtaannon mukana tulevat kurssit');
    expect((await list.locator('.course-shipped-title').allTextContents()).map(norm)).toEqual([
      'Nuoret kiinni yhteiskunnassa',
      'Ulkomaalaisten opiskelijoiden kiinnittyminen suomalaiseen työelämään',
      'Kiinni työelämässä jatkuvan oppimisen avulla',
      'Läheisen kuolema',
    ]);
    for (const n of await list.locator('li').all()) expect(norm(await n.textContent())).toMatch(/\d+ harjoitusta/);
    expect(await seriousViolations(page)).toEqual([]);

    await list.getByRole('button', { name: 'Valitse kurssi Läheisen kuolema' }).click();
    await page.locator('.course-join-form').getByRole('heading', { name: 'Läheisen kuolema' }).waitFor();
    await shot('fi-11-shipped-packs');
    await page.getByLabel('Nimesi').fill('Cecilia Kurssilainen');
    await page.getByRole('button', { name: 'Tee oma kopio ja aloita' }).click();
    await panel().waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    expect(norm(await panel().locator('h2').textContent())).toMatch(/^Harjoitus 1\/\d+: /);
    const copy = (await api<{ path: string }>('workspace.current')).path;
    expect(copy).not.toBe(before);
    expect(fs.existsSync(copy)).toBe(true);
    const cur = await api<{ progress: { packId: string; participant: string } }>('course.current');
    expect(cur.progress).toMatchObject({ packId: 'laheisen-kuolema', participant: 'Cecilia Kurssilainen' });

    await panel().getByRole('button', { name: 'Tarkista työni' }).click();
    await panel().locator('.course-check').first().waitFor();
    expect(norm(await panel().locator('#course-results-title').textContent())).toMatch(/^\d+\/\d+ tarkistusta kunnossa/);
    expect(await panel().locator('.course-check.status-failed').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('fi-12-shipped-check');
  });
});
