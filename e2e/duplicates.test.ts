import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import type { RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
let page: Page;
const SHOTS = path.resolve(__dirname, '.artifacts/duplicates');

async function api<T = unknown>(method: string, input: unknown = {}): Promise<{ ok: boolean; value: T; error?: { code: string; message: string } }> {
  const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: app.headers, body: JSON.stringify(input) });
  return (await res.json()) as { ok: boolean; value: T; error?: { code: string; message: string } };
}
async function must<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  const r = await api<T>(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

// the example workspace
appAndBrowserPerFile(async (a, b) => {
  app = a;
  browser = b;
  page = browser.page;
  fs.mkdirSync(SHOTS, { recursive: true });
  const e = (entity: Record<string, unknown>) => must('entities.create', { entity });
  await e({ id: 'org-dup', kind: 'organisation', name: { fi: 'Digi- ja väestötietovirasto', sv: 'Myndigheten för digitalisering och befolkningsdata' } });
  await e({ id: 'srv-dup-1', kind: 'service', name: { fi: 'Perunkirjoitusneuvonta' }, languages: ['fi'], description: { fi: 'Neuvontaa perukirjan laatimiseen.' } });
  await e({ id: 'srv-dup-2', kind: 'service', name: { fi: 'perunkirjoitusneuvonta', sv: 'Rådgivning om bouppteckning' }, languages: ['fi', 'sv'] });
  await e({ id: 'le-own', kind: 'lifeEvent', name: { fi: 'Läheisen kuolema', sv: 'En närståendes död' } });
  await e({ id: 'le-ptv-ke14', kind: 'lifeEvent', name: { fi: 'Omaisen kuolema', sv: 'När en anhörig avlider' }, code: 'KE14' });
  await must('links.create', { type: 'provides', source: 'org-dup', target: 'srv-dup-1' });
  await must('links.create', { type: 'provides', source: 'org-dup', target: 'srv-dup-2' });
  await must('links.create', { type: 'inLifeEvent', source: 'srv-dup-2', target: 'le-ptv-ke14' });
  await page.goto(`${app.url}#/service`);
  await page.locator('.ws-title').waitFor();
});

const openReview = async (menuItem: RegExp) => {
  await page.locator('.menu > button[aria-haspopup=menu]').click();
  await page.getByRole('menuitem', { name: menuItem }).click();
  await page.locator('.duplicates-dialog .dup-group').first().waitFor();
};
const group = (name: RegExp) => page.locator('.duplicates-dialog .dup-group', { has: page.getByRole('heading', { name }) });

describe('duplicate review in the browser', () => {
  it('lists same-named services with what tells them apart, merges the chosen pair as one step, and undo brings it back', async () => {
    await openReview(/^Etsi kaksoiskappaleet/);
    const services = group(/^Palvelu: Perunkirjoitusneuvonta/);
    await expect.poll(() => services.count()).toBe(1);
    expect(await services.locator('.dup-badge').textContent()).toBe('todennäköisesti sama');
    expect(await services.textContent()).toMatch(/Eroavat: .*kielet/);
    expect(await services.locator('tbody tr').count()).toBe(2);
    const lifeEvents = page.locator('.duplicates-dialog .dup-group', { hasText: 'Omaisen kuolema' });
    expect(await lifeEvents.textContent()).toMatch(/samankaltainen nimi/);
    expect(await lifeEvents.textContent()).toMatch(/KE14/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'fi-duplicates.png') });

    // Keep the first one; the other is ticked for merging because the group is likely the same.
    await services.getByRole('radio', { name: 'Säilytä Perunkirjoitusneuvonta (srv-dup-1)' }).check();
    expect(await services.getByRole('checkbox', { name: /srv-dup-2/ }).isChecked()).toBe(true);
    await services.getByRole('button', { name: 'Yhdistä 1 säilytettävään' }).click();
    await page.locator('.notice', { hasText: 'Yhdistetty' }).waitFor();
    await expect.poll(() => group(/^Palvelu: Perunkirjoitusneuvonta/).count()).toBe(0);
    expect((await api('entities.get', { id: 'srv-dup-2' })).ok).toBe(false);
    const kept = await must<{ entity: { name: Record<string, string>; languages: string[] }; links: { type: string; target: string }[] }>('entities.get', { id: 'srv-dup-1' });
    expect(kept.entity.name).toEqual({ fi: 'Perunkirjoitusneuvonta', sv: 'Rådgivning om bouppteckning' });
    expect(kept.links.map((l) => `${l.type}>${l.target}`).sort()).toEqual(['inLifeEvent>le-ptv-ke14', 'provides>srv-dup-1']);

    await page.locator('.duplicates-dialog').getByRole('button', { name: 'Sulje' }).click();
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await expect.poll(async () => (await api('entities.get', { id: 'srv-dup-2' })).ok).toBe(true);
    expect((await must<{ links: unknown[] }>('entities.get', { id: 'srv-dup-1' })).links).toHaveLength(1);
  });

  it('reads in Swedish, and a possibly different group is never pre-ticked', async () => {
    await page.locator('.lang-switch select').selectOption('sv');
    await openReview(/^Sök dubbletter/);
    const lifeEvents = page.locator('.duplicates-dialog .dup-group', { hasText: 'När en anhörig avlider' });
    expect(await lifeEvents.locator('.dup-badge').textContent()).toBe('kanske olika');
    expect(await lifeEvents.textContent()).toMatch(/liknande namn/);
    const boxes = lifeEvents.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) expect(await boxes.nth(i).isChecked()).toBe(false);
    expect(await lifeEvents.getByRole('button', { name: /^Slå ihop 0/ }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'sv-duplicates.png') });
    // Merge the user's own event with the PTV one: the kept event takes the PTV code.
    await lifeEvents.getByRole('radio', { name: /le-own/ }).check();
    await lifeEvents.getByRole('checkbox', { name: /le-ptv-ke14/ }).check();
    await lifeEvents.getByRole('button', { name: 'Slå ihop 1 med den som behålls' }).click();
    await page.locator('.notice', { hasText: 'Sammanslaget' }).waitFor();
    const own = await must<{ entity: { code?: string }; links: { source: string }[] }>('entities.get', { id: 'le-own' });
    expect(own.entity.code).toBe('KE14');
    expect(own.links.map((l) => l.source)).toEqual(['srv-dup-2']);
    await page.locator('.duplicates-dialog').getByRole('button', { name: 'Stäng' }).click();
    await page.locator('.lang-switch select').selectOption('fi');
  });
});
