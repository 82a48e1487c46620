import i18next, { type TFunction } from 'i18next';
import type { HistoryState } from '../../../shared/api/contract';
import { isMenuCommandId, type MenuCommandId } from '../../../shared/api/menu';
import type { Language } from '../../../shared/model';
import { api } from '../api';
import { historyText } from './historyText';
import { navigate, parseRoute, routeHref } from './route';
import { attempt, useApp, type Notice } from './store';

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

/**
 * Every command the desktop menu can send has its entry here, and nothing else does: the
 * compiler checks both ways against the closed set in shared/api/menu.ts.
 */
const BY_ID: Record<MenuCommandId, Omit<Command, 'id'>> = {
  'history.undo': {
    labelKey: 'command.undo',
    shortcuts: ['Mod+Z'],
    enabled: () => useApp.getState().history.canUndo,
    async perform(t) {
      const state = await attempt(() => api.call('history.undo', {}), (e) => t('error.generic', { message: e.message }));
      if (state) await tellDone(t, 'history.undone', state);
    },
  },
  'history.redo': {
    labelKey: 'command.redo',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    enabled: () => useApp.getState().history.canRedo,
    async perform(t) {
      const state = await attempt(() => api.call('history.redo', {}), (e) => t('error.generic', { message: e.message }));
      if (state) await tellDone(t, 'history.redone', state);
    },
  },
  'workspace.new': {
    labelKey: 'menu.desktop.newWorkspace',
    shortcuts: [],
    enabled: () => true,
    async perform() {
      // Creating needs a name: the start screen's form asks for it (and offers the examples).
      window.location.hash = routeHref({ view: 'start' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      document.getElementById('new-name')?.focus();
    },
  },
  'workshop.start': {
    labelKey: 'workshop.command.start',
    shortcuts: [],
    enabled: () => !!useApp.getState().info,
    async perform() {
      navigate({ view: 'workshop', tab: 'session' });
    },
  },
};

export const COMMANDS: Command[] = Object.entries(BY_ID).map(([id, c]) => ({ id, ...c }));

/** The command a desktop menu item asked for; anything else (an unknown id) is ignored. */
export function menuCommand(id: unknown): Command | undefined {
  return isMenuCommandId(id) ? { id, ...BY_ID[id] } : undefined;
}

/**
 * Says what was undone or redone, and where: a step that changed another screen than the one
 * shown says so and links there.
 */
async function tellDone(t: TFunction, key: 'history.undone' | 'history.redone', state: HistoryState): Promise<void> {
  const lang = (i18next.language || 'fi') as Language;
  const what = historyText(t, lang, state.done, state.doneLabel);
  if (!what) {
    useApp.getState().notify({ kind: 'info', text: t(key === 'history.undone' ? 'notice.undone' : 'notice.redone') });
    return;
  }
  const route = parseRoute(window.location.hash);
  const done = state.done;
  let text = t(key, { what });
  let action: Notice['action'];
  if (done?.screen === 'map' && route.view !== 'canvas') {
    text = `${text} ${t('history.onMap')}`;
    action = { label: t('history.showMap'), href: routeHref({ view: 'canvas', mode: 'map' }) };
  } else if (done?.entity && route.view !== 'canvas' && !(route.view === 'entities' && route.kind === done.entity.kind)) {
    // Asked of the workspace, not the window's store: that may still be loading a large catalogue (and a full reload to be sure would load it all again).
    const exists = (await api.call('entities.getMany', { ids: [done.entity.id] }).catch(() => [])).length > 0;
    action = { label: t('history.show'), href: routeHref({ view: 'entities', kind: done.entity.kind, id: exists ? done.entity.id : undefined }) };
  }
  useApp.getState().notify({ kind: 'info', text, action });
}

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
