import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/route';
import type { EngineAnswer, EngineResult } from './engine-core';
import { useEngineStatus } from './engine';

const fmtScore = (x: number, lang: string) => x.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

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
  const top = answer.results[0]?.score || 1;
  return (
    <div className="tryout-results" aria-labelledby={props.headingId}>
      <p className="muted small tryout-status" role="status" aria-live="polite" aria-atomic="true">
        {t('tryout.status', { count: answer.results.length, eligible: answer.eligible, total: status.services })}
        {props.roundTripMs !== null && <span className="tryout-ms"> · {t('tryout.updated', { ms: Math.max(1, Math.round(props.roundTripMs)) })}</span>}
      </p>
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
                  <span className="rec-score">
                    <span className="score-bar" aria-hidden="true">
                      <span style={{ width: `${Math.max(4, Math.round((100 * r.score) / top))}%` }} />
                    </span>
                    {t('tryout.score', { score: fmtScore(r.score, i18n.language) })}
                  </span>
                </div>
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
