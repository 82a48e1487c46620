import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestLogEntry } from '../../../../shared/api/remote';
import { api } from '../../api';
import { attempt } from '../../app/store';

/** What was sent to remote recommenders, when, and with which outcome: newest first. */
export function RequestLog() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<RequestLogEntry[] | null>(null);
  const load = useCallback(async () => {
    const r = await attempt(() => api.call('remote.log', { limit: 200 }));
    if (r) setEntries(r);
  }, [t]);
  useEffect(() => {
    void load();
    return api.on('workspace.changed', (p) => {
      if (p.method.startsWith('remote.') || p.method === 'matching.run') void load();
    });
  }, [load]);
  const clear = async () => {
    if ((await attempt(() => api.call('remote.clearLog', {}))) !== undefined) void load();
  };
  if (!entries) return null;
  return (
    <section className="remote-log" aria-labelledby="remote-log-heading">
      <h3 id="remote-log-heading">{t('remote.logTitle')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('remote.logEmpty')}</p>
      ) : (
        <>
          <div className="remote-table-wrap" tabIndex={0} role="region" aria-labelledby="remote-log-heading">
            <table className="data-table remote-log-table">
              <thead>
                <tr>
                  <th scope="col">{t('remote.logAt')}</th>
                  <th scope="col">{t('remote.logOperation')}</th>
                  <th scope="col">{t('remote.logAttempt')}</th>
                  <th scope="col">{t('remote.logStatus')}</th>
                  <th scope="col">{t('remote.logOutcome')}</th>
                  <th scope="col">{t('remote.logMs')}</th>
                  <th scope="col">{t('remote.logBody')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-outcome={e.outcome}>
                    <td>{new Date(e.at).toLocaleString(i18n.language)}</td>
                    <td>
                      <code>{e.operation}</code>
                    </td>
                    <td>{e.attempt}</td>
                    <td>{e.status ?? '—'}</td>
                    <td>
                      {t(`remote.outcome_${e.outcome}`)}
                      {e.message && <div className="small muted">{e.message}</div>}
                    </td>
                    <td>{e.ms}</td>
                    <td>
                      <details>
                        <summary>{t('remote.logBody')}</summary>
                        <pre className="remote-body">{JSON.stringify(e.body, null, 1)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <button type="button" onClick={() => void clear()}>
              {t('remote.logClear')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
