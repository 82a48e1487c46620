import { useTranslation } from 'react-i18next';
import type { MatchingRunRecord } from '../../../../shared/api/matching';

/** Where a matching run's recommendations came from; an incomplete run says so first and names who is missing. */
export function RunSourceNotice({ record, name }: { record: MatchingRunRecord; name: (id: string) => string }) {
  const { t } = useTranslation();
  const src = record.run.source;
  if (!src) return null;
  return (
    <div className="remote-run-source">
      <p className="muted small">{t('remote.runSource', { endpoint: src.endpoint, limit: src.limit })}</p>
      {!src.complete && (
        <div className="remote-incomplete" role="alert" data-testid="run-incomplete">
          <p>
            <strong>{t('remote.runIncomplete', { count: src.missing.length })}</strong>
          </p>
          <h3>{t('remote.missingHeading')}</h3>
          <ul>
            {src.missing.map((m) => (
              <li key={m.persona}>
                {name(m.persona)}: <span className="small">{m.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {src.unmapped.length > 0 && (
        <details className="remote-unmapped-list">
          <summary>{t('remote.unmappedHeading', { count: src.unmapped.length })}</summary>
          <p className="hint">{t('remote.notMappedHint')}</p>
          <ul>
            {src.unmapped.map((u) => (
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
