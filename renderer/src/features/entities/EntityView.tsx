import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySort } from '../../../../shared/api/entities';
import { pickText, type Entity, type EntityKind, type Language } from '../../../../shared/model';
import { navigate } from '../../app/route';
import { useApp } from '../../app/store';
import { CatalogueGate } from '../../app/CatalogueGate';
import { confirmLeave } from '../../app/leaveGuard';
import { EntityPanel } from './EntityPanel';
import { COLUMNS } from './fields';
import { cellText } from './format';
import { useCodes } from './codes';
import { VirtualTable } from './VirtualTable';
import { useEntityPages } from './useEntityPages';

/**
 * A table of one entity kind with search and sort, and the selected entity's editor beside it.
 * The rows come a page at a time from the backend (searched and sorted there), and only the rows
 * in view are drawn, so a table of 50,000 services costs what a table of 50 does.
 */
export function EntityView({ kind, selectedId }: { kind: EntityKind; selectedId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = (['fi', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'fi') as Language;
  // Only the selected entity: an edit of another one (of 50,000) does not draw the table again.
  const stored = useApp((s) => (selectedId ? s.entities.find((e) => e.id === selectedId) : undefined));
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: EntitySort; dir: 'asc' | 'desc' }>({ key: 'name', dir: 'asc' });
  const [creating, setCreating] = useState(false);
  const municipalities = useCodes('municipalities');
  const municipalityName = useMemo(() => {
    const m = new Map(municipalities.map((i) => [i.code, i.label[lang] ?? i.label.fi]));
    return (code: string) => m.get(code);
  }, [municipalities, lang]);

  const pages = useEntityPages({ kind, search: query, sort: sort.key, dir: sort.dir, lang, selectedId });

  // The editor needs the whole entity: from the window's store, or the row the table fetched.
  const selected: Entity | undefined = selectedId ? (stored ?? pages.rowById(selectedId)?.entity) : undefined;
  const panelOpen = creating || !!selected;
  const cols = COLUMNS[kind];

  const open = async (id: string) => {
    // The open panel saves first (or stays, showing why it cannot).
    if (!(await confirmLeave())) return;
    setCreating(false);
    navigate({ view: 'entities', kind, id });
  };
  const sortBy = (key: EntitySort) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  const header = (key: EntitySort, label: string, className?: string) => (
    <th scope="col" key={key} className={className} aria-sort={sort.key === key ? (sort.dir === 'desc' ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="sort-button" onClick={() => sortBy(key)}>
        {label} {sort.key === key ? (sort.dir === 'desc' ? '▼' : '▲') : ''}
      </button>
    </th>
  );

  return (
    <div className={`entity-view ${panelOpen ? 'with-panel' : ''}`}>
      <section className="table-pane" aria-labelledby="entity-heading">
        <div className="pane-header">
          <h1 id="entity-heading">{t(`kind.${kind}.plural`)}</h1>
          <button
            type="button"
            className="primary"
            onClick={async () => {
              if (!(await confirmLeave())) return;
              setCreating(true);
              navigate({ view: 'entities', kind });
            }}
          >
            + {t(`kind.${kind}.new`)}
          </button>
        </div>
        <div className="filter-row">
          <label htmlFor="entity-search" className="visually-hidden">
            {t('table.search')}
          </label>
          <input id="entity-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('table.search')} />
          <span className="muted" aria-live="polite">
            {pages.loaded ? t('table.shown', { count: pages.total }) : ''}
          </span>
        </div>
        {pages.loaded && pages.total === 0 ? (
          <div className="empty-state">
            <p>{query.trim() ? t('table.noMatch') : t(`kind.${kind}.empty`)}</p>
          </div>
        ) : (
          <VirtualTable
            caption={t(`kind.${kind}.plural`)}
            total={pages.total}
            columnCount={cols.length + 2}
            scrollTo={pages.scrollTo}
            resetKey={pages.queryKey}
            onRange={pages.setRange}
            head={
              <tr>
                {header('name', t('field.name'))}
                {cols.map((c) => header(c as EntitySort, t(`field.${c}`)))}
                {header('links', t('table.links'), 'num')}
              </tr>
            }
            row={(index) => {
              const r = pages.row(index);
              if (!r) {
                return (
                  <tr key={`pending-${index}`} className="pending" aria-rowindex={index + 2}>
                    <td colSpan={cols.length + 2}>
                      <span className="visually-hidden">…</span>
                    </td>
                  </tr>
                );
              }
              const e = r.entity;
              return (
                <tr key={e.id} className={e.id === selectedId ? 'selected' : undefined} aria-selected={e.id === selectedId} aria-rowindex={index + 2}>
                  <td>
                    <button type="button" className="row-link" data-row={index} onClick={() => open(e.id)}>
                      {pickText(e.name, lang) || e.id}
                    </button>
                    {'excluded' in e && e.excluded && <span className="badge">{t('field.excluded')}</span>}
                  </td>
                  {cols.map((c) => (
                    <td key={c}>{cellText(e, c, t, municipalityName)}</td>
                  ))}
                  <td className="num">{r.links}</td>
                </tr>
              );
            }}
          />
        )}
      </section>
      {panelOpen && (
        // Its links and pickers need the whole catalogue.
        <CatalogueGate>
          <EntityPanel
            key={creating ? `new-${kind}` : selected!.id}
            kind={kind}
            entity={creating ? undefined : selected}
            onClose={() => {
              setCreating(false);
              navigate({ view: 'entities', kind });
            }}
            onSaved={(id) => {
              setCreating(false);
              navigate({ view: 'entities', kind, id });
            }}
          />
        </CatalogueGate>
      )}
    </div>
  );
}
