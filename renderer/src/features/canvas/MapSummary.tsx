import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import { entityIndex, useApp } from '../../app/store';
import { useCodes } from '../entities/codes';
import { fitShown } from './actions';
import { useCanvas } from './canvasStore';
import { SUMMARY_GROUPINGS, type SummaryGrouping } from './graph';
import { kindCounts, UNGROUPED, type SummaryGroup } from './summary';

/** Groups listed at most; a grouping with more (service classes of a whole country) says how many are left out. */
const LIST_AT_MOST = 300;

/**
 * A large view's summary: its groups (by life event, organisation or service class) with their
 * counts, each opened onto the map on demand. While nothing is open it fills the map's place;
 * then it stands beside the groups drawn.
 */
export function MapSummary() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const shown = useCanvas((s) => s.summaryShown);
  const summary = useCanvas((s) => s.summary);
  const entities = useApp((s) => s.entities);
  const byId = useMemo(() => entityIndex(entities), [entities]);
  const classes = useCodes(shown?.by === 'serviceClass' ? 'serviceClasses' : undefined);
  const classNames = useMemo(() => new Map(classes.map((c) => [c.code, pickText(c.label, lang)])), [classes, lang]);
  const painted = useRef(false);

  useEffect(() => {
    if (!shown || painted.current) return;
    painted.current = true;
    // The summary's first frame: what bench/canvas-scale.ts times against a full draw.
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('kohtaanto:canvas-summary-ready')));
  }, [shown]);

  if (!shown) return null;
  const open = new Set(summary.expanded);
  const nameOf = (g: SummaryGroup): string => {
    if (g.key === UNGROUPED) return t('mapSummary.ungrouped');
    if (g.key.startsWith('class:')) {
      const code = g.key.slice('class:'.length);
      const name = classNames.get(code);
      return name ? `${name} (${code})` : code;
    }
    const head = byId.get(g.key);
    return head ? pickText(head.name, lang) || head.id : g.key;
  };
  const toggle = (key: string) => {
    const expanded = open.has(key) ? summary.expanded.filter((k) => k !== key) : [...summary.expanded, key];
    useCanvas.getState().set({ summary: { ...summary, expanded } });
    if (expanded.length) fitShown({ duration: 250 });
  };
  const setBy = (by: SummaryGrouping) => useCanvas.getState().set({ summary: { by, expanded: [], all: false } });
  const listed = shown.groups.slice(0, LIST_AT_MOST);
  const nf = new Intl.NumberFormat(lang);

  return (
    <section className={`map-summary${summary.expanded.length ? ' beside' : ''}`} aria-labelledby="map-summary-title">
      <h2 id="map-summary-title">{t('mapSummary.title')}</h2>
      <p className="map-summary-lead">{t('mapSummary.lead', { count: shown.total, total: nf.format(shown.total), groups: nf.format(shown.groups.length) })}</p>
      <div className="map-summary-controls">
        <label>
          {t('mapSummary.groupBy')}{' '}
          <select value={shown.by} onChange={(e) => setBy(e.target.value as SummaryGrouping)}>
            {SUMMARY_GROUPINGS.map((by) => (
              <option key={by} value={by}>
                {t(`mapSummary.by.${by}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => useCanvas.getState().set({ summary: { ...summary, all: true } })}>
          {t('mapSummary.showAll', { total: nf.format(shown.total) })}
        </button>
      </div>
      <ul className="map-summary-groups">
        {listed.map((g) => {
          const name = nameOf(g);
          const counts = kindCounts(g).map(([k, n]) => `${t(`kind.${k}.plural`)} ${nf.format(n)}`).join(' · ');
          return (
            <li key={g.key}>
              <button
                type="button"
                aria-pressed={open.has(g.key)}
                title={t(open.has(g.key) ? 'mapSummary.collapse' : 'mapSummary.expand', { name, total: nf.format(g.total) })}
                onClick={() => toggle(g.key)}
              >
                <span className="map-summary-name">{name}</span>
                <span className="map-summary-total">{nf.format(g.total)}</span>
                <span className="map-summary-counts">{counts}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {shown.groups.length > listed.length && <p className="muted">{t('mapSummary.more', { count: shown.groups.length - listed.length })}</p>}
    </section>
  );
}
