import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { pickText, type Language } from '../../../../../shared/model';
import type { Goal, Indicator, IndicatorSummary, PictureItem, StatusResult } from '../../../../../shared/picture';
import { Disclosure } from '../charts/Disclosure';
import { NumbersTable } from '../charts/NumbersTable';
import type { TableData } from '../charts/table-data';
import { fmtDate, fmtNumber, fmtPercent } from '../format';
import type { Names } from '../names';
import type { EditTarget } from '../editors/targets';
import { Sparkline } from './Sparkline';

const withUnit = (v: number, unit: string, lang: Language) => (unit ? `${fmtNumber(v, lang)} ${unit}` : fmtNumber(v, lang));

/** The status rule with the numbers it used, in words: never a bare traffic light. */
export function ruleText(t: TFunction, ind: Indicator, s: StatusResult, lang: Language): string {
  if (s.status === 'noData') return t(`picture.rule.noData.${s.reason ?? 'noMeasurements'}`);
  const u = (v: number) => withUnit(v, ind.unit, lang);
  return t('picture.rule.text', {
    expected: u(s.expected!),
    date: fmtDate(s.latest!.date, lang),
    shortfall: u(Math.max(0, s.shortfall!)),
    ahead: u(Math.max(0, -s.shortfall!)),
    allowed: u(s.allowed!),
    tolerance: fmtPercent(ind.tolerance, lang),
    context: s.shortfall! > 0 ? 'behind' : 'ahead',
  });
}

export function StatusBadge({ status }: { status: StatusResult['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-${status}`}>
      <span className="status-mark" aria-hidden="true" />
      {t(`picture.status.${status}`)}
    </span>
  );
}

function IndicatorRow({ ind, s, names, readOnly, onEdit }: { ind: Indicator; s?: IndicatorSummary; names: Names; readOnly: boolean; onEdit(t: EditTarget): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const name = pickText(ind.name, lang) || ind.id;
  const status = s?.status ?? { status: 'noData' as const, reason: 'noMeasurements' as const };
  const latest = status.latest;
  const measurements = (): TableData => ({
    title: t('picture.indicator.measurementsOf', { name }),
    columns: [{ header: t('picture.field.date') }, { header: ind.unit ? `${t('picture.field.value')} (${ind.unit})` : t('picture.field.value'), kind: 'number' }, { header: t('picture.field.note') }, { header: t('picture.field.source') }],
    rows: [...ind.measurements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((m) => [m.date, m.value, m.note ?? null, m.source ?? null]),
  });
  return (
    <li className="indicator-row" data-indicator={ind.id}>
      <div className="indicator-head">
        <h4 className="indicator-name">{name}</h4>
        <StatusBadge status={status.status} />
        {!readOnly && (
          <button type="button" className="small-button" onClick={() => onEdit({ kind: 'indicator', id: ind.id })} aria-label={t('picture.action.editNamed', { name })}>
            {t('picture.action.edit')}
          </button>
        )}
      </div>
      <div className="indicator-body">
        <Sparkline measurements={ind.measurements} baseline={ind.baseline} target={ind.target} />
        <dl className="indicator-figures">
          <div>
            <dt>{t('picture.indicator.latest')}</dt>
            <dd>{latest ? `${withUnit(latest.value, ind.unit, lang)} (${fmtDate(latest.date, lang)})` : '–'}</dd>
          </div>
          <div>
            <dt>{t('picture.indicator.target')}</dt>
            <dd>{ind.target ? `${withUnit(ind.target.value, ind.unit, lang)} (${fmtDate(ind.target.date, lang)})` : '–'}</dd>
          </div>
          <div>
            <dt>{t('picture.indicator.baseline')}</dt>
            <dd>{ind.baseline ? `${withUnit(ind.baseline.value, ind.unit, lang)} (${fmtDate(ind.baseline.date, lang)})` : '–'}</dd>
          </div>
          {status.progress !== undefined && (
            <div>
              <dt>{t('picture.indicator.progress')}</dt>
              <dd>{fmtPercent(status.progress, lang, 0)}</dd>
            </div>
          )}
        </dl>
      </div>
      <p className="rule">
        <span className="rule-label">{t('picture.rule.label')}: </span>
        {ruleText(t, ind, status, lang)}
      </p>
      <p className="indicator-meta muted small">
        {[ind.direction === 'higher' ? t('picture.direction.higher') : t('picture.direction.lower'), ind.owner && `${t('picture.field.owner')}: ${names.entity(ind.owner)}`, ind.dataSource && `${t('picture.field.dataSource')}: ${ind.dataSource}`]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {ind.measurements.length > 0 && (
        <Disclosure className="chart-numbers" summary={t('picture.indicator.showMeasurements', { count: ind.measurements.length })}>
          {() => <NumbersTable table={measurements()} captionHidden />}
        </Disclosure>
      )}
    </li>
  );
}

/** Goal cards, each with the indicators that measure it (directly or through an impact box of the goal). */
export function GoalsSection({ items, indicators, names, readOnly, onEdit }: { items: readonly PictureItem[]; indicators: readonly IndicatorSummary[]; names: Names; readOnly: boolean; onEdit(t: EditTarget): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const goals = items.filter((i): i is Goal => i.kind === 'goal');
  const inds = items.filter((i): i is Indicator => i.kind === 'indicator');
  const statusById = new Map(indicators.map((s) => [s.id, s]));
  const goalOf = (ind: Indicator): string | undefined => {
    if (!ind.measures) return undefined;
    const m = names.byId.get(ind.measures);
    if (m?.kind === 'goal') return m.id;
    if (m?.kind === 'impactBox') return m.goal;
    return undefined;
  };
  const groups = new Map<string | undefined, Indicator[]>();
  for (const ind of inds) {
    const g = goalOf(ind);
    const key = g && goals.some((x) => x.id === g) ? g : undefined;
    groups.set(key, [...(groups.get(key) ?? []), ind]);
  }
  const counts = { onTrack: 0, atRisk: 0, offTrack: 0, noData: 0 };
  for (const s of indicators) counts[s.status.status]++;
  const list = (xs: Indicator[] | undefined) =>
    xs?.length ? (
      <ul className="indicator-list">
        {xs.map((ind) => (
          <IndicatorRow key={ind.id} ind={ind} s={statusById.get(ind.id)} names={names} readOnly={readOnly} onEdit={onEdit} />
        ))}
      </ul>
    ) : (
      <p className="muted small">{t('picture.goal.noIndicators')}</p>
    );
  return (
    <section className="dash-section" aria-labelledby="dash-goals">
      <div className="section-head">
        <h2 id="dash-goals">{t('picture.section.goals')}</h2>
        {!readOnly && (
          <div className="section-actions">
            <button type="button" onClick={() => onEdit({ kind: 'goal' })}>
              {t('picture.action.newGoal')}
            </button>
            <button type="button" onClick={() => onEdit({ kind: 'indicator' })}>
              {t('picture.action.newIndicator')}
            </button>
          </div>
        )}
      </div>
      {inds.length > 0 && (
        <p className="status-counts" aria-label={t('picture.goal.statusCounts')}>
          {(['onTrack', 'atRisk', 'offTrack', 'noData'] as const).map((k) => (
            <span key={k} className={`status-count status-${k}`}>
              <span className="status-mark" aria-hidden="true" />
              {t(`picture.status.${k}`)}: <strong>{counts[k]}</strong>
            </span>
          ))}
        </p>
      )}
      {goals.length === 0 && inds.length === 0 && <p className="muted">{t('picture.goal.none')}</p>}
      <div className="goal-cards">
        {goals.map((g) => {
          const name = pickText(g.name, lang) || g.id;
          return (
            <article key={g.id} className="goal-card" aria-labelledby={`goal-${g.id}`}>
              <div className="goal-head">
                <h3 id={`goal-${g.id}`}>{name}</h3>
                {!readOnly && (
                  <span className="section-actions">
                    <button type="button" className="small-button" onClick={() => onEdit({ kind: 'indicator', goal: g.id })} aria-label={t('picture.action.newIndicatorFor', { name })}>
                      {t('picture.action.addIndicator')}
                    </button>
                    <button type="button" className="small-button" onClick={() => onEdit({ kind: 'goal', id: g.id })} aria-label={t('picture.action.editNamed', { name })}>
                      {t('picture.action.edit')}
                    </button>
                  </span>
                )}
              </div>
              {pickText(g.description, lang) && <p className="goal-description">{pickText(g.description, lang)}</p>}
              {list(groups.get(g.id))}
            </article>
          );
        })}
        {groups.get(undefined)?.length ? (
          <article className="goal-card other" aria-labelledby="goal-none">
            <h3 id="goal-none">{t('picture.goal.other')}</h3>
            {list(groups.get(undefined))}
          </article>
        ) : null}
      </div>
    </section>
  );
}
