import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, pickText, type EntityKind, type Language } from '../../../../shared/model';
import { entityIndex, useApp } from '../../app/store';
import { jumpTo, runAnalysis } from './actions';
import type { NodeMetrics } from './analysis';
import { useCanvas, type ColourBy, type SizeBy } from './canvasStore';

type SortKey = 'name' | 'kind' | 'degree' | 'betweenness' | 'broker' | 'component' | 'community' | 'isolated';
const NUMERIC: SortKey[] = ['degree', 'betweenness', 'broker', 'component', 'community'];
/** Rows shown at once; the rest behind "show more", so a 2,000-node table opens quickly. */
const PAGE = 200;

/** Overlay choices: what node halo size and fill show on the map. */
export function OverlayControls() {
  const { t } = useTranslation();
  const overlay = useCanvas((s) => s.overlay);
  const set = useCanvas((s) => s.set);
  const change = (p: Partial<typeof overlay>) => {
    const next = { ...overlay, ...p };
    set({ overlay: next });
    if (next.size !== 'none' || next.colour !== 'kind') void runAnalysis();
  };
  return (
    <div className="overlay-controls">
      <label htmlFor="overlay-size">{t('canvas.overlay.size')}</label>
      <select id="overlay-size" value={overlay.size} onChange={(e) => change({ size: e.target.value as SizeBy })}>
        {(['none', 'degree', 'betweenness', 'broker'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`canvas.overlay.sizeBy.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="overlay-colour">{t('canvas.overlay.colour')}</label>
      <select id="overlay-colour" value={overlay.colour} onChange={(e) => change({ colour: e.target.value as ColourBy })}>
        {(['kind', 'community', 'component'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`canvas.overlay.colourBy.${k}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Network analysis of what the view shows: a summary and a sortable table; a row leads to its node. */
export function AnalysisView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const analysis = useCanvas((s) => s.analysis);
  const analysing = useCanvas((s) => s.analysing);
  const filters = useCanvas((s) => s.filters);
  const entities = useApp((s) => s.entities);
  const links = useApp((s) => s.links);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'betweenness', desc: true });
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const byId = entityIndex(entities);
  const fmt = (v: number, digits = 3) => v.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });

  // Recomputed whenever what the view shows changes.
  useEffect(() => {
    void runAnalysis();
  }, [entities, links, filters]);

  const rows = useMemo(() => {
    if (!analysis) return [];
    const name = (m: NodeMetrics) => pickText(byId.get(m.id)?.name, lang) || m.id;
    const list = analysis.nodes.filter((m) => byId.has(m.id) && (!kind || m.kind === kind));
    const dir = sort.desc ? -1 : 1;
    return list.sort((a, b) => {
      let c = 0;
      if (sort.key === 'name') c = name(a).localeCompare(name(b), lang);
      else if (sort.key === 'kind') c = ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind);
      else if (sort.key === 'isolated') c = Number(a.isolated) - Number(b.isolated);
      else c = ((a[sort.key] as number | null) ?? -1) - ((b[sort.key] as number | null) ?? -1);
      return c * dir || name(a).localeCompare(name(b), lang);
    });
  }, [analysis, sort, kind, byId, lang]);

  const header = (key: SortKey, label: string) => (
    <th scope="col" className={NUMERIC.includes(key) ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : NUMERIC.includes(key) }))}>
        {label} {sort.key === key ? (sort.desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );

  return (
    <div className="analysis page">
      <h2>{t('canvas.analysis.title')}</h2>
      <p className="muted">{t('canvas.analysis.lead')}</p>
      <OverlayControls />
      {analysing && !analysis && (
        <p role="status" className="muted">
          {t('canvas.analysis.running')}
        </p>
      )}
      {analysis && (
        <>
          <ul className="analysis-summary">
            <li>
              <strong>{analysis.components}</strong> {t('canvas.analysis.components', { count: analysis.components })}
            </li>
            <li>
              <strong>{analysis.communities}</strong> {t('canvas.analysis.communities', { count: analysis.communities })} ({t('canvas.analysis.modularity')} {fmt(analysis.modularity, 2)})
            </li>
            <li>
              <strong>{analysis.isolatedOrganisations.length}</strong> {t('canvas.analysis.isolated', { count: analysis.isolatedOrganisations.length })}
              {analysis.isolatedOrganisations.length > 0 && `: ${analysis.isolatedOrganisations.slice(0, 8).map((id) => pickText(byId.get(id)?.name, lang)).join(', ')}${analysis.isolatedOrganisations.length > 8 ? ' …' : ''}`}
            </li>
          </ul>
          <div className="filter-row">
            <label htmlFor="analysis-kind">{t('canvas.analysis.showKind')}</label>
            <select id="analysis-kind" value={kind} onChange={(e) => setKind(e.target.value as EntityKind | '')}>
              <option value="">{t('canvas.analysis.allKinds')}</option>
              {ENTITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}.plural`)}
                </option>
              ))}
            </select>
            <span className="muted" aria-live="polite">
              {t('table.shown', { count: rows.length })}
            </span>
          </div>
          <div className="table-scroll">
            <table className="data-table analysis-table">
              <caption className="visually-hidden">{t('canvas.analysis.title')}</caption>
              <thead>
                <tr>
                  {header('name', t('field.name'))}
                  {header('kind', t('canvas.analysis.kind'))}
                  {header('degree', t('canvas.analysis.degree'))}
                  {header('betweenness', t('canvas.analysis.betweenness'))}
                  {header('broker', t('canvas.analysis.broker'))}
                  {header('component', t('canvas.analysis.component'))}
                  {header('community', t('canvas.analysis.community'))}
                  {header('isolated', t('canvas.analysis.isolatedCol'))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, limit).map((m) => (
                  <tr key={m.id}>
                    <td>
                      <button type="button" className="row-link" onClick={() => jumpTo(m.id)} aria-label={t('canvas.analysis.focusNamed', { name: pickText(byId.get(m.id)?.name, lang) || m.id })}>
                        {pickText(byId.get(m.id)?.name, lang) || m.id}
                      </button>
                    </td>
                    <td className="nowrap">
                      <span className={`palette-marker kind-${m.kind}`} aria-hidden="true" /> {t(`kind.${m.kind}.one`)}
                    </td>
                    <td className="num">{m.degree}</td>
                    <td className="num">{fmt(m.betweenness)}</td>
                    <td className="num">{m.broker === null ? '—' : fmt(m.broker)}</td>
                    <td className="num">{m.component}</td>
                    <td className="num">{m.community}</td>
                    <td>{m.isolated ? t('canvas.analysis.yes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > limit && (
            <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
              {t('canvas.analysis.more', { count: Math.min(PAGE, rows.length - limit) })}
            </button>
          )}
          <p className="hint">{t('canvas.analysis.explain')}</p>
        </>
      )}
    </div>
  );
}
