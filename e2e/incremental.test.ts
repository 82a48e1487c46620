import { describe, expect, it } from 'vitest';
import type { Entity } from '../shared/model';
import { callApi, type RunningApp } from './harness';
import { appAndBrowserPerFile, type Browser } from './per-file';

let app: RunningApp;
let browser: Browser;
// the built-in example is open
appAndBrowserPerFile((a, b) => {
  app = a;
  browser = b;
});

describe('changes from another client reach the window incrementally', () => {
  it('refetches only the changed service after an edit, and nothing of the graph after a matching run', async () => {
    const { page } = browser;
    const calls: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/([a-zA-Z.]+)$/.exec(new URL(r.url()).pathname);
      if (m && r.method() === 'POST') calls.push(m[1]);
    });
    await page.goto(`${app.url}`);
    await page.goto(`${app.url.split('#')[0]}#/service`);
    await page.locator('table tbody tr').first().waitFor();
    const services = await callApi<Entity[]>(app, 'entities.list', { kind: 'service' });
    const target = services[0];
    // The table draws only the rows in view: narrow it to this one, wherever its new name sorts.
    await page.fill('#entity-search', target.id);
    await expect.poll(() => page.locator('.row-link').count()).toBe(1);
    await expect.poll(() => calls.includes('entities.list')).toBe(true);

    calls.length = 0;
    await callApi(app, 'entities.update', { entity: { ...target, name: { ...target.name, fi: 'Uudelleennimetty palvelu' } } });
    await page.getByText('Uudelleennimetty palvelu').first().waitFor();
    await expect.poll(() => calls.includes('entities.getMany')).toBe(true);
    expect(calls).not.toContain('entities.list');
    expect(calls).not.toContain('links.list');

    calls.length = 0;
    await callApi(app, 'matching.run', {});
    await expect.poll(() => calls.includes('history.state')).toBe(true);
    expect(calls.filter((c) => c.startsWith('entities.') || c.startsWith('links.'))).toEqual([]);
  });
});
