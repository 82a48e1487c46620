import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Entity, type EntityKind, type Language } from '../../../../shared/model';
import { navigate } from '../../app/route';
import { useApp } from '../../app/store';
import { confirmLeave } from '../../app/leaveGuard';
import { EntityPanel } from './EntityPanel';
import { COLUMNS } from './fields';
import { cellText } from './format';
import { useCodes } from './codes';

/** A table of one entity kind with search and sort, and the selected entity's editor beside it. */
export function EntityView({ kind, selectedId }: { kind: EntityKind; selectedId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const all = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const [query, setQuery] = useState('');
  const [sortDesc, setSortDesc] = useState(false);
  const [creating, setCreating] = useState(false);
  const municipalities = useCodes('municipalities');
  const municipalityName = useMemo(() => {
    const m = new Map(municipalities.map((i) => [i.code, i.label[lang] ?? i.label.fi]));
    return (code: string) => m.get(code);
  }, [municipalities, lang]);

  const linkCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const l of links) {
      m.set(l.source, (m.get(l.source) ?? 0) + 1);
      m.set(l.target, (m.get(l.target) ?? 0) + 1);
    }
    return m;
  }, [links]);

  const rows = useMemo(() => {
    const q = query.trim().toLocaleLowerCase(lang);
    const list = all.filter((e) => e.kind === kind);
    const filtered = q
      ? list.filter((e) =>
          [e.name.fi, e.name.sv, e.name.en, e.description?.fi, e.id].some((s) => s?.toLocaleLowerCase(lang).includes(q)),
        )
      : list;
    const sorted = [...filtered].sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang) || a.id.localeCompare(b.id));
    return sortDesc ? sorted.reverse() : sorted;
  }, [all, kind, query, lang, sortDesc]);

  const selected: Entity | undefined = selectedId ? all.find((e) => e.id === selectedId) : undefined;
  const panelOpen = creating || !!selected;
  const cols = COLUMNS[kind];

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
            {t('table.shown', { count: rows.length })}
          </span>
        </div>
        {rows.length === 0 ? (
          <div className="empty-state">
            <p>{query ? t('table.noMatch') : t(`kind.${kind}.empty`)}</p>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t(`kind.${kind}.plural`)}</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={sortDesc ? 'descending' : 'ascending'}>
                    <button type="button" className="sort-button" onClick={() => setSortDesc((d) => !d)}>
                      {t('field.name')} {sortDesc ? '▼' : '▲'}
                    </button>
                  </th>
                  {cols.map((c) => (
                    <th scope="col" key={c}>
                      {t(`field.${c}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('table.links')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} className={e.id === selectedId ? 'selected' : undefined} aria-selected={e.id === selectedId}>
                    <td>
                      <button
                        type="button"
                        className="row-link"
                        onClick={async () => {
                          // The open panel saves first (or stays, showing why it cannot).
                          if (!(await confirmLeave())) return;
                          setCreating(false);
                          navigate({ view: 'entities', kind, id: e.id });
                        }}
                      >
                        {pickText(e.name, lang) || e.id}
                      </button>
                      {'excluded' in e && e.excluded && <span className="badge">{t('field.excluded')}</span>}
                    </td>
                    {cols.map((c) => (
                      <td key={c}>{cellText(e, c, t, municipalityName)}</td>
                    ))}
                    <td className="num">{linkCount.get(e.id) ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {panelOpen && (
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
      )}
    </div>
  );
}
