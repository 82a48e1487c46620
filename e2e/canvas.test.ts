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
  const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: app.headers, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}
const links = () => api<{ id: string; type: string; source: string; target: string }[]>('links.list');
const node = (name: string): Locator => page.locator('.react-flow__node', { hasText: name });
const notice = () => page.locator('.notice').first();
/** The text of the node that has keyboard focus ('' when focus is elsewhere). */
const focusedNode = () => page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.textContent : ''));
/** Polls longer than Vitest's default second: the first layout runs ELK in a cold worker. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

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
    await poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await expect(node('Kela').locator('.cnode-organisation').count()).resolves.toBe(1);
    expect(await node('Kela').getAttribute('aria-label')).toBe('Organisaatio: Kela (1 linkki)');
    // The first opening lays the map out in the worker and saves the positions (no undo entry).
    await poll(async () => Object.keys((await api<{ positions: object }>('canvas.state')).positions).length).toBe(5);
    expect(await api('history.state')).toMatchObject({ canUndo: true, undo: { key: 'linkCreate', params: { type: 'hasNeed' } } });
  });

  it('creates a node from the palette and by double-click, by mouse', async () => {
    await page.locator('.palette button', { hasText: 'Palvelutarve' }).click();
    await page.fill('#quick-name', 'Asuminen');
    await page.getByRole('button', { name: 'Luo', exact: true }).click();
    await node('Asuminen').waitFor();
    await poll(() => node('Asuminen').evaluate((el) => el.classList.contains('selected'))).toBe(true);

    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.dblclick(pane.x + 30, pane.y + 30);
    await page.selectOption('#quick-kind', 'channel');
    await page.fill('#quick-name', 'Kela.fi');
    await page.keyboard.press('Enter');
    await node('Kela.fi').waitFor();
    expect(await node('Kela.fi').locator('.cnode-channel').count()).toBe(1);
  });

  it('connects by dragging between nodes, and refuses an invalid link with its reason', async () => {
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    ids.Asuminen = (await api<{ id: string; name: { fi: string } }[]>('entities.list', { kind: 'need' })).find((e) => e.name.fi === 'Asuminen')!.id;
    await dragLink('Opintotuki', 'Asuminen');
    await poll(async () => (await links()).some((l) => l.type === 'addresses' && l.source === ids.Opintotuki && l.target === ids.Asuminen)).toBe(true);
    await poll(async () => (await links()).length).toBe(4);

    const before = (await links()).length;
    await dragLink('Opintotuki', 'Opiskelija');
    await poll(() => notice().textContent()).toContain('Ei linkitetty: tyyppien Palvelu ja Asiakasprofiili välillä ei ole linkkiä');
    expect(await notice().textContent()).toContain('Organisaatio → Palvelu (tarjoaa)');
    expect((await links()).length).toBe(before);
  });

  it('edits a node in the side panel, by mouse', async () => {
    await node('Toimeentulo').dblclick();
    await page.locator('#panel-heading', { hasText: 'Toimeentulo' }).waitFor();
    await page.fill('#field-name-fi', 'Toimeentulo ja etuudet');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await node('Toimeentulo ja etuudet').waitFor();
    await page.getByRole('button', { name: 'Sulje', exact: true }).click();
  });

  it('deletes a node with a warning about its links, and undo brings back the node with its links', async () => {
    await node('Opintotuki').click();
    await page.getByRole('button', { name: /Järjestä/ }).click();
    await page.getByRole('menuitem', { name: /Poista valinta/ }).click();
    const dialog = page.getByRole('alertdialog');
    await poll(() => dialog.textContent()).toContain('Samalla poistuu 3 linkkiä');
    await dialog.getByRole('button', { name: 'Poista' }).click();
    await poll(() => node('Opintotuki').count()).toBe(0);
    expect((await links()).some((l) => l.source === ids.Opintotuki || l.target === ids.Opintotuki)).toBe(false);

    await page.getByRole('button', { name: /Kumoa/ }).click();
    await node('Opintotuki').waitFor();
    const back = (await links()).filter((l) => l.source === ids.Opintotuki || l.target === ids.Opintotuki);
    expect(back.map((l) => l.type).sort()).toEqual(['addresses', 'addresses', 'provides']);
    await poll(() => page.locator('.react-flow__edge').count()).toBe(4);
  });

  it('does it all by keyboard alone: create, connect, edit, delete', async () => {
    // Start from the search box and find a node: Enter gives the node keyboard focus.
    await page.focus('#canvas-search');
    await page.keyboard.type('Kela');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(ids.Kela);

    // Create: N opens the form with the cursor in the name field.
    await page.keyboard.press('n');
    await page.locator('#quick-name').waitFor();
    await page.keyboard.type('Opintolaina');
    await page.keyboard.press('Enter');
    await node('Opintolaina').waitFor();
    await poll(() => focusedNode()).toContain('Opintolaina');

    // Connect: C starts a link; find the other node with Ctrl+K; Enter links them.
    await page.keyboard.press('c');
    await page.keyboard.press('Control+k');
    await page.locator('.command-palette input').waitFor();
    await page.keyboard.type('Kela');
    await page.keyboard.press('Enter');
    await poll(() => focusedNode()).toContain('Kela');
    await page.keyboard.press('Enter');
    const loan = async () => (await api<{ id: string; name: { fi: string } }[]>('entities.list', { kind: 'service' })).find((e) => e.name.fi === 'Opintolaina')!.id;
    const loanId = await loan();
    await poll(async () => (await links()).some((l) => l.type === 'provides' && l.source === ids.Kela && l.target === loanId)).toBe(true);

    // Arrow keys move the selection from node to node; then back to the new node and edit it.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Opintolaina');
    await page.keyboard.press('Enter');
    await poll(() => focusedNode()).toContain('Opintolaina');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe('field-name-fi');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Opintolainan valtiontakaus');
    await page.keyboard.press('Enter');
    await node('Opintolainan valtiontakaus').waitFor();
    await page.keyboard.press('Escape');
    await poll(() => focusedNode()).toContain('Opintolainan valtiontakaus');

    // Delete: the warning's confirm button has the focus.
    await page.keyboard.press('Delete');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    await poll(() => node('Opintolainan valtiontakaus').count()).toBe(0);
    expect((await links()).some((l) => l.target === loanId)).toBe(false);
  });

  it('moves the selection with the arrow keys and moves nodes undoably with Shift+arrows', async () => {
    await page.focus('#canvas-search');
    await page.keyboard.type('Kela.fi');
    await page.keyboard.press('Enter');
    await poll(() => focusedNode()).toContain('Kela.fi');
    const id = (await page.evaluate(() => document.activeElement?.getAttribute('data-id')))!;
    const before = (await api<{ positions: Record<string, { x: number; y: number }> }>('canvas.state')).positions[id];
    await page.keyboard.press('Shift+ArrowRight');
    await poll(async () => (await api<{ positions: Record<string, { x: number }> }>('canvas.state')).positions[id].x).toBe(before.x + 20);
    await page.keyboard.press('Control+z');
    await poll(async () => (await api<{ positions: Record<string, { x: number }> }>('canvas.state')).positions[id].x).toBe(before.x);
    // Arrows move selection and focus to the nearest node in that direction (some direction has one).
    const focusedId = () => page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.getAttribute('data-id') : null));
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(150);
      if ((await focusedId()) !== id) break;
    }
    const now = await focusedId();
    expect(now).not.toBe(id);
    expect(now).not.toBeNull();
    expect(await page.locator(`.react-flow__node[data-id="${now}"]`).evaluate((el) => el.classList.contains('selected'))).toBe(true);
  });

  it('box-selects with Shift+drag, aligns the selection, and Tab moves from node to node', async () => {
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(pane.x + 5, pane.y + 5);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width - 5, pane.y + pane.height - 5, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await poll(() => page.locator('.react-flow__node.selected').count()).toBeGreaterThan(3);
    const selected = await page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    await page.getByRole('button', { name: /Järjestä/ }).click();
    await page.getByRole('menuitem', { name: 'Tasaa vasemmat reunat' }).click();
    await poll(async () => {
      const pos = (await api<{ positions: Record<string, { x: number }> }>('canvas.state')).positions;
      return new Set(selected.map((id) => pos[id].x)).size;
    }).toBe(1);
    expect(await api('history.state')).toMatchObject({ undoLabel: `Align ${selected.length} nodes` });
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await poll(async () => {
      const pos = (await api<{ positions: Record<string, { x: number }> }>('canvas.state')).positions;
      return new Set(selected.map((id) => pos[id].x)).size;
    }).toBeGreaterThan(1);

    // Tab goes from one node to the next one.
    const first = page.locator('.react-flow__node').first();
    await first.focus();
    const a = await first.getAttribute('data-id');
    await page.keyboard.press('Tab');
    const b = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    expect(b).toBeTruthy();
    expect(b).not.toBe(a);
  });

  it('copies and pastes nodes with their links as clipboard JSON, also into another workspace', async () => {
    await page.focus('#canvas-search');
    await page.keyboard.type('Kela');
    await page.keyboard.press('Enter');
    await poll(focusedNode).toContain('Kela');
    // Kela and Opintotuki, linked by "provides".
    await node('Opintotuki').click({ modifiers: ['Control'] });
    await poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    // The browser's copy and paste events, as Ctrl+C and Ctrl+V fire them.
    const text = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(JSON.parse(text)).toMatchObject({ format: 'kohtaanto-canvas-clip', version: 1, links: [{ type: 'provides' }] });
    const paste = (clip: string) =>
      page.evaluate((t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, clip);
    const beforeIds = new Set((await api<{ id: string }[]>('entities.list')).map((e) => e.id));
    const before = beforeIds.size;
    await paste(text);
    await poll(async () => (await api<unknown[]>('entities.list')).length).toBe(before + 2);
    await poll(() => node('Opintotuki').count()).toBe(2);
    expect(await api('history.state')).toMatchObject({ undoLabel: 'Paste 2 nodes' });
    // The copies keep the arrangement, 40 px down and right of the originals: the map does not
    // place them again (their entities reach it before their positions do).
    const clip = JSON.parse(text) as { positions: Record<string, { x: number; y: number }> };
    await page.waitForTimeout(500);
    const { positions } = await api<{ positions: Record<string, { x: number; y: number }> }>('canvas.state', { view: 'main' });
    const placed = (await api<{ id: string }[]>('entities.list')).filter((e) => !beforeIds.has(e.id)).map((e) => positions[e.id]);
    const origin = (ps: { x: number; y: number }[]) => ({ x: Math.min(...ps.map((p) => p.x)), y: Math.min(...ps.map((p) => p.y)) });
    const o = origin(Object.values(clip.positions));
    expect(placed).toHaveLength(2);
    expect(origin(placed)).toEqual({ x: o.x + 40, y: o.y + 40 });
    await page.getByRole('button', { name: /Kumoa/ }).click();
    await poll(() => node('Opintotuki').count()).toBe(1);

    // Into another workspace: the same clipboard text.
    const first = (await api<{ path: string }>('workspace.current')).path;
    await api('workspace.create', { name: 'Toinen työpaja' });
    await page.reload();
    await page.locator('.canvas-flow').waitFor();
    await paste(text);
    await node('Opintotuki').waitFor();
    await poll(async () => (await links()).map((l) => l.type)).toEqual(['provides']);
    await api('workspace.open', { path: first });
    await page.reload();
    await node('Kela').first().waitFor();
  });

  it('saves a named view that survives a reload', async () => {
    await page.locator('.check-list').first().locator('label', { hasText: 'Asiakasprofiilit' }).click();
    await poll(() => node('Opiskelija').count()).toBe(0);
    await page.getByRole('button', { name: 'Tallenna näkymänä…' }).click();
    await page.fill('#view-name', 'Ilman profiileja');
    await page.keyboard.press('Enter');
    await poll(() => page.url()).toMatch(/#\/canvas\/map\/view-/);
    await poll(() => page.locator('.canvas-status strong').textContent()).toBe('Ilman profiileja');
    await page.waitForTimeout(500);
    expect(await page.locator('.canvas-status strong').textContent()).toBe('Ilman profiileja');
    expect(await node('Opiskelija').count()).toBe(0);
    const count = await page.locator('.react-flow__node').count();

    await page.reload();
    await node('Kela').first().waitFor();
    expect(await page.locator('#canvas-view-select option:checked').textContent()).toBe('Ilman profiileja');
    expect(await page.locator('.canvas-status strong').textContent()).toBe('Ilman profiileja');
    await poll(() => page.locator('.react-flow__node').count()).toBe(count);
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
    await poll(provided).toBe(false);

    // Link again from the service's end: the form opens with the focus on its first list.
    await page.getByRole('button', { name: 'Linkitä…: Opintotuki', exact: true }).press('Enter');
    await poll(() => page.evaluate(() => document.activeElement?.closest('.outline-link-form') !== null)).toBe(true);
    await page.locator('.outline-link-form select').first().selectOption({ label: 'Tarjoajat (Organisaatio)' });
    await page.locator('.outline-link-form select').nth(1).selectOption({ label: 'Kela' });
    await page.locator('.outline-link-form').getByRole('button', { name: 'Linkitä' }).press('Enter');
    await poll(provided).toBe(true);

    // Delete, with the inline confirmation whose button takes the focus.
    await page.getByRole('button', { name: 'Poista…: Kela.fi' }).press('Enter');
    await page.keyboard.press('Enter');
    await poll(async () => (await api<{ name: { fi: string } }[]>('entities.list')).some((e) => e.name.fi === 'Kela.fi')).toBe(false);
  });
});
