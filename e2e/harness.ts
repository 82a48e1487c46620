import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createBackend } from '../electron/backend';
import { openAtStart } from '../electron/backend/domains/workspace';
import { startHttpServer } from '../electron/server/http';
import { workshopHub, type HubOptions } from '../electron/backend/workshop/hub';
import { KEY_HEADER } from '../shared/api/launch-key';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDERER = path.resolve(__dirname, '../out/renderer');

export interface RunningApp {
  /**
   * The address `kohtaanto serve` prints: the server with this launch's key in the fragment
   * (`http://127.0.0.1:PORT/#k=KEY`). An app route may follow (`${url}#/service`).
   */
  url: string;
  /** The key API calls send as X-Kohtaanto-Key (`new URL('api/…', url)` drops the fragment). */
  key: string;
  /** Headers for a JSON API call from a test or bench. */
  headers: Record<string, string>;
  dataDir: string;
  stop(): Promise<void>;
}

/** Browser mode exactly as `kohtaanto serve` runs it, in this process, with its own data folder. */
export async function startApp(opts: { dataDir?: string; openFirstRun?: boolean; workshop?: HubOptions } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first (npm run build).');
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-e2e-'));
  const { ctx, registry } = createBackend({ dataDir, mode: 'browser' });
  if (opts.openFirstRun !== false) openAtStart(ctx);
  // Workshop rate limits and join-code tries a test needs to hit deterministically.
  if (opts.workshop) workshopHub(ctx, opts.workshop);
  const srv = await startHttpServer({ registry, ctx, staticDir: RENDERER, port: 0 });
  return {
    url: srv.openUrl,
    key: srv.key,
    headers: { 'Content-Type': 'application/json', [KEY_HEADER]: srv.key },
    dataDir,
    async stop() {
      await srv.close();
      ctx.close();
    },
  };
}

/** The system Chromium, headless unless HEADED=1 (use under xvfb-run for screenshots of a real window). */
export async function launchBrowser(opts: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kohtaanto-chromium-'));
  const headed = process.env.HEADED === '1';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: !headed,
    viewport: { width: 1440, height: 900 },
    locale: opts.locale ?? 'fi-FI',
    colorScheme: opts.colorScheme ?? 'light',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(headed ? [] : ['--headless'])],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Calls the app's own API over HTTP, as a second client would; throws with the app's message when refused. */
export async function callApi<T = unknown>(app: RunningApp, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(new URL(`api/${method}`, app.url), { method: 'POST', headers: app.headers, body: JSON.stringify(input) });
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}
