import { useEffect, useState } from 'react';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/model';

export type Route = { view: 'overview' } | { view: 'entities'; kind: EntityKind; id?: string };

/** Reads the hash route (#/overview, #/service, #/service/<id>); unknown routes show the overview. */
export function parseRoute(hash: string): Route {
  const [kind, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if ((ENTITY_KINDS as readonly string[]).includes(kind)) return { view: 'entities', kind: kind as EntityKind, id: id || undefined };
  return { view: 'overview' };
}

export function routeHref(route: Route): string {
  if (route.view === 'overview') return '#/overview';
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
