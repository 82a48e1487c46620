import { lazy } from 'react';
import { COMMANDS } from '../../app/commands';
import { navigate, parseRoute } from '../../app/route';
import { setPresenting, useCanvasUi } from './uiStore';

/**
 * The canvas screen, loaded on first visit: React Flow, ELK's client and the analysis code stay
 * out of the bundle the start screen needs.
 */
export const CanvasScreen = lazy(() => import('./CanvasScreen'));

function toCanvas(): void {
  if (parseRoute(window.location.hash).view !== 'canvas') navigate({ view: 'canvas', mode: 'map' });
}

// App-wide commands join the shared list, so the desktop menu, the workspace menu and the command
// palette offer them. The canvas's own editing keys (Delete, arrows, Ctrl+C…) are bound by the
// canvas itself while it has focus, because the shared shortcut handler would otherwise take those
// keys from every other view (see CANVAS_COMMANDS in canvasCommands.ts).
COMMANDS.push(
  {
    id: 'canvas.palette',
    labelKey: 'canvas.command.palette',
    shortcuts: ['Mod+K'],
    enabled: () => true,
    async perform() {
      toCanvas();
      useCanvasUi.getState().set({ paletteOpen: true });
    },
  },
  {
    id: 'canvas.present',
    labelKey: 'canvas.command.present',
    shortcuts: ['Mod+Alt+P'],
    enabled: () => true,
    async perform() {
      toCanvas();
      setPresenting(!useCanvasUi.getState().presenting);
    },
  },
);
