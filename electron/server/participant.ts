/**
 * The participants' door: /w/api/<method> for the allowlisted methods of shared/api/participant.ts,
 * /w/events for their live events, and /w/ for their page. It never calls the facilitator's
 * registry, so no path, import, export, workspace switch or undo is reachable from here. The same
 * handler serves the loopback server's /w/ routes and the LAN listener a session opens, which
 * serves nothing else.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  participantMethods,
  PARTICIPANT_API,
  PARTICIPANT_COURSE_FILE,
  PARTICIPANT_COURSE_FILE_MAX,
  PARTICIPANT_EVENTS,
  PARTICIPANT_TOKEN_QUERY,
  type CourseFileReceipt,
  type ParticipantMethod,
} from '../../shared/api/participant';
import { inboxOf } from '../backend/course/inbox';
import { AppError, type ErrorCode } from '../../shared/api/result';
import { LIMITS, type Refusal, type WorkshopEvent } from '../../shared/workshop/types';
import type { OpenedListener, WorkshopHub } from '../backend/workshop/hub';
import { refuse, type Person, type WorkshopSession } from '../backend/workshop/session';
import { BodyTooLarge, ClientGone, hostEntry, readBody, SECURITY_HEADERS, sendJson, serveStatic } from './http';

const REFUSAL_STATUS: Record<Refusal, number> = {
  wrongCode: 401,
  wait: 429,
  anonymousNotAllowed: 400,
  full: 503,
  ended: 401,
  removed: 401,
  badToken: 401,
  observer: 403,
  rateLimited: 429,
  tooLarge: 413,
  notAllowed: 403,
  invalid: 400,
  notFound: 404,
  roundClosed: 409,
  tooManyDots: 409,
  notAssessment: 400,
  alreadyDecided: 409,
  noSession: 404,
  running: 409,
  badInterface: 400,
  listenFailed: 500,
  tooManyStreams: 503,
  notCollecting: 409,
  courseFile: 422,
};
const CODE_STATUS: Partial<Record<ErrorCode, number>> = { invalid_input: 400, not_found: 404, conflict: 409, too_large: 413, unauthorized: 401, forbidden: 403, rate_limited: 429 };
const CODE_REASON: Partial<Record<ErrorCode, Refusal>> = { not_found: 'notFound', too_large: 'tooLarge', unauthorized: 'badToken', forbidden: 'notAllowed', rate_limited: 'rateLimited' };

/** Live streams one person may hold (a phone and a laptop, a reload in between). */
export const STREAMS_PER_PERSON = 4;
/** A stream whose client reads slower than this much unsent data is dropped; it resumes by event id. */
const STREAM_BACKLOG_BYTES = 4 * 1024 * 1024;
const HEARTBEAT_MS = 20_000;

type Kind = 'read' | 'write' | 'none';
type Impl = (s: WorkshopSession, p: Person, input: never) => unknown;
const METHODS: Record<Exclude<ParticipantMethod, 'participant.join'>, { kind: Kind; run: Impl }> = {
  'participant.state': { kind: 'read', run: (s, p) => s.participantState(p) },
  'participant.map': { kind: 'read', run: (s) => s.map() },
  'participant.events': { kind: 'read', run: (s, p, i: { since: number }) => s.eventsSince({ kind: 'person', id: p.id }, i.since) },
  'participant.propose': { kind: 'write', run: (s, p, i: z.output<(typeof participantMethods)['participant.propose']['input']>) => ({ proposalId: s.propose(p, i.proposal, i.lang ?? s.settings.language) }) },
  'participant.note': { kind: 'write', run: (s, p, i: { stepId: string; text: string }) => ({ noteId: s.note(p, i.stepId, i.text) }) },
  'participant.deleteNote': {
    kind: 'write',
    run: (s, p, i: { noteId: string }) => {
      s.deleteOwnNote(p, i.noteId);
      return null;
    },
  },
  'participant.vote': { kind: 'write', run: (s, p, i: { roundId: string; ballot: Record<string, number> }) => s.vote(p, i.roundId, i.ballot) },
  'participant.comment': {
    kind: 'write',
    run: (s, p, i: z.output<(typeof participantMethods)['participant.comment']['input']>) => ({ commentId: s.comment(p, i.target, i.text) }),
  },
  'participant.answer': {
    kind: 'write',
    run: (s, p, i: z.output<(typeof participantMethods)['participant.answer']['input']>) => ({ answered: s.answer(p, i.stepId, i.organisation, i.answers) }),
  },
  'participant.leave': {
    kind: 'none',
    run: (s, p) => {
      s.remove(p.id, 'left');
      return null;
    },
  },
};

function failWith(res: http.ServerResponse, err: AppError): void {
  const details = (err.details ?? {}) as { reason?: Refusal; retryAfterSeconds?: number };
  const reason = details.reason ?? CODE_REASON[err.code] ?? 'invalid';
  const status = details.reason ? REFUSAL_STATUS[details.reason] : (CODE_STATUS[err.code] ?? 400);
  if (details.retryAfterSeconds) res.setHeader('Retry-After', String(details.retryAfterSeconds));
  sendJson(res, status, { ok: false, error: { code: err.code, message: err.message, details: { ...details, reason } } });
}

function bearer(req: http.IncomingMessage): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  return auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() || undefined : undefined;
}

function clientAddress(req: http.IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Handles one request under /w (the caller has checked Host and Origin). */
export async function handleParticipant(req: http.IncomingMessage, res: http.ServerResponse, url: URL, opts: { hub: WorkshopHub; staticDir?: string }): Promise<void> {
  try {
    const p = url.pathname;
    if (p === '/w' || p === '/w/') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw refuse('notAllowed', 'Use GET.');
      if (!opts.staticDir) throw refuse('notFound', 'The participant page is not built.');
      return serveStatic(opts.staticDir, '/participant.html', res);
    }
    if (p === PARTICIPANT_EVENTS) {
      if (req.method !== 'GET') throw refuse('notAllowed', 'Use GET.');
      return openStream(req, res, url, opts.hub);
    }
    if (!p.startsWith(PARTICIPANT_API)) throw refuse('notFound', 'Not found.');
    if (url.searchParams.has(PARTICIPANT_TOKEN_QUERY)) throw refuse('badToken', 'Send the token as Authorization: Bearer <token>, not in the address.');
    if (p === PARTICIPANT_COURSE_FILE) return await receiveCourseFile(req, res, opts.hub);
    let method: string;
    try {
      method = decodeURIComponent(p.slice(PARTICIPANT_API.length));
    } catch {
      throw refuse('invalid', 'The address has malformed percent-encoding.');
    }
    // The allowlist: anything else, facilitator methods included, is refused before any body is read.
    if (!Object.hasOwn(participantMethods, method)) throw refuse('notAllowed', `${method.slice(0, 100)} is not available to participants.`);
    if (req.method !== 'POST') throw refuse('notAllowed', 'Use POST with a JSON body.');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw refuse('invalid', 'The body must be application/json.');
    let body: Buffer;
    try {
      body = await readBody(req, LIMITS.body);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        throw refuse('tooLarge', `The request is larger than ${LIMITS.body} bytes.`);
      }
      throw err;
    }
    let raw: unknown;
    try {
      raw = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      throw refuse('invalid', 'The body is not valid JSON.');
    }
    const m = method as ParticipantMethod;
    const spec = participantMethods[m];
    const parse = (input: unknown) => {
      const r = spec.input.safeParse(input);
      if (!r.success) {
        const issues = r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
        throw refuse('invalid', `Invalid input: ${issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ').slice(0, 500)}`, { issues });
      }
      return r.data;
    };
    let value: unknown;
    if (m === 'participant.join') {
      const input = parse(raw) as z.output<(typeof participantMethods)['participant.join']['input']>;
      const { token, person, session } = opts.hub.join(clientAddress(req), input);
      value = { token, state: session.participantState(person) };
    } else {
      const { session, person } = opts.hub.authenticate(bearer(req));
      const impl = METHODS[m];
      if (impl.kind !== 'none') session.charge(person, impl.kind);
      const input = parse(raw);
      value = impl.run(session, person, input as never);
    }
    sendJson(res, 200, { ok: true, value: spec.output.parse(value) });
  } catch (err) {
    if (err instanceof ClientGone) return void res.destroy();
    if (res.headersSent) return void res.end();
    if (err instanceof AppError) return failWith(res, err);
    console.error('[kohtaanto] participant request failed:', err);
    sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.', details: { reason: 'invalid' } } });
  }
}

/** Course files being received at once, in all (each up to PARTICIPANT_COURSE_FILE_MAX in memory). */
export const UPLOADS_AT_ONCE = 4;
const uploads = new WeakMap<WorkshopHub, Set<string>>();

/**
 * A participant's course file: who sends it, whether they may and whether it is too large are
 * all settled before its body is read; it is then checked as a dropped file is, and kept only
 * when it counts (see ../backend/course/inbox.ts).
 */
async function receiveCourseFile(req: http.IncomingMessage, res: http.ServerResponse, hub: WorkshopHub): Promise<void> {
  if (req.method !== 'POST') throw refuse('notAllowed', 'Use POST with the file as the body.');
  const { session, person } = hub.authenticate(bearer(req));
  session.charge(person, 'write');
  session.requireCourseSender(person);
  const inbox = inboxOf(hub);
  if (!inbox?.accepts(session)) throw refuse('notCollecting', 'The trainer is not receiving course files in this session now.');
  if (!String(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) throw refuse('invalid', 'Send the file as application/octet-stream.');
  // A file is held in memory while it arrives: one at a time per person and a few at once in all,
  // so that a room sending together (or one person many times over) cannot fill the memory.
  let arriving = uploads.get(hub);
  if (!arriving) uploads.set(hub, (arriving = new Set()));
  if (arriving.has(person.id)) throw refuse('rateLimited', 'Your earlier file is still arriving; send again when it has.', { retryAfterSeconds: 2 });
  if (arriving.size >= UPLOADS_AT_ONCE) throw refuse('rateLimited', 'Several files are arriving at once; send yours again in a moment.', { retryAfterSeconds: 2 });
  arriving.add(person.id);
  let body: Buffer;
  try {
    body = await readBody(req, PARTICIPANT_COURSE_FILE_MAX);
  } catch (err) {
    if (err instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      throw refuse('tooLarge', `The file is larger than ${PARTICIPANT_COURSE_FILE_MAX} bytes.`, { limit: PARTICIPANT_COURSE_FILE_MAX });
    }
    throw err;
  } finally {
    arriving.delete(person.id);
  }
  // The person may have left or been removed while their file arrived.
  const again = hub.authenticate(bearer(req));
  if (again.person !== person) throw refuse('badToken', 'Your place in the session has expired.');
  const row = inbox.receive(person, body);
  const receipt: CourseFileReceipt = {
    receivedAt: row.source!.receivedAt,
    participant: row.participant ?? null,
    passed: row.exercises.reduce((n, x) => n + x.passed, 0),
    total: row.exercises.reduce((n, x) => n + x.total, 0),
  };
  sendJson(res, 200, { ok: true, value: receipt });
}

// One event goes to every stream in the room: serialise it once, not once per person.
const frames = new WeakMap<WorkshopEvent, string>();
function frameOf(e: WorkshopEvent): string {
  let f = frames.get(e);
  if (f === undefined) frames.set(e, (f = `id: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`));
  return f;
}

/** The live event stream: the backlog after the last id the client saw, then every new event, each once. */
function openStream(req: http.IncomingMessage, res: http.ServerResponse, url: URL, hub: WorkshopHub): void {
  const { session, person } = hub.authenticate(url.searchParams.get(PARTICIPANT_TOKEN_QUERY) ?? bearer(req));
  session.charge(person, 'read');
  if (session.streamsOf(person.id) >= STREAMS_PER_PERSON || session.streamCount >= session.settings.maxParticipants * 2 + 10) {
    res.setHeader('Retry-After', '10');
    throw refuse('tooManyStreams', `Too many live connections are open for you (${STREAMS_PER_PERSON}).`);
  }
  const num = (v: unknown) => {
    const n = Number(v);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  };
  // A reconnecting EventSource sends the last id it received; that wins over the page's own `since`.
  const lastHeader = req.headers['last-event-id'];
  const since = lastHeader !== undefined ? num(lastHeader) : num(url.searchParams.get('since'));
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.write('retry: 2000\n\n');
  // Frames of one turn of the event loop go out as one write: a busy room sends many events at
  // once to every stream, and each write is a system call.
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (!text || res.writableEnded || res.destroyed) return;
    res.write(text);
    if (res.writableLength > STREAM_BACKLOG_BYTES) res.destroy();
  };
  const write = (text: string) => {
    if (!pending) setImmediate(flush);
    pending += text;
  };
  const { unsubscribe, reset } = session.subscribe(
    {
      viewer: { kind: 'person', id: person.id },
      send: (e: WorkshopEvent) => write(frameOf(e)),
      close: () => {
        flush();
        if (!res.writableEnded) res.end();
      },
    },
    since,
  );
  if (reset) write(`data: ${JSON.stringify({ type: 'reset', lastId: session.lastEventId })}\n\n`);
  const beat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
  beat.unref();
  res.on('close', () => {
    clearInterval(beat);
    unsubscribe();
  });
}

/**
 * A listener on a LAN address for the length of a session: it answers only to that address as
 * Host, and serves only the participant routes and the page's assets. The facilitator's API is
 * not served here at all.
 */
export async function startParticipantListener(opts: { hub: WorkshopHub; address: string; port: number; staticDir?: string; anyPortIfTaken?: boolean }): Promise<OpenedListener> {
  let allowed = '';
  const server = http.createServer(async (req, res) => {
    try {
      const host = String(req.headers.host ?? '').toLowerCase();
      if (host !== allowed) return sendJson(res, 421, { ok: false, error: { code: 'invalid_input', message: `This workshop address answers only to ${allowed}.`, details: { reason: 'notAllowed' } } });
      const origin = req.headers.origin;
      if (origin !== undefined) {
        let originHost: string | null = null;
        try {
          originHost = new URL(origin).host.toLowerCase();
        } catch {
          /* "null" or garbage */
        }
        if (originHost !== host) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Requests from other origins are refused.', details: { reason: 'notAllowed' } } });
      }
      if (!req.url?.startsWith('/')) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request target must be a path.', details: { reason: 'invalid' } } });
      const url = new URL(`http://${host}${req.url}`);
      if (url.pathname === '/w' || url.pathname.startsWith('/w/')) return await handleParticipant(req, res, url, opts);
      if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/assets/') && opts.staticDir) return serveStatic(opts.staticDir, url.pathname, res);
      if (url.pathname === '/') {
        res.writeHead(302, { ...SECURITY_HEADERS, Location: '/w/' });
        return void res.end();
      }
      return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Only the workshop pages are served on this address.', details: { reason: 'notFound' } } });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: (err as Error).message, details: { reason: 'invalid' } } });
      else res.end();
    }
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      server.once('error', onError);
      server.listen(port, opts.address, () => {
        server.off('error', onError);
        resolve();
      });
    });
  try {
    await listen(opts.port);
  } catch (err) {
    if (!opts.anyPortIfTaken || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    await listen(0);
  }
  const port = (server.address() as AddressInfo).port;
  allowed = hostEntry(opts.address, port);
  const shown = opts.address.includes(':') ? `[${opts.address}]` : opts.address;
  return {
    address: opts.address,
    port,
    url: `http://${shown}:${port}/w/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
