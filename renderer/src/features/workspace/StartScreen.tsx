import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentEntry } from '../../../../shared/api/contract';
import { pickText, type Language } from '../../../../shared/model';
import { api } from '../../api';
import { attempt, useApp } from '../../app/store';
import { JoinCourse } from '../course/JoinCourse';

/**
 * Recent workspaces, a new one, the example, or a file by path. Shown when no workspace is open,
 * and (embedded in the app's frame) from the "Start" entry of the navigation.
 */
export function StartScreen({ embedded = false }: { embedded?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  const [name, setName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const refresh = useApp((s) => s.refresh);

  useEffect(() => {
    void attempt(() => api.call('workspace.recent', {})).then((r) => r && setRecent(r));
  }, [t]);

  const run = async (action: () => Promise<unknown>) => {
    const ok = await attempt(action);
    if (ok === undefined) return;
    if (embedded) window.location.hash = '#/overview';
    await refresh();
  };

  const Frame = embedded ? 'div' : 'main';
  return (
    <Frame className={embedded ? 'start start-embedded' : 'start'} id={embedded ? undefined : 'main'}>
      <h1>{t('start.title')}</h1>
      <p className="lead">{t('start.lead')}</p>
      <div className="start-grid">
        <section className="card" aria-labelledby="start-new">
          <h2 id="start-new">{t('start.new')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void run(() => api.call('workspace.create', { name: name.trim(), example: false }));
            }}
          >
            <label htmlFor="new-name">{t('start.name')}</label>
            <input id="new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('start.namePlaceholder')} />
            <button type="submit" className="primary" disabled={!name.trim()}>
              {t('start.create')}
            </button>
          </form>
          <button type="button" onClick={() => run(() => api.call('workspace.create', { example: true }))}>
            {t('start.example')}
          </button>
          <button type="button" onClick={() => run(() => api.call('workspace.create', { example: 'auroraai' }))}>
            {t('start.examplePicture')}
          </button>
        </section>
        <section className="card" aria-labelledby="start-recent">
          <h2 id="start-recent">{t('start.recent')}</h2>
          {recent.length === 0 ? (
            <p className="empty">{t('start.noRecent')}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button type="button" className="link-button" disabled={!r.exists} onClick={() => run(() => api.call('workspace.open', { path: r.path }))}>
                    {pickText(r.title, lang) || r.path.split(/[\\/]/).pop()}
                  </button>
                  <span className="path">{r.path}</span>
                  {!r.exists && <span className="badge">{t('start.missing')}</span>}
                </li>
              ))}
            </ul>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (openPath.trim()) void run(() => api.call('workspace.open', { path: openPath.trim() }));
            }}
          >
            <label htmlFor="open-path">{t('start.openPath')}</label>
            <input id="open-path" value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder="/home/…/työpaja.kohtaanto" />
            <button type="submit" disabled={!openPath.trim()}>
              {t('start.open')}
            </button>
          </form>
        </section>
        <JoinCourse />
      </div>
    </Frame>
  );
}
