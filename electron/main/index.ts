import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { createBackend } from '../backend';
import { openAtStart, WORKSPACE_EXT } from '../backend/domains/workspace';
import { DESKTOP_REPORT_PDF } from '../../shared/api/picture';
import { LANGUAGES, type Language } from '../../shared/model';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { workshopHub } from '../backend/workshop/hub';
import { startParticipantListener } from '../server/participant';
import { dialogTexts, errorBoxText, menuTemplate, type MenuHandlers } from './menu';
import { printReportPdf } from './report-pdf';
import { setSecretStore } from '../backend/remote/secrets';
import { keychainSecrets } from './secrets';
import { denyPermissionCheck, denyPermissionRequest, isTrustedSender, navigationGuard, SECURE_WEB_PREFERENCES } from './security';

// better-sqlite3 is built for Node's ABI by npm; postinstall builds an Electron copy where it can.
function electronNativeBinding(): string | undefined {
  const candidate = path.join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

const rendererIndex = path.join(__dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();

app.enableSandbox();

const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
/** The system locale's language where the app has it (sv-FI → sv), Finnish otherwise. */
const languageOf = (locale: string): Language => {
  const base = locale.slice(0, 2).toLowerCase();
  return isLanguage(base) ? base : 'fi';
};

app.whenReady().then(() => {
  const { ctx, registry } = createBackend({ dataDir: app.getPath('userData'), mode: 'desktop', nativeBinding: electronNativeBinding() });
  setSecretStore(ctx, keychainSecrets(app.getPath('userData')));
  try {
    openAtStart(ctx);
  } catch (err) {
    console.error('[kohtaanto] start-up workspace:', err);
  }

  // The desktop app has no web server of its own: a workshop session opens a participants-only
  // listener on the address the facilitator picks (loopback when none), for the session's length.
  const hub = workshopHub(ctx);
  hub.attachNetwork({ open: (address, port) => startParticipantListener({ hub, address, port, staticDir: path.dirname(rendererIndex), anyPortIfTaken: !port }) });

  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle('kohtaanto:invoke', (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, appUrl)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from the app.' } };
    }
    // Desktop-only: answered here, outside the registry, so the HTTP door never offers it.
    if (method === DESKTOP_REPORT_PDF) return printReportPdf(win, registry, input);
    return registry.call(String(method), input);
  });

  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Kohtaanto',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(__dirname, '../preload/index.js') },
  });
  win.once('ready-to-show', () => win.show());
  ctx.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send('kohtaanto:event', name, payload);
  });

  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());

  // The window's language, for the menu and the desktop's own dialogs.
  let lang: Language = languageOf(app.getLocale());
  const call = async (method: string, input: unknown) => {
    const r = await registry.call(method, input);
    if (!r.ok) dialog.showErrorBox(dialogTexts(lang).errorTitle, errorBoxText(lang, r.error));
  };
  const handlers: MenuHandlers = {
    command: (command) => contents.send('kohtaanto:event', 'menu.command', { command }),
    openWorkspace: async () => {
      const r = await dialog.showOpenDialog(win, { title: dialogTexts(lang).openWorkspace, properties: ['openFile'], filters: [{ name: 'Kohtaanto', extensions: [WORKSPACE_EXT.slice(1)] }] });
      if (!r.canceled && r.filePaths[0]) await call('workspace.open', { path: r.filePaths[0] });
    },
    closeWorkspace: () => void call('workspace.close', {}),
  };
  // The menu speaks the window's language: the system's until the window says which it uses.
  const showMenu = (next: Language) => {
    lang = next;
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(next, handlers)));
  };
  showMenu(lang);
  ipcMain.on('kohtaanto:language', (event, lang: unknown) => {
    if (isTrustedSender(event.senderFrame?.url, appUrl) && isLanguage(lang)) showMenu(lang);
  });
  void win.loadFile(rendererIndex);

  app.on('window-all-closed', () => {
    ctx.close();
    app.quit();
  });
});

// Every web contents (the window's and any other): no navigation of any frame, and no redirect,
// away from the app.
const guard = navigationGuard(appUrl);
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
