import { useEffect, useState } from 'react';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/model';

export type CanvasMode = 'map' | 'outline' | 'analysis';
export type Route =
  | { view: 'overview' }
  | { view: 'entities'; kind: EntityKind; id?: string }
  | { view: 'canvas'; mode: CanvasMode; canvasView?: string }
  | { view: 'matching' }
  | { view: 'tryout'; id?: string };

/** Reads the hash route (#/overview, #/service, #/service/<id>); unknown routes show the overview. */
export function parseRoute(hash: string): Route {
  const [kind, id, extra] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (kind === 'canvas') return { view: 'canvas', mode: id === 'outline' || id === 'analysis' ? id : 'map', canvasView: extra || undefined };
  if (kind === 'matching') return { view: 'matching' };
  if (kind === 'tryout') return { view: 'tryout', id: id || undefined };
  if ((ENTITY_KINDS as readonly string[]).includes(kind)) return { view: 'entities', kind: kind as EntityKind, id: id || undefined };
  return { view: 'overview' };
}

export function routeHref(route: Route): string {
  if (route.view === 'overview') return '#/overview';
  if (route.view === 'canvas') return `#/canvas/${route.mode}${route.canvasView ? `/${encodeURIComponent(route.canvasView)}` : ''}`;
  if (route.view === 'matching') return '#/matching';
  if (route.view === 'tryout') return `#/tryout${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
  return `#/${route.kind}${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
