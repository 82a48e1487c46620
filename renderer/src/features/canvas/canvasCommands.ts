import type { Command } from '../../app/commands';
import { useApp } from '../../app/store';
import {
  alignSelected,
  copySelection,
  distributeSelected,
  duplicateSelection,
  getFlow,
  openQuickCreate,
  pasteFromClipboard,
  requestDelete,
  runLayout,
  setFocus,
  switchMode,
  togglePin,
  writeClipboard,
  fitPadding,
} from './actions';
import { ALIGN_MODES, DISTRIBUTE_MODES } from './align';
import { useCanvas } from './canvasStore';
import { exportMap } from './exporter';
import { setPresenting, useCanvasUi } from './uiStore';

const on = () => useCanvasUi.getState().mounted && !!useApp.getState().info;
const count = () => useCanvas.getState().selected.size;
const one = () => on() && count() === 1;
const some = () => on() && count() > 0;

/**
 * The canvas's editor commands, as objects like the app's own (app/commands.ts): the toolbar
 * menus, the command palette and the canvas's key handler all use this one list. Their keys act
 * only while the canvas has focus (the app's global handler would take Delete, arrows and Ctrl+C
 * from every other view), so they are listed here rather than in the global COMMANDS.
 */
export const CANVAS_COMMANDS: Command[] = [
  {
    id: 'canvas.new',
    labelKey: 'canvas.command.new',
    shortcuts: ['N'],
    enabled: on,
    async perform() {
      openQuickCreate('service');
    },
  },
  {
    id: 'canvas.edit',
    labelKey: 'canvas.command.edit',
    shortcuts: ['Enter', 'F2'],
    enabled: one,
    async perform() {
      useCanvas.getState().set({ editing: [...useCanvas.getState().selected][0] });
    },
  },
  {
    id: 'canvas.connect',
    labelKey: 'canvas.command.connect',
    shortcuts: ['C'],
    enabled: one,
    async perform(t) {
      const from = [...useCanvas.getState().selected][0];
      useCanvas.getState().set({ connectFrom: from });
      useApp.getState().notify({ kind: 'info', text: t('canvas.notice.connectFrom') });
    },
  },
  {
    id: 'canvas.delete',
    labelKey: 'canvas.command.delete',
    shortcuts: ['Delete', 'Backspace'],
    enabled: () => on() && (count() > 0 || useCanvas.getState().edges.some((e) => e.selected)),
    async perform() {
      requestDelete();
    },
  },
  {
    id: 'canvas.selectAll',
    labelKey: 'canvas.command.selectAll',
    shortcuts: ['Mod+A'],
    enabled: on,
    async perform() {
      const s = useCanvas.getState();
      s.selectOnly(s.nodes.map((n) => n.id));
    },
  },
  {
    id: 'canvas.copy',
    labelKey: 'canvas.command.copy',
    shortcuts: ['Mod+C'],
    enabled: some,
    async perform() {
      const clip = copySelection();
      if (clip) await writeClipboard(clip);
    },
  },
  {
    id: 'canvas.paste',
    labelKey: 'canvas.command.paste',
    shortcuts: ['Mod+V'],
    enabled: on,
    async perform() {
      await pasteFromClipboard();
    },
  },
  {
    id: 'canvas.duplicate',
    labelKey: 'canvas.command.duplicate',
    shortcuts: ['Mod+D'],
    enabled: some,
    async perform() {
      await duplicateSelection();
    },
  },
  {
    id: 'canvas.pin',
    labelKey: 'canvas.command.pin',
    shortcuts: ['P'],
    enabled: some,
    async perform() {
      await togglePin();
    },
  },
  {
    id: 'canvas.focus',
    labelKey: 'canvas.command.focus',
    shortcuts: ['F'],
    enabled: one,
    async perform() {
      setFocus(useCanvas.getState().filters.focus?.depth ?? 1);
    },
  },
  {
    id: 'canvas.unfocus',
    labelKey: 'canvas.command.unfocus',
    shortcuts: ['Shift+F'],
    enabled: () => on() && !!useCanvas.getState().filters.focus,
    async perform() {
      setFocus(null);
    },
  },
  {
    id: 'canvas.fit',
    labelKey: 'canvas.command.fit',
    shortcuts: ['Shift+!', 'Shift+1'],
    enabled: on,
    async perform() {
      getFlow()?.fitView({ padding: fitPadding(), duration: 250 });
    },
  },
  {
    id: 'canvas.layoutLayered',
    labelKey: 'canvas.command.layoutLayered',
    shortcuts: ['Mod+Alt+L'],
    enabled: () => on() && !useCanvas.getState().layingOut,
    async perform() {
      await runLayout('layered');
    },
  },
  {
    id: 'canvas.layoutOrganic',
    labelKey: 'canvas.command.layoutOrganic',
    shortcuts: ['Mod+Alt+O'],
    enabled: () => on() && !useCanvas.getState().layingOut,
    async perform() {
      await runLayout('organic');
    },
  },
  ...ALIGN_MODES.map(
    (mode): Command => ({
      id: `canvas.align.${mode}`,
      labelKey: `canvas.align.${mode}`,
      shortcuts: [],
      enabled: () => on() && count() >= 2,
      async perform() {
        await alignSelected(mode);
      },
    }),
  ),
  ...DISTRIBUTE_MODES.map(
    (mode): Command => ({
      id: `canvas.distribute.${mode}`,
      labelKey: `canvas.distribute.${mode}`,
      shortcuts: [],
      enabled: () => on() && count() >= 3,
      async perform() {
        await distributeSelected(mode);
      },
    }),
  ),
  ...(['png', 'svg'] as const).flatMap((format) =>
    (['view', 'all'] as const).map(
      (scope): Command => ({
        id: `canvas.export.${format}.${scope}`,
        labelKey: `canvas.export.${format}_${scope}`,
        shortcuts: [],
        enabled: () => on() && useCanvas.getState().nodes.length > 0,
        async perform(t) {
          try {
            await exportMap(format, scope);
          } catch (err) {
            useApp.getState().notify({ kind: 'error', text: t('canvas.export.failed', { message: (err as Error).message }) });
          }
        },
      }),
    ),
  ),
  {
    id: 'canvas.print',
    labelKey: 'canvas.export.print',
    shortcuts: [],
    enabled: on,
    async perform() {
      window.print();
    },
  },
  {
    id: 'canvas.presentOff',
    labelKey: 'canvas.command.presentOff',
    shortcuts: ['Escape'],
    enabled: () => on() && useCanvasUi.getState().presenting,
    async perform() {
      setPresenting(false);
    },
  },
  {
    id: 'canvas.mode.map',
    labelKey: 'canvas.mode.map',
    shortcuts: [],
    enabled: () => !!useApp.getState().info,
    async perform() {
      switchMode('map');
    },
  },
  {
    id: 'canvas.mode.outline',
    labelKey: 'canvas.mode.outline',
    shortcuts: [],
    enabled: () => !!useApp.getState().info,
    async perform() {
      switchMode('outline');
    },
  },
  {
    id: 'canvas.mode.analysis',
    labelKey: 'canvas.mode.analysis',
    shortcuts: [],
    enabled: () => !!useApp.getState().info,
    async perform() {
      switchMode('analysis');
    },
  },
];

/** Nudging with Shift+arrows (20 units a press), handled beside the list because the step is a parameter. */
export const NUDGE = 20;

export function findCanvasCommand(shortcut: string): Command | undefined {
  return CANVAS_COMMANDS.find((c) => c.shortcuts.includes(shortcut));
}

/** How a shortcut is shown to people: Ctrl instead of Mod, and the first one only. */
export function shortcutLabel(c: Command): string {
  const s = c.shortcuts.find((k) => k !== 'Shift+!') ?? '';
  return s.replace('Mod', 'Ctrl');
}
