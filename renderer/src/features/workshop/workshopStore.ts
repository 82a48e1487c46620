import type { TFunction } from 'i18next';
import { create } from 'zustand';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import { AppError } from '../../../../shared/api/result';
import { REFUSALS, type Refusal, type WorkshopEvent, type WorkshopState } from '../../../../shared/workshop/types';
import { api } from '../../api';
import { useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { applyEvent, applyEvents } from './live';
import { refusalText } from './refusal';

interface WorkshopStore {
  loaded: boolean;
  state: WorkshopState | null;
  /** Server time − local time, for the timer. */
  clockOffset: number;
  /** The record of the session that just ended, to link to. */
  endedRecord: string | null | undefined;
  /** Reads the running session (or none) and starts listening to its events. */
  load(): Promise<void>;
  /** The state a method returned (start, agenda, timer). */
  adopt(state: WorkshopState): void;
}

let listening = false;
let catchingUp = false;

export const useWorkshop = create<WorkshopStore>((set, get) => {
  const catchUp = async () => {
    const s = get().state;
    if (!s || catchingUp) return;
    catchingUp = true;
    try {
      const r = await api.call('workshop.events', { since: s.lastEventId });
      if (r.reset) await get().load();
      else {
        const cur = get().state;
        if (cur) set({ state: applyEvents(cur, r.events) });
      }
    } catch {
      /* the next event tries again */
    } finally {
      catchingUp = false;
    }
  };

  const onEvent = (ev: WorkshopEvent) => {
    if (ev.type === 'session.ended') {
      set({ state: null, endedRecord: ev.data.recordId });
      return;
    }
    const s = get().state;
    if (!s) {
      // A session started from another window (or the CLI): read it whole.
      void get().load();
      return;
    }
    // The facilitator gets every event; a gap means the app's stream dropped some: read them.
    if (ev.id > s.lastEventId + 1) {
      void catchUp();
      return;
    }
    set({ state: applyEvent(s, ev) });
  };

  return {
    loaded: false,
    state: null,
    clockOffset: 0,
    endedRecord: undefined,
    async load() {
      if (!listening) {
        listening = true;
        api.on('workshop.event', onEvent);
      }
      const state = await api.call('workshop.state', {});
      set({ loaded: true, state, ...(state ? { clockOffset: Date.parse(state.serverNow) - Date.now() } : {}) });
    },
    adopt(state) {
      const cur = get().state;
      // A state older than what events already brought is not taken back.
      if (cur && cur.id === state.id && cur.lastEventId > state.lastEventId) return;
      set({ state, clockOffset: Date.parse(state.serverNow) - Date.now(), endedRecord: undefined });
    },
  };
});

function reasonOf(e: AppError): Refusal | null {
  const r = (e.details as { reason?: unknown } | undefined)?.reason;
  return typeof r === 'string' && (REFUSALS as readonly string[]).includes(r) ? (r as Refusal) : null;
}

/** A workshop method for a facilitator's action; a refusal becomes a notice in words. */
export async function act<M extends MethodName>(t: TFunction, method: M, input: MethodInput<M>): Promise<MethodOutput<M> | undefined> {
  try {
    return await (api.call as (m: M, i: MethodInput<M>) => Promise<MethodOutput<M>>)(method, input);
  } catch (err) {
    const e = err instanceof AppError ? err : new AppError('internal', (err as Error).message);
    const reason = reasonOf(e);
    const text = reason ? refusalText(t, reason, (e.details as Record<string, unknown>) ?? {}, e.message) : describeError(t, e);
    useApp.getState().notify({ kind: 'error', text });
    return undefined;
  }
}
