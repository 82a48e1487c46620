import { createClient, type Transport } from '../../shared/api/client';
import type { Result } from '../../shared/api/result';

interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kohtaanto?: Bridge;
  }
}

/** Browser mode: POST /api/<method> and server-sent events from the local server. */
function httpTransport(): Transport {
  let source: EventSource | undefined;
  return {
    async invoke(method, input) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'io_error', message: `The Kohtaanto server did not answer (${(err as Error).message}).` } };
      }
    },
    on(event, handler) {
      source ??= new EventSource('/api/events');
      const listener = (e: MessageEvent) => handler(JSON.parse(e.data));
      source.addEventListener(event, listener as EventListener);
      return () => source?.removeEventListener(event, listener as EventListener);
    },
  };
}

/** The desktop window has the preload bridge; a plain browser talks HTTP. Chosen once at start. */
export const transport: Transport = window.kohtaanto ?? httpTransport();
export const api = createClient(transport);
export const transportKind: 'ipc' | 'http' = window.kohtaanto ? 'ipc' : 'http';
