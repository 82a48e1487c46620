import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMAND_IDS, type MenuCommandId } from '../../shared/api/menu';
import { LANGUAGES } from '../../shared/model';
import { menuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('desktop menu', () => {
  it('speaks each UI language, with a label on every item', () => {
    const labels = (lang: (typeof LANGUAGES)[number]) =>
      flatten(menuTemplate(lang, { command: () => {}, openWorkspace: () => {}, closeWorkspace: () => {} }))
        .filter((i) => i.type !== 'separator')
        .map((i) => i.label);
    for (const lang of LANGUAGES) expect(labels(lang).every((l) => typeof l === 'string' && l.length > 0)).toBe(true);
    expect(labels('fi')).toContain('Uusi työtila…');
    expect(labels('sv')).toContain('Ny arbetsyta…');
    expect(labels('en')).toContain('New workspace…');
  });

  it('sends only commands of the closed set, and offers every one of them', () => {
    const sent: MenuCommandId[] = [];
    const items = flatten(menuTemplate('fi', { command: (id) => sent.push(id), openWorkspace: () => {}, closeWorkspace: () => {} }));
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect([...sent].sort()).toEqual([...MENU_COMMAND_IDS].sort());
  });
});
