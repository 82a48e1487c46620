import { useTranslation } from 'react-i18next';
import { pickText, type Language } from '../../../../shared/model';
import type { Indicator } from '../../../../shared/picture';
import { usePicture } from './usePicture';

/** The leader's dashboard: goals with their indicators, each with its status and latest value. */
export function Dashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const { items, summary } = usePicture();
  if (!items || !summary) return <p>{t('app.loading')}</p>;
  if (items.length === 0) return <p className="empty">{t('picture.empty')}</p>;
  const indicators = new Map(items.filter((i): i is Indicator => i.kind === 'indicator').map((i) => [i.id, i]));
  return (
    <section data-testid="picture-dashboard-ready">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('picture.col.indicator')}</th>
            <th scope="col">{t('picture.col.latest')}</th>
            <th scope="col">{t('picture.col.target')}</th>
            <th scope="col">{t('picture.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.indicators.map((s) => {
            const ind = indicators.get(s.id);
            return (
              <tr key={s.id}>
                <th scope="row">{ind ? pickText(ind.name, lang) : s.id}</th>
                <td>{s.status.latest ? `${s.status.latest.value} (${s.status.latest.date})` : '–'}</td>
                <td>{ind?.target ? `${ind.target.value} (${ind.target.date})` : '–'}</td>
                <td>{t(`picture.status.${s.status.status}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
