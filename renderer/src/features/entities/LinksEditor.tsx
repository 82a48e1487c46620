import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVIDER_ROLES, linkSidesFor, pickText, type Entity, type Language, type Link, type LinkSide } from '../../../../shared/model';
import { api } from '../../api';
import { navigate } from '../../app/route';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';


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
            <AddLink entity={entity} side={side} candidates={entities.filter((e) => e.kind === side.otherKind && e.id !== entity.id && !list.some((l) => l.source === e.id || l.target === e.id))} />
          </div>
        );
      })}
    </section>
  );
}

function LinkRow({ link, other, lang }: { link: Link; other?: Entity; lang: Language }) {
  const { t } = useTranslation();
  const otherName = other ? pickText(other.name, lang) || other.id : '?';
  const update = (data: Link['data']) => attempt(() => api.call('links.update', { id: link.id, data }), (e) => describeError(t, e));
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
      <button type="button" className="icon-button" aria-label={t('links.remove', { name: otherName })} onClick={() => void attempt(() => api.call('links.delete', { id: link.id }), (e) => describeError(t, e))}>
        ×
      </button>
    </li>
  );
}

function AddLink({ entity, side, candidates }: { entity: Entity; side: LinkSide; candidates: Entity[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [choice, setChoice] = useState('');
  const id = `add-${side.type}-${side.outgoing ? 'out' : 'in'}`;
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang));
  const add = async () => {
    if (!choice) return;
    const [source, target] = side.outgoing ? [entity.id, choice] : [choice, entity.id];
    const data = side.type === 'personaNeed' ? { importance: 3 } : {};
    const ok = await attempt(() => api.call('links.create', { type: side.type, source, target, data }), (e) => describeError(t, e));
    if (ok) setChoice('');
  };
  return (
    <div className="add-link">
      <label htmlFor={id} className="visually-hidden">
        {t('links.add', { kind: t(`kind.${side.otherKind}.one`) })}
      </label>
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="">{t('links.choose', { kind: t(`kind.${side.otherKind}.one`) })}</option>
        {sorted.map((c) => (
          <option key={c.id} value={c.id}>
            {pickText(c.name, lang) || c.id}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void add()} disabled={!choice}>
        {t('links.addButton')}
      </button>
    </div>
  );
}
