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

/**
 * Answers every permission *check* (a page asking whether it may already use the clipboard,
 * notifications, media, …): no. The request handler alone leaves checks to Chromium's defaults.
 */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Answers every permission *request*: no. Kohtaanto needs no device, location or notification. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** An Electron navigation event as the guard needs it (will-navigate, will-frame-navigate, will-redirect all carry `url`). */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/**
 * The listener for `will-navigate`, `will-frame-navigate` (any frame, also subframes) and
 * `will-redirect`: a navigation or redirect that would leave the app is stopped.
 */
export function navigationGuard(appUrl: string): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAllowedNavigation(event.url, appUrl)) event.preventDefault();
  };
}
