import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { denyPermissionCheck, denyPermissionRequest, isAllowedNavigation, isTrustedSender, navigationGuard, SECURE_WEB_PREFERENCES, type NavigationEvent } from './security';

describe('Electron security baseline', () => {
  it('creates windows isolated, sandboxed and without Node', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false });
    const main = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    // The one window uses exactly these preferences, and denies window.open and foreign navigation.
    expect(main).toMatch(/webPreferences: \{ \.\.\.SECURE_WEB_PREFERENCES, preload/);
    expect(main).toMatch(/setWindowOpenHandler\([^)]*\) => \{[\s\S]*?action: 'deny'/);
    expect(main).toMatch(/session\.defaultSession\.setPermissionRequestHandler\(denyPermissionRequest\)/);
    expect(main).toMatch(/session\.defaultSession\.setPermissionCheckHandler\(denyPermissionCheck\)/);
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

  it('exposes only invoke(), on() and setLanguage() (a string to one fixed channel) from the preload, never ipcRenderer', () => {
    const preload = fs.readFileSync(path.resolve(__dirname, '../preload/index.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\('kohtaanto', \{\s*invoke:/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer[,)]/);
    const keys = [...preload.matchAll(/^  (\w+): /gm)].map((m) => m[1]);
    expect(keys).toEqual(['invoke', 'on', 'setLanguage']);
    expect(preload).toMatch(/setLanguage: \(lang: string\) => ipcRenderer\.send\('kohtaanto:language', String\(lang\)\)/);
  });

  it('denies every permission check and request', () => {
    const permissions = ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb'];
    for (const _p of permissions) expect(denyPermissionCheck()).toBe(false);
    const answers: boolean[] = [];
    for (const p of permissions) denyPermissionRequest(null, p, (granted) => answers.push(granted));
    expect(answers).toEqual(permissions.map(() => false));
  });

  it('stops any frame navigating or being redirected away from the app', () => {
    const app = 'file:///opt/kohtaanto/out/renderer/index.html';
    const guard = navigationGuard(app);
    const prevented = (url: string) => {
      let stopped = false;
      const event: NavigationEvent = { url, preventDefault: () => (stopped = true) };
      guard(event);
      return stopped;
    };
    expect(prevented('file:///opt/kohtaanto/out/renderer/index.html#/canvas/map')).toBe(false);
    for (const away of ['https://evil.example/', 'http://127.0.0.1:5183/', 'file:///etc/passwd', 'about:blank', 'about:srcdoc', 'data:text/html,<script>1</script>', 'javascript:alert(1)', '']) {
      expect(prevented(away), away).toBe(true);
    }
    // Wired to all three events on every web contents, so subframes and redirects are covered too.
    const main = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
    const wiring = /app\.on\('web-contents-created', \(_e, contents\) => \{([\s\S]*?)\n\}\);/.exec(main)?.[1] ?? '';
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) expect(wiring).toContain(`contents.on('${event}', guard);`);
    expect(main).toMatch(/const guard = navigationGuard\(appUrl\);/);
  });
});
