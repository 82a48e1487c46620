// Issue 8's quality bar: a new facilitator's whole first hour in real Chromium, once in Finnish
// and once in Swedish, through the UI only: an empty workspace, real PTV data through the import
// dialog, a life event with needs and personas made from its panel, services linked with the
// picker, the try-out page, the matching analysis and an XLSX export. Each view is checked with
// axe and photographed to e2e/.artifacts/first-hour/<lang>-NN-step.png for a human to look at.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { seriousViolations } from './axe';
import { callApi, launchBrowser, startApp, type RunningApp } from './harness';

const SHARED_DATA = path.resolve(__dirname, '../../shared/data');
const PTV_SERVICES = path.join(SHARED_DATA, 'ptv/legacy/services');
const SHOTS = path.resolve(__dirname, '.artifacts/first-hour');
const FILE_COUNT = 12;

/** What the user reads and types in each language: written out, so a wrong translation fails here. */
const UI = {
  fi: {
    workspace: 'Työpaja Perheen arki',
    fileStem: 'tyopaja-perheen-arki',
    firstSteps: 'Ensimmäiset askeleet',
    importButton: /Tuo tietoja/,
    importTitle: 'Tuonti',
    doImport: 'Tuo',
    importDone: 'Tuonti valmis.',
    servicesRow: 'Palvelut',
    close: 'Sulje',
    create: 'Luo',
    save: 'Tallenna',
    newLifeEvent: '+ Uusi elämäntapahtuma',
    lifeEvent: 'Perheen arki',
    needForm: 'Uusi palvelutarve tähän elämäntapahtumaan',
    personaForm: 'Uusi asiakasprofiili tähän elämäntapahtumaan',
    needs: ['Opiskelijan terveys', 'Läheisen hoitaminen', 'Vuokra-asunnon löytäminen'],
    personas: ['Opiskelija, 19', 'Omaishoitaja, 58'],
    created: (name: string) => `”${name}” luotu ja linkitetty`,
    linkN: 'Linkitä 1',
    openTryout: 'Avaa kokeilunäkymässä',
    tryoutTitle: 'Kokeile suosituksia',
    matchingTitle: 'Tarpeiden ja tarjonnan kohtaanto',
    run: 'Suorita analyysi',
    gapsHeading: /^Palveluaukot \(\d+\)$/,
    workspaceMenu: /Työtila/,
    servicesSheet: 'Palvelut',
  },
  sv: {
    workspace: 'Verkstad Familjens vardag',
    fileStem: 'verkstad-familjens-vardag',
    firstSteps: 'Första stegen',
    importButton: /Importera data/,
    importTitle: 'Import',
    doImport: 'Importera',
    importDone: 'Importen är klar.',
    servicesRow: 'Tjänster',
    close: 'Stäng',
    create: 'Skapa',
    save: 'Spara',
    newLifeEvent: '+ Ny livshändelse',
    lifeEvent: 'Familjens vardag',
    needForm: 'Nytt servicebehov i den här livshändelsen',
    personaForm: 'Ny kundprofil i den här livshändelsen',
    needs: ['Studerandes hälsa', 'Vård av en närstående', 'Att hitta en hyresbostad'],
    personas: ['Studerande, 19', 'Närståendevårdare, 58'],
    created: (name: string) => `”${name}” skapad och länkad`,
    linkN: 'Länka 1',
    openTryout: 'Öppna i provvyn',
    tryoutTitle: 'Prova rekommendationer',
    matchingTitle: 'Matchning av behov och utbud',
    run: 'Kör analysen',
    gapsHeading: /^Tjänsteluckor \(\d+\)$/,
    workspaceMenu: /Arbetsyta/,
    servicesSheet: 'Tjänster',
  },
} as const;

/** Which imported PTV service (by its Finnish name: these files have no Swedish one) answers which need. */
const LINKS: [needIndex: number, service: string][] = [
  [0, 'Opiskeluterveydenhuollon palvelut'],
  [1, 'Omaishoidon tuki'],
  [0, 'Puheterapian palvelut'],
];

for (const lang of ['fi', 'sv'] as const) {
  const L = UI[lang];
  describe.skipIf(!fs.existsSync(PTV_SERVICES))(`the first-hour path in ${lang === 'fi' ? 'Finnish' : 'Swedish'} (reads ../shared/data)`, () => {
    let app: RunningApp;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    let page: Page;
    let step = 0;
    let started = 0;

    /** Photographs the step and checks the view with axe. */
    async function look(name: string) {
      step += 1;
      await page.screenshot({ path: path.join(SHOTS, `${lang}-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
      expect({ step: name, violations: await seriousViolations(page) }).toEqual({ step: name, violations: [] });
    }
    const heading = () => page.locator('#panel-heading').textContent();

    beforeAll(async () => {
      started = Date.now();
      fs.mkdirSync(SHOTS, { recursive: true });
      for (const f of fs.readdirSync(SHOTS)) if (f.startsWith(`${lang}-`)) fs.rmSync(path.join(SHOTS, f));
      app = await startApp({ openFirstRun: false });
      browser = await launchBrowser({ locale: lang === 'fi' ? 'fi-FI' : 'sv-FI' });
      page = browser.page;
      page.on('dialog', (d) => void d.accept());
    });
    afterAll(async () => {
      console.log(`first-hour path (${lang}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
      await browser?.close();
      await app?.stop();
      if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
    });

    it('creates an empty workspace from the start screen and switches the UI language', async () => {
      await page.goto(app.url);
      await page.locator('#new-name').waitFor();
      await look('start');
      await page.fill('#new-name', L.workspace);
      await page.locator('form:has(#new-name) button[type=submit]').click();
      await page.locator('.ws-title', { hasText: L.workspace }).waitFor();
      await page.selectOption('.lang-switch select', lang);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      await page.getByRole('heading', { name: L.firstSteps }).waitFor();
      expect(await page.locator('nav a[href="#/service"] .count').textContent()).toBe('0');
      await look('empty-workspace');
    });

    it('imports real PTV services through the import dialog', async () => {
      await page.getByRole('button', { name: L.importButton }).click();
      await page.getByRole('dialog').waitFor();
      const files = fs.readdirSync(PTV_SERVICES).sort().slice(0, FILE_COUNT).map((f) => path.join(PTV_SERVICES, f));
      await page.setInputFiles('#import-files', files);
      await look('import-dialog');
      await page.locator('.modal').getByRole('button', { name: L.doImport, exact: true }).click();
      await page.getByText(L.importDone).waitFor({ timeout: 60_000 });
      const createdCell = page.locator('.modal tr', { hasText: L.servicesRow }).locator('td').nth(1);
      expect(Number(await createdCell.textContent())).toBe(FILE_COUNT);
      await look('import-done');
      await page.locator('.modal').getByRole('button', { name: L.close, exact: true }).click();
      await expect.poll(() => page.locator('nav a[href="#/service"] .count').textContent()).toBe(String(FILE_COUNT));
    });

    it("creates a life event, and its needs and two personas from the life event's panel", async () => {
      await page.click('nav a[href="#/lifeEvent"]');
      await page.getByRole('button', { name: L.newLifeEvent }).click();
      await page.fill(`#field-name-${lang}`, L.lifeEvent);
      await page.getByRole('button', { name: L.create, exact: true }).click();
      await expect.poll(heading).toBe(L.lifeEvent);

      const needForm = page.getByRole('form', { name: L.needForm });
      for (const need of L.needs) {
        await needForm.getByRole('textbox').fill(need);
        await needForm.getByRole('button', { name: L.create }).click();
        await page.locator('.link-row a', { hasText: need }).waitFor();
      }
      const personaForm = page.getByRole('form', { name: L.personaForm });
      for (const [i, persona] of L.personas.entries()) {
        // The second persona has the first two needs only.
        if (i === 1) await personaForm.getByRole('checkbox', { name: L.needs[2] }).uncheck();
        await personaForm.getByRole('textbox').fill(persona);
        await personaForm.getByRole('button', { name: L.create }).click();
        await page.locator('.notice', { hasText: L.created(persona) }).waitFor();
      }
      await look('life-event-panel');

      const lifeEvent = (await callApi<{ id: string; name: Record<string, string> }[]>(app, 'entities.list', { kind: 'lifeEvent' }))[0];
      const hasNeed = await callApi<{ source: string }[]>(app, 'links.list', { type: 'hasNeed' });
      expect(hasNeed.filter((l) => l.source === lifeEvent.id)).toHaveLength(3);
      expect((await callApi<unknown[]>(app, 'links.list', { type: 'personaNeed' })).length).toBe(5);
      expect(await page.locator('nav a[href="#/persona"] .count').textContent()).toBe('2');
    });

    it("sets the personas' meters in their panels", async () => {
      const meters: Record<string, Record<string, string>> = {
        [L.personas[0]]: { health: '3', housing: '2', finance: '3' },
        [L.personas[1]]: { health: '4', friends: '2', life_satisfaction: '3' },
      };
      for (const persona of L.personas) {
        await page.click('nav a[href="#/persona"]');
        await page.locator('.row-link', { hasText: persona }).first().click();
        await expect.poll(heading).toBe(persona);
        for (const [m, v] of Object.entries(meters[persona])) await page.fill(`#field-meters-${m}`, v);
        await page.getByRole('button', { name: L.save, exact: true }).click();
        await expect.poll(() => page.locator('.unsaved-note').count()).toBe(0);
      }
      await look('persona-panel');
      const saved = await callApi<{ name: Record<string, string>; meters: Record<string, number> }[]>(app, 'entities.list', { kind: 'persona' });
      const first = saved.find((p) => p.name[lang] === L.personas[0])!;
      expect(first.meters).toMatchObject({ health: 3, housing: 2, finance: 3 });
    });

    it('links imported services to needs with the link picker, clicking its Link button in a scrolled panel', async () => {
      for (const [needIndex, service] of LINKS) {
        await page.click('nav a[href="#/need"]');
        await page.locator('.row-link', { hasText: L.needs[needIndex] }).first().click();
        await expect.poll(heading).toBe(L.needs[needIndex]);
        const box = page.locator('#add-addresses-in');
        await box.click();
        await box.fill(service.split(' ')[0].toLowerCase());
        await page.locator('[role="listbox"][aria-multiselectable="true"] [role="option"]', { hasText: service }).first().click();
        if (needIndex === 0 && service === LINKS[0][1]) await look('link-picker');
        await page.getByRole('button', { name: L.linkN }).click();
        await page.locator('.link-row a', { hasText: service }).waitFor();
        // Linked, the option list is put away rather than left covering the panel.
        expect(await box.getAttribute('aria-expanded')).toBe('false');
      }
      await look('need-with-services');
      expect((await callApi<unknown[]>(app, 'links.list', { type: 'addresses' })).length).toBe(LINKS.length);
    });

    it('opens the try-out page for a persona and shows recommendations with explanations', async () => {
      await page.click('nav a[href="#/persona"]');
      await page.locator('.row-link', { hasText: L.personas[0] }).first().click();
      await expect.poll(heading).toBe(L.personas[0]);
      await page.getByRole('link', { name: L.openTryout }).click();
      await page.getByRole('heading', { name: L.tryoutTitle }).waitFor();
      const items = page.locator('.tryout-output .rec-item');
      await items.first().waitFor();
      // The services linked to this persona's needs come first, and say why.
      const top = (await items.allTextContents()).slice(0, 3).join('\n');
      expect(top).toContain('Opiskeluterveydenhuollon palvelut');
      expect(await items.first().locator('.rec-why li').count()).toBeGreaterThan(0);
      await look('tryout');
    });

    it('runs the matching analysis and shows coverage and the unserved need as a gap', async () => {
      await page.click('nav a[href="#/matching"]');
      await page.getByRole('heading', { name: L.matchingTitle }).waitFor();
      await page.getByRole('button', { name: L.run }).click();
      const coverage = page.locator('.matching-figure[data-figure=coverage] .figure-value');
      // Linked services always serve: of the five persona × need pairs only the third need of the
      // first persona is left, and with equal importance that is 4/5 of the weight.
      await expect.poll(() => coverage.textContent(), { timeout: 30_000 }).toMatch(/^80,0\s%$/);
      expect(await page.locator('.matching-figure[data-figure=covered] .figure-value').textContent()).toBe('4 / 5');
      expect(await page.locator('.matching-figure[data-figure=gaps] .figure-value').textContent()).toBe('1');
      // A row per need, a column per persona.
      expect(await page.locator('table.heatmap tbody th.heat-need').allTextContents()).toEqual(expect.arrayContaining([...L.needs]));
      expect(await page.locator('table.heatmap tbody tr').count()).toBe(L.needs.length);
      expect(await page.locator('table.heatmap thead th.heat-persona').allTextContents()).toEqual(expect.arrayContaining([...L.personas]));
      expect(await page.locator('#gaps-heading').textContent()).toMatch(L.gapsHeading);
      // Nothing answers the third need: it is a gap; the first two are not.
      const gapNeeds = await page.locator('#gaps-heading ~ table a').allTextContents();
      expect(gapNeeds).toContain(L.needs[2]);
      expect(gapNeeds).not.toContain(L.needs[0]);
      await look('matching');
    });

    it('exports XLSX named after the workspace, with sheet names in the UI language', async () => {
      await page.click('nav a[href="#/overview"]');
      await page.getByRole('button', { name: L.workspaceMenu }).click();
      const [book] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel \(XLSX\)/ }).click()]);
      expect(book.suggestedFilename()).toMatch(new RegExp(`^${L.fileStem}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(await book.path()) as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toContain(L.servicesSheet);
      const names: unknown[] = [];
      wb.getWorksheet(L.servicesSheet)!.eachRow((row) => names.push(...(row.values as unknown[])));
      expect(names).toContain('Omaishoidon tuki');
      await look('overview-after-export');
    });
  });
}
