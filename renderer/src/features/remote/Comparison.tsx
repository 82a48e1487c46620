import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonRecord, ComparisonSummary } from '../../../../shared/api/remote';
import { pickText, type Language } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, entityIndex, useApp } from '../../app/store';
import { describeError } from '../../i18n/errors';
import { percent } from '../matching/names';
import { openPrivacyNotice, useSourceStatus } from './useRemote';

/** The built-in and the remote recommender side by side on the matching screen: run, pick a saved comparison, read the agreement table. */
export function RecommenderComparison() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const status = useSourceStatus();
  const notify = useApp((s) => s.notify);
  const [list, setList] = useState<ComparisonSummary[] | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [record, setRecord] = useState<ComparisonRecord | null>(null);
  const [k, setK] = useState(10);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const describe = useCallback((e: Parameters<typeof describeError>[1]) => describeError(t, e), [t]);

  const load = useCallback(async () => {
    const r = await attempt(() => api.call('remote.comparisons', {}), describe);
    if (r) setList(r);
  }, [describe]);
  useEffect(() => {
    void load();
    return api.on('workspace.changed', (p) => {
      if (p.method === 'remote.compare' || p.method === 'remote.deleteComparison') void load();
    });
  }, [load]);
  const current = shown && list?.some((c) => c.id === shown) ? shown : (list?.[0]?.id ?? null);
  useEffect(() => {
    if (!current) return setRecord(null);
    if (record?.id === current) return;
    let live = true;
    void attempt(() => api.call('remote.getComparison', { id: current }), describe).then((r) => live && r && setRecord(r));
    return () => {
      live = false;
    };
  }, [current, record?.id, describe]);

  const run = async () => {
    setBusy(true);
    const r = await attempt(() => api.call('remote.compare', { k, ...(label.trim() ? { label: label.trim() } : {}) }), describe);
    setBusy(false);
    if (!r) return;
    setLabel('');
    setRecord(r);
    setShown(r.id);
    void load();
  };
  const remove = async (id: string) => {
    if ((await attempt(() => api.call('remote.deleteComparison', { id }), describe)) === undefined) return;
    notify({ kind: 'info', text: t('remote.comparisonDeleted') });
    setShown(null);
    setRecord(null);
    void load();
  };

  if (!status) return null;
  const remote = status.source.kind === 'remote';
  if (!remote && !list?.length) return null;
  return (
    <section className="matching-card remote-compare" aria-labelledby="remote-compare-heading">
      <h2 id="remote-compare-heading">{t('remote.compareTitle')}</h2>
      <p className="hint">{t('remote.compareLead')}</p>
      {!remote ? (
        <p className="muted">{t('remote.compareNeedsRemote')}</p>
      ) : !status.acknowledged ? (
        <p>
          <span className="field-error">{t('remote.notAcknowledged')}</span>{' '}
          <button type="button" onClick={openPrivacyNotice}>
            {t('remote.readNotice')}
          </button>
        </p>
      ) : (
        <form
          className="remote-compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <div className="field">
            <label htmlFor="remote-k">{t('remote.k')}</label>
            <input id="remote-k" type="number" min={1} max={50} value={k} onChange={(e) => Number.isInteger(Number(e.target.value)) && Number(e.target.value) >= 1 && Number(e.target.value) <= 50 && setK(Number(e.target.value))} />
          </div>
          <div className="field">
            <label htmlFor="remote-compare-label">{t('remote.compareLabel')}</label>
            <input id="remote-compare-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('remote.comparing') : t('remote.compareRun')}
            </button>
          </div>
        </form>
      )}
      {list && list.length > 0 && (
        <div className="field remote-saved">
          <label htmlFor="remote-saved">{t('remote.saved_comparisons')}</label>
          <select id="remote-saved" value={current ?? ''} onChange={(e) => setShown(e.target.value)}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {t('remote.comparisonOption', { when: new Date(c.createdAt).toLocaleString(lang), endpoint: c.endpoint })}
                {c.label ? ` · ${c.label}` : ''}
                {c.complete ? '' : ' ⚠'}
              </option>
            ))}
          </select>
          {current && (
            <button type="button" onClick={() => void remove(current)}>
              {t('remote.deleteComparison')}
            </button>
          )}
        </div>
      )}
      {list && list.length === 0 && remote && <p className="muted">{t('remote.noComparisons')}</p>}
      {record && <AgreementTable record={record} />}
    </section>
  );
}

function AgreementTable({ record }: { record: ComparisonRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const entities = useApp((s) => s.entities);
  const byId = entityIndex(entities);
  const c = record.comparison;
  const name = (id: string) => pickText(byId.get(id)?.name, lang) || pickText(record.names[id], lang) || id;
  const num = (x: number | null) => (x === null ? '—' : x.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const services = (ids: string[]) =>
    ids.length ? (
      <ul className="plain-list">
        {ids.map((id) => (
          <li key={id}>
            {name(id)}
            {id.startsWith('ptv:') && <span className="remote-unmapped"> ({t('remote.notMapped')})</span>}
          </li>
        ))}
      </ul>
    ) : (
      '—'
    );
  return (
    <div className="remote-agreement">
      {!c.complete && (
        <div className="remote-incomplete" role="alert" data-testid="comparison-incomplete">
          <p>
            <strong>{t('remote.incompleteComparison', { count: c.missing.length })}</strong>
          </p>
          <ul>
            {c.missing.map((m) => (
              <li key={m.persona}>
                {name(m.persona)}: <span className="small">{m.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint" id="remote-formula">
        {t('remote.formula')}
      </p>
      {/* Wide on a laptop: the wrapper scrolls, and can take focus so the keyboard can scroll it too. */}
      <div className="remote-table-wrap" tabIndex={0} role="region" aria-label={t('remote.agreementTable')}>
        <table className="data-table remote-agreement-table" aria-describedby="remote-formula">
          <caption>{t('remote.agreementTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('remote.persona')}</th>
              <th scope="col">{t('remote.overlap', { k: c.k })}</th>
              <th scope="col">{t('remote.tau')}</th>
              <th scope="col">{t('remote.coverageBuiltin')}</th>
              <th scope="col">{t('remote.coverageRemote')}</th>
              <th scope="col">{t('remote.countersBuiltin')}</th>
              <th scope="col">{t('remote.countersRemote')}</th>
              <th scope="col">{t('remote.onlyBuiltin')}</th>
              <th scope="col">{t('remote.onlyRemote')}</th>
            </tr>
          </thead>
          <tbody>
            {c.personas.map((p) => (
              <tr key={p.persona} data-persona={p.persona}>
                <th scope="row">{name(p.persona)}</th>
                <td data-col="overlap">{num(p.overlap)}</td>
                <td data-col="tau">{num(p.tau)}</td>
                <td>{percent(p.coverage.builtin, lang)}</td>
                <td>{percent(p.coverage.remote, lang)}</td>
                <td>{p.counters.builtin}</td>
                <td>{p.counters.remote}</td>
                <td>{services(p.onlyBuiltin)}</td>
                <td>{services(p.onlyRemote)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-persona="total">
              <th scope="row">{t('remote.allPersonas', { count: c.totals.personas })}</th>
              <td data-col="overlap">{num(c.totals.overlap)}</td>
              <td data-col="tau">{num(c.totals.tau)}</td>
              <td>{percent(c.totals.builtin.coverage, lang, 1)}</td>
              <td>{percent(c.totals.remote.coverage, lang, 1)}</td>
              <td>{c.totals.builtin.counters}</td>
              <td>{c.totals.remote.counters}</td>
              <td colSpan={2}>{t('remote.gaps', { builtin: c.totals.builtin.gaps.length, remote: c.totals.remote.gaps.length })}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {c.unmapped.length > 0 && (
        <details className="remote-unmapped-list">
          <summary>{t('remote.unmappedHeading', { count: c.unmapped.length })}</summary>
          <p className="hint">{t('remote.notMappedHint')}</p>
          <ul>
            {c.unmapped.map((u) => (
              <li key={u.ptvId}>
                {u.name} <span className="muted small">(PTV {u.ptvId}; {t('remote.unmappedFor', { count: u.personas.length })})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
