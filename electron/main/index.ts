import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { createBackend } from '../backend';
import { openAtStart, WORKSPACE_EXT } from '../backend/domains/workspace';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
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

app.whenReady().then(() => {
  const { ctx, registry } = createBackend({ dataDir: app.getPath('userData'), mode: 'desktop', nativeBinding: electronNativeBinding() });
  setSecretStore(ctx, keychainSecrets(app.getPath('userData')));
  try {
    openAtStart(ctx);
  } catch (err) {
    console.error('[kohtaanto] start-up workspace:', err);
  }

  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  ipcMain.handle('kohtaanto:invoke', (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, appUrl)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from the app.' } };
    }
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

  const call = async (method: string, input: unknown) => {
    const r = await registry.call(method, input);
    if (!r.ok) dialog.showErrorBox('Kohtaanto', r.error.message);
  };
  const send = (command: string) => contents.send('kohtaanto:event', 'menu.command', { command });
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'New workspace…', accelerator: 'CmdOrCtrl+N', click: () => send('workspace.new') },
        {
          label: 'Open workspace…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters: [{ name: 'Kohtaanto', extensions: [WORKSPACE_EXT.slice(1)] }] });
            if (!r.canceled && r.filePaths[0]) await call('workspace.open', { path: r.filePaths[0] });
          },
        },
        { label: 'Close workspace', click: () => call('workspace.close', {}) },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('history.undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('history.redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: [{ role: 'reload' }, { role: 'togglefullscreen' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
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
