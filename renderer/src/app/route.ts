import { useSyncExternalStore } from 'react';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/model';
import { confirmLeave, hasUnsavedChanges } from './leaveGuard';

export type CanvasMode = 'map' | 'outline' | 'analysis';
export type PictureTab = 'dashboard' | 'impact';
export const WORKSHOP_TABS = ['session', 'projector', 'moderation', 'brainstorm', 'voting', 'comments', 'records'] as const;
export type WorkshopTab = (typeof WORKSHOP_TABS)[number];
export type CourseTab = 'author' | 'collect';
export type Route =
  | { view: 'overview' }
  | { view: 'start' }
  | { view: 'entities'; kind: EntityKind; id?: string }
  | { view: 'canvas'; mode: CanvasMode; canvasView?: string }
  | { view: 'matching' }
  | { view: 'picture'; tab: PictureTab }
  | { view: 'tryout'; id?: string }
  | { view: 'workshop'; tab: WorkshopTab; id?: string }
  | { view: 'course'; tab: CourseTab };

/** Reads the hash route (#/overview, #/service, #/service/<id>); unknown routes show the overview. */
export function parseRoute(hash: string): Route {
  const [kind, id, extra] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (kind === 'canvas') return { view: 'canvas', mode: id === 'outline' || id === 'analysis' ? id : 'map', canvasView: extra || undefined };
  if (kind === 'matching') return { view: 'matching' };
  if (kind === 'picture') return { view: 'picture', tab: id === 'impact' ? 'impact' : 'dashboard' };
  if (kind === 'start') return { view: 'start' };
  if (kind === 'workshop') return { view: 'workshop', tab: (WORKSHOP_TABS as readonly string[]).includes(id) ? (id as WorkshopTab) : 'session', id: extra || undefined };
  if (kind === 'tryout') return { view: 'tryout', id: id || undefined };
  if (kind === 'course') return { view: 'course', tab: id === 'collect' ? 'collect' : 'author' };
  if ((ENTITY_KINDS as readonly string[]).includes(kind)) return { view: 'entities', kind: kind as EntityKind, id: id || undefined };
  return { view: 'overview' };
}

export function routeHref(route: Route): string {
  if (route.view === 'overview') return '#/overview';
  if (route.view === 'canvas') return `#/canvas/${route.mode}${route.canvasView ? `/${encodeURIComponent(route.canvasView)}` : ''}`;
  if (route.view === 'matching') return '#/matching';
  if (route.view === 'picture') return route.tab === 'dashboard' ? '#/picture' : `#/picture/${route.tab}`;
  if (route.view === 'start') return '#/start';
  if (route.view === 'workshop') return `#/workshop${route.tab === 'session' && !route.id ? '' : `/${route.tab}`}${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
  if (route.view === 'tryout') return `#/tryout${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
  if (route.view === 'course') return route.tab === 'author' ? '#/course' : `#/course/${route.tab}`;
  return `#/${route.kind}${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

// One listener for the whole app: a hash change is applied only once the open form has saved
// its changes (or kept, with its errors shown, when they cannot be saved yet).
const hasWindow = typeof window !== 'undefined';
let currentHash = hasWindow ? window.location.hash : '';
let current = parseRoute(currentHash);
let pending = 0;
const listeners = new Set<() => void>();

function apply(): void {
  currentHash = window.location.hash;
  current = parseRoute(currentHash);
  for (const l of listeners) l();
}

function onHashChange(): void {
  if (window.location.hash === currentHash) return;
  const mine = ++pending;
  if (!hasUnsavedChanges()) return apply();
  void confirmLeave().then((ok) => {
    if (mine !== pending) return;
    if (ok) apply();
    // Back to where the form is; replaceState fires no hashchange.
    else window.history.replaceState(window.history.state, '', currentHash || '#/overview');
  });
}
if (hasWindow) window.addEventListener('hashchange', onHashChange);

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => current);
}
