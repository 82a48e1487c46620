// Electron's security checklist, kept free of `electron` imports so tests can check it without
// the Electron binary.

/** The only webPreferences a Kohtaanto window is created with. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
} as const;

/** Whether the window may navigate to `target`: only within the app's own bundle, never elsewhere. */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  try {
    const t = new URL(target);
    const a = new URL(appUrl);
    if (t.protocol !== a.protocol) return false;
    if (t.protocol === 'file:') return t.pathname === a.pathname;
    return t.origin === a.origin;
  } catch {
    return false;
  }
}

/** Whether an IPC message comes from the app's own page (not from a frame that navigated away). */
export function isTrustedSender(senderUrl: string | undefined, appUrl: string): boolean {
  return !!senderUrl && isAllowedNavigation(senderUrl.split('#')[0], appUrl.split('#')[0]);
}
