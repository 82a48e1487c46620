import {
  PARTICIPANT_API,
  PARTICIPANT_COURSE_FILE,
  PARTICIPANT_EVENTS,
  PARTICIPANT_TOKEN_QUERY,
  type CourseFileReceipt,
  type ParticipantInput,
  type ParticipantMethod,
  type ParticipantOutput,
} from '../../../shared/api/participant';
import { REFUSALS, type Refusal, type WorkshopEvent, type WorkshopEventType } from '../../../shared/workshop/types';

/** A refusal of the participant API, with the reason the page says in the person's language. */
export class Refused extends Error {
  constructor(
    message: string,
    /** A known reason (`workshop.server.<reason>`), or null for a network failure or an unknown answer. */
    readonly reason: Refusal | null,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'Refused';
  }
  /** The server did not answer at all (Wi-Fi gone): worth trying again by itself. */
  get offline(): boolean {
    return this.status === 0;
  }
}

/** Reasons after which the token is dead: the page goes back to the join form with the sentence. */
export const FINAL_REASONS: ReadonlySet<Refusal> = new Set(['ended', 'removed', 'badToken']);

/** The participant API over HTTP: `POST /w/api/<method>` with the session token; never the facilitator's /api. */
export async function callParticipant<M extends ParticipantMethod>(method: M, input: ParticipantInput<M>, token: string | null): Promise<ParticipantOutput<M>> {
  let res: Response;
  try {
    res = await fetch(`${PARTICIPANT_API}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
      cache: 'no-store',
    });
  } catch (err) {
    throw new Refused((err as Error).message, null, 0);
  }
  return answerOf<ParticipantOutput<M>>(res);
}

/** A participant's course file (its bytes as they are; the server names it), while the trainer receives them. */
export async function sendCourseFile(file: Blob, token: string): Promise<CourseFileReceipt> {
  let res: Response;
  try {
    res = await fetch(PARTICIPANT_COURSE_FILE, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: file,
      cache: 'no-store',
    });
  } catch (err) {
    throw new Refused((err as Error).message, null, 0);
  }
  return answerOf<CourseFileReceipt>(res);
}

/** The value of an answer, or its refusal with the reason the page says. */
async function answerOf<T>(res: Response): Promise<T> {
  let body: { ok: boolean; value?: unknown; error?: { message?: string; details?: Record<string, unknown> } } | null = null;
  try {
    body = await res.json();
  } catch {
    /* a proxy's or a body-limit's non-JSON answer: judged by its status below */
  }
  if (body?.ok) return body.value as T;
  const details = { ...(body?.error?.details ?? {}) };
  const raw = details.reason;
  let reason: Refusal | null = typeof raw === 'string' && (REFUSALS as readonly string[]).includes(raw) ? (raw as Refusal) : null;
  if (!reason && res.status === 413) reason = 'tooLarge';
  if (!reason && res.status === 429) reason = 'rateLimited';
  if (!reason && res.status === 400) reason = 'invalid';
  if (!reason && res.status === 401) reason = 'badToken';
  const retry = Number(res.headers.get('Retry-After'));
  if (details.retryAfterSeconds === undefined && Number.isFinite(retry) && retry > 0) details.retryAfterSeconds = retry;
  throw new Refused(body?.error?.message ?? `HTTP ${res.status}`, reason, res.status, details);
}

const EVENT_TYPES: WorkshopEventType[] = [
  'session.ended',
  'agenda',
  'presence',
  'participant.joined',
  'participant.updated',
  'participant.left',
  'you.removed',
  'you.updated',
  'proposal',
  'note',
  'note.deleted',
  'group',
  'group.deleted',
  'vote',
  'comment',
  'comment.deleted',
  'assessment',
  'map.changed',
  'course.collecting',
];

export type LinkStatus = 'live' | 'reconnecting';

export interface LiveHandlers {
  /** The id to resume after: the newest event the page has applied. */
  lastId(): number;
  onEvents(events: WorkshopEvent[]): void;
  /** The server no longer keeps the events since lastId: read the whole state again. */
  onReset(): Promise<void>;
  onStatus(status: LinkStatus): void;
  /** The token died (session ended, person removed): nothing more will come. */
  onFinal(reason: Refusal): void;
}

/**
 * The live event stream with resume: the browser's own reconnect sends Last-Event-ID; when the
 * stream gives up (the server refused or the network stayed down), the page reads what it missed
 * with participant.events and opens a fresh stream from the newest id it has. The page's reducer
 * ignores ids it already has, so an overlap never shows anything twice.
 */
export function openLive(token: string, h: LiveHandlers): () => void {
  let es: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let attempt = 0;

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    es?.close();
    es = null;
  };

  const connect = () => {
    if (stopped) return;
    es?.close();
    es = new EventSource(`${PARTICIPANT_EVENTS}?since=${h.lastId()}&${PARTICIPANT_TOKEN_QUERY}=${encodeURIComponent(token)}`);
    es.onopen = () => {
      attempt = 0;
      h.onStatus('live');
    };
    // Frames carry no event name (all arrive here) and switch on data.type; a named frame is
    // taken too, in case the server names them. Ids already applied are ignored by the reducer.
    const onFrame = (e: MessageEvent) => {
      if (stopped) return;
      const data = JSON.parse(e.data) as WorkshopEvent | { type: 'reset'; lastId?: number };
      if (data.type === 'reset') {
        void h.onReset();
        return;
      }
      const ev = data as WorkshopEvent;
      h.onEvents([ev]);
      if (ev.type === 'session.ended' || ev.type === 'you.removed') {
        stop();
        h.onFinal(ev.type === 'session.ended' ? 'ended' : 'removed');
      }
    };
    es.onmessage = onFrame;
    for (const type of [...EVENT_TYPES, 'reset']) es.addEventListener(type, onFrame as EventListener);
    es.onerror = () => {
      if (stopped) return;
      h.onStatus('reconnecting');
      // CONNECTING: the browser retries by itself, with Last-Event-ID. CLOSED: it gave up; we resume.
      if (es?.readyState === EventSource.CLOSED) {
        es.close();
        es = null;
        schedule();
      }
    };
  };

  const schedule = () => {
    clearTimeout(timer);
    const delay = Math.min(10_000, 500 * 2 ** attempt++);
    timer = setTimeout(() => void resume(), delay);
  };

  let resuming = false;
  const resume = async () => {
    // One catch-up at a time: 'online' and a back-off timer may both ask for one.
    if (stopped || resuming || es) return;
    resuming = true;
    try {
      const r = await callParticipant('participant.events', { since: h.lastId() }, token);
      if (r.reset) await h.onReset();
      else h.onEvents(r.events);
      connect();
    } catch (err) {
      const e = err as Refused;
      if (e.reason && FINAL_REASONS.has(e.reason)) {
        stop();
        h.onFinal(e.reason);
      } else schedule();
    } finally {
      resuming = false;
    }
  };

  // A phone whose Wi-Fi drops may keep a dead connection open for minutes: let it go at once and
  // read what was missed when the network is back, instead of waiting for timeouts.
  const offline = () => {
    if (stopped) return;
    clearTimeout(timer);
    es?.close();
    es = null;
    h.onStatus('reconnecting');
  };
  // Back online: do not wait out the back-off.
  const online = () => {
    if (!es && !stopped) {
      attempt = 0;
      void resume();
    }
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  connect();
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
    stop();
  };
}
