import { create } from 'zustand';

/**
 * The little canvas state that app-wide commands touch before the canvas screen itself has been
 * loaded (it is loaded lazily): requests to open the command palette or to start presenting.
 */
interface CanvasUi {
  paletteOpen: boolean;
  presenting: boolean;
  /** Whether the canvas screen is on screen now (commands that act on it check this). */
  mounted: boolean;
  set(p: Partial<Omit<CanvasUi, 'set'>>): void;
}

export const useCanvasUi = create<CanvasUi>((set) => ({
  paletteOpen: false,
  presenting: false,
  mounted: false,
  set: (p) => set(p),
}));

/** Starts or ends presentation mode; full screen is asked for here, inside the user's gesture. */
export function setPresenting(on: boolean): void {
  useCanvasUi.getState().set({ presenting: on });
  // Full screen may be refused (an embedded browser, a headless test): the mode still works in the window.
  if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!on && document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
}
