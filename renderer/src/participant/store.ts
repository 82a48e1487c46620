import { create } from 'zustand';
import type { ParticipantInput, ParticipantMethod, ParticipantOutput } from '../../../shared/api/participant';
import type { JoinRole, MapSnapshot, ParticipantState, Refusal, WorkshopEvent } from '../../../shared/workshop/types';
import { applyEvents } from '../features/workshop/live';
import type { CourseFileReceipt } from '../../../shared/api/participant';
import { callParticipant, FINAL_REASONS, openLive, Refused, sendCourseFile, type LinkStatus } from './client';

const TOKEN_STORE = 'kohtaanto.workshop.token';

/** A refusal to show; its sentence is made when shown, so that it follows a language switch. */
export interface Problem {
  reason: Refusal | null;
  message: string;
  details: Record<string, unknown>;
  offline?: boolean;
}

interface ParticipantStore {
  token: string | null;
  state: ParticipantState | null;
  map: MapSnapshot | null;
  link: LinkStatus;
  /** Server time − local time, for the timer. */
  clockOffset: number;
  problem: Problem | null;
  /** Why the person is back at the join form (session ended, removed…). */
  final: Refusal | null;
  /** The stored token is being tried on load. */
  resuming: boolean;
  join(input: { code: string; displayName?: string; anonymous: boolean; role: JoinRole }): Promise<boolean>;
  resume(): Promise<void>;
  /** Calls a method; a refusal becomes the on-screen message and `undefined`. */
  call<M extends ParticipantMethod>(method: M, input: ParticipantInput<M>): Promise<ParticipantOutput<M> | undefined>;
  leave(): Promise<void>;
  clearProblem(): void;
  /** Sends one's course file; a refusal comes back (to show beside the file) rather than in the problem bar. */
  sendCourseFile(file: Blob): Promise<{ receipt: CourseFileReceipt } | { problem: Problem }>;
}

let closeLive: (() => void) | null = null;

function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_STORE, token);
    else sessionStorage.removeItem(TOKEN_STORE);
  } catch {
    /* storage off: a reload joins again */
  }
}

function problemOf(err: unknown): Problem {
  if (err instanceof Refused) return { reason: err.reason, message: err.message, details: err.details, offline: err.offline };
  return { reason: null, message: (err as Error).message, details: {} };
}

export const useParticipant = create<ParticipantStore>((set, get) => {
  const end = (reason: Refusal) => {
    closeLive?.();
    closeLive = null;
    storeToken(null);
    set({ token: null, state: null, map: null, final: reason, problem: null });
  };

  const loadMap = async () => {
    const token = get().token;
    if (!token) return;
    try {
      const map = await callParticipant('participant.map', {}, token);
      if (get().token === token) set({ map });
    } catch (err) {
      const p = problemOf(err);
      if (p.reason && FINAL_REASONS.has(p.reason)) end(p.reason);
    }
  };

  const reload = async () => {
    const token = get().token;
    if (!token) return;
    const state = await callParticipant('participant.state', {}, token);
    set({ state, clockOffset: Date.parse(state.serverNow) - Date.now() });
    await loadMap();
  };

  const onEvents = (events: WorkshopEvent[]) => {
    const s = get().state;
    if (!s || !events.length) return;
    const before = s.mapRevision;
    let next = applyEvents(s, events);
    // Whether the trainer receives course files now: only the participant page keeps it.
    for (const e of events) if (e.type === 'course.collecting' && e.id > s.lastEventId) next = { ...next, collecting: e.data };
    if (next !== s) set({ state: next });
    if (next.mapRevision !== before) void loadMap();
  };

  const goLive = (token: string) => {
    closeLive?.();
    closeLive = openLive(token, {
      lastId: () => get().state?.lastEventId ?? 0,
      onEvents,
      onReset: () => reload().catch(() => undefined),
      onStatus: (link) => set({ link }),
      onFinal: end,
    });
  };

  return {
    token: null,
    state: null,
    map: null,
    link: 'live',
    clockOffset: 0,
    problem: null,
    final: null,
    resuming: false,
    async join(input) {
      set({ problem: null });
      try {
        const r = await callParticipant(
          'participant.join',
          { code: input.code, role: input.role, anonymous: input.anonymous, ...(input.anonymous ? {} : { displayName: input.displayName }) },
          null,
        );
        storeToken(r.token);
        set({ token: r.token, state: r.state, final: null, clockOffset: Date.parse(r.state.serverNow) - Date.now(), link: 'live' });
        goLive(r.token);
        await loadMap();
        return true;
      } catch (err) {
        set({ problem: problemOf(err) });
        return false;
      }
    },
    async resume() {
      let token: string | null = null;
      try {
        token = sessionStorage.getItem(TOKEN_STORE);
      } catch {
        /* storage off */
      }
      if (!token) return;
      set({ token, resuming: true });
      try {
        await reload();
        goLive(token);
      } catch (err) {
        const p = problemOf(err);
        if (p.reason && FINAL_REASONS.has(p.reason)) end(p.reason);
        else {
          storeToken(null);
          set({ token: null, state: null, problem: p });
        }
      } finally {
        set({ resuming: false });
      }
    },
    async call(method, input) {
      const token = get().token;
      if (!token) return undefined;
      set({ problem: null });
      try {
        return await callParticipant(method, input, token);
      } catch (err) {
        const p = problemOf(err);
        if (p.reason && FINAL_REASONS.has(p.reason)) end(p.reason);
        else set({ problem: p });
        return undefined;
      }
    },
    async leave() {
      const token = get().token;
      if (token) await callParticipant('participant.leave', {}, token).catch(() => undefined);
      closeLive?.();
      closeLive = null;
      storeToken(null);
      set({ token: null, state: null, map: null, final: null, problem: null });
    },
    clearProblem() {
      set({ problem: null });
    },
    async sendCourseFile(file) {
      const token = get().token;
      if (!token) return { problem: { reason: 'badToken', message: '', details: {} } };
      try {
        const receipt = await sendCourseFile(file, token);
        const st = get().state;
        if (st) set({ state: { ...st, courseFileSentAt: receipt.receivedAt } });
        return { receipt };
      } catch (err) {
        const p = problemOf(err);
        if (p.reason && FINAL_REASONS.has(p.reason)) end(p.reason);
        return { problem: p };
      }
    },
  };
});
