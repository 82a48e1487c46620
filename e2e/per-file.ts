import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startApp, type RunningApp } from './harness';

export type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/**
 * The app (browser mode, its own data folder) and a Chromium for one test file: started before
 * the file's tests, `ready` given both, then closed and the data folder removed after them.
 * Kept apart from harness.ts, which the benches import outside vitest.
 */
export function appAndBrowserPerFile(ready: (app: RunningApp, browser: Browser) => void | Promise<void>, opts: { app?: Parameters<typeof startApp>[0]; browser?: Parameters<typeof launchBrowser>[0] } = {}): void {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(opts.app);
    browser = await launchBrowser(opts.browser);
    await ready(app, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
  });
}
