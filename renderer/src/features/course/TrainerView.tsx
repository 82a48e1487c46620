import './course.css';
import { useTranslation } from 'react-i18next';
import { routeHref, type CourseTab } from '../../app/route';
import { Author } from './Author';
import { Collect } from './Collect';

const TABS: CourseTab[] = ['author', 'collect'];

/** Trainer mode: author a pack from the open workspace, or collect and compare participants' work. */
export default function TrainerView({ tab }: { tab: CourseTab }) {
  const { t } = useTranslation();
  return (
    <div className="course-trainer">
      <header className="course-trainer-head">
        <h1>{t('course.ui.trainer.title')}</h1>
        <nav className="course-tabs" aria-label={t('course.ui.trainer.tabs')}>
          {TABS.map((k) => (
            <a key={k} href={routeHref({ view: 'course', tab: k })} aria-current={tab === k ? 'page' : undefined}>
              {t(`course.ui.trainer.tab.${k}`)}
            </a>
          ))}
        </nav>
      </header>
      <div className="course-trainer-body">{tab === 'author' ? <Author /> : <Collect />}</div>
    </div>
  );
}
