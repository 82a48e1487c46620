import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAIN_VIEW } from '../../../../shared/api/canvas';
import { ENTITY_KINDS, pickText, type EntityKind, type Language } from '../../../../shared/model';
import { useApp } from '../../app/store';
import { deleteView, openQuickCreate, saveViewAs, setFocus, switchView, updateView } from './actions';
import { DEFAULT_FILTERS, useCanvas } from './canvasStore';
import { DRAG_KIND } from './FlowCanvas';
import { isFiltered } from './graph';
import { isMunicipality, municipalityLabel } from './municipalities';

/** The left column of the canvas: add nodes, choose and save views, filter, focus. */
export function Sidebar({ onKind, showPalette }: { onKind(k: EntityKind): void; showPalette: boolean }) {
  const { t } = useTranslation();
  return (
    <aside className="canvas-sidebar" aria-label={t('canvas.sidebar')}>
      {showPalette && (
        <section aria-labelledby="palette-heading">
          <h2 id="palette-heading">{t('canvas.palette.title')}</h2>
          <p className="hint">{t('canvas.palette.hint')}</p>
          <ul className="palette">
            {ENTITY_KINDS.map((k) => (
              <li key={k}>
                <button
                  type="button"
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_KIND, k);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => {
                    onKind(k);
                    openQuickCreate(k);
                  }}
                >
                  <span className={`palette-marker kind-${k}`} aria-hidden="true" />
                  {t(`kind.${k}.one`)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Views />
      <Filters />
    </aside>
  );
}

function Views() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const views = useCanvas((s) => s.views);
  const view = useCanvas((s) => s.view);
  const filters = useCanvas((s) => s.filters);
  const [naming, setNaming] = useState<'new' | 'rename' | null>(null);
  const [name, setName] = useState('');
  const current = views.find((v) => v.id === view);
  const changed = current ? JSON.stringify(current.filters) !== JSON.stringify(filters) : false;

  const submit = async () => {
    const n = name.trim();
    if (!n) return;
    if (naming === 'new') await saveViewAs(n);
    else await updateView(n);
    setNaming(null);
    setName('');
  };

  return (
    <section aria-labelledby="views-heading">
      <h2 id="views-heading">{t('canvas.views.title')}</h2>
      <label htmlFor="canvas-view-select" className="visually-hidden">
        {t('canvas.views.choose')}
      </label>
      <select id="canvas-view-select" value={view} onChange={(e) => switchView(e.target.value)}>
        <option value={MAIN_VIEW}>{t('canvas.views.main')}</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {pickText(v.name, lang)}
          </option>
        ))}
      </select>
      <div className="button-row">
        <button type="button" onClick={() => { setNaming('new'); setName(''); }}>
          {t('canvas.views.saveAs')}
        </button>
        {current && (
          <>
            <button type="button" onClick={() => { setNaming('rename'); setName(pickText(current.name, lang)); }}>
              {t('canvas.views.rename')}
            </button>
            <button type="button" className="danger" onClick={() => void deleteView()}>
              {t('canvas.views.delete')}
            </button>
          </>
        )}
      </div>
      {current && changed && (
        <button type="button" className="primary wide" onClick={() => void updateView()}>
          {t('canvas.views.update')}
        </button>
      )}
      {naming && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor="view-name">{naming === 'new' ? t('canvas.views.newName') : t('canvas.views.rename')}</label>
          <input id="view-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
          <div className="button-row">
            <button type="submit" className="primary" disabled={!name.trim()}>
              {t('action.save')}
            </button>
            <button type="button" onClick={() => setNaming(null)}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function CheckList({ legend, items, checked, onChange, searchable }: { legend: string; items: { id: string; label: string }[]; checked: readonly string[]; onChange(ids: string[]): void; searchable?: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  if (!items.length) return null;
  const shown = q ? items.filter((i) => i.label.toLocaleLowerCase().includes(q.toLocaleLowerCase())) : items;
  const set = new Set(checked);
  return (
    <fieldset className="check-list">
      <legend>
        {legend}
        {checked.length > 0 && <span className="count"> ({checked.length})</span>}
      </legend>
      {searchable && items.length > 8 && (
        <input type="search" aria-label={t('canvas.filters.searchIn', { what: legend })} placeholder={t('canvas.filters.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      )}
      <div className="check-scroll">
        {shown.map((i) => (
          <label key={i.id} className="check">
            <input
              type="checkbox"
              checked={set.has(i.id)}
              onChange={(e) => onChange(e.target.checked ? [...checked, i.id] : checked.filter((x) => x !== i.id))}
            />
            <span>{i.label}</span>
          </label>
        ))}
      </div>
      {checked.length > 0 && (
        <button type="button" className="link-button" onClick={() => onChange([])}>
          {t('canvas.filters.clearOne', { what: legend })}
        </button>
      )}
    </fieldset>
  );
}

function Filters() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const filters = useCanvas((s) => s.filters);
  const set = useCanvas((s) => s.set);
  const entities = useApp((s) => s.entities);
  const selected = useCanvas((s) => s.selected);
  const update = (p: Partial<typeof filters>) => set({ filters: { ...filters, ...p } });
  // No kinds listed means every kind (as visibleIds reads it), so every box is ticked.
  const kinds = filters.kinds.length ? filters.kinds : ENTITY_KINDS;

  const lifeEvents = useMemo(
    () => entities.filter((e) => e.kind === 'lifeEvent').map((e) => ({ id: e.id, label: pickText(e.name, lang) || e.id })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    [entities, lang],
  );
  const organisations = useMemo(
    () => entities.filter((e) => e.kind === 'organisation').map((e) => ({ id: e.id, label: pickText(e.name, lang) || e.id })).sort((a, b) => a.label.localeCompare(b.label, lang)),
    [entities, lang],
  );
  const municipalities = useMemo(() => {
    const codes = new Set<string>();
    for (const e of entities) {
      if ((e.kind === 'organisation' || e.kind === 'persona') && e.municipality) codes.add(e.municipality);
      if (e.kind === 'service' && e.areaType === 'limited') for (const a of e.areas) if (isMunicipality(a)) codes.add(a);
    }
    return [...codes].map((c) => ({ id: c, label: municipalityLabel(c, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  }, [entities, lang]);
  const focusName = filters.focus ? pickText(entities.find((e) => e.id === filters.focus!.id)?.name, lang) : '';

  return (
    <section aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t('canvas.filters.title')}</h2>
      <fieldset className="check-list">
        <legend>{t('canvas.filters.kinds')}</legend>
        {ENTITY_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => update({ kinds: e.target.checked ? ENTITY_KINDS.filter((x) => x === k || kinds.includes(x)) : kinds.filter((x) => x !== k) })}
            />
            <span className={`palette-marker kind-${k}`} aria-hidden="true" />
            <span>{t(`kind.${k}.plural`)}</span>
          </label>
        ))}
      </fieldset>
      <CheckList legend={t('canvas.filters.lifeEvents')} items={lifeEvents} checked={filters.lifeEvents} onChange={(ids) => update({ lifeEvents: ids })} />
      <CheckList legend={t('canvas.filters.organisations')} items={organisations} checked={filters.organisations} onChange={(ids) => update({ organisations: ids })} searchable />
      <CheckList legend={t('canvas.filters.municipalities')} items={municipalities} checked={filters.municipalities} onChange={(ids) => update({ municipalities: ids })} searchable />
      <fieldset className="check-list">
        <legend>{t('canvas.filters.focus')}</legend>
        {filters.focus ? (
          <p className="small">{t('canvas.filters.focusOn', { name: focusName, count: filters.focus.depth })}</p>
        ) : (
          <p className="hint">{t('canvas.filters.focusHint')}</p>
        )}
        <label htmlFor="focus-depth" className="small">
          {t('canvas.filters.depth')}
        </label>
        <select
          id="focus-depth"
          value={filters.focus?.depth ?? 1}
          onChange={(e) => (filters.focus ? update({ focus: { ...filters.focus, depth: Number(e.target.value) } }) : undefined)}
          disabled={!filters.focus}
        >
          {[1, 2, 3, 4, 5, 6].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <div className="button-row">
          <button type="button" disabled={selected.size !== 1} onClick={() => setFocus(filters.focus?.depth ?? 1)}>
            {t('canvas.command.focus')}
          </button>
          {filters.focus && (
            <button type="button" onClick={() => setFocus(null)}>
              {t('canvas.command.unfocus')}
            </button>
          )}
        </div>
      </fieldset>
      {isFiltered(filters) && (
        <button type="button" className="wide" onClick={() => set({ filters: { ...DEFAULT_FILTERS } })}>
          {t('canvas.filters.clear')}
        </button>
      )}
    </section>
  );
}
