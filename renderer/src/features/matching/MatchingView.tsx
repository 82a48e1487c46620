import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingComparison, MatchingRunRecord, MatchingRunSummary } from '../../../../shared/api/matching';
import { DEFAULT_MATCHING_PARAMS } from '../../../../shared/matching';
import { pickText, type Entity, type Language, type LifeEvent } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { ExportRunButton } from '../io/ExportRunButton';
import { useRecommenderCodes } from '../tryout/engine';
import { ChangeChart, CoverageChart } from './charts';
import { Heatmap } from './Heatmap';
import { percent, runNames } from './names';
import { Counters, Equity, Gaps, Overlaps, UnderUse } from './RunDetails';
import { RecommenderComparison } from '../remote/Comparison';
import { RunSourceNotice } from '../remote/RunSourceNotice';
import { SourcePanel } from '../remote/SourcePanel';
import './matching.css';

/** The matching screen: run the analysis, read the latest (or any saved) run, compare two runs. */
export function MatchingView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const byId = entityIndex(entities);
  const codes = useRecommenderCodes();
  const [runs, setRuns] = useState<MatchingRunSummary[] | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const [record, setRecord] = useState<MatchingRunRecord | null>(null);
  const describe = useCallback((e: Parameters<typeof describeError>[1]) => describeError(t, e), [t]);

  // Lists can come back out of order (a run here, another on a workshop laptop): only the latest request counts.
  const requests = useRef(0);
  const loadRuns = useCallback(async () => {
    const mine = ++requests.current;
    const list = await attempt(() => api.call('matching.runs', {}), describe);
    if (list && mine === requests.current) setRuns(list);
  }, [describe]);

  useEffect(() => {
    void loadRuns();
    // Another laptop in the workshop may run or delete an analysis: follow it.
    return api.on('workspace.changed', (p) => {
      if (p.method.startsWith('matching.')) void loadRuns();
    });
  }, [loadRuns]);

  const current = shownId && runs?.some((r) => r.id === shownId) ? shownId : (runs?.[0]?.id ?? null);
  useEffect(() => {
    if (!current) return setRecord(null);
    if (record?.id === current) return;
    let live = true;
    void attempt(() => api.call('matching.get', { id: current }), describe).then((r) => live && r && setRecord(r));
    return () => {
      live = false;
    };
  }, [current, record?.id, describe]);

  const name = useMemo(() => runNames(byId, record, lang), [byId, record, lang]);
  const lifeEvents = useMemo(
    () => entities.filter((e): e is LifeEvent => e.kind === 'lifeEvent').sort((a, b) => pickText(a.name, lang).localeCompare(pickText(b.name, lang), lang)),
    [entities, lang],
  );

  return (
    <div className="page matching-page">
      <h1>{t('matching.title')}</h1>
      <p className="muted matching-lead">{t('matching.lead')}</p>
      <SourcePanel />
      <RunForm
        lifeEvents={lifeEvents}
        onRun={(r) => {
          // The new run is listed at once, so it stays shown while the list reloads.
          const { run: _run, names: _names, ...summary } = r;
          setRuns((list) => [summary, ...(list ?? []).filter((x) => x.id !== r.id)]);
          setShownId(r.id);
          setRecord(r);
          void loadRuns();
        }}
      />
      {runs && runs.length === 0 && (
        <div className="empty-state">
          <p>{t('matching.noRuns')}</p>
        </div>
      )}
      {record && <RunView record={record} byId={byId} name={name} codes={codes} />}
      <RecommenderComparison />
      {runs && runs.length > 0 && (
        <History runs={runs} shownId={current} onShow={setShownId} onDeleted={() => void loadRuns()} byId={byId} lang={lang} />
      )}
    </div>
  );
}

function RunForm({ lifeEvents, onRun }: { lifeEvents: LifeEvent[]; onRun(r: MatchingRunRecord): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [lifeEventId, setLifeEventId] = useState('');
  const [threshold, setThreshold] = useState(0.5);
  const [fit, setFit] = useState(0.3);
  const [equityMin, setEquityMin] = useState(DEFAULT_MATCHING_PARAMS.equityMinPersonas);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await attempt(
      () =>
        api.call('matching.run', {
          ...(lifeEventId ? { lifeEventId } : {}),
          threshold,
          personalFitWeight: fit,
          equityMinPersonas: equityMin,
          ...(label.trim() ? { label: label.trim() } : {}),
        }),
      (e) => describeError(t, e),
    );
    setBusy(false);
    if (r) {
      setLabel('');
      onRun(r);
    }
  };
  const fmt = (x: number) => x.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <form
      className="matching-form"
      aria-labelledby="matching-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <h2 id="matching-form-heading" className="visually-hidden">
        {t('matching.newRun')}
      </h2>
      <div className="field">
        <label htmlFor="matching-scope">{t('matching.scope')}</label>
        <select id="matching-scope" value={lifeEventId} onChange={(e) => setLifeEventId(e.target.value)}>
          <option value="">{t('matching.wholeWorkspace')}</option>
          {lifeEvents.map((le) => (
            <option key={le.id} value={le.id}>
              {pickText(le.name, lang) || le.id}
            </option>
          ))}
        </select>
      </div>
      <SliderField id="matching-threshold" label={t('matching.threshold')} hint={t('matching.thresholdHint')} min={0.05} max={1} step={0.05} value={threshold} onChange={setThreshold} format={fmt} />
      <div className="field">
        <label htmlFor="matching-equity-min">{t('matching.equityMin')}</label>
        <input
          id="matching-equity-min"
          type="number"
          min={1}
          max={1000}
          step={1}
          value={equityMin}
          aria-describedby="matching-equity-min-hint"
          // An emptied or invalid box keeps the last valid size rather than sending nonsense.
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isInteger(v) && v >= 1 && v <= 1000) setEquityMin(v);
          }}
        />
        <p className="hint" id="matching-equity-min-hint">
          {t('matching.equityMinHint')}
        </p>
      </div>
      <SliderField id="matching-fit" label={t('matching.fitWeight')} hint={t('matching.fitWeightHint')} min={0} max={1} step={0.1} value={fit} onChange={setFit} format={fmt} />
      <div className="field">
        <label htmlFor="matching-label">{t('matching.label')}</label>
        <input id="matching-label" value={label} maxLength={200} placeholder={t('matching.labelPlaceholder')} onChange={(e) => setLabel(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('matching.running') : t('matching.run')}
        </button>
      </div>
    </form>
  );
}

function Figure({ id, value, label }: { id: string; value: string; label: string }) {
  return (
    <li className="matching-figure" data-figure={id}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </li>
  );
}

function scopeText(t: ReturnType<typeof useTranslation>['t'], r: { params: { lifeEventId?: string } }, name: (id: string) => string) {
  return r.params.lifeEventId ? name(r.params.lifeEventId) : t('matching.wholeWorkspace');
}

function RunView({ record, byId, name, codes }: { record: MatchingRunRecord; byId: Map<string, Entity>; name: (id: string) => string; codes: ReturnType<typeof useRecommenderCodes> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { run } = record;
  const when = new Date(record.createdAt).toLocaleString(lang);
  const chart = run.personas.map((p) => ({ name: name(p.persona), value: Math.round(p.coverage * 1000) / 10 }));
  return (
    <section className="matching-run" aria-labelledby="run-heading">
      <h2 id="run-heading">
        {t('matching.runHeading', { when, scope: scopeText(t, record, name) })}
        {record.label && <span className="run-label"> · {record.label}</span>}
      </h2>
      <p className="muted small">
        {t('matching.params', {
          threshold: run.params.threshold.toLocaleString(lang),
          fit: run.params.personalFitWeight.toLocaleString(lang),
          equityMin: run.params.equityMinPersonas,
          weighting: run.weighting === 'importance' ? t('matching.weightImportance') : t('matching.weightPeople'),
        })}
      </p>
      <RunSourceNotice record={record} name={name} />
      <ExportRunButton runId={record.id} />
      <ul className="matching-figures">
        <Figure id="coverage" value={percent(run.totals.coverage, lang, 1)} label={t('matching.figCoverage')} />
        <Figure id="covered" value={`${run.totals.covered} / ${run.totals.personaNeeds}`} label={t('matching.figCovered')} />
        <Figure id="gaps" value={String(run.gaps.length)} label={t('matching.figGaps')} />
        <Figure id="overlaps" value={String(run.overlaps.length)} label={t('matching.figOverlaps')} />
        <Figure id="unused" value={String(run.underUse.unserved.length)} label={t('matching.figUnused')} />
        <Figure id="equity" value={String(record.equityFlags)} label={t('matching.figEquity')} />
        <Figure id="people" value={run.totals.people.toLocaleString(lang)} label={t('matching.figPeople')} />
      </ul>
      <div className="matching-two">
        <section className="matching-card" aria-labelledby="coverage-chart-heading">
          <h2 id="coverage-chart-heading">{t('matching.coverageChart')}</h2>
          <figure className="chart" aria-describedby="coverage-chart-note">
            <CoverageChart data={chart} label={t('matching.coverage')} />
            <figcaption id="coverage-chart-note" className="hint">
              {t('matching.chartNote')}
            </figcaption>
          </figure>
        </section>
        <Counters record={record} byId={byId} name={name} codes={codes} />
      </div>
      <section className="matching-card" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">{t('matching.heatmap')}</h2>
        <p className="hint">{t('matching.heatmapHint')}</p>
        <Heatmap record={record} byId={byId} name={name} />
      </section>
      <div className="matching-two">
        <Gaps record={record} byId={byId} name={name} codes={codes} />
        <Overlaps record={record} byId={byId} name={name} codes={codes} />
      </div>
      <div className="matching-two">
        <Equity record={record} byId={byId} name={name} codes={codes} />
        <UnderUse record={record} byId={byId} name={name} codes={codes} />
      </div>
    </section>
  );
}

function History(props: { runs: MatchingRunSummary[]; shownId: string | null; onShow(id: string): void; onDeleted(): void; byId: Map<string, Entity>; lang: Language }) {
  const { t } = useTranslation();
  const { runs, lang } = props;
  const name = (id: string) => pickText(props.byId.get(id)?.name, lang) || id;
  const [a, setA] = useState<string>('');
  const [b, setB] = useState<string>('');
  const [confirm, setConfirm] = useState<string | null>(null);
  const [cmp, setCmp] = useState<MatchingComparison | null>(null);
  // Default comparison: the run before the latest against the latest.
  const before = runs.some((r) => r.id === a) ? a : (runs[1]?.id ?? runs[0].id);
  const after = runs.some((r) => r.id === b) ? b : runs[0].id;
  const label = (r: MatchingRunSummary) =>
    `${new Date(r.createdAt).toLocaleString(lang)} · ${r.params.lifeEventId ? name(r.params.lifeEventId) : t('matching.wholeWorkspace')} · ${t('matching.thresholdShort', { value: r.params.threshold.toLocaleString(lang) })}${r.label ? ` · ${r.label}` : ''}`;

  const compare = async () => {
    const r = await attempt(() => api.call('matching.compare', { a: before, b: after, language: lang }));
    if (r) setCmp(r);
  };
  const remove = async (id: string) => {
    const r = await attempt(() => api.call('matching.deleteRun', { id }));
    setConfirm(null);
    if (r === null) {
      if (cmp && (cmp.a.id === id || cmp.b.id === id)) setCmp(null);
      props.onDeleted();
    }
  };

  return (
    <section className="matching-card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('matching.history', { count: runs.length })}</h2>
      <div className="table-scroll history-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('matching.when')}</th>
              <th scope="col">{t('matching.scope')}</th>
              <th scope="col" className="num">{t('matching.threshold')}</th>
              <th scope="col" className="num">{t('matching.coverage')}</th>
              <th scope="col" className="num">{t('matching.gapsCol')}</th>
              <th scope="col">{t('matching.label')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('matching.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className={r.id === props.shownId ? 'selected' : undefined} aria-current={r.id === props.shownId ? 'true' : undefined}>
                <td>{new Date(r.createdAt).toLocaleString(lang)}</td>
                <td>{r.params.lifeEventId ? name(r.params.lifeEventId) : t('matching.wholeWorkspace')}</td>
                <td className="num">{r.params.threshold.toLocaleString(lang)}</td>
                <td className="num">{percent(r.totals.coverage, lang, 1)}</td>
                <td className="num">{r.gaps}</td>
                <td>{r.label ?? ''}</td>
                <td>
                  <div className="row-actions">
                  <button type="button" onClick={() => props.onShow(r.id)} disabled={r.id === props.shownId}>
                    {t('matching.show')}
                  </button>
                  {confirm === r.id ? (
                    <button type="button" className="danger" onClick={() => void remove(r.id)} autoFocus>
                      {t('matching.confirmDelete')}
                    </button>
                  ) : (
                    <button type="button" className="danger" onClick={() => setConfirm(r.id)} aria-label={t('matching.deleteRun', { when: new Date(r.createdAt).toLocaleString(lang) })}>
                      {t('action.delete')}
                    </button>
                  )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('matching.compare')}</h3>
      <div className="compare-form">
        <RunSelect id="compare-a" label={t('matching.before')} runs={runs} value={before} onChange={setA} describe={label} />
        <RunSelect id="compare-b" label={t('matching.after')} runs={runs} value={after} onChange={setB} describe={label} />
        <button type="button" className="primary" onClick={() => void compare()} disabled={before === after}>
          {t('matching.compareButton')}
        </button>
      </div>
      {cmp && <Comparison cmp={cmp} />}
    </section>
  );
}

function Comparison({ cmp }: { cmp: MatchingComparison }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const delta = cmp.coverage.delta * 100;
  return (
    <div className="comparison">
      <p className="comparison-summary" aria-live="polite">
        {t('matching.coverageChange', {
          before: percent(cmp.coverage.before, lang, 1),
          after: percent(cmp.coverage.after, lang, 1),
          delta: delta.toLocaleString(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }),
        })}
      </p>
      {cmp.paramsChanged.length > 0 && (
        <p className="muted small">{t('matching.paramsChanged', { params: cmp.paramsChanged.map((p) => t(`matching.param.${p}`, { defaultValue: p })).join(', ') })}</p>
      )}
      <div className="matching-two">
        <section aria-labelledby="improved-heading">
          <h4 id="improved-heading" className="improved">▲ {t('matching.improved', { count: cmp.improved.length })}</h4>
          <ChangeList items={cmp.improved} />
        </section>
        <section aria-labelledby="worsened-heading">
          <h4 id="worsened-heading" className="worsened">▼ {t('matching.worsened', { count: cmp.worsened.length })}</h4>
          <ChangeList items={cmp.worsened} />
        </section>
      </div>
      {cmp.unchanged.length > 0 && (
        <section aria-labelledby="unchanged-heading">
          <h4 id="unchanged-heading" className="unchanged">= {t('matching.unchanged', { count: cmp.unchanged.length })}</h4>
          <p className="hint">{t('matching.unchangedHint')}</p>
          <ChangeList items={cmp.unchanged} />
        </section>
      )}
      <figure className="chart" aria-describedby="change-chart-note">
        <ChangeChart
          data={cmp.personas.map((p) => ({ name: p.name, before: p.before === null ? null : Math.round(p.before * 1000) / 10, after: p.after === null ? null : Math.round(p.after * 1000) / 10 }))}
          before={t('matching.before')}
          after={t('matching.after')}
        />
        <figcaption id="change-chart-note" className="hint">
          {t('matching.changeChartNote')}
        </figcaption>
      </figure>
      <table className="data-table compact">
        <caption className="visually-hidden">{t('matching.changeChartNote')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matching.persona')}</th>
            <th scope="col" className="num">{t('matching.before')}</th>
            <th scope="col" className="num">{t('matching.after')}</th>
          </tr>
        </thead>
        <tbody>
          {cmp.personas.map((p) => (
            <tr key={p.persona}>
              <td>{p.name}</td>
              <td className="num">{percent(p.before, lang, 1)}</td>
              <td className="num">{percent(p.after, lang, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Changes as sentences; a long list shows its first items and keeps the rest one click away. */
function ChangeList({ items }: { items: { text: string }[] }) {
  const { t } = useTranslation();
  const FIRST = 8;
  if (!items.length) return <p className="muted">{t('matching.nothing')}</p>;
  return (
    <>
      <ul className="change-list">
        {items.slice(0, FIRST).map((c, i) => (
          <li key={i}>{c.text}</li>
        ))}
      </ul>
      {items.length > FIRST && (
        <details className="change-more">
          <summary>{t('matching.moreChanges', { count: items.length - FIRST })}</summary>
          <ul className="change-list">
            {items.slice(FIRST).map((c, i) => (
              <li key={i}>{c.text}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** A labelled range input with its value and a hint, as the matching parameters use. */
function SliderField(props: { id: string; label: string; hint: string; min: number; max: number; step: number; value: number; onChange(v: number): void; format(v: number): string }) {
  return (
    <div className="field slider-field">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="slider-line">
        <input id={props.id} type="range" min={props.min} max={props.max} step={props.step} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} aria-describedby={`${props.id}-hint`} />
        <output htmlFor={props.id}>{props.format(props.value)}</output>
      </div>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
    </div>
  );
}

/** One side of a run comparison: a labelled choice among the saved runs. */
function RunSelect<R extends { id: string }>(props: { id: string; label: string; runs: R[]; value: string; onChange(id: string): void; describe(r: R): string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.runs.map((r) => (
          <option key={r.id} value={r.id}>
            {props.describe(r)}
          </option>
        ))}
      </select>
    </div>
  );
}
