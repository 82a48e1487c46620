import type { TFunction } from 'i18next';
import { api } from '../api';
import { attempt, useApp } from './store';

/**
 * Editor commands as objects (name, shortcut, enabled, perform), so the menu, the toolbar,
 * keyboard shortcuts and the desktop menu all share one list.
 */
export interface Command {
  id: string;
  labelKey: string;
  /** Shortcuts in the form "Mod+Shift+Z" (Mod = Ctrl, or Cmd on macOS). */
  shortcuts: string[];
  enabled(): boolean;
  perform(t: TFunction): Promise<void>;
}

export const COMMANDS: Command[] = [
  {
    id: 'history.undo',
    labelKey: 'command.undo',
    shortcuts: ['Mod+Z'],
    enabled: () => useApp.getState().history.canUndo,
    async perform(t) {
      const state = await attempt(() => api.call('history.undo', {}), (e) => t('error.generic', { message: e.message }));
      if (state) useApp.getState().notify({ kind: 'info', text: t('notice.undone') });
    },
  },
  {
    id: 'history.redo',
    labelKey: 'command.redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: () => useApp.getState().history.canRedo,
    async perform(t) {
      const state = await attempt(() => api.call('history.redo', {}), (e) => t('error.generic', { message: e.message }));
      if (state) useApp.getState().notify({ kind: 'info', text: t('notice.redone') });
    },
  },
];

/** Normalises a key event to the "Mod+Shift+Z" form used in Command.shortcuts. */
export function shortcutOf(e: KeyboardEvent): string {
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(e.key.length === 1 ? e.key.toUpperCase() : e.key);
  return parts.join('+');
}

/** Whether the key event belongs to a text field, where the browser's own undo should work. */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function findCommand(shortcut: string): Command | undefined {
  return COMMANDS.find((c) => c.shortcuts.includes(shortcut));
}
