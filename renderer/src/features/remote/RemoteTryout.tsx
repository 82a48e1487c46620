import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteRecommendResult } from '../../../../shared/api/remote';
import type { Language, MeterValues } from '../../../../shared/model';
import { AppError } from '../../../../shared/api/result';
import { api } from '../../api';
import { routeHref } from '../../app/route';
import { useApp } from '../../app/store';
import { openPrivacyNotice, useSourceStatus } from './useRemote';

export interface RemoteQuery {
  meters: MeterValues;
  municipality: string;
  ageMin: number | null;
  ageMax: number | null;
  text: string;
}

/**
 * The try-out's results when the workspace's source is a remote recommender. Asked on a button
 * press, not at every slider move: each question is a request to someone else's service.
 */
export function RemoteTryout({ query, headingId }: { query: RemoteQuery; headingId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const status = useSourceStatus();
  const notify = useApp((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RemoteRecommendResult | null>(null);
  const [fault, setFault] = useState<string | null>(null);
  if (!status || status.source.kind !== 'remote') return null;
  const ask = async () => {
    setBusy(true);
    setFault(null);
    try {
      const r = await api.call('remote.recommend', {
        persona: {
          meters: query.meters,
          municipality: query.municipality || null,
          ...(query.ageMin !== null ? { ageMin: query.ageMin } : {}),
          ...(query.ageMax !== null ? { ageMax: query.ageMax } : {}),
        },
        ...(query.text.trim() ? { text: query.text } : {}),
        language: lang,
      });
      setResult(r);
    } catch (err) {
      const message = err instanceof AppError || err instanceof Error ? err.message : String(err);
      setResult(null);
      setFault(t('remote.fault', { message }));
      notify({ kind: 'error', text: t('remote.fault', { message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="remote-tryout">
      <p className="hint">{t('remote.tryoutHint', { endpoint: status.source.baseUrl })}</p>
      {!status.acknowledged ? (
        <>
          <p className="field-error">{t('remote.notAcknowledged')}</p>
          <button type="button" className="primary" onClick={openPrivacyNotice}>
            {t('remote.readNotice')}
          </button>
        </>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => void ask()}>
          {busy ? t('remote.tryoutAsking') : t('remote.tryoutAsk')}
        </button>
      )}
      {fault && (
        <p className="field-error" role="alert">
          {fault}
        </p>
      )}
      {result && (
        <>
          <p aria-live="polite">
            {result.services.length ? t('remote.tryoutSummary', { count: result.services.length, mapped: result.mapped, unmapped: result.unmapped }) : t('remote.tryoutNone')}
          </p>
          {result.services.length > 0 && (
            <table className="data-table remote-results" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('remote.rank')}</th>
                  <th scope="col">{t('remote.service')}</th>
                  <th scope="col">{t('remote.similarity')}</th>
                  <th scope="col">{t('remote.inWorkspace')}</th>
                </tr>
              </thead>
              <tbody>
                {result.services.map((s) => (
                  <tr key={`${s.rank}-${s.ptvId}`} data-mapped={s.serviceId ? 'yes' : 'no'}>
                    <td>{s.rank}</td>
                    <td>{s.serviceId ? <a href={routeHref({ view: 'entities', kind: 'service', id: s.serviceId })}>{s.name}</a> : s.name}</td>
                    <td>{s.score === null ? '—' : s.score.toLocaleString(lang, { maximumFractionDigits: 3 })}</td>
                    <td>{s.serviceId ? '✓' : <span className="remote-unmapped" title={t('remote.notMappedHint')}>{t('remote.notMapped')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.unmapped > 0 && <p className="hint">{t('remote.notMappedHint')}</p>}
          <details>
            <summary>{t('remote.sent')}</summary>
            <pre className="remote-body">{JSON.stringify(result.sent, null, 1)}</pre>
          </details>
        </>
      )}
    </div>
  );
}
