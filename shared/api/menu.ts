/**
 * The commands the desktop menu can send to the window: a closed set, so that a menu item
 * naming a command the renderer does not have is a compile error, not a silent no-op.
 */
export const MENU_COMMAND_IDS = ['workspace.new', 'workshop.start', 'history.undo', 'history.redo'] as const;
export type MenuCommandId = (typeof MENU_COMMAND_IDS)[number];

export function isMenuCommandId(v: unknown): v is MenuCommandId {
  return typeof v === 'string' && (MENU_COMMAND_IDS as readonly string[]).includes(v);
}
