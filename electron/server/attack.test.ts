// An attacker's checklist against a real server on loopback: each attempt is refused with the
// status it should get, and afterwards the workspace, the recent list and the data folder are
// exactly as they were.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../backend';
import type { AppContext } from '../backend/context';
import type { Registry } from '../backend/registry';
import { fixedNow, tempDir } from '../backend/test/tmp';
import { startHttpServer } from './http';

let dir: string;
let ctx: AppContext;
let registry: Registry;
let srv: Awaited<ReturnType<typeof startHttpServer>>;
let port: number;
let before: Snapshot;

interface Snapshot {
  workspace: unknown;
  recent: unknown;
  files: string[];
}

async function snapshot(): Promise<Snapshot> {
  const exported = await registry.call('io.export', { format: 'json' });
  const recent = await registry.call('workspace.recent', {});
  if (!exported.ok || !recent.ok) throw new Error('snapshot failed');
  const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => !/-(wal|shm|journal)$/.test(f)).sort();
  return { workspace: exported.value, recent: recent.value, files };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

/** A request exactly as written: node:http sends the Host, path and headers given, unlike fetch. */
function raw(method: string, target: string, headers: Record<string, string | number> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers: { Host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'Content-Type': 'application/json' };
const keyed = () => ({ ...json, 'X-Kohtaanto-Key': srv.key });

beforeAll(async () => {
  dir = tempDir();
  const backend = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', now: fixedNow });
  ctx = backend.ctx;
  registry = backend.registry;
  const created = await registry.call('workspace.create', { path: path.join(dir, 'data', 'workspaces', 'w.kohtaanto'), example: true });
  expect(created.ok).toBe(true);
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app shell</title>');
  srv = await startHttpServer({ registry, ctx, staticDir, port: 0, maxBodyBytes: 64 * 1024 });
  port = Number(new URL(srv.url).port);
  before = await snapshot();
});
afterAll(async () => {
  // The checklist as a whole changed nothing.
  expect(await snapshot()).toEqual(before);
  await srv.close();
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("an attacker's checklist against the local server", () => {
  it('refuses a DNS-rebinding page (its own name as Host and Origin) on every route, even holding the key', async () => {
    const evil = { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` };
    const target = path.join(dir, 'evil.kohtaanto');
    const create = await raw('POST', '/api/workspace.create', { ...keyed(), ...evil }, JSON.stringify({ path: target }));
    expect(create.status).toBe(421);
    expect(create.json().error.message).toMatch(/answers only to 127\.0\.0\.1:\d+, localhost:\d+, \[::1\]:\d+; the host "evil\.example:\d+" is refused/);
    expect(fs.existsSync(target)).toBe(false);
    for (const [method, target] of [
      ['POST', '/api/workspace.recent'],
      ['POST', '/api/io.export'],
      ['GET', `/api/events?k=${srv.key}`],
      ['GET', '/'],
      ['GET', '/index.html'],
      ['POST', '/service-recommender/v1/text_search'],
    ]) {
      const r = await raw(method, target, { ...keyed(), ...evil }, method === 'POST' ? '{"format":"json"}' : undefined);
      expect(r.status, `${method} ${target}`).toBe(421);
      expect(r.text).not.toMatch(/app shell|recommended_services|"ok":true/);
    }
    // Without Origin too (a plain GET from a rebinding page's <img> or a local program's guess).
    expect((await raw('GET', '/', { Host: `evil.example:${port}` })).status).toBe(421);
    // Right name, wrong port: another server's page on 127.0.0.1 is another origin.
    expect((await raw('GET', '/', { Host: '127.0.0.1' })).status).toBe(421);
    expect((await raw('GET', '/', { Host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(421);
  });

  it('answers to the loopback names it was started for', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const r = await raw('GET', '/', { Host: host });
      expect(r.status, host).toBe(200);
      expect(r.text).toContain('app shell');
    }
  });

  it('refuses API calls without the key with 401, on /api/* and /api/events', async () => {
    const r = await raw('POST', '/api/workspace.recent', json, '{}');
    expect(r.status).toBe(401);
    expect(r.json().error).toMatchObject({ code: 'unauthorized' });
    expect(r.json().error.message).toMatch(/X-Kohtaanto-Key/);
    expect(r.text).not.toContain('w.kohtaanto');
    const events = await raw('GET', '/api/events');
    expect(events.status).toBe(401);
    expect(events.headers['content-type']).toMatch(/json/);
    expect((await raw('POST', '/api/workspace.close', json, '{}')).status).toBe(401);
  });

  it('refuses a wrong key, an empty key, a key of another launch and a key differing in one character', async () => {
    const other = await startHttpServer({ registry, ctx, port: 0 });
    try {
      expect(other.key).not.toBe(srv.key);
      const flipped = srv.key.slice(0, -1) + (srv.key.endsWith('A') ? 'B' : 'A');
      for (const wrong of ['', 'x', other.key, flipped, srv.key + srv.key]) {
        const r = await raw('POST', '/api/workspace.recent', { ...json, 'X-Kohtaanto-Key': wrong }, '{}');
        expect(r.status, wrong).toBe(401);
        expect(r.json().error.message).toMatch(/key is wrong/);
        expect((await raw('GET', `/api/events?k=${encodeURIComponent(wrong)}`)).status).toBe(401);
        expect((await raw('POST', '/api/workspace.recent', { ...json, Authorization: `Bearer ${wrong}` }, '{}')).status).toBe(401);
      }
    } finally {
      await other.close();
    }
  });

  it('refuses the key in the wrong place: in the address of a call, in the body, in a cookie', async () => {
    const inQuery = await raw('POST', `/api/workspace.recent?k=${srv.key}`, json, '{}');
    expect(inQuery.status).toBe(401);
    expect(inQuery.json().error.message).toMatch(/not in the address/);
    // Even alongside the right header: a client that puts it in URLs leaks it into logs.
    expect((await raw('POST', `/api/workspace.recent?k=${srv.key}`, keyed(), '{}')).status).toBe(401);
    expect((await raw('POST', '/api/workspace.recent', json, JSON.stringify({ k: srv.key }))).status).toBe(401);
    expect((await raw('POST', '/api/workspace.recent', { ...json, Cookie: `k=${srv.key}` }, '{}')).status).toBe(401);
    expect((await raw('POST', `/service-recommender/v1/text_search?k=${srv.key}`, json, '{"search_text":"x"}')).status).toBe(401);
    // The one place a query key is taken, the event stream, and the header everywhere.
    expect((await raw('POST', '/api/workspace.recent', keyed(), '{}')).status).toBe(200);
  });

  it('refuses Origin: null and unreadable origins with 403, not 500', async () => {
    for (const origin of ['null', 'garbage', 'file://', `http://127.0.0.1:${Number(port) + 1}`, `http://evil.example:${port}`]) {
      const r = await raw('POST', '/api/workspace.recent', { ...keyed(), Origin: origin }, '{}');
      expect(r.status, origin).toBe(403);
      expect(r.json().error.message).toMatch(/other origins/);
    }
    expect((await raw('POST', '/api/workspace.recent', { ...keyed(), Origin: `http://127.0.0.1:${port}` }, '{}')).status).toBe(200);
  });

  it('answers malformed percent-encoding with 400, not 500', async () => {
    for (const target of ['/api/%E0%A4%A', '/%ZZ', '/assets/%E0%A4%A.js', '/%']) {
      const r = await raw(target.startsWith('/api/') ? 'POST' : 'GET', target, keyed(), '{}');
      expect(r.status, target).toBe(400);
      expect(r.json().error.message).toMatch(/malformed percent-encoding/);
    }
    // An absolute-form target is a proxy request, not ours.
    expect((await raw('GET', `http://evil.example:${port}/`)).status).toBe(400);
  });

  it('never serves a file outside the app folder, however ".." is spelled', async () => {
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'TOP SECRET');
    try {
      for (const target of ['/..%2f..%2fetc/passwd', '/../secret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2fdata%2fsettings.json']) {
        const r = await raw('GET', target);
        // Literal and %2e dot segments are already resolved by URL parsing (404 for a missing
        // file); encoded slashes reach the file check and are refused (403).
        expect([403, 404], target).toContain(r.status);
        expect(r.text).not.toMatch(/TOP SECRET|root:|app shell/);
      }
      expect((await raw('GET', '/..%2f..%2fetc/passwd')).status).toBe(403);
      expect((await raw('GET', '/x%00.html')).status).toBe(400);
    } finally {
      fs.rmSync(path.join(dir, 'secret.txt'));
    }
  });

  it('refuses oversize bodies with 413, declared or streamed', async () => {
    const big = JSON.stringify({ path: 'x'.repeat(100 * 1024) });
    const r = await raw('POST', '/api/workspace.open', keyed(), big);
    expect(r.status).toBe(413);
    expect(r.json().error.code).toBe('too_large');
    const chunked = await raw('POST', '/api/workspace.open', { ...keyed(), 'Transfer-Encoding': 'chunked' }, Buffer.from(big));
    expect(chunked.status).toBe(413);
    // Body checks come after the key: without it the size is never even looked at.
    expect((await raw('POST', '/api/workspace.open', json, big)).status).toBe(401);
  });

  it('runs one import at a time: a second one gets 409 while the first is still arriving', async () => {
    // The first import's body trickles in; the server holds the import slot meanwhile.
    const body = JSON.stringify({ importId: 'slow', files: [{ name: 'a.json', dataBase64: Buffer.from('{"itemList": [{"id": "a').toString('base64') }], onError: 'stop' });
    const first = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/io.import', headers: { ...keyed(), Host: `127.0.0.1:${port}`, 'Content-Length': body.length }, agent: false });
    const firstAnswer = new Promise<number>((resolve) => {
      first.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      first.on('error', () => resolve(-1));
    });
    first.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 100));
    const second = await raw('POST', '/api/io.import', keyed(), JSON.stringify({ importId: 'second', files: [{ name: 'b.json', dataBase64: 'e30=' }] }));
    expect(second.status).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/an import is already running/i) });
    // The first finishes (a cut PTV file, refused with onError stop): then the slot is free again.
    first.end(body.slice(10));
    expect(await firstAnswer).toBe(400);
    const third = await raw('POST', '/api/io.import', keyed(), JSON.stringify({ importId: 'third', files: [{ name: 'c.json', dataBase64: Buffer.from('{"itemList": [{"id": "a').toString('base64') }], onError: 'stop' }));
    expect(third.status).not.toBe(409);
  });

  it('frees the import slot when the first client hangs up mid-body', async () => {
    const first = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/io.import', headers: { ...keyed(), Host: `127.0.0.1:${port}`, 'Content-Length': 5000 }, agent: false });
    first.on('error', () => {});
    first.write('{"importId":');
    await new Promise((r) => setTimeout(r, 100));
    expect((await raw('POST', '/api/io.import', keyed(), '{}')).status).toBe(409);
    first.destroy();
    await expect.poll(async () => (await raw('POST', '/api/io.import', keyed(), '{}')).status).toBe(400);
  });

  it('caps event streams at 16: the 17th is refused with 503 until one closes', async () => {
    const open: http.ClientRequest[] = [];
    const connect = () =>
      new Promise<{ status: number; req: http.ClientRequest; text: () => Promise<string> }>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: `/api/events?k=${srv.key}`, headers: { Host: `127.0.0.1:${port}` }, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          const ended = new Promise<string>((r) => res.on('end', () => r(Buffer.concat(chunks).toString('utf8'))));
          resolve({ status: res.statusCode ?? 0, req, text: () => ended });
        });
        req.on('error', reject);
      });
    try {
      for (let i = 0; i < 16; i++) {
        const c = await connect();
        expect(c.status).toBe(200);
        open.push(c.req);
      }
      const refused = await connect();
      expect(refused.status).toBe(503);
      expect(JSON.parse(await refused.text()).error.message).toMatch(/Too many live connections \(16\)/);
      open.shift()!.destroy();
      await expect.poll(async () => {
        const c = await connect();
        if (c.status === 200) open.push(c.req);
        return c.status;
      }).toBe(200);
    } finally {
      for (const r of open) r.destroy();
    }
  });
});
