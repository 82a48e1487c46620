import { createClient, type Transport } from '../../shared/api/client';
import { KEY_FRAGMENT, KEY_HEADER, KEY_QUERY, splitKeyFragment } from '../../shared/api/launch-key';
import type { Result } from '../../shared/api/result';

interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
  /** Tells the desktop window's menu which language the UI speaks. */
  setLanguage?(lang: string): void;
}

declare global {
  interface Window {
    kohtaanto?: Bridge;
  }
}

const KEY_STORE = 'kohtaanto.key';
let launchKey: string | null = null;

/**
 * Takes the server's key from the address (`#k=KEY`, maybe followed by a route `#/service`),
 * keeps it for this tab in sessionStorage, so that a reload still works, and removes it from
 * the address bar, so that it is not bookmarked, shared or shown on a projector.
 */
function adoptKeyFromAddress(): boolean {
  if (!window.location.hash.startsWith(KEY_FRAGMENT)) return false;
  const { key, rest } = splitKeyFragment(window.location.hash);
  const changed = !!key && key !== launchKey;
  if (key) {
    launchKey = key;
    try {
      sessionStorage.setItem(KEY_STORE, key);
    } catch {
      /* storage off: the key lives until the tab reloads */
    }
  }
  history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${rest}`);
  return changed;
}

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORE);
  } catch {
    return null;
  }
}

/** Browser mode: POST /api/<method> and server-sent events from the local server. */
function httpTransport(): Transport {
  adoptKeyFromAddress();
  // Registered before the router's listener, so the router never sees the key as a route. A new
  // key pasted into this tab (Kohtaanto was restarted) reloads it: the event stream needs it too.
  window.addEventListener('hashchange', () => {
    if (adoptKeyFromAddress()) window.location.reload();
  });
  launchKey ??= storedKey();
  let source: EventSource | undefined;
  return {
    async invoke(method, input) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(launchKey ? { [KEY_HEADER]: launchKey } : {}) },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'server_unreachable', message: `The Kohtaanto server did not answer (${(err as Error).message}).` } };
      }
    },
    on(event, handler) {
      // EventSource cannot send headers; this is the one route that takes the key in the address.
      source ??= new EventSource(launchKey ? `/api/events?${KEY_QUERY}=${encodeURIComponent(launchKey)}` : '/api/events');
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
