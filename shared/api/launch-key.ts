/**
 * The per-launch key of browser mode's local server. The printed URL carries it in the fragment
 * (`http://127.0.0.1:5183/#k=KEY`), which browsers send neither to servers nor in Referer; the
 * page keeps it in sessionStorage and sends it back with every call. The server and the page
 * both read these names from here.
 */

/** Request header that carries the key on `POST /api/*` and the AuroraAI routes. */
export const KEY_HEADER = 'X-Kohtaanto-Key';
/** Query parameter that carries the key on `GET /api/events` only: EventSource cannot send headers. */
export const KEY_QUERY = 'k';
/** The fragment prefix of the printed URL; an app route may follow it (`#k=KEY#/canvas/map`). */
export const KEY_FRAGMENT = '#k=';
/** A key is base64url: what the server makes, and all the page accepts from a URL. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{20,200}$/;

/**
 * Splits a location hash into the key it carries (if any) and the rest, the app's own route.
 * `#k=KEY` gives `{ key, rest: '' }`; `#k=KEY#/service` gives `{ key, rest: '#/service' }`.
 */
export function splitKeyFragment(hash: string): { key: string | null; rest: string } {
  if (!hash.startsWith(KEY_FRAGMENT)) return { key: null, rest: hash };
  const body = hash.slice(KEY_FRAGMENT.length);
  const cut = body.indexOf('#');
  const key = cut < 0 ? body : body.slice(0, cut);
  const rest = cut < 0 ? '' : body.slice(cut);
  return { key: KEY_PATTERN.test(key) ? key : null, rest };
}
