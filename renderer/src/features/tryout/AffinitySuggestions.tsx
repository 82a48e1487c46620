import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceSchema, type Service } from '../../../../shared/model';
import { useSuggestions } from './engine';
import './tryout.css';

const pct = (x: number) => `${Math.round(x * 100)}\u00a0%`;

/** A draft as a service the model can read: defaults filled in, a placeholder name while it has none. */
function asService(draft: Record<string, unknown>): Service | null {
  const name = draft.name as Record<string, string> | undefined;
  const hasName = !!name && Object.values(name).some((v) => v?.trim());
  const r = ServiceSchema.safeParse({ ...draft, id: (draft.id as string) || 'draft', kind: 'service', name: hasName ? name : { fi: '-' } });
  return r.success ? r.data : null;
}

/**
 * Beside the facilitator's per-meter labels in a service's form: what the recommender infers for
 * each meter, with its confidence and the words behind it, and a button to take the suggestion.
 */
export function AffinitySuggestions({ draft, onUse }: { draft: Record<string, unknown>; onUse(meterAffinities: Service['meterAffinities']): void }) {
  const { t } = useTranslation();
  const service = useMemo(() => asService(draft), [draft]);
  const suggestions = useSuggestions(service);
  const labels = (draft.meterAffinities ?? {}) as Record<string, number | undefined>;
  if (!service) return null;
  return (
    <section className="affinity-suggestions" aria-labelledby="affinity-suggestions-heading">
      <h3 id="affinity-suggestions-heading">{t('tryout.suggestTitle')}</h3>
      <p className="hint">{t('tryout.suggestHint')}</p>
      {!suggestions ? (
        <p className="muted small" role="status">
          {t('tryout.building')}
        </p>
      ) : (
        <table className="data-table compact suggestion-table">
          <caption className="visually-hidden">{t('tryout.suggestTitle')}</caption>
          <colgroup>
            <col className="c-meter" />
            <col className="c-label" />
            <col />
            <col className="c-action" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('tryout.meter')}</th>
              <th scope="col">{t('tryout.yourLabel')}</th>
              <th scope="col">{t('tryout.inferred')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tryout.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => {
              const relevant = s.probability >= 0.5;
              const confidence = relevant ? s.probability : 1 - s.probability;
              const label = labels[s.meter];
              const suggested = relevant ? 1 : 0;
              const agrees = label !== undefined && (label >= 0.5) === relevant;
              return (
                <tr key={s.meter} className={label !== undefined && !agrees ? 'disagrees' : undefined}>
                  <th scope="row">{t(`meter.${s.meter}`)}</th>
                  <td>{label === undefined ? t('affinity.unknown') : label >= 1 ? t('affinity.strong') : label > 0 ? t('affinity.some') : t('affinity.none')}</td>
                  <td>
                    <span className={relevant ? 'suggest-yes' : 'suggest-no'}>{relevant ? t('affinity.strong') : t('affinity.none')}</span>
                    <span className="suggest-confidence">{t('tryout.confidence', { value: pct(confidence) })}</span>
                    {label !== undefined && !agrees && <span className="badge badge-warn">{t('tryout.disagrees')}</span>}
                    {s.words.length > 0 && <span className="suggest-words">{t('tryout.words', { words: s.words.join(', ') })}</span>}
                    {s.examples.positive === 0 && <span className="suggest-words">{t('tryout.priorOnly')}</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small-button"
                      disabled={label === suggested}
                      aria-label={t('tryout.useFor', { meter: t(`meter.${s.meter}`) })}
                      onClick={() => onUse({ ...labels, [s.meter]: suggested } as Service['meterAffinities'])}
                    >
                      {t('tryout.use')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
