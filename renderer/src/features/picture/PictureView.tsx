import { useTranslation } from 'react-i18next';
import { routeHref, type PictureTab } from '../../app/route';
import { Dashboard } from './Dashboard';
import { ImpactLogic } from './impact/ImpactLogic';
import { ReportButton } from './ReportButton';

const TABS: PictureTab[] = ['dashboard', 'impact'];

/** The leader's situational picture: the dashboard, and the impact logic as its own canvas. */
export function PictureView({ tab }: { tab: PictureTab }) {
  const { t } = useTranslation();
  return (
    <div className="picture-view">
      <h1>{t('picture.title')}</h1>
      <ReportButton />
      <nav aria-label={t('picture.tabs')} className="tabs">
        {TABS.map((k) => (
          <a key={k} href={routeHref({ view: 'picture', tab: k })} aria-current={k === tab ? 'page' : undefined}>
            {t(`picture.tab.${k}`)}
          </a>
        ))}
      </nav>
      {tab === 'impact' ? <ImpactLogic /> : <Dashboard />}
    </div>
  );
}
