/**
 * Helpers for workshop tests and the workshop bench: a real server on loopback with the example
 * workspace, participant calls over HTTP, and a server-sent-events reader that records every
 * event id it receives.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createBackend } from '../backend';
import type { AppContext } from '../backend/context';
import type { Registry } from '../backend/registry';
import { workshopHub, type HubOptions } from '../backend/workshop/hub';
import { tempDir } from '../backend/test/tmp';
import { startHttpServer, type RunningServer } from './http';
import type { WorkshopEvent } from '../../shared/workshop/types';

export interface Rig {
  dir: string;
  ctx: AppContext;
  registry: Registry;
  srv: RunningServer;
  /** Moves the backend's clock (join delays, rate limits, the timer). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startRig(opts: { hub?: HubOptions; staticDir?: string; realClock?: boolean } = {}): Promise<Rig> {
  const dir = tempDir('kohtaanto-workshop-');
  let offset = 0;
  // A fixed clock moved only by advance(), so delays and rate limits are tested exactly; the bench uses the real one.
  const base = Date.parse('2026-03-02T08:00:00.000Z');
  const now = opts.realClock ? () => new Date(Date.now() + offset) : () => new Date(base + offset);
  const { ctx, registry } = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', now });
  workshopHub(ctx, opts.hub ?? {});
  const created = await registry.call('workspace.create', { name: 'Työpaja', example: true });
  if (!created.ok) throw new Error(created.error.message);
  const srv = await startHttpServer({ ctx, registry, port: 0, staticDir: opts.staticDir });
  return {
    dir,
    ctx,
    registry,
    srv,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await srv.close();
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer<T = any> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string; details: { reason: string; retryAfterSeconds?: number; [k: string]: unknown } } };
}

/** A response read whole, its body parsed as JSON (or kept as the message of a `not_json` answer). */
export function answerOf(res: http.IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = { ok: false, error: { code: 'not_json', message: text, details: { reason: 'not_json' } } };
      }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
    });
  });
}

/** A raw HTTP request (fetch would normalise paths and set its own headers). */
export function request(base: string, method: string, target: string, opts: { headers?: Record<string, string>; body?: string; agent?: http.Agent } = {}): Promise<Answer> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method, path: target, headers: { Host: u.host, ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers }, agent: opts.agent },
      (res) => void answerOf(res).then(resolve, reject),
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Calls a participant method; `token` as Bearer when given. */
export function pcall<T = any>(base: string, method: string, input: unknown, token?: string, agent?: http.Agent): Promise<Answer<T>> {
  return request(base, 'POST', `/w/api/${method}`, { body: JSON.stringify(input), headers: token ? { Authorization: `Bearer ${token}` } : {}, agent }) as Promise<Answer<T>>;
}

/** Calls a facilitator method through the registry (the same service layer as IPC and HTTP). */
export async function fcall<T = any>(registry: Registry, method: string, input: unknown = {}): Promise<T> {
  const r = await registry.call(method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.message}`), { error: r.error });
  return r.value as T;
}

export async function join(base: string, code: string, name: string | null, extra: Record<string, unknown> = {}): Promise<{ token: string; state: any }> {
  const r = await pcall(base, 'participant.join', { code, ...(name ? { displayName: name } : { anonymous: true }), ...extra });
  if (!r.body.ok) throw new Error(`join failed: ${r.status} ${r.body.error.message}`);
  return r.body.value;
}

/** A live event stream as a participant's browser holds it; `events` is everything received, in order. */
export class EventReader {
  readonly events: (WorkshopEvent | { type: 'reset'; lastId: number })[] = [];
  readonly ids: number[] = [];
  status = 0;
  ended = false;
  private req?: http.ClientRequest;
  private waiters: (() => void)[] = [];
  onEvent?: (e: WorkshopEvent) => void;

  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  /** Opens the stream from `since`, or with Last-Event-ID `lastEventId` as a reconnecting browser does. */
  open(opts: { since?: number; lastEventId?: number; agent?: http.Agent } = {}): Promise<void> {
    const u = new URL(this.base);
    const q = new URLSearchParams({ t: this.token, ...(opts.since !== undefined ? { since: String(opts.since) } : {}) });
    this.ended = false;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: `/w/events?${q}`,
          headers: { Host: u.host, Accept: 'text/event-stream', ...(opts.lastEventId !== undefined ? { 'Last-Event-ID': String(opts.lastEventId) } : {}) },
          agent: opts.agent ?? false,
        },
        (res) => {
          this.status = res.statusCode ?? 0;
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buf += chunk;
            let at: number;
            while ((at = buf.indexOf('\n\n')) >= 0) {
              const frame = buf.slice(0, at);
              buf = buf.slice(at + 2);
              const data = frame
                .split('\n')
                .filter((l) => l.startsWith('data: '))
                .map((l) => l.slice(6))
                .join('\n');
              if (!data) continue;
              const e = JSON.parse(data);
              this.events.push(e);
              if (typeof e.id === 'number') this.ids.push(e.id);
              this.onEvent?.(e);
              for (const w of this.waiters.splice(0)) w();
            }
          });
          res.on('end', () => {
            this.ended = true;
            for (const w of this.waiters.splice(0)) w();
          });
          res.on('error', () => {
            this.ended = true;
          });
          resolve();
        },
      );
      req.on('error', (e) => (this.ended ? undefined : reject(e)));
      req.end();
      this.req = req;
    });
  }

  close(): void {
    this.req?.destroy();
  }

  /** Waits until `pred` holds over what was received, or the stream ends. */
  async until(pred: (r: EventReader) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this)) {
      if (this.ended) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting; got ${this.ids.length} events, last ${this.ids.at(-1)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }
}
