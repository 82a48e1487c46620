// The impact logic (issue 9, "Goals and impact logic"): boxes made by keyboard in the outline and
// by mouse on the diagram, a link with an assumption whose status is changed and undone, a link
// against the chain's direction refused with a message, entity references and a goal, deletes
// that undo as one step; axe on every state; screenshots in fi and sv.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ImpactBox, ImpactLink, PictureItem } from '../shared/picture';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const SHOTS = path.resolve(__dirname, '.artifacts/picture-impact');
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const items = () => callApi<PictureItem[]>(app, 'picture.list', {});
const boxes = async () => (await items()).filter((i): i is ImpactBox => i.kind === 'impactBox');
const links = async () => (await items()).filter((i): i is ImpactLink => i.kind === 'impactLink');
const boxId = async (fi: string) => (await boxes()).find((b) => b.name.fi === fi)?.id;

async function axeClean() {
  const v = await seriousViolations(page);
  expect(v.map((x) => `${x.id}: ${x.help} ${JSON.stringify(x.nodes.slice(0, 3))}`)).toEqual([]);
}

/** The box on the diagram by its name. */
const node = (name: string) => page.locator('.impact-flow .react-flow__node-box', { hasText: name });
const notice = () => page.locator('.notice-area .notice');

/** Drags with the mouse from one point to another in small steps, as React Flow needs to see. */
async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  await page.mouse.up();
}
async function centreOf(sel: ReturnType<Page['locator']>) {
  const b = (await sel.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  app = await startApp({ openFirstRun: false });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('the impact logic', () => {
  it('is built by keyboard in the outline and by mouse on the diagram, linked left to right with an assumption whose status change undoes', async () => {
    await callApi(app, 'workspace.create', { name: 'Vaikutuslogiikka' });
    const need = await callApi<{ id: string }>(app, 'entities.create', { entity: { kind: 'need', name: { fi: 'Toimeentulo', sv: 'Försörjning' } } });
    await callApi(app, 'entities.create', { entity: { kind: 'lifeEvent', name: { fi: 'Nuoren aikuistuminen', sv: 'Ung vuxen' } } });

    await page.goto(`${app.url}#/picture/impact`);
    // Empty: the seven stages explained, and the first box can be typed at once.
    await page.getByRole('heading', { name: 'Vaikutuslogiikka on vielä tyhjä' }).waitFor();
    expect(await page.locator('.impact-chain li').count()).toBe(7);
    await axeClean();
    await shot('fi-empty');
    await page.getByLabel('Ensimmäinen lähtökohta').fill('Asiointi on pirstaleista');
    await page.getByRole('button', { name: 'Aloita lähtökohdista' }).click();
    await node('Asiointi on pirstaleista').waitFor();
    expect((await boxes()).map((b) => [b.stage, b.name])).toEqual([['basis', { fi: 'Asiointi on pirstaleista' }]]);

    // The outline, by keyboard alone: a box in "Tarpeet" and one in "Toiminnot".
    await page.getByRole('button', { name: 'Jäsennys' }).click();
    await page.getByRole('heading', { name: 'Vaikutuslogiikka jäsennyksenä' }).waitFor();
    await page.getByLabel('Uusi laatikko vaiheeseen Tarpeet').focus();
    await page.keyboard.type('Nuoret eivät löydä palveluja');
    await page.keyboard.press('Enter');
    await poll(async () => (await boxes()).length).toBe(2);
    // The field keeps the focus and is empty for the next one.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).id)).toBe('impact-add-needs');
    await page.getByLabel('Uusi laatikko vaiheeseen Toiminnot').focus();
    await page.keyboard.type('Palveluohjaus chatissa');
    await page.keyboard.press('Enter');
    await poll(async () => (await boxes()).map((b) => b.stage).sort()).toEqual(['activities', 'basis', 'needs']);

    // Link "need → activity" with an assumption and its status, from the keyboard.
    await page.getByRole('button', { name: 'Yhdistä Nuoret eivät löydä palveluja myöhempään laatikkoon' }).focus();
    await page.keyboard.press('Enter');
    const target = page.getByLabel('Johtaa laatikkoon');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    // Only later stages are offered: the basis box is not among the choices.
    expect(await target.locator('option').allTextContents()).toEqual(['Valitse laatikko', 'Palveluohjaus chatissa']);
    await target.selectOption({ label: 'Palveluohjaus chatissa' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-assumption$/);
    await page.keyboard.type('Nuoret käyttävät chattia');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.getByLabel('Oletuksen tila').selectOption('uncertain');
    // A select takes no Enter for its form: Tab on to the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yhdistä');
    await page.keyboard.press('Enter');
    await poll(async () => (await links()).length).toBe(1);
    const [first] = await links();
    expect(first).toMatchObject({ source: await boxId('Nuoret eivät löydä palveluja'), target: await boxId('Palveluohjaus chatissa'), assumption: { fi: 'Nuoret käyttävät chattia' }, assumptionStatus: 'uncertain' });
    const outlineLink = page.locator('.impact-outline-link', { hasText: 'Palveluohjaus chatissa' });
    await expect.poll(() => outlineLink.textContent()).toContain('Epävarma');
    await axeClean();
    await shot('fi-outline');

    // The diagram, by mouse: "+" on the Tulokset column adds a box there.
    await page.getByRole('button', { name: 'Kaavio' }).click();
    await node('Palveluohjaus chatissa').waitFor();
    // The view shows the stages in use and the next; the whole chain is one click away.
    await page.getByRole('button', { name: 'Näytä koko ketju' }).click();
    await page.waitForTimeout(400);
    await page.getByRole('button', { name: 'Lisää laatikko vaiheeseen Tulokset' }).click();
    await page.locator('#impact-quick-name').fill('Nuoret saavat avun ensimmäisellä yhteydenotolla');
    await page.locator('.impact-quick button[type=submit]').click();
    await node('Nuoret saavat avun').waitFor();
    const results = await boxId('Nuoret saavat avun ensimmäisellä yhteydenotolla');
    expect((await boxes()).find((b) => b.id === results)?.stage).toBe('results');
    await page.waitForTimeout(500);

    // Laid out by ELK (in the map's layout worker); columns stand left to right in stage order.
    await page.locator('.impact-flow[data-layout=elk]').waitFor();
    const xs = await Promise.all(['Asiointi on pirstaleista', 'Nuoret eivät löydä', 'Palveluohjaus chatissa', 'Nuoret saavat avun'].map(async (n) => (await node(n).boundingBox())!.x));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);

    // A link against the chain's direction is refused, with a message that says why.
    const handle = (name: string, kind: 'source' | 'target') => node(name).locator(`.react-flow__handle-${kind === 'source' ? 'right' : 'left'}`);
    await drag(await centreOf(handle('Nuoret saavat avun', 'source')), await centreOf(node('Nuoret eivät löydä')));
    await expect.poll(() => notice().textContent()).toContain('vasemmalta oikealle');
    expect(await links()).toHaveLength(1);

    // Activity → result by dragging from the activity's right edge to the result.
    await drag(await centreOf(handle('Palveluohjaus chatissa', 'source')), await centreOf(handle('Nuoret saavat avun', 'target')));
    await poll(async () => (await links()).length).toBe(2);
    expect((await links()).find((l) => l.target === results)).toMatchObject({ source: await boxId('Palveluohjaus chatissa'), assumption: {} });

    // The first link's status on its label, and changed by mouse in its editor.
    const label = page.locator('.ilink-label', { hasText: 'Nuoret käyttävät chattia' });
    await expect.poll(() => label.textContent()).toContain('Epävarma');
    await shot('fi-canvas-links');
    await label.click();
    await page.locator('.impact-panel').getByRole('heading', { name: 'Muokkaa yhteyttä' }).waitFor();
    await page.locator('.impact-panel').getByLabel('Pitää').check();
    await page.locator('.impact-panel').getByRole('button', { name: 'Tallenna' }).click();
    await poll(async () => (await links()).find((l) => l.id === first.id)?.assumptionStatus).toBe('holds');
    await expect.poll(() => label.textContent()).toContain('Pitää');
    await axeClean();

    // Ctrl+Z (outside a text field) takes the status back, one step.
    await page.locator('.impact-flow .react-flow__pane').click({ position: { x: 40, y: 500 } });
    await page.keyboard.press('Control+z');
    await poll(async () => (await links()).find((l) => l.id === first.id)?.assumptionStatus).toBe('uncertain');
    await expect.poll(() => label.textContent()).toContain('Epävarma');

    // A box points at ecosystem entities and gets a goal, in its editor.
    await node('Nuoret eivät löydä').click();
    const panel = page.locator('.impact-panel');
    await panel.getByRole('heading', { name: /Muokkaa laatikkoa/ }).waitFor();
    const chooser = panel.getByRole('combobox', { name: 'Hae ekosysteemin kohteita' });
    await chooser.fill('toimeen');
    await chooser.press('Enter');
    await panel.getByRole('button', { name: 'Lisää 1' }).click();
    await poll(async () => (await boxes()).find((b) => b.name.fi === 'Nuoret eivät löydä palveluja')?.refs).toEqual([need.id]);
    await panel.getByLabel('Uusi tavoite').fill('Sujuvampi asiointi elämäntapahtumissa');
    await panel.getByRole('button', { name: 'Lisää tavoite' }).click();
    await poll(async () => (await items()).filter((i) => i.kind === 'goal').length).toBe(1);
    await panel.getByRole('button', { name: 'Tallenna' }).click();
    const goal = (await items()).find((i) => i.kind === 'goal')!;
    await poll(async () => (await boxes()).find((b) => b.name.fi === 'Nuoret eivät löydä palveluja')?.goal).toBe(goal.id);
    await expect.poll(() => node('Nuoret eivät löydä').textContent()).toContain('Sujuvampi asiointi');
    await expect.poll(() => node('Nuoret eivät löydä').textContent()).toContain('Toimeentulo');
    // Moving a box to a stage its links would then run against is refused, with their names.
    await panel.getByLabel('Vaihe', { exact: true }).selectOption('results');
    await panel.getByRole('button', { name: 'Tallenna' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('Palveluohjaus chatissa');
    expect((await boxes()).find((b) => b.name.fi === 'Nuoret eivät löydä palveluja')?.stage).toBe('needs');
    await panel.getByLabel('Vaihe', { exact: true }).selectOption('needs');
    await axeClean();
    await shot('fi-canvas');

    // Delete by keyboard on the diagram: the activity and its two links go, and come back in one undo.
    await page.getByRole('button', { name: 'Sulje', exact: true }).click();
    // Closing the editor gives the focus back to the box it edited (in the next frame).
    await expect.poll(() => node('Nuoret eivät löydä').evaluate((el) => el === document.activeElement)).toBe(true);
    await node('Palveluohjaus chatissa').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog').getByText('2 yhteyttä').waitFor();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Poista' }).click();
    await poll(async () => [(await boxes()).length, (await links()).length]).toEqual([3, 0]);
    await page.locator('.impact-flow .react-flow__pane').click({ position: { x: 40, y: 500 } });
    await page.keyboard.press('Control+z');
    await poll(async () => [(await boxes()).length, (await links()).length]).toEqual([4, 2]);
    await node('Palveluohjaus chatissa').waitFor();
  });

  it('reads in Swedish, and its outline deletes a link', async () => {
    await page.goto(app.url);
    await page.locator('.lang-switch select').selectOption('sv');
    await page.goto(`${app.url}#/picture/impact`);
    await page.getByRole('button', { name: 'Diagram' }).click();
    await node('Palveluohjaus chatissa').waitFor();
    await page.waitForTimeout(600);
    await expect.poll(() => page.locator('.ilink-label', { hasText: 'Nuoret käyttävät chattia' }).textContent()).toContain('Osäkert');
    expect(await page.locator('.istage-name').allTextContents()).toEqual(['Utgångsläge', 'Behov', 'Insatser', 'Aktiviteter', 'Prestationer', 'Resultat', 'Effekter']);
    await node('Nuoret eivät löydä').click();
    await page.locator('.impact-panel').getByRole('heading', { name: /Redigera rutan/ }).waitFor();
    await axeClean();
    await shot('sv-canvas');

    await page.getByRole('button', { name: 'Disposition' }).click();
    await page.getByRole('heading', { name: 'Effektlogiken som disposition' }).waitFor();
    await axeClean();
    await shot('sv-outline');
    await page.getByRole('button', { name: 'Radera kopplingen från Palveluohjaus chatissa till Nuoret saavat avun ensimmäisellä yhteydenotolla' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Radera' }).click();
    await poll(async () => (await links()).length).toBe(1);
    await page.locator('.lang-switch select').selectOption('fi');
  });
});
