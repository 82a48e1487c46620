import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITY_KINDS, pickText, type Language } from '../../../shared/model';
import { api, transport, transportKind } from '../api';
import { CanvasScreen } from '../features/canvas';
import { EntityView } from '../features/entities/EntityView';
import { MatchingView } from '../features/matching/MatchingView';
import { PictureView } from '../features/picture/PictureView';
import { TryoutView } from '../features/tryout/TryoutView';
import { answeredByBackend } from '../features/tryout/engine';
import { WorkshopView } from '../features/workshop/WorkshopView';
import { Overview } from '../features/overview/Overview';
import { CourseFrame, TrainerView } from '../features/course';
import { StartScreen } from '../features/workspace/StartScreen';
import { WorkspaceMenu } from '../features/workspace/WorkspaceMenu';
import { ImportDialog } from '../features/io/ImportDialog';
import { useImportDialog } from '../features/io/importStore';
import { DuplicatesDialog } from '../features/duplicates/DuplicatesDialog';
import { setLanguage, SUPPORTED } from '../i18n';
import { describeError } from '../i18n/errors';
import { AppError } from '../../../shared/api/result';
import { findCommand, inTextField, menuCommand, shortcutOf } from './commands';
import { routeHref, useRoute } from './route';
import { historyText } from './historyText';
import { useApp } from './store';
import { CatalogueGate } from './CatalogueGate';
import { confirmLeave, hasUnsavedChanges } from './leaveGuard';

function useLiveWorkspace(): void {
  const refresh = useApp((s) => s.refresh);
  const applyChanges = useApp((s) => s.applyChanges);
  const notify = useApp((s) => s.notify);
  const { t } = useTranslation();
  useEffect(() => {
    // A known code (e.g. a tab opened without the server's key) gets its own sentence.
    const failed = (e: Error) => notify({ kind: 'error', text: e instanceof AppError ? describeError(t, e) : t('error.generic', { message: e.message }) });
    refresh().catch(failed);
    const off = api.on('workspace.changed', (p) => {
      applyChanges(p.changes).catch(failed);
    });
    // The desktop menu sends its commands as events through the same bridge.
    const offMenu = transport.on('menu.command', (p) => {
      const cmd = menuCommand((p as { command?: unknown }).command);
      if (cmd?.enabled()) void cmd.perform(t);
    });
    return () => {
      off();
      offMenu();
    };
  }, [refresh, applyChanges, notify, t]);
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

/**
 * Closing or reloading with unsaved changes: they are saved if valid (and kept in local storage
 * either way, offered again when the panel reopens); a browser tab also asks before it goes.
 */
function useSaveBeforeUnload(): void {
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges()) return;
      void confirmLeave();
      // In the desktop window a prevented unload would just refuse to close, with no question.
      if (transportKind === 'http') e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);
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
          <span>{typeof notice.text === 'function' ? notice.text(t) : notice.text}</span>
          {notice.action && (
            <a className="notice-action" href={notice.action.href} onClick={() => notify(null)}>
              {notice.action.label}
            </a>
          )}
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Language;
  const history = useApp((s) => s.history);
  const undo = menuCommand('history.undo')!;
  const redo = menuCommand('history.redo')!;
  // The tooltips name the step each button would take ("Undo: link Kela → Toimeentulo").
  const undoWhat = history.canUndo ? historyText(t, lang, history.undo, history.undoLabel) : '';
  const redoWhat = history.canRedo ? historyText(t, lang, history.redo, history.redoLabel) : '';
  return (
    <div className="toolbar-group" role="group" aria-label={t('app.history')}>
      <button type="button" onClick={() => undo.perform(t)} disabled={!history.canUndo} title={`${undoWhat ? t('history.undoWhat', { what: undoWhat }) : t('command.undo')} (Ctrl+Z)`}>
        ↶ {t('command.undo')}
      </button>
      <button type="button" onClick={() => redo.perform(t)} disabled={!history.canRedo} title={`${redoWhat ? t('history.redoWhat', { what: redoWhat }) : t('command.redo')} (Ctrl+Shift+Z)`}>
        ↷ {t('command.redo')}
      </button>
    </div>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const info = useApp((s) => s.info)!;
  // From the workspace's counts, right while a large catalogue still loads (and without counting 50,000 entities on every edit).
  const counts = useApp((s) => s.counts);
  const route = useRoute();
  const lang = i18n.language as Language;
  const title = pickText(info.title, lang) || info.path.split(/[\\/]/).pop();
  const dropping = useFileDrop(true);

  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={routeHref({ view: 'start' })} title={t('firstSteps.startTitle')} aria-hidden="true" tabIndex={-1}>
          Kohtaanto
        </a>
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
            <a href={routeHref({ view: 'start' })} aria-current={route.view === 'start' ? 'page' : undefined} title={t('firstSteps.startTitle')}>
              <span className="nav-icon" aria-hidden="true">⌂</span>
              {t('firstSteps.start')}
            </a>
          </li>
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
                <span className="count">{(counts[k] ?? 0).toLocaleString(lang)}</span>
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
          <li>
            <a href={routeHref({ view: 'picture', tab: 'dashboard' })} aria-current={route.view === 'picture' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">◫</span>
              <span className="nav-label">{t('picture.nav')}</span>
            </a>
          </li>
          <li>
            <a href={routeHref({ view: 'workshop', tab: 'session' })} aria-current={route.view === 'workshop' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">⚇</span>
              <span className="nav-label">{t('workshop.nav')}</span>
            </a>
          </li>
          <li>
            <a href={routeHref({ view: 'course', tab: 'author' })} aria-current={route.view === 'course' ? 'page' : undefined}>
              <span className="nav-icon" aria-hidden="true">✎</span>
              <span className="nav-label">{t('course.ui.nav')}</span>
            </a>
          </li>
        </ul>
      </nav>
      <main className="content" id="main">
        {/* The start screen, the entity tables (paged from the backend) and a try-out page the backend answers need no catalogue; the rest wait for a large one. */}
        {route.view === 'start' ? <StartScreen embedded /> : route.view === 'entities' ? <EntityView key={route.kind} kind={route.kind} selectedId={route.id} /> : route.view === 'tryout' && answeredByBackend(counts.service ?? 0) ? <TryoutView personaId={route.id} /> : <CatalogueGate>{route.view === 'overview' ? <Overview /> : route.view === 'canvas' ? <CourseFrame><CanvasScreen route={route} /></CourseFrame> : route.view === 'course' ? <TrainerView tab={route.tab} /> : route.view === 'matching' ? <MatchingView /> : route.view === 'picture' ? <PictureView tab={route.tab} /> : route.view === 'tryout' ? <TryoutView personaId={route.id} /> : <WorkshopView tab={route.tab} id={route.id} />}</CatalogueGate>}
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
  useSaveBeforeUnload();
  if (!loaded) {
    // The notice bar too: a start that fails (no key, server gone) must say why, not load forever.
    return (
      <>
        <div className="loading" role="status">
          {t('app.loading')}
        </div>
        <NoticeBar />
      </>
    );
  }
  return info ? <Shell /> : (
    <>
      {/* A Swedish or English user must be able to read the very first screen in their language. */}
      <header className="start-bar">
        <LanguageSwitch />
      </header>
      <StartScreen />
      <NoticeBar />
    </>
  );
}
