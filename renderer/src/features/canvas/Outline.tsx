import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, linkSidesFor, pickText, type Entity, type EntityKind, type Language, type Link } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { currentVisible, jumpTo, newEntityDraft } from './actions';
import { useCanvas } from './canvasStore';
import { adjacency } from './graph';
import { clearSent } from '../../app/clearSent';

/** Sections of more items than this start closed, so a large map's outline stays quick to move through. */
const OPEN_UP_TO = 60;

/**
 * The accessible twin of the canvas: the same graph as headings, lists and buttons, so that
 * everything the map does (add, edit, link, unlink, delete) works with a keyboard and a screen
 * reader alone.
 */
export function Outline() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const filters = useCanvas((s) => s.filters);
  const [all, setAll] = useState(false);
  const [query, setQuery] = useState('');
  const visible = useMemo(() => (all ? null : currentVisible(filters)), [all, filters, entities, links]);
  const adj = useMemo(() => adjacency(links), [links]);
  const byId = entityIndex(entities);
  const q = query.trim().toLocaleLowerCase(lang);
  const kinds = ENTITY_KINDS.filter((k) => all || filters.kinds.includes(k));

  return (
    <div className="outline page">
      <h2 id="outline-heading">{t('canvas.outline.title')}</h2>
      <p className="muted">{t('canvas.outline.lead')}</p>
      <div className="filter-row">
        <label htmlFor="outline-search" className="visually-hidden">
          {t('canvas.outline.search')}
        </label>
        <input id="outline-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('canvas.outline.search')} />
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('canvas.outline.all')}
        </label>
      </div>
      {kinds.map((kind) => {
        const items = entities
          .filter((e) => e.kind === kind && (!visible || visible.has(e.id)))
          .filter((e) => !q || [e.name.fi, e.name.sv, e.name.en].some((s) => s?.toLocaleLowerCase(lang).includes(q)))
          .sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang));
        return <OutlineSection key={kind} kind={kind} items={items} adj={adj} byId={byId} searching={!!q} />;
      })}
    </div>
  );
}

/**
 * One kind's section. Its list is rendered only while the section is open: a closed section of a
 * 2,000-node map then costs nothing, and opening it renders just that kind.
 */
function OutlineSection({ kind, items, adj, byId, searching }: { kind: EntityKind; items: Entity[]; adj: Map<string, Link[]>; byId: Map<string, Entity>; searching: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(items.length <= OPEN_UP_TO);
  const shown = open || searching;
  return (
    <details className="outline-kind" open={shown} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <h3>
          <span className={`palette-marker kind-${kind}`} aria-hidden="true" />
          {t(`kind.${kind}.plural`)} <span className="count">({items.length})</span>
        </h3>
      </summary>
      {shown && (
        <>
          <AddForm kind={kind} />
          {items.length === 0 ? (
            <p className="muted small">{t('canvas.outline.none')}</p>
          ) : (
            <ul className="outline-list">
              {items.map((e) => (
                <OutlineItem key={e.id} entity={e} links={adj.get(e.id) ?? []} byId={byId} />
              ))}
            </ul>
          )}
        </>
      )}
    </details>
  );
}

function AddForm({ kind }: { kind: EntityKind }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const id = `outline-add-${kind}`;
  const add = async () => {
    const n = name.trim();
    if (!n) return;
    const sent = name;
    const ok = await attempt(() => api.call('entities.create', { entity: newEntityDraft(kind, n) as never }));
    if (ok) {
      clearSent(setName, sent);
      useApp.getState().notify({ kind: 'info', text: t('canvas.notice.created', { name: n }) });
    }
  };
  return (
    <form
      className="outline-add"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label htmlFor={id}>{t('canvas.outline.addLabel', { what: t(`kind.${kind}.new`) })}</label>
      <input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={500} />
      <button type="submit" disabled={!name.trim()}>
        {t('canvas.outline.add')}
      </button>
    </form>
  );
}

function OutlineItem({ entity, links, byId }: { entity: Entity; links: Link[]; byId: Map<string, Entity> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [linking, setLinking] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const name = pickText(entity.name, lang) || entity.id;
  const nameId = `outline-name-${entity.id}`;
  const fail = (e: Parameters<typeof describeError>[1]) => describeError(t, e);

  const remove = async () => {
    const r = await attempt(() => api.call('canvas.deleteNodes', { ids: [entity.id] }), fail);
    if (r) useApp.getState().notify({ kind: 'info', text: t('canvas.notice.deleted', { count: 1, links: r.deletedLinks }) });
  };

  return (
    <li className="outline-item" aria-labelledby={nameId}>
      <div className="outline-row">
        <span className={`palette-marker kind-${entity.kind}`} aria-hidden="true" />
        <span className="outline-name" id={nameId}>
          {name}
        </span>
        <span className="muted small">{t('canvas.outline.linkCount', { count: links.length })}</span>
        <span className="spacer" />
        <button type="button" aria-label={t('canvas.outline.editNamed', { name })} onClick={() => useCanvas.getState().set({ editing: entity.id })}>
          {t('canvas.outline.edit')}
        </button>
        <button type="button" aria-label={t('canvas.outline.linkNamed', { name })} aria-expanded={linking} onClick={() => setLinking((v) => !v)}>
          {t('canvas.outline.link')}
        </button>
        <button type="button" aria-label={t('canvas.outline.showNamed', { name })} onClick={() => jumpTo(entity.id)}>
          {t('canvas.outline.show')}
        </button>
        <button type="button" className="danger" aria-label={t('canvas.outline.deleteNamed', { name })} onClick={() => setConfirm(true)}>
          {t('action.delete')}
        </button>
      </div>
      {confirm && (
        <div className="confirm" role="alertdialog" aria-labelledby={`${nameId}-confirm`}>
          <p id={`${nameId}-confirm`}>{t('confirm.delete', { name, count: links.length })}</p>
          <button type="button" className="danger" autoFocus onClick={() => void remove()}>
            {t('action.confirmDelete')}
          </button>
          <button type="button" onClick={() => setConfirm(false)}>
            {t('action.cancel')}
          </button>
        </div>
      )}
      {links.length > 0 && (
        <ul className="outline-links" aria-label={t('canvas.outline.linksOf', { name })}>
          {links.map((l) => {
            const outgoing = l.source === entity.id;
            const other = byId.get(outgoing ? l.target : l.source);
            const otherName = other ? pickText(other.name, lang) || other.id : '?';
            return (
              <li key={l.id}>
                <span className="muted">{t(`link.${l.type}.${outgoing ? 'out' : 'in'}`)}:</span> <span>{otherName}</span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('canvas.outline.unlinkNamed', { from: name, link: t(`link.${l.type}.name`), to: otherName })}
                  onClick={() => void attempt(() => api.call('links.delete', { id: l.id }), fail)}
                >
                  {t('canvas.outline.unlink')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {linking && <LinkForm entity={entity} existing={links} byId={byId} onDone={() => setLinking(false)} />}
    </li>
  );
}

function LinkForm({ entity, existing, byId, onDone }: { entity: Entity; existing: Link[]; byId: Map<string, Entity>; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const sides = useMemo(() => linkSidesFor(entity.kind), [entity.kind]);
  const [sideIx, setSideIx] = useState(0);
  const [target, setTarget] = useState('');
  const side = sides[sideIx];
  const candidates = useMemo(() => {
    if (!side) return [];
    const taken = new Set(existing.filter((l) => l.type === side.type && (side.outgoing ? l.source === entity.id : l.target === entity.id)).map((l) => (side.outgoing ? l.target : l.source)));
    return [...byId.values()]
      .filter((e) => e.kind === side.otherKind && e.id !== entity.id && !taken.has(e.id))
      .sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang));
  }, [side, existing, byId, entity.id, lang]);
  const base = `link-${entity.id}`;
  const create = async () => {
    if (!side || !target) return;
    const [source, dst] = side.outgoing ? [entity.id, target] : [target, entity.id];
    const ok = await attempt(
      () => api.call('links.create', { type: side.type, source, target: dst, data: side.type === 'personaNeed' ? { importance: 3 } : {} }),
      (e) => describeError(t, e),
    );
    if (ok) {
      setTarget('');
      useApp.getState().notify({ kind: 'info', text: t('canvas.notice.linked', { from: pickText(byId.get(source)!.name, lang), link: t(`link.${side.type}.name`), to: pickText(byId.get(dst)!.name, lang) }) });
      onDone();
    }
  };
  return (
    <form
      className="outline-link-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label htmlFor={`${base}-type`}>{t('canvas.outline.linkType')}</label>
      <select id={`${base}-type`} value={sideIx} onChange={(e) => { setSideIx(Number(e.target.value)); setTarget(''); }} autoFocus>
        {sides.map((s, i) => (
          <option key={`${s.type}-${s.outgoing}`} value={i}>
            {t(`link.${s.type}.${s.outgoing ? 'out' : 'in'}`)} ({t(`kind.${s.otherKind}.one`)})
          </option>
        ))}
      </select>
      <label htmlFor={`${base}-target`}>{t('canvas.outline.linkTarget')}</label>
      <select id={`${base}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">{t('links.choose', { kind: side ? t(`kind.${side.otherKind}.one`) : '' })}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {pickText(c.name, lang) || c.id}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={!target}>
        {t('links.addButton')}
      </button>
      <button type="button" onClick={onDone}>
        {t('action.cancel')}
      </button>
    </form>
  );
}
