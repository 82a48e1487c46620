import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { contract } from '../../shared/api/contract';
import { KEY_FRAGMENT, KEY_HEADER, KEY_QUERY } from '../../shared/api/launch-key';
import type { ErrorCode, Result } from '../../shared/api/result';
import type { AppContext } from '../backend/context';
import type { Registry } from '../backend/registry';
import { AURORAAI_PREFIX, handleAuroraAi } from './auroraai';
import { CONTENT_SECURITY_POLICY } from './csp';
import { workshopHub } from '../backend/workshop/hub';
import { handleParticipant, startParticipantListener } from './participant';

export interface HttpOptions {
  registry: Registry;
  ctx: AppContext;
  /** The built renderer (out/renderer); omitted, only the API is served. */
  staticDir?: string;
  host?: string;
  port?: number;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** The key every API call must carry; a fresh random one when omitted (the normal case). */
  key?: string;
  /**
   * Host names the server answers to besides the ones it listens on (`name` or `name:port`), so
   * that a workshop mode listening on a LAN address can add that address.
   */
  allowedHosts?: string[];
  /** Most event streams open at once; one more is refused with 503. */
  maxEventStreams?: number;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
/** Enough for many tabs of one user; bounds what a stuck or hostile client can hold open. */
export const DEFAULT_MAX_EVENT_STREAMS = 16;

export interface RunningServer {
  server: http.Server;
  /** The server's address without the key (for API clients, which send the key as a header). */
  url: string;
  /** This launch's key. */
  key: string;
  /** The address to open in a browser: `url` with the key in the fragment (`#k=KEY`). */
  openUrl: string;
  /** Also answer to this host (`name` or `name:port`); returns a function that withdraws it. */
  allowHost(host: string): () => void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  forbidden: 403,
  rate_limited: 429,
  remote_failed: 502,
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

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, { ok: false, error: { code, message } } satisfies Result<never>);
}

/** A request the server refuses before routing it: status, code and the message sent back. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** decodeURIComponent that refuses malformed percent-encoding with 400 instead of throwing URIError. */
function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Refused(400, 'invalid_input', 'The address has malformed percent-encoding.');
  }
}

/** `name` or `name:port` as it appears in a Host header: lower case, IPv6 in brackets, with a port. */
export function hostEntry(name: string, port: number): string {
  const n = name.trim().toLowerCase();
  if (n.startsWith('[')) return /\]:\d+$/.test(n) ? n : `${n}:${port}`;
  const colons = n.split(':').length - 1;
  if (colons > 1) return `[${n}]:${port}`;
  return colons === 1 ? n : `${n}:${port}`;
}

export class BodyTooLarge extends Error {}
/** The client went away before its body arrived: nobody to answer. */
export class ClientGone extends Error {}

export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        // Keep the socket so that the 413 reaches the client; the rest of the body is discarded
        // and the connection closed after the answer (Connection: close).
        over = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new ClientGone()));
    // Without this a client that hangs up mid-body would leave the promise (and the import lock) pending.
    req.on('close', () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}

/**
 * Browser mode: the same registry as IPC behind POST /api/<method>, server-sent events at
 * /api/events, and the built renderer. Listens on 127.0.0.1 unless told otherwise.
 */
export async function startHttpServer(opts: HttpOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const limit = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const maxStreams = opts.maxEventStreams ?? DEFAULT_MAX_EVENT_STREAMS;
  const key = opts.key ?? randomBytes(32).toString('base64url');
  // Hashing both sides gives timingSafeEqual equal lengths and hides the key's length too.
  const keyDigest = createHash('sha256').update(key).digest();
  const keyMatches = (given: unknown) => typeof given === 'string' && timingSafeEqual(createHash('sha256').update(given).digest(), keyDigest);
  const allowed = new Set<string>();
  let port = 0;
  let importRunning = false;
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = opts.ctx.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });

  /** The key a request carries, from the one place its route takes it; a key elsewhere is refused. */
  const checkKey = (req: http.IncomingMessage, url: URL, fromQuery: boolean) => {
    const header = req.headers[KEY_HEADER.toLowerCase()];
    const auth = String(req.headers.authorization ?? '');
    const bearer = auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : undefined;
    const query = url.searchParams.get(KEY_QUERY);
    if (!fromQuery && query !== null) {
      // A key in a URL ends up in logs and history; refusing it keeps clients from learning that habit.
      throw new Refused(401, 'unauthorized', `Send the key in the ${KEY_HEADER} header (or Authorization: Bearer), not in the address.`);
    }
    const given = header ?? bearer ?? (fromQuery ? (query ?? undefined) : undefined);
    if (given === undefined) {
      throw new Refused(401, 'unauthorized', `This call needs the key of this Kohtaanto launch in the ${KEY_HEADER} header; open the address Kohtaanto printed (it ends with ${KEY_FRAGMENT}…).`, { 'WWW-Authenticate': 'Bearer realm="kohtaanto"' });
    }
    if (!keyMatches(given)) {
      throw new Refused(401, 'unauthorized', 'The key is wrong: each Kohtaanto launch makes a new one; open the address it printed this time.', { 'WWW-Authenticate': 'Bearer realm="kohtaanto", error="invalid_token"' });
    }
  };

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding: a foreign page whose name now points at 127.0.0.1 sends its own name as Host.
      const hostHeader = String(req.headers.host ?? '').toLowerCase();
      if (!allowed.has(hostHeader)) {
        throw new Refused(421, 'invalid_input', `This Kohtaanto server answers only to ${[...allowed].join(', ')}; the host "${hostHeader.slice(0, 100)}" is refused.`);
      }
      // A page on another site must not drive the local API (CSRF): same origin only. Sandboxed
      // frames and file: pages send "null", which is no origin of ours either.
      const origin = req.headers.origin;
      if (origin !== undefined) {
        let originHost: string | null = null;
        try {
          originHost = new URL(origin).host.toLowerCase();
        } catch {
          /* "null" or garbage */
        }
        if (originHost !== hostHeader) throw new Refused(403, 'invalid_input', 'Requests from other origins are refused.');
      }
      // Only origin-form targets ("/path"): an absolute or authority form is a proxy request.
      if (!req.url?.startsWith('/')) throw new Refused(400, 'invalid_input', 'The request target must be a path.');
      let url: URL;
      try {
        url = new URL(`http://${hostHeader}${req.url}`);
      } catch {
        throw new Refused(400, 'invalid_input', 'The address cannot be read.');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        checkKey(req, url, true);
        if (streams.size >= maxStreams) {
          throw new Refused(503, 'conflict', `Too many live connections (${maxStreams}) are open; close another Kohtaanto tab and reload this one.`, { 'Retry-After': '10' });
        }
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      // Workshop participants: their own allowlisted API with session tokens, never the launch key.
      if (url.pathname === '/w' || url.pathname.startsWith('/w/')) {
        return await handleParticipant(req, res, url, { hub: workshopHub(opts.ctx), staticDir: opts.staticDir });
      }
      if (url.pathname.startsWith(AURORAAI_PREFIX)) {
        checkKey(req, url, false);
        const readLimited = (max: number) => readBody(req, max).catch((e) => (e instanceof BodyTooLarge ? null : Promise.reject(e)));
        return await handleAuroraAi(req, url, { registry: opts.registry, ctx: opts.ctx, readBody: readLimited, send: (status, body) => sendJson(res, status, body) });
      }
      if (url.pathname.startsWith('/api/')) {
        checkKey(req, url, false);
        if (req.method !== 'POST') return fail(res, 405, 'invalid_input', 'Use POST with a JSON body.');
        const method = decodePath(url.pathname.slice('/api/'.length));
        const type = String(req.headers['content-type'] ?? '');
        if (!type.startsWith('application/json')) return fail(res, 415, 'invalid_input', 'The body must be application/json.');
        // One import at a time: each holds up to its large body in memory and writes the whole workspace.
        const isImport = method === 'io.import';
        if (isImport && importRunning) return fail(res, 409, 'conflict', 'An import is already running; wait for it to finish, then try again.');
        if (isImport) importRunning = true;
        try {
          return await callMethod(req, res, method);
        } finally {
          if (isImport) importRunning = false;
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'invalid_input', 'Method not allowed.');
      if (!opts.staticDir) return fail(res, 404, 'not_found', 'Not found.');
      serveStatic(opts.staticDir, url.pathname, res);
    } catch (err) {
      if (err instanceof Refused) {
        if (res.headersSent) return void res.end();
        // AuroraAI clients expect the spec's error shape; everything else gets Kohtaanto's.
        if (req.url?.startsWith(AURORAAI_PREFIX)) {
          for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
          return sendJson(res, err.status, { error: http.STATUS_CODES[err.status] ?? 'Error', message: err.message });
        }
        return fail(res, err.status, err.code, err.message, err.headers);
      }
      if (err instanceof ClientGone) return void res.destroy();
      console.error('[kohtaanto] HTTP request failed:', err);
      if (!res.headersSent) fail(res, 500, 'internal', 'Internal error.');
      else res.end();
    }
  });

  async function callMethod(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    // Imports may be large; every other method keeps the small default limit.
    const spec = (contract as Record<string, { maxBodyBytes?: number }>)[method];
    const methodLimit = Math.max(limit, spec?.maxBodyBytes ?? 0);
    let body: Buffer;
    try {
      body = await readBody(req, methodLimit);
    } catch (err) {
      if (err instanceof BodyTooLarge) return fail(res, 413, 'too_large', `The request body is larger than ${methodLimit} bytes.`, { Connection: 'close' });
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

  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const listenNames = LOOPBACK.has(host.toLowerCase()) ? ['127.0.0.1', 'localhost', '::1'] : [host];
  for (const name of [...listenNames, ...(opts.allowedHosts ?? [])]) allowed.add(hostEntry(name, port));
  // Browsers leave out the default port.
  if (port === 80) for (const name of listenNames) allowed.add(hostEntry(name, port).replace(/:80$/, ''));
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}/`;
  // A workshop session may open the room's network; only then, and only for participants' routes.
  const detachWorkshop = workshopHub(opts.ctx).attachNetwork({
    loopbackUrl: LOOPBACK.has(host.toLowerCase()) ? url : undefined,
    open: (address, wanted) => startParticipantListener({ hub: workshopHub(opts.ctx), address, port: wanted || port, staticDir: opts.staticDir, anyPortIfTaken: !wanted }),
  });
  return {
    server,
    url,
    key,
    openUrl: `${url}${KEY_FRAGMENT}${key}`,
    allowHost(name) {
      const entry = hostEntry(name, port);
      const had = allowed.has(entry);
      allowed.add(entry);
      return () => {
        if (!had) allowed.delete(entry);
      };
    },
    close: async () => {
      // Ends a running session (its record saved) and closes its LAN listener first.
      await detachWorkshop();
      await new Promise<void>((resolve) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const decoded = decodePath(pathname);
  if (decoded.includes('\0')) return fail(res, 400, 'invalid_input', 'The address holds a NUL character.');
  // Refused outright rather than normalised away, so that no spelling of ".." reaches the disk.
  if (decoded.split(/[/\\]/).includes('..')) return fail(res, 403, 'invalid_input', 'The address climbs out of the app folder.');
  const rel = path.normalize(decoded).replace(/^([/\\])+/, '');
  const base = path.resolve(root);
  let file = path.join(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) return fail(res, 403, 'invalid_input', 'Forbidden.');
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
