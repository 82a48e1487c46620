// A workshop session end to end in Chromium: the facilitator's app and three people in the room,
// each in their own browser context (own cookies, storage and network), at phone width.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, callApi, startApp, type RunningApp } from './harness';
import { seriousViolations } from './axe';

const SHOTS = path.resolve(__dirname, '.artifacts/workshop');
const PHONE = { width: 390, height: 844 };

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let fac: Page;
let aino: Page;
let anon: Page;
let observer: Page;
let code = '';

/** Records every event id a page receives, over its streams and its catch-up reads, without touching the app. */
const RECORD_EVENTS = `
  window.__seen = [];
  const ES = window.EventSource;
  window.EventSource = class extends ES {
    constructor(url, init) {
      super(url, init);
      this.addEventListener('message', (e) => { try { const d = JSON.parse(e.data); if (typeof d.id === 'number') window.__seen.push(d.id); } catch {} });
    }
  };
  const f = window.fetch;
  window.fetch = async (...args) => {
    const res = await f(...args);
    if (String(args[0]).includes('participant.events')) {
      res.clone().json().then((b) => { if (b.ok) for (const ev of b.value.events) window.__seen.push(ev.id); }).catch(() => {});
    }
    return res;
  };
`;

async function newPage(viewport = PHONE, locale = 'fi-FI'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, colorScheme: 'light' });
  contexts.push(context);
  await context.addInitScript(RECORD_EVENTS);
  return context.newPage();
}

async function join(page: Page, opts: { name?: string; anonymous?: boolean; observer?: boolean; code?: string }): Promise<void> {
  await page.goto(new URL('w/', app.url).href);
  await page.locator('#join-code').fill(opts.code ?? code);
  if (opts.anonymous) await page.getByLabel('Liity nimettömänä').check();
  else await page.locator('#join-name').fill(opts.name ?? '');
  if (opts.observer) await page.getByLabel('tarkkailijana (vain luku)').check();
  await page.getByRole('button', { name: 'Liity', exact: true }).click();
}

/** A participant API call from inside the page, with a token it held; the status and refusal reason. */
async function rawCall(page: Page, token: string, method: string, body: unknown): Promise<{ status: number; reason?: string }> {
  return page.evaluate(
    async ({ token, method, body }) => {
      const r = await fetch(`/w/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const j = await r.json().catch(() => null);
      return { status: r.status, reason: j?.error?.details?.reason };
    },
    { token, method, body },
  );
}

const tokenOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('kohtaanto.workshop.token') ?? '');

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const v = await seriousViolations(page);
  expect(v.map((x) => `${what}: ${x.id} ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe('workshop session in the browser', () => {
  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    // The default burst (12 writes), but a slow steady rate, so that a burst leaves the bucket empty for seconds, not a third of one.
    app = await startApp({ workshop: { limits: { writeBurst: 12, writePerSecond: 0.5 } } });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    fac = await newPage({ width: 1440, height: 900 });
    aino = await newPage();
    anon = await newPage();
    observer = await newPage();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.stop();
  });

  it('the facilitator starts a session from the app and the projector shows how to join', async () => {
    await fac.goto(`${app.url}#/workshop`);
    await fac.getByRole('heading', { name: 'Aloita työpaja' }).waitFor();
    await fac.locator('#ws-template').selectOption('builtin-ecosystem');
    await fac.getByRole('button', { name: 'Aloita työpaja' }).click();
    const codeText = (await fac.getByTestId('join-code').first().textContent()) ?? '';
    code = codeText.replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const joinUrl = await fac.getByTestId('join-url').first().textContent();
    expect(joinUrl).toBe(new URL('w/', app.url).href);
    await fac.getByRole('link', { name: 'Projektorinäkymä' }).click();
    await fac.getByTestId('projector').waitFor();
    // The QR code is drawn here (an SVG data URL) and holds the join address with the code.
    const qr = fac.locator('.ws-projector img.ws-qr');
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(await qr.getAttribute('data-qr-text')).toBe(`${joinUrl}#c=${code}`);
    // The app's chrome steps aside.
    expect(await fac.locator('.sidenav').isVisible()).toBe(false);
  });

  it('a wrong code is refused in words; people join by code, by name, anonymously and as an observer', async () => {
    await join(aino, { name: 'Aino', code: 'AAAAAA' });
    await expect.poll(() => aino.locator('[role=alert]').textContent()).toContain('Liittymiskoodi ei ole oikein');
    await join(aino, { name: 'Aino' });
    await aino.getByTestId('me').filter({ hasText: 'Aino' }).waitFor();
    await join(anon, { anonymous: true });
    await anon.getByTestId('me').filter({ hasText: 'nimetön' }).waitFor();
    await join(observer, { name: 'Olli', observer: true });
    await observer.getByTestId('me').filter({ hasText: 'tarkkailijana' }).waitFor();
    // The projector counts them as they arrive.
    await fac.locator('.ws-proj-people').filter({ hasText: '2 osallistujaa · 1 tarkkailija' }).waitFor();
  });

  it('repeated wrong codes: the page says how long to wait, and the wait grows', async () => {
    const late = await newPage();
    await late.goto(new URL('w/', app.url).href);
    await late.locator('#join-name').fill('Myöhäinen');
    const tryCode = async (c: string) => {
      await late.locator('#join-code').fill(c);
      await late.getByRole('button', { name: 'Liity', exact: true }).click();
    };
    const alert = late.locator('[role=alert] > span');
    // Three free tries (the first two plainly wrong), then a delay of 1 s, then 2 s.
    await tryCode('BBBBBB');
    await expect.poll(() => alert.textContent()).toBe('Liittymiskoodi ei ole oikein. Tarkista koodi näytöltä ja yritä uudelleen.');
    await tryCode('CCCCCC');
    await alert.filter({ hasText: 'Tarkista koodi' }).waitFor();
    await tryCode('DDDDDD');
    await expect.poll(() => alert.textContent()).toBe('Liittymiskoodi ei ole oikein. Useiden väärien koodien jälkeen odota 1 sekunti ennen seuraavaa yritystä.');
    await late.waitForTimeout(1_200);
    await tryCode('EEEEEE');
    await expect.poll(() => alert.textContent()).toBe('Liittymiskoodi ei ole oikein. Useiden väärien koodien jälkeen odota 2 sekuntia ennen seuraavaa yritystä.');
    // Within the wait even the right code is turned away, in words.
    await tryCode(code);
    await expect.poll(() => alert.textContent()).toMatch(/^Tältä laitteelta on annettu liian monta väärää koodia\. Odota [12] sekunti(a)? ja yritä uudelleen\.$/);
    expect(await late.getByTestId('me').count()).toBe(0);
    // After the wait the right code is let in (and clears the count), and the person leaves again.
    await late.waitForTimeout(2_200);
    await tryCode(code);
    await late.getByTestId('me').filter({ hasText: 'Myöhäinen' }).waitFor();
    expect(await rawCall(late, await tokenOf(late), 'participant.leave', {})).toEqual({ status: 200, reason: undefined });
    await late.context().close();
  });

  it('the projector moves to a step; every phone shows it with its timer', async () => {
    await fac.getByRole('button', { name: /Seuraava vaihe/ }).click();
    await fac.locator('.ws-proj-title').filter({ hasText: 'Aloitus ja tavoitteet' }).waitFor();
    for (const p of [aino, anon, observer]) {
      await p.locator('#step-title').filter({ hasText: 'Aloitus ja tavoitteet' }).waitFor();
      await expect.poll(() => p.getByTestId('timer').textContent()).toMatch(/^\d+:\d\d$/);
    }
    await fac.screenshot({ path: path.join(SHOTS, 'fi-projector.png') });
  });

  it('a proposal goes through moderation and appears on everyone’s map, credited to its author', async () => {
    await aino.getByRole('button', { name: 'Ehdotukset' }).click();
    await aino.getByLabel('Palvelutarpeen nimi').fill('Tulkkaus ensimmäisellä käynnillä');
    await aino.getByLabel('Kuvaus').fill('<b>ei HTML:ää</b>');
    await aino.getByRole('button', { name: 'Lähetä ehdotus' }).click();
    await aino.getByText('Kiitos! Ehdotuksesi odottaa').waitFor();
    // The anonymous participant proposes too; others see no name on it.
    await anon.getByRole('button', { name: 'Ehdotukset' }).click();
    await anon.getByLabel('Palvelutarpeen nimi').fill('Asunnon etsintä');
    await anon.getByRole('button', { name: 'Lähetä ehdotus' }).click();
    await anon.getByText('Kiitos! Ehdotuksesi odottaa').waitFor();

    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop/moderation`);
    const item = fac.locator('.ws-proposal').filter({ hasText: 'Tulkkaus ensimmäisellä käynnillä' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Aino');
    // Participant text is text: the markup shows as typed, no element is made of it.
    expect(await item.locator('.ws-proposal-text').textContent()).toBe('<b>ei HTML:ää</b>');
    expect(await item.locator('b').count()).toBe(0);
    await item.getByRole('button', { name: 'Hyväksy' }).click();
    await item.getByRole('button', { name: 'Hyväksy karttaan' }).click();
    await fac.locator('.notice').filter({ hasText: 'Aino' }).waitFor();

    // The facilitator's own map has it, as one undoable step.
    const needs = await callApi<{ kind: string; name: { fi?: string } }[]>(app, 'entities.list', {});
    expect(needs.filter((e) => e.kind === 'need' && e.name.fi === 'Tulkkaus ensimmäisellä käynnillä')).toHaveLength(1);
    const history = await callApi<{ canUndo: boolean }>(app, 'history.state', {});
    expect(history.canUndo).toBe(true);

    for (const p of [aino, anon, observer]) {
      await p.getByRole('button', { name: 'Kartta' }).click();
      await p.locator('.p-map-name', { hasText: 'Tulkkaus ensimmäisellä käynnillä' }).first().waitFor();
    }
    // Aino's proposal list shows the accepted status, and the anonymous one without a name.
    await aino.getByRole('button', { name: 'Ehdotukset' }).click();
    const anonItem = aino.locator('.p-proposals li').filter({ hasText: 'Asunnon etsintä' });
    await anonItem.waitFor();
    expect(await anonItem.textContent()).toContain('nimetön');
    await aino.locator('.p-proposals li[data-status=accepted]').filter({ hasText: 'Tulkkaus' }).waitFor();
  });

  it('the observer sees no forms and the server refuses its writes', async () => {
    await observer.getByRole('button', { name: 'Ehdotukset' }).click();
    expect(await observer.getByRole('button', { name: 'Lähetä ehdotus' }).count()).toBe(0);
    expect(await observer.getByRole('button', { name: /^Kommentoi/ }).count()).toBe(0);
    const r = await rawCall(observer, await tokenOf(observer), 'participant.propose', { proposal: { kind: 'need', name: 'Ei saa mennä läpi' } });
    expect(r).toEqual({ status: 403, reason: 'observer' });
  });

  it('dot voting: a round opens, dots are placed, the bar chart and its table count them live, anonymously', async () => {
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop/voting`);
    await fac.getByLabel('Kysymys').fill('Mikä on tärkein?');
    await fac.getByLabel('Pisteitä osallistujaa kohden').fill('3');
    await fac.getByLabel('Tulkkaus ensimmäisellä käynnillä').check();
    const second = fac.locator('.ws-candidates input[type=checkbox]').nth(0);
    if (!(await second.isChecked())) await second.check();
    await fac.getByRole('button', { name: 'Avaa kierros' }).click();
    const round = fac.locator('.ws-round').first();
    await round.waitFor();

    await aino.getByRole('button', { name: 'Nyt' }).click();
    await aino.getByRole('button', { name: 'Lisää piste: Tulkkaus ensimmäisellä käynnillä' }).click();
    await aino.getByRole('button', { name: 'Lisää piste: Tulkkaus ensimmäisellä käynnillä' }).click();
    await aino.getByText('1/3 pistettä jäljellä').waitFor();
    await aino.getByRole('button', { name: 'Lähetä pisteeni' }).click();
    await aino.getByText('Pisteesi on laskettu').waitFor();
    await anon.getByRole('button', { name: 'Nyt' }).click();
    await anon.getByRole('button', { name: 'Lisää piste: Tulkkaus ensimmäisellä käynnillä' }).click();
    await anon.getByRole('button', { name: 'Lähetä pisteeni' }).click();
    await anon.getByText('Pisteesi on laskettu').waitFor();

    const row = round.locator('.ws-vote-table tr').filter({ hasText: 'Tulkkaus ensimmäisellä käynnillä' });
    await expect.poll(() => row.locator('td.num').textContent()).toBe('3');
    await round.getByText('2 henkilöä on äänestänyt').waitFor();
    // Anonymous by default: nobody's name next to the dots.
    expect(await round.locator('.ws-vote-table th').allTextContents()).not.toContain('Ketkä');
    expect(await round.textContent()).not.toContain('Aino');
    await round.locator('.recharts-bar-rectangle').first().waitFor();
    // The observer sees the round but has no dots to place.
    await observer.getByRole('button', { name: 'Nyt' }).click();
    await observer.locator('[data-round]').first().waitFor();
    expect(await observer.getByRole('button', { name: /Lisää piste/ }).count()).toBe(0);
  });

  it('a dropped connection resumes with every event once', async () => {
    const stepBefore = await aino.locator('#step-title').textContent();
    await aino.context().setOffline(true);
    await aino.evaluate(() => window.dispatchEvent(new Event('offline')));
    await aino.locator('.p-link.is-reconnecting').waitFor({ timeout: 20_000 });
    // While Aino is away: the step moves on and the facilitator comments on the new need.
    const st = await callApi<{ agenda: { current: number; steps: { title: string }[] } }>(app, 'workshop.gotoStep', { index: 1 });
    const needs = await callApi<{ id: string; kind: string; name: { fi?: string } }[]>(app, 'entities.list', {});
    const need = needs.find((e) => e.kind === 'need' && e.name.fi === 'Tulkkaus ensimmäisellä käynnillä')!;
    await callApi(app, 'workshop.comment', { target: { kind: 'entity', id: need.id }, text: 'Kommentti katkon aikana 1' });
    await callApi(app, 'workshop.comment', { target: { kind: 'entity', id: need.id }, text: 'Kommentti katkon aikana 2' });
    expect(st.agenda.steps[1].title).not.toBe(stepBefore);

    await aino.context().setOffline(false);
    await aino.evaluate(() => window.dispatchEvent(new Event('online')));
    await aino.locator('.p-link.is-live').waitFor({ timeout: 30_000 });
    await aino.locator('#step-title').filter({ hasText: st.agenda.steps[1].title }).waitFor({ timeout: 30_000 });
    await aino.getByRole('button', { name: 'Kartta' }).click();
    const comments = aino.locator('.p-comment-text', { hasText: 'Kommentti katkon aikana' });
    await expect.poll(() => comments.count(), { timeout: 30_000 }).toBe(2);
    const seen = await aino.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
    expect(seen.length).toBeGreaterThan(0);
    // Every event id arrived once: no id twice over the streams and the catch-up read together.
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('brainstorm: notes from phones, grouped by keyboard and by dragging, groups made needs in one step; comments on the map', async () => {
    // The step moved to the brainstorm ("Palvelutarpeet") above. A phone on slow wifi first: the
    // answer to Aino's first note comes after she began the next one, which stays in the box.
    await aino.getByRole('button', { name: 'Nyt', exact: true }).click();
    await aino.route('**/w/api/participant.note', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    const box = aino.getByLabel('Lappusi');
    const add = aino.getByRole('button', { name: 'Lisää lappu' });
    await box.fill('Kieliapu');
    await add.click();
    await box.fill('Tulkki lääkärissä');
    // Enabled again once the answer is in (it is disabled while the note is on its way).
    await expect.poll(() => add.isEnabled()).toBe(true);
    expect(await box.inputValue()).toBe('Tulkki lääkärissä');
    await aino.unroute('**/w/api/participant.note');
    await aino.locator('.p-notes li', { hasText: 'Kieliapu' }).waitFor();
    for (const [p, text] of [
      [aino, 'Tulkki lääkärissä'],
      [anon, 'Asunto'],
    ] as const) {
      await p.getByRole('button', { name: 'Nyt', exact: true }).click();
      await p.getByLabel('Lappusi').fill(text);
      await p.getByRole('button', { name: 'Lisää lappu' }).click();
      await p.locator('.p-notes li', { hasText: text }).waitFor();
    }
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop/brainstorm`);
    const loose = fac.locator('.ws-column.is-loose');
    await loose.locator('.ws-note').filter({ hasText: 'Asunto' }).waitFor();
    // Keyboard: tick two notes, move them to a new group.
    await fac.getByLabel('Valitse lappu: Kieliapu').check();
    await fac.getByLabel('Valitse lappu: Tulkki lääkärissä').check();
    await fac.getByRole('button', { name: 'Siirrä', exact: true }).click();
    const g1 = fac.locator('.ws-column[data-group]').filter({ hasText: 'Ryhmä 1' });
    await expect.poll(() => g1.locator('.ws-note').count()).toBe(2);
    // Dragging: a note dropped on "New group" makes a second group.
    await loose.locator('.ws-note').filter({ hasText: 'Asunto' }).dragTo(fac.locator('.ws-column.is-new'));
    const g2 = fac.locator('.ws-column[data-group]').filter({ hasText: 'Ryhmä 2' });
    await g2.locator('.ws-note').filter({ hasText: 'Asunto' }).waitFor();
    expect(await loose.locator('.ws-note').count()).toBe(0);
    await fac.getByRole('button', { name: 'Nimeä ryhmä Ryhmä 1 uudelleen' }).click();
    await fac.getByLabel('Ryhmän nimi').fill('Kielipalvelut');
    await fac.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await fac.locator('.ws-group-title', { hasText: 'Kielipalvelut' }).waitFor();
    await fac.getByRole('button', { name: 'Valitse kaikki ryhmät' }).click();
    await fac.getByRole('button', { name: 'Tee 2 palvelutarvetta' }).click();
    await fac.locator('.notice').filter({ hasText: '2 palvelutarvetta lisättiin karttaan' }).waitFor();
    await expect.poll(() => fac.locator('.ws-made-need').count()).toBe(2);
    const all = await callApi<{ kind: string; name: { fi?: string } }[]>(app, 'entities.list', {});
    expect(all.filter((e) => e.kind === 'need' && (e.name.fi === 'Kielipalvelut' || e.name.fi === 'Ryhmä 2'))).toHaveLength(2);
    // One step: a single undo takes both needs back, and redo brings them again.
    await callApi(app, 'history.undo', {});
    const undone = await callApi<{ kind: string; name: { fi?: string } }[]>(app, 'entities.list', {});
    expect(undone.filter((e) => e.kind === 'need' && (e.name.fi === 'Kielipalvelut' || e.name.fi === 'Ryhmä 2'))).toHaveLength(0);
    await callApi(app, 'history.redo', {});

    // A phone comments on the new need on its map; the facilitator reads it under Comments.
    await aino.getByRole('button', { name: 'Kartta' }).click();
    await aino.getByRole('button', { name: 'Kommentoi kohdetta Kielipalvelut' }).click();
    await aino.getByLabel('Kommenttisi kohteesta Kielipalvelut').fill('Myös ruotsiksi');
    await aino.getByRole('button', { name: 'Lähetä kommentti' }).click();
    await aino.locator('.p-comment-text', { hasText: 'Myös ruotsiksi' }).waitFor();
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop/comments`);
    const group = fac.locator('.ws-comment-group').filter({ hasText: 'Kielipalvelut' });
    await group.locator('.ws-comment-text', { hasText: 'Myös ruotsiksi' }).waitFor();
    expect(await group.textContent()).toContain('Aino');
  });

  it('axe finds nothing serious on the facilitator’s workshop screens', async () => {
    for (const tab of ['', '/moderation', '/brainstorm', '/voting', '/comments', '/records', '/projector']) {
      await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop${tab}`);
      await fac.locator(tab === '/projector' ? '[data-testid=projector]' : '.ws-tabs').waitFor();
      await fac.waitForTimeout(200);
      await expectAxeClean(fac, `facilitator ${tab || '/session'}`);
      await fac.screenshot({ path: path.join(SHOTS, `fi-facilitator${tab.replace('/', '-') || '-session'}.png`), fullPage: true });
    }
  });

  it('axe finds nothing serious on the participant pages at phone width; screenshots in fi and sv', async () => {
    for (const tab of ['Nyt', 'Kartta', 'Ehdotukset']) {
      await aino.getByRole('button', { name: tab, exact: true }).click();
      await aino.waitForTimeout(150);
      await expectAxeClean(aino, `participant ${tab}`);
    }
    await expectAxeClean(observer, 'observer');
    const fresh = await newPage();
    await fresh.goto(new URL(`w/#c=${code}`, app.url).href);
    await fresh.locator('#join-code').waitFor();
    expect(await fresh.locator('#join-code').inputValue()).toBe(code);
    await expectAxeClean(fresh, 'join page');
    for (const lang of ['fi', 'sv']) {
      for (const p of [aino, fresh]) await p.locator('.p-lang').selectOption(lang);
      await fresh.screenshot({ path: path.join(SHOTS, `${lang}-phone-join.png`) });
      for (const [tab, name] of [
        ['now', 'now'],
        ['map', 'map'],
        ['propose', 'proposals'],
      ]) {
        await aino.locator(`.p-tabs [data-tab=${tab}]`).click();
        await aino.waitForTimeout(150);
        await aino.screenshot({ path: path.join(SHOTS, `${lang}-phone-${name}.png`), fullPage: tab !== 'map' });
      }
    }
    await aino.locator('.p-lang').selectOption('fi');
    await fresh.close();
    // The projector in Swedish (the facilitator's language was switched above, on a screen with the switch).
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop`);
    await fac.locator('.lang-switch select').selectOption('sv');
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop/projector`);
    await fac.getByTestId('projector').waitFor();
    await fac.screenshot({ path: path.join(SHOTS, 'sv-projector.png') });
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop`);
    await fac.locator('.lang-switch select').selectOption('fi');
  });

  it('a participant who sends too fast is told so on screen in Finnish, and nothing of it is saved', async () => {
    await aino.getByRole('button', { name: 'Kartta', exact: true }).click();
    await aino.getByRole('button', { name: 'Kommentoi kohdetta Kielipalvelut' }).click();
    const box = aino.getByLabel('Kommenttisi kohteesta Kielipalvelut');
    await box.fill('Liian nopeasti lähetetty');
    const token = await tokenOf(aino);
    // A burst that empties the write bucket (deleting a note that does not exist changes nothing,
    // yet counts), then at once the page's own send.
    const statuses = await aino.evaluate(async (token) => {
      const call = () => fetch('/w/api/participant.deleteNote', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ noteId: 'ei-ole' }) }).then((r) => r.status);
      const out = await Promise.all(Array.from({ length: 16 }, call));
      (document.querySelector('.p-comment-form button[type=submit]') as HTMLButtonElement).click();
      return out;
    }, token);
    expect(statuses.filter((x) => x === 429).length).toBeGreaterThan(0);
    const alert = aino.locator('[role=alert][data-reason=rateLimited] > span');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Lähetät nopeammin kuin työpaja sallii, joten tätä ei tallennettu\. Odota \d+ sekunti(a)? ja lähetä uudelleen\.$/);
    // Nothing half-applied: no such comment anywhere, and the text is still in the box to send again.
    const st = await callApi<{ comments: { text: string }[] }>(app, 'workshop.state', {});
    expect(st.comments.filter((c) => c.text === 'Liian nopeasti lähetetty')).toHaveLength(0);
    expect(await aino.locator('.p-comment-text', { hasText: 'Liian nopeasti lähetetty' }).count()).toBe(0);
    expect(await box.inputValue()).toBe('Liian nopeasti lähetetty');
    await aino.screenshot({ path: path.join(SHOTS, 'fi-phone-rate-limited.png') });
    // After the wait the same send goes through, once.
    const seconds = Number(/Odota (\d+)/.exec((await alert.textContent()) ?? '')![1]);
    await aino.waitForTimeout(seconds * 1000 + 300);
    await aino.getByRole('button', { name: 'Lähetä kommentti' }).click();
    await aino.locator('.p-comment-text', { hasText: 'Liian nopeasti lähetetty' }).waitFor();
    expect(await aino.locator('[role=alert]').count()).toBe(0);
    const after = await callApi<{ comments: { text: string }[] }>(app, 'workshop.state', {});
    expect(after.comments.filter((c) => c.text === 'Liian nopeasti lähetetty')).toHaveLength(1);
  });

  it('a removed participant is refused, with the reason on screen', async () => {
    const token = await tokenOf(anon);
    await fac.goto(`${app.url.replace(/#.*$/, '')}#/workshop`);
    await fac.getByRole('button', { name: 'Poista nimetön työpajasta' }).click();
    await fac.getByRole('button', { name: 'Poista nimetön', exact: true }).click();
    await anon.locator('.p-final[data-reason=removed]').waitFor();
    expect(await anon.locator('.p-final').textContent()).toContain('Fasilitaattori on poistanut sinut');
    expect(await rawCall(anon, token, 'participant.note', { stepId: 'needs', text: 'vielä' })).toEqual({ status: 401, reason: 'removed' });
  });

  it('ending the session refuses everyone still in it and saves a record with counts only', async () => {
    const token = await tokenOf(aino);
    // The agenda as run is kept as the facilitator's own template for later sessions.
    await fac.getByLabel('Tallenna tämä ohjelma pohjaksi').fill('Oma kartoituspohja');
    await fac.getByRole('button', { name: 'Tallenna pohjaksi' }).click();
    await fac.locator('.notice').filter({ hasText: 'Oma kartoituspohja' }).waitFor();
    await fac.getByRole('button', { name: 'Päätä työpaja' }).click();
    await fac.getByRole('button', { name: 'Päätä nyt' }).click();
    await fac.getByText('Työpaja on päättynyt.').waitFor();
    for (const p of [aino, observer]) {
      await p.locator('.p-final[data-reason=ended]').waitFor();
      expect(await p.locator('.p-final').textContent()).toContain('Työpaja on päättynyt');
    }
    expect(await rawCall(aino, token, 'participant.comment', { target: { kind: 'proposal', id: 'x' }, text: 'myöhässä' })).toEqual({ status: 401, reason: 'ended' });
    await expectAxeClean(aino, 'ended page');
    await aino.screenshot({ path: path.join(SHOTS, 'fi-phone-ended.png') });

    await expect.poll(() => fac.locator('#ws-template option').allTextContents()).toContain('Oma kartoituspohja (oma)');
    await fac.getByRole('link', { name: 'Näytä pöytäkirja' }).click();
    const record = fac.locator('.ws-record');
    await record.waitFor();
    const text = (await record.textContent()) ?? '';
    expect(text).toContain('Tulkkaus ensimmäisellä käynnillä');
    expect(text).toContain('Hyväksytty');
    // Counts only (the default): no display names in the record.
    expect(text).not.toContain('Aino');
    expect(text).toMatch(/\d+ osallistuja(a)?, 1 tarkkailija, heistä 1 nimettömänä/);
  });

  it('the situational picture shows the ended session among its workshops, openable, and its report has it', async () => {
    const base = app.url.replace(/#.*$/, '');
    await fac.goto(`${base}#/picture`);
    const card = fac.getByTestId('picture-workshops').locator('.ws-digest').first();
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    // Named after its template (so the template is not repeated).
    expect(text).toContain('Elämäntapahtuman palveluekosysteemin kartoitus');
    expect(text).not.toContain('Pohja:');
    expect(text).toMatch(/Ehdotukset\d+: \d+ hyväksytty/);
    expect(text).toContain('Tulkkaus ensimmäisellä käynnillä 3 pistettä');
    expect(text).toContain('Kommentit');
    expect(text).not.toContain('Aino');
    // The agenda's planned and actual times are a table one click away.
    await card.getByText('Ohjelma: suunnitellut ja toteutuneet ajat').click();
    await card.locator('table').filter({ hasText: 'Koko työpaja' }).waitFor();
    await expectAxeClean(fac, 'picture with workshops');
    await fac.screenshot({ path: path.join(SHOTS, 'fi-picture-workshops.png'), fullPage: true });
    await card.getByRole('link', { name: /^Avaa pöytäkirja$|Avaa työpajan/ }).click();
    await fac.locator('.ws-record').filter({ hasText: 'Tulkkaus ensimmäisellä käynnillä' }).waitFor();
    const { html } = await callApi<{ html: string }>(app, 'picture.report', { lang: 'fi' });
    expect(html).toContain('<a href="#workshops">Työpajat</a>');
    expect(html).toContain('Tulkkaus ensimmäisellä käynnillä');
  });

  it('self-assessments of two sessions and two organisations are compared on the picture’s surveys', async () => {
    const orgs = (await callApi<{ id: string; kind: string; name: { fi?: string } }[]>(app, 'entities.list', {})).filter((e) => e.kind === 'organisation').slice(0, 2);
    const join = async (joinCode: string, name: string): Promise<string> => {
      const r = await fetch(new URL('w/api/participant.join', app.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: joinCode, displayName: name }) });
      const j = (await r.json()) as { ok: boolean; value: { token: string } };
      expect(j.ok).toBe(true);
      return j.value.token;
    };
    const answer = async (token: string, organisation: string, questions: string[], v: number) => {
      const r = await fetch(new URL('w/api/participant.answer', app.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ stepId: 'mirror-assess', organisation, answers: Object.fromEntries(questions.map((q) => [q, v])) }),
      });
      expect(r.status).toBe(200);
    };
    // Session 1: A gets 4 and 2 (mean 3, N 2), B a 5. Session 2: A gets 5 and 4 (mean 4.5), B a 3.
    for (const [a1, a2, b1] of [
      [4, 2, 5],
      [5, 4, 3],
    ]) {
      const st = await callApi<{ code: string; agenda: { steps: { id: string; questions?: { id: string }[] }[] } }>(app, 'workshop.start', { template: 'builtin-mirror', settings: { language: 'fi' } });
      const qs = st.agenda.steps.find((x) => x.id === 'mirror-assess')!.questions!.map((q) => q.id);
      const [p1, p2] = [await join(st.code, 'Arvioija 1'), await join(st.code, 'Arvioija 2')];
      await answer(p1, orgs[0].id, qs, a1);
      await answer(p2, orgs[0].id, qs, a2);
      await answer(p1, orgs[1].id, qs, b1);
      await callApi(app, 'workshop.end', {});
    }
    const base = app.url.replace(/#.*$/, '');
    await fac.goto(`${base}#/picture`);
    const cmp = fac.locator('.assess-compare[data-series=mirror-assess]');
    await cmp.waitFor();
    // The latest session: both organisations side by side, each with its N and mean.
    const [nameA, nameB] = orgs.map((o) => o.name.fi!);
    const firstQuestion = cmp.locator('.assess-by-org figure').first();
    await firstQuestion.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await firstQuestion.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);
    await firstQuestion.getByText('Näytä luvut taulukkona').click();
    // Each organisation's row: name, N, counts of 1–5, cannot say, mean.
    const rowsOf = async () => (await firstQuestion.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ''));
    const row = (rows: string[], name: string) => rows.find((r) => r.startsWith(name.replace(/\s+/g, '')))!;
    await expect.poll(async () => row(await rowsOf(), nameA)).toBe(`${nameA}2000110`.replace(/\s+/g, '') + '4,5');
    let rows = await rowsOf();
    expect(row(rows, nameB)).toBe(`${nameB}1001000`.replace(/\s+/g, '') + '3');
    // The earlier session, chosen from the list: A had a 2 and a 4 (mean 3), B a 5.
    await cmp.getByLabel('Työpaja', { exact: true }).selectOption({ index: 0 });
    await expect.poll(async () => row(await rowsOf(), nameA)).toBe(`${nameA}2010100`.replace(/\s+/g, '') + '3');
    rows = await rowsOf();
    expect(row(rows, nameB)).toBe(`${nameB}1000010`.replace(/\s+/g, '') + '5');
    // Over time: the question's mean in each session (all organisations together): 11/3 and 12/3.
    const overTime = cmp.locator('figure').filter({ hasText: 'Ajan yli' });
    await overTime.locator('.recharts-line').first().waitFor();
    await overTime.getByText('Näytä luvut taulukkona').click();
    const first = await overTime.locator('tbody tr').first().textContent();
    expect(first).toMatch(/3,67\s*3\s*4\s*3$/);
    await expectAxeClean(fac, 'picture with the self-assessment comparison');
    await cmp.screenshot({ path: path.join(SHOTS, 'fi-picture-assessment-compare.png') });
  });
});
