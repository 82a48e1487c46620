import { useTranslation } from 'react-i18next';
import type { MatchingRunRecord, RecommenderCodes } from '../../../../shared/api/matching';
import type { Entity, Language } from '../../../../shared/model';
import { Linked } from './Linked';
import { groupLabel, percent } from './names';

interface Props {
  record: MatchingRunRecord;
  byId: Map<string, Entity>;
  name: (id: string) => string;
  codes: RecommenderCodes | null;
}

const fmt = (x: number, lang: string) => x.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Needs some persona has that no service serves well enough: most people first. */
export function Gaps({ record, byId, name }: Props) {
  const { t, i18n } = useTranslation();
  const { gaps } = record.run;
  return (
    <section aria-labelledby="gaps-heading" className="matching-card">
      <h2 id="gaps-heading">{t('matching.gaps', { count: gaps.length })}</h2>
      <p className="hint">{t('matching.gapsHint')}</p>
      {gaps.length === 0 ? (
        <p className="muted">{t('matching.noGaps')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('matching.need')}</th>
              <th scope="col">{t('matching.personas')}</th>
              <th scope="col" className="num">{t('matching.people')}</th>
              <th scope="col">{t('matching.nearest')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.need}>
                <td>
                  <Linked id={g.need} byId={byId} name={name} />
                </td>
                <td>
                  <ul className="plain-list">
                    {g.personas.map((p) => (
                      <li key={p}>
                        <Linked id={p} byId={byId} name={name} />
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num">{g.people.toLocaleString(i18n.language)}</td>
                <td>
                  {g.bestService ? (
                    <>
                      <Linked id={g.bestService} byId={byId} name={name} /> <span className="muted">({fmt(g.bestScore, i18n.language)})</span>
                    </>
                  ) : (
                    <span className="muted">{t('matching.noService')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Needs served by several organisations at once: duplicated supply to discuss. */
export function Overlaps({ record, byId, name }: Props) {
  const { t } = useTranslation();
  const { overlaps, params } = record.run;
  return (
    <section aria-labelledby="overlaps-heading" className="matching-card">
      <h2 id="overlaps-heading">{t('matching.overlaps', { count: overlaps.length })}</h2>
      <p className="hint">{t('matching.overlapsHint', { count: params.overlapMinOrganisations })}</p>
      {overlaps.length === 0 ? (
        <p className="muted">{t('matching.noOverlaps')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('matching.need')}</th>
              <th scope="col">{t('matching.providers')}</th>
              <th scope="col" className="num">{t('matching.services')}</th>
            </tr>
          </thead>
          <tbody>
            {overlaps.map((o) => (
              <tr key={o.need}>
                <td>
                  <Linked id={o.need} byId={byId} name={name} />
                </td>
                <td>
                  {o.organisations.length > 0 && (
                    <ul className="plain-list inline-list" aria-label={t('matching.organisationsCount', { count: o.organisations.length })}>
                      {o.organisations.map((org) => (
                        <li key={org}>
                          <Linked id={org} byId={byId} name={name} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <NoProvider ids={o.noProvider} byId={byId} name={name} />
                </td>
                <td className="num">
                  <details>
                    <summary>{o.services.length}</summary>
                    <ul className="plain-list">
                      {o.services.map((s) => (
                        <li key={s.service}>
                          <Linked id={s.service} byId={byId} name={name} />
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Services that serve no persona's need (by the same rule as overlaps), and capacity against demand where capacity is known. */
export function UnderUse({ record, byId, name }: Props) {
  const { t, i18n } = useTranslation();
  const { underUse, totals } = record.run;
  return (
    <section aria-labelledby="underuse-heading" className="matching-card">
      <h2 id="underuse-heading">{t('matching.underUse')}</h2>
      <p className="hint">{t('matching.underUseHint', { count: underUse.unserved.length, total: totals.services })}</p>
      {underUse.unserved.length > 0 && (
        <ul className="plain-list columns" data-list="unserved">
          {underUse.unserved.map((s) => (
            <li key={s}>
              <Linked id={s} byId={byId} name={name} />
            </li>
          ))}
        </ul>
      )}
      {underUse.capacity.length > 0 && (
        <table className="data-table">
          <caption>{t('matching.capacity')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('matching.service')}</th>
              <th scope="col" className="num">{t('matching.capacityCol')}</th>
              <th scope="col" className="num">{t('matching.demand')}</th>
              <th scope="col" className="num">{t('matching.utilisation')}</th>
              <th scope="col">{t('matching.status')}</th>
            </tr>
          </thead>
          <tbody>
            {underUse.capacity.map((c) => (
              <tr key={c.service}>
                <td>
                  <Linked id={c.service} byId={byId} name={name} />
                </td>
                <td className="num">{c.capacity.toLocaleString(i18n.language)}</td>
                <td className="num">{c.demand.toLocaleString(i18n.language)}</td>
                <td className="num">{percent(c.utilisation, i18n.language)}</td>
                <td>{t(`matching.capacityStatus.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The fewest places (organisations, and services without a provider) each persona has to visit to have its covered needs met. */
export function Counters({ record, byId, name }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="counters-heading" className="matching-card">
      <h2 id="counters-heading">{t('matching.counters')}</h2>
      <p className="hint">{t('matching.countersHint')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('matching.persona')}</th>
            <th scope="col" className="num">{t('matching.counterCount')}</th>
            <th scope="col">{t('matching.whereToGo')}</th>
          </tr>
        </thead>
        <tbody>
          {record.run.counters.map((c) => (
            <tr key={c.persona}>
              <td>
                <Linked id={c.persona} byId={byId} name={name} />
              </td>
              <td className="num">
                {c.count}
                {c.method === 'greedy' && <span className="muted small"> ({t('matching.atLeast', { count: c.lowerBound })})</span>}
              </td>
              <td>
                {c.organisations.length > 0 && (
                  <ul className="plain-list inline-list" aria-label={t('matching.organisationsCount', { count: c.organisations.length })}>
                    {c.organisations.map((o) => (
                      <li key={o}>
                        <Linked id={o} byId={byId} name={name} />
                      </li>
                    ))}
                  </ul>
                )}
                <NoProvider ids={c.noProvider} byId={byId} name={name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Coverage by language, municipality and age group; a group far from the rest is flagged. */
export function Equity({ record, codes }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { equity, params } = record.run;
  return (
    <section aria-labelledby="equity-heading" className="matching-card">
      <h2 id="equity-heading">{t('matching.equity')}</h2>
      <p className="hint">{t('matching.equityHint', { margin: Math.round(params.equityMargin * 100), count: params.equityMinPersonas })}</p>
      <div className="equity-grid">
        {equity.map((d) => (
          <table className="data-table" key={d.dimension}>
            <caption>{t(`matching.dimension.${d.dimension}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matching.group')}</th>
                <th scope="col" className="num">{t('matching.personas')}</th>
                <th scope="col" className="num">{t('matching.people')}</th>
                <th scope="col" className="num">{t('matching.coverage')}</th>
                <th scope="col" className="num">{t('matching.diff')}</th>
              </tr>
            </thead>
            <tbody>
              {d.groups.map((g) => (
                <tr key={g.group} className={g.flagged ? 'flagged' : undefined} data-group={g.group}>
                  <td>
                    {groupLabel(t, d.dimension, g.group, codes, lang)}
                    {g.flagged && <span className="badge badge-warn">⚠ {t('matching.flagged')}</span>}
                    {g.tooSmall && <span className="badge too-small">{t('matching.tooSmall', { count: params.equityMinPersonas })}</span>}
                  </td>
                  <td className="num">{g.personas}</td>
                  <td className="num">{g.people.toLocaleString(lang)}</td>
                  <td className="num">{percent(g.coverage, lang)}</td>
                  <td className="num">{g.diff === null ? '–' : t('matching.points', { value: (g.diff * 100).toLocaleString(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}

/** Serving services no organisation is linked to provide: named as such and counted, never passed off as organisations. */
function NoProvider({ ids, byId, name }: { ids: string[]; byId: Map<string, Entity>; name: (id: string) => string }) {
  const { t } = useTranslation();
  if (!ids.length) return null;
  return (
    <div className="no-provider" data-no-provider={ids.length}>
      <span className="muted">{t('matching.noProvider', { count: ids.length })}</span>{' '}
      <ul className="plain-list inline-list">
        {ids.map((s) => (
          <li key={s}>
            <Linked id={s} byId={byId} name={name} />
          </li>
        ))}
      </ul>
    </div>
  );
}
