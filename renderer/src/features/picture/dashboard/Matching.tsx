import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../app/route';
import { pickText, type Language } from '../../../../../shared/model';
import type { MatchingDigest } from '../../../../../shared/picture';
import { NumbersTable } from '../charts/NumbersTable';
import type { TableData } from '../charts/table-data';
import { fmtDate, fmtNumber, fmtPercent } from '../format';
import type { Names } from '../names';

const TOP = 5;

/** The latest saved matching run: its headline figures and the gaps that leave most people without a service. */
export function MatchingSection({ matching, names, readOnly }: { matching?: MatchingDigest; names: Names; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const head = <h2 id="dash-matching">{t('picture.section.matching')}</h2>;
  if (!matching)
    return (
      <section className="dash-section" aria-labelledby="dash-matching">
        {head}
        <p className="muted">
          {t('picture.matching.none')} {!readOnly && <a href={routeHref({ view: 'matching' })}>{t('picture.matching.goRun')}</a>}
        </p>
      </section>
    );
  const gapName = (g: MatchingDigest['gaps'][number]) => pickText(g.name, lang) || names.entity(g.need);
  const table: TableData = {
    title: t('picture.matching.topGaps', { count: Math.min(TOP, matching.gaps.length) }),
    columns: [{ header: t('picture.matching.need') }, { header: t('picture.matching.people'), kind: 'number' }, { header: t('picture.matching.personas'), kind: 'number' }],
    rows: matching.gaps.slice(0, TOP).map((g) => [gapName(g), g.people, g.personas]),
  };
  return (
    <section className="dash-section" aria-labelledby="dash-matching">
      {head}
      <p className="muted small">
        {t('picture.matching.run', { date: fmtDate(matching.createdAt, lang), label: matching.label ?? '', scope: matching.lifeEventId ? names.entity(matching.lifeEventId) : t('picture.matching.wholeWorkspace') })}
      </p>
      <dl className="figures">
        <div>
          <dt>{t('picture.matching.coverage')}</dt>
          <dd>{fmtPercent(matching.coverage, lang)}</dd>
        </div>
        <div>
          <dt>{t('picture.matching.gaps')}</dt>
          <dd>{fmtNumber(matching.gaps.length, lang)}</dd>
        </div>
        <div>
          <dt>{t('picture.matching.peopleInGaps')}</dt>
          <dd>{fmtNumber(matching.gaps.reduce((s, g) => s + g.people, 0), lang)}</dd>
        </div>
        <div>
          <dt>{t('picture.matching.overlaps')}</dt>
          <dd>{fmtNumber(matching.overlapCount, lang)}</dd>
        </div>
        <div>
          <dt>{t('picture.matching.scope')}</dt>
          <dd className="small">{t('picture.matching.scopeFigures', { personas: matching.personas, needs: matching.needs, services: matching.services })}</dd>
        </div>
      </dl>
      {matching.gaps.length > 0 ? <NumbersTable table={table} /> : <p>{t('picture.matching.noGaps')}</p>}
    </section>
  );
}
