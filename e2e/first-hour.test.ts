// A facilitator's first hour (issue 8): no typed text lost on leaving a side panel, link
// pickers that search and tell same-named items apart, needs and personas from a life event's
// panel, first steps in an empty workspace, and an undo that says what it undid.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBackend } from '../electron/backend';
import { seriousViolations } from './axe';
import { callApi, type RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;
const SHOTS = process.env.SCREENSHOTS_DIR;

async function shot(name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Calls the app's own API over HTTP, as a second client would. */
function call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  return callApi<T>(app, method, input);
}

async function entity(kind: string, fi: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await call<{ id: string }>('entities.create', { entity: { kind, name: { fi }, ...extra } })).id;
}

async function description(id: string): Promise<string | undefined> {
  const r = await call<{ entity: { description?: { fi?: string } } }>('entities.get', { id });
  return r.entity.description?.fi;
}

async function openRow(kind: string, name: string) {
  await page.click(`nav a[href="#/${kind}"]`);
  await page.locator('.row-link', { hasText: name }).first().click();
  await expect.poll(() => page.locator('#panel-heading').textContent()).toBe(name);
}

appAndBrowserPerFile((a, b) => {
  app = a;
  browser = b;
  page = browser.page;
  // Chromium answers "leave page?" itself in headless mode; accept so reloads go through.
  page.on('dialog', (d) => void d.accept());
}, { app: { openFirstRun: false } });

describe('an empty workspace and the start screen', () => {
  it('offers import and other first steps, and the start screen from the navigation', async () => {
    await page.goto(app.url);
    // The start screen, before any workspace is open, already speaks the user's language.
    await page.selectOption('.lang-switch select', 'sv');
    await page.getByRole('heading', { name: 'Välkommen till Kohtaanto' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.selectOption('.lang-switch select', 'fi');
    await page.getByRole('heading', { name: 'Tervetuloa Kohtaantoon' }).waitFor();
    await page.fill('#new-name', 'Läheisen kuolema');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await page.getByRole('heading', { name: 'Ensimmäiset askeleet' }).waitFor();
    await shot('fi-empty');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Tuo tietoja/ }).click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('link', { name: 'Lisää elämäntapahtuma' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/lifeEvent$/);

    await page.getByRole('link', { name: 'Aloitus' }).click();
    await page.getByRole('heading', { name: 'Tervetuloa Kohtaantoon' }).waitFor();
    // The workspace stays open behind it and is in the recent list.
    await page.locator('.recent-list button', { hasText: 'Läheisen kuolema' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.recent-list button', { hasText: 'Läheisen kuolema' }).click();
    await page.getByRole('heading', { name: 'Ensimmäiset askeleet' }).waitFor();
  });

  it('in Swedish too', async () => {
    await page.selectOption('.lang-switch select', 'sv');
    await page.getByRole('heading', { name: 'Första stegen' }).waitFor();
    await page.getByRole('button', { name: /Importera data/ }).waitFor();
    await shot('sv-empty');
    await page.selectOption('.lang-switch select', 'fi');
  });
});

describe('unsaved side-panel edits', () => {
  let need: string;
  let other: string;
  beforeAll(async () => {
    need = await entity('need', 'Hautajaisjärjestelyt');
    other = await entity('need', 'Perunkirjoitus');
    await entity('organisation', 'Seurakunta');
  });

  it('saves the edit when another item of the navigation is clicked', async () => {
    await openRow('need', 'Hautajaisjärjestelyt');
    await page.fill('#field-description-fi', 'Arkku, kukat ja muistotilaisuus');
    await page.locator('.unsaved-note').waitFor();
    await page.click('nav a[href="#/organisation"]');
    await page.locator('main h1', { hasText: 'Organisaatiot' }).waitFor();
    await expect.poll(() => description(need)).toBe('Arkku, kukat ja muistotilaisuus');
  });

  it('saves the edit when another row is selected', async () => {
    await openRow('need', 'Hautajaisjärjestelyt');
    await page.fill('#field-description-fi', 'Toinen versio');
    await page.locator('.row-link', { hasText: 'Perunkirjoitus' }).click();
    await expect.poll(() => page.locator('#panel-heading').textContent()).toBe('Perunkirjoitus');
    await expect.poll(() => description(need)).toBe('Toinen versio');
    expect(await description(other)).toBeUndefined();
  });

  it('saves the edit when the panel is closed', async () => {
    await page.fill('#field-description-fi', 'Pesän selvitys');
    await page.getByRole('button', { name: 'Tallenna ja sulje' }).click();
    await expect.poll(() => page.locator('#panel-heading').count()).toBe(0);
    await expect.poll(() => description(other)).toBe('Pesän selvitys');
  });

  it('keeps the panel open with the error when the edit is not valid, and Discard drops it', async () => {
    await openRow('need', 'Perunkirjoitus');
    await page.fill('#field-name-fi', '');
    await page.click('nav a[href="#/organisation"]');
    // Not left: the form is still there, with the error and a notice saying why.
    await page.getByText('Anna nimi vähintään yhdellä kielellä.').waitFor();
    await page.locator('.notice-error', { hasText: 'korjaa merkityt kentät' }).waitFor();
    expect(page.url()).toMatch(/#\/need\//);
    expect(await page.locator('#field-name-fi').inputValue()).toBe('');
    await shot('fi-panel-invalid');
    await page.getByRole('button', { name: 'Hylkää muutokset' }).click();
    await expect.poll(() => page.locator('#panel-heading').count()).toBe(0);
    const r = await call<{ entity: { name: { fi: string } } }>('entities.get', { id: other });
    expect(r.entity.name.fi).toBe('Perunkirjoitus');
  });

  it('saves the edit before the workspace is switched', async () => {
    await openRow('need', 'Hautajaisjärjestelyt');
    await page.fill('#field-description-fi', 'Ennen vaihtoa');
    await page.getByRole('button', { name: /Työtila/ }).click();
    await page.getByRole('menuitem', { name: /Avaa tai luo toinen/ }).click();
    await page.getByRole('heading', { name: 'Tervetuloa Kohtaantoon' }).waitFor();
    // The file is closed now: read it directly.
    const { ctx, registry } = createBackend({ dataDir: app.dataDir, mode: 'browser' });
    try {
      const recent = (await registry.call('workspace.recent', {})) as { ok: true; value: { path: string }[] };
      await registry.call('workspace.open', { path: recent.value[0].path });
      const got = (await registry.call('entities.get', { id: need })) as { ok: true; value: { entity: { description: { fi: string } } } };
      expect(got.value.entity.description.fi).toBe('Ennen vaihtoa');
    } finally {
      ctx.close();
    }
    await page.locator('.recent-list button', { hasText: 'Läheisen kuolema' }).click();
    await page.locator('.ws-title', { hasText: 'Läheisen kuolema' }).waitFor();
  });

  it('keeps an unsaved edit across a reload of the tab', async () => {
    await openRow('need', 'Hautajaisjärjestelyt');
    await page.fill('#field-name-fi', ''); // invalid: cannot be saved on the way out
    await page.fill('#field-description-fi', 'Kirjoitettu juuri ennen latausta');
    await page.reload();
    await expect.poll(() => page.locator('#field-description-fi').inputValue()).toBe('Kirjoitettu juuri ennen latausta');
    await page.locator('.unsaved-note', { hasText: 'palautettiin' }).waitFor();
    await page.fill('#field-name-fi', 'Hautajaisjärjestelyt');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => description(need)).toBe('Kirjoitettu juuri ennen latausta');
  });
});

describe('link pickers', () => {
  let needId: string;
  beforeAll(async () => {
    needId = (await call<{ id: string }[]>('entities.list', { kind: 'need' })).find((e) => true)!.id;
    const kela = await entity('organisation', 'Kansaneläkelaitos', { orgType: 'state' });
    const oulu = await entity('organisation', 'Oulun kaupunki', { orgType: 'municipality', municipality: '564' });
    const a = await entity('service', 'Hautausavustus', { languages: ['fi', 'sv'] });
    const b = await entity('service', 'Hautausavustus', { languages: ['fi'], areaType: 'limited', areas: ['564'] });
    await entity('service', 'Hautausavustus', { languages: ['en'] });
    for (let i = 0; i < 80; i++) await entity('service', `Muu palvelu ${i}`);
    await call('links.create', { type: 'provides', source: kela, target: a });
    await call('links.create', { type: 'provides', source: oulu, target: b });
  });

  it('searches, shows what tells same-named services apart, and links several in one undoable step', async () => {
    await page.goto(`${app.url}#/need/${encodeURIComponent(needId)}`);
    await page.locator('#panel-heading').waitFor();
    const box = page.locator('#add-addresses-in');
    await box.click();
    await box.fill('hautaus');
    const options = page.locator('[role="listbox"][aria-multiselectable="true"] [role="option"]');
    await expect.poll(() => options.count()).toBe(3);
    const texts = await options.allTextContents();
    expect(texts.some((s) => s.includes('Kansaneläkelaitos') && s.includes('FI SV'))).toBe(true);
    expect(texts.some((s) => s.includes('Oulun kaupunki') && s.includes('Oulu'))).toBe(true);
    expect(texts.some((s) => s.includes('ei tuottajaa') && s.includes('EN'))).toBe(true);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    await shot('fi-picker');
    expect(await seriousViolations(page)).toEqual([]);
    // Every word must match, in the name or in what tells them apart (here the provider).
    await box.fill('hautaus oulun');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('Oulun kaupunki')]);
    await box.fill('hautaus');
    await expect.poll(() => options.count()).toBe(3);

    // By keyboard: the first two, then link both at once.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role="option"][aria-selected="true"]').count()).toBe(2);
    // The answer is slow to come back and the person types on meanwhile: what they type stays.
    await page.route('**/api/links.createMany', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.keyboard.press('Control+Enter');
    await box.fill('kela');
    await page.locator('.notice', { hasText: '2 linkkiä lisätty.' }).waitFor();
    expect(await box.inputValue()).toBe('kela');
    await page.unroute('**/api/links.createMany');
    await expect.poll(async () => (await call<unknown[]>('links.list', { entityId: needId, type: 'addresses' })).length).toBe(2);
    // Linked ones leave the list.
    await box.fill('hautaus');
    await expect.poll(() => options.count()).toBe(1);
    await box.fill('');

    // One undo takes both links back, and says so.
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await call<unknown[]>('links.list', { entityId: needId, type: 'addresses' })).length).toBe(0);
    await page.locator('.notice', { hasText: /Kumottu: 2 linkkiä: ”/ }).waitFor();
  });

  it('in Swedish', async () => {
    await page.selectOption('.lang-switch select', 'sv');
    const box = page.locator('#add-addresses-in');
    await box.click();
    await box.fill('hautaus');
    await page.locator('[role="option"]', { hasText: 'Oulun kaupunki' }).waitFor();
    await page.getByText(/3 träffar/).waitFor();
    await shot('sv-picker');
    await page.keyboard.press('Escape');
    await shot('sv-panel');
    await page.selectOption('.lang-switch select', 'fi');
  });
});

describe("a life event's panel", () => {
  it('creates a need already in the life event, and a persona with its needs, each one undoable step', async () => {
    await page.click('nav a[href="#/lifeEvent"]');
    await page.getByRole('button', { name: '+ Uusi elämäntapahtuma' }).click();
    await page.fill('#field-name-fi', 'Läheisen kuolema');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await expect.poll(() => page.locator('#panel-heading').textContent()).toBe('Läheisen kuolema');
    const le = decodeURIComponent(page.url().split('/').pop()!);
    // No needs yet: the persona form says why it waits.
    await page.getByText('Lisää ensin elämäntapahtuman palvelutarpeet').waitFor();

    const needForm = page.getByRole('form', { name: 'Uusi palvelutarve tähän elämäntapahtumaan' });
    await needForm.getByRole('textbox').fill('Surutyön tuki');
    await needForm.getByRole('button', { name: 'Luo' }).click();
    await page.locator('.link-row a', { hasText: 'Surutyön tuki' }).waitFor();
    const links = await call<{ type: string; source: string }[]>('links.list', { type: 'hasNeed' });
    expect(links.filter((l) => l.source === le)).toHaveLength(1);

    const personaForm = page.getByRole('form', { name: 'Uusi asiakasprofiili tähän elämäntapahtumaan' });
    await personaForm.getByRole('checkbox', { name: 'Surutyön tuki' }).waitFor();
    await personaForm.getByRole('textbox').fill('Leski, 72');
    await personaForm.getByRole('button', { name: 'Luo' }).click();
    await page.locator('.notice', { hasText: '”Leski, 72” luotu ja linkitetty' }).waitFor();
    const personas = await call<{ id: string; name: { fi: string } }[]>('entities.list', { kind: 'persona' });
    const leski = personas.find((p) => p.name.fi === 'Leski, 72')!;
    expect(await call<{ type: string; target: string }[]>('links.list', { entityId: leski.id })).toMatchObject([{ type: 'personaNeed' }]);
    await shot('fi-lifeevent-panel');
    expect(await seriousViolations(page)).toEqual([]);

    // The undo button's tooltip names the step; one undo takes the persona and its link.
    await expect.poll(() => page.getByRole('button', { name: /Kumoa/ }).getAttribute('title')).toBe('Kumoa: uusi asiakasprofiili ”Leski, 72” (elämäntapahtuma ”Läheisen kuolema”) (Ctrl+Z)');
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await page.locator('.notice', { hasText: 'Kumottu: uusi asiakasprofiili ”Leski, 72”' }).waitFor();
    expect(await call<unknown[]>('entities.list', { kind: 'persona' })).toHaveLength(0);
    expect(await call<unknown[]>('links.list', { type: 'personaNeed' })).toHaveLength(0);
  });
});

describe('undo says what it undid', () => {
  it('names the link in the user’s language, and says when the step was on another screen', async () => {
    const kela = await entity('organisation', 'Kela');
    const tuki = await entity('service', 'Toimeentulotuki');
    await page.goto(`${app.url}#/overview`);
    await page.locator('main h1').first().waitFor();
    await call('links.create', { type: 'provides', source: kela, target: tuki });
    await expect.poll(() => page.getByRole('button', { name: /Kumoa/ }).getAttribute('title')).toBe('Kumoa: linkki Kela → Toimeentulotuki (Ctrl+Z)');
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await page.locator('.notice', { hasText: 'Kumottu: linkki Kela → Toimeentulotuki' }).waitFor();
    await page.locator('.notice a', { hasText: 'Näytä' }).waitFor();

    await page.selectOption('.lang-switch select', 'sv');
    await page.getByRole('button', { name: /Gör om/ }).click();
    await page.locator('.notice', { hasText: 'Gjort om: länk Kela → Toimeentulotuki' }).waitFor();

    // A move on the map, undone from the overview: the notice says where and links there.
    await call('canvas.move', { view: 'main', moves: [{ id: kela, x: 40, y: 40 }] });
    await expect.poll(() => page.getByRole('button', { name: /Ångra/ }).getAttribute('title')).toBe('Ångra: flyttning av 1 nod (Ctrl+Z)');
    await page.getByRole('button', { name: /Ångra/ }).click();
    await page.locator('.notice', { hasText: 'Ångrat: flyttning av 1 nod (på kartan)' }).waitFor();
    await page.locator('.notice a', { hasText: 'Öppna kartan' }).waitFor();
    await page.selectOption('.lang-switch select', 'fi');
  });
});
