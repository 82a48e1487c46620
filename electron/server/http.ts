import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contract } from '../../shared/api/contract';
import type { ErrorCode, Result } from '../../shared/api/result';
import type { AppContext } from '../backend/context';
import type { Registry } from '../backend/registry';
import { AURORAAI_PREFIX, handleAuroraAi } from './auroraai';
import { CONTENT_SECURITY_POLICY } from './csp';

export interface HttpOptions {
  registry: Registry;
  ctx: AppContext;
  /** The built renderer (out/renderer); omitted, only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  no_workspace: 409,
  workspace_locked: 409,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Result<never>);
}

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Browser mode: the same registry as IPC behind POST /api/<method>, server-sent events at
 * /api/events, and the built renderer. Listens on 127.0.0.1 unless told otherwise.
 */
export async function startHttpServer(opts: HttpOptions): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = opts.ctx.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // A page on another site must not drive the local API (DNS rebinding, CSRF): same host only.
      const hostHeader = req.headers.host ?? '';
      const origin = req.headers.origin;
      if (origin && new URL(origin).host !== hostHeader) {
        return fail(res, 403, 'invalid_input', 'Requests from other origins are refused.');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (url.pathname.startsWith(AURORAAI_PREFIX)) {
        const readLimited = (max: number) => readBody(req, max).catch((e) => (e instanceof BodyTooLarge ? null : Promise.reject(e)));
        return await handleAuroraAi(req, url, { registry: opts.registry, ctx: opts.ctx, readBody: readLimited, send: (status, body) => sendJson(res, status, body) });
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return fail(res, 405, 'invalid_input', 'Use POST with a JSON body.');
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const type = String(req.headers['content-type'] ?? '');
        if (!type.startsWith('application/json')) return fail(res, 415, 'invalid_input', 'The body must be application/json.');
        // Imports may be large; every other method keeps the small default limit.
        const spec = (contract as Record<string, { maxBodyBytes?: number }>)[method];
        const methodLimit = Math.max(limit, spec?.maxBodyBytes ?? 0);
        let body: Buffer;
        try {
          body = await readBody(req, methodLimit);
        } catch (err) {
          if (err instanceof BodyTooLarge) return fail(res, 413, 'too_large', `The request body is larger than ${methodLimit} bytes.`);
          throw err;
        }
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return fail(res, 400, 'invalid_input', 'The body is not valid JSON.');
        }
        const result = await opts.registry.call(method, input);
        return sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 422), result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid_input', 'Method not allowed.');
      if (!opts.staticDir) return fail(res, 404, 'not_found', 'Not found.');
      serveStatic(opts.staticDir, url.pathname, res);
    } catch (err) {
      console.error('[kohtaanto] HTTP request failed:', err);
      if (!res.headersSent) fail(res, 500, 'internal', 'Internal error.');
      else res.end();
    }
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${addr.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const rel = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = path.join(root, rel);
  if (!file.startsWith(path.resolve(root))) return fail(res, 403, 'invalid_input', 'Forbidden.');
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Client-side routes fall back to the app shell; missing assets stay 404.
    if (path.extname(rel)) return fail(res, 404, 'not_found', 'Not found.');
    file = path.join(root, 'index.html');
  }
  const type = MIME[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache });
  fs.createReadStream(file).pipe(res);
}
