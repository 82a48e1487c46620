import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVIDER_ROLES, linkSidesFor, pickText, type Entity, type Language, type Link, type LinkSide } from '../../../../shared/model';
import { api } from '../../api';
import { navigate } from '../../app/route';
import { attempt, entityIndex, useApp } from '../../app/store';
import { EntityPicker } from './EntityPicker';
import { LifeEventQuickCreate } from './LifeEventQuickCreate';


/** Links of one entity, editable from this end whichever end of the link it is. */
export function LinksEditor({ entity }: { entity: Entity }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const byId = entityIndex(entities);
  const sides = useMemo(() => linkSidesFor(entity.kind), [entity.kind]);
  const mine = links.filter((l) => l.source === entity.id || l.target === entity.id);

  return (
    <section className="links-editor" aria-labelledby="links-heading">
      <h3 id="links-heading">{t('links.title')}</h3>
      {sides.map((side) => {
        const list = mine.filter((l) => l.type === side.type && (side.outgoing ? l.source === entity.id : l.target === entity.id));
        const key = `${side.type}-${side.outgoing ? 'out' : 'in'}`;
        return (
          <div className="link-group" key={key}>
            <h4>{t(`link.${side.type}.${side.outgoing ? 'out' : 'in'}`)}</h4>
            {list.length === 0 ? (
              <p className="muted small">{t('links.none')}</p>
            ) : (
              <ul>
                {list.map((l) => {
                  const other = byId.get(side.outgoing ? l.target : l.source);
                  return <LinkRow key={l.id} link={l} other={other} lang={lang} />;
                })}
              </ul>
            )}
            <EntityPicker entity={entity} side={side} candidates={entities.filter((e) => e.kind === side.otherKind && e.id !== entity.id && !list.some((l) => l.source === e.id || l.target === e.id))} />
          </div>
        );
      })}
      {entity.kind === 'lifeEvent' && <LifeEventQuickCreate lifeEvent={entity} />}
    </section>
  );
}

function LinkRow({ link, other, lang }: { link: Link; other?: Entity; lang: Language }) {
  const { t } = useTranslation();
  const otherName = other ? pickText(other.name, lang) || other.id : '?';
  const update = (data: Link['data']) => attempt(() => api.call('links.update', { id: link.id, data }));
  return (
    <li className="link-row">
      {other ? (
        <a href={`#/${other.kind}/${encodeURIComponent(other.id)}`} onClick={(e) => { e.preventDefault(); navigate({ view: 'entities', kind: other.kind, id: other.id }); }}>
          {otherName}
        </a>
      ) : (
        <span>{otherName}</span>
      )}
      {link.type === 'provides' && (
        <select aria-label={t('links.role', { name: otherName })} value={link.data.role ?? ''} onChange={(e) => void update({ ...link.data, role: (e.target.value || undefined) as Link['data']['role'] })}>
          <option value="">{t('role.unspecified')}</option>
          {PROVIDER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      )}
      {link.type === 'personaNeed' && (
        <select aria-label={t('links.importance', { name: otherName })} value={link.data.importance ?? 3} onChange={(e) => void update({ ...link.data, importance: Number(e.target.value) })}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t('links.importanceValue', { value: n })}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="icon-button" aria-label={t('links.remove', { name: otherName })} onClick={() => void attempt(() => api.call('links.delete', { id: link.id }))}>
        ×
      </button>
    </li>
  );
}
