import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { isAllowedNavigation, isTrustedSender, SECURE_WEB_PREFERENCES } from './security';

describe('Electron security baseline', () => {
  it('creates windows isolated, sandboxed and without Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    const main = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    // The one window uses exactly these preferences, and denies window.open and foreign navigation.
    expect(main).toMatch(/webPreferences: \{ \.\.\.SECURE_WEB_PREFERENCES, preload/);
    expect(main).toMatch(/setWindowOpenHandler\([^)]*\) => \{[\s\S]*?action: 'deny'/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _permission, callback\) => callback\(false\)\)/);
  });

  it('allows navigation only inside the app', () => {
    const app = 'file:///opt/kohtaanto/out/renderer/index.html';
    expect(isAllowedNavigation('file:///opt/kohtaanto/out/renderer/index.html#/service', app)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', app)).toBe(false);
    expect(isAllowedNavigation('https://example.org/', app)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', app)).toBe(false);
    expect(isAllowedNavigation('not a url', app)).toBe(false);
    expect(isTrustedSender(undefined, app)).toBe(false);
    expect(isTrustedSender('https://evil.example/', app)).toBe(false);
  });

  it('has a strict CSP, the same in the page and on the server', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag, so the page carries the rest of the same policy.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('exposes only invoke() and on() from the preload, never ipcRenderer', () => {
    const preload = fs.readFileSync(path.resolve(__dirname, '../preload/index.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('kohtaanto', \{\s*invoke:/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer[,)]/);
    const keys = [...preload.matchAll(/^  (\w+): /gm)].map((m) => m[1]);
    expect(keys).toEqual(['invoke', 'on']);
  });
});
