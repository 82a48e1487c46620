import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model';
import type { MapEntityView as Entity, MapSnapshot } from '../../../shared/workshop/types';
import { useParticipant } from './store';
import { Comments } from './Comments';

interface Tree {
  lifeEvents: { event: Entity; needs: { need: Entity; services: Entity[] }[] }[];
  looseNeeds: { need: Entity; services: Entity[] }[];
  looseServices: Entity[];
  providers: Map<string, string[]>;
}

/** Life events → their needs → the services that address each need; what hangs loose listed after. */
function buildTree(map: MapSnapshot, lang: Language): Tree {
  const byId = new Map(map.entities.map((e) => [e.id, e]));
  const name = (e: Entity) => e.name;
  const sortByName = (a: Entity, b: Entity) => name(a).localeCompare(name(b), lang);
  const needsOf = new Map<string, Entity[]>();
  const servicesOf = new Map<string, Entity[]>();
  const providers = new Map<string, string[]>();
  const needInEvent = new Set<string>();
  const serviceAddressing = new Set<string>();
  for (const l of map.links) {
    const s = byId.get(l.source);
    const tg = byId.get(l.target);
    if (!s || !tg) continue;
    if (l.type === 'hasNeed') {
      needsOf.set(s.id, [...(needsOf.get(s.id) ?? []), tg]);
      needInEvent.add(tg.id);
    } else if (l.type === 'addresses') {
      servicesOf.set(tg.id, [...(servicesOf.get(tg.id) ?? []), s]);
      serviceAddressing.add(s.id);
    } else if (l.type === 'provides') {
      providers.set(tg.id, [...(providers.get(tg.id) ?? []), name(s)]);
    }
  }
  const withServices = (need: Entity) => ({ need, services: (servicesOf.get(need.id) ?? []).sort(sortByName) });
  const of = (kind: Entity['kind']) => map.entities.filter((e) => e.kind === kind).sort(sortByName);
  return {
    lifeEvents: of('lifeEvent').map((event) => ({ event, needs: (needsOf.get(event.id) ?? []).sort(sortByName).map(withServices) })),
    looseNeeds: of('need').filter((n) => !needInEvent.has(n.id)).map(withServices),
    looseServices: of('service').filter((s) => !serviceAddressing.has(s.id)),
    providers,
  };
}

function matches(e: Entity, q: string): boolean {
  return !q || e.name.toLowerCase().includes(q);
}

/** The map, read-only and phone-sized: a list, not a graph to pinch at. */
export function MapList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const map = useParticipant((s) => s.map);
  const [query, setQuery] = useState('');
  const tree = useMemo(() => (map ? buildTree(map, lang) : null), [map, lang]);
  if (!map || !tree) return <p className="muted">{t('workshop.p.loading')}</p>;
  const q = query.trim().toLowerCase();
  const name = (e: Entity) => e.name;

  const serviceItem = (s: Entity) => (
    <li key={s.id} className="p-map-service" data-entity={s.id}>
      <span className="p-kind kind-service" aria-hidden="true" />
      <span className="visually-hidden">{t('workshop.kind.service')}: </span>
      <span className="p-map-name">{name(s)}</span>
      {tree.providers.get(s.id) && <span className="p-note-meta"> · {tree.providers.get(s.id)!.join(', ')}</span>}
      <Comments target={{ kind: 'entity', id: s.id }} label={name(s)} />
    </li>
  );
  const needItem = ({ need, services }: { need: Entity; services: Entity[] }) => {
    const shown = services.filter((s) => matches(s, q));
    if (q && !matches(need, q) && !shown.length) return null;
    return (
      <li key={need.id} className="p-map-need" data-entity={need.id}>
        <span className="p-kind kind-need" aria-hidden="true" />
        <span className="visually-hidden">{t('workshop.kind.need')}: </span>
        <span className="p-map-name">{name(need)}</span>
        <Comments target={{ kind: 'entity', id: need.id }} label={name(need)} />
        {(q && matches(need, q) ? services : shown).length > 0 ? (
          <ul aria-label={t('workshop.p.servicesFor', { need: name(need) })}>{(q && matches(need, q) ? services : shown).map(serviceItem)}</ul>
        ) : (
          <p className="p-gap">{t('workshop.p.noService')}</p>
        )}
      </li>
    );
  };

  return (
    <section className="p-card p-map" aria-labelledby="map-title">
      <h2 id="map-title">{t('workshop.p.mapTitle')}</h2>
      <p className="muted small">{t('workshop.p.mapLead')}</p>
      <label htmlFor="map-search" className="visually-hidden">
        {t('workshop.p.search')}
      </label>
      <input id="map-search" type="search" placeholder={t('workshop.p.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {tree.lifeEvents.map(({ event, needs }) => {
        const items = needs.map(needItem).filter(Boolean);
        if (q && !items.length && !matches(event, q)) return null;
        return (
          <section key={event.id} className="p-map-event" data-entity={event.id}>
            <h3>
              <span className="p-kind kind-lifeEvent" aria-hidden="true" /> {name(event)}
            </h3>
            <Comments target={{ kind: 'entity', id: event.id }} label={name(event)} />
            {items.length ? <ul className="p-map-needs">{items}</ul> : <p className="muted small">{t('workshop.p.noNeeds')}</p>}
          </section>
        );
      })}
      {tree.looseNeeds.length > 0 && (
        <section className="p-map-event">
          <h3>{t('workshop.p.otherNeeds')}</h3>
          <ul className="p-map-needs">{tree.looseNeeds.map(needItem)}</ul>
        </section>
      )}
      {tree.looseServices.some((s) => matches(s, q)) && (
        <section className="p-map-event">
          <h3>{t('workshop.p.otherServices')}</h3>
          <ul className="p-map-needs">{tree.looseServices.filter((s) => matches(s, q)).map(serviceItem)}</ul>
        </section>
      )}
    </section>
  );
}
