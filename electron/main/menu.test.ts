import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMAND_IDS, type MenuCommandId } from '../../shared/api/menu';
import { LANGUAGES } from '../../shared/model';
import { dialogTexts, errorBoxText, menuTemplate } from './menu';

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

describe("the desktop's own dialogs", () => {
  it('have titles in the window language', () => {
    expect(dialogTexts('fi')).toMatchObject({ openWorkspace: 'Avaa työtila', savePdf: 'Tallenna raportti PDF:nä' });
    expect(dialogTexts('sv').savePdf).toBe('Spara rapporten som PDF');
    expect(dialogTexts('en').openWorkspace).toBe('Open workspace');
  });

  it('say a coded error in the window language, keeping the English for an uncoded one', () => {
    const coded = { code: 'io_error' as const, message: 'The PDF could not be written: EACCES', msg: { code: 'desktop.pdfNotWritten' as const } };
    expect(errorBoxText('sv', coded)).toBe('Filen kunde inte läsas eller skrivas: PDF-filen kunde inte skrivas.');
    expect(errorBoxText('fi', { code: 'conflict', message: 'x.json: An import with id 7 is already running.', msg: { code: 'import.alreadyRunning', params: { id: '7' } } })).toMatch(/Tuonti tunnisteella 7 on jo käynnissä\./);
  });
});
