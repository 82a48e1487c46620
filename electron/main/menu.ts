import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandId } from '../../shared/api/menu';
import type { Language } from '../../shared/model';
import { en, type Messages } from '../../renderer/src/i18n/en';
import { fi } from '../../renderer/src/i18n/fi';
import { sv } from '../../renderer/src/i18n/sv';
import { translator } from '../../renderer/src/i18n/catalogue';
import { describeError } from '../../renderer/src/i18n/errors';
import { AppError, type ApiError } from '../../shared/api/result';

const MESSAGES: Record<Language, Messages> = { fi, sv, en };

/** Titles of the desktop window's own dialogs, from the same strings as the window. */
export function dialogTexts(lang: Language): { openWorkspace: string; savePdf: string; errorTitle: string } {
  const m = MESSAGES[lang] ?? fi;
  return { openWorkspace: m.menu.desktop.openWorkspace.replace(/…$/, ''), savePdf: m.picture.report.pdf, errorTitle: 'Kohtaanto' };
}

/** An error the desktop shows in a message box, in the window's language when it carries a coded message. */
export function errorBoxText(lang: Language, error: ApiError): string {
  const t = translator(lang);
  return describeError(t, new AppError(error.code, error.message, error.details, error.msg));
}

export interface MenuHandlers {
  /** Sends a command to the window, which runs it from the same list as its shortcuts. */
  command(id: MenuCommandId): void;
  openWorkspace(): void;
  closeWorkspace(): void;
}

/** The desktop menu in the UI language; every label comes from the same strings as the window. */
export function menuTemplate(lang: Language, on: MenuHandlers): MenuItemConstructorOptions[] {
  const m = MESSAGES[lang].menu.desktop;
  return [
    {
      label: m.file,
      submenu: [
        { label: m.newWorkspace, accelerator: 'CmdOrCtrl+N', click: () => on.command('workspace.new') },
        { label: m.openWorkspace, accelerator: 'CmdOrCtrl+O', click: () => on.openWorkspace() },
        { label: m.closeWorkspace, click: () => on.closeWorkspace() },
        { type: 'separator' },
        { label: m.startWorkshop, click: () => on.command('workshop.start') },
        { type: 'separator' },
        { role: 'quit', label: m.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { label: m.undo, accelerator: 'CmdOrCtrl+Z', click: () => on.command('history.undo') },
        { label: m.redo, accelerator: 'CmdOrCtrl+Shift+Z', click: () => on.command('history.redo') },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'reload', label: m.reload },
        { role: 'togglefullscreen', label: m.fullscreen },
        { role: 'resetZoom', label: m.resetZoom },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
      ],
    },
  ];
}
