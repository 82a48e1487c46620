/**
 * A client for an AuroraAI-compatible recommender (`recommend_service`, `text_search`): at most
 * `parallel` requests in flight, a timeout per attempt, bounded retries with exponential backoff
 * for what may pass on its own (timeouts, refused or dropped connections, 5xx, 429), every
 * answer checked against the published spec, and every attempt reported to a log. A failure is a
 * RemoteFault whose message names the endpoint and what went wrong.
 */
import { specValidators, describeViolations } from './spec';

export type RemoteOperation = 'recommend_service' | 'text_search';

export type RemoteFaultKind = 'timeout' | 'refused' | 'network' | 'server' | 'rate_limited' | 'rejected' | 'malformed' | 'spec';

const RETRYABLE: ReadonlySet<RemoteFaultKind> = new Set(['timeout', 'refused', 'network', 'server', 'rate_limited']);

/** A request that failed for good (after its retries, when it could be retried). */
export class RemoteFault extends Error {
  constructor(
    readonly endpoint: string,
    readonly kind: RemoteFaultKind,
    readonly detail: string,
    readonly attempts: number,
    readonly status: number | null = null,
  ) {
    super(`${endpoint}: ${detail}${attempts > 1 ? ` (gave up after ${attempts} attempts)` : ''}.`);
    this.name = 'RemoteFault';
  }
}

/** One attempt, as the request log keeps it. */
export interface AttemptRecord {
  at: string;
  endpoint: string;
  operation: RemoteOperation;
  body: unknown;
  attempt: number;
  status: number | null;
  outcome: 'ok' | 'error';
  message: string | null;
  ms: number;
}

/** A recommended service as the spec requires it (other fields are kept but not read). */
export interface SpecService {
  service_id: string;
  service_name: string;
  similarity_score?: number;
  rank?: number;
}

export interface ClientOptions {
  baseUrl: string;
  keyHeader?: string;
  key?: string;
  timeoutMs: number;
  parallel: number;
  /** Retries after the first attempt (default 2: three attempts at most). */
  retries?: number;
  /** First backoff; doubled each retry, never above maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Largest answer read, in bytes. */
  maxAnswerBytes?: number;
  language?: string;
  onAttempt?: (a: AttemptRecord) => void;
  now?: () => Date;
}

/** `http://host/x/` or `http://host/x/service-recommender/v1/` → `http://host/x/` (always with a trailing slash). */
export function normaliseBaseUrl(url: string): string {
  const u = new URL(url.trim());
  let p = u.pathname.replace(/\/+$/, '');
  p = p.replace(/\/service-recommender\/v1(\/(recommend_service|text_search))?$/, '');
  u.pathname = `${p}/`;
  return u.toString();
}

export function operationUrl(baseUrl: string, op: RemoteOperation): string {
  return new URL(`service-recommender/v1/${op}`, normaliseBaseUrl(baseUrl)).toString();
}

class Failure extends Error {
  constructor(
    readonly kind: RemoteFaultKind,
    readonly detail: string,
    readonly status: number | null = null,
    readonly retryAfterMs?: number,
  ) {
    super(detail);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A counting semaphore: at most `n` holders at once, first come first served. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly n: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.n) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

function networkFailure(err: unknown, timeoutMs: number, timedOut: boolean): Failure {
  if (timedOut) return new Failure('timeout', `no answer within ${timeoutMs} ms`);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code;
  if (code === 'ECONNREFUSED') return new Failure('refused', 'the connection was refused (is the service running at this address?)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new Failure('network', `the host name could not be resolved (${code})`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new Failure('network', 'the connection was dropped before a complete answer arrived');
  return new Failure('network', `the request failed: ${cause?.message ?? (err as Error).message ?? String(err)}${code ? ` (${code})` : ''}`);
}

export class RemoteClient {
  private readonly gate: Gate;
  private readonly o: Required<Omit<ClientOptions, 'keyHeader' | 'key' | 'onAttempt' | 'language'>> & ClientOptions;

  constructor(opts: ClientOptions) {
    this.o = { retries: 2, backoffMs: 250, maxBackoffMs: 4000, maxAnswerBytes: 8 * 1024 * 1024, now: () => new Date(), ...opts };
    this.gate = new Gate(Math.max(1, opts.parallel));
  }

  url(op: RemoteOperation): string {
    return operationUrl(this.o.baseUrl, op);
  }

  /** Sends `body` (already holding nothing but meters and filters, or the search text) and returns the spec-valid services. */
  async call(op: RemoteOperation, body: unknown): Promise<SpecService[]> {
    const url = this.url(op);
    const attempts = this.o.retries + 1;
    for (let attempt = 1; ; attempt++) {
      // Timed from when the request leaves (after waiting for a free slot), so the log shows the endpoint's latency, not the queue.
      let t0 = performance.now();
      let at = this.o.now().toISOString();
      try {
        const { status, services } = await this.gate.run(() => {
          t0 = performance.now();
          at = this.o.now().toISOString();
          return this.once(op, url, body);
        });
        this.o.onAttempt?.({ at, endpoint: url, operation: op, body, attempt, status, outcome: 'ok', message: null, ms: Math.round(performance.now() - t0) });
        return services;
      } catch (err) {
        const f = err instanceof Failure ? err : new Failure('network', (err as Error).message ?? String(err));
        this.o.onAttempt?.({ at, endpoint: url, operation: op, body, attempt, status: f.status, outcome: 'error', message: f.detail, ms: Math.round(performance.now() - t0) });
        if (!RETRYABLE.has(f.kind) || attempt >= attempts) throw new RemoteFault(url, f.kind, f.detail, attempt, f.status);
        const backoff = Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (attempt - 1));
        await sleep(Math.min(this.o.maxBackoffMs, Math.max(backoff, f.retryAfterMs ?? 0)));
      }
    }
  }

  private async once(op: RemoteOperation, url: string, body: unknown): Promise<{ status: number; services: SpecService[] }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (this.o.language) headers['Accept-Language'] = this.o.language;
    if (this.o.keyHeader && this.o.key) headers[this.o.keyHeader] = this.o.keyHeader.toLowerCase() === 'authorization' ? `Bearer ${this.o.key}` : this.o.key;
    const ac = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
    }, this.o.timeoutMs);
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: ac.signal, redirect: 'error' });
      text = await res.text();
    } catch (err) {
      throw networkFailure(err, this.o.timeoutMs, timedOut);
    } finally {
      clearTimeout(timer);
    }
    const status = res.status;
    if (status < 200 || status > 299) {
      let said = '';
      try {
        const j = JSON.parse(text) as { message?: unknown; detail?: unknown; error?: unknown };
        const m = j.message ?? j.detail ?? j.error;
        if (typeof m === 'string' && m) said = `: ${m.slice(0, 300)}`;
      } catch {
        // The error body is only a courtesy; its absence says nothing more.
      }
      const head = `the server answered ${status}${res.statusText ? ` ${res.statusText}` : ''}`;
      if (status === 429) {
        const ra = Number(res.headers.get('retry-after'));
        throw new Failure('rate_limited', `${head} (too many requests)${said}`, status, Number.isFinite(ra) && ra >= 0 ? ra * 1000 : undefined);
      }
      if (status >= 500) throw new Failure('server', `${head}${said}`, status);
      if (status === 401 || status === 403) throw new Failure('rejected', `${head}${said} (check the API key and the name of its header)`, status);
      throw new Failure('rejected', `${head}${said}`, status);
    }
    if (Buffer.byteLength(text) > this.o.maxAnswerBytes) throw new Failure('malformed', `the answer is larger than ${this.o.maxAnswerBytes} bytes`, status);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const start = text.slice(0, 60).replace(/\s+/g, ' ');
      throw new Failure('malformed', `the answer is not valid JSON (it starts "${start}")`, status);
    }
    const v = specValidators()[op === 'recommend_service' ? 'RecommendServiceOutput' : 'TextSearchOutput'];
    if (!v(json)) throw new Failure('spec', `the answer does not match the AuroraAI spec: ${describeViolations(v.errors)}`, status);
    return { status, services: (json as { recommended_services: SpecService[] }).recommended_services };
  }
}
