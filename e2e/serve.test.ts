// `kohtaanto serve` as a user runs it: the printed address (with the launch key in its fragment)
// opens the working app, the key leaves the address bar, a reload keeps working, live updates
// arrive, and a tab opened without the key is told what to do.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from './harness';

const ROOT = path.resolve(__dirname, '..');
let dir: string;
let child: ChildProcess;
let printed: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-serve-'));
  child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kohtaanto.mjs'), 'serve', '--port', '0', '--no-open'], {
    cwd: dir,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', KOHTAANTO_DATA_DIR: path.join(dir, 'data'), KOHTAANTO_NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  printed = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address: ${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  browser = await launchBrowser();
  page = browser.page;
}, 90_000);
afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

const keyOf = (url: string) => /#k=([A-Za-z0-9_-]+)$/.exec(url)?.[1] ?? '';

describe('kohtaanto serve and its printed address', () => {
  it('prints an address on 127.0.0.1 that carries the launch key in the fragment', () => {
    expect(printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=[A-Za-z0-9_-]{43}$/);
  });

  it('opens the working app from the printed address and takes the key out of the address bar', async () => {
    await page.goto(printed);
    await page.locator('.ws-title', { hasText: 'Nuoret kiinni yhteiskunnassa' }).waitFor();
    expect(page.url()).not.toContain('k=');
    expect(page.url()).not.toContain(keyOf(printed));
    expect(await page.evaluate(() => sessionStorage.getItem('kohtaanto.key'))).toBe(keyOf(printed));
  });

  it('keeps working after a reload, with live updates over the event stream', async () => {
    await page.reload();
    await page.locator('.ws-title', { hasText: 'Nuoret kiinni yhteiskunnassa' }).waitFor();
    expect(await page.locator('.notice-error').count()).toBe(0);
    // A change made by another client reaches the page only through the keyed event stream.
    const res = await fetch(new URL('api/workspace.setTitle', printed), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kohtaanto-Key': keyOf(printed) },
      body: JSON.stringify({ title: { fi: 'Avaimella muutettu' } }),
    });
    expect(res.status).toBe(200);
    await poll(() => page.locator('.ws-title').textContent()).toContain('Avaimella muutettu');
  });

  it('follows an app route after the key (#k=KEY#/service), also within the same tab', async () => {
    await page.goto(`${printed}#/service`);
    await poll(() => page.url()).toMatch(/\/#\/service$/);
    await page.locator('nav a[href="#/service"][aria-current="page"]').waitFor();
  });

  it('tells a tab opened without the key what to do, in Finnish, and the server refuses its calls', async () => {
    const bare = await browser.context.newPage();
    try {
      await bare.goto(printed.replace(/#.*$/, ''));
      await poll(() => bare.locator('.notice-error').textContent()).toMatch(/ei ole käynnissä olevan Kohtaanto-sovelluksen avainta.*#k=/);
      expect(await bare.locator('.ws-title').count()).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
