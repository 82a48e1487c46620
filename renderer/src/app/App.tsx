import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, pickText, type Language } from '../../../shared/model';
import { api, transport } from '../api';
import { CanvasScreen } from '../features/canvas';
import { EntityView } from '../features/entities/EntityView';
import { MatchingView } from '../features/matching/MatchingView';
import { TryoutView } from '../features/tryout/TryoutView';
import { Overview } from '../features/overview/Overview';
import { StartScreen } from '../features/workspace/StartScreen';
import { WorkspaceMenu } from '../features/workspace/WorkspaceMenu';
import { ImportDialog } from '../features/io/ImportDialog';
import { useImportDialog } from '../features/io/importStore';
import { DuplicatesDialog } from '../features/duplicates/DuplicatesDialog';
import { setLanguage, SUPPORTED } from '../i18n';
import { COMMANDS, findCommand, inTextField, shortcutOf } from './commands';
import { routeHref, useRoute } from './route';
import { useApp } from './store';

function useLiveWorkspace(): void {
  const refresh = useApp((s) => s.refresh);
  const notify = useApp((s) => s.notify);
  const { t } = useTranslation();
  useEffect(() => {
    refresh().catch((e: Error) => notify({ kind: 'error', text: t('error.generic', { message: e.message }) }));
    const off = api.on('workspace.changed', () => {
      refresh().catch((e: Error) => notify({ kind: 'error', text: t('error.generic', { message: e.message }) }));
    });
    // The desktop menu sends its commands as events through the same bridge.
    const offMenu = transport.on('menu.command', (p) => {
      const cmd = COMMANDS.find((c) => c.id === (p as { command: string }).command);
      if (cmd?.enabled()) void cmd.perform(t);
    });
    return () => {
      off();
      offMenu();
    };
  }, [refresh, notify, t]);
}

function useShortcuts(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inTextField(e.target)) return;
      const cmd = findCommand(shortcutOf(e));
      if (!cmd) return;
      e.preventDefault();
      if (cmd.enabled()) void cmd.perform(t);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);
}

/** Files dropped anywhere on the window open the import dialog with them. */
function useFileDrop(enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!e.relatedTarget) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) useImportDialog.getState().show(files);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);
  return over;
}

function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const notify = useApp((s) => s.notify);
  const { t } = useTranslation();
  useEffect(() => {
    if (notice?.kind === 'info') {
      const timer = setTimeout(() => notify(null), 4000);
      return () => clearTimeout(timer);
    }
  }, [notice, notify]);
  return (
    <div className="notice-area" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          <span>{notice.text}</span>
          <button type="button" className="icon-button" onClick={() => notify(null)} aria-label={t('action.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} aria-label={t('app.language')}>
        {SUPPORTED.map((l) => (
          <option key={l} value={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function UndoRedo() {
  const { t } = useTranslation();
  const history = useApp((s) => s.history);
  const [undo, redo] = COMMANDS;
  return (
    <div className="toolbar-group" role="group" aria-label={t('app.history')}>
      <button type="button" onClick={() => undo.perform(t)} disabled={!history.canUndo} title={`${t('command.undo')} (Ctrl+Z)`}>
        ↶ {t('command.undo')}
      </button>
      <button type="button" onClick={() => redo.perform(t)} disabled={!history.canRedo} title={`${t('command.redo')} (Ctrl+Shift+Z)`}>
        ↷ {t('command.redo')}
      </button>
    </div>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info)!;
  const entities = useApp((s) => s.entities);
  const route = useRoute();
  const lang = i18n.language as Language;
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const title = pickText(info.title, lang) || info.path.split(/[\\/]/).pop();
  const dropping = useFileDrop(true);

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand" aria-hidden="true">
          Kohtaanto
        </div>
        <div className="ws-title" title={info.path}>
          {title}
        </div>
        <UndoRedo />
        <div className="spacer" />
        <WorkspaceMenu />
        <LanguageSwitch />
      </header>
      <nav className="sidenav" aria-label={t('app.navigation')}>
        <ul>
          <li>
            <a href={routeHref({ view: 'overview' })} aria-current={route.view === 'overview' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">◎</span>
              {t('nav.overview')}
            </a>
          </li>
          <li>
            <a href={routeHref({ view: 'canvas', mode: 'map' })} aria-current={route.view === 'canvas' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">☍</span>
              {t('canvas.nav')}
            </a>
          </li>
          {ENTITY_KINDS.map((k) => (
            <li key={k}>
              <a href={routeHref({ view: 'entities', kind: k })} aria-current={route.view === 'entities' && route.kind === k ? 'page' : undefined}>
                <span className={`nav-icon kind-${k}`} aria-hidden="true" />
                <span className="nav-label">{t(`kind.${k}.plural`)}</span>
                <span className="count">{counts.get(k) ?? 0}</span>
              </a>
            </li>
          ))}
          <li className="nav-section">
            <a href={routeHref({ view: 'tryout' })} aria-current={route.view === 'tryout' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">◐</span>
              <span className="nav-label">{t('tryout.nav')}</span>
            </a>
          </li>
          <li>
            <a href={routeHref({ view: 'matching' })} aria-current={route.view === 'matching' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">▦</span>
              <span className="nav-label">{t('matching.nav')}</span>
            </a>
          </li>
        </ul>
      </nav>
      <main className="content" id="main">
        {route.view === 'overview' ? <Overview /> : route.view === 'canvas' ? <CanvasScreen route={route} /> : route.view === 'matching' ? <MatchingView /> : route.view === 'tryout' ? <TryoutView personaId={route.id} /> : <EntityView key={route.kind} kind={route.kind} selectedId={route.id} />}
      </main>
      <NoticeBar />
      <ImportDialog />
      <DuplicatesDialog />
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          {t('io.dropHere')}
        </div>
      )}
    </div>
  );
}

export function App() {
  const { t } = useTranslation();
  const loaded = useApp((s) => s.loaded);
  const info = useApp((s) => s.info);
  useLiveWorkspace();
  useShortcuts();
  if (!loaded) {
    return (
      <div className="loading" role="status">
        {t('app.loading')}
      </div>
    );
  }
  return info ? <Shell /> : (
    <>
      <StartScreen />
      <NoticeBar />
    </>
  );
}
