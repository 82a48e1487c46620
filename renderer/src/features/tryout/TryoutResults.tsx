import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/route';
import type { EngineAnswer, EngineResult } from './engine-core';
import { useEngineStatus } from './engine';

/**
 * The score in whole percent, the one scale the bar, the API (as 0–1) and the CLI share. Rounded
 * down: the score never reaches 1, and 99.6 % must not read "100 %".
 */
const pctOf = (x: number) => Math.floor(100 * Math.min(1, Math.max(0, x)));
const fmtScore = (x: number, lang: string) => (pctOf(x) / 100).toLocaleString(lang, { style: 'percent', maximumFractionDigits: 0 });

/** A ranked list of recommended services, each with its score and the reasons in sentences. */
export function TryoutResults(props: {
  answer: EngineAnswer | null;
  roundTripMs: number | null;
  error: string | null;
  expected?: ReadonlySet<string>;
  /** Reasons shown before "more reasons" (the persona panel is narrow). */
  reasons?: number;
  headingId: string;
}) {
  const { t, i18n } = useTranslation();
  const status = useEngineStatus();
  const { answer } = props;
  const shown = props.reasons ?? 3;
  if (status.state === 'error' || props.error) return <p className="field-error">{t('tryout.engineError', { message: props.error ?? status.error })}</p>;
  if (!answer) return <p className="muted" role="status">{status.state === 'building' || status.state === 'idle' ? t('tryout.building') : t('tryout.waiting')}</p>;
  return (
    <div className="tryout-results" aria-labelledby={props.headingId}>
      <p className="muted small tryout-status" role="status" aria-live="polite" aria-atomic="true">
        {t('tryout.status', { count: answer.results.length, eligible: answer.eligible.toLocaleString(i18n.language), total: status.services.toLocaleString(i18n.language) })}
        {props.roundTripMs !== null && <span className="tryout-ms"> · {t('tryout.updated', { ms: Math.max(1, Math.round(props.roundTripMs)) })}</span>}
      </p>
      {answer.notes.length > 0 && (
        <ul className="tryout-notes" aria-label={t('tryout.notes')}>
          {answer.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {answer.results.length > 0 && (
        <details className="rec-more tryout-scale">
          <summary>{t('tryout.scoreHelpTitle')}</summary>
          <p className="small">{t('tryout.scoreHelp')}</p>
        </details>
      )}
      {answer.results.length === 0 ? (
        <p className="empty-state">{t('tryout.none')}</p>
      ) : (
        <ol className="rec-list">
          {answer.results.map((r) => {
            const more = r.sentences.slice(shown);
            return (
              <li key={r.serviceId} className="rec-item" data-service-id={r.serviceId}>
                <div className="rec-head">
                  <span className="rec-rank" aria-hidden="true">
                    {r.rank}.
                  </span>
                  <a className="rec-name" href={routeHref({ view: 'entities', kind: 'service', id: r.serviceId })}>
                    {r.name}
                  </a>
                  {props.expected?.has(r.serviceId) && <span className="badge badge-ok">{t('tryout.expected')}</span>}
                  <span className="rec-score" title={t('tryout.scoreHelp')}>
                    <span className="score-bar" aria-hidden="true">
                      <span style={{ width: `${pctOf(r.score)}%` }} />
                    </span>
                    {t('tryout.score', { score: fmtScore(r.score, i18n.language) })}
                  </span>
                </div>
                {r.duplicates.length > 0 && (
                  <p className="small muted rec-duplicates" title={t('tryout.duplicatesHelp', { ids: r.duplicates.join(', ') })}>
                    {t('tryout.duplicates', { count: r.duplicates.length })}
                  </p>
                )}
                <MeterChips parts={r.parts} />
                <ul className="rec-why">
                  {r.sentences.slice(0, shown).map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ul>
                {more.length > 0 && (
                  <details className="rec-more">
                    <summary>{t('tryout.moreReasons', { count: more.length })}</summary>
                    <ul className="rec-why">
                      {more.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

/**
 * The meters that lifted a result, with the values they have now: the quickest way to see what a
 * slider just did, since the full reasons list needs and meters together.
 */
function MeterChips({ parts }: { parts: EngineResult['parts'] }) {
  const { t } = useTranslation();
  const meters = parts.filter((p): p is Extract<EngineResult['parts'][number], { kind: 'meter' }> => p.kind === 'meter');
  if (!meters.length) return null;
  return (
    <p className="meter-chips">
      <span className="visually-hidden">{t('tryout.metersThatCount')}: </span>
      {meters.map((p) => (
        <span key={p.meter} className={`meter-chip ${p.source}`} title={p.source === 'label' ? t('tryout.labelled') : t('tryout.inferredChip')}>
          {t(`meter.${p.meter}`)} {p.value}/10
          <span className="visually-hidden"> ({p.source === 'label' ? t('tryout.labelled') : t('tryout.inferredChip')})</span>
        </span>
      ))}
    </p>
  );
}
