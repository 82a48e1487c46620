import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const ids: Record<string, string> = {};

/** Calls the running app's API the way the browser does. */
async function api<T = unknown>(method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}
const links = () => api<{ id: string; type: string; source: string; target: string }[]>('links.list');
const node = (name: string): Locator => page.locator('.react-flow__node', { hasText: name });
const notice = () => page.locator('.notice').first();

/** Drags from a node's right-hand handle and drops on another node's body. */
async function dragLink(from: string, to: string) {
  await node(from).hover();
  const h = await node(from).locator('.react-flow__handle.source').boundingBox();
  const b = await node(to).boundingBox();
  if (!h || !b) throw new Error('no geometry');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Width and height from a PNG's header, and whether its pixels differ (not a blank image). */
function readPng(buf: Buffer): { width: number; height: number; varied: boolean } {
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  // Distinct byte values over the image: a blank image has only a handful.
  const seen = new Set<number>();
  for (let i = 0; i < raw.length; i += 97) seen.add(raw[i]);
  return { width, height, varied: seen.size > 40 };
}

beforeAll(async () => {
  app = await startApp({ openFirstRun: false });
  await api('workspace.create', { name: 'Kanvastesti' });
  const meters = Object.fromEntries(['health', 'resilience', 'housing', 'working_studying', 'family', 'friends', 'finance', 'improvement_of_strengths', 'self_esteem', 'life_satisfaction'].map((m) => [m, 5]));
  const extra = (kind: string) => (kind === 'persona' ? { ageMin: 19, ageMax: 24, meters } : {});
  const mk = async (kind: string, fi: string) => (ids[fi] = (await api<{ id: string }>('entities.create', { entity: { kind, name: { fi }, ...extra(kind) } })).id);
  await mk('organisation', 'Kela');
  await mk('service', 'Opintotuki');
  await mk('need', 'Toimeentulo');
  await mk('persona', 'Opiskelija');
  await mk('lifeEvent', 'Opiskelu');
  await api('links.create', { type: 'provides', source: ids.Kela, target: ids.Opintotuki });
  await api('links.create', { type: 'addresses', source: ids.Opintotuki, target: ids.Toimeentulo });
  await api('links.create', { type: 'hasNeed', source: ids.Opiskelu, target: ids.Toimeentulo });
  browser = await launchBrowser();
  page = browser.page;
  await page.goto(`${app.url}#/canvas/map`);
  await node('Opintotuki').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('the ecosystem canvas in Chromium', () => {
  it('shows every entity as a node of its kind and every link as an edge, laid out and saved', async () => {
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await expect(node('Kela').locator('.cnode-organisation').count()).resolves.toBe(1);
    expect(await node('Kela').getAttribute('aria-label')).toMatch(/^Organisaatio: Kela/);
    // The first opening lays the map out in the worker and saves the positions (no undo entry).
    await expect.poll(async () => Object.keys((await api<{ positions: object }>('canvas.state')).positions).length).toBe(5);
    expect(await api('history.state')).toMatchObject({ canUndo: true, undoLabel: 'Link hasNeed' });
  });

  it('creates a node from the palette and by double-click, by mouse', async () => {
    await page.locator('.palette button', { hasText: 'Palvelutarve' }).click();
    await page.fill('#quick-name', 'Asuminen');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await node('Asuminen').waitFor();
    await expect.poll(() => node('Asuminen').evaluate((el) => el.classList.contains('selected'))).toBe(true);

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.dblclick(pane.x + 40, pane.y + pane.height - 40);
    await page.selectOption('#quick-kind', 'channel');
    await page.fill('#quick-name', 'Kela.fi');
    await page.keyboard.press('Enter');
    await node('Kela.fi').waitFor();
    expect(await node('Kela.fi').locator('.cnode-channel').count()).toBe(1);
  });

  it('connects by dragging between nodes, and refuses an invalid link with its reason', async () => {
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    await dragLink('Opintotuki', 'Asuminen');
    await expect.poll(async () => (await links()).some((l) => l.type === 'addresses' && l.source === ids.Opintotuki)).toBe(true);
    await expect.poll(async () => (await links()).filter((l) => l.type === 'addresses').length).toBe(2);

    const before = (await links()).length;
    await dragLink('Opintotuki', 'Opiskelija');
    await expect.poll(() => notice().textContent()).toContain('Ei linkitetty: tyyppien Palvelu ja Asiakasprofiili välillä ei ole linkkiä');
    expect(await notice().textContent()).toContain('Organisaatio → Palvelu (tarjoaa)');
    expect((await links()).length).toBe(before);
  });

  it('edits a node in the side panel, by mouse', async () => {
    await node('Toimeentulo').dblclick();
    await page.locator('#panel-heading', { hasText: 'Toimeentulo' }).waitFor();
    await page.fill('#field-name-fi', 'Toimeentulo ja etuudet');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await node('Toimeentulo ja etuudet').waitFor();
    await page.getByRole('button', { name: 'Sulje', exact: true }).click();
  });

  it('deletes a node with a warning about its links, and undo brings back the node with its links', async () => {
    await node('Opintotuki').click();
    await page.getByRole('button', { name: /Järjestä/ }).click();
    await page.getByRole('menuitem', { name: /Poista valinta/ }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain('Samalla poistuu 3 linkkiä');
    await dialog.getByRole('button', { name: 'Poista' }).click();
    await expect.poll(() => node('Opintotuki').count()).toBe(0);
    expect((await links()).some((l) => l.source === ids.Opintotuki || l.target === ids.Opintotuki)).toBe(false);

    await page.getByRole('button', { name: /Kumoa/ }).click();
    await node('Opintotuki').waitFor();
    const back = (await links()).filter((l) => l.source === ids.Opintotuki || l.target === ids.Opintotuki);
    expect(back.map((l) => l.type).sort()).toEqual(['addresses', 'addresses', 'provides']);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('does it all by keyboard alone: create, connect, edit, delete', async () => {
    // Start from the search box and find a node: Enter gives the node keyboard focus.
    await page.focus('#canvas-search');
    await page.keyboard.type('Kela');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(ids.Kela);

    // Create: N opens the form with the cursor in the name field.
    await page.keyboard.press('n');
    await page.locator('#quick-name').waitFor();
    await page.keyboard.type('Opintolaina');
    await page.keyboard.press('Enter');
    await node('Opintolaina').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Opintolaina');

    // Connect: C starts a link; find the other node with Ctrl+K; Enter links them.
    await page.keyboard.press('c');
    await page.keyboard.press('Control+k');
    await page.locator('.command-palette input').waitFor();
    await page.keyboard.type('Kela');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Kela');
    await page.keyboard.press('Enter');
    const loan = async () => (await api<{ id: string; name: { fi: string } }[]>('entities.list', { kind: 'service' })).find((e) => e.name.fi === 'Opintolaina')!.id;
    const loanId = await loan();
    await expect.poll(async () => (await links()).some((l) => l.type === 'provides' && l.source === ids.Kela && l.target === loanId)).toBe(true);

    // Arrow keys move the selection from node to node; then back to the new node and edit it.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Opintolaina');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Opintolaina');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe('field-name-fi');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Opintolainan valtiontakaus');
    await page.keyboard.press('Enter');
    await node('Opintolainan valtiontakaus').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Opintolainan valtiontakaus');

    // Delete: the warning's confirm button has the focus.
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => node('Opintolainan valtiontakaus').count()).toBe(0);
    expect((await links()).some((l) => l.target === loanId)).toBe(false);
  });

  it('moves the selection with the arrow keys and moves nodes undoably with Shift+arrows', async () => {
    await page.focus('#canvas-search');
    await page.keyboard.type('Kela.fi');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Kela.fi');
    const id = (await page.evaluate(() => document.activeElement?.getAttribute('data-id')))!;
    const before = (await api<{ positions: Record<string, { x: number; y: number }> }>('canvas.state')).positions[id];
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(async () => (await api<{ positions: Record<string, { x: number }> }>('canvas.state')).positions[id].x).toBe(before.x + 20);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await api<{ positions: Record<string, { x: number }> }>('canvas.state')).positions[id].x).toBe(before.x);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate((from) => document.activeElement?.getAttribute('data-id') !== from && document.activeElement?.classList.contains('react-flow__node'), id)).toBe(true);
  });

  it('saves a named view that survives a reload', async () => {
    await page.locator('.check-list').first().locator('label', { hasText: 'Asiakasprofiilit' }).click();
    await expect.poll(() => node('Opiskelija').count()).toBe(0);
    await page.getByRole('button', { name: 'Tallenna näkymänä…' }).click();
    await page.fill('#view-name', 'Ilman profiileja');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/canvas\/map\/view-/);
    const count = await page.locator('.react-flow__node').count();

    await page.reload();
    await node('Kela').first().waitFor();
    expect(await page.locator('#canvas-view-select option:checked').textContent()).toBe('Ilman profiileja');
    expect(await page.locator('.canvas-status strong').textContent()).toBe('Ilman profiileja');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(count);
    expect(await node('Opiskelija').count()).toBe(0);
    await page.selectOption('#canvas-view-select', 'main');
    await node('Opiskelija').waitFor();
  });

  it('exports the visible area as a PNG of the expected size', async () => {
    const pane = (await page.locator('.canvas-flow').boundingBox())!;
    await page.getByRole('button', { name: /Vie/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /PNG-kuva näkyvästä alueesta/ }).click()]);
    const file = await download.path();
    const png = readPng(fs.readFileSync(file));
    expect(png.width).toBe(Math.round(pane.width * 2));
    expect(png.height).toBeGreaterThan(Math.round(pane.height * 2));
    expect(png.height).toBeLessThan(Math.round(pane.height * 2) + 600);
    expect(png.varied).toBe(true);
    expect(download.suggestedFilename()).toMatch(/^Kanvastesti\.png$/);
  });

  it('has no serious or critical accessibility violations on the map and the outline', async () => {
    await page.goto(`${app.url}#/canvas/map`);
    await node('Kela').first().waitFor();
    await page.waitForTimeout(500);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Jäsennys' }).click();
    await page.getByRole('heading', { name: 'Jäsennys' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Verkostoanalyysi' }).click();
    await page.locator('.analysis-table').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the outline unlinks, links and deletes with the keyboard', async () => {
    await page.getByRole('link', { name: 'Jäsennys' }).click();
    const provided = async () => (await links()).some((l) => l.type === 'provides' && l.source === ids.Kela && l.target === ids.Opintotuki);
    await page.getByRole('button', { name: 'Poista linkki: Kela – tarjoaa – Opintotuki' }).first().press('Enter');
    await expect.poll(provided).toBe(false);

    // Link again from the service's end: the form opens with the focus on its first list.
    await page.getByRole('button', { name: 'Linkitä…: Opintotuki', exact: true }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.outline-link-form') !== null)).toBe(true);
    await page.locator('.outline-link-form select').first().selectOption({ label: 'Tarjoajat (Organisaatio)' });
    await page.locator('.outline-link-form select').nth(1).selectOption({ label: 'Kela' });
    await page.locator('.outline-link-form').getByRole('button', { name: 'Linkitä' }).press('Enter');
    await expect.poll(provided).toBe(true);

    // Delete, with the inline confirmation whose button takes the focus.
    await page.getByRole('button', { name: 'Poista…: Kela.fi' }).press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await api<{ name: { fi: string } }[]>('entities.list')).some((e) => e.name.fi === 'Kela.fi')).toBe(false);
  });
});
