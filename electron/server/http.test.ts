import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import { tempDir } from '../backend/test/tmp';
import { CONTENT_SECURITY_POLICY } from './csp';
import { startHttpServer } from './http';

let dir: string;
let srv: Awaited<ReturnType<typeof startHttpServer>>;
let close: () => void;

beforeEach(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser' });
  close = () => ctx.close();
  srv = await startHttpServer({ ctx, registry, staticDir, port: 0, maxBodyBytes: 64 * 1024 });
});
afterEach(async () => {
  await srv.close();
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (p: string, body: string, headers: Record<string, string> = {}) =>
  fetch(new URL(p, srv.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kohtaanto-Key': srv.key, ...headers }, body });

describe('the HTTP door', () => {
  it('listens on 127.0.0.1 only by default', () => {
    const addr = srv.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // The address to open carries the key in the fragment, which browsers never send to a server.
    expect(srv.openUrl).toBe(`${srv.url}#k=${srv.key}`);
    expect(srv.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers a valid call with the registry result', async () => {
    const res = await post('/api/app.info', '{}');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('answers invalid input with 400 and a message', async () => {
    const res = await post('/api/workspace.open', JSON.stringify({ path: 42 }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/path/);
    const notJson = await post('/api/app.info', '{nope');
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toMatch(/not valid JSON/);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await post('/api/workspace.open', JSON.stringify({ path: 'x'.repeat(100 * 1024) }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
  });

  it('refuses calls from another origin, other verbs and other content types', async () => {
    expect((await post('/api/app.info', '{}', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(new URL('/api/app.info', srv.url), { headers: { 'X-Kohtaanto-Key': srv.key } })).status).toBe(405);
    expect((await post('/api/app.info', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('/api/nope.verb', '{}')).status).toBe(404);
  });

  it('serves the app with the CSP and never outside its folder', async () => {
    const res = await fetch(new URL('/', srv.url));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const traversal = await fetch(new URL('/..%2f..%2fdata%2fsettings.json', srv.url));
    expect([403, 404]).toContain(traversal.status);
  });

  it('answers to configured hosts too, and to an added one only until it is withdrawn', async () => {
    const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data2'), mode: 'browser' });
    const lan = await startHttpServer({ ctx, registry, port: 0, allowedHosts: ['kohtaanto.local', '192.168.1.20:8080'] });
    const port = Number(new URL(lan.url).port);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/app.info', headers: { Host: host, 'Content-Type': 'application/json', 'X-Kohtaanto-Key': lan.key }, agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
    try {
      expect(await status(`kohtaanto.local:${port}`)).toBe(200);
      expect(await status('192.168.1.20:8080')).toBe(200);
      expect(await status(`192.168.1.20:${port}`)).toBe(421);
      expect(await status(`10.0.0.5:${port}`)).toBe(421);
      const withdraw = lan.allowHost('10.0.0.5');
      expect(await status(`10.0.0.5:${port}`)).toBe(200);
      withdraw();
      expect(await status(`10.0.0.5:${port}`)).toBe(421);
      lan.allowHost('fe80::1');
      expect(await status(`[fe80::1]:${port}`)).toBe(200);
    } finally {
      await lan.close();
      ctx.close();
    }
  });
});
